"""A customer's data found by conversation or by a phone however written, counted table by
table; the audit log's name for them holds no identifier."""

from __future__ import annotations

from madoguchi.store import personal_data
from madoguchi.store.models import utcnow
from tests.madoguchi.store.privacy_data import PHONE, conversation, store_customer


def test_a_phone_written_in_any_width_finds_every_conversation_she_gave_it_in(db):
    stored = store_customer(db)
    for written in (PHONE, "090-1234-5678", "０９０（１２３４）５６７８", "+81 90 1234 5678"):
        customer = personal_data.by_phone(db, written)
        assert customer.sender_ids == tuple(sorted((stored.web, stored.line))), written
        assert customer.catalog_request_ids == (stored.catalog_id,)
        assert customer.order_ids == ("A1234567",)
    assert personal_data.by_phone(db, "12345") is None  # no phone number


def test_a_phone_found_only_in_what_the_customer_wrote_still_finds_her(db):
    conversation(db, "rest-1", "rest", [("customer", "電話は０８０ー９８７６ー５４３２です")], utcnow())
    conversation(db, "rest-2", "rest", [("customer", "注文番号は5432です")], utcnow())  # the same 4 digits only
    assert personal_data.by_phone(db, "08098765432").sender_ids == ("rest-1",)


def test_a_conversation_is_found_by_its_id_with_its_own_catalog_requests(db):
    stored = store_customer(db)
    customer = personal_data.by_sender(db, f" {stored.web} ")
    assert customer.sender_ids == (stored.web,)
    assert customer.catalog_request_ids == (stored.catalog_id,)
    counts = personal_data.counts(db, customer)
    assert counts["messages"] == 5 and counts["handoffs"] == 1 and counts["notes"] == 1
    assert counts["surveys"] == 1 and counts["desk_operations"] == 1 and counts["web_chat_sessions"] == 1
    assert counts["tracker_events"] == 8 and counts["order_changes"] == 0 and counts["orders"] == 0


def test_nothing_is_found_of_a_conversation_the_shop_never_had(db):
    store_customer(db)
    counts = personal_data.counts(db, personal_data.by_sender(db, "nobody"))
    assert set(counts.values()) == {0}


def test_the_audit_reference_does_not_hold_the_identifier(db):
    customer = personal_data.by_phone(db, "090-1234-5678")
    assert PHONE not in customer.reference and customer.reference.startswith("customer:phone:")
    assert customer.reference == personal_data.by_phone(db, PHONE).reference
