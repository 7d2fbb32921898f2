"""The customer's history beside a handoff: a returning customer (same LINE user, same web
session, same phone given in an earlier chat) shows their other conversations, catalog
requests and, once they proved an order, their orders; nobody else's."""

from __future__ import annotations

from datetime import datetime, timedelta

import yaml

from madoguchi.desk.history import CONVERSATION_GAP, conversations
from madoguchi.settings import ROOT
from madoguchi.store import catalog_requests, handoffs, surveys, transcripts, verifications
from madoguchi.store.db import Database
from madoguchi.store.models import Handoff, Order, utcnow
from madoguchi.store.transcripts import Line
from madoguchi.web.timefmt import iso_jst
from tests.madoguchi.desk.test_api import auth, client, rasa, token  # noqa: F401

LINE_USER = "U" + "1" * 32
OTHER_LINE_USER = "U" + "2" * 32
WEB_SESSION = "a" * 32
OTHER_WEB_SESSION = "b" * 32
PHONE = "09077778888"


def said(db: Database, sender_id: str, lines: list[tuple[str, str]], at: datetime, channel: str) -> None:
    """Lines of a conversation, one a minute from `at`."""
    transcripts.record(db, [
        Line(sender_id, role, text, at + timedelta(minutes=i), f"{sender_id}-{at}-{i}", channel)
        for i, (role, text) in enumerate(lines)
    ])


def handed_off(
    db: Database, sender_id: str, at: datetime, *, channel: str, reason: str = "customer_request",
    details: dict | None = None, end: str | None = None, name: str | None = None,
) -> Handoff:
    handoff = handoffs.open_handoff(
        db, sender_id=sender_id, channel=channel, reason=reason, priority=3,
        summary=f"{reason} の要約", details=details or {}, customer_name=name,
    )
    with db.session() as session:
        row = session.get(Handoff, handoff.id)
        row.created_at = at
        if end:
            row.status, row.ended_at, row.operator = end, at + timedelta(minutes=5), "sato"
    return handoffs.get(db, handoff.id)


def catalog(db: Database, sender_id: str | None, phone: str, at: datetime, name: str = "山本和子", sent: bool = False) -> int:
    request_id = catalog_requests.add(
        db, sender_id=sender_id, channel="line", name=name, postal_code="123-4567",
        address="東京都千代田区千代田1-1", phone=phone, shipping_method="mail", created_at=at,
    )
    if sent:
        catalog_requests.mark(db, request_id, True, at + timedelta(days=1))
    return request_id


def order(db: Database, order_id: str, phone: str, days_ago: int, items: str = "どら焼き 10個入×1") -> None:
    with db.session() as session:
        session.add(Order(
            order_id=order_id, phone=phone, name="山本和子", status="received",
            ordered_at=utcnow() - timedelta(days=days_ago), items=items,
        ))


async def history(client, token, handoff_id: int) -> dict:
    response = await client.get(f"/api/handoffs/{handoff_id}/history", headers=auth(token))
    assert response.status == 200
    return await response.json()


def texts(conversation: dict) -> list[str]:
    return [line["text"] for line in conversation["transcript"]]


# ---------------------------------------------------------------- returning customers


async def test_a_returning_line_user_shows_the_earlier_chat_its_ending_survey_and_catalog(client, db, token):
    earlier = utcnow() - timedelta(days=3)
    said(db, LINE_USER, [("customer", "カタログを送ってください"), ("bot", "お名前を教えてください"),
                         ("customer", "届いた羊羹が潰れていました")], earlier, "line")
    old = handed_off(db, LINE_USER, earlier + timedelta(minutes=2), channel="line", reason="needs_operator", end="closed")
    surveys.ask(db, old)
    surveys.answer(db, LINE_USER, old.id, solved=True)
    catalog(db, LINE_USER, PHONE, earlier, sent=True)
    now = utcnow() - timedelta(minutes=3)
    said(db, LINE_USER, [("customer", "またお願いしたいことがあります")], now, "line")
    current = handed_off(db, LINE_USER, now + timedelta(seconds=30), channel="line")

    body = await history(client, token, current.id)

    [conversation] = body["conversations"]
    assert texts(conversation) == ["カタログを送ってください", "お名前を教えてください", "届いた羊羹が潰れていました"]
    assert conversation["recognized"]["by"] == "line" and conversation["channel_label"] == "LINE"
    assert conversation["started_at"] == iso_jst(earlier)
    [h] = conversation["handoffs"]
    assert h["id"] == old.id and h["status"] == "closed" and h["reason"] == "needs_operator"
    assert h["survey"]["label"] == "解決した"
    assert "終了" in conversation["ending"]
    [request] = body["catalog_requests"]
    assert request["sent"] is True and request["status_label"] == "発送済み"
    assert body["orders"] == [] and body["verified"] is False


async def test_a_returning_web_session_shows_a_chat_the_bot_handled_alone_and_a_catalog_not_sent(client, db, token):
    earlier = utcnow() - timedelta(days=1)
    said(db, WEB_SESSION, [("customer", "カタログがほしいです"), ("bot", "承りました。")], earlier, "socketio")
    catalog(db, WEB_SESSION, PHONE, earlier)
    now = utcnow() - timedelta(minutes=2)
    said(db, WEB_SESSION, [("customer", "カタログがまだ届きません")], now, "socketio")
    current = handed_off(db, WEB_SESSION, now + timedelta(seconds=30), channel="socketio")

    body = await history(client, token, current.id)

    [conversation] = body["conversations"]
    assert texts(conversation) == ["カタログがほしいです", "承りました。"]
    assert conversation["recognized"]["by"] == "web" and conversation["handoffs"] == []
    assert conversation["ending"] == "ボットだけで対応（引き継ぎなし）"
    [request] = body["catalog_requests"]
    assert request["sent"] is False and request["status_label"] == "まだ発送していません"


async def test_a_chat_handed_back_and_closed_in_one_visit_is_two_conversations(client, db, token):
    earlier = utcnow() - timedelta(hours=2)
    said(db, WEB_SESSION, [("customer", "担当の方と話したいです")], earlier, "socketio")
    first = handed_off(db, WEB_SESSION, earlier + timedelta(seconds=20), channel="socketio", end="closed")
    later = utcnow() - timedelta(minutes=30)  # within Rasa's session, after the close
    said(db, WEB_SESSION, [("customer", "もう一つ伺いたいです")], later, "socketio")
    current = handed_off(db, WEB_SESSION, later + timedelta(seconds=20), channel="socketio")

    body = await history(client, token, current.id)

    [conversation] = body["conversations"]
    assert texts(conversation) == ["担当の方と話したいです"]
    assert [h["id"] for h in conversation["handoffs"]] == [first.id]


async def test_a_phone_given_in_an_earlier_chat_brings_that_chat_and_its_catalog(client, db, token):
    earlier = utcnow() - timedelta(days=10)
    said(db, WEB_SESSION, [("customer", "カタログを郵送してほしいです")], earlier, "socketio")
    catalog(db, WEB_SESSION, PHONE, earlier, sent=True)
    now = utcnow() - timedelta(minutes=2)
    said(db, LINE_USER, [("customer", "先日カタログを頼んだ者です")], now, "line")
    current = handed_off(db, LINE_USER, now + timedelta(seconds=30), channel="line", details={"phone": PHONE})

    body = await history(client, token, current.id)

    [conversation] = body["conversations"]
    assert texts(conversation) == ["カタログを郵送してほしいです"]
    assert conversation["recognized"] == {"by": "phone", "phone": PHONE, "label": f"同じ電話番号（{PHONE}）"}
    assert [r["phone"] for r in body["catalog_requests"]] == [PHONE]


async def test_a_phone_in_an_earlier_handoff_links_the_chat_where_it_was_given(client, db, token):
    earlier = utcnow() - timedelta(days=5)
    said(db, OTHER_LINE_USER, [("customer", "電話番号は09077778888です")], earlier, "line")
    old = handed_off(db, OTHER_LINE_USER, earlier, channel="line", details={"phone": PHONE}, end="released")
    now = utcnow() - timedelta(minutes=2)
    said(db, WEB_SESSION, [("customer", "こんにちは")], now, "socketio")
    current = handed_off(db, WEB_SESSION, now, channel="socketio", details={"phone": PHONE})

    body = await history(client, token, current.id)

    [conversation] = body["conversations"]
    assert [h["id"] for h in conversation["handoffs"]] == [old.id]
    assert conversation["handoffs"][0]["ending"] == "担当者からボットに戻した"


# ---------------------------------------------------------------- orders after verification


async def test_a_customer_never_verified_shows_no_orders(client, demo_db, token):
    db = demo_db
    now = utcnow() - timedelta(minutes=2)
    # the registered phone of A1234567, given but never proved with the order number
    current = handed_off(db, WEB_SESSION, now, channel="socketio",
                         details={"phone": "09012345678", "order_id": "A1234567"})

    body = await history(client, token, current.id)

    assert body["verified"] is False and body["orders"] == []


async def test_an_order_proved_in_an_earlier_chat_shows_the_orders_of_its_phone(client, db, token):
    order(db, "A1111111", PHONE, days_ago=20, items="栗きんとん 6個入×2")
    order(db, "A2222222", PHONE, days_ago=2, items="本練り羊羹×1")
    order(db, "A3333333", "0311112222", days_ago=1)  # someone else's
    earlier = utcnow() - timedelta(days=4)
    said(db, OTHER_LINE_USER, [("customer", "A1111111 09077778888")], earlier, "line")
    verifications.record(db, OTHER_LINE_USER, "A1111111")
    now = utcnow() - timedelta(minutes=2)
    current = handed_off(db, WEB_SESSION, now, channel="socketio", details={"phone": PHONE})

    body = await history(client, token, current.id)

    assert body["verified"] is True
    assert [o["order_id"] for o in body["orders"]] == ["A2222222", "A1111111"]
    assert [o["verified_here"] for o in body["orders"]] == [False, True]
    assert body["orders"][1]["items"] == "栗きんとん 6個入×2"
    assert body["conversations"][0]["recognized"]["by"] == "phone"


async def test_an_order_kept_verified_by_an_earlier_handoff_counts(client, demo_db, token):
    db = demo_db
    handed_off(db, LINE_USER, utcnow() - timedelta(days=2), channel="line",
               details={"verified_order_id": "A1234567", "order_id": "A1234567"}, end="closed")
    current = handed_off(db, LINE_USER, utcnow() - timedelta(minutes=1), channel="line")

    body = await history(client, token, current.id)

    assert [o["order_id"] for o in body["orders"]] == ["A1234567"]
    assert body["orders"][0]["status_label"] == "発送済み"


# ---------------------------------------------------------------- nobody else's


async def test_another_customers_chats_catalogs_and_orders_never_show(client, db, token):
    order(db, "A4444444", "0355556666", days_ago=3)
    earlier = utcnow() - timedelta(days=2)
    said(db, OTHER_LINE_USER, [("customer", "ほかのお客さまの話です")], earlier, "line")
    handed_off(db, OTHER_LINE_USER, earlier, channel="line", details={"phone": "0355556666"}, end="closed")
    verifications.record(db, OTHER_LINE_USER, "A4444444")
    catalog(db, OTHER_WEB_SESSION, "0355556666", earlier, name="別人花子")
    catalog(db, None, "0355556666", earlier, name="別人花子")
    said(db, OTHER_WEB_SESSION, [("customer", "別のセッションです")], earlier, "socketio")
    # the customer of this handoff: another phone, a session of their own
    now = utcnow() - timedelta(minutes=2)
    said(db, WEB_SESSION, [("customer", "はじめて問い合わせます")], now, "socketio")
    current = handed_off(db, WEB_SESSION, now, channel="socketio", details={"phone": PHONE})

    body = await history(client, token, current.id)

    assert body == {"handoff_id": current.id, "conversations": [], "catalog_requests": [],
                    "verified": False, "orders": []}


async def test_the_history_is_for_operators_only(client, db, token):
    current = handed_off(db, WEB_SESSION, utcnow(), channel="socketio")
    for headers in ({}, auth("not-a-token")):
        response = await client.get(f"/api/handoffs/{current.id}/history", headers=headers)
        assert response.status == 401
        assert (await response.json())["error"] == "unauthorized"
    response = await client.get("/api/handoffs/999/history", headers=auth(token))
    assert response.status == 404


# ---------------------------------------------------------------- conversations


def test_conversations_are_cut_where_rasa_starts_a_new_session():
    domain = yaml.safe_load((ROOT / "domain" / "core.yml").read_text(encoding="utf-8"))
    assert CONVERSATION_GAP == timedelta(minutes=domain["session_config"]["session_expiration_time"])


def test_lines_far_apart_are_two_conversations_and_close_ones_one(db):
    start = utcnow() - timedelta(days=1)
    said(db, WEB_SESSION, [("customer", "一"), ("bot", "二")], start, "socketio")
    said(db, WEB_SESSION, [("customer", "三")], start + CONVERSATION_GAP - timedelta(minutes=5), "socketio")
    said(db, WEB_SESSION, [("customer", "四")], start + 2 * CONVERSATION_GAP + timedelta(minutes=5), "socketio")
    found = conversations(WEB_SESSION, transcripts.for_sender(db, WEB_SESSION), [])
    assert [[m.text for m in c.lines] for c in found] == [["一", "二", "三"], ["四"]]
