"""Harness of the LINE channel tests: a Sanic app as Rasa builds it, a stand-in bot, webhook bodies.

The channel's blueprint is registered with Rasa's own `register` under `/webhooks/`, and
Rasa's handler calls `app.ctx.agent.handle_message` (here the stand-in bot). The real
line-bot-sdk talks to the stand-in LINE platform over HTTP.
"""

from __future__ import annotations

import asyncio
import json
import socket
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

import aiohttp
from rasa.core.channels.channel import UserMessage, register
from sanic import Sanic

from madoguchi.channels.line import LineInput
from madoguchi.channels.line_events import signature_of

SECRET = "test-channel-secret"
TOKEN = "test-access-token"
USER = "U4af4980629e8d2f6a1c1d2b3c4d5e6f7"
OTHER_USER = "U0000000000000000000000000000000b"
NAMES = {USER: "山田花子", OTHER_USER: "佐々木一郎"}

Sanic.test_mode = True


@dataclass
class StandInBot:
    """What Rasa's agent does for the channel: takes a UserMessage, answers on its output.

    `answers(text)` gives the responses (dicts as Rasa's `send_response` gets them);
    by default the bot echoes. `delay` makes it slow; `fail` makes it raise.
    """

    answers: Callable[[str], list[dict[str, Any]]] = lambda text: [{"text": f"「{text}」を承りました。"}]
    delay: float | Callable[[str], float] = 0.0
    fail: bool = False
    received: list[UserMessage] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [m.text or "" for m in self.received]

    async def handle_message(self, message: UserMessage) -> None:
        self.received.append(message)
        delay = self.delay(message.text or "") if callable(self.delay) else self.delay
        if delay:
            await asyncio.sleep(delay)
        if self.fail:
            raise RuntimeError("the action server is down")
        for response in self.answers(message.text or ""):
            await message.output_channel.send_response(message.sender_id, dict(response))
        self.finished.append(message.text or "")


class LineServer:
    """A running Sanic app hosting one channel, and how to post signed webhooks to it."""

    def __init__(self, channel: LineInput, bot: StandInBot) -> None:
        self.channel = channel
        self.bot = bot
        self.app = Sanic(f"line_test_{uuid.uuid4().hex[:8]}")
        self.app.ctx.agent = bot
        register([channel], self.app, "/webhooks/")
        self.url = ""
        self._server: Any = None

    async def start(self) -> "LineServer":
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))  # a free port (Sanic takes port 0 for "default")
        self.app.config.MOTD = False
        self._server = await self.app.create_server(
            sock=sock, return_asyncio_server=True, access_log=False
        )
        await self._server.startup()
        await self._server.before_start()
        await self._server.after_start()
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        return self

    async def stop(self) -> None:
        if self._server is not None:
            await self._server.before_stop()
            await self._server.close()
            await self._server.after_stop()
            self._server = None

    async def post(
        self, body: bytes | dict[str, Any], *, signature: str | None | bool = True, secret: str = SECRET
    ) -> tuple[int, dict[str, Any], float]:
        """POST to the webhook: (status, JSON answer, seconds it took)."""
        raw = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json"}
        if signature is True:
            headers["X-Line-Signature"] = signature_of(secret, raw)
        elif isinstance(signature, str):
            headers["X-Line-Signature"] = signature
        started = time.monotonic()
        async with aiohttp.ClientSession() as session:
            url = f"{self.url}/webhooks/line/webhook"
            async with session.post(url, data=raw, headers=headers) as answer:
                payload = await answer.json(content_type=None)
                return answer.status, payload, time.monotonic() - started

    async def get(self, path: str) -> tuple[int, dict[str, Any]]:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{self.url}{path}") as answer:
                return answer.status, await answer.json(content_type=None)

    async def settle(self, timeout: float = 10.0) -> None:
        """Wait until every queued event was handled."""
        assert await self.channel.queues.drain(timeout), "LINE events still queued"


_counter = iter(range(1, 1_000_000))


def event(
    kind: str = "message",
    user: str = USER,
    *,
    redelivery: bool = False,
    event_id: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """A webhook event as LINE sends it."""
    n = next(_counter)
    raw: dict[str, Any] = {
        "type": kind,
        "mode": "active",
        "timestamp": int(time.time() * 1000),
        "source": {"type": "user", "userId": user},
        "webhookEventId": event_id or f"01HEVENT{n:018d}",
        "deliveryContext": {"isRedelivery": redelivery},
    }
    if kind not in ("unfollow", "leave", "memberLeft"):
        raw["replyToken"] = f"reply-token-{n}"
    raw.update(fields)
    return raw


def text_event(text: str, user: str = USER, **options: Any) -> dict[str, Any]:
    n = next(_counter)
    message = {"type": "text", "id": f"{5000 + n}", "quoteToken": f"q{n}", "text": text}
    return event(message=message, user=user, **options)


def body(*events: dict[str, Any]) -> dict[str, Any]:
    """A webhook body with events."""
    return {"destination": "Ubot0000000000000000000000000000", "events": list(events)}
