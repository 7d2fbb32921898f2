"""The customer's history beside a handoff: their other conversations, catalogs and orders.

`GET /api/handoffs/{id}/history` (operators only) answers what the shop already knows of
the customer of that handoff (`madoguchi.store.customers` says who they are): their other
conversations, each with its date, how it ended (the handoff's reason, closed or handed
back, the answer to 「解決しましたか」) and its transcript; their catalog requests, sent or
not yet; and their orders, only once they proved one in some conversation.

A LINE user or a web chat session keeps one conversation id for every visit: its lines are
cut into conversations where the customer was silent longer than Rasa's session
(`CONVERSATION_GAP`, as `session_expiration_time` in domain/core.yml), and where an
operator closed a handoff and the customer wrote again after the survey (`AFTER_CLOSE`).
The conversation of the handoff shown is left out: the console shows it already.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from aiohttp import web

from madoguchi.desk import survey as survey_routes
from madoguchi.desk.catalog import shipping_labels
from madoguchi.desk.http import authenticated, json_response, load_handoff
from madoguchi.desk.shapes import CHANNEL_LABELS, line_json
from madoguchi.shop.rules import shop_rules
from madoguchi.store import customers, handoffs, surveys, transcripts
from madoguchi.store.db import Database
from madoguchi.store.models import CatalogRequest, Handoff, Message
from madoguchi.store.orders import OrderView
from madoguchi.web.keys import DB_KEY, SETTINGS_KEY
from madoguchi.web.timefmt import iso_jst

CONVERSATION_GAP = timedelta(minutes=180)  # domain/core.yml: session_expiration_time
AFTER_CLOSE = timedelta(minutes=10)  # time to answer 「解決しましたか」 after a close
HANDOFF_SLACK = timedelta(minutes=1)  # a handoff opens as its customer's line is stored
MAX_CONVERSATIONS = 20

ENDINGS = {
    handoffs.CLOSED: "担当者が対応して終了",
    handoffs.RELEASED: "担当者からボットに戻した",
    handoffs.OPEN: "担当者が対応中",
    None: "ボットだけで対応（引き継ぎなし）",
}
CATALOG_LABELS = {"received": "まだ発送していません", "sent": "発送済み"}
ORDER_LABELS = {"received": "受付済み（発送前）", "shipped": "発送済み", "delivered": "お届け済み", "cancelled": "キャンセル"}
WEB_CHANNELS = ("socketio", "rest")


@dataclass
class Conversation:
    """A stretch of one conversation id's lines, with the handoffs opened in it."""

    sender_id: str
    lines: list[Message] = field(default_factory=list)
    handoffs: list[Handoff] = field(default_factory=list)

    @property
    def started_at(self) -> datetime:
        times = [m.at for m in self.lines] + [h.created_at for h in self.handoffs]
        return min(times)

    @property
    def last_at(self) -> datetime:
        times = [m.at for m in self.lines] + [h.ended_at or h.created_at for h in self.handoffs]
        return max(times)


def conversations(sender_id: str, lines: list[Message], opened: list[Handoff]) -> list[Conversation]:
    """One conversation id's lines (in order) cut into conversations, each with its handoffs."""
    cuts = sorted(h.ended_at + AFTER_CLOSE for h in opened if h.status == handoffs.CLOSED and h.ended_at)
    found: list[Conversation] = []
    previous: Message | None = None
    for line in lines:
        if (
            previous is None
            or line.at - previous.at > CONVERSATION_GAP
            or any(previous.at < cut <= line.at for cut in cuts)
        ):
            found.append(Conversation(sender_id))
        found[-1].lines.append(line)
        previous = line
    for handoff in sorted(opened, key=lambda h: (h.created_at, h.id)):
        home = [c for c in found if c.lines and c.lines[0].at - HANDOFF_SLACK <= handoff.created_at]
        if home and handoff.created_at <= home[-1].lines[-1].at + CONVERSATION_GAP:
            home[-1].handoffs.append(handoff)
        else:  # a handoff with no lines stored around it
            found.append(Conversation(sender_id, handoffs=[handoff]))
    return sorted(found, key=lambda c: c.started_at)


# ---------------------------------------------------------------- shapes


def recognized_json(how: str, channel: str | None) -> dict[str, str]:
    """How the conversation is known to be the customer's, as the operator reads it."""
    if how != customers.SAME:
        return {"by": "phone", "phone": how, "label": f"同じ電話番号（{how}）"}
    if channel == "line":
        return {"by": "line", "label": "同じLINEのアカウント"}
    return {"by": "web", "label": "同じWebチャットの画面"}


def conversation_json(
    conversation: Conversation, how: str, surveyed: dict[int, Any]
) -> dict[str, Any]:
    rules = shop_rules()
    channel = next(
        (m.channel for m in conversation.lines if m.channel),
        conversation.handoffs[0].channel if conversation.handoffs else None,
    )
    last = conversation.handoffs[-1] if conversation.handoffs else None
    ending = ENDINGS[last.status if last else None]
    if last is not None:
        ending = f"{rules.handoff_reason(last.reason).label}・{ending}"
    return {
        "sender_id": conversation.sender_id,
        "channel": channel,
        "channel_label": CHANNEL_LABELS.get(channel or "", channel or ""),
        "recognized": recognized_json(how, channel),
        "started_at": iso_jst(conversation.started_at),
        "last_at": iso_jst(conversation.last_at),
        "ending": ending,
        "handoffs": [
            {
                "id": h.id,
                "reason": h.reason,
                "reason_label": rules.handoff_reason(h.reason).label,
                "status": h.status,
                "ending": ENDINGS[h.status],
                "created_at": iso_jst(h.created_at),
                "ended_at": iso_jst(h.ended_at),
                "operator": h.operator,
                "summary": h.summary,
                "survey": survey_routes.survey_json(surveyed.get(h.id)),
            }
            for h in conversation.handoffs
        ],
        "transcript": [line_json(m) for m in conversation.lines],
    }


def catalog_json(request: CatalogRequest, labels: dict[str, str]) -> dict[str, Any]:
    return {
        "id": request.id,
        "created_at": iso_jst(request.created_at),
        "name": request.name,
        "postal_code": request.postal_code,
        "address": request.address,
        "phone": request.phone,
        "shipping_label": labels.get(request.shipping_method, request.shipping_method),
        "sent": request.status == "sent",
        "status_label": CATALOG_LABELS.get(request.status, request.status),
        "sent_at": iso_jst(request.sent_at),
    }


def order_json(order: OrderView, proved: frozenset[str]) -> dict[str, Any]:
    return {
        "order_id": order.order_id,
        "name": order.name,
        "status": order.status,
        "status_label": ORDER_LABELS.get(order.status, order.status),
        "ordered_at": order.ordered_at.isoformat(timespec="seconds"),
        "shipped_at": order.shipped_at.isoformat(timespec="seconds") if order.shipped_at else None,
        "carrier": order.carrier,
        "tracking_number": order.tracking_number,
        "eta": order.eta.isoformat() if order.eta else None,
        "items": order.items,
        "delivery_address": order.delivery_address,
        "delivery_date": order.delivery_date.isoformat() if order.delivery_date else None,
        "verified_here": order.order_id in proved,
    }


# ---------------------------------------------------------------- the history


def history_of(db: Database, handoff: Handoff, labels: dict[str, str]) -> dict[str, Any]:
    """What the shop knows of a handoff's customer, apart from the conversation shown."""
    customer = customers.recognize(db, handoff.sender_id)
    opened = customers.handoffs_of(db, list(customer.senders))
    found: list[tuple[Conversation, str]] = []
    for sender_id, how in customer.senders.items():
        own = [h for h in opened if h.sender_id == sender_id]
        for conversation in conversations(sender_id, transcripts.for_sender(db, sender_id), own):
            if handoff.id not in {h.id for h in conversation.handoffs}:
                found.append((conversation, how))
    found.sort(key=lambda pair: pair[0].started_at, reverse=True)
    found = found[:MAX_CONVERSATIONS]
    surveyed = surveys.for_handoffs(db, [h.id for c, _ in found for h in c.handoffs])
    proved = customer.verified_orders
    return {
        "handoff_id": handoff.id,
        "conversations": [conversation_json(c, how, surveyed) for c, how in found],
        "catalog_requests": [catalog_json(r, labels) for r in customers.catalog_requests_of(db, customer)],
        "verified": bool(proved),
        "orders": [order_json(o, proved) for o in customers.orders_of(db, customer)],
    }


@authenticated
async def show(request: web.Request, operator: str) -> web.Response:
    """GET /api/handoffs/{id}/history: the customer's other conversations, catalog requests
    and (once they proved one) orders."""
    handoff = load_handoff(request)
    labels = shipping_labels(request.app[SETTINGS_KEY].rules_file)
    return json_response(history_of(request.app[DB_KEY], handoff, labels))


def add_routes(app: web.Application, handoff_path: str) -> None:
    app.router.add_get(handoff_path + "/history", show)
