"""The operators' queue: one open handoff per conversation, served by priority then waiting time."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from madoguchi.store import handoffs
from madoguchi.store.models import Handoff


def open_one(db, sender_id: str, reason: str = "customer_request", priority: int = 3, **details):
    return handoffs.open_handoff(
        db,
        sender_id=sender_id,
        channel="socketio",
        reason=reason,
        priority=priority,
        summary=f"{reason} of {sender_id}",
        details=details,
    )


def set_created_at(db, handoff_id: int, moment: datetime) -> None:
    with db.session() as session:
        session.get(Handoff, handoff_id).created_at = moment


def test_a_handoff_opens_with_what_the_desk_shows(db):
    h = open_one(db, "s1", "complaint", 1, order_id="A1234567", person_name="山田花子")
    stored = handoffs.get(db, h.id)
    assert stored.status == "open"
    assert (stored.sender_id, stored.channel, stored.reason, stored.priority) == ("s1", "socketio", "complaint", 1)
    assert stored.summary == "complaint of s1"
    assert json.loads(stored.details) == {"order_id": "A1234567", "person_name": "山田花子"}


def test_one_open_handoff_per_conversation(db):
    first = open_one(db, "s1", "complaint", 1)
    again = open_one(db, "s1", "customer_request", 3)
    assert again.id == first.id
    assert again.reason == "complaint"
    assert len(handoffs.queue(db)) == 1
    assert handoffs.open_for(db, "s1").id == first.id


def test_after_a_handoff_ends_the_conversation_can_open_a_new_one(db):
    first = open_one(db, "s1")
    handoffs.end(db, first.id, handoffs.RELEASED)
    second = open_one(db, "s1", "distress", 1)
    assert second.id != first.id
    assert handoffs.open_for(db, "s1").id == second.id


def test_the_queue_is_by_priority_then_waiting_time(db):
    a = open_one(db, "a", "customer_request", 3)
    b = open_one(db, "b", "complaint", 1)
    c = open_one(db, "c", "bot_failure", 3)
    d = open_one(db, "d", "distress", 1)
    e = open_one(db, "e", "needs_operator", 2)
    # Opened in the order a..e; then c and d are made the longest waiting of their priority.
    for minute, h in enumerate([a, b, c, d, e]):
        set_created_at(db, h.id, datetime(2026, 11, 20, 1, 10 + minute))
    set_created_at(db, c.id, datetime(2026, 11, 20, 1, 0))
    set_created_at(db, d.id, datetime(2026, 11, 20, 1, 1))
    assert [h.sender_id for h in handoffs.queue(db)] == ["d", "b", "e", "c", "a"]
    assert handoffs.position(db, d.id) == 1
    assert handoffs.position(db, b.id) == 2
    assert handoffs.position(db, a.id) == 5


def test_position_moves_up_when_one_before_ends(db):
    a = open_one(db, "a", priority=1)
    b = open_one(db, "b", priority=3)
    assert handoffs.position(db, b.id) == 2
    handoffs.end(db, a.id, handoffs.CLOSED)
    assert handoffs.position(db, b.id) == 1


@pytest.mark.parametrize("status", [handoffs.RELEASED, handoffs.CLOSED])
def test_an_ended_handoff_leaves_the_queue(db, status):
    h = open_one(db, "s1")
    ended = handoffs.end(db, h.id, status, operator="sato")
    assert ended.status == status
    stored = handoffs.get(db, h.id)
    assert stored.status == status
    assert stored.ended_at is not None
    assert stored.operator == "sato"
    assert handoffs.queue(db) == []
    assert handoffs.position(db, h.id) == 0
    assert handoffs.open_for(db, "s1") is None


def test_end_refuses_an_unknown_status_or_handoff(db):
    h = open_one(db, "s1")
    with pytest.raises(ValueError):
        handoffs.end(db, h.id, "open")
    with pytest.raises(LookupError):
        handoffs.end(db, 999, handoffs.CLOSED)
    assert handoffs.get(db, h.id).status == "open"


def test_finish_if_open_ends_a_handoff_only_once(db):
    h = open_one(db, "s1")
    assert handoffs.finish_if_open(db, h.id, handoffs.RELEASED, operator="sato") is True
    assert handoffs.finish_if_open(db, h.id, handoffs.CLOSED, operator="suzuki") is False
    stored = handoffs.get(db, h.id)
    assert (stored.status, stored.operator) == ("released", "sato")


def test_assign_is_a_compare_and_set_on_open_handoffs(db):
    h = open_one(db, "s1")
    assert handoffs.assign(db, h.id, "sato", expected=None) is True
    assert handoffs.assign(db, h.id, "suzuki", expected=None) is False  # sato has it now
    assert handoffs.get(db, h.id).operator == "sato"
    assert handoffs.assign(db, h.id, "suzuki", expected="sato") is True  # a takeover
    assert handoffs.assign(db, h.id, None, expected="suzuki") is True  # given back
    assert handoffs.get(db, h.id).operator is None
    handoffs.finish_if_open(db, h.id, handoffs.CLOSED)
    assert handoffs.assign(db, h.id, "sato", expected="nobody-knows") is False
    assert handoffs.assign(db, h.id, "ito", expected=handoffs.get(db, h.id).operator) is False  # closed


def test_notes_in_order(db):
    h = open_one(db, "s1")
    handoffs.add_note(db, h.id, "sato", "折り返し電話の希望あり")
    handoffs.add_note(db, h.id, "sato", "17時に電話済み")
    assert [n.text for n in handoffs.notes(db, h.id)] == ["折り返し電話の希望あり", "17時に電話済み"]


def test_listing_by_status(db):
    a = open_one(db, "a", priority=3)
    b = open_one(db, "b", priority=1)
    c = open_one(db, "c")
    handoffs.end(db, c.id, handoffs.CLOSED)
    assert [h.id for h in handoffs.listing(db, "open")] == [b.id, a.id]
    assert [h.id for h in handoffs.listing(db, "closed")] == [c.id]
    assert {h.id for h in handoffs.listing(db)} == {a.id, b.id, c.id}


def test_latest_for_senders(db):
    first = open_one(db, "a")
    handoffs.end(db, first.id, handoffs.CLOSED)
    second = open_one(db, "a")
    latest = handoffs.latest_for_senders(db, ["a", "nobody"])
    assert list(latest) == ["a"]
    assert latest["a"].id == second.id


def test_a_more_urgent_reason_raises_the_open_ticket(db):
    from madoguchi.store import handoffs as h

    first = h.open_handoff(db, sender_id="u", channel="socketio", reason="customer_request", priority=3,
                           summary="担当者希望", details={})
    again = h.open_handoff(db, sender_id="u", channel="socketio", reason="distress", priority=1,
                           summary="お困り", details={})
    assert again.id == first.id and (again.reason, again.priority) == ("distress", 1)
    calmer = h.open_handoff(db, sender_id="u", channel="socketio", reason="customer_request", priority=3,
                            summary="x", details={})
    assert (calmer.reason, calmer.priority) == ("distress", 1)
