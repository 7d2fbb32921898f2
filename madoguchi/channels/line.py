"""The LINE channel: customers on the shop's LINE official account, in Rasa's connector shape.

Registered in `credentials.yml` as `madoguchi.channels.line.LineInput`; its webhook is
`/webhooks/line/webhook`, its health route `/webhooks/line/`.

- The webhook checks `X-Line-Signature` on the raw body before parsing anything, and
  answers 200 at once: events are handled afterwards, in one ordered queue per customer.
- Each event is handled once: its `webhookEventId` is claimed in the database first, so a
  redelivery, a second instance or a restarted server does not answer it again.
- A turn's bot messages are collected and sent together: up to 5 in one reply while the
  reply token is fresh, the rest (or all, when the token is stale or used) pushed, each
  push with a retry key derived from the event so a retried push is delivered once.
- Operator messages arrive through `get_output_channel()` (the desk appends a bot event
  with `output_channel=line&execute_side_effects=true`) and are pushed at once.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Awaitable, Callable, Deque

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from madoguchi.channels import line_messages as lm
from madoguchi.channels.line_api import LineApi, LineApiError
from madoguchi.channels.line_events import (
    SIGNATURE_HEADER,
    LineEvent,
    MalformedBody,
    parse_events,
    valid_signature,
)
from madoguchi.text import storable
from madoguchi.handoff.presence import with_person
from madoguchi.store import channel_events
from madoguchi.store.db import Database, database
from madoguchi.store.models import utcnow

logger = logging.getLogger(__name__)

CHANNEL = "line"
SECRET_VARIABLE = "LINE_CHANNEL_SECRET"
TOKEN_VARIABLE = "LINE_CHANNEL_ACCESS_TOKEN"
CREDENTIAL_VARIABLES = {"channel_secret": SECRET_VARIABLE, "access_token": TOKEN_VARIABLE}
REPLY_TOKEN_TTL = 50.0  # seconds: LINE accepts a reply token for about a minute
RETRY_KEYS = uuid.UUID("5b0d8c56-5a0f-4c52-9c0e-6c1f1d1a7e01")  # namespace of our retry keys
GREETING = "/greet"  # what a new friend says to the bot: the greet intent, without NLU
DRAIN_SECONDS = 20.0  # how long a stopping server waits for queued events
PROCESSED_EVENTS_DAYS = 7


class MissingLineCredentials(RasaException):
    """The LINE channel secret or access token is not set."""


def _resolve(value: Any) -> str:
    """A credentials value; `${VAR}` left as written is read from madoguchi's settings.

    Rasa expands `${VAR}` only in unquoted YAML values; our `credentials.yml` quotes them,
    so the channel reads the variables itself, from the environment or `.env`.
    """
    text = "" if value is None else str(value).strip()
    if text.startswith("${") and text.endswith("}"):
        from madoguchi.settings import settings

        name = text[2:-1]
        current = settings()
        known = {
            SECRET_VARIABLE: current.line_channel_secret,
            TOKEN_VARIABLE: current.line_access_token,
        }
        return known.get(name, "").strip()
    return text


def line_credentials(credentials: dict[str, Any] | None) -> tuple[str, str]:
    """The channel secret and access token; MissingLineCredentials naming what is missing."""
    credentials = credentials or {}
    values = {key: _resolve(credentials.get(key)) for key in CREDENTIAL_VARIABLES}
    missing = [CREDENTIAL_VARIABLES[key] for key, value in values.items() if not value]
    if missing:
        raise MissingLineCredentials(
            f"The LINE channel needs {' and '.join(missing)}: set "
            f"{'them' if len(missing) > 1 else 'it'} in the environment or in .env "
            f"(LINE Developers console, Messaging API channel; see docs/line.md)."
        )
    return values["channel_secret"], values["access_token"]


@dataclass
class Turn:
    """One event being answered: its reply token and the bot messages collected for it."""

    user_id: str
    event_id: str
    reply_token: str | None
    received: float = field(default_factory=time.monotonic)
    messages: list[lm.Message] = field(default_factory=list)


class LineOutput(OutputChannel):
    """Sends to one LINE user: collected into the turn's reply, or pushed at once."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    def __init__(self, api: LineApi, turn: Turn | None = None) -> None:
        self.api = api
        self.turn = turn

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """Sends one bot (or operator) response; its parts become LINE messages."""
        messages = lm.messages_for(message)
        if not messages:
            return
        if self.turn is not None and self.turn.user_id == recipient_id:
            self.turn.messages.extend(messages)
            return
        await push_all(self.api, recipient_id, messages, _retry_seed(recipient_id, message))

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {**kwargs, "text": text})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self.send_response(recipient_id, {**kwargs, "text": text, "buttons": buttons})

    async def send_quick_replies(
        self, recipient_id: str, text: str, quick_replies: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self.send_response(recipient_id, {**kwargs, "text": text, "buttons": quick_replies})

    async def send_image_url(self, recipient_id: str, image: str, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {**kwargs, "image": image})

    async def send_attachment(self, recipient_id: str, attachment: str, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {**kwargs, "attachment": attachment})

    async def send_elements(self, recipient_id: str, elements: Any, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {**kwargs, "elements": list(elements)})

    async def send_custom_json(
        self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any
    ) -> None:
        # Only the payload: a response's text is sent by send_response, never twice.
        custom = {"custom": json_message, "timestamp": kwargs.get("timestamp")}
        await self.send_response(recipient_id, custom)


def _retry_seed(recipient_id: str, message: dict[str, Any]) -> str:
    """What makes a pushed response unique: its Rasa event (timestamp), else a fresh id.

    The desk's retry of the same operator event carries the same timestamp, so the same
    retry key, and LINE delivers it once.
    """
    timestamp = message.get("timestamp")
    if timestamp is None:
        return f"{recipient_id}/{uuid.uuid4()}"
    ours = lm.madoguchi_payload(message.get("custom")) or {}
    words = ours.get("text") or message.get("text") or ""
    return "\x1f".join([recipient_id, repr(timestamp), str(ours.get("operator") or ""), str(words)])


def retry_key(seed: str, index: int) -> str:
    """The X-Line-Retry-Key of the `index`-th push of something: a UUID derived from it."""
    return str(uuid.uuid5(RETRY_KEYS, f"{seed}\x1f{index}"))


async def push_all(api: LineApi, user_id: str, messages: list[lm.Message], seed: str) -> bool:
    """Push messages in calls of 5; failures are logged with what was not delivered."""
    delivered = True
    for index, chunk in enumerate(lm.chunks(messages)):
        try:
            await api.push(user_id, chunk, retry_key(seed, index))
        except LineApiError as error:
            delivered = False
            logger.error(
                "LINE push to %s not delivered (%s): %s", user_id, error, lm.texts_of(chunk)
            )
    return delivered


class CustomerQueues:
    """One queue per customer: their events are handled in order, customers in parallel."""

    def __init__(self, handle: Callable[[LineEvent], Awaitable[None]]) -> None:
        self._handle = handle
        self._queues: dict[str, Deque[LineEvent]] = {}
        self._workers: dict[str, asyncio.Task] = {}

    def put(self, key: str, event: LineEvent) -> None:
        """Queue an event; starts the customer's worker when it is not running."""
        self._queues.setdefault(key, deque()).append(event)
        if key not in self._workers:
            self._workers[key] = asyncio.get_running_loop().create_task(self._work(key))

    async def _work(self, key: str) -> None:
        queue = self._queues[key]
        try:
            while queue:
                event = queue.popleft()
                try:
                    await self._handle(event)
                except Exception:  # one event's failure must not stop the customer's queue
                    logger.exception("LINE event %s of %s failed", event.event_id, key)
        finally:
            self._queues.pop(key, None)
            self._workers.pop(key, None)

    def pending(self) -> int:
        """Events queued or being handled."""
        return sum(len(q) for q in self._queues.values()) + len(self._workers)

    def queued(self) -> list[LineEvent]:
        """Events waiting for their turn."""
        return [event for queue in self._queues.values() for event in queue]

    async def drain(self, timeout: float | None = None) -> bool:
        """Wait until every queue is empty; False when the timeout came first."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._workers:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                return False
            await asyncio.wait(list(self._workers.values()), timeout=remaining)
        return True


class LineInput(InputChannel):
    """LINE Messaging API webhook: customers' messages to Rasa, Rasa's answers to LINE."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> "LineInput":
        """The channel from its `credentials.yml` block.

        A block without `channel_secret` and `access_token` is a configuration error and
        refused. Keys present but empty (no LINE account on a developer's machine) start a
        channel that answers 503 until LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN
        are set, so the rest of the Rasa server still runs.
        """
        absent = [v for k, v in CREDENTIAL_VARIABLES.items() if k not in (credentials or {})]
        if absent:
            raise MissingLineCredentials(
                "The LINE channel's block in credentials.yml needs `channel_secret: "
                f'"${{{SECRET_VARIABLE}}}"` and `access_token: "${{{TOKEN_VARIABLE}}}"` '
                f"(missing: {', '.join(absent)})."
            )
        try:
            secret, token = line_credentials(credentials)
        except MissingLineCredentials as error:
            logger.warning("%s The LINE webhook answers 503 until then.", error)
            return cls("", "", problem=str(error))
        return cls(secret, token)

    def __init__(
        self,
        channel_secret: str,
        access_token: str,
        *,
        api_base: str | None = None,
        db: Database | None = None,
        reply_token_ttl: float = REPLY_TOKEN_TTL,
        retry_delay: float = 0.5,
        attempts: int = 4,
        problem: str | None = None,
    ) -> None:
        if api_base is None:
            from madoguchi.settings import settings

            api_base = settings().line_api_base
        self.channel_secret = channel_secret
        self.problem = problem
        if not problem and not (channel_secret and access_token):
            line_credentials({"channel_secret": channel_secret, "access_token": access_token})
        self.api = LineApi(access_token, api_base, attempts=attempts, retry_delay=retry_delay)
        self.reply_token_ttl = reply_token_ttl
        self._db = db
        self._on_new_message: Callable[[UserMessage], Awaitable[Any]] | None = None
        self.queues = CustomerQueues(self._handle_event)
        self._profiles_tried: set[str] = set()

    @property
    def configured(self) -> bool:
        """The channel has its secret and token (otherwise its webhook answers 503)."""
        return self.problem is None

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = database()
        return self._db

    # -- Rasa's side -----------------------------------------------------------------

    def get_output_channel(self) -> OutputChannel | None:
        """Where Rasa sends what is not an answer to a webhook event (operators' messages)."""
        if not self.configured:
            logger.error("LINE message not sent: %s", self.problem)
            return None
        return LineOutput(self.api)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Health route `/` and webhook route `/webhook`, under `/webhooks/line`."""
        self._on_new_message = on_new_message
        line_webhook = Blueprint("line_webhook", __name__)

        @line_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            if not self.configured:
                return self._not_configured()
            return response.json({"status": "ok"})

        @line_webhook.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            return self.receive(request.body or b"", request.headers.get(SIGNATURE_HEADER))

        @line_webhook.listener("before_server_start")
        async def forget_old_events(_app: Any, _loop: Any) -> None:
            if self.configured:
                try:
                    cutoff = utcnow() - timedelta(days=PROCESSED_EVENTS_DAYS)
                    channel_events.prune_events(self.db, cutoff)
                except Exception:
                    logger.exception("could not prune handled LINE events")

        @line_webhook.listener("before_server_stop")
        async def finish_queued_events(_app: Any, _loop: Any) -> None:
            if not await self.queues.drain(DRAIN_SECONDS):
                for event in self.queues.queued():
                    logger.error(
                        "server stopping: LINE %s event %s of %s not handled; it said: %r",
                        event.type, event.event_id, event.user_id, event.message.get("text"),
                    )
            await self.api.close()

        return line_webhook

    def _not_configured(self) -> HTTPResponse:
        return response.json(
            {"error": "line_channel_not_configured", "message": self.problem}, status=503
        )

    def receive(self, body: bytes, signature: str | None) -> HTTPResponse:
        """Check and queue a webhook request; the answer never waits for the bot."""
        if not self.configured:
            return self._not_configured()
        if not signature:
            logger.warning("LINE webhook: request without %s refused", SIGNATURE_HEADER)
            return response.json({"error": "missing signature"}, status=400)
        if not valid_signature(self.channel_secret, body, signature):
            logger.warning("LINE webhook: request with a wrong signature refused")
            return response.json({"error": "invalid signature"}, status=400)
        try:
            events = parse_events(body)
        except MalformedBody as error:
            logger.warning("LINE webhook: signed body is not a webhook payload (%s)", error)
            return response.json({"error": "malformed body"}, status=400)
        for event in events:
            if event.user_id is None:
                logger.debug("LINE %s event outside a one-to-one chat (or without a userId) skipped", event.type)
                continue
            self.queues.put(event.user_id, event)
        return response.json({"status": "ok"})

    # -- handling an event, in the customer's queue ---------------------------------

    async def _handle_event(self, event: LineEvent) -> None:
        if event.event_id is None:
            logger.warning("LINE %s event without webhookEventId: redeliveries unknown", event.type)
        elif not channel_events.claim_event(self.db, event.event_id, CHANNEL):
            logger.info(
                "LINE event %s already handled (%s); skipped",
                event.event_id, "redelivery" if event.redelivery else "duplicate",
            )
            return
        elif event.redelivery:
            logger.info("LINE event %s redelivered, never handled: handling it", event.event_id)
        user_id = event.user_id
        assert user_id is not None
        if event.type == "unfollow":
            channel_events.set_following(self.db, user_id, CHANNEL, False)
            logger.info("LINE user %s blocked the account", user_id)
            return
        if event.type == "follow":
            channel_events.set_following(self.db, user_id, CHANNEL, True)
        if event.type not in ("message", "postback", "follow"):
            logger.debug("LINE %s event not handled", event.type)
            return
        await self._remember_display_name(user_id)
        turn = Turn(
            user_id,
            event.event_id or uuid.uuid4().hex,
            self._usable_token(event),
            received=event.received,
        )
        try:
            await self._answer(event, turn)
        finally:
            await self._deliver(turn)

    def _usable_token(self, event: LineEvent) -> str | None:
        """The reply token, unless the event is a redelivery that has waited too long."""
        if event.redelivery and event.timestamp_ms is not None:
            age = time.time() - event.timestamp_ms / 1000
            if age > self.reply_token_ttl:
                return None
        return event.reply_token

    async def _answer(self, event: LineEvent, turn: Turn) -> None:
        handed_off = with_person(self.db, turn.user_id) is not None
        if event.type == "follow":
            await self._to_bot(GREETING, event, turn, handed_off)
            return
        if event.type == "postback":
            if event.postback_data:
                await self._to_bot(event.postback_data, event, turn, handed_off)
            return
        kind = event.message_type
        text = event.message.get("text") if kind == "text" else None
        if isinstance(text, str):
            await self._to_bot(text, event, turn, handed_off)
        elif kind == "location" and lm.location_text(event.message):
            await self._to_bot(lm.location_text(event.message) or "", event, turn, handed_off)
        elif handed_off:
            # The operator reads it in the transcript; the bot stays silent while paused.
            placeholder = lm.PLACEHOLDERS.get(kind or "", "（メッセージが送信されました）")
            await self._to_bot(placeholder, event, turn, handed_off)
        elif kind == "sticker":
            turn.messages.append(lm.text_message(lm.STICKER_ANSWER))
        elif kind in lm.MEDIA_TYPES:
            turn.messages.append(lm.text_message(lm.MEDIA_ANSWER))
        elif kind == "location":
            turn.messages.append(lm.text_message(lm.LOCATION_WITHOUT_ADDRESS_ANSWER))
        else:
            turn.messages.append(lm.text_message(lm.OTHER_ANSWER))

    async def _to_bot(self, text: str, event: LineEvent, turn: Turn, handed_off: bool) -> None:
        """Hand the customer's words to Rasa; if that fails, log them and apologize.

        Blank words go too: the bot asks for the customer's request. A lone surrogate (from
        a `\\ud800` in the JSON) cannot be stored; it goes as U+FFFD."""
        text = storable(text)
        if self._on_new_message is None:
            raise RuntimeError("LINE channel used before its blueprint was registered")
        if not handed_off:
            try:
                await self.api.show_loading(turn.user_id)
            except LineApiError as error:
                logger.info("no loading animation for %s: %s", turn.user_id, error)
        message = UserMessage(
            text,
            LineOutput(self.api, turn),
            turn.user_id,
            input_channel=CHANNEL,
            message_id=event.message_id,
            metadata={
                "line": {
                    "webhook_event_id": event.event_id,
                    "event": event.type,
                    "message_type": event.message_type,
                    "redelivery": event.redelivery,
                }
            },
        )
        try:
            await self._on_new_message(message)
        except Exception:
            logger.exception(
                "LINE message of %s (event %s) not handled by the bot; it said: %r",
                turn.user_id, event.event_id, text,
            )
            if not handed_off:
                turn.messages.append(lm.text_message(lm.FAILURE_ANSWER))

    async def _remember_display_name(self, user_id: str) -> None:
        """Fetch the display name the first time the customer shows up, and keep it."""
        if user_id in self._profiles_tried:
            return
        self._profiles_tried.add(user_id)
        if channel_events.display_name(self.db, user_id):
            return
        try:
            name = await self.api.display_name(user_id)
        except LineApiError as error:
            logger.warning("LINE profile of %s not fetched: %s", user_id, error)
            return
        channel_events.save_display_name(self.db, user_id, CHANNEL, name)

    async def _deliver(self, turn: Turn) -> None:
        """Send the turn's messages: the first 5 as the reply while it is fresh, the rest pushed."""
        messages = lm.quick_replies_last(turn.messages)
        turn.messages = []
        if not messages:
            return
        token, turn.reply_token = turn.reply_token, None
        if token and time.monotonic() - turn.received < self.reply_token_ttl:
            head = messages[: lm.MAX_MESSAGES_PER_CALL]
            try:
                if await self.api.reply(token, head):
                    messages = messages[len(head):]
                else:
                    logger.info("LINE reply token of %s stale or used: pushing", turn.event_id)
            except LineApiError as error:
                logger.warning("LINE reply for %s failed (%s): pushing", turn.event_id, error)
        if messages:
            await push_all(self.api, turn.user_id, messages, f"event\x1f{turn.event_id}")
