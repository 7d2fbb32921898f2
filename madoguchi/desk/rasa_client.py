"""The desk's bridge to Rasa: operator messages, release and close as appended tracker events.

Every call appends events through Rasa's HTTP API with `output_channel` set to the
customer's channel and `execute_side_effects=true`, so Rasa itself sends the bot
events out on that channel and stores them in the tracker. Each bot event carries an
explicit timestamp; once Rasa has accepted the events, their transcript lines are
recorded here under the same key as the event broker's copy, so the two meet as one.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any
from urllib.parse import quote

import aiohttp

from madoguchi.handoff.transcript import lines_of, madoguchi_custom, operator_custom
from madoguchi.store import transcripts
from madoguchi.store.db import Database
from madoguchi.store.transcripts import Line

logger = logging.getLogger(__name__)

RELEASE_TEXT = (
    "担当者との対応はここまでとなります。ありがとうございました。"
    "ここからは引き続き自動応答でご案内いたします。ほかにご用件がございましたら、どうぞお書きください。"
)
CLOSE_TEXT = (
    "担当者とのやり取りはこれで終了とさせていただきます。ご利用いただき、ありがとうございました。"
    "またご用件がございましたら、いつでもお気軽にお書きください。"
)
TIMEOUT_SECONDS = 10.0


class RasaUnavailable(Exception):
    """Rasa could not be reached, or did not accept the events (nothing was sent)."""


def bot_event(timestamp: float, *, text: str | None = None, custom: dict[str, Any] | None = None) -> dict[str, Any]:
    """A Rasa `bot` event with an explicit timestamp."""
    data: dict[str, Any] = {}
    if custom is not None:
        data["custom"] = custom
    return {"event": "bot", "text": text, "data": data, "metadata": {}, "timestamp": timestamp}


def listen_event(timestamp: float) -> dict[str, Any]:
    """`action_listen`, as Rasa logs before every customer message it predicts for.

    A paused conversation logs no action: without this, the customer's next message
    after a release or close follows `action_handoff`, a state no story has, and the
    policies fall back again and again (`action_fallback` until the prediction limit).
    """
    return {"event": "action", "name": "action_listen", "policy": None, "confidence": None, "timestamp": timestamp}


class RasaClient:
    """A small client of Rasa's HTTP API for the desk (one aiohttp session, built on first use)."""

    def __init__(
        self,
        base_url: str,
        token: str = "",
        db: Database | None = None,
        *,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.db = db
        self.timeout = timeout
        self._session: aiohttp.ClientSession | None = None
        self._last_timestamp = 0.0

    async def aclose(self) -> None:
        """Close the HTTP session."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.timeout)
            )
        return self._session

    def _timestamps(self, n: int) -> list[float]:
        """n increasing timestamps from now, never repeating one this client used before."""
        start = max(time.time(), self._last_timestamp + 0.001)
        stamps = [round(start + i * 0.001, 6) for i in range(n)]
        self._last_timestamp = stamps[-1]
        return stamps

    async def append_events(self, sender_id: str, channel: str, events: list[dict[str, Any]]) -> None:
        """Append events to a conversation; Rasa sends its bot events out on `channel`."""
        url = f"{self.base_url}/conversations/{quote(sender_id, safe='')}/tracker/events"
        params = {"output_channel": channel or "rest", "execute_side_effects": "true"}
        if self.token:
            params["token"] = self.token
        try:
            async with self._http().post(url, params=params, json=events) as response:
                if response.status != 200:
                    body = (await response.text())[:300]
                    raise RasaUnavailable(f"Rasa answered {response.status}: {body}")
        except (aiohttp.ClientError, asyncio.TimeoutError) as e:
            raise RasaUnavailable(f"Rasa cannot be reached at {self.base_url}: {e!r}") from e

    async def _append_and_record(
        self, sender_id: str, channel: str, events: list[dict[str, Any]]
    ) -> list[Line]:
        await self.append_events(sender_id, channel, events)
        lines = lines_of(sender_id, events, channel)
        if self.db is not None and lines:
            try:
                transcripts.record(self.db, lines)
            except Exception:  # sent already; the event broker records its own copy
                logger.exception("could not record the desk's lines for %s", sender_id)
        return lines

    async def send_operator_message(
        self, sender_id: str, channel: str, text: str, operator: str
    ) -> Line:
        """Send an operator's message to the customer; returns its transcript line."""
        (stamp,) = self._timestamps(1)
        events = [bot_event(stamp, custom=operator_custom(text, operator))]
        lines = await self._append_and_record(sender_id, channel, events)
        return lines[0]

    async def release(self, sender_id: str, channel: str) -> list[Line]:
        """Hand the conversation back to the bot: tell the customer, resume the tracker."""
        text_at, status_at = self._timestamps(2)
        events = [
            bot_event(text_at, text=RELEASE_TEXT),
            bot_event(status_at, custom=madoguchi_custom("status", state="released")),
            {"event": "resume", "timestamp": status_at + 0.0005},
            {"event": "slot", "name": "handoff_reason", "value": None, "timestamp": status_at + 0.0006},
            listen_event(status_at + 0.0007),
        ]
        return await self._append_and_record(sender_id, channel, events)

    async def close(self, sender_id: str, channel: str) -> list[Line]:
        """Close the chat with the operator: tell the customer, resume, forget the slots."""
        text_at, status_at = self._timestamps(2)
        events = [
            bot_event(text_at, text=CLOSE_TEXT),
            bot_event(status_at, custom=madoguchi_custom("status", state="closed")),
            {"event": "resume", "timestamp": status_at + 0.0005},
            {"event": "reset_slots", "timestamp": status_at + 0.0006},
            listen_event(status_at + 0.0007),
        ]
        return await self._append_and_record(sender_id, channel, events)
