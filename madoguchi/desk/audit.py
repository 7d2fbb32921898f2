"""GET /api/audit: the audit log for operators (logins, replies, releases, closes, takes,
takeovers and transfers of a chat)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from madoguchi.desk.http import DeskError, authenticated, json_response
from madoguchi.store import audit
from madoguchi.web.keys import DB_KEY
from madoguchi.web.timefmt import iso_jst

MAX_ROWS = 500


def entry_json(entry: audit.Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": iso_jst(entry.at),
        "actor": entry.actor,
        "action": entry.action,
        "target": entry.target,
        "address": entry.address,
        "outcome": entry.outcome,
        "detail": entry.detail,
    }


def _number(request: web.Request, name: str, default: int | None) -> int | None:
    value = request.query.get(name)
    if value is None or value == "":
        return default
    if not value.isdigit() or len(value) > 18:
        raise DeskError(400, "bad_query", f"「{name}」は数字で指定してください。")
    return int(value)


@authenticated
async def audit_log(request: web.Request, operator: str) -> web.Response:
    """GET /api/audit?limit=&action=&actor=&outcome=&before=: the newest entries first."""
    limit = min(_number(request, "limit", 100) or 100, MAX_ROWS)
    entries = audit.recent(
        request.app[DB_KEY],
        limit=limit,
        actor=request.query.get("actor") or None,
        action=request.query.get("action") or None,
        outcome=request.query.get("outcome") or None,
        before_id=_number(request, "before", None),
    )
    return json_response([entry_json(e) for e in entries])


def add_routes(app: web.Application) -> None:
    app.router.add_get("/api/audit", audit_log)
