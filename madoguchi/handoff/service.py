"""Opening a handoff: the desk ticket, its summary, and what the customer is told."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable

from madoguchi.handoff import transcript
from madoguchi.handoff.harm import harmed_by_goods
from madoguchi.handoff.reasons import is_grief
from madoguchi.shop import calendar
from madoguchi.shop.rules import Rules, shop_rules
from madoguchi.store import handoffs
from madoguchi.store.db import Database

# What a customer came for, by intent. The handoff intents are left out: the reason
# label at the head of the summary already says them.
TOPICS = {
    "request_catalog": "カタログ請求",
    "ask_delivery_status": "配送状況の確認",
    "ask_shipping": "送料・お届け日数",
    "ask_gift": "のし・包装",
    "ask_product": "商品について",
    "change_order": "注文の変更・キャンセル",
}

DETAIL_SLOTS = (
    "order_id",
    "verified_order_id",
    "person_name",
    "phone",
    "postal_code",
    "address",
    "date",
    "change_kind",
    "change_detail",
    "shipping_method",
    "catalog_note",  # a late catalog: what was sent, when and how (actions/catalog_late.py)
)
SUMMARY_QUOTE_CHARS = 60


@dataclass(frozen=True)
class Ticket:
    """An open handoff as the customer is told of it."""

    handoff_id: int
    position: int
    operators_available: bool
    opening: datetime


def collected_details(slots: dict[str, Any]) -> dict[str, Any]:
    """The details the bot collected so far, for the operator."""
    return {k: slots[k] for k in DETAIL_SLOTS if slots.get(k) not in (None, "", [])}


def number_not_given(slots: dict[str, Any]) -> bool:
    """The customer could not, or would not, give the order number when it was asked."""
    return bool(slots.get("verification_unknown") or slots.get("verification_refusals"))


def customer_topics(events: Iterable[dict[str, Any]]) -> list[str]:
    """What the customer came for, in order of first mention."""
    seen: list[str] = []
    for e in events:
        if e.get("event") == "user":
            topic = TOPICS.get(((e.get("parse_data") or {}).get("intent") or {}).get("name"))
            if topic and topic not in seen:
                seen.append(topic)
    return seen


def summarize(
    rules: Rules,
    reason: str,
    events: list[dict[str, Any]],
    details: dict[str, Any],
    order_number_unknown: bool = False,
) -> str:
    """One line an operator reads in five seconds: why (the reason's label in the rules
    file), about what, the key facts (the order number, or that the customer does not know
    it; the phone; the name), a quote."""
    parts = [rules.handoff_reason(reason).label]
    topics = customer_topics(events)
    if topics:
        parts.append("・".join(topics[:3]))
    if details.get("verified_order_id"):
        parts.append(f"注文{details['verified_order_id']}（本人確認済）")
    elif details.get("order_id"):
        parts.append(f"注文{details['order_id']}（未確認）")
    elif order_number_unknown:
        parts.append("注文番号不明")
    if details.get("catalog_note"):
        parts.append(details["catalog_note"])
    elif details.get("person_name"):
        parts.append(f"{details['person_name']}様")
    if details.get("phone"):
        parts.append(f"電話{details['phone']}")
    quote = last_customer_text(events)
    if quote:
        short = quote if len(quote) <= SUMMARY_QUOTE_CHARS else quote[:SUMMARY_QUOTE_CHARS] + "…"
        parts.append(f"「{short}」")
    return "｜".join(parts)


def last_customer_text(events: Iterable[dict[str, Any]]) -> str:
    """The customer's latest non-empty message, on one line."""
    for e in reversed(list(events)):
        if e.get("event") == "user" and (e.get("text") or "").strip():
            return " ".join(e["text"].split())
    return ""


def open_ticket(
    db: Database,
    rules: Rules,
    now: datetime,
    *,
    sender_id: str,
    channel: str,
    reason: str,
    events: list[dict[str, Any]],
    slots: dict[str, Any],
    customer_name: str | None = None,
) -> Ticket:
    """Record the transcript so far and open (or find) the conversation's handoff."""
    transcript.record(db, sender_id, events, channel)
    details = collected_details(slots)
    handoff = handoffs.open_handoff(
        db,
        sender_id=sender_id,
        channel=channel,
        reason=reason,
        priority=rules.handoff_reason(reason).priority,
        summary=summarize(rules, reason, events, details, order_number_unknown=number_not_given(slots)),
        details=details,
        customer_name=customer_name or details.get("person_name"),
    )
    return Ticket(
        handoff_id=handoff.id,
        position=max(handoffs.position(db, handoff.id), 1),
        operators_available=calendar.operators_available(rules, now),
        opening=calendar.next_operator_opening(rules, now),
    )


def care_response(reason: str, text: str, goods: bool = False, *, rules: Rules | None = None) -> str | None:
    """The response that answers with care before the handoff notice, if any: the reason's
    `care` in the rules file (the shop's by default), condolences for distress about a death
    or a memorial, and an apology first when the goods came wrong or damaged (`goods`), with
    a doctor named first when someone ate them and is harmed."""
    if goods and harmed_by_goods(text):
        return "utter_handoff_goods_harm"  # 息子がもう１個食べてしもた😭 卵アレルギーあるのに: a doctor first
    if goods:
        # 主人の兄が亡くなって…のしが紅白の蝶結びで届いた: condolences with the apology
        return "utter_handoff_goods_grief" if is_grief(text) else "utter_handoff_goods"
    if reason == "distress" and is_grief(text):
        return "utter_handoff_care_grief"
    return (rules or shop_rules()).handoff_reason(reason).care


def opening_text(ticket: Ticket, now: datetime) -> str:
    """When a person will answer, in Japanese: 本日9時 / 明日9時 / 11月24日(火) 9時."""
    opening, today = ticket.opening, now.astimezone(ticket.opening.tzinfo).date()
    clock = calendar.ja_time(opening.timetz())
    if opening.date() == today:
        return f"本日{clock}"
    if (opening.date() - today).days == 1:
        return f"明日 {calendar.ja_date(opening.date())} {clock}"
    return f"{calendar.ja_date(opening.date())} {clock}"
