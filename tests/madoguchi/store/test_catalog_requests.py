"""Catalog requests: found again by phone, marked sent and back, re-sent, demo data, old databases."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from madoguchi.store import catalog_requests
from madoguchi.store.db import Database
from tests.conftest import jst

NOW = jst("2026-11-20T10:00:00")
DETAILS = {
    "name": "佐藤 美咲", "postal_code": "150-0001", "address": "東京都渋谷区神宮前1-2-3",
    "phone": "08022223333", "shipping_method": "mail",
}


def add(db: Database, **over) -> int:
    return catalog_requests.add(db, sender_id="s1", channel="socketio", **{**DETAILS, **over})


def test_a_new_request_is_received_and_not_sent(db):
    request = catalog_requests.get(db, add(db))
    assert (request.status, request.sent_at, request.resend_of) == ("received", None, None)


def test_found_by_phone_as_written(db):
    request_id = add(db)
    assert catalog_requests.find_earlier(db, "080-2222-3333").id == request_id
    assert catalog_requests.find_earlier(db, "090-0000-0000") is None


def test_several_people_on_one_phone_are_told_apart_by_name(db):
    mother = add(db, name="高橋 和子")
    daughter = add(db, name="高橋 由美")
    assert catalog_requests.find_earlier(db, "08022223333", "高橋和子").id == mother
    assert catalog_requests.find_earlier(db, "08022223333", "由美").id == daughter
    assert catalog_requests.find_earlier(db, "08022223333", "鈴木") is None


def test_marked_sent_then_back(db):
    request_id = add(db)
    sent = catalog_requests.mark(db, request_id, True)
    assert sent.status == "sent" and sent.sent_at is not None
    back = catalog_requests.mark(db, request_id, False)
    assert back.status == "received" and back.sent_at is None
    assert catalog_requests.mark(db, 999, True) is None


def test_a_sent_request_is_sent_again_as_a_new_one(db):
    earlier = add(db)
    catalog_requests.mark(db, earlier, True)
    again = catalog_requests.resend(db, earlier, sender_id="s2", channel="line", **{**DETAILS, "shipping_method": "parcel"})
    assert again != earlier
    request = catalog_requests.get(db, again)
    assert (request.resend_of, request.shipping_method, request.status) == (earlier, "parcel", "received")
    assert catalog_requests.is_second_try(request)


def test_an_unsent_request_is_switched_not_doubled(db):
    earlier = add(db)
    again = catalog_requests.resend(db, earlier, sender_id="s2", channel="line", **{**DETAILS, "shipping_method": "parcel"})
    assert again == earlier and catalog_requests.count(db) == 1
    switched = catalog_requests.get(db, earlier)
    assert switched.shipping_method == "parcel"
    assert (switched.sender_id, switched.channel) == ("s2", "line")  # the desk finds the customer where they are now


def test_demo_requests_are_dated_from_now_and_loaded_once(db):
    assert catalog_requests.import_demo(db, catalog_requests.DEMO_FILE, "2026-11-20T10:00:00+09:00") == 4
    assert catalog_requests.import_demo(db, catalog_requests.DEMO_FILE, NOW) == 0
    by_name = {}
    for r in catalog_requests.recent(db):
        by_name.setdefault(r.name, []).append(r)
    misaki = by_name["佐藤 美咲"][0]
    assert misaki.status == "sent" and misaki.shipping_method == "mail"
    assert misaki.sent_at == datetime(2026, 11, 6, 1, 0)  # two weeks before now, in UTC
    assert by_name["高橋 和子"][0].status == "received"
    latest = catalog_requests.find_earlier(db, "070-5555-6666")
    assert latest.resend_of is not None and catalog_requests.is_second_try(latest)


def test_a_database_from_before_the_status_columns_keeps_working(tmp_path: Path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:
        old.execute(
            "CREATE TABLE catalog_requests (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), channel VARCHAR(32),"
            " name VARCHAR(100) NOT NULL, postal_code VARCHAR(8) NOT NULL, address TEXT NOT NULL,"
            " phone VARCHAR(11) NOT NULL, shipping_method VARCHAR(16) NOT NULL, created_at DATETIME NOT NULL)"
        )
        old.execute(
            "INSERT INTO catalog_requests VALUES (1, 's0', 'rest', '山田 花子', '100-0001', '東京都千代田区千代田1-1',"
            " '09012345678', 'mail', '2026-11-01 01:00:00')"
        )
    db = Database(f"sqlite:///{path}")
    old_request = catalog_requests.get(db, 1)
    assert (old_request.status, old_request.sent_at) == ("received", None)
    assert catalog_requests.mark(db, 1, True).status == "sent"
    assert Database(f"sqlite:///{path}").url  # opening it again changes nothing


def test_a_request_read_back_is_corrected_while_unsent(db):
    request_id = add(db)
    assert catalog_requests.update(db, request_id, **{**DETAILS, "phone": "0312345678", "shipping_method": "parcel"})
    request = catalog_requests.get(db, request_id)
    assert (request.phone, request.shipping_method, request.status) == ("0312345678", "parcel", "received")
    catalog_requests.mark(db, request_id, True)
    assert not catalog_requests.update(db, request_id, **DETAILS)  # sent: the desk's, not the bot's
    assert catalog_requests.get(db, request_id).phone == "0312345678"


def test_a_request_is_withdrawn_only_by_its_customer_and_only_unsent(db):
    request_id = add(db)
    assert not catalog_requests.withdraw(db, request_id, "someone-else")
    assert catalog_requests.withdraw(db, request_id, "s1")
    assert catalog_requests.get(db, request_id) is None
    sent = add(db)
    catalog_requests.mark(db, sent, True)
    assert not catalog_requests.withdraw(db, sent, "s1")


def test_found_by_the_full_name_alone(db):
    request_id = add(db)
    assert catalog_requests.find_by_name(db, "佐藤美咲").id == request_id
    assert catalog_requests.find_by_name(db, "佐藤 美咲様").id == request_id
    assert catalog_requests.find_by_name(db, "佐藤") is None  # a family name finds too many people
    assert catalog_requests.find_by_name(db, "鈴木 一郎") is None
