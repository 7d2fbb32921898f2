"""The desk's audit log: rows written, read back newest first, filtered, counted by time."""

from __future__ import annotations

from datetime import timedelta

from madoguchi.store import audit
from madoguchi.store.models import utcnow


def test_rows_are_read_back_newest_first_with_every_field(db):
    audit.record(db, actor="sato", action="login", outcome=audit.OK, address="10.0.0.1")
    audit.record(db, actor="sato", action="close", outcome=audit.OK, target="handoff:3", address="10.0.0.1", detail="retry")
    newest, oldest = audit.recent(db)
    assert (newest.actor, newest.action, newest.target, newest.address, newest.outcome, newest.detail) == (
        "sato", "close", "handoff:3", "10.0.0.1", "ok", "retry",
    )
    assert oldest.action == "login" and oldest.target is None
    assert newest.at >= oldest.at


def test_rows_can_be_filtered_and_paged(db):
    for actor, action, outcome in [("sato", "login", "failed"), ("suzuki", "login", "ok"), ("sato", "release", "ok")]:
        audit.record(db, actor=actor, action=action, outcome=outcome)
    assert [e.action for e in audit.recent(db, actor="sato")] == ["release", "login"]
    assert [e.actor for e in audit.recent(db, action="login")] == ["suzuki", "sato"]
    assert [e.actor for e in audit.recent(db, outcome="failed")] == ["sato"]
    first = audit.recent(db, limit=1)
    assert len(first) == 1
    assert [e.actor for e in audit.recent(db, before_id=first[0].id)] == ["suzuki", "sato"]


def test_times_of_counts_one_action_and_outcome_after_a_time(db):
    now = utcnow()
    for minutes, actor, address, outcome in [
        (10, "sato", "a", "failed"), (4, "sato", "a", "failed"), (3, "sato", "b", "failed"),
        (2, "sato", "a", "ok"), (1, "suzuki", "a", "failed"),
    ]:
        audit.record(db, actor=actor, action="login", outcome=outcome, address=address, at=now - timedelta(minutes=minutes))
    since = now - timedelta(minutes=5)
    assert audit.times_of(db, action="login", outcome="failed", actor="sato", since=since) == [
        now - timedelta(minutes=3), now - timedelta(minutes=4),
    ]
    assert len(audit.times_of(db, action="login", outcome="failed", address="a", since=since)) == 2
    assert audit.times_of(db, action="login", outcome="failed", address="a", since=since, limit=1) == [now - timedelta(minutes=1)]


def test_a_very_long_name_typed_at_login_is_cut(db):
    entry = audit.record(db, actor="x" * 5000, action="login", outcome=audit.FAILED)
    assert len(entry.actor) == audit.MAX_ACTOR_CHARS
