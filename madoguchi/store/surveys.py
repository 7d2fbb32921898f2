"""「解決しましたか」 surveys: one per closed handoff, its answer and the customer's comment."""

from __future__ import annotations

from datetime import datetime, timedelta

from madoguchi.store.db import Database
from madoguchi.store.models import Handoff, Survey, utcnow

COMMENT_WINDOW = timedelta(minutes=30)  # how long after ひとこと書く the next message is the comment


def ask(db: Database, handoff: Handoff) -> Survey:
    """The survey of a handoff being closed (the one already there when asked again)."""
    with db.session() as session:
        existing = session.query(Survey).filter(Survey.handoff_id == handoff.id).first()
        if existing is not None:
            return existing
        survey = Survey(handoff_id=handoff.id, sender_id=handoff.sender_id, channel=handoff.channel)
        session.add(survey)
        session.flush()
        return survey


def _own(session, sender_id: str, handoff_id: int) -> Survey | None:
    """The survey of a handoff of this conversation, made now if the question left none."""
    survey = session.query(Survey).filter(Survey.handoff_id == handoff_id).first()
    if survey is not None:
        return survey if survey.sender_id == sender_id else None
    handoff = session.get(Handoff, handoff_id)
    if handoff is None or handoff.sender_id != sender_id:
        return None
    survey = Survey(handoff_id=handoff_id, sender_id=sender_id, channel=handoff.channel)
    session.add(survey)
    session.flush()
    return survey


def answer(db: Database, sender_id: str, handoff_id: int, solved: bool) -> Survey | None:
    """Store はい / いいえ (a second press replaces the first); None when the handoff is not
    this conversation's."""
    with db.session() as session:
        survey = _own(session, sender_id, handoff_id)
        if survey is None:
            return None
        survey.solved = 1 if solved else 0
        survey.answered_at = utcnow()
        return survey


def want_comment(db: Database, sender_id: str, handoff_id: int) -> Survey | None:
    """The customer chose to write a comment: their next message is it (for a while)."""
    with db.session() as session:
        survey = _own(session, sender_id, handoff_id)
        if survey is None:
            return None
        survey.comment_wanted_at = utcnow()
        return survey


def _awaiting(session, sender_id: str, now: datetime):
    return (
        session.query(Survey)
        .filter(
            Survey.sender_id == sender_id,
            Survey.comment_wanted_at.isnot(None),
            Survey.comment_wanted_at > now - COMMENT_WINDOW,
        )
        .order_by(Survey.comment_wanted_at.desc())
        .first()
    )


def awaiting_comment(db: Database, sender_id: str, now: datetime | None = None) -> Survey | None:
    """The survey this conversation chose to write a comment for, while it may."""
    with db.session() as session:
        return _awaiting(session, sender_id, now or utcnow())


def take_comment(db: Database, sender_id: str, text: str, now: datetime | None = None) -> Survey | None:
    """Store `text` as the comment of the survey this conversation is writing one for, if any."""
    now = now or utcnow()
    with db.session() as session:
        survey = _awaiting(session, sender_id, now)
        if survey is None:
            return None
        survey.comment = text if not survey.comment else f"{survey.comment}\n{text}"
        survey.commented_at = now
        survey.comment_wanted_at = None
        return survey


def of(db: Database, handoff_id: int) -> Survey | None:
    """A handoff's survey, if it was asked or answered."""
    with db.session() as session:
        return session.query(Survey).filter(Survey.handoff_id == handoff_id).first()


def for_handoffs(db: Database, handoff_ids: list[int]) -> dict[int, Survey]:
    """The surveys of these handoffs, by handoff id."""
    if not handoff_ids:
        return {}
    with db.session() as session:
        rows = session.query(Survey).filter(Survey.handoff_id.in_(set(handoff_ids))).all()
    return {s.handoff_id: s for s in rows}
