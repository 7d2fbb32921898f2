"""The end of a catalog request: the read-back of what was taken (stored already), and the
goodbye that tells when the catalog comes, or that nothing was kept."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.catalog import DETAIL_SLOTS, since_latest_message
from actions.catalog_slots import CATALOG_SLOTS
from actions.catalog_store import store_request
from actions.catalog_late import resume_lookup, resumes_lookup
from actions.catalog_phone import NO_PHONE
from actions.conversation import customer_texts
from madoguchi.dialogue import readback
from madoguchi.dialogue.leaving import is_leaving
from madoguchi.nlu.patterns import find_phones
from madoguchi.shop import calendar
from madoguchi.store import catalog_requests
from madoguchi.text import fold_width, nfkc

CORRECT_PROMPT = "失礼いたしました。直したい項目"  # utter_catalog_correct


def method_text(method: str) -> str:
    """宅配便（無料・2日ほどでお届け）."""
    chosen = common.rules().catalog_methods[method]
    low, high = chosen.days
    days = f"{high}日ほど" if low == high else f"{low}〜{high}日ほど"
    return f"{chosen.label}（無料・{days}でお届け）"


def phone_as_written(digits: str, written: str) -> str:
    """The phone as the customer wrote it with its hyphens (0258-33-1234: area codes vary),
    else in the usual groups."""
    folded = fold_width(written)
    for found in find_phones(folded):
        raw = folded[found.start:found.end].strip()
        if found.value == digits and re.fullmatch(r"\d+(?:-\d+){2}", raw):
            return raw
    return common.format_phone(digits)


def catalog_readback(slots: dict[str, Any], again: bool = False, written: str = "") -> str:
    """The request as it was taken, with the way to correct it.

    A re-send reads back the earlier request's details; those the customer has not written
    in this conversation (`written`: all they wrote) are shown in part only, so that a name
    or a phone number alone tells nobody where someone lives."""
    address = f"〒{slots.get('postal_code')} {slots.get('address')}"
    phone = "なし（お伺いしていません）" if slots.get("phone") == NO_PHONE else phone_as_written(slots.get("phone") or "", written or "")
    if slots.get("catalog_resend_of"):
        digits = re.sub(r"\D", "", nfkc(written))
        if (slots.get("postal_code") or "").replace("-", "") not in digits:
            address = f"{slots.get('address_base') or ''}（番地から先は、前回お申し込みのときのとおり）"
        if (slots.get("phone") or "") not in digits:
            phone = f"末尾{(slots.get('phone') or '')[-4:]}のお電話番号（前回のとおり）"
    return (
        ("次の内容で承っております。\n" if again else "次の内容で承りました。\n")
        + f"お名前：{slots.get('person_name')} 様\n"
        f"ご住所：{address}\n"
        f"お電話：{phone}\n"
        f"送り方：{method_text(slots.get('shipping_method') or common.rules().catalog_default_method)}\n"
        + (f"ご連絡：{slots['contact_note']}\n" if slots.get("contact_note") else "")
        + "違うところがあれば、このままお書きください。直します。"
    )


def arrival_text(method: str, again: bool = False) -> str:
    """カタログをメール便でお送りします。…ごろのお届けです。"""
    earliest, latest = calendar.catalog_arrival(common.rules(), common.now(), method)
    label = common.rules().catalog_methods[method].label
    return (
        f"カタログを{'あらためて' if again else ''}{label}でお送りします。"
        + (f"{calendar.ja_date(earliest)}から" if earliest != latest else "")
        + f"{calendar.ja_date(latest)}ごろのお届けです。"
    )


class ActionAskCatalogConfirmed(Action):
    """Reads the request back as taken (it is stored already), inviting corrections."""

    def name(self) -> str:
        return "action_ask_catalog_confirmed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        said_now = [e.get("text") or "" for e in since_latest_message(tracker) if e.get("event") == "bot"]
        if any(t.startswith(CORRECT_PROMPT) for t in said_now):
            return []  # asked what to correct just now: no read-back on top of it
        said = [e.get("text") or "" for e in common.event_dicts(tracker) if e.get("event") == "bot"]
        again = any(t.startswith("次の内容で承") for t in said)
        dispatcher.utter_message(
            text=catalog_readback(tracker.current_slot_values(), again, "\n".join(customer_texts(tracker))),
            buttons=[
                {"title": "これで大丈夫です", "payload": "これで大丈夫です"},
                {"title": "直したいところがあります", "payload": "いいえ、直したいところがあります"},
            ],
        )
        return []


class ActionSubmitCatalog(Action):
    """Ends the catalog request: the stored request stays and its arrival is told, or (taken
    back, or left before it was complete) nothing is kept."""

    def name(self) -> str:
        return "action_submit_catalog"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        slots = tracker.current_slot_values()
        complete = all(slots.get(s) for s in DETAIL_SLOTS)
        if not complete or slots.get("catalog_confirmed") is False:
            return stop_catalog(dispatcher, tracker)
        if not slots.get("catalog_request_id"):
            store_request(tracker, slots)
        return _taken(dispatcher, slots, "ほかにご用件はございますか。")


class ActionStopCatalog(Action):
    """Thanks or goodbye inside the catalog request: a request already stored stays (the
    customer hears when it comes); one not complete yet, or taken back, is dropped."""

    def name(self) -> str:
        return "action_stop_catalog"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if resumes_lookup(tracker):
            return resume_lookup(dispatcher, tracker)  # "send it again" is no leaving
        name = name_answered(tracker)
        if name:  # じゃあ Wang Xiaoling でお願いします, read as a goodbye: the name, the form goes on
            return [SlotSet("person_name", name), FollowupAction("catalog_form")]
        detail = detail_answered(tracker)
        if detail:  # ok merci! 156-0052, read as thanks: the detail asked for, the form goes on
            return [SlotSet(*detail), FollowupAction("catalog_form")]
        slots = tracker.current_slot_values()
        taken_back = readback.answer(common.latest_text(tracker), common.latest_intent(tracker)) == readback.STOP
        if slots.get("catalog_request_id") and all(slots.get(s) for s in DETAIL_SLOTS) and not taken_back:
            return _taken(dispatcher, slots, "ご利用ありがとうございました。")
        return stop_catalog(dispatcher, tracker)


# A name asked to be written so (じゃあ Wang Xiaoling でお願いします): no goodbye, whatever its reading.
NAME_ASKED_FOR = re.compile(
    r"^(?:じゃあ|じゃ|では|それでは|それなら|なら)?[、,　 ]*(?P<name>[^、。,.!?！？]{2,30}?)[ 　]*で[ 　]*(?:お願い|おねがい)(?:します|いたします|致します)"
)
SURE_GOODBYE = 0.8


def name_answered(tracker: Tracker) -> str | None:
    """The name the form had asked for, when the message read, unsurely, as thanks or a
    goodbye gives it (じゃあ Wang Xiaoling でお願いします, round 2026-12-04zzg replayed: a
    goodbye at 0.55 dropped the request); None otherwise."""
    read = tracker.latest_message.get("intent") or {}
    text = nfkc(common.latest_text(tracker)).strip()
    if read.get("name") not in ("goodbye", "thank") or (read.get("confidence") or 0) >= SURE_GOODBYE:
        return None
    asked = last_asked(tracker)
    given = NAME_ASKED_FOR.match(text)
    if asked != "person_name" or not given or is_leaving(text) or tracker.get_slot("person_name"):
        return None
    return given.group("name")


def last_asked(tracker: Tracker) -> str | None:
    """The detail the form asked for last, also once a rule has ended the form."""
    return next((e.get("value") for e in reversed(tracker.events)
                 if e.get("event") == "slot" and e.get("name") == "requested_slot" and e.get("value")), None)


def detail_answered(tracker: Tracker) -> tuple[str, str] | None:
    """The postal code or the phone the form had asked for, given with thanks (ok merci!
    156-0052, round 2026-12-05zzh shizuyo-anahit-19): (slot, value); None otherwise."""
    asked = last_asked(tracker)
    entities = tracker.latest_message.get("entities") or []
    value = next((e.get("value") for e in entities if e.get("entity") == asked), None)
    if asked not in ("postal_code", "phone") or not value or is_leaving(common.latest_text(tracker)):
        return None
    return asked, str(value)


def _taken(dispatcher: CollectingDispatcher, slots: dict[str, Any], closing: str) -> list[EventType]:
    """Tells how and when the stored request comes, and forgets the form's details."""
    method = slots.get("shipping_method") or common.rules().catalog_default_method
    again = bool(slots.get("catalog_resend_of"))
    dispatcher.utter_message(text=f"承りました。{arrival_text(method, again)}{closing}")
    return [SlotSet(slot, None) for slot in CATALOG_SLOTS]


def stop_catalog(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Drops the request (the stored one too, while unsent) and says so."""
    stored = int(tracker.get_slot("catalog_request_id") or 0)
    if stored:
        catalog_requests.withdraw(common.db(), stored, tracker.sender_id)
    dispatcher.utter_message(response="utter_catalog_stopped")
    return [SlotSet(slot, None) for slot in CATALOG_SLOTS]


def leaves_the_form(tracker: Tracker) -> bool:
    """Inside the catalog form, a message that leaves it, whatever it was read as (Izvinete, I
    changed my mind. I will look at the website instead: change_order 0.57, round 2026-12-05zzo),
    with no order number in it."""
    numbered = any(e.get("entity") == "order_id" for e in tracker.latest_message.get("entities") or [])
    return tracker.active_loop_name == "catalog_form" and is_leaving(common.latest_text(tracker)) and not numbered


def form_left(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The request dropped and the form closed; the bot waits for the customer."""
    closed = [ActiveLoop(None), SlotSet("requested_slot", None), FollowupAction("action_listen")]
    return [*stop_catalog(dispatcher, tracker), *closed]
