"""Handoffs: the operators' queue, with notes, by priority then waiting time."""

from __future__ import annotations

import json
from typing import Any

from madoguchi.store.db import Database
from madoguchi.store.models import Handoff, Note, utcnow

OPEN = "open"
RELEASED = "released"
CLOSED = "closed"


def open_handoff(
    db: Database,
    *,
    sender_id: str,
    channel: str,
    reason: str,
    priority: int,
    summary: str,
    details: dict[str, Any],
    customer_name: str | None = None,
) -> Handoff:
    """Open a handoff for a conversation, or return the one already open for it."""
    with db.session() as session:
        existing = (
            session.query(Handoff)
            .filter(Handoff.sender_id == sender_id, Handoff.status == OPEN)
            .first()
        )
        if existing:
            # The same conversation calling for a person more urgently (a request that
            # turns into distress): the ticket takes the more urgent reason.
            if priority < existing.priority:
                existing.reason, existing.priority = reason, priority
                existing.summary = summary
            return existing
        handoff = Handoff(
            sender_id=sender_id,
            channel=channel,
            reason=reason,
            priority=priority,
            summary=summary,
            details=json.dumps(details, ensure_ascii=False),
            customer_name=customer_name,
            status=OPEN,
        )
        session.add(handoff)
        session.flush()
        return handoff


def queue(db: Database) -> list[Handoff]:
    """Open handoffs, the first to serve first."""
    with db.session() as session:
        return (
            session.query(Handoff)
            .filter(Handoff.status == OPEN)
            .order_by(Handoff.priority, Handoff.created_at, Handoff.id)
            .all()
        )


def position(db: Database, handoff_id: int) -> int:
    """1 for the next to be served; 0 when the handoff is not open."""
    ids = [h.id for h in queue(db)]
    return ids.index(handoff_id) + 1 if handoff_id in ids else 0


def get(db: Database, handoff_id: int) -> Handoff | None:
    """One handoff by id."""
    with db.session() as session:
        return session.get(Handoff, handoff_id)


def open_for(db: Database, sender_id: str) -> Handoff | None:
    """The open handoff of a conversation, if any."""
    with db.session() as session:
        return (
            session.query(Handoff)
            .filter(Handoff.sender_id == sender_id, Handoff.status == OPEN)
            .first()
        )


def update_details(db: Database, handoff_id: int, details: dict[str, Any], summary: str) -> None:
    """New details and summary of a handoff (what the customer gave while waiting)."""
    with db.session() as session:
        handoff = session.get(Handoff, handoff_id)
        if handoff is not None:
            handoff.details = json.dumps(details, ensure_ascii=False)
            handoff.summary = summary


def raise_reason(db: Database, handoff_id: int, reason: str, priority: int, replacing: str | None = None) -> bool:
    """An open handoff takes a more urgent reason (what the customer wrote while waiting),
    or one as urgent in place of `replacing` when that is its reason."""
    with db.session() as session:
        handoff = session.get(Handoff, handoff_id)
        if handoff is None or handoff.status != OPEN:
            return False
        if priority > handoff.priority or (priority == handoff.priority and handoff.reason != replacing):
            return False
        handoff.reason, handoff.priority = reason, priority
        return True


def end(db: Database, handoff_id: int, status: str, operator: str | None = None) -> Handoff:
    """Release (back to the bot) or close a handoff."""
    if status not in (RELEASED, CLOSED):
        raise ValueError(status)
    with db.session() as session:
        handoff = session.get(Handoff, handoff_id)
        if handoff is None:
            raise LookupError(handoff_id)
        handoff.status = status
        handoff.ended_at = utcnow()
        if operator:
            handoff.operator = operator
        return handoff


def assign(db: Database, handoff_id: int, operator: str | None, *, expected: str | None) -> bool:
    """Make `operator` the 担当 of an open handoff if its 担当 is still `expected` (None: nobody).

    A compare-and-set in one UPDATE: of two operators taking the same chat at once, in any
    number of processes, one gets it and the other is told False.
    """
    with db.session() as session:
        query = session.query(Handoff).filter(Handoff.id == handoff_id, Handoff.status == OPEN)
        query = query.filter(Handoff.operator.is_(None) if expected is None else Handoff.operator == expected)
        changed = query.update({"operator": operator, "updated_at": utcnow()}, synchronize_session=False)
        return changed == 1


def add_note(db: Database, handoff_id: int, operator: str, text: str) -> Note:
    """A private note of an operator."""
    with db.session() as session:
        note = Note(handoff_id=handoff_id, operator=operator, text=text)
        session.add(note)
        session.flush()
        return note


def notes(db: Database, handoff_id: int) -> list[Note]:
    """A handoff's notes in order."""
    with db.session() as session:
        return session.query(Note).filter(Note.handoff_id == handoff_id).order_by(Note.id).all()


def changed_since(db: Database, since) -> list[Handoff]:
    """Handoffs created or updated after a time (for live updates)."""
    with db.session() as session:
        return session.query(Handoff).filter(Handoff.updated_at > since).order_by(Handoff.id).all()


def listing(db: Database, status: str | None = None, limit: int = 200) -> list[Handoff]:
    """Handoffs of a status (all when None), the latest changed first; open ones in queue order."""
    if status == OPEN:
        return queue(db)
    with db.session() as session:
        query = session.query(Handoff)
        if status:
            query = query.filter(Handoff.status == status)
        return query.order_by(Handoff.updated_at.desc(), Handoff.id.desc()).limit(limit).all()


def finish_if_open(db: Database, handoff_id: int, status: str, operator: str | None = None) -> bool:
    """Release or close a handoff only while it is open; False when it was not open (any more)."""
    if status not in (RELEASED, CLOSED):
        raise ValueError(status)
    values: dict[str, Any] = {"status": status, "ended_at": utcnow(), "updated_at": utcnow()}
    with db.session() as session:
        handoff = session.get(Handoff, handoff_id)
        if handoff is not None and operator and not handoff.operator:
            values["operator"] = operator
        changed = (
            session.query(Handoff)
            .filter(Handoff.id == handoff_id, Handoff.status == OPEN)
            .update(values, synchronize_session=False)
        )
        return changed == 1


def latest_for_senders(db: Database, sender_ids: list[str]) -> dict[str, Handoff]:
    """The newest handoff of each of these conversations (those that have one)."""
    if not sender_ids:
        return {}
    found: dict[str, Handoff] = {}
    with db.session() as session:
        rows = (
            session.query(Handoff)
            .filter(Handoff.sender_id.in_(set(sender_ids)))
            .order_by(Handoff.id)
            .all()
        )
    for row in rows:
        found[row.sender_id] = row
    return found


def display_names(db: Database, sender_ids: list[str]) -> dict[str, str]:
    """What the channels call these customers (LINE display names), when they said."""
    from madoguchi.store.models import ChannelProfile

    if not sender_ids:
        return {}
    with db.session() as session:
        rows = (
            session.query(ChannelProfile.sender_id, ChannelProfile.display_name)
            .filter(ChannelProfile.sender_id.in_(set(sender_ids)))
            .all()
        )
    return {sender_id: name for sender_id, name in rows if name}
