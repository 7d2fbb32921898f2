"""A catalog request begun by a misreading (I want send sweets to my Japanese friend family:
request_catalog 0.45), the customer's next words a question about gifts, shipping or the
products and no word of a catalog said: the question is answered and the request let go, so
the form does not ask a name nobody meant to give until a person is called (round 2026-12-02zd
kaoru-nattapong-06)."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.catalog_slots import CATALOG_SLOTS
from madoguchi.handoff.reasons import has_cue

CATALOG_FORM = "catalog_form"
LET_GO = "カタログのお申し込みは、ご希望のときにいつでもお申し付けください。"


def begun_unasked(tracker: Tracker) -> bool:
    """The catalog form asks its first question, nothing given yet, and no message since it
    began names a catalog."""
    if tracker.active_loop_name != CATALOG_FORM or tracker.get_slot("requested_slot") != "person_name":
        return False
    if any(tracker.get_slot(slot) for slot in ("person_name", "postal_code", "address", "phone")):
        return False
    begun = max((i for i, e in enumerate(tracker.events)
                 if e.get("event") == "active_loop" and e.get("name") == CATALOG_FORM), default=None)
    if begun is None:
        return False
    opening = max((i for i, e in enumerate(tracker.events[:begun]) if e.get("event") == "user"), default=begun)
    # the message the form began with, and those after it
    said = [e.get("text") or "" for e in tracker.events[opening:] if e.get("event") == "user"]
    words = common.rules().cues.get("catalog", [])
    return bool(said) and not any(has_cue(text, words) for text in said)


def let_go(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """After the answer, the request nobody asked for is let go; nothing otherwise."""
    if not begun_unasked(tracker):
        return []
    dispatcher.utter_message(text=LET_GO)
    return [*(SlotSet(slot, None) for slot in CATALOG_SLOTS), ActiveLoop(None), SlotSet("requested_slot", None),
            FollowupAction("action_listen")]
