"""One chat, one operator: who is 担当 of a handoff, taking it, and handing it to a colleague.

The first operator to write to the customer becomes 担当, as before; an operator can also take
a waiting chat before writing (`POST /api/handoffs/{id}/take`), or hand it to a named colleague
with a note (`POST /api/handoffs/{id}/transfer {"to", "note"}`). A reply, a take or a transfer
of a chat that another operator has is refused (409, `assigned_to_other`) unless the request
says it takes the chat over (`"takeover": true`), so two operators never answer the same
customer without knowing. 担当 changes by a compare-and-set on the handoff's row
(`handoffs.assign`), so this holds across web processes too. Takes, takeovers and transfers
are written to the audit log (`take`, `takeover` with `from=…`, `transfer` with `to=…`).
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any, Iterator

from aiohttp import web

from madoguchi.desk.http import (
    BROADCAST_KEY,
    DeskError,
    authenticated,
    client_address,
    json_object,
    json_response,
    load_handoff,
    require_open,
    text_field,
)
from madoguchi.desk.shapes import handoff_json, note_json, queue_positions
from madoguchi.desk.viewers import VIEWERS_KEY
from madoguchi.store import audit, handoffs, operators
from madoguchi.store.models import utcnow
from madoguchi.web.keys import DB_KEY

ASSIGNED = "assigned_to_other"
REFUSALS = {
    "message": "返信は送っていません。返信するには、担当を代わってください。",
    "take": "担当を代わるときは、確認のうえ「担当を代わる」を押してください。",
    "transfer": "ほかの方に引き継ぐには、担当を代わる確認が必要です。",
    "release": "ボットには戻していません。戻すには、担当を代わる確認が必要です。",
    "close": "会話は終了していません。終了するには、担当を代わる確認が必要です。",
}
ATTEMPTS = 3  # compare-and-set tries when others change the 担当 at the same moment


def assigned_elsewhere(handoff_id: int, holder: str, action: str) -> DeskError:
    return DeskError(
        409, ASSIGNED, f"受付番号 {handoff_id} は {holder} さんが担当しています。{REFUSALS[action]}"
    )


def hand(db, handoff_id: int, *, to: str, by: str, takeover: bool, action: str) -> str | None:
    """Make `to` the 担当 for `by` (the operator asking); who had it before.

    Allowed while nobody or `by` has it, or from anyone with `takeover`; else a 409.
    """
    for _ in range(ATTEMPTS):
        current = handoffs.get(db, handoff_id)
        require_open(current)
        previous = current.operator
        if previous == to:
            return previous
        if previous not in (None, by) and not takeover:
            raise assigned_elsewhere(handoff_id, previous, action)
        if handoffs.assign(db, handoff_id, to, expected=previous):
            return previous
    raise DeskError(409, "assignment_busy", "担当がいま変わったところです。画面を更新してからもう一度お試しください。")


def record(request: web.Request, operator: str, action: str, handoff_id: int, detail: str = "",
           outcome: str = audit.OK) -> None:
    audit.record(
        request.app[DB_KEY], actor=operator, action=action, outcome=outcome,
        target=f"handoff:{handoff_id}", address=client_address(request), detail=detail,
    )


def record_takeover(request: web.Request, operator: str, handoff_id: int, previous: str | None, via: str) -> None:
    """A chat taken from another operator: always in the audit log."""
    if previous not in (None, operator):
        record(request, operator, "takeover", handoff_id, f"from={previous} via={via}")


@contextlib.contextmanager
def writing(request: web.Request, handoff_id: int, operator: str, takeover: bool) -> Iterator[None]:
    """担当 for a reply: taken before it is sent, given back when it surely was not sent.

    The first to write becomes 担当 as before; a reply to another operator's chat is a 409
    unless it takes over. A reply Rasa surely did not send (a DeskError) leaves 担当 as it was.
    """
    db = request.app[DB_KEY]
    previous = hand(db, handoff_id, to=operator, by=operator, takeover=takeover, action="message")
    try:
        yield
    except DeskError:
        if previous != operator:
            handoffs.assign(db, handoff_id, previous, expected=operator)
        raise
    except BaseException:  # no answer from Rasa: the reply may have gone out, 担当 stays
        record_takeover(request, operator, handoff_id, previous, "message")
        raise
    record_takeover(request, operator, handoff_id, previous, "message")


def ending(current, operator: str, takeover: bool, action: str) -> None:
    """A release or close of another operator's chat is refused (409) unless it takes over
    (the caller writes the takeover to the audit log once the chat has ended)."""
    if current.operator not in (None, operator) and not takeover:
        raise assigned_elsewhere(current.id, current.operator, action)


def takeover_flag(data: dict[str, Any]) -> bool:
    """The request's `takeover` (false when absent); anything but a boolean is a 400."""
    value = data.get("takeover", False)
    if not isinstance(value, bool):
        raise DeskError(400, "bad_field", "「takeover」は true か false にしてください。")
    return value


async def request_body(request: web.Request) -> dict[str, Any]:
    """The JSON object of the request, or {} when it has no body."""
    return await json_object(request) if request.can_read_body else {}


async def _announce(request: web.Request, handoff_id: int, *more: dict[str, Any]) -> dict[str, Any]:
    """Push the handoff's new 担当 (and what else happened) to every console; its JSON."""
    db = request.app[DB_KEY]
    current = handoffs.get(db, handoff_id)
    body = handoff_json(current, now=utcnow(), position=queue_positions(db).get(handoff_id, 0),
                        names=handoffs.display_names(db, [current.sender_id]))
    await request.app[BROADCAST_KEY]([{"type": "handoff", "handoff": body}, *more])
    return body


async def _hand_for(request: web.Request, handoff_id: int, *, to: str, by: str, takeover: bool, action: str) -> str | None:
    """`hand` from a route; a refusal is written to the audit log before it is answered."""
    db = request.app[DB_KEY]
    try:
        return await asyncio.to_thread(hand, db, handoff_id, to=to, by=by, takeover=takeover, action=action)
    except DeskError as e:
        await asyncio.to_thread(record, request, by, action, handoff_id, e.code, audit.REFUSED)
        raise


@authenticated
async def take(request: web.Request, operator: str) -> web.Response:
    """POST /api/handoffs/{id}/take {"takeover"?}: the operator becomes 担当 before writing."""
    handoff = load_handoff(request)
    takeover = takeover_flag(await request_body(request))
    previous = await _hand_for(request, handoff.id, to=operator, by=operator, takeover=takeover, action="take")
    if previous == operator:
        return json_response({"ok": True, "unchanged": True, "handoff": await _announce(request, handoff.id)})
    if previous is None:
        await asyncio.to_thread(record, request, operator, "take", handoff.id)
    else:
        await asyncio.to_thread(record_takeover, request, operator, handoff.id, previous, "take")
    body = await _announce(request, handoff.id)
    return json_response({"ok": True, "took_over_from": previous, "handoff": body})


def transfer_note(by: str, to: str, text: str) -> str:
    return f"引き継ぎ（{by} → {to}）" + (f"：{text}" if text else "")


@authenticated
async def transfer(request: web.Request, operator: str) -> web.Response:
    """POST /api/handoffs/{id}/transfer {"to", "note"?, "takeover"?}: hand the chat to a colleague.

    The note is kept as a private note of the handoff and pushed to the consoles with the
    transfer, so the colleague reads it at once; the customer never sees it.
    """
    handoff = load_handoff(request)
    data = await json_object(request)
    takeover = takeover_flag(data)
    to = data.get("to")
    if not isinstance(to, str) or not to.strip():
        raise DeskError(400, "missing_field", "引き継ぐ相手（to）を指定してください。")
    to = to.strip()
    note_text = text_field(data, "note") if str(data.get("note") or "").strip() else ""
    db = request.app[DB_KEY]
    if to == operator:
        raise DeskError(400, "transfer_to_self", "ご自身には引き継げません。引き継ぐ相手を選んでください。")
    if not await asyncio.to_thread(operators.exists, db, to):
        raise DeskError(400, "unknown_operator", f"「{to}」というオペレーターはいません。")
    previous = await _hand_for(request, handoff.id, to=to, by=operator, takeover=takeover, action="transfer")
    note = await asyncio.to_thread(handoffs.add_note, db, handoff.id, operator, transfer_note(operator, to, note_text))
    await asyncio.to_thread(record_takeover, request, operator, handoff.id, previous, "transfer")
    await asyncio.to_thread(record, request, operator, "transfer", handoff.id, f"to={to}" + (f" from={previous}" if previous else ""))
    shown = note_json(note)
    told = {"type": "transfer", "handoff_id": handoff.id, "from": operator, "to": to, "note": shown, "text": note_text}
    body = await _announce(request, handoff.id, {"type": "note", "handoff_id": handoff.id, "note": shown}, told)
    return json_response({"ok": True, "handoff": body, "note": shown})


@authenticated
async def colleagues(request: web.Request, operator: str) -> web.Response:
    """GET /api/operators: whom a chat can be handed to, and who has the console open now."""
    online = set(request.app[VIEWERS_KEY].online())
    names = await asyncio.to_thread(operators.usernames, request.app[DB_KEY])
    return json_response([{"username": name, "online": name in online, "me": name == operator} for name in names])


def add_routes(app: web.Application, handoff_path: str) -> None:
    app.router.add_post(handoff_path + "/take", take)
    app.router.add_post(handoff_path + "/transfer", transfer)
    app.router.add_get("/api/operators", colleagues)
