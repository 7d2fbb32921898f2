"""Calls to the LINE platform through line-bot-sdk, retried with backoff on 429 and 5xx.

One client per channel, built on first use inside the running event loop (the SDK opens
its aiohttp session when constructed). `LINE_API_BASE` (madoguchi.settings) points it at
a stand-in of the platform in tests.
"""

from __future__ import annotations

import asyncio
import logging
import random
from typing import Any, Awaitable, Callable, Sequence, TypeVar

import aiohttp
from linebot.v3.messaging import (
    AsyncApiClient,
    AsyncMessagingApi,
    Configuration,
    Message,
    PushMessageRequest,
    ReplyMessageRequest,
)
from linebot.v3.messaging.exceptions import ApiException

logger = logging.getLogger(__name__)

T = TypeVar("T")

LOADING_PATH = "/v2/bot/chat/loading/start"  # not in line-bot-sdk 3.1.0
INVALID_REPLY_TOKEN = "invalid reply token"
REQUEST_TIMEOUT = 10.0
MAX_RETRY_AFTER = 30.0
# Calls made at once. line-bot-sdk's pool holds 5 connections a core; a call waiting for one timed
# out inside its 10 seconds and was retried, so a burst of customers on a busy machine (200 at once,
# the LINE fuzz test on two test processes) piled retries on retries and left replies unsent. Calls
# now wait for a slot before their time runs, on as many connections.
CONCURRENT_CALLS = 32


class LineApiError(Exception):
    """A call to the LINE platform failed for good (after its retries, if it had any)."""

    def __init__(self, what: str, status: int | None, detail: str) -> None:
        super().__init__(f"LINE {what} failed ({status or 'no answer'}): {detail}")
        self.what = what
        self.status = status
        self.detail = detail


def _retryable(error: BaseException) -> bool:
    if isinstance(error, ApiException):
        return error.status == 429 or (error.status or 0) >= 500
    return isinstance(error, (aiohttp.ClientError, asyncio.TimeoutError))


def _retry_after(error: BaseException) -> float | None:
    headers = getattr(error, "headers", None) or {}
    value = headers.get("Retry-After") if hasattr(headers, "get") else None
    try:
        return min(float(value), MAX_RETRY_AFTER) if value is not None else None
    except ValueError:
        return None


def _describe(error: BaseException) -> tuple[int | None, str]:
    if isinstance(error, ApiException):
        body = error.body
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        return error.status, str(body or error.reason or "")
    return None, f"{type(error).__name__}: {error}"


class LineApi:
    """The LINE Messaging API calls the channel makes."""

    def __init__(
        self,
        access_token: str,
        api_base: str,
        *,
        attempts: int = 4,
        retry_delay: float = 0.5,
        timeout: float = REQUEST_TIMEOUT,
    ) -> None:
        self.access_token = access_token
        self.api_base = api_base.rstrip("/")
        self.attempts = max(1, attempts)
        self.retry_delay = retry_delay
        self.timeout = timeout
        self._client: AsyncApiClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._slots: asyncio.Semaphore | None = None
        self._slots_loop: asyncio.AbstractEventLoop | None = None

    def _api(self) -> AsyncMessagingApi:
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            configuration = Configuration(host=self.api_base, access_token=self.access_token)
            configuration.connection_pool_maxsize = CONCURRENT_CALLS
            self._client = AsyncApiClient(configuration)
            self._loop = loop
        return AsyncMessagingApi(self._client)

    def _slot(self) -> asyncio.Semaphore:
        """The calls' slots on this event loop."""
        self._api()  # the client, and so the loop, of now
        if self._slots is None or self._slots_loop is not self._loop:
            self._slots, self._slots_loop = asyncio.Semaphore(CONCURRENT_CALLS), self._loop
        return self._slots

    async def close(self) -> None:
        """Close the HTTP session (when the server stops)."""
        client, self._client = self._client, None
        if client is not None and self._loop is asyncio.get_running_loop():
            await client.close()

    async def _call(
        self, what: str, call: Callable[[], Awaitable[T]], *, attempts: int | None = None
    ) -> T:
        """Run a call, retrying 429, 5xx and network errors with exponential backoff."""
        attempts = attempts or self.attempts
        for attempt in range(1, attempts + 1):
            try:
                async with self._slot():  # waiting for a slot is no part of the call's time
                    return await asyncio.wait_for(call(), self.timeout)
            except Exception as error:  # noqa: BLE001 - sorted below
                status, detail = _describe(error)
                if not _retryable(error) or attempt == attempts:
                    raise LineApiError(what, status, detail) from error
                delay = _retry_after(error)
                if delay is None:
                    delay = self.retry_delay * 2 ** (attempt - 1) * (1 + random.random() / 4)
                logger.warning(
                    "LINE %s answered %s (attempt %d of %d); retrying in %.2f s: %s",
                    what, status or "nothing", attempt, attempts, delay, detail[:200],
                )
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")

    async def reply(self, reply_token: str, messages: Sequence[Message]) -> bool:
        """Reply with up to 5 messages; False when LINE says the token is stale or used."""
        request = ReplyMessageRequest(reply_token=reply_token, messages=list(messages))
        try:
            await self._call(
                "reply",
                lambda: self._api().reply_message(request, _request_timeout=self.timeout),
            )
        except LineApiError as error:
            if error.status == 400 and INVALID_REPLY_TOKEN in error.detail.lower():
                return False
            raise
        return True

    async def push(self, to: str, messages: Sequence[Message], retry_key: str) -> None:
        """Push up to 5 messages; every attempt carries the same retry key.

        LINE answers 409 when a request with that key was already accepted: the messages
        were delivered by an earlier attempt, so that counts as done.
        """
        request = PushMessageRequest(to=to, messages=list(messages))
        try:
            await self._call(
                "push",
                lambda: self._api().push_message(
                    request, x_line_retry_key=retry_key, _request_timeout=self.timeout
                ),
            )
        except LineApiError as error:
            if error.status == 409:
                logger.info("LINE push %s was already accepted; not sent again", retry_key)
                return
            raise

    async def display_name(self, user_id: str) -> str | None:
        """The user's LINE display name (profile API)."""
        profile = await self._call(
            "profile", lambda: self._api().get_profile(user_id, _request_timeout=self.timeout)
        )
        return profile.display_name

    async def show_loading(self, user_id: str, seconds: int = 20) -> None:
        """Show the loading animation in the user's chat (one try: it is only a courtesy)."""
        seconds = min(60, max(5, seconds - seconds % 5))

        def call() -> Awaitable[Any]:
            self._api()  # the client of this loop
            assert self._client is not None
            return self._client.call_api(
                LOADING_PATH,
                "POST",
                header_params={"Content-Type": "application/json"},
                body={"chatId": user_id, "loadingSeconds": seconds},
                response_types_map={},
                auth_settings=["Bearer"],
                _request_timeout=self.timeout,
            )

        await self._call("loading animation", call, attempts=1)
