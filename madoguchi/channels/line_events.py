"""LINE webhook requests: the signature check and the events they carry.

The signature is checked on the raw body, before anything is parsed. Events are read
from the JSON as LINE sends it rather than through line-bot-sdk 3.1.0's models: those
reject a whole event when LINE adds a message type they do not know, and an event we
cannot model still has to be answered politely and counted as handled. A field of an
unexpected type reads as missing: a signed body, however odd, never makes the webhook fail.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field
from typing import Any

from madoguchi.channels.rest import valid_sender

SIGNATURE_HEADER = "X-Line-Signature"


class MalformedBody(ValueError):
    """The body is not a LINE webhook payload (not JSON, or no list of events)."""


def signature_of(channel_secret: str, body: bytes) -> str:
    """The `X-Line-Signature` LINE computes for a body: base64 of its HMAC-SHA256."""
    digest = hmac.new(channel_secret.encode("utf-8"), body, hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def valid_signature(channel_secret: str, body: bytes, signature: str | None) -> bool:
    """The request was signed with the channel secret (a constant-time comparison)."""
    if not signature or not channel_secret:
        return False
    expected = signature_of(channel_secret, body).encode("ascii")
    return hmac.compare_digest(expected, signature.strip().encode("utf-8", "replace"))


@dataclass(frozen=True)
class LineEvent:
    """One webhook event, with what the channel needs of it."""

    type: str
    event_id: str | None
    user_id: str | None
    reply_token: str | None
    redelivery: bool
    timestamp_ms: int | None
    message: dict[str, Any] = field(default_factory=dict)
    postback_data: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)
    received: float = field(default_factory=time.monotonic)  # when the webhook brought it

    @property
    def message_type(self) -> str | None:
        """`text`, `sticker`, `image`, `location`... for message events."""
        kind = self.message.get("type") if self.type == "message" else None
        return kind if isinstance(kind, str) else None

    @property
    def message_id(self) -> str | None:
        """The message's id, or the event's when it has none."""
        return _text_or_none(self.message.get("id")) or self.event_id

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "LineEvent":
        source = _object(raw.get("source"))
        delivery = _object(raw.get("deliveryContext"))
        message = _object(raw.get("message"))
        postback = _object(raw.get("postback"))
        timestamp = raw.get("timestamp")
        return cls(
            type=raw["type"] if isinstance(raw.get("type"), str) else "",
            event_id=_text_or_none(raw.get("webhookEventId")),
            # only one-to-one chats: in a group the bot does not take part
            user_id=source["userId"] if source.get("type") == "user" and valid_sender(source.get("userId")) else None,
            reply_token=_text_or_none(raw.get("replyToken")),
            redelivery=bool(delivery.get("isRedelivery")),
            timestamp_ms=timestamp if isinstance(timestamp, int) else None,
            message=message,
            postback_data=_text_or_none(postback.get("data")),
            raw=raw,
        )


def _text_or_none(value: Any) -> str | None:
    return str(value) if isinstance(value, (str, int)) and str(value) else None


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def parse_events(body: bytes) -> list[LineEvent]:
    """The events of a (signature-checked) body; MalformedBody when it is not a payload."""
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise MalformedBody(f"not JSON: {error}") from error
    if not isinstance(payload, dict) or not isinstance(payload.get("events"), list):
        raise MalformedBody("no list of events")
    return [LineEvent.from_dict(e) for e in payload["events"] if isinstance(e, dict)]
