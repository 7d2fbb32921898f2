"""The offer to send a late catalog again: by 宅配便 at no charge, the usual way, or not at
all; the customer's answer however it is written, and what follows from it."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.conversation import ANXIOUS_INTENTS, anxious, customer_texts, hurry_reading, times_asked
from actions.catalog_late import RESEND, handoff_note, resend_events
from actions.takeover import hand_off
from madoguchi.handoff.reasons import has_cue
from madoguchi.store import catalog_requests
from madoguchi.text import nfkc


class ActionAskCatalogChoice(Action):
    """Offers to send the catalog again by 宅配便 at no charge."""

    def name(self) -> str:
        return "action_ask_catalog_choice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        again = times_asked(tracker, "catalog_choice", "catalog_choice_form") > 0  # never twice in the same words
        buttons = [{"title": "宅配便で送ってほしい", "payload": "はい、宅配便で送ってください"}]
        if again:
            buttons.append({"title": "メール便でいい", "payload": "メール便でもう一度送ってください"})
        buttons.append({"title": "待ちます", "payload": "いいえ、このまま待ちます"})
        dispatcher.utter_message(
            response="utter_ask_catalog_choice_again" if again else "utter_ask_catalog_choice", buttons=buttons
        )
        return []


def choice_of(intent: str, text: str, details: bool = False, hurry: bool | None = None) -> str | None:
    """`parcel`, `mail` (sent again the usual way), `wait`, or None when the answer says none.
    An address or a phone written instead (`details`) asks for it to be sent: by 宅配便
    unless the customer said there is no hurry (`hurry` False)."""
    if hurry_reading([text]) is False and RESEND.search(nfkc(text)) or re.search(r"メール便|めーる便", nfkc(text)):
        return "mail"
    if details and intent == "inform":
        return "mail" if hurry is False else "parcel"
    # (not まち alone: いたやなぎまち, an address in kana)
    waits = ["待ち", "待つ", "まちます", "まちま", "まつわ", "まつよ", "まつけ", "まってま", "まってる", "まっとく", "まっとる"]
    if has_cue(text, [*waits, "結構", "けっこう", "大丈夫", "いいです", "不要", "いりません"]):
        return "wait"
    if has_cue(text, ["宅配", "送って", "おくって", "お願い", "おねがい", "急ぎ", "早く", "再送", "もう一度"]):
        return "parcel"
    return {"affirm": "parcel", "deny": "wait"}.get(intent)


class ValidateCatalogChoiceForm(FormValidationAction):
    """Reads the customer's answer to the 宅配便 offer, however it is written."""

    def name(self) -> str:
        return "validate_catalog_choice_form"

    def validate_catalog_choice(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        given = {e.get("entity") for e in tracker.latest_message.get("entities") or []}
        details = bool(given & {"phone", "postal_code", "address"})
        choice = choice_of(
            common.latest_intent(tracker), common.latest_text(tracker), details, hurry_reading(customer_texts(tracker))
        )
        if choice is None and common.latest_intent(tracker) in ANXIOUS_INTENTS:
            choice = "person"
        return {"catalog_choice": choice}


class ActionCatalogChoice(Action):
    """Sends the catalog again (after one read-back), lets the customer wait, or calls a person."""

    def name(self) -> str:
        return "action_catalog_choice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        choice = tracker.get_slot("catalog_choice")
        request_id = int(tracker.get_slot("catalog_resend_of") or 0)
        request = catalog_requests.get(common.db(), request_id) if request_id else None
        if choice in ("parcel", "mail") and request is not None:
            return resend_events(request, choice)
        if choice == "person":
            tracker.slots["catalog_note"] = handoff_note(request) if request else None
            events = hand_off(dispatcher, tracker, "distress" if anxious(tracker) else "complaint")
            return [SlotSet("catalog_note", tracker.slots["catalog_note"]), SlotSet("catalog_next", "done"), *events]
        dispatcher.utter_message(response="utter_catalog_late_wait")
        return [SlotSet("catalog_next", "done"), SlotSet("catalog_resend_of", None)]
