"""An operator's desk session: who is logged in, and logging out.

Logging in, with its limit on wrong passwords, is `madoguchi.desk.login_limits`; checking
the session on every call is `madoguchi.desk.http`.
"""

from __future__ import annotations

from aiohttp import web

from madoguchi.desk.http import authenticate, authenticated, client_address, json_response
from madoguchi.desk.live import HUB_KEY
from madoguchi.store import audit, operators
from madoguchi.web.keys import DB_KEY


async def logout(request: web.Request) -> web.Response:
    """POST /api/logout: ends the session (and its live sockets)."""
    operator, token = authenticate(request)
    operators.logout(request.app[DB_KEY], token)
    audit.record(
        request.app[DB_KEY], actor=operator, action="logout", outcome=audit.OK,
        address=client_address(request),
    )
    await request.app[HUB_KEY].drop_token(token)
    return json_response({"ok": True})


@authenticated
async def me(request: web.Request, operator: str) -> web.Response:
    """GET /api/me: who is logged in."""
    return json_response({"username": operator})
