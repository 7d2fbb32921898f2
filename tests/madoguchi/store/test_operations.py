"""Operator actions by Idempotency-Key: recorded once, their first outcome kept."""

from __future__ import annotations

from madoguchi.store import operations


def begin(db, key: str = "k-1", operator: str = "sato"):
    return operations.begin(
        db, operator=operator, key=key, action="close", handoff_id=7, fingerprint="f", timestamp=1.5
    )


def test_a_key_is_recorded_once_per_operator(db):
    first, created = begin(db)
    assert created and first.state == operations.PENDING and first.timestamp == 1.5
    again, created = begin(db)
    assert not created and again.id == first.id
    other, created = begin(db, operator="suzuki")
    assert created and other.id != first.id


def test_the_first_outcome_is_kept(db):
    operation, _ = begin(db)
    operations.settle(db, operation.id, 200, {"ok": True, "handoff": {"status": "closed"}})
    found = operations.find(db, "sato", "k-1")
    assert found.state == operations.DONE and found.status == 200
    assert found.body == {"ok": True, "handoff": {"status": "closed"}}


def test_unknown_and_forgotten_actions(db):
    operation, _ = begin(db)
    operations.mark_unknown(db, operation.id)
    assert operations.find(db, "sato", "k-1").state == operations.UNKNOWN
    operations.forget(db, operation.id)
    assert operations.find(db, "sato", "k-1") is None
    _, created = begin(db)
    assert created
