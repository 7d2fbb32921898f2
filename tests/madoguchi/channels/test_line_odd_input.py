"""The LINE webhook on bad input: a signed body that is garbage gets a 4xx or is ignored
with 200, never a 5xx; a text event with odd text is answered."""

from __future__ import annotations

import json
import logging

import pytest

from madoguchi.channels import line_messages as lm
from madoguchi.store import handoffs
from madoguchi.store.db import Database
from tests.madoguchi.channels.line_harness import USER, LineServer, StandInBot, body, event, text_event
from tests.madoguchi.channels.line_platform import LinePlatform

GARBAGE = [
    b"", b"null", b"[]", b'"events"', b"42", b"[" * 100_000, b'{"events": ' + b"[" * 100_000 + b"}",
    b'{"events": [null, 1, "x", []]}',
    b'{"events": [{"type": "message", "source": "U1", "message": {"type": "text", "text": "x"}}]}',
    b'{"events": [{"type": "message", "source": {"type": "user", "userId": "U1"}, "deliveryContext": "x",'
    b' "message": "x", "postback": 5}]}',
    b'{"events": [{"type": ["message"], "source": {"type": "user", "userId": {"id": 1}}}]}',
    b'{"events": [{"type": "message", "source": {"type": "user", "userId": "U\\u0000"},'
    b' "message": {"type": "text", "text": "x"}}]}',
    b'{"events": [{"type": "message", "source": {"type": "user", "userId": "' + b"U" * 300 + b'"},'
    b' "message": {"type": "text", "text": "x"}}]}',
    b'{"events": [{"type": "postback", "source": {"type": "user", "userId": "U2"}, "postback": {"data": {"a": 1}}}]}',
    b'{"events": [{"type": "message", "source": {"type": "user", "userId": "U3"}, "replyToken": {"t": 1},'
    b' "webhookEventId": [1], "timestamp": "soon", "message": {"type": {"kind": "text"}, "id": {"x": 1}}}]}',
]


@pytest.mark.parametrize("raw", GARBAGE, ids=range(len(GARBAGE)))
async def test_a_signed_garbage_body_gets_no_server_error(
    server: LineServer, bot: StandInBot, raw: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    status, _, _ = await server.post(raw)
    await server.settle()

    assert status in (200, 400)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text


ODD_TEXTS = {
    "spaces": " \t\u3000 ",
    "control": "\x01\x02\x1b[31mカタログ\x7f",
    "nul": "カタログ\x00を送って",
    "zero-width": "\u200b\u200c\u200d\ufeff",
    "emoji": "😀🎉🍡",
    "newlines": "\n" * 10_000,
    "mixed": "Привет مرحبا 你好 カタログ שלום",
    "long": "カタログを送ってください" + "x" * 60_000,
}


@pytest.mark.parametrize("text", ODD_TEXTS.values(), ids=ODD_TEXTS.keys())
async def test_a_text_event_with_odd_text_is_answered(
    server: LineServer, bot: StandInBot, platform: LinePlatform, text: str
) -> None:
    await server.post(body(text_event(text)))
    await server.settle()

    assert len(bot.received) == 1
    [reply] = platform.delivered("reply")
    assert reply.texts and all(reply.texts)


async def test_a_lone_surrogate_reaches_the_bot_as_a_replacement_character(
    server: LineServer, bot: StandInBot, platform: LinePlatform
) -> None:
    raw = json.dumps(body(text_event("カタログ\ud800です")), ensure_ascii=True).encode("ascii")
    await server.post(raw)
    await server.settle()

    assert bot.texts == ["カタログ\ufffdです"]
    assert len(platform.delivered("reply")) == 1


@pytest.mark.parametrize("text", [5, None, {"text": "こんにちは"}, ["こんにちは"]], ids=["number", "null", "object", "list"])
async def test_a_text_event_without_a_text_gets_a_polite_answer(
    server: LineServer, bot: StandInBot, platform: LinePlatform, text: object
) -> None:
    await server.post(body(event(message={"type": "text", "id": "7", "text": text})))
    await server.settle()

    assert bot.received == []
    assert [r.texts for r in platform.delivered("reply")] == [[lm.OTHER_ANSWER]]


async def test_an_odd_message_type_while_handed_off_reaches_the_operator(
    server: LineServer, bot: StandInBot, db: Database
) -> None:
    handoffs.open_handoff(
        db, sender_id=USER, channel="line", reason="customer_request", priority=3, summary="担当者希望", details={},
    )
    bot.answers = lambda text: []
    await server.post(body(event(message={"type": {"kind": "sticker"}, "id": "8"})))
    await server.settle()

    assert len(bot.received) == 1 and bot.texts[0].strip()
