"""Orders: verify the customer, tell the status, change or cancel an unshipped order."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.catalog_fix import fix_in_form, put_right
from actions.catalog_note import to_work, to_work_noted
from actions.catalog_readback import form_left, leaves_the_form
from actions.change_date import checked_date, date_window, date_written
from actions.info import answer_question, earlier_texts
from actions.takeover import hand_off
from actions.verification import OFFER_REASON, is_verified, phone_of_this_verification, verification_turn
from actions.verification_start import change_meant, reset_events
from madoguchi.address import address_written, has_prefecture, new_address, with_prefecture, without_postal_code
from madoguchi.dialogue import delivery_date
from madoguchi.dialogue.gift_plan import plans_a_gift
from madoguchi.dialogue.verification import asks_for_person
from madoguchi.nlu.reading import as_read
from madoguchi.shop import calendar
from madoguchi.store import orders
from madoguchi.store.orders import OrderView
from madoguchi.values import asks_to_change, change_kind_from_text, parse_ja_date

STATUS_TEXT = {
    "received": "まだ発送しておりません（発送の準備中です）",
    "shipped": "発送済みです",
    "delivered": "お届け済みです",
    "cancelled": "キャンセル済みです",
}
# A yes, or the change asked for again (はい、キャンセルでお願いします, キャンセルでお願いします).
YES_WITH_CHANGE = re.compile(
    r"^\s*(?:はい|ええ|うん|そう|[ʻ'‘]ae\b|(?i:yes|yeah|yep|ok|okay|sure)\b)|お願い|おねがい|頼みます|たのみます|して(?:ください|くれ)|(?i:\bplease\b)"
)
NOT_YET = re.compile(r"しないで|しなくて|せんといて|待って|まって|やっぱり|やっぱ|(?i:\b(?:don'?t|do\s+not|wait|not\s+yet)\b)")
CHANGE_SLOTS = ("change_kind", "change_detail", "change_confirmed")
TASK_SLOTS = (*CHANGE_SLOTS, "order_task", "order_change_allowed")


class ActionBeginOrderTask(Action):
    """Notes what the customer wants to do with an order, before verification."""

    def name(self) -> str:
        return "action_begin_order_task"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        fix = fix_in_form(tracker)
        if fix:
            return put_right(dispatcher, fix)  # さっきの号室、二〇四じゃのうて二〇六でした: the form goes on
        intent, text = common.latest_intent(tracker), common.latest_text(tracker)
        task = "change" if intent == "change_order" or asks_to_change(text) else "status"
        given = {e.get("entity") for e in tracker.latest_message.get("entities") or []}
        if task == "change" and "order_id" not in given and to_work(tracker):
            return to_work_noted(dispatcher)  # the catalog to the office: the form goes on
        if task == "change" and leaves_the_form(tracker):
            return form_left(dispatcher, tracker)  # I changed my mind. I will look at the website instead
        if tracker.active_loop_name == "order_verification_form":
            # Asked again while the number is being asked: an answer, the counts kept; a change only when meant.
            return ([SlotSet("order_task", task)] if change_meant(tracker, task) else []) + verification_turn(dispatcher, tracker)
        if task == "change" and "order_id" not in given and plans_a_gift(text):
            # A gift being planned, not an order to change: answered, and no number asked.
            answer_question(dispatcher, "ask_gift", tracker)
            return [FollowupAction("action_listen")]
        if task == "status" and is_verified(tracker) and status_told_in_anger(tracker):
            # mada hassou shitenai?? … hidoi: the status was told and did not do; a person looks
            return hand_off(dispatcher, tracker, "complaint")
        events: list[EventType] = [SlotSet("order_task", task), SlotSet("person_offered", None), *reset_events()]
        if is_verified(tracker):
            return events
        # Only numbers given for this question count: a phone from a catalog request
        # must not be tried (and counted as a failure) against an order.
        kept = phone_of_this_verification(tracker)
        for slot in ("order_id", "phone"):
            if slot not in given and tracker.get_slot(slot) and not (slot == "phone" and kept):
                events.append(SlotSet(slot, None))
        if not {"order_id", "phone"} <= given | ({"phone"} if kept else set()):
            dispatcher.utter_message(response="utter_verification_intro")
        return events


def status_told_in_anger(tracker: Tracker) -> bool:
    """The status is asked again, angrily, after the bot told it in this conversation."""
    told = any(e.get("event") == "action" and e.get("name") == "action_order_result" for e in tracker.events)
    return told and bool((tracker.latest_message.get("triage") or {}).get("anger"))


def status_message(order: OrderView) -> str:
    """The status of an order in Japanese, with carrier, tracking and dates."""
    lines = [f"ご注文 {order.order_id}（{calendar.ja_date(order.ordered_at.date())}ご注文）は{STATUS_TEXT[order.status]}。"]
    if order.items:
        lines.append(f"ご注文の品：{order.items}")
    if order.status in ("shipped", "delivered") and order.shipped_at:
        lines.append(f"発送日：{calendar.ja_date(order.shipped_at.date())}")
        if order.carrier:
            lines.append(f"配送業者：{order.carrier}")
        if order.tracking_number:
            lines.append(f"お問い合わせ番号：{order.tracking_number}")
    if order.status in ("received", "shipped"):
        eta = order.delivery_date or order.eta
        if eta:
            lines.append(f"お届け予定日：{calendar.ja_date(eta)}")
    elif order.status == "delivered" and order.eta:
        lines.append(f"お届け日：{calendar.ja_date(order.eta)}")
    return "\n".join(lines)


class ActionOrderResult(Action):
    """After verification: tells the status, starts a change, or calls a person."""

    def name(self) -> str:
        return "action_order_result"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        done = [SlotSet("order_change_allowed", False)]
        if not is_verified(tracker):
            return done + self.unverified(dispatcher, tracker)
        # The order found after a person was offered: the offer is over (承知しました to "anything
        # else?" is no yes to a person).
        done.append(SlotSet("person_offered", None))
        order = orders.get(common.db(), tracker.get_slot("verified_order_id"))
        if tracker.get_slot("order_task") != "change":
            dispatcher.utter_message(text=status_message(order))
            dispatcher.utter_message(response="utter_ask_anything_else")
            return done + [SlotSet("order_task", None)]
        if order.status == "cancelled":
            dispatcher.utter_message(text=f"ご注文 {order.order_id} はすでにキャンセル済みです。")
            dispatcher.utter_message(response="utter_ask_anything_else")
            return done + [SlotSet("order_task", None)]
        if order.status not in common.rules().bot_may_change:
            dispatcher.utter_message(
                text=f"ご注文 {order.order_id} は{STATUS_TEXT[order.status]}。発送後のご変更は担当者が承ります。"
            )
            return done + hand_off(dispatcher, tracker, "needs_operator")
        kind, detail = asked_change(task_texts(tracker), common.now().date())
        return [
            SlotSet("change_kind", kind),
            SlotSet("change_detail", detail),
            SlotSet("change_confirmed", None),
            SlotSet("order_change_allowed", True),
        ]

    @staticmethod
    def unverified(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        """Three failures go to a person; a customer who stopped is let go; one who does
        not know the number, or will not give it, is offered a person who can find it."""
        if (tracker.get_slot("verification_failures") or 0) >= common.rules().max_verification_attempts:
            return hand_off(dispatcher, tracker, "verification_failed")
        # order_change_allowed stays False: the rules wait for the customer on it.
        reset = [SlotSet(s, None) for s in (*CHANGE_SLOTS, "order_task")]
        if tracker.get_slot("verification_stopped"):
            dispatcher.utter_message(response="utter_order_stopped")
            return reset + [SlotSet("verification_stopped", None)]
        if asks_for_person(common.latest_text(tracker)):  # can staff person help me? please person (07f)
            return reset + hand_off(dispatcher, tracker, OFFER_REASON)
        dispatcher.utter_message(response="utter_offer_order_person")
        return reset + [SlotSet("person_offered", OFFER_REASON)]


def task_texts(tracker: Tracker) -> list[str]:
    """What the customer wrote since asking about the order: the request, then the number
    and phone (a new date may stand in any of them)."""
    events = common.event_dicts(tracker)
    begun = max((i for i, e in enumerate(events) if e.get("event") == "action"
                 and e.get("name") == "action_begin_order_task"), default=0)
    start = max((i for i, e in enumerate(events[:begun]) if e.get("event") == "user"), default=0)
    return [e.get("text") or "" for e in events[start:] if e.get("event") == "user"]


def asked_change(texts: list[str], today: date) -> tuple[str | None, str | None]:
    """The change (`date`, `address` or `cancel`) and the new date the customer already
    wrote, if any: a cancel asked for with the request is only confirmed, not asked again."""
    kinds = [k for k in map(change_kind_from_text, texts) if k]
    kind = kinds[-1] if kinds else None
    written = [d for d in (delivery_date.written_date(t, today) for t in texts) if d]
    if written and kind in (None, "date"):
        return "date", f"{written[-1].month}月{written[-1].day}日"
    moved = address_written(texts[-1]) if texts and kind in (None, "address") else None  # send it to my studio: …
    return ("address", moved) if moved else ((kind if kind in ("date", "address", "cancel") else None), None)


def bot_texts_since_customer(tracker: Tracker) -> list[str]:
    """What the bot said since the customer's latest message."""
    said: list[str] = []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            break
        if event.get("event") == "bot":
            said.append(event.get("text") or "")
    return said


def another_date_at_confirmation(tracker: Tracker, text: str) -> bool:
    """A date other than the one read back, written when the bot asks to confirm the new
    delivery date (水曜 read as 11月25日, then 16日の水曜です: round 2026-12-07a narumi-aishath-02
    on the final model, where the yes that followed had confirmed the 25th)."""
    if tracker.get_slot("requested_slot") != "change_confirmed" or tracker.get_slot("change_kind") != "date":
        return False
    written = date_written(text)
    return written is not None and written.isoformat() != tracker.get_slot("change_detail")


class ValidateOrderChangeForm(FormValidationAction):
    """Checks what to change and the new address or date."""

    def name(self) -> str:
        return "validate_order_change_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("change_kind") == "cancel":
            return [s for s in domain_slots if s != "change_detail"]
        return domain_slots

    async def extract_change_confirmed(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A yes that names the change again (はい、キャンセルでお願いします, read as a change),
        or a yes with thanks (ok, gracias; はい、ありがとう, read as thanks): the confirmation,
        not a new request to be confirmed once more, nor thanks that end the form."""
        text = common.latest_text(tracker)
        if another_date_at_confirmation(tracker, text):
            return {"change_detail": text}  # 16日の水曜です: the date meant, checked and confirmed again
        if tracker.get_slot("requested_slot") != "change_confirmed" or common.latest_intent(tracker) not in (
            "change_order", "thank"
        ):
            return {}
        named = change_kind_from_text(text)
        readings = (text, as_read(text))  # sim, cancela: はい、キャンセル
        held_back = any(NOT_YET.search(t) for t in readings)  # はい、でもキャンセルはしないでください: no yes
        said_yes = any(YES_WITH_CHANGE.search(t) for t in readings)
        if named in (None, tracker.get_slot("change_kind")) and said_yes and not held_back:
            return {"change_confirmed": True}
        return {}

    def validate_change_kind(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value in ("cancel", "address", "date"):
            return {"change_kind": value}
        text = str(value or "")
        kind = change_kind_from_text(text)
        # こんど の どようび に して ください: a day named in words, the change is of the date
        written = date_written(text)
        if written and kind in (None, "date"):
            # 配送日を12/22に: what to change and the new date in one message.
            return {"change_kind": "date", **checked_date(dispatcher, written)}
        if not kind:
            dispatcher.utter_message(response="utter_change_kind_unknown")
        return {"change_kind": kind}

    def validate_change_detail(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "").strip()
        if tracker.get_slot("change_kind") == "date":
            chosen = date_written(text)  # 12月27日…あ、やっぱり12月26日: the last one written is meant
            proposed = proposed_date(tracker) if not chosen and common.latest_intent(tracker) == "affirm" else None
            # the yes to the date proposed confirms the change too: not asked twice (round 2026-12-05zzy)
            return checked_date(dispatcher, chosen or proposed) | ({"change_confirmed": True} if proposed else {})
        address = with_prefecture(new_address(text, tracker.latest_message.get("entities") or []))
        if not has_prefecture(without_postal_code(address)) or len(address) < 8:  # 〒105-0011 東京都港区…: taken
            dispatcher.utter_message(response="utter_change_address_invalid")
            return {"change_detail": None}
        return {"change_detail": address}


def proposed_date(tracker: Tracker) -> date | None:
    """The nearest date the bot proposed, just before the latest message, for a date outside
    the window the customer wrote (a yes takes it), or None."""
    events = [e for e in tracker.events if e.get("event") in ("user", "bot")]
    users = [i for i, e in enumerate(events) if e["event"] == "user"]
    between = [e.get("text") or "" for e in events[users[-2] + 1:users[-1]]] if len(users) > 1 else []
    if not delivery_date.told_outside(between):
        return None
    today = common.now().date()
    earliest, latest = date_window(today)
    for text in reversed(earlier_texts(tracker)):
        chosen = parse_ja_date(text, today)
        if chosen and not earliest <= chosen <= latest:
            return delivery_date.nearest(chosen, earliest, latest)
    return None


class ActionAskChangeDetail(Action):
    """Asks for the new address or the new delivery date."""

    def name(self) -> str:
        return "action_ask_change_detail"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("change_kind") == "date":
            if delivery_date.told_outside(bot_texts_since_customer(tracker)):
                return []  # the customer was just told which dates can be taken
            earliest, latest = date_window(common.now().date())
            dispatcher.utter_message(
                text=f"新しいお届け日を教えてください（{calendar.ja_date(earliest)}から{calendar.ja_date(latest)}まで）。"
            )
        else:
            dispatcher.utter_message(text="新しいお届け先のご住所を、都道府県から番地・建物名までお書きください。")
        return []


def change_summary(kind: str, detail: str | None) -> str:
    """A change in words: キャンセル / お届け先を…に変更 / お届け日を…に変更."""
    if kind == "cancel":
        return "ご注文のキャンセル"
    if kind == "date":
        return f"お届け日を{calendar.ja_date(date.fromisoformat(detail))}に変更"
    return f"お届け先を「{detail}」に変更"


class ActionAskChangeConfirmed(Action):
    """Reads the change back and asks to confirm it."""

    def name(self) -> str:
        return "action_ask_change_confirmed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        summary = change_summary(tracker.get_slot("change_kind"), tracker.get_slot("change_detail"))
        dispatcher.utter_message(
            text=f"ご注文 {tracker.get_slot('verified_order_id')} について、{summary}を承ります。よろしいですか。",
            buttons=[
                {"title": "はい", "payload": "はい、お願いします"},
                {"title": "いいえ", "payload": "いいえ、やめておきます"},
            ],
        )
        return []


class ActionApplyOrderChange(Action):
    """Applies the confirmed change to the order (or leaves it as it was)."""

    def name(self) -> str:
        return "action_apply_order_change"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        reset = [SlotSet(s, None) for s in TASK_SLOTS]
        if not tracker.get_slot("change_confirmed"):
            dispatcher.utter_message(response="utter_change_stopped")
            return reset
        order_id = tracker.get_slot("verified_order_id")
        current = orders.get(common.db(), order_id)
        if current.status not in common.rules().bot_may_change:
            # Shipped while we talked: only a person can act now.
            return reset + hand_off(dispatcher, tracker, "needs_operator")
        kind = tracker.get_slot("change_kind")
        orders.apply_change(
            common.db(), order_id, kind, tracker.get_slot("change_detail") or "", tracker.sender_id
        )
        summary = change_summary(kind, tracker.get_slot("change_detail"))
        dispatcher.utter_message(text=f"ご注文 {order_id} の{summary}を承りました。確認のメールをお送りします。")
        dispatcher.utter_message(response="utter_ask_anything_else")
        return reset


class ActionStopOrderTask(Action):
    """Stops an order check or change half-way."""

    def name(self) -> str:
        return "action_stop_order_task"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        changing = tracker.get_slot("order_change_allowed") and tracker.get_slot("verified_order_id")
        # A change given up after the check: the order stays as it was, and the customer is told so.
        dispatcher.utter_message(response="utter_order_change_stopped" if changing else "utter_order_stopped")
        return [SlotSet(s, None) for s in TASK_SLOTS]
