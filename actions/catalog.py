"""Catalog requests: collect the address, read it back, store it, say when it arrives."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from madoguchi.address import has_prefecture, join_address, lookup_postal_code
from madoguchi.handoff.reasons import has_cue
from madoguchi.nlu.patterns import normalize_postal_code
from madoguchi.policy import calendar
from madoguchi.store import catalog_requests
from madoguchi.values import clean_person_name, shipping_method_from_text

CATALOG_SLOTS = (
    "person_name",
    "postal_code",
    "address_base",
    "address",
    "phone",
    "in_hurry",
    "shipping_method",
    "catalog_confirmed",
    # a late catalog (actions/catalog_late.py)
    "catalog_late",
    "catalog_next",
    "catalog_choice",
    "catalog_resend_of",
    "catalog_note",
)


def format_phone(digits: str) -> str:
    """Digits as Japanese readers expect them: 090-1234-5678, 03-1234-5678."""
    if len(digits) == 11:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if digits.startswith(("0120", "0570", "0800")):
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    if digits.startswith(("03", "06")):
        return f"{digits[:2]}-{digits[2:6]}-{digits[6:]}"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"


def in_hurry(text: str) -> bool:
    """The customer says they are in a hurry."""
    return has_cue(text, common.rules().cues.get("hurry", []))


class ValidateCatalogForm(FormValidationAction):
    """Checks each detail of a catalog request as the customer gives it."""

    def name(self) -> str:
        return "validate_catalog_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("in_hurry"):
            return domain_slots
        return [s for s in domain_slots if s != "shipping_method"]

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Notices a hurry in any message of the form, then validates as usual."""
        events: list[EventType] = []
        if not tracker.get_slot("in_hurry") and in_hurry(common.latest_text(tracker)):
            events.append(SlotSet("in_hurry", True))
            tracker.slots["in_hurry"] = True
        return events + await super().run(dispatcher, tracker, domain)

    def validate_person_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        name = common.name_answer(value, tracker)
        kept = _longest_name_given(tracker)
        if kept and name and name.replace(" ", "") in kept.replace(" ", ""):
            name = kept  # a part of the name already given (あおい of 中村あおい) never shortens it
        if not name:
            dispatcher.utter_message(response="utter_name_invalid")
        return {"person_name": name, **self._reconfirm(tracker)}

    def validate_postal_code(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        code = normalize_postal_code(str(value or ""))
        if not code:
            dispatcher.utter_message(response="utter_postal_code_invalid")
            return {"postal_code": None}
        base = lookup_postal_code(code)
        if not base:
            dispatcher.utter_message(response="utter_postal_code_unknown")
            return {"postal_code": None}
        result = {"postal_code": code, "address_base": base, **self._reconfirm(tracker)}
        address = tracker.get_slot("address")
        if address and not address.startswith(base[:3]):
            result["address"] = None  # given for another place: ask again from the new base
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
            text = common.latest_text(tracker).strip() or text
        address = join_address(tracker.get_slot("address_base"), text)
        base = tracker.get_slot("address_base") or ""
        if len(address) <= len(base) or (not base and not has_prefecture(address)):
            dispatcher.utter_message(response="utter_address_invalid")
            return {"address": None}
        return {"address": address, **self._reconfirm(tracker)}

    def validate_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"phone": common.phone_answer(value, dispatcher), **self._reconfirm(tracker)}

    def validate_shipping_method(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        method = value if value in common.rules().catalog_methods else shipping_method_from_text(str(value or ""))
        return {"shipping_method": method, **self._reconfirm(tracker)}

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


def _longest_name_given(tracker: Tracker) -> str:
    """The longest name the conversation's slot has held so far."""
    names = [clean_person_name(str(e.get("value") or "")) for e in tracker.events
             if e.get("event") == "slot" and e.get("name") == "person_name"]
    return max(names, key=len, default="")


def catalog_readback(slots: dict[str, Any]) -> str:
    """The request as the customer confirms it."""
    method = common.rules().catalog_methods[slots.get("shipping_method") or "mail"]
    return (
        "次の内容でカタログをお送りします。\n"
        f"お名前：{slots.get('person_name')} 様\n"
        f"ご住所：〒{slots.get('postal_code')} {slots.get('address')}\n"
        f"お電話：{format_phone(slots.get('phone') or '')}\n"
        f"送り方：{method.label}（無料）\n"
        "この内容でよろしいですか。"
    )


class ActionBeginCatalog(Action):
    """Welcomes a catalog request and notes whether the customer is in a hurry."""

    def name(self) -> str:
        return "action_begin_catalog"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_catalog_start")
        return [SlotSet("in_hurry", True)] if in_hurry(common.latest_text(tracker)) else []


class ActionAskCatalogConfirmed(Action):
    """Reads the whole catalog request back and asks the customer to confirm."""

    def name(self) -> str:
        return "action_ask_catalog_confirmed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=catalog_readback(tracker.current_slot_values()),
            buttons=[
                {"title": "はい、お願いします", "payload": "はい、お願いします"},
                {"title": "いいえ、直したい", "payload": "いいえ、直したいところがあります"},
            ],
        )
        return []


class ActionSubmitCatalog(Action):
    """Stores the confirmed catalog request and tells when it will arrive."""

    def name(self) -> str:
        return "action_submit_catalog"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        slots = tracker.current_slot_values()
        method = slots.get("shipping_method") or common.rules().catalog_default_method
        details = {
            "name": slots["person_name"],
            "postal_code": slots["postal_code"],
            "address": slots["address"],
            "phone": slots["phone"],
            "shipping_method": method,
        }
        where = {"sender_id": tracker.sender_id, "channel": common.channel(tracker)}
        earlier = int(slots.get("catalog_resend_of") or 0)
        if earlier:
            catalog_requests.resend(common.db(), earlier, **where, **details)
        else:
            catalog_requests.add(common.db(), **where, **details)
        earliest, latest = calendar.catalog_arrival(common.rules(), common.now(), method)
        label = common.rules().catalog_methods[method].label
        again = "あらためて" if earlier else ""
        dispatcher.utter_message(
            text=(
                f"承りました。カタログを{again}{label}でお送りします。"
                f"{calendar.ja_date(earliest)}から{calendar.ja_date(latest)}ごろのお届けです。"
                "ほかにご用件はございますか。"
            )
        )
        return [SlotSet(slot, None) for slot in CATALOG_SLOTS]


class ActionStopCatalog(Action):
    """Stops a catalog request half-way, keeping nothing of it."""

    def name(self) -> str:
        return "action_stop_catalog"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_catalog_stopped")
        return [SlotSet(slot, None) for slot in CATALOG_SLOTS]
