"""The desk's bridge to Rasa: operator messages, release and close as appended tracker events.

Every call appends events through Rasa's HTTP API with `output_channel` set to the
customer's channel and `execute_side_effects=true`, so Rasa itself sends the bot
events out on that channel and stores them in the tracker. Each bot event carries an
explicit timestamp; once Rasa has accepted the events, their transcript lines are
recorded here (`madoguchi.handoff.transcript.record`) under the same key as the event
broker's copy, so the two meet as one.

How long the desk waits: Rasa answers an append only after it has sent the bot events
out and saved the tracker, and sending to LINE is itself retried by the LINE channel
(`madoguchi.channels.line_api`: 4 attempts of up to 10 s each, with backoff or LINE's
Retry-After of up to 30 s between them). The desk used to give up after 10 s, the time
of one LINE attempt, and report a failure for events Rasa then applied. An append is now
given longer than all of that (`APPLY_TIMEOUT_SECONDS`); the operator is answered sooner
by `madoguchi.desk.idempotency`, which lets the append finish. Giving up early is worse
than slow: Rasa's server (Sanic) cancels a request whose client hung up, so an append cut
off after the push but before the save reaches the customer and is lost to the tracker.
When there is still no answer, `has_event` reads the tracker to tell applied from not.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any
from urllib.parse import quote

import aiohttp

from madoguchi.handoff import transcript
from madoguchi.handoff.transcript import lines_of, madoguchi_custom, operator_custom
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
# Deeper than what Rasa waits for while it applies an append: the conversation's lock,
# then a LINE push with its retries (4 x 10 s, plus up to 3 x 30 s of Retry-After).
APPLY_TIMEOUT_SECONDS = 150.0
READ_TIMEOUT_SECONDS = 10.0


class RasaUnavailable(Exception):
    """Rasa could not be reached, or did not accept the events (nothing was sent)."""


class RasaNoAnswer(RasaUnavailable):
    """Rasa got the request but gave no answer in time: the events may have been applied."""


def bot_event(
    timestamp: float,
    *,
    text: str | None = None,
    custom: dict[str, Any] | None = None,
    buttons: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """A Rasa `bot` event with an explicit timestamp (buttons: quick replies on every channel)."""
    data: dict[str, Any] = {}
    if custom is not None:
        data["custom"] = custom
    if buttons:
        data["buttons"] = buttons
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
        timeout: float = APPLY_TIMEOUT_SECONDS,
        read_timeout: float = READ_TIMEOUT_SECONDS,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.db = db
        self.timeout = timeout
        self.read_timeout = read_timeout
        self._session: aiohttp.ClientSession | None = None
        self._last_timestamp = 0.0

    async def aclose(self) -> None:
        """Close the HTTP session."""
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()  # each call sets its own timeout
        return self._session

    def next_timestamp(self) -> float:
        """A timestamp for the next action's events, never one this client used before."""
        stamp = round(max(time.time(), self._last_timestamp + 0.001), 6)
        # room for the few events of one action: the next action starts after them
        self._last_timestamp = stamp + 0.002
        return stamp

    def _timestamps(self, n: int, start: float | None = None) -> list[float]:
        """n increasing timestamps from `start` (a planned one) or from now."""
        start = self.next_timestamp() if start is None else start
        return [round(start + i * 0.001, 6) for i in range(n)]

    def _params(self, **params: str) -> dict[str, str]:
        return {**params, "token": self.token} if self.token else params

    async def has_event(self, sender_id: str, timestamp: float) -> bool:
        """Whether the conversation's tracker holds an event of this timestamp (one the desk sent)."""
        url = f"{self.base_url}/conversations/{quote(sender_id, safe='')}/tracker"
        try:
            async with self._http().get(
                url, params=self._params(include_events="ALL"),
                timeout=aiohttp.ClientTimeout(total=self.read_timeout),
            ) as response:
                if response.status != 200:
                    raise RasaUnavailable(f"Rasa answered {response.status} to a tracker read")
                tracker = await response.json()
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as e:
            raise RasaUnavailable(f"Rasa's tracker of {sender_id} cannot be read: {e!r}") from e
        events = tracker.get("events") if isinstance(tracker, dict) else None
        return any(isinstance(e, dict) and e.get("timestamp") == timestamp for e in events or [])

    async def _applied(
        self, sender_id: str, timestamp: float, unknown: type[Exception] | None = None
    ) -> bool:
        """`has_event`; a tracker that cannot be read is False, or raises `unknown` when given."""
        try:
            return await self.has_event(sender_id, timestamp)
        except RasaUnavailable as e:
            if unknown is not None:
                raise unknown(str(e)) from e
            return False

    async def append_events(self, sender_id: str, channel: str, events: list[dict[str, Any]]) -> None:
        """Append events to a conversation; Rasa sends its bot events out on `channel`."""
        url = f"{self.base_url}/conversations/{quote(sender_id, safe='')}/tracker/events"
        params = self._params(output_channel=channel or "rest", execute_side_effects="true")
        try:
            async with self._http().post(
                url, params=params, json=events, timeout=aiohttp.ClientTimeout(total=self.timeout)
            ) as response:
                if response.status != 200:
                    body = (await response.text())[:300]
                    raise RasaUnavailable(f"Rasa answered {response.status}: {body}")
        except aiohttp.ClientConnectorError as e:  # never connected: nothing was sent
            raise RasaUnavailable(f"Rasa cannot be reached at {self.base_url}: {e!r}") from e
        except (aiohttp.ClientError, asyncio.TimeoutError) as e:  # sent, but no answer
            raise RasaNoAnswer(f"no answer from Rasa at {self.base_url}: {e!r}") from e

    async def _append_and_record(
        self,
        sender_id: str,
        channel: str,
        events: list[dict[str, Any]],
        *,
        check_first: bool = False,
        author: str | None = None,
    ) -> list[Line]:
        """Append events (unless `check_first` finds them applied already) and record their lines.

        No answer in time (`RasaNoAnswer`) is settled by reading the tracker: events that
        are there were applied, whatever the HTTP call said.
        """
        first = events[0]["timestamp"]
        if not (check_first and await self._applied(sender_id, first, unknown=RasaNoAnswer)):
            try:
                await self.append_events(sender_id, channel, events)
            except RasaNoAnswer:
                if not await self._applied(sender_id, first):
                    raise
                logger.warning("Rasa applied the events for %s but answered late", sender_id)
        if self.db is not None:
            try:
                return transcript.record(self.db, sender_id, events, channel, author=author)
            except Exception:  # sent already; the event broker records its own copy
                logger.exception("could not record the desk's lines for %s", sender_id)
        return lines_of(sender_id, events, channel, author=author)

    async def send_operator_message(
        self,
        sender_id: str,
        channel: str,
        text: str,
        operator: str,
        *,
        shown_as: str = "",
        at: float | None = None,
        check_first: bool = False,
    ) -> Line:
        """Send an operator's message to the customer; returns its transcript line.

        The customer is shown `shown_as` (the operator's display name; the channels put
        担当者 before it), never the login name `operator`, which only the transcript keeps.
        """
        (stamp,) = self._timestamps(1, at)
        events = [bot_event(stamp, custom=operator_custom(text, shown_as))]
        lines = await self._append_and_record(
            sender_id, channel, events, check_first=check_first, author=operator
        )
        return lines[0]

    async def send_bot_message(
        self, sender_id: str, channel: str, text: str, buttons: list[dict[str, str]]
    ) -> list[Line]:
        """Send a message with buttons as the shop's (not an operator's): a callback offer."""
        (stamp,) = self._timestamps(1)
        return await self._append_and_record(sender_id, channel, [bot_event(stamp, text=text, buttons=buttons)])

    async def release(
        self, sender_id: str, channel: str, *, at: float | None = None, check_first: bool = False
    ) -> list[Line]:
        """Hand the conversation back to the bot: tell the customer, resume the tracker."""
        text_at, status_at = self._timestamps(2, at)
        events = [
            bot_event(text_at, text=RELEASE_TEXT),
            bot_event(status_at, custom=madoguchi_custom("status", state="released")),
            {"event": "resume", "timestamp": status_at + 0.0005},
            {"event": "slot", "name": "handoff_reason", "value": None, "timestamp": status_at + 0.0006},
            listen_event(status_at + 0.0007),
        ]
        return await self._append_and_record(sender_id, channel, events, check_first=check_first)

    async def close(
        self,
        sender_id: str,
        channel: str,
        *,
        at: float | None = None,
        check_first: bool = False,
        question: tuple[str, list[dict[str, str]]] | None = None,
    ) -> list[Line]:
        """Close the chat with the operator: tell the customer, ask `question` (a text and its
        buttons: 「解決しましたか」, `madoguchi.handoff.survey`), resume, forget the slots."""
        text_at, question_at, status_at = self._timestamps(3, at)
        asked = [bot_event(question_at, text=question[0], buttons=question[1])] if question else []
        events = [
            bot_event(text_at, text=CLOSE_TEXT),
            *asked,
            bot_event(status_at, custom=madoguchi_custom("status", state="closed")),
            {"event": "resume", "timestamp": status_at + 0.0005},
            {"event": "reset_slots", "timestamp": status_at + 0.0006},
            listen_event(status_at + 0.0007),
        ]
        return await self._append_and_record(sender_id, channel, events, check_first=check_first)
