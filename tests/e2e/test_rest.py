"""The assistant through the REST channel, as a customer (or a broken client) meets it."""

from __future__ import annotations

import json
import re
import urllib.error
import uuid

import pytest
from sqlalchemy import text

from madoguchi.store import catalog_requests, handoffs, transcripts
from tests.e2e.conftest import post_json

JAPANESE = re.compile(r"[ぁ-んァ-ヶ一-龥]")


def texts(answers: list[dict]) -> str:
    return "\n".join(a.get("text") or "" for a in answers)


def fresh() -> str:
    return f"rest-{uuid.uuid4().hex[:12]}"


def test_catalog_request_end_to_end(stack):
    sender = fresh()
    stack.say(sender, "カタログを送ってください")
    stack.say(sender, "山田花子です")
    answer = texts(stack.say(sender, "〒100-0001"))
    assert "東京都千代田区千代田" in answer  # the address prefilled from the postal code
    stack.say(sender, "1-1 千代田ビル3階")
    readback = texts(stack.say(sender, "０９０ー１２３４ー５６７８"))
    assert "090-1234-5678" in readback and "メール便" in readback
    done = texts(stack.say(sender, "はい"))
    assert "お届けです" in done
    stored = [r for r in catalog_requests.recent(stack.db) if r.sender_id == sender]
    assert len(stored) == 1
    assert (stored[0].address, stored[0].phone) == ("東京都千代田区千代田1-1 千代田ビル3階", "09012345678")


def test_order_status_with_full_width_numbers(stack):
    sender = fresh()
    stack.say(sender, "注文した品がまだ届かないんですけど")
    stack.say(sender, "Ａ１２３４５６７")
    answer = texts(stack.say(sender, "０９０ー１２３４ー５６７８"))
    assert "発送済み" in answer and "4321-5678-9012" in answer and "11月21日(土)" in answer


def test_wrong_phone_reveals_nothing_and_three_failures_hand_off(stack):
    sender = fresh()
    stack.say(sender, "注文した品がまだ届かないんですけど")
    for attempt in range(3):
        answer = texts(stack.say(sender, "A1234567 090-0000-0000"))
        for secret in ("発送", "ヤマト", "4321", "羊羹", "山田"):
            assert secret not in answer
    tracker = stack.tracker(sender)
    assert tracker["paused"] is True
    assert tracker["slots"]["handoff_reason"] == "verification_failed"
    assert "担当者" in answer


@pytest.mark.parametrize(
    "message",
    ["", "   ", "　", "😀😀😀", "<img src=x onerror=alert(1)>", "あ" * 5000, "A9999999 の注文はどこ？"],
    ids=["empty", "spaces", "full-width-space", "emoji", "html", "5000-chars", "unknown-order"],
)
def test_odd_messages_get_a_polite_japanese_answer(stack, message):
    answers = stack.say(fresh(), message)
    assert answers, "the customer got no answer at all"
    answer = texts(answers)
    assert JAPANESE.search(answer)
    assert not re.search(r"error|exception|traceback", answer, re.I)


@pytest.mark.parametrize("body", [{"sender": "x"}, {"sender": "x", "message": None}, {"sender": "x", "message": 42}])
def test_broken_clients_do_not_get_a_server_error(stack, body):
    try:
        post_json(f"{stack.rasa}/webhooks/rest/webhook", body)
    except urllib.error.HTTPError as e:
        assert e.code < 500, f"{e.code} for {body}"


def test_transcript_keeps_the_original_text_once(stack):
    sender = fresh()
    stack.say(sender, "Ａ１２３４５６７の配送状況を知りたいです")
    stack.say(sender, "ありがとう")
    lines = [(m.role, m.text) for m in transcripts.for_sender(stack.db, sender)]
    assert lines[0] == ("customer", "Ａ１２３４５６７の配送状況を知りたいです")
    assert [t for r, t in lines if r == "customer"] == ["Ａ１２３４５６７の配送状況を知りたいです", "ありがとう"]
    assert any(r == "bot" for r, _ in lines)


def test_an_order_number_given_while_waiting_reaches_the_operators_ticket(stack):
    sender = fresh()
    stack.say(sender, "人と話したいです")
    assert stack.tracker(sender)["paused"] is True
    stack.say(sender, "待つ間に見つけました、注文番号はA1234567です")
    handoff = handoffs.open_for(stack.db, sender)
    assert json.loads(handoff.details)["order_id"] == "A1234567"
    assert "注文A1234567" in handoff.summary


def test_conversations_are_kept_in_the_sql_tracker_store(stack):
    sender = fresh()
    stack.say(sender, "こんにちは")
    with stack.db.engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}).scalar()
    assert count > 0
