"""The REST channel (`/webhooks/rest/webhook`): Rasa's own, refusing what is no customer message.

Registered in `credentials.yml` as `madoguchi.channels.rest.RestInput`; its name stays
`rest`, so its routes are Rasa's. Rasa's channel answers 500 (in English) to a JSON body
that is not an object, and files a message without `sender` under one conversation shared
by every such client (`default`). This one answers 400, with a short Japanese message in
JSON, when the body is not JSON, not a JSON object, has no `sender` (or one that is not a
non-empty string of at most 255 characters without control characters: Rasa's tracker
store keeps 255), has a `message` that is not a string, or `metadata` that is not an
object. A lone surrogate in the message (half of a UTF-16 pair, `\\ud800` in JSON) cannot
be stored as UTF-8; it becomes U+FFFD, as a UTF-8 decoder replaces a broken byte.
A 「解決しましたか」 answer is taken before Rasa (`madoguchi.channels.survey`). Everything
else, streaming included, is Rasa's.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any, Awaitable, Callable

from rasa.core.channels import rest
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from madoguchi.channels.before_rasa import before_rasa
from madoguchi.store import web_sessions
from madoguchi.store.db import database
from madoguchi.text import storable

MAX_SENDER = 255  # the sender_id column of Rasa's SQL tracker store

# What a broken client is told (it is a program, but its developer may read Japanese only).
NOT_JSON = "リクエストの本文をJSONで送ってください。"
NOT_OBJECT = "リクエストの本文はJSONのオブジェクト（{\"sender\": ..., \"message\": ...}）で送ってください。"
BAD_SENDER = "sender（会話を識別する文字列）を指定してください。"
OTHER_CHANNEL = "このsenderはチャットページかLINEの会話のものです。RESTでは別のsenderを指定してください。"
BAD_MESSAGE = "message（お客さまのメッセージ）は文字列で送ってください。"
BAD_METADATA = "metadataはJSONのオブジェクトで送ってください。"


class BadRequest(Exception):
    """The body is not a message this channel takes; `str()` says why, in Japanese."""


def bad_request(reason: str) -> HTTPResponse:
    """A 400 answer with a short Japanese explanation, in JSON."""
    return response.json({"error": "bad_request", "message": reason}, status=400)


def valid_sender(sender: Any) -> bool:
    """A conversation id: a non-blank string of at most 255 characters, no control characters."""
    return (
        isinstance(sender, str)
        and 0 < len(sender) <= MAX_SENDER
        and not sender.isspace()
        and not any(unicodedata.category(c) in ("Cc", "Cs") for c in sender)
    )


LINE_USER_ID = re.compile(r"U[0-9a-f]{32}")


def of_another_channel(sender: str) -> bool:
    """Whether a sender id has the shape of a web chat session or a LINE user: those
    conversations are written only from their own channel (no database read)."""
    return web_sessions.well_formed(sender) or LINE_USER_ID.fullmatch(sender) is not None


def message_of(body: bytes) -> dict[str, Any]:
    """The checked JSON object of a request body; BadRequest saying what is wrong."""
    try:
        payload = json.loads(body or b"")
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadRequest(NOT_JSON) from None
    if not isinstance(payload, dict):
        raise BadRequest(NOT_OBJECT)
    if not valid_sender(payload.get("sender")):
        raise BadRequest(BAD_SENDER)
    if of_another_channel(payload["sender"]):
        raise BadRequest(OTHER_CHANNEL)
    if not isinstance(payload.get("message"), str):
        raise BadRequest(BAD_MESSAGE)
    if not isinstance(payload.get("metadata", {}), (dict, type(None))):
        raise BadRequest(BAD_METADATA)
    return {**payload, "message": storable(payload["message"])}


class RestInput(rest.RestInput):
    """Rasa's REST channel, answering 400 in Japanese to a body that is not a message."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    async def _extract_sender(self, req: Request) -> str | None:
        return req.ctx.madoguchi_message["sender"]

    def _extract_message(self, req: Request) -> str | None:
        return req.ctx.madoguchi_message["message"]

    def _extract_input_channel(self, req: Request) -> str:
        channel = req.ctx.madoguchi_message.get("input_channel")
        return channel if isinstance(channel, str) and channel else self.name()

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        return request.ctx.madoguchi_message.get("metadata")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        """Rasa's routes, behind a check of the body that answers 400 before Rasa reads it."""
        webhook = super().blueprint(before_rasa(on_new_message, database))

        @webhook.on_request
        async def check_body(request: Request) -> HTTPResponse | None:
            if request.method != "POST":
                return None
            try:
                request.ctx.madoguchi_message = message_of(request.body)
            except BadRequest as error:
                return bad_request(str(error))
            return None

        return webhook
