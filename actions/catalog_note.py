"""A note to the catalog request at its read-back: no phone calls, contact by chat only
(電話での確認は不要です。耳が聞こえないので…チャットでお願いします). It is kept with the request
for the shop, said back to the customer, and the read-back goes on: no person, no callback.
And a catalog to be sent to the customer's work, told during the form (Please send it to my
office, not to my home): no order to change, the form goes on."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from madoguchi.dialogue import readback
from madoguchi.dialogue.contact_note import NOTE, asks_chat_only
from madoguchi.dialogue.verification import asks_for_person

CATALOG_FORM = "catalog_form"
# The catalog sent to where the customer works (send it to my office, 会社に送って): no order.
_TO_WORK = re.compile(
    r"(?i:\b(?:send|deliver|mail|post)\b[^.!?。]{0,20}\bto (?:my|our) (?:office|work|workplace|company)\b)"
    r"|(?:会社|職場|勤務先|勤め先|事務所|オフィス)(?:の(?:住所|ほう|方))?(?:に|へ|宛|あて)"
)
_ORDER_NAMED = re.compile(r"(?i:\border|\bA-?\d{7}\b)|注文|ちゅうもん|届け日|配達日")
TO_WORK_NOTED = (
    "お勤め先へのお届けも承ります。このあと伺うご住所は、お勤め先（会社名・部署名まで）でお書きください。"
)


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


def to_work(tracker: Tracker) -> bool:
    """During the catalog form, the customer asks to have it sent to their work, no order named
    (round 2026-12-05zze masuo-katrin-02: read as an order change, the order number was asked)."""
    text = common.latest_text(tracker)
    return (
        tracker.active_loop_name == CATALOG_FORM and not tracker.get_slot("address")  # the address still to ask
        and bool(_TO_WORK.search(text)) and not _ORDER_NAMED.search(text)
    )


def to_work_noted(dispatcher: CollectingDispatcher) -> list[EventType]:
    """Says the catalog goes to the workplace written as the address, and the form goes on."""
    dispatcher.utter_message(text=TO_WORK_NOTED)
    return [FollowupAction(CATALOG_FORM)]
