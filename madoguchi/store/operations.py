"""Operator actions under an Idempotency-Key: what was planned, and the first outcome.

A row is written before the action is sent to Rasa, with the timestamp its Rasa events
will carry; a retry of the same key finds it and sends nothing new: it gets the stored
outcome, or, when the first attempt never learned how it ended, the same events checked
against the tracker first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import IntegrityError

from madoguchi.store.db import Database
from madoguchi.store.desk_tables import DeskOperation, ensure
from madoguchi.store.models import utcnow

PENDING, UNKNOWN, DONE = "pending", "unknown", "done"


@dataclass(frozen=True)
class Operation:
    """A stored operator action."""

    id: int
    operator: str
    key: str
    action: str
    handoff_id: int
    fingerprint: str
    state: str
    timestamp: float
    status: int | None
    body: Any


def _operation(row: DeskOperation) -> Operation:
    body = json.loads(row.body) if row.body else None
    return Operation(
        row.id, row.operator, row.key, row.action, row.handoff_id, row.fingerprint,
        row.state, row.timestamp, row.status, body,
    )


def find(db: Database, operator: str, key: str) -> Operation | None:
    """The action an operator sent under this key, if any."""
    with ensure(db).session() as session:
        row = (
            session.query(DeskOperation)
            .filter(DeskOperation.operator == operator, DeskOperation.key == key)
            .first()
        )
        return _operation(row) if row else None


def begin(
    db: Database,
    *,
    operator: str,
    key: str,
    action: str,
    handoff_id: int,
    fingerprint: str,
    timestamp: float,
) -> tuple[Operation, bool]:
    """Record an action about to be sent: (it, True); (the one recorded before, False) when the key is taken."""
    try:
        with ensure(db).session() as session:
            row = DeskOperation(
                operator=operator, key=key, action=action, handoff_id=handoff_id,
                fingerprint=fingerprint, state=PENDING, timestamp=timestamp,
            )
            session.add(row)
            session.flush()
            return _operation(row), True
    except IntegrityError:  # another process recorded the same key first
        found = find(db, operator, key)
        if found is None:
            raise
        return found, False


def _update(db: Database, operation_id: int, **values: Any) -> None:
    with ensure(db).session() as session:
        session.query(DeskOperation).filter(DeskOperation.id == operation_id).update(
            values, synchronize_session=False
        )


def settle(db: Database, operation_id: int, status: int, body: Any) -> None:
    """Store an action's outcome: every retry of its key is answered with it."""
    _update(
        db, operation_id, state=DONE, status=status,
        body=json.dumps(body, ensure_ascii=False), finished_at=utcnow(),
    )


def mark_unknown(db: Database, operation_id: int) -> None:
    """The action may have been applied: a retry checks Rasa's tracker before sending again."""
    _update(db, operation_id, state=UNKNOWN)


def forget(db: Database, operation_id: int) -> None:
    """The action was surely not applied: a retry of its key sends it afresh."""
    with ensure(db).session() as session:
        session.query(DeskOperation).filter(DeskOperation.id == operation_id).delete(
            synchronize_session=False
        )
