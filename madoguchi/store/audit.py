"""The desk's audit log: logins and operator actions, readable by the shop.

One row per thing done: who (the operator, or the name typed at a login), what action,
on what, from which address, when, and the outcome. The desk API shows it at
`GET /api/audit`, the command line with `madoguchi audit`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from madoguchi.store.db import Database
from madoguchi.store.desk_tables import AuditEntry, ensure
from madoguchi.store.models import utcnow

OK, FAILED, LOCKED, REFUSED, UNKNOWN = "ok", "failed", "locked", "refused", "unknown"
MAX_ACTOR_CHARS = 200


@dataclass(frozen=True)
class Entry:
    """An audit row as read back."""

    id: int
    at: datetime  # naive UTC
    actor: str
    action: str
    target: str | None
    address: str | None
    outcome: str
    detail: str


def _entry(row: AuditEntry) -> Entry:
    return Entry(row.id, row.at, row.actor, row.action, row.target, row.address, row.outcome, row.detail)


def record(
    db: Database,
    *,
    actor: str,
    action: str,
    outcome: str,
    target: str | None = None,
    address: str | None = None,
    detail: str = "",
    at: datetime | None = None,
) -> Entry:
    """Write one audit row."""
    row = AuditEntry(
        at=at or utcnow(),
        actor=actor[:MAX_ACTOR_CHARS],
        action=action,
        target=target,
        address=(address or None) and address[:64],
        outcome=outcome,
        detail=detail,
    )
    with ensure(db).session() as session:
        session.add(row)
        session.flush()
        return _entry(row)


def recent(
    db: Database,
    *,
    limit: int = 100,
    actor: str | None = None,
    action: str | None = None,
    outcome: str | None = None,
    before_id: int | None = None,
) -> list[Entry]:
    """The newest rows first, optionally of one actor, action or outcome, older than an id."""
    with ensure(db).session() as session:
        query = session.query(AuditEntry)
        if actor:
            query = query.filter(AuditEntry.actor == actor)
        if action:
            query = query.filter(AuditEntry.action == action)
        if outcome:
            query = query.filter(AuditEntry.outcome == outcome)
        if before_id:
            query = query.filter(AuditEntry.id < before_id)
        rows = query.order_by(AuditEntry.id.desc()).limit(limit).all()
        return [_entry(row) for row in rows]


def times_of(
    db: Database,
    *,
    action: str,
    outcome: str,
    since: datetime,
    actor: str | None = None,
    address: str | None = None,
    limit: int = 100,
) -> list[datetime]:
    """When rows of an action and outcome were written after `since`, the newest first."""
    with ensure(db).session() as session:
        query = session.query(AuditEntry.at).filter(
            AuditEntry.action == action, AuditEntry.outcome == outcome, AuditEntry.at > since
        )
        if actor is not None:
            query = query.filter(AuditEntry.actor == actor)
        if address is not None:
            query = query.filter(AuditEntry.address == address)
        return [at for (at,) in query.order_by(AuditEntry.at.desc()).limit(limit).all()]
