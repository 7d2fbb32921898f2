"""Recognizing a returning customer: the same conversation id, or a phone given in a chat
(one step, never further); orders only once one of theirs was proved."""

from __future__ import annotations

from datetime import timedelta

from madoguchi.store import catalog_requests, customers, handoffs, verifications
from madoguchi.store.models import Order, utcnow


def gave_phone(db, sender_id: str, phone: str) -> None:
    handoffs.open_handoff(
        db, sender_id=sender_id, channel="line", reason="customer_request", priority=3,
        summary="", details={"phone": phone, "person_name": "山本"},
    )


def registered(db, order_id: str, phone: str) -> None:
    with db.session() as session:
        session.add(Order(order_id=order_id, phone=phone, name="山本和子", status="received",
                          ordered_at=utcnow() - timedelta(days=1), items="最中×1"))


def test_a_conversation_alone_is_its_own_customer(db):
    customer = customers.recognize(db, "web-1")
    assert customer.senders == {"web-1": customers.SAME}
    assert customer.phones == frozenset() and customer.verified_orders == frozenset()


def test_a_shared_phone_links_one_step_and_no_further(db):
    gave_phone(db, "now", "09011112222")
    catalog_requests.add(db, sender_id="before", channel="socketio", name="山本和子", postal_code="123-4567",
                         address="東京都", phone="09011112222", shipping_method="mail")
    gave_phone(db, "before", "0311112222")  # another phone of the earlier chat
    gave_phone(db, "stranger", "0311112222")  # shares only that other phone
    gave_phone(db, "unrelated", "09099990000")

    customer = customers.recognize(db, "now")

    assert customer.senders == {"now": customers.SAME, "before": "09011112222"}


def test_a_phone_inside_other_details_is_no_link(db):
    gave_phone(db, "now", "09011112222")
    handoffs.open_handoff(db, sender_id="other", channel="line", reason="customer_request", priority=3,
                          summary="", details={"address": "09011112222番地", "phone": "0311112222"})
    assert set(customers.recognize(db, "now").senders) == {"now"}


def test_orders_show_only_once_one_was_proved_then_every_order_of_its_phone(db):
    registered(db, "A1000001", "09011112222")
    registered(db, "A1000002", "09011112222")
    registered(db, "A1000003", "0311112222")
    gave_phone(db, "now", "09011112222")
    assert customers.orders_of(db, customers.recognize(db, "now")) == []

    verifications.record(db, "now", "A1000001")
    verifications.record(db, "now", "A1000001")  # proved twice: kept once

    customer = customers.recognize(db, "now")
    assert customer.verified_orders == {"A1000001"}
    assert sorted(o.order_id for o in customers.orders_of(db, customer)) == ["A1000001", "A1000002"]
    assert verifications.senders_of(db, ["A1000001"]) == {"now"}


def test_a_proved_order_links_the_chat_that_proved_it(db):
    registered(db, "A1000001", "09011112222")
    verifications.record(db, "earlier-line-user", "A1000001")
    gave_phone(db, "now", "09011112222")
    assert customers.recognize(db, "now").senders["earlier-line-user"] == "09011112222"


def test_a_customer_without_a_phone_gets_no_request_made_without_one(db):
    catalog_requests.add(db, sender_id=None, channel="demo", name="電話なし", postal_code="123-4567",
                         address="東京都", phone="", shipping_method="mail")
    mine = catalog_requests.add(db, sender_id="now", channel="socketio", name="山本和子",
                                postal_code="123-4567", address="東京都", phone="", shipping_method="mail")
    customer = customers.recognize(db, "now")
    assert [r.id for r in customers.catalog_requests_of(db, customer)] == [mine]
