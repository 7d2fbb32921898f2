"""What is past its retention period deleted, what is not (a chat with an operator, a web
session in use, a tracker's latest session) kept; the periods read from the rules file."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import text

from madoguchi.shop.rules import Retention
from madoguchi.store import catalog_requests, handoffs, personal_data, retention_purge, transcripts, web_sessions
from madoguchi.store.models import Handoff, utcnow
from tests.madoguchi.store.privacy_data import conversation, tracker_event, tracker_senders


def aged(db, model, days: float, **columns) -> None:
    """Move every row of a table back in time."""
    with db.session() as session:
        for row in session.query(model):
            for column in columns or ("created_at",):
                setattr(row, column, getattr(row, column) - timedelta(days=days))


def test_what_is_past_its_period_is_deleted_and_the_rest_kept(db):
    now = utcnow()
    conversation(db, "old", "rest", [("customer", "古い話です")], now - timedelta(days=400))
    conversation(db, "new", "rest", [("customer", "新しい話です")], now - timedelta(days=10))
    old_web = web_sessions.issue(db)
    done = handoffs.open_handoff(db, sender_id="old", channel="rest", reason="complaint", priority=1, summary="古い", details={})
    handoffs.add_note(db, done.id, "sato", "古いメモ")
    handoffs.finish_if_open(db, done.id, handoffs.CLOSED, "sato")
    waiting = handoffs.open_handoff(db, sender_id="waiting", channel="rest", reason="distress", priority=1, summary="待ち", details={})
    with db.session() as session:
        for h in session.query(Handoff):
            h.created_at = h.updated_at = now - timedelta(days=500)
            h.ended_at = None if h.status == "open" else now - timedelta(days=400)
    from madoguchi.store.web_sessions import WebChatSession

    aged(db, WebChatSession, 400, issued_at=True)
    sent_long_ago = catalog_requests.add(
        db, sender_id="old", channel="rest", name="古川", postal_code="100-0001", address="東京都",
        phone="0312345678", shipping_method="mail", created_at=now - timedelta(days=100), sent_at=now - timedelta(days=95),
    )
    asked_long_ago_sent_lately = catalog_requests.add(
        db, sender_id="old", channel="rest", name="古田", postal_code="100-0001", address="東京都",
        phone="0312345679", shipping_method="mail", created_at=now - timedelta(days=100), sent_at=now - timedelta(days=20),
    )

    deleted = retention_purge.purge(db, Retention(conversations_days=365, catalog_requests_days=90), now)

    assert deleted["messages"] == 1 and deleted["handoffs"] == 1 and deleted["notes"] == 1
    assert deleted["tracker_events"] == 2 and deleted["catalog_requests"] == 1 and deleted["web_chat_sessions"] == 1
    assert transcripts.for_sender(db, "old") == [] and len(transcripts.for_sender(db, "new")) == 1
    assert handoffs.get(db, done.id) is None
    assert handoffs.get(db, waiting.id).status == "open"  # an operator may still be at it
    assert not web_sessions.is_issued(db, old_web)
    assert tracker_senders(db) == {"new": 2}
    assert catalog_requests.get(db, sent_long_ago) is None
    assert catalog_requests.get(db, asked_long_ago_sent_lately) is not None
    assert set(retention_purge.purge(db, Retention(365, 90), now).values()) == {0}  # nothing left to do


def test_a_web_session_still_in_use_is_kept_however_old(db):
    now = utcnow()
    session_id = web_sessions.issue(db)
    from madoguchi.store.web_sessions import WebChatSession

    aged(db, WebChatSession, 400, issued_at=True)
    conversation(db, session_id, "socketio", [("customer", "またお願いします")], now - timedelta(days=1))
    retention_purge.purge(db, Retention(365, 365), now)
    assert web_sessions.is_issued(db, session_id)


def test_the_tracker_keeps_a_conversations_latest_session_whole(db):
    now = utcnow()
    # an earlier session, past the period, then the latest, begun past it and still going
    tracker_event(db, "c", {"event": "session_started"}, now - timedelta(days=400))
    tracker_event(db, "c", {"event": "user", "text": "去年の話"}, now - timedelta(days=399))
    tracker_event(db, "c", {"event": "session_started"}, now - timedelta(days=366))
    tracker_event(db, "c", {"event": "user", "text": "長い会話の始まり"}, now - timedelta(days=366))
    tracker_event(db, "c", {"event": "user", "text": "今日の続き"}, now)
    assert retention_purge.purge(db, Retention(365, 365), now)["tracker_events"] == 2
    with db.engine.connect() as connection:
        texts = [json.loads(d).get("text") for (d,) in connection.execute(text("SELECT data FROM events ORDER BY id"))]
    assert texts == [None, "長い会話の始まり", "今日の続き"]


def test_purging_a_database_without_a_tracker_table_works(db):
    assert set(retention_purge.purge(db, Retention(), utcnow()).values()) == {0}
    assert personal_data.counts(db, personal_data.by_sender(db, "x"))["tracker_events"] == 0


# ---------------------------------------------------------------- the periods


def test_the_retention_periods_are_read_from_the_rules_file(rules):
    assert rules.retention == Retention(conversations_days=365, catalog_requests_days=365, purge_every_hours=6)


@pytest.mark.parametrize("changes", [{"conversations_days": 0}, {"catalog_requests_days": -1}])
def test_a_period_of_no_days_is_refused(changes):
    from tests.madoguchi.edited_rules import edited_rules

    with pytest.raises(ValueError):
        edited_rules(**{f"privacy__retention__{k}": v for k, v in changes.items()})


def test_rules_without_a_privacy_section_keep_data_a_year():
    from madoguchi.shop.rules import Retention as R

    assert R.from_dict(None) == R(365, 365, 6)
