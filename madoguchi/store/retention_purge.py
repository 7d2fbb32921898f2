"""Personal data past its retention period (`privacy.retention` of the rules file), deleted.

The web service's retention job (`madoguchi.web.retention`) runs `purge` now and then; the
tables it reaches are those of `madoguchi.store.personal_data`, and the processed-event keys
besides. A conversation with an operator right now, and a web chat session still in use,
are kept however old.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import func, or_, text
from sqlalchemy.orm import Session

from madoguchi.handoff.presence import open_among
from madoguchi.shop.rules import Retention
from madoguchi.store.callbacks import Callback
from madoguchi.store.db import Database
from madoguchi.store.desk_tables import DeskOperation
from madoguchi.store.models import (
    CatalogRequest,
    ChannelProfile,
    Handoff,
    Message,
    Note,
    OrderChange,
    ProcessedEvent,
    Survey,
    utcnow,
)
from madoguchi.store.personal_data import KINDS, TRACKER_TABLE, ensure_tables, tracker_exists
from madoguchi.store.verifications import Verification
from madoguchi.store.web_sessions import WebChatSession


def purge(db: Database, retention: Retention, now: datetime | None = None) -> dict[str, int]:
    """Delete what is past its retention period (`privacy` of the rules file); how many rows
    of each kind. `now` is naive UTC, as stored."""
    now = now or utcnow()
    before = now - timedelta(days=retention.conversations_days)
    catalogs_before = now - timedelta(days=retention.catalog_requests_days)
    deleted: dict[str, int] = {}
    with ensure_tables(db).session() as session:
        ended = func.coalesce(Handoff.ended_at, Handoff.updated_at)
        old_handoffs = session.query(Handoff.id).filter(Handoff.status != "open", ended < before)
        deleted["notes"] = session.query(Note).filter(Note.handoff_id.in_(old_handoffs)).delete(synchronize_session=False)
        deleted["surveys"] = (
            session.query(Survey)
            .filter(or_(Survey.handoff_id.in_(old_handoffs), Survey.asked_at < before))
            .delete(synchronize_session=False)
        )
        deleted["desk_operations"] = (
            session.query(DeskOperation)
            .filter(or_(DeskOperation.handoff_id.in_(old_handoffs), DeskOperation.created_at < before))
            .delete(synchronize_session=False)
        )
        deleted["handoffs"] = (
            session.query(Handoff).filter(Handoff.status != "open", ended < before).delete(synchronize_session=False)
        )
        deleted["messages"] = session.query(Message).filter(Message.at < before).delete(synchronize_session=False)
        deleted["catalog_requests"] = (
            session.query(CatalogRequest)
            .filter(func.coalesce(CatalogRequest.sent_at, CatalogRequest.created_at) < catalogs_before)
            .delete(synchronize_session=False)
        )
        deleted["order_changes"] = (
            session.query(OrderChange).filter(OrderChange.created_at < before).delete(synchronize_session=False)
        )
        deleted["order_verifications"] = (
            session.query(Verification).filter(Verification.at < before).delete(synchronize_session=False)
        )
        deleted["callbacks"] = (
            session.query(Callback).filter(Callback.updated_at < before).delete(synchronize_session=False)
        )
        deleted["channel_profiles"] = (
            session.query(ChannelProfile).filter(ChannelProfile.updated_at < before).delete(synchronize_session=False)
        )
        # a session id still in use has lines newer than the period (or an open handoff)
        in_use = session.query(Message.sender_id).filter(Message.at >= before)
        open_ones = open_among(session).with_entities(Handoff.sender_id)
        deleted["web_chat_sessions"] = (
            session.query(WebChatSession)
            .filter(
                WebChatSession.issued_at < before,
                WebChatSession.session_id.not_in(in_use),
                WebChatSession.session_id.not_in(open_ones),
            )
            .delete(synchronize_session=False)
        )
        deleted["processed_events"] = (
            session.query(ProcessedEvent).filter(ProcessedEvent.at < before).delete(synchronize_session=False)
        )
        deleted["tracker_events"] = _purge_tracker(session, before) if tracker_exists(session) else 0
    return {kind: deleted[kind] for kind in (*KINDS, "processed_events")}


def _purge_tracker(session: Session, before: datetime) -> int:
    """Tracker events older than `before`: those of a conversation's earlier sessions by
    their own time, and a conversation whose every event is older as a whole. A session
    under way is never cut (its tracker would lose what it was told)."""
    cutoff = before.replace(tzinfo=timezone.utc).timestamp()
    whole = session.execute(
        text(
            f"DELETE FROM {TRACKER_TABLE} WHERE sender_id IN ("
            f"SELECT sender_id FROM {TRACKER_TABLE} GROUP BY sender_id HAVING MAX(timestamp) < :cutoff)"
        ),
        {"cutoff": cutoff},
    ).rowcount or 0
    earlier = session.execute(
        text(
            f"DELETE FROM {TRACKER_TABLE} WHERE timestamp < :cutoff AND id < ("
            f"SELECT COALESCE(MAX(latest.id), 0) FROM {TRACKER_TABLE} latest "
            f"WHERE latest.sender_id = {TRACKER_TABLE}.sender_id AND latest.type_name = 'session_started')"
        ),
        {"cutoff": cutoff},
    ).rowcount or 0
    return whole + earlier
