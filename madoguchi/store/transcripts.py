"""Conversation transcripts: every customer, bot and operator line, each exactly once."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.dialects import postgresql, sqlite

from madoguchi.store.db import Database
from madoguchi.store.models import Message

ROLES = ("customer", "bot", "operator")
_BATCH = 100  # rows per INSERT: 700 bound parameters, within any SQLite's limit (999)


@dataclass(frozen=True)
class Line:
    """A transcript line to record."""

    sender_id: str
    role: str
    text: str
    at: datetime  # naive UTC
    key: str  # what makes it unique: a message id or the event's timestamp
    channel: str | None = None
    author: str | None = None


def event_key(line: Line) -> str:
    """A stable key for a line, so a redelivered event is stored once."""
    raw = f"{line.sender_id}\x1f{line.role}\x1f{line.key}\x1f{line.text}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def record(db: Database, lines: list[Line]) -> int:
    """Store lines, skipping those already stored; returns how many were new."""
    if not lines:
        return 0
    rows = [
        {
            "sender_id": line.sender_id,
            "role": line.role,
            "text": line.text,
            "at": line.at,
            "channel": line.channel,
            "author": line.author,
            "event_key": event_key(line),
        }
        for line in lines
        if line.role in ROLES
    ]
    if not rows:
        return 0
    dialect = db.engine.dialect.name
    insert = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}[dialect]
    new = 0
    with db.session() as session:
        if dialect == "sqlite":
            # One statement, compiled once and kept, run for every row (SQLite counts them all).
            statement = insert(Message).on_conflict_do_nothing(index_elements=["event_key"])
            return max(session.execute(statement, rows).rowcount or 0, 0)
        # One multi-row INSERT per batch, not an executemany: psycopg2 runs an executemany
        # in pages and reports the rowcount of the last page only.
        for start in range(0, len(rows), _BATCH):
            statement = (
                insert(Message)
                .values(rows[start : start + _BATCH])
                .on_conflict_do_nothing(index_elements=["event_key"])
            )
            new += max(session.execute(statement).rowcount or 0, 0)
    return new


def for_sender(db: Database, sender_id: str) -> list[Message]:
    """A conversation's lines in order."""
    with db.session() as session:
        return (
            session.query(Message)
            .filter(Message.sender_id == sender_id)
            .order_by(Message.at, Message.id)
            .all()
        )


def newer_than(db: Database, last_id: int, limit: int = 500) -> list[Message]:
    """Lines stored after a given id, oldest first (for live updates)."""
    with db.session() as session:
        return (
            session.query(Message)
            .filter(Message.id > last_id)
            .order_by(Message.id)
            .limit(limit)
            .all()
        )


def last_id(db: Database) -> int:
    """The id of the newest line, 0 when there is none."""
    with db.session() as session:
        row = session.query(Message.id).order_by(Message.id.desc()).first()
        return row[0] if row else 0


def stored(db: Database, line: Line) -> Message | None:
    """The stored row of a line (whoever recorded it first), None when it is not stored."""
    with db.session() as session:
        return session.query(Message).filter(Message.event_key == event_key(line)).first()
