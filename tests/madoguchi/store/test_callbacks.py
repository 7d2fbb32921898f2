"""The callbacks table: a draft waiting for the number, booked, moved, cancelled, done;
listed in time order. (Run on PostgreSQL too, by test_postgres.py.)"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from madoguchi.store import callbacks
from madoguchi.store.models import utcnow

JST = timezone(timedelta(hours=9))


def slot(day: int, hour: int) -> tuple[datetime, datetime]:
    starts = datetime(2026, 11, day, hour, tzinfo=JST)
    return starts, starts + timedelta(hours=2)


def test_a_draft_waits_for_the_number_for_a_while_then_not(db):
    row, new = callbacks.start(db, "s1", "line", None)
    assert new and row.status == "draft"
    assert callbacks.awaiting_phone(db, "s1").id == row.id
    assert callbacks.awaiting_phone(db, "s2") is None
    later = utcnow() + callbacks.PHONE_WINDOW + timedelta(seconds=1)
    assert callbacks.awaiting_phone(db, "s1", now=later) is None
    callbacks.set_phone(db, row.id, "09012345678")
    assert callbacks.awaiting_phone(db, "s1") is None
    again, new = callbacks.start(db, "s1", "line", None)  # asked again: the same draft
    assert not new and again.id == row.id


def test_a_booked_callback_is_kept_until_its_slot_has_passed(db):
    row, _ = callbacks.start(db, "s1", "socketio", 7)
    callbacks.set_phone(db, row.id, "0312345678")
    callbacks.book(db, row.id, *slot(21, 9))
    before, new = callbacks.start(db, "s1", "socketio", 7, now=datetime(2026, 11, 21, 10, tzinfo=JST))
    assert not new and before.id == row.id
    after, new = callbacks.start(db, "s1", "socketio", 7, now=datetime(2026, 11, 21, 12, tzinfo=JST))
    assert new and after.id != row.id


def test_listed_earliest_slot_first_and_only_booked_ones(db):
    ids = {}
    for sender, day, hour in (("late", 25, 15), ("early", 21, 9), ("middle", 21, 13)):
        row, _ = callbacks.start(db, sender, "socketio", None)
        callbacks.set_phone(db, row.id, "09012345678")
        callbacks.book(db, row.id, *slot(day, hour))
        ids[sender] = row.id
    callbacks.start(db, "draft", "socketio", None)
    assert [r.id for r in callbacks.listing(db)] == [ids["early"], ids["middle"], ids["late"]]
    callbacks.cancel(db, ids["middle"])
    assert callbacks.mark_done(db, ids["middle"], "sato", True).status == "cancelled"  # unchanged
    callbacks.mark_done(db, ids["early"], "sato", True)
    assert [r.id for r in callbacks.listing(db)] == [ids["late"]]
    done = callbacks.get(db, ids["early"])
    assert done.done_by == "sato" and done.done_at is not None
    assert callbacks.own(db, "someone-else", ids["late"]) is None
