"""A note to the catalog request at its read-back: no phone calls, contact by chat only
(電話での確認は不要です。耳が聞こえないので…チャットでお願いします). It is kept with the request
for the shop, said back to the customer, and the read-back goes on: no person, no callback."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from madoguchi.dialogue import readback
from madoguchi.dialogue.contact_note import NOTE, asks_chat_only
from madoguchi.dialogue.verification import asks_for_person

CATALOG_FORM = "catalog_form"


def tells_note(tracker: Tracker) -> bool:
    """The read-back answered with a note on how to be reached, no person asked for."""
    text = common.latest_text(tracker)
    return (
        tracker.active_loop_name == CATALOG_FORM
        and tracker.get_slot("requested_slot") == "catalog_confirmed"
        and asks_chat_only(text)
        and not asks_for_person(text)
    )


def note_taken(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Keeps the note (once) and says so; nothing when the message holds none."""
    if not tells_note(tracker) or tracker.get_slot("contact_note"):
        return []
    dispatcher.utter_message(response="utter_catalog_note_taken")
    return [SlotSet("contact_note", NOTE)]


def back_to_readback(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """A note read as a wish for a person: kept, and the read-back asked again."""
    return [*note_taken(dispatcher, tracker), FollowupAction(CATALOG_FORM)]


def sends_it(tracker: Tracker) -> bool:
    """The read-back answered with "send it" read as a wish for a person (でんわ なし で おくって
    ください: 電話…ください, read as asking for a call, round 2026-12-05j), no person named."""
    text = common.latest_text(tracker)
    return (
        tracker.active_loop_name == CATALOG_FORM
        and tracker.get_slot("requested_slot") == "catalog_confirmed"
        and common.latest_intent(tracker) == "request_human"
        and readback.answer(text, "request_human") == readback.OK
        and not asks_for_person(text)
    )


def sent_as_read_back() -> list[EventType]:
    """The request confirmed: the form stores it."""
    return [SlotSet("catalog_confirmed", True), FollowupAction(CATALOG_FORM)]
