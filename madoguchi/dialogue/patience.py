"""A customer who asks the bot to wait: 「ちょっと待ってください」, 「メール見てみるわ」.
The bot says to take their time and listens, a form still waiting for its answer
(`madoguchi.rasa.policies.shop.PatiencePolicy`)."""

from __future__ import annotations

from rasa.shared.core.trackers import DialogueStateTracker

from madoguchi.dialogue.leaving import is_leaving


# How sure a reading inside a form must be to outweigh a wait asked (ちっと待ってくんない 紙さがすい,
# read as a catalog request at 0.48 inside the order verification: round 2026-12-05zzn fumio-zuzana-16).
UNSURE = 0.6


def asks_to_wait(tracker: DialogueStateTracker) -> bool:
    """The latest message asks the bot to wait, and nothing else in it called for more: read as
    a yes, or, inside a form, read unsurely and giving no detail."""
    message = tracker.latest_message
    parse = (message.parse_data or {}) if message else {}
    triage = parse.get("triage") or {}
    if not (triage.get("waiting") and triage.get("changed_from") is not None):
        return False
    intent = parse.get("intent") or {}
    # やっぱよか。住所録ば探してからまたするけん: leaving until it is found, no wait (round 03zh, replay)
    in_form = tracker.active_loop_name is not None and not parse.get("entities") and not is_leaving(message.text or "")
    return intent.get("name") == "affirm" or in_form and (intent.get("confidence") or 0) < UNSURE
