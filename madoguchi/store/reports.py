"""What the desk's report counts, read from the handoffs, their transcripts and surveys."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import datetime

from madoguchi.store.db import Database
from madoguchi.store.models import Handoff, Message, Survey


@dataclass(frozen=True)
class HandoffFacts:
    """One handoff as the report reads it (times naive UTC)."""

    id: int
    created_at: datetime
    reason: str
    status: str
    first_reply_seconds: float | None  # until the first operator line; None: none yet
    asked: bool  # 「解決しましたか」 was asked (the chat was closed)
    solved: int | None  # 1 はい, 0 いいえ, None no answer


def handoff_facts(db: Database, since: datetime, until: datetime) -> list[HandoffFacts]:
    """The handoffs opened in [since, until), with their first operator reply and survey."""
    with db.session() as session:
        rows = (
            session.query(Handoff, Survey)
            .outerjoin(Survey, Survey.handoff_id == Handoff.id)
            .filter(Handoff.created_at >= since, Handoff.created_at < until)
            .order_by(Handoff.created_at, Handoff.id)
            .all()
        )
        senders = {h.sender_id for h, _ in rows}
        replies: dict[str, list[datetime]] = {}
        if senders:
            lines = (
                session.query(Message.sender_id, Message.at)
                .filter(Message.role == "operator", Message.sender_id.in_(senders), Message.at >= since)
                .order_by(Message.at)
                .all()
            )
            for sender_id, at in lines:
                replies.setdefault(sender_id, []).append(at)
    facts = []
    for handoff, survey in rows:
        times = replies.get(handoff.sender_id, [])
        first = None
        index = bisect_left(times, handoff.created_at)
        if index < len(times) and (handoff.ended_at is None or times[index] <= handoff.ended_at):
            first = (times[index] - handoff.created_at).total_seconds()
        facts.append(
            HandoffFacts(
                id=handoff.id,
                created_at=handoff.created_at,
                reason=handoff.reason,
                status=handoff.status,
                first_reply_seconds=first,
                asked=survey is not None,
                solved=survey.solved if survey is not None else None,
            )
        )
    return facts
