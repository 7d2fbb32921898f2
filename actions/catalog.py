"""Catalog requests: collect the address, read it back, store it, say when it arrives."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import catalog_questions, common
from actions.catalog_note import note_taken
from actions.catalog_phone import NO_PHONE, number_held_to, number_noted, phone_refused, without_phone
from actions.catalog_names import NameAskedExtraction, longest_name_given, name_astray, name_before, name_known
from actions.catalog_number import (
    HAS_NUMBER, NUMBER_MISSING, given_as_detail, lacks_number, number_asked, number_waived, without_talk,
)
from actions.catalog_postal import postal_code_not_known
from actions.catalog_store import store_request
from actions.conversation import customer_texts, hurry_reading, in_hurry, times_asked
from madoguchi.address import (
    address_after_code, address_from_kana, has_prefecture, join_address, latin_lodging, lookup_postal_code,
    postal_code_for, room_added, same_city,
)
from madoguchi.dialogue import readback
from madoguchi.dialogue.leaving import is_leaving
from madoguchi.dialogue.signature import signature_of, without_signature
from madoguchi.dialogue.written import address_as_written, labelled, name_as_written
from madoguchi.nlu.cues import HANDOFF_INTENTS
from madoguchi.nlu.patterns import find_phones, normalize_phone, normalize_postal_code
from madoguchi.values import clean_person_name, phone_with_its_label

DETAIL_SLOTS = ("person_name", "postal_code", "address", "phone")
# The slots a correction clears: the address is asked again from its postal code.
FIELD_SLOTS = {
    "person_name": ("person_name",),
    "postal_code": ("postal_code", "address_base", "address"),
    "phone": ("phone",),
}
# Actions that pass the customer's message on to the form without answering it.
PASS_THROUGH = frozenset(
    {"catalog_form", "action_extract_slots", "action_listen", "action_begin_catalog", "action_notice_late_catalog"}
)
# A firm's name in Latin letters written before its address (Vanille Mada SARL, 神戸市…).
LATIN_FIRM = re.compile(r"[A-Za-z][A-Za-z0-9 .&'-]{2,40}")
# Questions the form does not answer itself: a rule does, then the form asks again.
SIDE_QUESTIONS = frozenset({"ask_shipping", "ask_gift", "ask_product"})
# Messages that other rules answer (a side question, a person asked for) at the read-back.
ELSEWHERE_INTENTS = SIDE_QUESTIONS | HANDOFF_INTENTS


def fresh_message(tracker: Tracker) -> bool:
    """The latest message is the customer's answer to the form, not a side question the
    bot already answered (after which the form only asks again)."""
    for event in reversed(common.event_dicts(tracker)):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") not in PASS_THROUGH:
            return False
    return False


def since_latest_message(tracker: Tracker) -> list[dict[str, Any]]:
    """The events from the customer's latest message on."""
    events = common.event_dicts(tracker)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=0)
    return events[last_user:]


def _revalidate(tracker: Tracker, fresh: bool) -> None:
    """Details the form has not checked yet are validated all the same: those of a fresh
    message a rule saw first (one read as a catalog request), and a postal code given
    before the form began (in a late catalog's first messages)."""
    pending = tracker.slots_to_validate()
    given = {} if pending or not fresh else {
        e["name"]: e["value"] for e in since_latest_message(tracker)
        if e.get("event") == "slot" and e.get("name") in DETAIL_SLOTS and e.get("value")
    }
    code = tracker.get_slot("postal_code")
    if code and normalize_postal_code(str(code)) and not tracker.get_slot("address_base") and "postal_code" not in pending:
        given["postal_code"] = code
    tracker.events.extend({"event": "slot", "name": k, "value": v} for k, v in given.items())


# An address that names its city and a number (大阪市北区天神橋4-7-12), kept till its postal code comes.
CITY = re.compile(r"[市区町村郡]")


def address_given_with(tracker: Tracker, code: str) -> str:
    """The address the customer wrote with this postal code, in the latest message with it:
    the item under 住所 in a list (〒… then 住所：…), else what follows the code."""
    for text in reversed(customer_texts(tracker)):
        found = address_after_code(text, code)
        if found:
            return address_as_written(labelled(text).get("address") or found)
    return ""


# Leaving only if something holds (かかるならやめたい, 有料だったらいいです).
CONDITIONAL = re.compile(r"(?:なら|だったら|やったら|ようなら|場合は?)[^。]{0,6}(?:やめ|止め|いいです|結構|けっこう|遠慮)")


class ValidateCatalogForm(NameAskedExtraction, FormValidationAction):
    """Checks each detail of a catalog request as the customer gives it, stores the request
    as soon as it is complete, and reads the answer to the read-back."""

    def name(self) -> str:
        return "validate_catalog_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Reads hurry, leaving and the read-back answer, validates, and stores."""
        requested = tracker.get_slot("requested_slot")
        fresh = fresh_message(tracker)
        late = common.latest_intent(tracker) == "ask_delivery_status" and tracker.get_slot("catalog_late")
        if fresh and (common.latest_intent(tracker) in HANDOFF_INTENTS or late) and not _details_given(tracker):
            # 明日の朝までに…もう5時過ぎてしもうたし…: nothing for the form (not even the hurry
            # read in it), so the form steps aside and the person the message calls for takes over;
            # you resent the catalog… still nothing (round 2026-12-05zzi): the late catalog looked up.
            return []
        events = self._hurry_events(tracker)
        if fresh:
            text, intent = common.latest_text(tracker), common.latest_intent(tracker)
            if phone_refused(tracker):  # 電話は教えたくないです (read as a no): no leaving
                return events + without_phone(dispatcher)
            held = number_held_to(tracker)
            if held:  # 28447899, then それでいいわ: noted, not asked a third time
                return events + number_noted(dispatcher, held)
            if requested in DETAIL_SLOTS and self._leaving(tracker, requested, text, intent):
                return events + [SlotSet(requested, None), SlotSet("requested_slot", None)]
            waived = number_waived(tracker) if requested == "address" else []
            if waived:  # はい、それで たのみます, asked for a house number or 番地なし: the address as it stands
                return events + waived + self._store(tracker, waived)
            if intent in SIDE_QUESTIONS and requested in DETAIL_SLOTS and not catalog_questions.answers(text) and not _details_given(tracker, True):
                # メール便っていうのは、郵便受けさ入るもんだべか: the question is answered first (the
                # form rejects the message, a rule answers it); the hurry it tells is read again next turn.
                return []
            # ok merci! 156-0052: the detail given with thanks is the answer (round 2026-12-05zzh)
            if requested in DETAIL_SLOTS and intent == "thank" and not _details_given(tracker, True):
                if times_asked(tracker, requested) >= 2 and not _details_given(tracker):
                    # Thanked after the same question twice: the customer takes it as done.
                    return events + [SlotSet(requested, None), SlotSet("requested_slot", None)]
                return events + [SlotSet(requested, None)]  # thanks for an answer: the question again
            if requested in DETAIL_SLOTS and catalog_questions.answers(text) and not _details_given(tracker, True):
                catalog_questions.say_answers(dispatcher, text)
                stray = requested != "person_name" and "person_name" in tracker.slots_to_validate()
                kept = [SlotSet("person_name", name_before(tracker))] if stray else []
                return events + kept + [SlotSet(requested, None)]  # answered; the question again
            unread = requested in DETAIL_SLOTS and intent == "nlu_fallback" and not _details_given(tracker, True)
            if unread and catalog_questions.answered_unread(dispatcher, tracker, text):
                return events + [SlotSet(requested, None)]  # 内祝 は なん ですか？: answered, the question again
            noted = note_taken(dispatcher, tracker) if requested == "catalog_confirmed" else []
            if noted:  # …チャットでお願いします: a note (its お願いします no yes); the read-back again
                handled = [*noted, SlotSet("catalog_confirmed", None)]
                return events + handled + self._store(tracker, handled)
            if requested == "catalog_confirmed" and intent not in ELSEWHERE_INTENTS:
                handled = self._readback_answer(dispatcher, tracker, text, intent)
                if handled is not None:
                    return events + handled + self._store(tracker, handled)
        _revalidate(tracker, fresh)
        events += await super().run(dispatcher, tracker, domain)
        return events + self._store(tracker, events)

    @staticmethod
    def _leaving(tracker: Tracker, requested: str, text: str, intent: str) -> bool:
        """The customer leaves the form instead of giving the detail asked for (not when the leaving hangs
        on a question the bot answers: お金かかるならやめたいんですけど; nor a no of no hurry: no hurry, normal post)."""
        if _details_given(tracker):
            return False
        if CONDITIONAL.search(text) and catalog_questions.answers(text):
            return False
        if requested == "address" and intent == "deny" and not is_leaving(text):
            return False  # 「違う」: the postal code was wrong (validate_address); not 「また今度にします」
        return is_leaving(text) or (intent == "deny" and requested != "address" and hurry_reading([text]) is None)

    @staticmethod
    def _hurry_events(tracker: Tracker) -> list[EventType]:
        """The hurry as the conversation says it so far, and the method that follows from it."""
        hurry = hurry_reading(customer_texts(tracker))
        if hurry is None or (hurry == tracker.get_slot("in_hurry") and tracker.get_slot("shipping_method")):
            return []
        method = "parcel" if hurry else "mail"
        tracker.slots.update(in_hurry=hurry, shipping_method=method)
        return [SlotSet("in_hurry", hurry), SlotSet("shipping_method", method)]

    @staticmethod
    def _readback_answer(
        dispatcher: CollectingDispatcher, tracker: Tracker, text: str, intent: str
    ) -> list[EventType] | None:
        """Fine (ends), a detail named to correct (asked again), taken back; None otherwise."""
        if _details_given(tracker, True):
            return None  # a corrected detail itself: validated as usual
        events = ValidateCatalogForm._readback_events(dispatcher, text, readback.answer(text, intent))
        if events is not None and "person_name" in tracker.slots_to_validate():
            # んだ、それでたのむじゃ。ありがどさん　のぶえ: the name signed under the answer is no new name
            events = [SlotSet("person_name", name_before(tracker)), *events]
        return events

    @staticmethod
    def _readback_events(dispatcher: CollectingDispatcher, text: str, meaning: str | None) -> list[EventType] | None:
        """What an answer to the read-back does: ends, asks for the detail named, or takes back."""
        if meaning == readback.OK:
            return [SlotSet("catalog_confirmed", True), SlotSet("requested_slot", None)]
        if meaning == readback.STOP:
            return [SlotSet("catalog_confirmed", False), SlotSet("requested_slot", None)]
        if meaning == readback.FIX:
            fields = readback.fields_named(text)
            if not fields:
                dispatcher.utter_message(response="utter_catalog_correct")
                return [SlotSet("catalog_confirmed", None), SlotSet("requested_slot", "catalog_confirmed")]
            cleared = {s for f in fields for s in FIELD_SLOTS[f]}
            first = next(s for s in DETAIL_SLOTS if s in cleared)
            # catalog_confirmed may hold the 「いいえ」 read from this message: not a taking back.
            return [SlotSet(s, None) for s in sorted(cleared)] + [
                SlotSet("catalog_confirmed", None), SlotSet("requested_slot", first)]
        return None

    @staticmethod
    def _store(tracker: Tracker, events: list[EventType]) -> list[EventType]:
        """Stores the request once complete, or corrects the stored one; it is read back next."""
        values = {**tracker.current_slot_values(), **{e["name"]: e["value"] for e in events if e.get("event") == "slot"}}
        confirmed = values.get("catalog_confirmed")
        if not all(values.get(s) for s in DETAIL_SLOTS) or confirmed is False:
            return []
        if confirmed and not values.get("catalog_request_id"):
            return []  # confirmed without a read-back (a form of old): stored at the end
        return [SlotSet("catalog_request_id", float(store_request(tracker, values)))]

    def validate_person_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        before = name_before(tracker)
        if before and name_astray(tracker):
            return {"person_name": before}  # ちなみに… read as a name in a side question: the name stays
        name = name_as_written(common.name_answer(value, tracker), common.latest_text(tracker))
        name = without_signature(name, signature_of(customer_texts(tracker))) if name else name  # ですささきつやこ
        kept = longest_name_given(tracker)
        if kept and name and name.replace(" ", "") in kept.replace(" ", ""):
            name = kept  # a part of the name already given (あおい of 中村あおい) never shortens it
        if not name and not other_details(tracker):
            # Other details given instead (〒… and the address): they are taken, the name asked again.
            dispatcher.utter_message(response="utter_name_invalid")
        return {"person_name": name, **self._reconfirm(tracker)}

    def validate_postal_code(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        code = normalize_postal_code(str(value or ""))
        if not code and normalize_phone(str(value or "")):
            return {"postal_code": None}  # the phone given first (it is kept): the postal code asked again
        if not code and postal_code_not_known(tracker):
            return {"postal_code": None}  # the address is asked instead (`ActionAskCatalogPostalCode`)
        if not code and any(e.get("entity") == "address" for e in tracker.latest_message.get("entities") or []):
            return {"postal_code": None}  # an address instead: its own check finds the code or says what is wrong
        if not code:
            dispatcher.utter_message(response="utter_postal_code_invalid")
            return {"postal_code": None}
        base = lookup_postal_code(code)
        if not base:
            dispatcher.utter_message(response="utter_postal_code_unknown")
            return {"postal_code": None}
        result = {"postal_code": code, "address_base": base, **self._reconfirm(tracker)}
        written = address_given_with(tracker, code)
        if written and len(join_address(base, written)) > len(base):
            return {**result, "address": join_address(base, written)}  # 〒… and the address, together
        lodging = latin_lodging(common.latest_text(tracker))
        if lodging:  # only lodge name, Yukiusagi Lodge Hirafu… postal is 044-0081: the number asked after it
            result["address_base"] = f"{base} {lodging}"
        address = tracker.get_slot("address")
        if address and not (address.startswith(base[:3]) or same_city(base, address)):
            result["address"] = None  # given for another place: ask again from the new base
        elif address and not has_prefecture(address):
            result["address"] = join_address(base, address)  # 大阪市北区… given before its postal code
        return result

    def validate_address(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "").strip()
        if tracker.get_slot("requested_slot") == "address":
            if common.latest_intent(tracker) == "deny":
                # 「違う」: the postal code was wrong; ask for it again.
                return {"address": None, "postal_code": None, "address_base": None}
            # Asked for the address, the whole message is the answer (an entity found
            # in it may be a fragment, like the 3 of 3階).
            latest = common.latest_text(tracker).strip()
            if phone_with_its_label(latest, [(f.start, f.end) for f in find_phones(latest)]):
                # デンワは　０２５−７６５−４３２１ where the block was asked (round 2026-12-07y masao-ramesh-05):
                # the phone, kept by its own check; no part of the address
                return {"address": None}
            # ok, arigatou! the address is 茨城県…: talk before a whole address is no part of it; so is a
            # firm before one from the city on, put after it (Vanille Mada SARL, 神戸市…, round 2026-12-05zzu)
            base = tracker.get_slot("address_base") or ""
            start = latest.find(text) if has_prefecture(text) or base and same_city(base, text) else -1
            firm = latest[:start].strip(" ,、，") if start > 0 and not has_prefecture(text) else ""
            text = latest[start:] if start > 0 else latest or text
            text += f" {firm}" if LATIN_FIRM.fullmatch(firm) else ""
        else:
            code = normalize_postal_code(str(tracker.get_slot("postal_code") or ""))
            # Given after the postal code in one message: all of it, not the entity's part.
            text = (address_after_code(common.latest_text(tracker), code) if code else "") or text
        listed = labelled(common.latest_text(tracker)).get("address")
        written = without_signature(address_as_written(listed or text), signature_of(customer_texts(tracker)))
        asked = number_asked(tracker)
        written = without_talk(written) if asked else written
        address = join_address(tracker.get_slot("address_base"), written)
        base = tracker.get_slot("address_base") or ""
        if base and tracker.get_slot("requested_slot") == "address" and lacks_number(written) and given_as_detail(tracker):
            if asked:  # 番地はないです: the address as it was given
                return {"address": address if written else base, **self._reconfirm(tracker)}
            dispatcher.utter_message(response=NUMBER_MISSING)  # むつ市の 大湊新町 です: the 番地, once
            return {"address": None, "address_base": address}
        if not base:
            # No postal code yet (大阪市北区天神橋4-7-12…): found from the town when it names one alone,
            # else the address waits for the postal code the form asks next.
            code = postal_code_for(address)
            if code:
                base = lookup_postal_code(code) or ""
                return {"postal_code": code, "address_base": base, "address": join_address(base, address), **self._reconfirm(tracker)}
            from_kana = address_from_kana(written)  # ふくしまけん かわぬまぐん あいづばんげまち うしかわ 1234
            if from_kana:
                code, address = from_kana
                base = lookup_postal_code(code) or ""
                return {"postal_code": code, "address_base": base, "address": address, **self._reconfirm(tracker)}
            if tracker.get_slot("requested_slot") != "address" and HAS_NUMBER.search(address) and CITY.search(address):
                return {"address": address}
        if len(address) <= len(base) or (not base and not has_prefecture(address)):
            # 三宅村坪田 given unasked (round 2026-12-07j): its number is asked next, nothing is wrong
            if not (base and address == base and tracker.get_slot("requested_slot") != "address"):
                dispatcher.utter_message(response="utter_address_invalid")
            return {"address": None}
        return {"address": address, **self._reconfirm(tracker)}

    def validate_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value == NO_PHONE:
            return {"phone": NO_PHONE}  # refused: the catalog goes without it
        if tracker.get_slot("requested_slot") != "phone" and not re.search(r"\d", str(value or "")):
            return {"phone": None}  # the answer to another form's question (カサイ ノボル): no number tried
        address = str(tracker.get_slot("address") or "")
        room = room_added(common.latest_text(tracker), address) if address else None
        if room and not normalize_phone(str(value or "")):  # 部屋番号ぬけてました 502号室です
            dispatcher.utter_message(response="utter_address_room_added", room=room)
            return {"address": f"{address} {room}", "phone": None}
        return {"phone": common.phone_answer(value, dispatcher), **self._reconfirm(tracker)}

    def validate_catalog_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is False:
            dispatcher.utter_message(response="utter_catalog_correct")
            return {"catalog_confirmed": None}
        return {"catalog_confirmed": value}

    @staticmethod
    def _reconfirm(tracker: Tracker) -> dict[str, Any]:
        """A detail changed during the read-back: read it back again."""
        if tracker.get_slot("requested_slot") == "catalog_confirmed":
            return {"catalog_confirmed": None}
        return {}


def _details_given(tracker: Tracker, stray_name: bool = False) -> bool:
    """The latest message holds a name, postal code, address or phone (with `stray_name`,
    a name found in a side question while another detail is asked does not count)."""
    entities = tracker.latest_message.get("entities") or []
    given = {e.get("entity") for e in entities}
    if stray_name and name_before(tracker) and name_astray(tracker):
        given.discard("person_name")
    if all(name_known(tracker, e.get("value")) for e in entities if e.get("entity") == "person_name"):
        given.discard("person_name")
    return bool(given & set(DETAIL_SLOTS))


def other_details(tracker: Tracker) -> list[str]:
    """The postal code, address and phone the latest message gives, when it gives no name."""
    kinds = {e.get("entity") for e in tracker.latest_message.get("entities") or []}
    if "person_name" in kinds:
        return []
    return [k for k in ("postal_code", "address", "phone") if k in kinds]


class ActionBeginCatalog(Action):
    """Welcomes a catalog request (or, asked again inside it, says what was asked)."""

    def name(self) -> str:
        return "action_begin_catalog"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = common.latest_text(tracker)
        if (tracker.active_loop or {}).get("name") == "catalog_form":
            if tracker.get_slot("requested_slot") not in DETAIL_SLOTS:
                catalog_questions.say_answers(dispatcher, text)  # asked for a detail, the form's validation answers
            return []
        dispatcher.utter_message(response="utter_catalog_start")
        return [SlotSet("in_hurry", True)] if in_hurry(text) else []
