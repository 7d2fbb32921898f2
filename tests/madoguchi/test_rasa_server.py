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
    ConversationPaused,
    ConversationResumed,
    FollowupAction,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
    UserUtteranceReverted,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

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


def long_conversation(domain: Domain, turns: int) -> DialogueStateTracker:
    tracker = DialogueStateTracker("c1", domain.slots)
    for event in CONVERSATION[:3]:
        tracker.update(event)
    for i in range(turns):
        for event in [user("ask_product", product=f"商品{i}"), ActionExecuted("action_answer_product"),
                      BotUttered(f"答え{i}"), ActionExecuted("action_listen")]:
            tracker.update(event)
    return tracker


def test_an_answering_action_is_sent_the_latest_turns_only(domain):
    tracker = long_conversation(domain, 40)
    action = RemoteAction("action_answer_product", None)
    sent = rasa_server._action_call_format(action, tracker, domain)
    rasas = RemoteAction._action_call_format(action, tracker, domain)
    users = [e for e in sent["tracker"]["events"] if e["event"] == "user"]
    assert len(users) == 10 and users[-1]["parse_data"]["entities"][0]["value"] == "商品39"
    assert sent["tracker"]["events"] == rasas["tracker"]["events"][-len(sent["tracker"]["events"]):]
    assert sent["tracker"]["events"][0]["event"] == "user"
    # Everything else the action reads is Rasa's.
    del sent["tracker"]["events"], rasas["tracker"]["events"]
    assert sent == rasas


def test_an_action_that_may_hand_off_is_sent_the_whole_conversation(domain):
    tracker = long_conversation(domain, 40)
    for name in ["action_handoff", "action_fallback", "action_order_result"]:
        action = RemoteAction(name, None)
        assert rasa_server._action_call_format(action, tracker, domain) == RemoteAction._action_call_format(
            action, tracker, domain)
    short = long_conversation(domain, 3)
    action = RemoteAction("action_answer_product", None)
    assert rasa_server._action_call_format(action, short, domain) == RemoteAction._action_call_format(
        action, short, domain)


STATE = ["sender_id", "_paused", "followup_action", "latest_action", "latest_message", "latest_bot_utterance",
         "active_loop", "model_id", "assistant_id", "is_rule_tracker"]


def test_a_copy_has_the_state_rasas_replayed_copy_has(domain):
    tracker = DialogueStateTracker("c1", domain.slots)
    events = [*CONVERSATION, FollowupAction("action_answer_gift"), ConversationPaused(), SlotSet("order_id", "A-1"),
              user("greet"), ConversationResumed(), ActionExecuted("action_listen")]
    for event in events:
        tracker.update(event)
        kept, rasas = rasa_server.copy_tracker(tracker), DialogueStateTracker.copy(tracker)
        assert list(kept.events) == list(rasas.events), f"after {event}"
        assert {k: (s.value, s.has_been_set) for k, s in kept.slots.items()} == {
            k: (s.value, s.has_been_set) for k, s in rasas.slots.items()}, f"after {event}"
        assert {k: getattr(kept, k) for k in STATE} == {k: getattr(rasas, k) for k in STATE}, f"after {event}"
        # What is done to the copy leaves the tracker as it was.
        before = tracker.current_state(EventVerbosity.ALL)
        if kept.active_loop:
            kept.active_loop.rejected = True
        kept.update_with_events([SlotSet("order_id", "B-2"), ActiveLoop("order_verification_form")], domain)
        assert tracker.current_state(EventVerbosity.ALL) == before
