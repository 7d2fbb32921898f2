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

import logging
import time
import uuid
from datetime import timedelta
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from madoguchi.channels import line_messages as lm
from madoguchi.channels.line_api import LineApi, LineApiError
from madoguchi.channels.line_credentials import (
    CREDENTIAL_VARIABLES,
    SECRET_VARIABLE,
    TOKEN_VARIABLE,
    MissingLineCredentials,
    line_credentials,
)
from madoguchi.channels.line_output import CHANNEL, LineOutput, Turn, push_all
from madoguchi.channels.line_queues import CustomerQueues
from madoguchi.channels.before_rasa import before_rasa
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

REPLY_TOKEN_TTL = 50.0  # seconds: LINE accepts a reply token for about a minute
GREETING = "/greet"  # what a new friend says to the bot: the greet intent, without NLU
DRAIN_SECONDS = 20.0  # how long a stopping server waits for queued events
PROCESSED_EVENTS_DAYS = 7


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
        self._on_new_message = before_rasa(on_new_message, lambda: self.db)
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
