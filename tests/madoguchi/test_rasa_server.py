"""madoguchi's fixes to Rasa 3.6 give exactly what Rasa gives, only sooner."""

from __future__ import annotations

import itertools

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    BotUttered,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
    UserUtteranceReverted,
)
from rasa.shared.core.trackers import DialogueStateTracker

from madoguchi import rasa_server
from madoguchi.settings import ROOT

RASA_STATES = Domain.states_for_tracker_history


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain"))


def user(intent: str, **entities: str) -> UserUttered:
    found = [{"entity": k, "value": v, "start": 0, "end": 1} for k, v in entities.items()]
    return UserUttered(intent, {"name": intent, "confidence": 1.0}, found)


# A conversation with a form, a rule-only turn, corrections, an undo, a restart and a new session.
CONVERSATION = [
    ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
    user("greet"), ActionExecuted("utter_greet"), BotUttered("いらっしゃいませ"), ActionExecuted("action_listen"),
    user("request_catalog"), ActionExecuted("catalog_form"), ActiveLoop("catalog_form"),
    SlotSet("requested_slot", "person_name"), ActionExecuted("action_listen"),
    user("inform", person_name="山田"), ActionExecuted("catalog_form"), SlotSet("person_name", "山田"),
    SlotSet("requested_slot", "postal_code"), ActionExecuted("action_listen"),
    user("ask_shipping"), ActionExecuted("action_answer_shipping", hide_rule_turn=True),
    ActionExecuted("catalog_form"), ActionExecuted("action_listen"),
    user("deny"), UserUtteranceReverted(), ActionExecuted("action_listen"),
    user("inform", postal_code="100-0001"), ActionExecuted("catalog_form"), ActionReverted(),
    ActionExecuted("catalog_form"), ActiveLoop(None), SlotSet("requested_slot", None),
    ActionExecuted("action_listen"), user("thank"), ActionExecuted("utter_thank"),
    ActionExecuted("action_listen"), Restarted(), ActionExecuted("action_session_start"), SessionStarted(),
    ActionExecuted("action_listen"), user("ask_gift"), ActionExecuted("action_answer_gift"),
    ActionExecuted("action_listen"),
]
OPTIONS = list(itertools.product([False, True], [False, True], [None, {"slots": ["in_hurry"], "loops": ["catalog_form"]}]))


@pytest.mark.parametrize("omit_unset, ignore_rule_only, rule_only_data", OPTIONS)
def test_kept_states_equal_rasas_after_every_event(domain, omit_unset, ignore_rule_only, rule_only_data):
    tracker = DialogueStateTracker("c1", domain.slots)
    for event in CONVERSATION:
        tracker.update(event)
        options = dict(omit_unset_slots=omit_unset, ignore_rule_only_turns=ignore_rule_only, rule_only_data=rule_only_data)
        kept = rasa_server.states_for_tracker_history(domain, tracker, **options)
        assert kept == RASA_STATES(domain, tracker, **options), f"after {event}"
        kept[-1].clear()  # callers change what they are given; the kept states must not change
        for state in kept:
            state.get("user", {}).clear()
        assert rasa_server.states_for_tracker_history(domain, tracker, **options) == RASA_STATES(domain, tracker, **options)


def test_kept_applied_events_equal_rasas_after_every_event(domain):
    tracker = DialogueStateTracker("c1", domain.slots)
    for event in CONVERSATION:
        tracker.update(event)
        kept = rasa_server.applied_events(tracker)
        assert kept == DialogueStateTracker.applied_events(tracker), f"after {event}"
        kept.clear()  # a caller's change must not reach the kept list
        assert rasa_server.applied_events(tracker) == DialogueStateTracker.applied_events(tracker)


def test_an_invalid_action_response_is_still_refused():
    action = RemoteAction("action_answer_gift", None)
    valid = {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": [{"text": "はい"}]}
    assert rasa_server._validate_action_result(action, valid) and RemoteAction._validate_action_result(action, valid)
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        rasa_server._validate_action_result(action, {"events": [{"name": "no event type"}]})
