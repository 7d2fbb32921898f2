"""What a customer gives while waiting for a person reaches the operator's ticket."""

from __future__ import annotations

import json

from madoguchi.handoff.late_details import summary_with
from madoguchi.rasa.broker import TranscriptBroker
from madoguchi.store import handoffs

TS = 1795136400.0  # 2026-11-20T10:00 in Japan


def user(sender: str, text: str, entities: list[dict], ts: float = TS) -> dict:
    return {"event": "user", "sender_id": sender, "text": text, "timestamp": ts, "input_channel": "socketio",
            "parse_data": {"text": text, "intent": {"name": "inform", "confidence": 0.9}, "entities": entities}}


def ticket(db, sender: str, details: dict, summary: str) -> int:
    return handoffs.open_handoff(db, sender_id=sender, channel="socketio", reason="needs_operator", priority=2,
                                 summary=summary, details=details).id


def test_an_order_number_found_while_waiting_joins_the_ticket(db):
    hid = ticket(db, "s1", {"person_name": "山田花子"}, "担当者の対応が必要｜注文番号不明｜山田花子様｜「箱がつぶれていました」")
    TranscriptBroker(db).publish_many([
        user("s1", "注文番号ありました、A1234567です", [{"entity": "order_id", "value": "A1234567"}]),
    ])
    handoff = handoffs.get(db, hid)
    assert json.loads(handoff.details) == {"person_name": "山田花子", "order_id": "A1234567"}
    assert handoff.summary == "担当者の対応が必要｜注文A1234567（未確認）｜山田花子様｜「箱がつぶれていました」"
    assert "注文番号不明" not in handoff.summary


def test_what_the_bot_collected_or_verified_is_never_replaced(db):
    hid = ticket(db, "s2", {"verified_order_id": "A1234567", "phone": "09012345678"}, "苦情・ご不満｜注文A1234567（本人確認済）")
    TranscriptBroker(db).publish_many([
        user("s2", "A7654321 と 03-1111-2222 です", [{"entity": "order_id", "value": "A7654321"},
                                                    {"entity": "phone", "value": "0311112222"}]),
    ])
    handoff = handoffs.get(db, hid)
    assert json.loads(handoff.details) == {"verified_order_id": "A1234567", "phone": "09012345678"}
    assert handoff.summary == "苦情・ご不満｜注文A1234567（本人確認済）"


def test_a_conversation_without_an_open_ticket_is_left_alone(db):
    TranscriptBroker(db).publish_many([user("s3", "A1234567です", [{"entity": "order_id", "value": "A1234567"}])])
    assert handoffs.open_for(db, "s3") is None


def test_the_summary_keeps_its_quote_last():
    assert summary_with("お困り・ご不安｜「どうしよう」", {"phone": "0312345678"}) == "お困り・ご不安｜電話0312345678｜「どうしよう」"
    assert summary_with("", {"person_name": "佐藤一郎"}) == "佐藤一郎様"


def test_a_name_said_with_san_while_waiting_is_someone_else_not_the_customer(db):
    hid = ticket(db, "s9", {}, "担当者の対応が必要｜注文番号不明｜「違う人の荷物が届きました」")
    text = "宛名が佐藤さんになってます"
    TranscriptBroker(db).publish_many([
        user("s9", text, [{"entity": "person_name", "value": "佐藤", "start": 3, "end": 5}]),
    ])
    handoff = handoffs.get(db, hid)
    assert "佐藤" not in handoff.summary and "person_name" not in json.loads(handoff.details or "{}")
