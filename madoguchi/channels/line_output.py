"""What the bot and the operators say on LINE: collected into the turn's reply, or pushed,
each push with a retry key so that a retried push is delivered once."""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from rasa.core.channels.channel import OutputChannel

from madoguchi.channels import line_messages as lm
from madoguchi.channels.line_api import LineApi, LineApiError

logger = logging.getLogger(__name__)

CHANNEL = "line"
RETRY_KEYS = uuid.UUID("5b0d8c56-5a0f-4c52-9c0e-6c1f1d1a7e01")  # namespace of our retry keys


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
