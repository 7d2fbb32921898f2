"""The desk's JSON shapes: a handoff as the queue shows it, transcript lines, notes."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from madoguchi.shop.rules import URGENT_PRIORITY, shop_rules
from madoguchi.store import handoffs
from madoguchi.store.db import Database
from madoguchi.store.models import Handoff, Message, Note
from madoguchi.web.timefmt import iso_jst

# The one place the channels are named for operators: the console shows `channel_label`.
CHANNEL_LABELS = {"socketio": "Webチャット", "rest": "Webチャット（REST）", "line": "LINE", "demo": "デモ"}


def waiting_seconds(handoff: Handoff, now: datetime) -> int:
    """How long the customer has waited (until now, or until the handoff ended)."""
    end = handoff.ended_at or now
    return max(int((end - handoff.created_at).total_seconds()), 0)


def handoff_json(
    handoff: Handoff, *, now: datetime, position: int, names: dict[str, str] | None = None
) -> dict[str, Any]:
    """A handoff as the queue shows it, with the labels the console shows: the reason's from
    the rules file, the channel's from `CHANNEL_LABELS`; `urgent` for the priority served
    first (the console marks it and says so when it announces it)."""
    names = names or {}
    return {
        "id": handoff.id,
        "sender_id": handoff.sender_id,
        "channel": handoff.channel,
        "channel_label": CHANNEL_LABELS.get(handoff.channel, handoff.channel),
        "reason": handoff.reason,
        "reason_label": shop_rules().handoff_reason(handoff.reason).label,
        "priority": handoff.priority,
        "urgent": handoff.priority <= URGENT_PRIORITY,
        "status": handoff.status,
        "created_at": iso_jst(handoff.created_at),
        "updated_at": iso_jst(handoff.updated_at),
        "ended_at": iso_jst(handoff.ended_at),
        "summary": handoff.summary,
        "customer_name": handoff.customer_name or names.get(handoff.sender_id),
        "operator": handoff.operator,
        "waiting_seconds": waiting_seconds(handoff, now),
        "position": position,
    }


def line_json(message: Message) -> dict[str, Any]:
    """A transcript line: who, what (the original text), when."""
    return {
        "id": message.id,
        "from": message.role,
        "text": message.text,
        "at": iso_jst(message.at),
        "operator": message.author if message.role == "operator" else None,
    }


def note_json(note: Note) -> dict[str, Any]:
    return {"id": note.id, "operator": note.operator, "text": note.text, "at": iso_jst(note.at)}


def details_of(handoff: Handoff) -> dict[str, Any]:
    """The details collected before the handoff, as an operator reads them (送り方: 宅配便, not parcel)."""
    try:
        details = json.loads(handoff.details or "{}")
    except ValueError:
        return {}
    if not isinstance(details, dict):
        return {}
    method = details.get("shipping_method")
    if isinstance(method, str):
        known = shop_rules().catalog_methods.get(method)
        details["shipping_method"] = known.label if known else method
    return details


def queue_positions(db: Database) -> dict[int, int]:
    return {h.id: i for i, h in enumerate(handoffs.queue(db), start=1)}
