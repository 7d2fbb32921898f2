"""A customer's personal data: what the shop keeps of them, table by table, and finding it.

What the shop keeps of a customer, table by table, for one conversation (`sender_id`: a
LINE `userId`, a web chat session, a REST sender):

| table | what |
| --- | --- |
| messages | the transcript, as the customer wrote it |
| handoffs | reason, summary, the details collected (name, phone, address), customer name |
| notes | operators' private notes on those handoffs |
| surveys | 「解決しましたか」 answers and comments |
| desk_operations | operators' actions on those handoffs, with the answers they got |
| catalog_requests | name, postal code, address, phone |
| order_changes | changes and cancellations the bot made (a new address among them) |
| channel_profiles | the LINE display name |
| web_chat_sessions | the web chat's session id (the conversation's id) |
| events | Rasa's tracker: every message, slot (phone, name, address) and bot answer |

A customer is found by conversation, or by a phone number given in the chat: the
conversations whose tracker holds it in a slot, whose handoff details or customer lines
hold it, the catalog requests made with it and the order changes of orders placed with it.
Orders themselves are the order system's (`madoguchi orders import`): exported with the
customer's data, never deleted here (the next import would bring them back).

What is done with it: exported and deleted on the customer's request
(`madoguchi.store.privacy_requests`, from the desk's 個人情報 routes, `madoguchi.desk.privacy`),
deleted past its retention period (`madoguchi.store.retention_purge`, run by the web
service's retention job, `madoguchi.web.retention`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, inspect, or_, text
from sqlalchemy.orm import Session

from madoguchi.handoff.presence import open_among
from madoguchi.nlu.patterns import find_phones, normalize_phone
from madoguchi.store import callbacks, verifications, web_sessions
from madoguchi.store.db import Database
from madoguchi.store.desk_tables import DeskOperation, ensure
from madoguchi.store.models import (
    CatalogRequest,
    ChannelProfile,
    Handoff,
    Message,
    Note,
    Order,
    OrderChange,
    Survey,
)
from madoguchi.store.callbacks import Callback
from madoguchi.store.verifications import Verification
from madoguchi.store.web_sessions import WebChatSession

TRACKER_TABLE = "events"  # Rasa's SQL tracker store, on the same database
SENDER, PHONE = "sender", "phone"
MAX_SENDER_CHARS = 255
# What is counted, exported and deleted, in the order the desk shows it.
KINDS = (
    "messages", "handoffs", "notes", "surveys", "desk_operations", "catalog_requests",
    "order_changes", "order_verifications", "callbacks", "channel_profiles", "web_chat_sessions", "tracker_events",
)


@dataclass(frozen=True)
class Customer:
    """Whom a request is about, as found: their conversations and catalog requests."""

    by: str  # SENDER or PHONE
    value: str  # the sender id, or the phone as digits
    sender_ids: tuple[str, ...]
    catalog_request_ids: tuple[int, ...]
    order_ids: tuple[str, ...] = field(default=())  # the order system's, read only

    @property
    def reference(self) -> str:
        """What the audit log names: never the identifier itself (it would outlive a deletion)."""
        digest = hashlib.sha256(f"{self.by}:{self.value}".encode("utf-8")).hexdigest()
        return f"customer:{self.by}:{digest[:12]}"


def tracker_exists(session: Session) -> bool:
    """Whether Rasa's SQL tracker store keeps its events on this database."""
    return inspect(session.connection()).has_table(TRACKER_TABLE)


def ensure_tables(db: Database) -> Database:
    """The desk's, the web chat's, the verified orders' and the callbacks' tables exist (they
    are made on first use elsewhere)."""
    web_sessions._table(db)
    verifications._table(db)
    callbacks.ensure(db)
    return ensure(db)


# ---------------------------------------------------------------- finding


def by_sender(db: Database, sender_id: str) -> Customer:
    """One conversation's customer (LINE userId, web chat session id)."""
    sender_id = sender_id.strip()[:MAX_SENDER_CHARS]
    with ensure_tables(db).session() as session:
        catalogs = session.query(CatalogRequest.id).filter(CatalogRequest.sender_id == sender_id)
        orders = session.query(OrderChange.order_id).filter(OrderChange.sender_id == sender_id).distinct()
        return Customer(
            SENDER, sender_id, (sender_id,),
            tuple(sorted(i for (i,) in catalogs)), tuple(sorted(o for (o,) in orders)),
        )


def _holds_phone(value: Any, digits: str) -> bool:
    """A JSON value (details, a slot) that is, or holds, this phone number."""
    if isinstance(value, str):
        return normalize_phone(value) == digits or any(f.value == digits for f in find_phones(value))
    if isinstance(value, dict):
        return any(_holds_phone(v, digits) for v in value.values())
    if isinstance(value, list):
        return any(_holds_phone(v, digits) for v in value)
    return False


def _written_forms(digits: str) -> list[str]:
    """What a LIKE can look for of a phone however it was written: its last 4 digits, in
    half and full width (090-1234-5678, ０９０１２３４５６７８ and (090)1234 5678 all hold them)."""
    tail = digits[-4:]
    return [tail, tail.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})]


def by_phone(db: Database, raw: str) -> Customer | None:
    """Everyone who gave this phone number in a chat; None when it is no phone number."""
    digits = normalize_phone(raw)
    if not digits:
        return None
    forms = _written_forms(digits)
    senders: set[str] = set()
    with ensure_tables(db).session() as session:
        catalogs = session.query(CatalogRequest.id, CatalogRequest.sender_id).filter(CatalogRequest.phone == digits).all()
        senders.update(s for _, s in catalogs if s)
        senders.update(s for (s,) in session.query(Callback.sender_id).filter(Callback.phone == digits) if s)
        for sender_id, details in session.query(Handoff.sender_id, Handoff.details).filter(
            or_(*(Handoff.details.like(f"%{f}%") for f in forms))
        ):
            if _holds_phone(json.loads(details or "{}"), digits):
                senders.add(sender_id)
        for sender_id, line in session.query(Message.sender_id, Message.text).filter(
            Message.role == "customer", or_(*(Message.text.like(f"%{f}%") for f in forms))
        ):
            if _holds_phone(line, digits):
                senders.add(sender_id)
        if tracker_exists(session):
            rows = session.execute(
                text(f"SELECT sender_id, data FROM {TRACKER_TABLE} WHERE type_name = 'slot' AND data LIKE :digits"),
                {"digits": f"%{digits}%"},
            )
            for sender_id, data in rows:
                if _holds_phone(json.loads(data or "{}").get("value"), digits):
                    senders.add(sender_id)
        orders = [o for (o,) in session.query(Order.order_id).filter(Order.phone == digits)]
        if orders:
            senders.update(
                s for (s,) in session.query(OrderChange.sender_id).filter(OrderChange.order_id.in_(orders)) if s
            )
        catalog_ids = {i for i, _ in catalogs}
        if senders:
            catalog_ids.update(
                i for (i,) in session.query(CatalogRequest.id).filter(CatalogRequest.sender_id.in_(senders))
            )
    return Customer(PHONE, digits, tuple(sorted(senders)), tuple(sorted(catalog_ids)), tuple(sorted(orders)))


# ---------------------------------------------------------------- what is held


def row_queries(session: Session, customer: Customer) -> dict[str, Any]:
    """The ORM query of each kind of row the customer has (the tracker aside)."""
    senders = list(customer.sender_ids)
    handoff_ids = session.query(Handoff.id).filter(Handoff.sender_id.in_(senders))
    return {
        "messages": session.query(Message).filter(Message.sender_id.in_(senders)),
        "handoffs": session.query(Handoff).filter(Handoff.sender_id.in_(senders)),
        "notes": session.query(Note).filter(Note.handoff_id.in_(handoff_ids)),
        "surveys": session.query(Survey).filter(
            or_(Survey.sender_id.in_(senders), Survey.handoff_id.in_(handoff_ids))
        ),
        "desk_operations": session.query(DeskOperation).filter(DeskOperation.handoff_id.in_(handoff_ids)),
        "catalog_requests": session.query(CatalogRequest).filter(
            CatalogRequest.id.in_(list(customer.catalog_request_ids))
        ),
        "order_changes": session.query(OrderChange).filter(OrderChange.sender_id.in_(senders)),
        "order_verifications": session.query(Verification).filter(Verification.sender_id.in_(senders)),
        "callbacks": session.query(Callback).filter(Callback.sender_id.in_(senders)),
        "channel_profiles": session.query(ChannelProfile).filter(ChannelProfile.sender_id.in_(senders)),
        "web_chat_sessions": session.query(WebChatSession).filter(WebChatSession.session_id.in_(senders)),
    }


def in_senders(customer: Customer) -> tuple[str, dict[str, str]]:
    """`IN (:s0, :s1, …)` and its parameters, for the tracker's plain SQL."""
    params = {f"s{i}": s for i, s in enumerate(customer.sender_ids)}
    return "(" + ", ".join(f":{k}" for k in params) + ")", params


def counts(db: Database, customer: Customer) -> dict[str, int]:
    """How many rows of each kind the shop holds of the customer, and the orders (read only)."""
    with ensure_tables(db).session() as session:
        found = {kind: query.count() for kind, query in row_queries(session, customer).items()}
        found["tracker_events"] = 0
        if customer.sender_ids and tracker_exists(session):
            where, params = in_senders(customer)
            found["tracker_events"] = session.execute(
                text(f"SELECT COUNT(*) FROM {TRACKER_TABLE} WHERE sender_id IN {where}"), params
            ).scalar() or 0
        found["orders"] = len(customer.order_ids)
    return {kind: found[kind] for kind in (*KINDS, "orders")}


@dataclass(frozen=True)
class Conversation:
    """One of the customer's conversations, as the desk lists them."""

    sender_id: str
    channel: str | None
    first_at: datetime | None  # naive UTC; None when no line of it is kept
    last_at: datetime | None
    lines: int
    handoff_ids: tuple[int, ...]
    display_name: str | None  # what LINE calls the customer


def conversations(db: Database, customer: Customer) -> list[Conversation]:
    """The customer's conversations, the latest first."""
    senders = list(customer.sender_ids)
    with db.session() as session:
        spans = {
            s: (c, first, last, n)
            for s, c, first, last, n in session.query(
                Message.sender_id, func.max(Message.channel), func.min(Message.at), func.max(Message.at), func.count()
            ).filter(Message.sender_id.in_(senders)).group_by(Message.sender_id)
        }
        handed: dict[str, list[int]] = {}
        channels: dict[str, str] = {}
        for h in session.query(Handoff.sender_id, Handoff.id, Handoff.channel).filter(Handoff.sender_id.in_(senders)).order_by(Handoff.id):
            handed.setdefault(h.sender_id, []).append(h.id)
            channels[h.sender_id] = h.channel
        names = dict(
            session.query(ChannelProfile.sender_id, ChannelProfile.display_name).filter(ChannelProfile.sender_id.in_(senders))
        )
    found = [
        Conversation(
            s, spans.get(s, (None,))[0] or channels.get(s), *(spans[s][1:] if s in spans else (None, None, 0)),
            tuple(handed.get(s, ())), names.get(s),
        )
        for s in senders
    ]
    return sorted(found, key=lambda c: (c.last_at or datetime.min, c.sender_id), reverse=True)


def handoff_ids(db: Database, customer: Customer) -> list[int]:
    """The customer's handoffs, whatever their state."""
    with db.session() as session:
        rows = session.query(Handoff.id).filter(Handoff.sender_id.in_(list(customer.sender_ids)))
        return sorted(i for (i,) in rows)


def open_handoffs(db: Database, customer: Customer) -> list[int]:
    """The customer's handoffs an operator has right now."""
    with db.session() as session:
        return sorted(i for (i,) in open_among(session, customer.sender_ids).with_entities(Handoff.id))
