"""Order verification: the order number and the registered phone, asked without a loop.

The form takes the number and the phone, and reads what else the customer answers: "I
do not know it" gets where it is written, once; a refusal gets why, once; "stop" or
thanks ends it, a yes never does; each question is asked in new words the next time, and
after that a person is offered instead of the same question again. A person asked for to
look the order up takes over (customer_request), and so does a yes to the person offered
(`action_reply_to_offer`, which answers any yes or no). How a verification begins or starts
over is in actions/verification_start.py.
"""

from __future__ import annotations

import re

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.handoff import handoff_for_message
from actions.info import answer_question
from actions.misread import angry_beyond_asking_why
from madoguchi.dialogue.anger import wary_of_giving
from actions.takeover import hand_off
from actions.verification_start import resume_verification
from madoguchi.dialogue import verification
from madoguchi.nlu import cues
from madoguchi.nlu.patterns import find_order_ids, find_phones, normalize_phone
from madoguchi.store import orders, verifications

# What the customer may ask for instead of answering; a person is named in the message.
PERSON_WORDS = ("担当", "人と", "人に", "人間", "オペレーター", "おぺれーたー", "係の", "電話で話")
# Handed to a person from the middle of the look-up; an exception asked ends the look-up instead,
# and its own rule hands it over (out_of_policy).
HANDOFF_INTENTS = cues.HANDOFF_INTENTS - {"request_exception"}
SIDE_QUESTIONS = frozenset({"ask_shipping", "ask_gift", "ask_product"})
# Intents that do not end the verification by themselves: a yes, a detail without a
# number, the same question about the order again.
GOES_ON = frozenset({"affirm", "inform", "ask_delivery_status", "change_order"})
# Who is offered a person who can find the order: taking it up is the customer's request.
OFFER_REASON = "customer_request"
VERIFICATION_FORM = "order_verification_form"


def count(tracker: Tracker, slot: str) -> int:
    """A counter slot's value as an int."""
    return int(tracker.get_slot(slot) or 0)


def is_verified(tracker: Tracker) -> bool:
    """The customer proved this conversation's order number with its phone."""
    verified = tracker.get_slot("verified_order_id")
    return bool(verified) and verified == tracker.get_slot("order_id")


def phone_of_this_verification(tracker: Tracker) -> str | None:
    """The phone the customer gave to the verification of the latest order question, which
    ended without the number (番号ってどこ？, then あったわ A1234567): not asked again. None when
    none was given, when a pair with it failed, or when another form (a catalog request) took
    a phone since."""
    phone = None
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") == "action_begin_order_task":
            return phone
        if event.get("event") == "active_loop" and event.get("name") not in (None, "order_verification_form"):
            return None
        if phone is None and event.get("event") == "slot" and event.get("name") == "phone":
            if not event.get("value"):
                return None
            phone = str(event["value"])
    return None


def noted(tracker: Tracker, slot: str, reading: str | None) -> dict[str, Any]:
    """Slot values for a reply that is no number: what it meant, counted."""
    if reading == verification.UNKNOWN:
        return {slot: None, "verification_note": reading,
                "verification_unknown": float(count(tracker, "verification_unknown") + 1)}
    if reading == verification.REFUSED:
        return {slot: None, "verification_note": reading,
                "verification_refusals": float(count(tracker, "verification_refusals") + 1)}
    if reading == verification.STOPPED:
        return {slot: None, "verification_stopped": True}
    if not re.search(r"[0-9０-９]", common.latest_text(tracker)):
        return {slot: None}  # no number tried (かみも どこに やったやら): no "the number is A and 7 digits"
    return {slot: None, "verification_note": "invalid"}


class ValidateOrderVerificationForm(FormValidationAction):
    """Checks the order number and phone, counting failed attempts."""

    def name(self) -> str:
        return "validate_order_verification_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        failures = tracker.get_slot("verification_failures") or 0
        if is_verified(tracker) or failures >= common.rules().max_verification_attempts:
            return []
        if tracker.get_slot("verification_stopped"):
            return []
        missing = next((s for s in domain_slots if not tracker.get_slot(s)), None)
        asked = count(tracker, f"{missing}_asks") if missing else 0
        unknown, refused = count(tracker, "verification_unknown"), count(tracker, "verification_refusals")
        if verification.gives_up(unknown, refused, asked):
            return []
        return domain_slots

    def validate_order_id(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        found = find_order_ids(str(value or ""))
        if not found:
            return noted(tracker, "order_id", verification.reading(str(value or "")))
        # Two numbers in the message (キャンセルはA2345678の方で。A2345679はそのまま): the one it is about.
        meant = verification.order_meant(common.latest_text(tracker)) or found[0].value
        if tracker.get_slot("requested_slot") == "phone" and not find_phones(common.latest_text(tracker)):
            # A number alone while the phone is asked: a correction, taken as it is.
            dispatcher.utter_message(response="utter_order_id_corrected", order_id=meant)
        return {"order_id": meant}

    def validate_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "")
        phone = normalize_phone(text)
        if phone:
            return {"phone": phone}
        if find_order_ids(text):
            return {"phone": None}  # an order number corrected, no phone in it
        return noted(tracker, "phone", verification.reading(text))

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Validates the shapes, then the pair against the order store."""
        events = await super().get_validation_events(dispatcher, tracker, domain)
        if not events and catalog_misread(tracker):
            slot = tracker.get_slot("requested_slot") or "order_id"
            return [SlotSet(k, v) for k, v in noted(tracker, slot, verification.reading(common.latest_text(tracker))).items()]
        values = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
        order_id = values.get("order_id", tracker.get_slot("order_id"))
        phone = values.get("phone", tracker.get_slot("phone"))
        if phone and not order_id and tracker.get_slot("verification_failures"):
            # あ、まちがえた 090-…: after a failed pair, the phone alone goes with the number tried.
            order_id = last_tried_order_id(tracker)
            if order_id:
                events += [SlotSet("order_id", order_id), SlotSet("verification_note", None)]
        if not order_id or not phone or tracker.get_slot("verified_order_id") == order_id:
            return events
        if orders.verify(common.db(), order_id, phone):
            # Kept for the desk: a returning customer's orders show to the operator.
            verifications.record(common.db(), tracker.sender_id, order_id)
            return events + [SlotSet("verified_order_id", order_id)]
        failures = int(tracker.get_slot("verification_failures") or 0) + 1
        left = common.rules().max_verification_attempts - failures
        if left > 0:
            dispatcher.utter_message(response="utter_verification_failed", attempts_left=left)
        return events + [
            SlotSet("verification_failures", float(failures)),
            SlotSet("order_id", None),
            SlotSet("phone", None),
            SlotSet("verified_order_id", None),
            SlotSet("verification_note", None),
        ]


def catalog_misread(tracker: Tracker) -> bool:
    """A message inside the look-up read as a catalog request that names no catalog (I am at the
    factory, no email here. You cannot search with my name??, request_catalog 0.58, round
    2026-12-07o kimie-ndayishimiye-16): an answer to the form, not a catalog wanted."""
    text = common.latest_text(tracker)
    return common.latest_intent(tracker) == "request_catalog" and not verification.names_catalog(text)


def last_tried_order_id(tracker: Tracker) -> str | None:
    """The order number of the latest pair that failed, or None (the text of the message
    being validated, set as a candidate, is no order number)."""
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == "order_id" and event.get("value"):
            found = find_order_ids(str(event["value"]))
            if found:
                return found[0].value
    return None


class ActionAskOrderId(Action):
    """Asks for the order number: where it is written the second time, a person the third
    (subclasses ask for another detail of the verification the same way)."""

    slot = "order_id"

    def name(self) -> str:
        return f"action_ask_order_verification_form_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        asked = count(tracker, f"{self.slot}_asks")
        response = verification.ask_response(self.slot, asked, tracker.get_slot("verification_note"))
        if response and response == common.last_said(tracker):
            # めーるは みとらんし… after where it is written: not the same words again, a person offered
            response = verification.OR_PERSON[self.slot]
        events: list[EventType] = [SlotSet(f"{self.slot}_asks", float(asked + 1)), SlotSet("verification_note", None)]
        if response:
            dispatcher.utter_message(response=response)
        # A person offered with this question, or none: an offer made with an earlier question
        # is over once the customer answered it (a 👍 after the status is no yes to it).
        events.append(SlotSet("person_offered", OFFER_REASON if response in verification.OFFERS_PERSON else None))
        return events


class ActionAskVerificationPhone(ActionAskOrderId):
    """Asks for the registered phone: why it is needed the second time, a person the third."""

    slot = "phone"


def verification_turn(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Reads a message that gave no number inside the verification: a person asked for (to
    look the order up), a side question, not known, refused, a yes or another question about
    the order (the form asks again, in new words), or a wish to stop."""
    intent = common.latest_intent(tracker)
    text = common.latest_text(tracker)
    if asks_for_person(tracker, text):
        return handoff_for_message(dispatcher, tracker)  # customer_request, unless angry or afraid
    if intent in SIDE_QUESTIONS:
        reading = verification.side_question_reading(text)
        if reading is None:
            answer_question(dispatcher, intent, tracker)
            return []
    else:
        reading = verification.reading(text)
    if reading is None and unsure_complaint(tracker):
        return []  # 息子も 同じのを 頼んどったで…こっちのは いらんだに: why, not a complaint; asked again
    if intent in HANDOFF_INTENTS and not answers_the_question(tracker, intent, reading):
        return handoff_for_message(dispatcher, tracker)
    slot = tracker.get_slot("requested_slot") or "order_id"
    if reading in (verification.UNKNOWN, verification.REFUSED):
        return [SlotSet(k, v) for k, v in noted(tracker, slot, reading).items() if k != slot]
    if intent == "out_of_scope":
        dispatcher.utter_message(response="utter_out_of_scope")
        return []
    if intent in GOES_ON and (reading != verification.STOPPED or intent == "change_order"):
        # A yes is no leaving, nor is 「やめたい」 said of the order: asked again, in other words.
        return []
    return [SlotSet("verification_stopped", True)]


def asks_for_person(tracker: Tracker, text: str) -> bool:
    """A person asked for: by name (担当者に代わって), or to look the order up once a person was
    offered (お店の人に探して); before that, 「そちらの方で調べて」 is a refusal, told why once."""
    if not verification.asks_for_person(text):
        return False
    return bool(tracker.get_slot("person_offered")) or verification.reading(text) != verification.REFUSED


# What a complaint read unsurely must hold to be one inside the look-up.
_COMPLAINT_SIGNS = ("anger", "reproach", "goods_problem", "promise_unkept", "cues", "emphatic")


def unsure_complaint(tracker: Tracker) -> bool:
    """A complaint read unsurely, with no word of one: the reason for the change told (息子も
    同じのを 頼んどったで。。。こっちのは いらんだに, complain 0.56, round 2026-12-05zzw
    kiyotsugu-joselito-18), not a complaint to hand over."""
    triage = tracker.latest_message.get("triage") or {}
    confidence = common.latest_confidence(tracker)
    return (
        common.latest_intent(tracker) == "complain" and confidence < 0.6
        and not any(triage.get(sign) for sign in _COMPLAINT_SIGNS)
        # …but another company in the same building got it (round 2026-12-05zzu hisamitsu-rivo-14)
        and not common.reports_goods(tracker)
    )


def answers_the_question(tracker: Tracker, intent: str, reading: str | None) -> bool:
    """A message the intent would hand off that answers "your number?" after all:
    "I do not know it" with no other sign of distress, a refusal read as a complaint
    without a word of anger, or a "not known" or a refusal read as a wish for a person
    that names none (探したけど見つからないです)."""
    if reading not in (verification.UNKNOWN, verification.REFUSED):
        return False
    text = common.latest_text(tracker)
    if common.reports_goods(tracker):
        return False  # あて名が知らんひとのなまえだった: a goods problem told, not a number not known
    if intent == "express_distress":  # でんわ… おしえらんねえ さぎの でんわが… おっかねぇ: afraid of fraud, or for
        # privacy (チャットに書くのは少し不安です), a refusal
        triage = tracker.latest_message.get("triage") or {}
        return verification.only_not_knowing(triage) or reading == verification.REFUSED and wary_of_giving(text)
    if intent == "request_human":
        return not any(w in common.latest_text(tracker) for w in PERSON_WORDS)
    if intent == "complain":  # 言うわけないでしょ、ふざけんな: the refusal is a complaint too
        return not angry_beyond_asking_why(common.latest_text(tracker))
    return True


class ActionVerificationTurn(Action):
    """Reads what the customer said instead of a number: not known, refused, stop, a side
    question, or a person wanted; the form then goes on, ends, or a person takes over."""

    def name(self) -> str:
        return "action_verification_turn"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return verification_turn(dispatcher, tracker)


class ActionReplyToOffer(Action):
    """Answers a yes or a no: to a person the bot offered, or else to nothing in particular."""

    def name(self) -> str:
        return "action_reply_to_offer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.active_loop_name == VERIFICATION_FORM:
            # A yes while the order number is asked is no leaving: 「そっちで調べて」 read as
            # a yes is a refusal; the verification reads it.
            return verification_turn(dispatcher, tracker)
        offered = tracker.get_slot("person_offered")
        if offered == OFFER_REASON and find_order_ids(common.latest_text(tracker)):
            # ok ok... A1234567 after a person was offered to find the order: the number after
            # all, the verification goes on (round 2026-12-01l sumiko-marco-11)
            return resume_verification()
        if offered and common.latest_intent(tracker) == "affirm":
            return hand_off(dispatcher, tracker, offered)
        if not tracker.active_loop_name:  # inside a form, its question follows: no "anything else?"
            dispatcher.utter_message(response="utter_anything_else")
        return [SlotSet("person_offered", None)] if offered else []
