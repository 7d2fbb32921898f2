"""The desk's 個人情報 routes: a customer's data found, exported and deleted on request.

Japan's APPI gives a customer the right to see (開示) and have deleted (削除) what the shop
holds of them. An operator finds the customer by a conversation's id (a LINE userId, a web
chat session id) or by a phone number given in the chat, and sees what is held, table by
table (`madoguchi.store.personal_data`); then downloads it as JSON, or deletes it all, Rasa's
tracker included (`madoguchi.store.privacy_requests`). Every search, export and deletion (refusals too) goes in the audit log
with who did it, when and from where; the log names the customer only by a hash of what was
searched, so it keeps no personal data after the deletion.

The customer's identifier goes in a POST body, never in the URL, so that no access log or
browser history keeps it. For logged-in operators only, as every desk route.

| call | what |
| --- | --- |
| `GET /api/privacy` | the retention periods of the rules file, the last automatic deletion, recent requests |
| `POST /api/privacy/search {"sender_id"} or {"phone"}` | the conversations found, and how many rows of each kind |
| `POST /api/privacy/export {…}` | everything held, as a JSON download |
| `POST /api/privacy/delete {…, "confirm": true}` | deletes it all; 409 while an operator has one of the chats |
"""

from __future__ import annotations

import asyncio
import json
from datetime import date, datetime
from typing import Any

from aiohttp import web

from madoguchi.desk.http import BROADCAST_KEY, DeskError, authenticated, client_address, json_object, json_response
from madoguchi.desk.shapes import CHANNEL_LABELS
from madoguchi.store import audit, personal_data, privacy_requests
from madoguchi.store.models import utcnow
from madoguchi.web.keys import DB_KEY, SETTINGS_KEY
from madoguchi.web.retention import ACTION as PURGE_ACTION
from madoguchi.web.timefmt import iso_jst

SEARCH, EXPORT, DELETE = "privacy_search", "privacy_export", "privacy_delete"
RECENT_REQUESTS = 10


def _customer(db, data: dict[str, Any]) -> personal_data.Customer:
    """The customer named by exactly one of `sender_id` and `phone`, else a 400."""
    given = {k: data.get(k) for k in ("sender_id", "phone") if data.get(k) not in (None, "")}
    if len(given) != 1:
        raise DeskError(400, "missing_field", "会話ID か電話番号の、どちらか一方を入力してください。")
    (kind, value), = given.items()
    if not isinstance(value, str) or not value.strip() or len(value) > personal_data.MAX_SENDER_CHARS or "\x00" in value:
        raise DeskError(400, "bad_field", "入力の形が正しくありません。")
    if kind == "sender_id":
        return personal_data.by_sender(db, value)
    customer = personal_data.by_phone(db, value)
    if customer is None:
        raise DeskError(400, "bad_phone", "電話番号の形ではありません。市外局番から入力してください（例：090-1234-5678）。")
    return customer


def _record(request: web.Request, operator: str, action: str, customer: personal_data.Customer,
            outcome: str = audit.OK, detail: str = "") -> None:
    audit.record(
        request.app[DB_KEY], actor=operator, action=action, outcome=outcome,
        target=customer.reference, address=client_address(request), detail=detail,
    )


def _jsonable(value: Any) -> Any:
    """Stored rows for the download: times in Japan time, the rest as it is."""
    if isinstance(value, datetime):
        return iso_jst(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def found_json(db, customer: personal_data.Customer) -> dict[str, Any]:
    """What the screen shows of a customer: conversations, counts, chats still open."""
    return {
        "by": customer.by,
        "conversations": [
            {
                "sender_id": c.sender_id,
                "channel": c.channel,
                "channel_label": CHANNEL_LABELS.get(c.channel or "", c.channel or "不明"),
                "display_name": c.display_name,
                "first_at": iso_jst(c.first_at),
                "last_at": iso_jst(c.last_at),
                "lines": c.lines,
                "handoff_ids": list(c.handoff_ids),
            }
            for c in personal_data.conversations(db, customer)
        ],
        "counts": personal_data.counts(db, customer),
        "open_handoffs": personal_data.open_handoffs(db, customer),
    }


def _nothing(counts: dict[str, int]) -> bool:
    return not any(n for kind, n in counts.items() if kind != "orders")


@authenticated
async def search(request: web.Request, operator: str) -> web.Response:
    """POST /api/privacy/search: whose data, and how much of it, the shop holds."""
    db = request.app[DB_KEY]
    customer = _customer(db, await json_object(request))
    body = await asyncio.to_thread(found_json, db, customer)
    found = not _nothing(body["counts"])
    await asyncio.to_thread(_record, request, operator, SEARCH, customer, detail="found" if found else "nothing")
    return json_response({**body, "found": found})


@authenticated
async def export(request: web.Request, operator: str) -> web.Response:
    """POST /api/privacy/export: everything held of the customer, as a JSON file."""
    db = request.app[DB_KEY]
    customer = _customer(db, await json_object(request))
    data = await asyncio.to_thread(privacy_requests.export, db, customer)
    counts = {kind: len(rows) for kind, rows in data.items()}
    if _nothing(counts):
        await asyncio.to_thread(_record, request, operator, EXPORT, customer, audit.REFUSED, "nothing")
        raise DeskError(404, "customer_not_found", "このお客さまの情報は見つかりませんでした。")
    now = utcnow()
    document = {
        "about": "お問い合わせ窓口が保有しているお客さまの情報です（個人情報保護法に基づく開示用）。時刻は日本時間です。",
        "exported_at": iso_jst(now),
        "exported_by": operator,
        **_jsonable(data),
    }
    await asyncio.to_thread(
        _record, request, operator, EXPORT, customer,
        detail=" ".join(f"{k}={n}" for k, n in counts.items() if n),
    )
    name = f"customer-data-{iso_jst(now)[:10].replace('-', '')}.json"
    return web.Response(
        text=json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json",
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"},
    )


@authenticated
async def delete(request: web.Request, operator: str) -> web.Response:
    """POST /api/privacy/delete {…, "confirm": true}: everything held of the customer, deleted."""
    db = request.app[DB_KEY]
    data = await json_object(request)
    customer = _customer(db, data)
    if data.get("confirm") is not True:
        raise DeskError(400, "confirm_required", "削除するときは、確認のうえ「削除する」を押してください。")
    handoff_ids = await asyncio.to_thread(personal_data.handoff_ids, db, customer)
    try:
        deleted = await asyncio.to_thread(privacy_requests.delete, db, customer)
    except privacy_requests.OpenHandoff as e:
        numbers = "、".join(f"No.{i}" for i in e.handoff_ids)
        await asyncio.to_thread(_record, request, operator, DELETE, customer, audit.REFUSED, "open_handoff")
        raise DeskError(
            409, "handoff_open",
            f"担当者が対応中の会話（{numbers}）があります。会話を終了するか、ボットに戻してから削除してください。",
        ) from None
    if not any(deleted.values()):
        await asyncio.to_thread(_record, request, operator, DELETE, customer, audit.REFUSED, "nothing")
        raise DeskError(404, "customer_not_found", "このお客さまの情報は見つかりませんでした。")
    await asyncio.to_thread(
        _record, request, operator, DELETE, customer,
        detail=" ".join(f"{k}={n}" for k, n in deleted.items() if n),
    )
    if handoff_ids:  # the consoles drop them from their lists
        await request.app[BROADCAST_KEY]([{"type": "handoffs_deleted", "handoff_ids": handoff_ids}])
    return json_response({"ok": True, "deleted": deleted, "handoff_ids": handoff_ids})


def _audit_json(entry: audit.Entry) -> dict[str, Any]:
    return {"at": iso_jst(entry.at), "actor": entry.actor, "action": entry.action, "outcome": entry.outcome, "detail": entry.detail}


def overview_json(request: web.Request) -> dict[str, Any]:
    from madoguchi.shop.rules import shop_rules

    db = request.app[DB_KEY]
    retention = shop_rules(str(request.app[SETTINGS_KEY].rules_file)).retention
    purges = audit.recent(db, limit=1, action=PURGE_ACTION)
    requests = [
        e for action in (DELETE, EXPORT)
        for e in audit.recent(db, limit=RECENT_REQUESTS, action=action, outcome=audit.OK)
    ]
    requests.sort(key=lambda e: e.id, reverse=True)
    return {
        "retention": {
            "conversations_days": retention.conversations_days,
            "catalog_requests_days": retention.catalog_requests_days,
            "purge_every_hours": retention.purge_every_hours,
        },
        "last_purge": _audit_json(purges[0]) if purges else None,
        "recent": [_audit_json(e) for e in requests[:RECENT_REQUESTS]],
    }


@authenticated
async def overview(request: web.Request, operator: str) -> web.Response:
    """GET /api/privacy: retention periods, the last automatic deletion, recent exports and deletions."""
    return json_response(await asyncio.to_thread(overview_json, request))


def add_routes(app: web.Application) -> None:
    app.router.add_get("/api/privacy", overview)
    app.router.add_post("/api/privacy/search", search)
    app.router.add_post("/api/privacy/export", export)
    app.router.add_post("/api/privacy/delete", delete)
