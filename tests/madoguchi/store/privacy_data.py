"""A customer whose personal data is in every table that can hold it, and a way to look for
it in every table of the database (whatever the code under test knows of)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import inspect, text

from madoguchi.store import (
    callbacks, catalog_requests, channel_events, handoffs, operations, surveys, transcripts, verifications, web_sessions,
)
from madoguchi.store.db import Database, create_tables
from madoguchi.store.models import Handoff, Order, OrderChange, utcnow
from madoguchi.store.transcripts import Line

NAME, PHONE, ADDRESS = "山田花子", "09012345678", "北海道札幌市中央区北一条西9丁目"
LINE_USER = "U4af4980629e2c1f1a8d9c0a3b9e6d7c5"
# What must be gone from every table once the customer's data is deleted: the phone in
# any width, the name, the address, a word each of her lines, notes and comments carry.
TRACES = (PHONE, "０９０", "1234-5678", "山田", "札幌市", "ヤマダ")


@dataclass
class Stored:
    web: str  # her web chat session id
    line: str  # her LINE userId
    handoff_id: int  # closed, on the web chat
    line_handoff_id: int  # released, on LINE
    catalog_id: int
    other: str  # another customer's conversation, kept whole


def tracker_table(db: Database) -> None:
    """Rasa's `events` table, as its SQL tracker store makes it."""
    from rasa.core.tracker_store import SQLTrackerStore

    create_tables(db.engine, SQLTrackerStore.Base.metadata)


def tracker_event(db: Database, sender_id: str, event: dict, at: datetime) -> None:
    """A row of Rasa's tracker store (`at` naive UTC)."""
    tracker_table(db)
    timestamp = at.replace(tzinfo=timezone.utc).timestamp()
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data) "
                "VALUES (:sender_id, :type_name, :timestamp, :intent, :action, :data)"
            ),
            {
                "sender_id": sender_id, "type_name": event["event"], "timestamp": timestamp,
                "intent": (event.get("parse_data") or {}).get("intent", {}).get("name"),
                "action": event.get("name"), "data": json.dumps({**event, "timestamp": timestamp}, ensure_ascii=False),
            },
        )


def conversation(db: Database, sender_id: str, channel: str, lines: list[tuple[str, str]], at: datetime) -> None:
    """Transcript lines and the tracker events of the same conversation, a second apart."""
    tracker_event(db, sender_id, {"event": "session_started"}, at)
    for i, (role, said) in enumerate(lines):
        when = at + timedelta(seconds=i + 1)
        transcripts.record(db, [Line(sender_id, role, said, when, f"{sender_id}-{i}", channel)])
        if role == "customer":
            event = {"event": "user", "text": said, "parse_data": {"intent": {"name": "inform"}, "text": said}}
        else:
            event = {"event": "bot", "text": said}
        tracker_event(db, sender_id, event, when)


def store_customer(db: Database) -> Stored:
    """山田花子 on the web chat and on LINE: the same phone number given in both."""
    now = utcnow()
    web = web_sessions.issue(db)
    conversation(db, web, "socketio", [
        ("customer", "カタログを送ってください。山田花子です"),
        ("bot", "お電話番号をお願いいたします。"),
        ("customer", "０９０－１２３４－５６７８です"),
        ("bot", "ご住所をお願いいたします。"),
        ("customer", ADDRESS),
    ], now - timedelta(hours=2))
    tracker_event(db, web, {"event": "slot", "name": "phone", "value": PHONE}, now - timedelta(hours=2))
    tracker_event(db, web, {"event": "slot", "name": "person_name", "value": NAME}, now - timedelta(hours=2))
    catalog_id = catalog_requests.add(
        db, sender_id=web, channel="socketio", name=NAME, postal_code="060-0001", address=ADDRESS,
        phone=PHONE, shipping_method="mail",
    )
    handoff = handoffs.open_handoff(
        db, sender_id=web, channel="socketio", reason="complaint", priority=1,
        summary=f"{NAME}様：カタログが届かない", details={"person_name": NAME, "phone": PHONE, "address": ADDRESS},
        customer_name=NAME,
    )
    handoffs.add_note(db, handoff.id, "sato", "山田様には明日お電話")
    operation, _ = operations.begin(
        db, operator="sato", key="k-1", action="close", handoff_id=handoff.id, fingerprint="f", timestamp=1.0
    )
    operations.settle(db, operation.id, 200, {"handoff": {"customer_name": NAME}})  # as an answer keeps it
    handoffs.finish_if_open(db, handoff.id, handoffs.CLOSED, "sato")
    survey = surveys.ask(db, handoffs.get(db, handoff.id))
    surveys.answer(db, web, handoff.id, True)
    surveys.want_comment(db, web, handoff.id)
    surveys.take_comment(db, web, "山田です。助かりました")

    # On LINE, days later: the same phone, given once as a slot and written by hand.
    conversation(db, LINE_USER, "line", [
        ("customer", "注文したお菓子の届け先を変えたい"),
        ("bot", "ご注文番号とお電話番号をお願いいたします。"),
        ("customer", "A1234567 090 1234 5678"),
    ], now - timedelta(hours=1))
    tracker_event(db, LINE_USER, {"event": "slot", "name": "phone", "value": PHONE}, now - timedelta(hours=1))
    channel_events.save_display_name(db, LINE_USER, "line", "ヤマダ")
    with db.session() as session:
        if session.get(Order, "A1234567") is None:
            session.add(Order(order_id="A1234567", phone=PHONE, name=NAME, status="received", ordered_at=now, items="栗きんとん"))
        session.add(OrderChange(order_id="A1234567", kind="address", detail=ADDRESS, sender_id=LINE_USER))
    verifications.record(db, LINE_USER, "A1234567")  # she proved the order in the LINE chat
    asked, _ = callbacks.start(db, LINE_USER, "line", None)  # and asked to be called back
    callbacks.set_phone(db, asked.id, PHONE)
    line_handoff = handoffs.open_handoff(
        db, sender_id=LINE_USER, channel="line", reason="needs_operator", priority=2,
        summary="届け先の変更", details={"phone": PHONE}, customer_name=None,
    )
    handoffs.finish_if_open(db, line_handoff.id, handoffs.RELEASED, "sato")

    # Someone else, who must keep everything.
    other = web_sessions.issue(db)
    conversation(db, other, "socketio", [("customer", "送料はいくらですか"), ("bot", "880円です。")], now - timedelta(hours=3))
    handoffs.open_handoff(
        db, sender_id=other, channel="socketio", reason="customer_request", priority=3,
        summary="鈴木様", details={"phone": "0312345678"}, customer_name="鈴木一郎",
    )
    catalog_requests.add(
        db, sender_id=other, channel="socketio", name="鈴木一郎", postal_code="100-0001",
        address="東京都千代田区", phone="0312345678", shipping_method="mail",
    )
    assert survey is not None
    return Stored(web, LINE_USER, handoff.id, line_handoff.id, catalog_id, other)


def traces(db: Database, words: tuple[str, ...], skip: tuple[str, ...] = ("orders",)) -> dict[str, list[str]]:
    """Every table of the database (Rasa's, the desk's, any other) with a row holding one of
    `words`: {table: [the row, as text]}. Orders are the order system's and kept."""
    found: dict[str, list[str]] = {}
    with db.engine.connect() as connection:
        for table in inspect(connection).get_table_names():
            if table in skip:
                continue
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                shown = " ".join(str(v) for v in row)
                if any(w in shown for w in words):
                    found.setdefault(table, []).append(shown[:200])
    return found


def handoff_count(db: Database) -> int:
    with db.session() as session:
        return session.query(Handoff).count()


def tracker_senders(db) -> dict[str, int]:
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id"))
        return {sender: n for sender, n in rows}
