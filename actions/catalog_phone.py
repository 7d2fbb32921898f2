"""A catalog without a phone number: a customer who will not give the chat a phone number
(電話番号は言いたくない　機械には言わない　住所あるから送れるでしょ) is not handed over for
it. The catalog goes by post all the same; the request says no phone was given. Digits that
are no phone number, held to, go the same way, kept in the request's note."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.catalog_note import CATALOG_FORM
from actions.conversation import customer_texts
from madoguchi.dialogue import verification
from madoguchi.dialogue.anger import ASKING_WHY, angry_beyond_asking_why
from madoguchi.dialogue.leaving import is_leaving
from madoguchi.nlu.patterns import find_phones
from madoguchi.text import nfkc

# The phone slot of a request made without one (stored as no number).
NO_PHONE = "なし"


def phone_refused(tracker: Tracker) -> bool:
    """The catalog form asks the phone and the customer refuses it, with no anger beyond
    the refusal, no leaving and no person asked for."""
    text = common.latest_text(tracker)
    # でんわばんごうは おしえねえ なんで かたろぐに でんわが いんだ (round 2026-12-05zzo): refused
    # with a why; a why alone (なんでそんなもんがいるんだい) is told why instead (phone_why_asked)
    without_why = re.sub("|".join(ASKING_WHY), "", text)
    return (
        tracker.active_loop_name == CATALOG_FORM
        and tracker.get_slot("requested_slot") == "phone"
        and verification.reading(without_why) == verification.REFUSED
        and not is_leaving(verification.without_refusal(text))  # …Leave it, I will check your website only
        and not verification.asks_for_person(text)
        and not angry_beyond_asking_why(text)
        # mobile nahin dunga. office number ok: 0766-55-1234 (round 2026-12-05u): another number given
        and not any(e.get("entity") == "phone" for e in tracker.latest_message.get("entities") or [])
    )


def number_held_to(tracker: Tracker) -> str | None:
    """The digits the customer gave as a phone, no Japanese number (28447899: no area code),
    held to when asked again (それでいいわ、頼むな, round 2026-12-05zzc tetsuji-ioana-03); None
    otherwise. The catalog goes on with them noted, not with the question a third time."""
    if tracker.active_loop_name != CATALOG_FORM or tracker.get_slot("requested_slot") != "phone":
        return None
    earlier = customer_texts(tracker)[:-1]
    if common.latest_intent(tracker) != "affirm" or not earlier:
        return None
    digits = re.sub(r"\D", "", nfkc(earlier[-1]))
    return digits if 6 <= len(digits) <= 9 and not find_phones(earlier[-1]) else None


def number_noted(dispatcher: CollectingDispatcher, digits: str) -> list[EventType]:
    """The catalog goes without a phone, the digits given kept in the request's note."""
    dispatcher.utter_message(response="utter_catalog_phone_noted", digits=digits)
    return [SlotSet("phone", NO_PHONE), SlotSet("contact_note", f"電話番号は「{digits}」とお書きでした（市外局番なし）")]


def without_phone(dispatcher: CollectingDispatcher) -> list[EventType]:
    """Says the catalog goes without a phone number, and fills the phone with none."""
    dispatcher.utter_message(response="utter_catalog_without_phone")
    return [SlotSet("phone", NO_PHONE)]


def without_phone_form_goes_on(dispatcher: CollectingDispatcher) -> list[EventType]:
    """The refusal read as a complaint: no person; the form goes on to the read-back."""
    return [*without_phone(dispatcher), FollowupAction(CATALOG_FORM)]


def stored_phone(value: str | None) -> str:
    """The phone a request keeps: none when the customer gave none."""
    return "" if value in (None, NO_PHONE) else str(value)
