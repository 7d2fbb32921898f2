"""What has been said so far in the conversation: the customer's messages, the hurry they
told of, the bot's responses and how often a form asked for a detail."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions import common
from madoguchi.dialogue.hurry import hurry_of
from madoguchi.values import shipping_method_from_text


def customer_texts(tracker: Tracker) -> list[str]:
    """Every message the customer wrote in this conversation, in order."""
    return [e.get("text") or "" for e in common.event_dicts(tracker) if e.get("event") == "user"]


def responses_given(tracker: Tracker) -> set[str]:
    """The responses the bot gave in this conversation (utter_…), as far as the action was sent."""
    return {
        str((e.get("metadata") or {}).get("utter_action")) for e in common.event_dicts(tracker)
        if e.get("event") == "bot" and (e.get("metadata") or {}).get("utter_action")
    }


def in_hurry(text: str) -> bool:
    """The customer says they are in a hurry (and does not say they are not)."""
    return hurry_reading([text]) is True


def hurry_reading(texts: list[str]) -> bool | None:
    """In a hurry (True), not (False: 急ぎではありません, いつもの便で), or not said (None): the
    latest message that says anything decides; 宅配便で / メール便で count as saying it."""
    cues = common.rules().cues
    readings = []
    for text in texts:
        reading = hurry_of(text, cues.get("hurry", []), cues.get("no_hurry", []))
        if reading is None and shipping_method_from_text(text):
            reading = shipping_method_from_text(text) == "parcel"
        readings.append(reading)
    return next((r for r in reversed(readings) if r is not None), None)


def times_asked(tracker: Tracker, slot: str, form: str = "catalog_form") -> int:
    """How often `form` has asked for `slot` since it began."""
    events = common.event_dicts(tracker)
    begun = max((i for i, e in enumerate(events) if e.get("event") == "active_loop" and e.get("name") == form),
                default=0)
    asking = f"utter_ask_{slot}"
    return sum(
        1 for e in events[begun:]
        if e.get("event") == "bot" and str((e.get("metadata") or {}).get("utter_action") or "").startswith(asking)
    )


ANXIOUS_INTENTS = ("express_distress", "complain")


def anxious(tracker: Tracker, intents: tuple[str, ...] = ANXIOUS_INTENTS) -> bool:
    """In a hurry or anxious (a message read as one of `intents`) in any message of this conversation."""
    if tracker.get_slot("in_hurry"):
        return True
    for event in common.event_dicts(tracker):
        if event.get("event") != "user":
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent in intents or in_hurry(event.get("text") or ""):
            return True
    return False
