"""A customer's requests about their personal data (Japan's APPI: 開示 and 削除): everything
the shop holds of them exported, or deleted from every table, Rasa's tracker included.

Which tables hold what, and how the customer is found, is `madoguchi.store.personal_data`;
the desk's 個人情報 routes (`madoguchi.desk.privacy`) call this.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

from madoguchi.handoff.presence import open_among
from madoguchi.store.callbacks import Callback
from madoguchi.store.db import Database
from madoguchi.store.models import CatalogRequest, Handoff, Message, Note, Order, OrderChange, Survey
from madoguchi.store.personal_data import (
    KINDS,
    TRACKER_TABLE,
    Customer,
    ensure_tables,
    in_senders,
    open_handoffs,
    row_queries,
    tracker_exists,
)
from madoguchi.store.verifications import Verification

# Rows that name a handoff go before it (the tracker is plain SQL, after them all).
DELETION_ORDER = (
    "notes", "surveys", "desk_operations", "handoffs", "messages", "catalog_requests",
    "order_changes", "order_verifications", "callbacks", "channel_profiles", "web_chat_sessions",
)


class OpenHandoff(Exception):
    """A conversation of the customer is with an operator right now: nothing was deleted."""

    def __init__(self, handoff_ids: list[int]) -> None:
        super().__init__(f"open handoffs {handoff_ids}")
        self.handoff_ids = handoff_ids


# ---------------------------------------------------------------- export


def _row(obj: Any, skip: Iterable[str] = ()) -> dict[str, Any]:
    """A table row as a dict of its columns (times stay naive UTC datetimes)."""
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns if c.key not in skip}


def _tracker_event(sender_id: str, timestamp: float | None, data: str) -> dict[str, Any]:
    """A tracker event as a person reads it: what happened, when, with which text or value."""
    event = json.loads(data or "{}")
    shown = {"sender_id": sender_id, "event": event.get("event")}
    if timestamp is not None:
        shown["at"] = datetime.fromtimestamp(timestamp, timezone.utc).replace(tzinfo=None)
    for key in ("text", "name", "value"):
        if event.get(key) is not None:
            shown[key] = event[key]
    intent = (event.get("parse_data") or {}).get("intent") or {}
    if intent.get("name"):
        shown["intent"] = intent["name"]
    return shown


def _tracker_rows(session: Session, customer: Customer) -> list[tuple[str, float | None, str]]:
    if not customer.sender_ids or not tracker_exists(session):
        return []
    where, params = in_senders(customer)
    statement = text(f"SELECT sender_id, timestamp, data FROM {TRACKER_TABLE} WHERE sender_id IN {where} ORDER BY id")
    return list(session.execute(statement, params))


def export(db: Database, customer: Customer) -> dict[str, Any]:
    """Everything the shop holds of the customer, table by table (times naive UTC)."""
    with ensure_tables(db).session() as session:
        queries = row_queries(session, customer)
        data: dict[str, Any] = {
            "messages": [_row(m, skip=("event_key", "id")) for m in queries["messages"].order_by(Message.at, Message.id)],
            "handoffs": [
                {**_row(h, skip=("details",)), "details": json.loads(h.details or "{}")}
                for h in queries["handoffs"].order_by(Handoff.id)
            ],
            "notes": [_row(n) for n in queries["notes"].order_by(Note.id)],
            "surveys": [_row(s) for s in queries["surveys"].order_by(Survey.id)],
            "catalog_requests": [_row(r) for r in queries["catalog_requests"].order_by(CatalogRequest.id)],
            "order_changes": [_row(c) for c in queries["order_changes"].order_by(OrderChange.id)],
            "order_verifications": [_row(v) for v in queries["order_verifications"].order_by(Verification.id)],
            "callbacks": [_row(c) for c in queries["callbacks"].order_by(Callback.id)],
            "channel_profiles": [_row(p) for p in queries["channel_profiles"]],
            "web_chat_sessions": [_row(w) for w in queries["web_chat_sessions"]],
            "tracker_events": [_tracker_event(*row) for row in _tracker_rows(session, customer)],
            "orders": [
                _row(o) for o in session.query(Order).filter(Order.order_id.in_(list(customer.order_ids)))
            ],
        }
    # desk_operations (what operators' actions were answered) repeat the handoffs: counted
    # and deleted, not exported
    return data


# ---------------------------------------------------------------- deletion


def delete(db: Database, customer: Customer) -> dict[str, int]:
    """Delete everything the shop holds of the customer, in one transaction; how many rows
    of each kind. Refused (OpenHandoff) while an operator has one of their conversations."""
    waiting = open_handoffs(db, customer)
    if waiting:
        raise OpenHandoff(waiting)
    deleted: dict[str, int] = {}
    with ensure_tables(db).session() as session:
        queries = row_queries(session, customer)
        handoff_ids = [i for (i,) in queries["handoffs"].with_entities(Handoff.id)]
        if open_among(session, customer.sender_ids).first():
            raise OpenHandoff(handoff_ids)  # opened since the check above
        for kind in DELETION_ORDER:
            deleted[kind] = queries[kind].delete(synchronize_session=False)
        deleted["tracker_events"] = 0
        if customer.sender_ids and tracker_exists(session):
            where, params = in_senders(customer)
            deleted["tracker_events"] = session.execute(
                text(f"DELETE FROM {TRACKER_TABLE} WHERE sender_id IN {where}"), params
            ).rowcount or 0
    return {kind: deleted.get(kind, 0) for kind in KINDS}
