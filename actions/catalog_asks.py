"""The catalog form's questions, never twice in the same words: the second time the question
says what the detail is for and how to stop; the third, how to reach a person; then a person
takes the request, with what the customer wrote."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.catalog import other_details
from actions.catalog_postal import postal_code_not_known
from actions.conversation import times_asked
from actions.takeover import hand_off

# What a detail is called when it was taken while the name was asked for.
DETAIL_NAMES = {"postal_code": "郵便番号", "address": "ご住所", "phone": "お電話番号"}

# The question for each detail: the first time, the second, and from the third on.
QUESTIONS = {
    "person_name": ("utter_ask_person_name", "utter_ask_person_name_again", "utter_ask_person_name_or_person"),
    "postal_code": ("utter_ask_postal_code", "utter_ask_postal_code_again", "utter_ask_postal_code_or_person"),
    # 〒 and the town taken, the number never given (ゆうびんやさん は しっとる; a phone instead: round
    # 2026-12-07d kumajiro-ewan-01, 2026-12-07i tatsuji-mele-01): explained, then a person offered
    "address": ("utter_ask_address", "utter_ask_address_again", "utter_ask_address_or_person"),
    "phone": ("utter_ask_phone", "utter_ask_phone_again", "utter_ask_phone_or_person"),
}


def ask_response(slot: str, asked: int) -> str:
    """The response that asks for `slot` after it was asked `asked` times."""
    return QUESTIONS[slot][min(asked, 2)]


class ActionAskCatalogPersonName(Action):
    """Asks for one detail of the catalog request (`action_ask_catalog_form_<slot>`): the
    name here, the other details in the subclasses."""

    slot = "person_name"

    def name(self) -> str:
        return f"action_ask_catalog_form_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        asked = times_asked(tracker, self.slot)
        taken = other_details(tracker) if self.slot == "person_name" and asked else []
        if not taken and asked >= len(QUESTIONS[self.slot]):  # asked in all its words: a person takes it
            return hand_off(dispatcher, tracker, "bot_failure")
        if taken:  # 〒… and the address instead of the name: taken, and said so, the name asked again
            names = "と".join(DETAIL_NAMES[d] for d in taken)
            dispatcher.utter_message(response="utter_ask_person_name_after_details", taken=names)
        else:
            dispatcher.utter_message(response=ask_response(self.slot, asked))
        return []


class ActionAskCatalogPostalCode(ActionAskCatalogPersonName):
    """Asks for the postal code; when the customer does not know it, for the address instead
    (its code is looked up from it)."""

    slot = "postal_code"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if postal_code_not_known(tracker) and not tracker.get_slot("address"):
            dispatcher.utter_message(response="utter_postal_code_from_address")
            return []
        return await super().run(dispatcher, tracker, domain)


class ActionAskCatalogAddress(ActionAskCatalogPersonName):
    """Asks for the address (or what follows the postal code's town) in other words each time."""

    slot = "address"


class ActionAskCatalogPhone(ActionAskCatalogPersonName):
    slot = "phone"


class ActionAskCatalogStatusPhone(Action):
    """Asks the late-catalog look-up's question (the phone, or the name); from the second
    time on, in other words that say what it is for and how to reach a person."""

    def name(self) -> str:
        return "action_ask_catalog_status_form_phone"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        again = "utter_ask_catalog_status_form_phone_again"
        asked = asked_since_the_name(tracker)
        dispatcher.utter_message(response=again if asked else "utter_ask_catalog_status_form_phone")
        return []


def asked_since_the_name(tracker: Tracker) -> int:
    """How often the look-up asked its question since it began or since a name was given
    (then the question is a new one: the phone, as the name was not found)."""
    events = tracker.events
    start = max(
        (i for i, e in enumerate(events)
         if (e.get("event") == "active_loop" and e.get("name") == "catalog_status_form")
         or (e.get("event") == "slot" and e.get("name") == "person_name" and e.get("value"))),
        default=0,
    )
    return sum(
        1 for e in events[start:]
        if e.get("event") == "bot" and (e.get("metadata") or {}).get("utter_action", "").startswith("utter_ask_catalog_status_form_phone")
    )
