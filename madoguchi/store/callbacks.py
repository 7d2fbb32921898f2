"""Phone callbacks customers asked for: their number, the slot chosen, and what became of it.

A callback is a draft from the customer's 電話で折り返してほしい until they choose a slot
(booked); they may change or cancel it (cancelled), and an operator marks it done once
called (done). While a draft or a change waits for the customer's phone number, its
`phone_wanted_at` is set: the channels then read the customer's next message as the number
(`madoguchi.channels.callback`), for a while.

Its own table in the shop database (created on first use, as `order_verifications` is),
written by the channels in Rasa's process and read by the desk.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import Column, DateTime, Index, Integer, String
from sqlalchemy.orm import declarative_base

from madoguchi.store.db import Database, create_tables_once
from madoguchi.store.models import utcnow

CallbackBase = declarative_base()

DRAFT, BOOKED, CANCELLED, DONE = "draft", "booked", "cancelled", "done"
STATUS_LABELS = {DRAFT: "お申し込み中", BOOKED: "お電話待ち", CANCELLED: "取り消し", DONE: "対応済み"}
PHONE_WINDOW = timedelta(minutes=30)  # how long after it is asked the next message may be the number


class Callback(CallbackBase):
    """A callback: whose, on which channel, the handoff it came with, the number and the slot."""

    __tablename__ = "callbacks"
    id = Column(Integer, primary_key=True)
    sender_id = Column(String(255), nullable=False)
    channel = Column(String(32), nullable=False)
    handoff_id = Column(Integer)  # the conversation's latest handoff when asked: the desk links to it
    status = Column(String(12), nullable=False, default=DRAFT)
    phone = Column(String(20))  # digits only
    starts_at = Column(DateTime)  # naive UTC, the slot chosen
    ends_at = Column(DateTime)
    phone_wanted_at = Column(DateTime)  # the next message is read as the number (set while asked)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow)
    booked_at = Column(DateTime)
    done_at = Column(DateTime)
    done_by = Column(String(100))

    __table_args__ = (
        Index("ix_callbacks_sender_status", "sender_id", "status"),
        Index("ix_callbacks_status_starts", "status", "starts_at"),
    )


def ensure(db: Database) -> Database:
    """Create the table in this database once per process; returns the database."""
    create_tables_once(db.engine, CallbackBase.metadata)
    return db


def _utc(moment: datetime) -> datetime:
    """An aware time as stored: naive UTC (a naive one is taken as UTC already)."""
    return moment if moment.tzinfo is None else moment.astimezone(timezone.utc).replace(tzinfo=None)


def start(
    db: Database, sender_id: str, channel: str, handoff_id: int | None, now: datetime | None = None
) -> tuple[Callback, bool]:
    """The conversation's callback under way (booked for a slot not past, or a draft), else
    a new draft waiting for the number; (callback, whether it is new). `now` is the shop's
    clock, which says whether a slot is past."""
    shop_now = _utc(now) if now else utcnow()
    stamp = utcnow()
    with ensure(db).session() as session:
        current = (
            session.query(Callback)
            .filter(Callback.sender_id == sender_id, Callback.status.in_((DRAFT, BOOKED)))
            .order_by(Callback.id.desc())
            .all()
        )
        for callback in current:
            if callback.status == BOOKED and callback.ends_at and callback.ends_at > shop_now:
                return callback, False
            if callback.status == DRAFT:
                if not callback.phone:
                    callback.phone_wanted_at = stamp
                callback.handoff_id = handoff_id or callback.handoff_id
                callback.updated_at = stamp
                return callback, False
        callback = Callback(
            sender_id=sender_id, channel=channel, handoff_id=handoff_id, status=DRAFT,
            phone_wanted_at=stamp, created_at=stamp, updated_at=stamp,
        )
        session.add(callback)
        session.flush()
        return callback, True


def own(db: Database, sender_id: str, callback_id: int) -> Callback | None:
    """A callback of this conversation; None for anyone else's."""
    with ensure(db).session() as session:
        callback = session.get(Callback, callback_id)
        return callback if callback is not None and callback.sender_id == sender_id else None


def get(db: Database, callback_id: int) -> Callback | None:
    with ensure(db).session() as session:
        return session.get(Callback, callback_id)


def _update(db: Database, callback_id: int, **values) -> Callback | None:
    with ensure(db).session() as session:
        callback = session.get(Callback, callback_id)
        if callback is None:
            return None
        for name, value in values.items():
            setattr(callback, name, value)
        callback.updated_at = utcnow()
        return callback


def want_phone(db: Database, callback_id: int) -> Callback | None:
    """The customer's next message is read as the number (a new one, for a change)."""
    return _update(db, callback_id, phone_wanted_at=utcnow())


def set_phone(db: Database, callback_id: int, phone: str) -> Callback | None:
    """The number to call; no more awaited."""
    return _update(db, callback_id, phone=phone, phone_wanted_at=None)


def book(db: Database, callback_id: int, starts: datetime, ends: datetime) -> Callback | None:
    """The slot chosen (aware times): booked, or moved when it was booked already."""
    return _update(
        db, callback_id, status=BOOKED, starts_at=_utc(starts), ends_at=_utc(ends),
        booked_at=utcnow(), phone_wanted_at=None, done_at=None, done_by=None,
    )


def cancel(db: Database, callback_id: int) -> Callback | None:
    """The customer does not want the call after all."""
    return _update(db, callback_id, status=CANCELLED, phone_wanted_at=None)


def mark_done(db: Database, callback_id: int, operator: str, done: bool) -> Callback | None:
    """An operator called (or, undoing it, not yet). Only a booked or done callback changes."""
    with ensure(db).session() as session:
        callback = session.get(Callback, callback_id)
        if callback is None or callback.status not in (BOOKED, DONE):
            return callback
        callback.status = DONE if done else BOOKED
        callback.done_at = utcnow() if done else None
        callback.done_by = operator if done else None
        callback.updated_at = utcnow()
        return callback


def awaiting_phone(db: Database, sender_id: str, now: datetime | None = None) -> Callback | None:
    """The callback of this conversation waiting for the customer's number, while it may."""
    now = now or utcnow()
    with ensure(db).session() as session:
        return (
            session.query(Callback)
            .filter(
                Callback.sender_id == sender_id,
                Callback.status.in_((DRAFT, BOOKED)),
                Callback.phone_wanted_at.isnot(None),
                Callback.phone_wanted_at > now - PHONE_WINDOW,
            )
            .order_by(Callback.phone_wanted_at.desc())
            .first()
        )


def listing(db: Database, statuses: tuple[str, ...] = (BOOKED,), limit: int = 500) -> list[Callback]:
    """Callbacks of these statuses in time order: the earliest slot first."""
    with ensure(db).session() as session:
        return (
            session.query(Callback)
            .filter(Callback.status.in_(statuses))
            .order_by(Callback.starts_at.is_(None), Callback.starts_at, Callback.id)
            .limit(limit)
            .all()
        )
