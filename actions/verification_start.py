"""How an order verification begins or starts over: its counters reset and its form next,
from an order number the customer gave, or from an answer given before the question (the
number not known, or refused)."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet

from actions import common
from madoguchi.dialogue import verification
from madoguchi.nlu.cues import DOUBTFUL

# Counters of one verification, reset when a new one begins.
COUNTERS = ("order_id_asks", "phone_asks", "verification_unknown", "verification_refusals")


def reset_events() -> list[EventType]:
    """A new verification starts with nothing asked and nothing refused."""
    return [SlotSet(s, 0.0) for s in COUNTERS] + [
        SlotSet("verification_note", None),
        SlotSet("verification_stopped", None),
    ]


def resume_verification() -> list[EventType]:
    """The verification again, from the order number the latest message gave (the form
    takes it and asks for the phone)."""
    return [SlotSet("person_offered", None), *reset_events(), FollowupAction("order_verification_form")]


def begin_verification(reading: str) -> list[EventType]:
    """The verification begun from an answer given before its question (UNKNOWN or REFUSED):
    its first question says where the number is written, or why it is needed, and offers a
    person who can find the order."""
    counter = "verification_unknown" if reading == verification.UNKNOWN else "verification_refusals"
    return [
        SlotSet("person_offered", None), *reset_events(),
        SlotSet("verification_note", reading), SlotSet(counter, 1.0),
        FollowupAction("order_verification_form"),
    ]


def change_meant(tracker: Tracker, task: str) -> bool:
    """A change of the order asked for while its number is asked: read as one with some
    certainty, or named (I cannot find the chuumon bangou, read as a change at 0.47, is none)."""
    triage = tracker.latest_message.get("triage") or {}
    named = bool(triage.get("changes") or triage.get("cancels"))
    # below the level at which a reading is doubtful, a change must be named (変更, キャンセル, change)
    return task == "change" and (named or common.latest_confidence(tracker) >= DOUBTFUL)
