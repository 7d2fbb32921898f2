"""A wait asked is waited for: read as a yes, or inside a form read unsurely with no detail."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActiveLoop, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from madoguchi.dialogue.patience import asks_to_wait


def tracker(text: str, intent: str, confidence: float, form: str | None = None, entities: list | None = None):
    parse = {"intent": {"name": intent, "confidence": confidence}, "entities": entities or [],
             "triage": {"waiting": True, "changed_from": "complain"}}
    events = [ActiveLoop(form)] if form else []
    return DialogueStateTracker.from_events("s1", [*events, UserUttered(text, parse_data=parse)])


@pytest.mark.parametrize("text, intent, confidence, form, entities, waits", [
    ("ちょっと待ってください", "affirm", 0.45, None, None, True),
    # round 2026-12-05zzn fumio-zuzana-16 (replay): read as a catalog request inside the verification
    ("ちっと待ってくんない 紙さがすい", "request_catalog", 0.48, "order_verification_form", None, True),
    ("ちっと待ってくんない 紙さがすい", "request_catalog", 0.48, None, None, False),  # no form: the reading
    ("ちょっと待って、A1234567です", "inform", 0.5, "order_verification_form", [{"entity": "order_id"}], False),
    ("待ってられない、カタログを送って", "request_catalog", 0.9, "catalog_form", None, False),  # read surely
    ("やっぱよか。住所録ば探してからまたするけん", "deny", 0.45, "catalog_form", None, False),  # leaving (03zh)
])
def test_a_wait_asked_is_waited_for(text, intent, confidence, form, entities, waits):
    assert asks_to_wait(tracker(text, intent, confidence, form, entities)) is waits
