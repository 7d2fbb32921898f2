"""A local stand-in of the LINE platform for the channel's tests.

A small aiohttp server with the four endpoints the channel calls (reply, push, profile,
loading animation). It checks what LINE checks (bearer token, at most 5 messages, label
and sender lengths, reply tokens used once, push retry keys accepted once), records every
call, and can be told to answer errors first (`fail_next("push", 500, 500)`).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Call:
    """One request the platform received, with what it answered."""

    kind: str  # reply, push, profile, loading
    body: dict[str, Any]
    headers: dict[str, str]
    status: int
    accepted: bool = False  # delivered to the customer (even when the answer was lost)
    at: float = field(default_factory=time.monotonic)

    @property
    def retry_key(self) -> str | None:
        return self.headers.get("X-Line-Retry-Key")

    @property
    def texts(self) -> list[str]:
        return [m.get("text", "") for m in self.body.get("messages", [])]


class LinePlatform:
    """The stand-in: start() it, point the channel at `base_url`, read what was sent."""

    def __init__(self, access_token: str, display_names: dict[str, str] | None = None) -> None:
        self.access_token = access_token
        self.display_names = dict(display_names or {})
        self.calls: list[Call] = []
        self.stale_tokens: set[str] = set()
        self._used_tokens: set[str] = set()
        self._accepted_keys: set[str] = set()
        self._failures: dict[str, list[int]] = {}
        self._lost_answers: dict[str, int] = {}
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    # -- test controls ------------------------------------------------------------

    def fail_next(self, kind: str, *statuses: int) -> None:
        """The next calls of a kind answer these statuses, in order, before working again."""
        self._failures.setdefault(kind, []).extend(statuses)

    def lose_next_answer(self, kind: str) -> None:
        """The next call of a kind is carried out, but answered 500 (a lost answer)."""
        self._lost_answers[kind] = self._lost_answers.get(kind, 0) + 1

    def delivered(self, kind: str) -> list[Call]:
        """Calls of a kind that the platform carried out."""
        return [c for c in self.calls if c.kind == kind and c.accepted]

    def attempts(self, kind: str) -> list[Call]:
        """Every call of a kind, accepted or not."""
        return [c for c in self.calls if c.kind == kind]

    def texts_to_customer(self) -> list[str]:
        """Every text delivered by reply or push, in order."""
        return [t for c in self.calls if c.kind in ("reply", "push") and c.accepted for t in c.texts]

    async def wait_for(self, kind: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Wait until `count` calls of a kind were accepted."""
        deadline = time.monotonic() + timeout
        while len(self.delivered(kind)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{count} {kind} call(s) expected, got {self.delivered(kind)}")
            await asyncio.sleep(0.01)
        return self.delivered(kind)

    # -- server -------------------------------------------------------------------

    async def start(self) -> "LinePlatform":
        app = web.Application()
        app.router.add_post("/v2/bot/message/reply", self._reply)
        app.router.add_post("/v2/bot/message/push", self._push)
        app.router.add_get("/v2/bot/profile/{user_id}", self._profile)
        app.router.add_post("/v2/bot/chat/loading/start", self._loading)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # -- endpoints ----------------------------------------------------------------

    async def _record(self, kind: str, request: web.Request) -> tuple[Call, web.Response | None]:
        body: dict[str, Any] = {}
        if request.method == "POST":
            body = await request.json()
        call = Call(kind, body, dict(request.headers), 200)
        self.calls.append(call)
        if request.headers.get("Authorization") != f"Bearer {self.access_token}":
            return call, self._answer(call, 401, {"message": "Authentication failed"})
        failures = self._failures.get(kind)
        if failures:
            status = failures.pop(0)
            message = "The API rate limit has been exceeded." if status == 429 else "Internal error"
            return call, self._answer(call, status, {"message": message})
        return call, None

    def _accept(self, call: Call, status: int, body: dict[str, Any]) -> web.Response:
        call.accepted = True
        if self._lost_answers.get(call.kind):
            self._lost_answers[call.kind] -= 1
            return self._answer(call, 500, {"message": "Internal error"})
        return self._answer(call, status, body)

    @staticmethod
    def _answer(
        call: Call, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> web.Response:
        call.status = status
        return web.json_response(body, status=status, headers=headers)

    @staticmethod
    def _bad_request(problem: str) -> dict[str, Any]:
        return {"message": "The request body has 1 error(s)", "details": [{"message": problem}]}

    @staticmethod
    def _sent(call: Call) -> dict[str, Any]:
        sent = [{"id": uuid.uuid4().hex, "quoteToken": "q"} for _ in call.body["messages"]]
        return {"sentMessages": sent}

    @staticmethod
    def _invalid_messages(messages: Any) -> str | None:
        if not isinstance(messages, list) or not 1 <= len(messages) <= 5:
            return "Size must be between 1 and 5"
        for m in messages:
            if m.get("type") == "text" and not 1 <= len(m.get("text", "")) <= 5000:
                return "text length"
            if len((m.get("sender") or {}).get("name", "")) > 20:
                return "sender.name too long"
            items = (m.get("quickReply") or {}).get("items", [])
            if len(items) > 13:
                return "quickReply.items: Size must be between 1 and 13"
            for item in items:
                if not 1 <= len(item["action"].get("label", "")) <= 20:
                    return "label: Length must be between 1 and 20"
        return None

    async def _reply(self, request: web.Request) -> web.Response:
        call, failed = await self._record("reply", request)
        if failed is not None:  # (a Response is falsy: it is an empty mapping)
            return failed
        token = call.body.get("replyToken")
        if token in self.stale_tokens or token in self._used_tokens:
            return self._answer(call, 400, {"message": "Invalid reply token"})
        problem = self._invalid_messages(call.body.get("messages"))
        if problem:
            return self._answer(call, 400, self._bad_request(problem))
        self._used_tokens.add(token)
        return self._accept(call, 200, self._sent(call))

    async def _push(self, request: web.Request) -> web.Response:
        call, failed = await self._record("push", request)
        if failed is not None:  # (a Response is falsy: it is an empty mapping)
            return failed
        problem = self._invalid_messages(call.body.get("messages"))
        if problem:
            return self._answer(call, 400, self._bad_request(problem))
        key = call.retry_key
        if key is not None:
            try:
                uuid.UUID(key)
            except ValueError:
                invalid = "The value for the 'X-Line-Retry-Key' header is invalid"
                return self._answer(call, 400, {"message": invalid})
            if key in self._accepted_keys:
                return self._answer(
                    call, 409, {"message": "The retry key is already accepted"},
                    headers={"x-line-accepted-request-id": key},
                )
            self._accepted_keys.add(key)
        return self._accept(call, 200, self._sent(call))

    async def _profile(self, request: web.Request) -> web.Response:
        call, failed = await self._record("profile", request)
        if failed is not None:  # (a Response is falsy: it is an empty mapping)
            return failed
        user_id = request.match_info["user_id"]
        if user_id not in self.display_names:
            return self._answer(call, 404, {"message": "Not found"})
        name = self.display_names[user_id]
        return self._accept(call, 200, {"userId": user_id, "displayName": name, "language": "ja"})

    async def _loading(self, request: web.Request) -> web.Response:
        call, failed = await self._record("loading", request)
        if failed is not None:  # (a Response is falsy: it is an empty mapping)
            return failed
        seconds = call.body.get("loadingSeconds", 20)
        if not call.body.get("chatId") or seconds % 5 or not 5 <= seconds <= 60:
            return self._answer(call, 400, {"message": "The request body has 1 error(s)"})
        return self._accept(call, 202, {})
