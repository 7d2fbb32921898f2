"""Conversations the plug-in tests replay, event by event, on Rasa's classes and on ours."""

from __future__ import annotations

from typing import Any

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted, ActionReverted, ActiveLoop, BotUttered, Restarted, SessionStarted, SlotSet, UserUttered,
    UserUtteranceReverted,
)
from rasa.shared.core.trackers import DialogueStateTracker


def user(intent: str, **entities: str) -> UserUttered:
    found = [{"entity": k, "value": v, "start": 0, "end": 1} for k, v in entities.items()]
    return UserUttered(intent, {"name": intent, "confidence": 1.0}, found)


# A conversation with a form, a rule-only turn, corrections, an undo, a restart and a new session.
CONVERSATION = [
    ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
    user("greet"), ActionExecuted("action_greet"), BotUttered("いらっしゃいませ"), ActionExecuted("action_listen"),
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


def long_conversation(domain: Domain, turns: int, tracker_class: type = DialogueStateTracker) -> DialogueStateTracker:
    tracker = tracker_class("c1", domain.slots)
    for event in CONVERSATION[:3]:
        tracker.update(event)
    for i in range(turns):
        for event in [user("ask_product", product=f"商品{i}"), ActionExecuted("action_answer_product"),
                      BotUttered(f"答え{i}"), ActionExecuted("action_listen")]:
            tracker.update(event)
    return tracker


def whole_state(tracker: DialogueStateTracker) -> dict[str, Any]:
    """Everything a tracker holds: its attributes, each slot's in full, its events; but what
    `KeptStateTracker` keeps to go faster (`_madoguchi_*`)."""
    state = {k: v for k, v in vars(tracker).items() if not k.startswith("_madoguchi_")}
    state["events"] = list(tracker.events)
    state["slots"] = {name: (type(slot), vars(slot)) for name, slot in tracker.slots.items()}
    return state
