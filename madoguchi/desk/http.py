"""What every desk route shares: JSON answers and errors, the operator's session, request bodies.

Every /api/ answer is JSON, errors included (`{"error": code, "message": 日本語}`); every
call but login needs `Authorization: Bearer <token>`.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from typing import Any, Awaitable, Callable

from aiohttp import web

from madoguchi.store import handoffs, operators
from madoguchi.store.models import Handoff
from madoguchi.web.keys import DB_KEY

logger = logging.getLogger("madoguchi.desk.api")

MAX_TEXT_CHARS = 2000

# Pushes messages to every live console (the live hub's `broadcast`, set by
# `madoguchi.desk.live.add_hub`): routes reach the consoles through it without importing the hub.
Broadcast = Callable[[list[dict[str, Any]]], Awaitable[None]]
BROADCAST_KEY = web.AppKey("desk_broadcast", Broadcast)

_dumps = functools.partial(json.dumps, ensure_ascii=False)


class DeskError(Exception):
    """An error answered as JSON: a status, a short code and a Japanese message."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response(
        data, status=status, dumps=_dumps, headers={"Cache-Control": "no-store", **(headers or {})}
    )


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> web.Response:
    response = web.json_response(
        {"error": code, "message": message}, status=status, dumps=_dumps,
        headers={"Cache-Control": "no-store", **(headers or {})},
    )
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="madoguchi-desk"'
    return response


HTTP_MESSAGES = {
    404: ("not_found", "見つかりません。"),
    405: ("method_not_allowed", "この操作はできません。"),
    413: ("too_large", "送信内容が大きすぎます。"),
}


@web.middleware
async def desk_errors(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]):
    """Under /api/: every error as JSON, never a stack trace."""
    if not request.path.startswith("/api/"):
        return await handler(request)
    try:
        return await handler(request)
    except DeskError as e:
        return error_response(e.status, e.code, e.message, e.headers)
    except web.HTTPException as e:
        if e.status < 400:
            raise
        code, message = HTTP_MESSAGES.get(e.status, ("http_error", "リクエストを処理できませんでした。"))
        return error_response(e.status, code, message)
    except asyncio.CancelledError:
        raise
    except Exception:
        logger.exception("desk API error on %s %s", request.method, request.path)
        return error_response(500, "internal_error", "サーバーで問題が起きました。しばらくしてからもう一度お試しください。")


def client_address(request: web.Request) -> str:
    """The address the request came from, as the socket saw it (a proxy's header is not trusted)."""
    return request.remote or ""


def bearer_token(request: web.Request) -> str:
    """The token of `Authorization: Bearer <token>`, '' when there is none."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def authenticate(request: web.Request, token: str | None = None) -> tuple[str, str]:
    """(operator's name, token) of a live session, else a 401."""
    token = bearer_token(request) if token is None else token
    if not token:
        raise DeskError(401, "unauthorized", "ログインしてください。")
    if len(token) > 256:
        raise DeskError(401, "unauthorized", "ログインの有効期限が切れています。もう一度ログインしてください。")
    username = operators.by_token(request.app[DB_KEY], token)
    if not username:
        raise DeskError(401, "unauthorized", "ログインの有効期限が切れています。もう一度ログインしてください。")
    return username, token


def authenticated(handler):
    """Route decorator: the handler gets the operator's name; 401 without a live session."""

    @functools.wraps(handler)
    async def wrapper(request: web.Request) -> web.StreamResponse:
        username, _ = authenticate(request)
        return await handler(request, username)

    return wrapper


async def json_object(request: web.Request) -> dict[str, Any]:
    """The request body as a JSON object, else a 400."""
    try:
        raw = await request.read()
        data = json.loads(raw.decode("utf-8")) if raw else None
    except (ValueError, UnicodeDecodeError):
        raise DeskError(400, "bad_json", "送信内容が JSON ではありません。") from None
    if not isinstance(data, dict):
        raise DeskError(400, "bad_json", "送信内容は JSON のオブジェクト（{...}）にしてください。")
    return data


def text_field(data: dict[str, Any], name: str = "text", limit: int = MAX_TEXT_CHARS) -> str:
    """A required, non-empty string field of at most `limit` characters (trimmed)."""
    value = data.get(name)
    if value is None:
        raise DeskError(400, "missing_field", f"「{name}」がありません。")
    if not isinstance(value, str):
        raise DeskError(400, "bad_field", f"「{name}」は文字列にしてください。")
    value = value.strip()
    if not value:
        raise DeskError(400, "empty_text", "本文が空です。")
    if len(value) > limit:
        raise DeskError(400, "text_too_long", f"本文が長すぎます（{len(value)}文字）。{limit}文字以内にしてください。")
    if "\x00" in value:
        raise DeskError(400, "bad_field", f"「{name}」に使えない文字が含まれています。")
    return value


def load_handoff(request: web.Request) -> Handoff:
    """The handoff named in the path, else a 404."""
    handoff_id = int(request.match_info["id"])
    handoff = handoffs.get(request.app[DB_KEY], handoff_id) if handoff_id < 2**63 else None
    if handoff is None:
        raise DeskError(404, "handoff_not_found", f"受付番号 {handoff_id} は見つかりません。")
    return handoff


def require_open(handoff: Handoff) -> None:
    if handoff.status != handoffs.OPEN:
        state = "ボットに戻されています" if handoff.status == handoffs.RELEASED else "終了しています"
        raise DeskError(409, "handoff_not_open", f"受付番号 {handoff.id} はすでに{state}。")


