"""What operators do to a handoff through Rasa: write to the customer, release, close.

Writing makes the operator 担当 of the chat, or is refused when another operator has it
(`madoguchi.desk.assignment`).

Each action runs once per Idempotency-Key (`madoguchi.desk.idempotency`), one at a time
per handoff, and is written to the audit log. Releasing a released handoff, or closing a
closed one, changes nothing and says so (200, `"unchanged": true`).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiohttp import web

from madoguchi.desk import assignment
from madoguchi.desk.http import (
    DeskError,
    authenticated,
    client_address,
    json_object,
    load_handoff,
    require_open,
    text_field,
)
from madoguchi.desk.idempotency import Attempt, NotKnown, Operations, Outcome, fingerprint
from madoguchi.desk.locks import KeyedLocks
from madoguchi.desk.rasa_client import RasaClient, RasaNoAnswer, RasaUnavailable
from madoguchi.desk.shapes import handoff_json, line_json
from madoguchi.handoff import survey
from madoguchi.store import audit, handoffs, operators, surveys, transcripts
from madoguchi.store.models import Handoff, utcnow
from madoguchi.web.keys import DB_KEY, SETTINGS_KEY
from madoguchi.web.timefmt import iso_jst

logger = logging.getLogger(__name__)

RASA_KEY = web.AppKey("desk_rasa", RasaClient)
OPERATIONS_KEY = web.AppKey("desk_operations", Operations)
HANDOFF_LOCKS_KEY = web.AppKey("desk_handoff_locks", KeyedLocks)

NOT_SENT = "ボット（Rasa）に接続できず、メッセージは送信されませんでした。もう一度お試しください。"
NOT_DONE = "ボット（Rasa）に接続できず、操作は完了していません。もう一度お試しください。"
ALREADY = {
    handoffs.RELEASED: "受付番号 {id} はすでにボットに戻されています。",
    handoffs.CLOSED: "受付番号 {id} はすでに終了しています。",
}


def shown_name(request: web.Request, operator: str) -> str:
    """What the customer sees after 担当者: the operator's display name, else the shop's default."""
    from madoguchi.shop.rules import shop_rules

    try:
        default = shop_rules(str(request.app[SETTINGS_KEY].rules_file)).operator_display_name
    except Exception:  # the message still goes out, as from 担当者
        logger.exception("shop rules cannot be read for the operators' display name")
        default = ""
    return operators.display_name(request.app[DB_KEY], operator, default)


async def _audited(
    request: web.Request, operator: str, action: str, handoff_id: int, attempt: Attempt, work: Any
) -> Outcome:
    """Run one try of an action and write how it ended to the audit log."""
    db, address = request.app[DB_KEY], client_address(request)
    detail = "retry" if attempt.check_first else ""

    def note(outcome: str, more: str = "") -> None:
        audit.record(
            db, actor=operator, action=action, outcome=outcome, target=f"handoff:{handoff_id}",
            address=address, detail=" ".join(p for p in (detail, more) if p),
        )

    try:
        status, body = await work()
    except DeskError as e:
        await asyncio.to_thread(note, audit.REFUSED if e.status < 500 else audit.FAILED, e.code)
        raise
    except NotKnown:
        await asyncio.to_thread(note, audit.UNKNOWN, "rasa_no_answer")
        raise
    await asyncio.to_thread(note, audit.OK, "unchanged" if body.get("unchanged") else "")
    return status, body


async def _through_rasa(call: Any, not_applied: str) -> Any:
    """A Rasa call; no answer is NotKnown, anything else that fails a 502 (nothing applied)."""
    try:
        return await call
    except RasaNoAnswer as e:
        logger.warning("no answer from Rasa: %s", e)
        raise NotKnown(str(e)) from None
    except RasaUnavailable as e:
        logger.warning("Rasa did not take the desk's events: %s", e)
        raise DeskError(502, "rasa_unavailable", not_applied) from None


@authenticated
async def post_message(request: web.Request, operator: str) -> web.Response:
    """POST /api/handoffs/{id}/messages {"text"}: the operator writes to the customer."""
    app, db = request.app, request.app[DB_KEY]
    handoff = load_handoff(request)
    data = await json_object(request)
    text, takeover = text_field(data), assignment.takeover_flag(data)
    shown_as = shown_name(request, operator)
    rasa = app[RASA_KEY]

    async def send(attempt: Attempt) -> Outcome:
        async with app[HANDOFF_LOCKS_KEY].hold(handoff.id):
            current = handoffs.get(db, handoff.id) or handoff
            require_open(current)
            with assignment.writing(request, handoff.id, operator, takeover):  # 担当, or a 409
                line = await _through_rasa(
                    rasa.send_operator_message(
                        current.sender_id, current.channel, text, operator, shown_as=shown_as,
                        at=attempt.timestamp, check_first=attempt.check_first,
                    ),
                    NOT_SENT,
                )
        stored = transcripts.stored(db, line)
        body = (
            line_json(stored)
            if stored
            else {"id": None, "from": "operator", "text": line.text, "at": iso_jst(line.at), "operator": operator}
        )
        return 201, {"ok": True, "line": body}

    return await app[OPERATIONS_KEY].run(
        request, operator=operator, action="message", handoff_id=handoff.id,
        asks=fingerprint("message", handoff.id, text), plan=rasa.next_timestamp,
        work=lambda attempt: _audited(request, operator, "message", handoff.id, attempt, lambda: send(attempt)),
    )


async def _end(request: web.Request, operator: str, status: str) -> web.Response:
    app, db = request.app, request.app[DB_KEY]
    handoff = load_handoff(request)
    rasa = app[RASA_KEY]
    action = "release" if status == handoffs.RELEASED else "close"
    takeover = assignment.takeover_flag(await assignment.request_body(request))

    def answer(current: Handoff, **more: Any) -> Outcome:
        return 200, {"ok": True, **more, "handoff": handoff_json(current, now=utcnow(), position=0)}

    async def end(attempt: Attempt) -> Outcome:
        async with app[HANDOFF_LOCKS_KEY].hold(handoff.id):
            current = handoffs.get(db, handoff.id) or handoff
            if current.status == status:
                return answer(current, unchanged=True, message=ALREADY[status].format(id=handoff.id))
            require_open(current)
            assignment.ending(current, operator, takeover, action)  # another's chat: a 409
            if status == handoffs.RELEASED:
                call = rasa.release(current.sender_id, current.channel, at=attempt.timestamp, check_first=attempt.check_first)
            else:  # the customer is asked 「解決しましたか」 with the close
                call = rasa.close(
                    current.sender_id, current.channel, at=attempt.timestamp, check_first=attempt.check_first,
                    question=survey.question(handoff.id),
                )
            await _through_rasa(call, NOT_DONE)
            handoffs.finish_if_open(db, handoff.id, status, operator)
            assignment.record_takeover(request, operator, handoff.id, current.operator, action)
            if status == handoffs.CLOSED:
                surveys.ask(db, current)
        return answer(handoffs.get(db, handoff.id))

    return await app[OPERATIONS_KEY].run(
        request, operator=operator, action=action, handoff_id=handoff.id,
        asks=fingerprint(action, handoff.id), plan=rasa.next_timestamp,
        work=lambda attempt: _audited(request, operator, action, handoff.id, attempt, lambda: end(attempt)),
    )


@authenticated
async def release(request: web.Request, operator: str) -> web.Response:
    """POST /api/handoffs/{id}/release: back to the bot."""
    return await _end(request, operator, handoffs.RELEASED)


@authenticated
async def close(request: web.Request, operator: str) -> web.Response:
    """POST /api/handoffs/{id}/close: the chat with a person is over."""
    return await _end(request, operator, handoffs.CLOSED)


def add_routes(app: web.Application, handoff_path: str) -> None:
    """The actions' state on the app, and their routes under a handoff's path."""
    settings, db = app[SETTINGS_KEY], app[DB_KEY]
    app[RASA_KEY] = RasaClient(settings.rasa_url, settings.rasa_token, db)
    app[OPERATIONS_KEY] = Operations(db)
    app[HANDOFF_LOCKS_KEY] = KeyedLocks()
    app.router.add_post(handoff_path + "/messages", post_message)
    app.router.add_post(handoff_path + "/release", release)
    app.router.add_post(handoff_path + "/close", close)
    app.on_shutdown.append(_drain)
    app.on_cleanup.append(_close_rasa)


async def _drain(app: web.Application) -> None:
    await app[OPERATIONS_KEY].drain()


async def _close_rasa(app: web.Application) -> None:
    await app[RASA_KEY].aclose()
