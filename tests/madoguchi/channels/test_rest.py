"""The REST channel: Rasa's, with a 400 in Japanese for a body that is no customer message."""

from __future__ import annotations

import json
import socket
import uuid
from typing import Any, AsyncIterator

import aiohttp
import pytest
from rasa.core.channels.channel import UserMessage, register
from sanic import Sanic

from madoguchi.channels.rest import MAX_SENDER, BadRequest, RestInput, message_of

JAPANESE = "ぁ-んァ-ヶ一-龥"

Sanic.test_mode = True


class EchoBot:
    """Rasa's agent as the channel sees it: answers each message with its own words."""

    def __init__(self) -> None:
        self.received: list[UserMessage] = []

    async def handle_message(self, message: UserMessage) -> None:
        self.received.append(message)
        await message.output_channel.send_text_message(message.sender_id, f"「{message.text}」を承りました。")


@pytest.fixture
def bot() -> EchoBot:
    return EchoBot()


@pytest.fixture
async def url(bot: EchoBot) -> AsyncIterator[str]:
    """The webhook of a running Sanic app with the channel registered as Rasa registers it."""
    app = Sanic(f"rest_test_{uuid.uuid4().hex[:8]}")
    app.ctx.agent = bot
    register([RestInput()], app, "/webhooks/")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    app.config.MOTD = False
    server = await app.create_server(sock=sock, return_asyncio_server=True, access_log=False)
    await server.startup()
    await server.before_start()
    await server.after_start()
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/webhooks/rest/webhook"
    await server.before_stop()
    await server.close()
    await server.after_stop()


async def post(url: str, raw: bytes | str) -> tuple[int, Any]:
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    async with aiohttp.ClientSession() as session:
        async with session.post(url, data=data, headers={"Content-Type": "application/json"}) as answer:
            return answer.status, await answer.json(content_type=None)


@pytest.mark.parametrize(
    "raw",
    [
        "", "garbage", "{", b"\xff\xfe", "[" * 100_000, '{"sender": "a", "message": ' + "[" * 100_000, "null", "[]", "[{\"sender\": \"a\", \"message\": \"x\"}]", "\"text\"", "42",
        "true", "{}", '{"message": "こんにちは"}', '{"sender": null, "message": "こんにちは"}',
        '{"sender": "", "message": "こんにちは"}', '{"sender": "   ", "message": "こんにちは"}',
        '{"sender": 42, "message": "こんにちは"}', '{"sender": {"id": 1}, "message": "こんにちは"}',
        '{"sender": "a\\u0000b", "message": "こんにちは"}', '{"sender": "\\ud800", "message": "こんにちは"}',
        json.dumps({"sender": "s" * (MAX_SENDER + 1), "message": "こんにちは"}),
        '{"sender": "a"}', '{"sender": "a", "message": null}', '{"sender": "a", "message": 42}',
        '{"sender": "a", "message": ["こんにちは"]}', '{"sender": "a", "message": {"text": "こんにちは"}}',
        '{"sender": "a", "message": "こんにちは", "metadata": "x"}',
        '{"sender": "a", "message": "こんにちは", "metadata": [1]}',
    ],
)
async def test_a_body_that_is_no_message_gets_400_in_japanese(url: str, bot: EchoBot, raw: bytes | str) -> None:
    status, answer = await post(url, raw)
    assert status == 400
    assert answer["error"] == "bad_request"
    assert any("\u3040" <= c <= "\u9fff" for c in answer["message"])
    assert bot.received == []


async def test_a_message_is_answered_in_its_own_conversation(url: str, bot: EchoBot) -> None:
    body = {"sender": "rest-abc", "message": "カタログを送ってください", "metadata": {"page": "/"}}
    status, answer = await post(url, json.dumps(body))
    assert (status, answer) == (200, [{"recipient_id": "rest-abc", "text": "「カタログを送ってください」を承りました。"}])
    [message] = bot.received
    assert (message.sender_id, message.input_channel, message.metadata) == ("rest-abc", "rest", {"page": "/"})


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "😀", "あ" * 60000, "\n" * 10000])
async def test_odd_text_still_reaches_the_bot_whole(url: str, bot: EchoBot, text: str) -> None:
    status, _ = await post(url, json.dumps({"sender": "odd", "message": text}))
    assert status == 200
    assert bot.received[0].text == text.strip()  # Rasa's UserMessage strips the text


async def test_a_lone_surrogate_becomes_a_replacement_character(url: str, bot: EchoBot) -> None:
    status, _ = await post(url, '{"sender": "s", "message": "カタログ\\ud800です"}')
    assert status == 200
    assert bot.received[0].text == "カタログ\ufffdです"
    assert bot.received[0].text.encode("utf-8")  # storable


async def test_an_input_channel_that_is_not_a_name_is_rest(url: str, bot: EchoBot) -> None:
    await post(url, json.dumps({"sender": "s", "message": "はい", "input_channel": 5}))
    assert bot.received[0].input_channel == "rest"


async def test_the_health_route_and_stream_stay_rasas(url: str, bot: EchoBot) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(url.removesuffix("webhook")) as answer:
            assert (answer.status, await answer.json()) == (200, {"status": "ok"})
        body = json.dumps({"sender": "s", "message": "はい"})
        async with session.post(f"{url}?stream=true", data=body) as answer:
            lines = (await answer.text()).splitlines()
    assert [json.loads(line)["text"] for line in lines] == ["「はい」を承りました。"]
    stream_status, _ = await post(f"{url}?stream=true", "null")
    assert stream_status == 400


@pytest.mark.parametrize("sender", ["U" + "0123456789abcdef" * 2, "0123456789abcdef" * 2])
async def test_a_web_chat_session_or_a_line_user_cannot_be_written_to_over_rest(sender):
    # Their conversations are written only from their own channel: REST is refused.
    with pytest.raises(BadRequest):
        message_of(json.dumps({"sender": sender, "message": "カタログを送ってください"}).encode())
    assert message_of(json.dumps({"sender": "rest-" + sender[:12], "message": "x"}).encode())["sender"]
