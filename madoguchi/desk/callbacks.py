"""The desk's phone callbacks: their queue, marking one done, and offering one from a chat.

`GET /api/callbacks` lists the callbacks customers booked (`madoguchi.channels.callback`
takes them), the earliest slot first, each with the number to call, the slot and the
handoff of its chat; `POST /api/callbacks/{id}/done` (or `/undone`) marks one called (or
not yet); `POST /api/handoffs/{id}/callback-offer` sends the customer the offer with its
button on their own channel, through Rasa as operators' messages go. Each is written to the
audit log, and the live consoles are told to read the queue again.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from typing import Any

from aiohttp import web

from madoguchi import clock
from madoguchi.desk.handoff_actions import HANDOFF_LOCKS_KEY, RASA_KEY
from madoguchi.desk.http import (
    BROADCAST_KEY,
    DeskError,
    authenticated,
    client_address,
    json_response,
    load_handoff,
    require_open,
)
from madoguchi.desk.shapes import CHANNEL_LABELS, line_json
from madoguchi.desk.rasa_client import RasaUnavailable
from madoguchi.handoff import callback as words
from madoguchi.shop.rules import shop_rules
from madoguchi.store import audit, callbacks, handoffs, transcripts
from madoguchi.store.callbacks import Callback
from madoguchi.web.keys import DB_KEY, SETTINGS_KEY
from madoguchi.web.timefmt import iso_jst

logger = logging.getLogger(__name__)

STATUSES = {
    "booked": (callbacks.BOOKED,),
    "done": (callbacks.DONE,),
    "cancelled": (callbacks.CANCELLED,),
    "all": (callbacks.BOOKED, callbacks.DONE, callbacks.CANCELLED),
}
NOT_OFFERED = "ボット（Rasa）に接続できず、お電話のご案内は送信されませんでした。もう一度お試しください。"


def _local(naive_utc: datetime | None) -> datetime | None:
    return naive_utc.replace(tzinfo=timezone.utc).astimezone(shop_rules().tz) if naive_utc else None


def callback_json(row: Callback, names: dict[str, str], now: datetime) -> dict[str, Any]:
    """A callback as the console shows it."""
    starts, ends = _local(row.starts_at), _local(row.ends_at)
    return {
        "id": row.id,
        "sender_id": row.sender_id,
        "channel": row.channel,
        "channel_label": CHANNEL_LABELS.get(row.channel, row.channel),
        "customer_name": names.get(row.sender_id),
        "handoff_id": row.handoff_id,
        "phone": row.phone,
        "phone_label": words.phone_text(row.phone) if row.phone else None,
        "starts_at": iso_jst(row.starts_at),
        "ends_at": iso_jst(row.ends_at),
        "slot_label": words.slot_text(starts, ends) if starts and ends else None,
        "status": row.status,
        "status_label": callbacks.STATUS_LABELS.get(row.status, row.status),
        "overdue": row.status == callbacks.BOOKED and row.ends_at is not None and row.ends_at < now,
        "booked_at": iso_jst(row.booked_at),
        "done_at": iso_jst(row.done_at),
        "done_by": row.done_by,
    }


def _json_of(request: web.Request, rows: list[Callback]) -> list[dict[str, Any]]:
    """The rows as JSON; a slot is past by the shop's clock (MADOGUCHI_NOW when set)."""
    db = request.app[DB_KEY]
    names = handoffs.display_names(db, [r.sender_id for r in rows])
    now = clock.at(request.app[SETTINGS_KEY].fixed_now).astimezone(timezone.utc).replace(tzinfo=None)
    return [callback_json(r, names, now) for r in rows]


@authenticated
async def listing(request: web.Request, operator: str) -> web.Response:
    """GET /api/callbacks?status=booked|done|cancelled|all: in time order, the earliest slot first."""
    status = request.query.get("status", "booked")
    if status not in STATUSES:
        raise DeskError(400, "bad_status", "status は booked / done / cancelled / all のいずれかにしてください。")
    db = request.app[DB_KEY]
    rows = await asyncio.to_thread(callbacks.listing, db, STATUSES[status])
    return json_response(_json_of(request, rows))


async def _changed(request: web.Request) -> None:
    await request.app[BROADCAST_KEY]([{"type": "callbacks"}])


def _marker(done: bool):
    @authenticated
    async def mark(request: web.Request, operator: str) -> web.Response:
        """POST /api/callbacks/{id}/done (or /undone): the customer was called (or not yet)."""
        callback_id = int(request.match_info["id"])
        db = request.app[DB_KEY]
        row = callbacks.mark_done(db, callback_id, operator, done) if callback_id < 2**63 else None
        if row is None:
            raise DeskError(404, "callback_not_found", f"お電話の予約 {callback_id} は見つかりません。")
        target, address = f"callback:{callback_id}", client_address(request)
        action = "callback_done" if done else "callback_undone"
        if row.status not in (callbacks.BOOKED, callbacks.DONE):
            audit.record(db, actor=operator, action=action, outcome=audit.REFUSED, target=target, address=address, detail=row.status)
            raise DeskError(409, "callback_not_booked", f"お電話の予約 {callback_id} は{callbacks.STATUS_LABELS[row.status]}です。")
        audit.record(db, actor=operator, action=action, outcome=audit.OK, target=target, address=address)
        await _changed(request)
        return json_response({"ok": True, "callback": _json_of(request, [row])[0]})

    return mark


@authenticated
async def offer(request: web.Request, operator: str) -> web.Response:
    """POST /api/handoffs/{id}/callback-offer: offer the customer a phone callback."""
    app, db = request.app, request.app[DB_KEY]
    handoff = load_handoff(request)
    text, buttons = words.offer()
    target, address = f"handoff:{handoff.id}", client_address(request)
    async with app[HANDOFF_LOCKS_KEY].hold(handoff.id):
        current = handoffs.get(db, handoff.id) or handoff
        try:
            require_open(current)
            lines = await app[RASA_KEY].send_bot_message(current.sender_id, current.channel, text, buttons)
        except DeskError as e:
            audit.record(db, actor=operator, action="callback_offer", outcome=audit.REFUSED, target=target, address=address, detail=e.code)
            raise
        except RasaUnavailable as e:
            logger.warning("the callback offer was not sent: %s", e)
            audit.record(db, actor=operator, action="callback_offer", outcome=audit.FAILED, target=target, address=address)
            raise DeskError(502, "rasa_unavailable", NOT_OFFERED) from None
    audit.record(db, actor=operator, action="callback_offer", outcome=audit.OK, target=target, address=address)
    stored = transcripts.stored(db, lines[0]) if lines else None
    return json_response({"ok": True, "line": line_json(stored) if stored else None}, status=201)


def add_routes(app: web.Application, handoff_path: str) -> None:
    one = r"/api/callbacks/{id:\d{1,19}}"
    app.router.add_get("/api/callbacks", listing)
    app.router.add_post(one + "/done", _marker(True))
    app.router.add_post(one + "/undone", _marker(False))
    app.router.add_post(handoff_path + "/callback-offer", offer)
