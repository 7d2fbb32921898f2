"""The handoffs as the console reads them: the queue, one handoff in full, and the private
notes operators add to it.

| call | what |
| --- | --- |
| `GET /api/handoffs?status=open` | the queue, the first to serve first (`released`, `closed`, `all` on request) |
| `GET /api/handoffs/{id}` | one handoff with its transcript, details, notes, viewers and survey |
| `POST /api/handoffs/{id}/notes {"text"}` | a private note, never sent to the customer |

What operators do to a handoff through Rasa is `madoguchi.desk.handoff_actions`.
"""

from __future__ import annotations

from aiohttp import web

from madoguchi.desk import viewers
from madoguchi.desk import survey as survey_routes
from madoguchi.desk.http import BROADCAST_KEY, DeskError, authenticated, json_object, json_response, load_handoff, text_field
from madoguchi.desk.shapes import details_of, handoff_json, line_json, note_json, queue_positions
from madoguchi.store import handoffs, transcripts
from madoguchi.store.models import utcnow
from madoguchi.web.keys import DB_KEY

STATUSES = (handoffs.OPEN, handoffs.RELEASED, handoffs.CLOSED)


@authenticated
async def list_handoffs(request: web.Request, operator: str) -> web.Response:
    """GET /api/handoffs?status=open: the queue, the first to serve first."""
    status = request.query.get("status", handoffs.OPEN)
    if status not in (*STATUSES, "all"):
        raise DeskError(400, "bad_status", "status は open / released / closed / all のいずれかにしてください。")
    db = request.app[DB_KEY]
    rows = handoffs.listing(db, None if status == "all" else status)
    positions = queue_positions(db)
    names = handoffs.display_names(db, [h.sender_id for h in rows])
    now = utcnow()
    bodies = [handoff_json(h, now=now, position=positions.get(h.id, 0), names=names) for h in rows]
    return json_response(survey_routes.attach(db, bodies))


@authenticated
async def show_handoff(request: web.Request, operator: str) -> web.Response:
    """GET /api/handoffs/{id}: one handoff with its transcript, details and notes."""
    db = request.app[DB_KEY]
    handoff = load_handoff(request)
    names = handoffs.display_names(db, [handoff.sender_id])
    body = handoff_json(
        handoff, now=utcnow(), position=queue_positions(db).get(handoff.id, 0), names=names
    )
    body["details"] = details_of(handoff)
    body["transcript"] = [line_json(m) for m in transcripts.for_sender(db, handoff.sender_id)]
    body["notes"] = [note_json(n) for n in handoffs.notes(db, handoff.id)]
    body["viewers"] = request.app[viewers.VIEWERS_KEY].of(handoff.id)
    body["survey"] = survey_routes.of(db, handoff.id)
    return json_response(body)


@authenticated
async def add_note(request: web.Request, operator: str) -> web.Response:
    """POST /api/handoffs/{id}/notes {"text"}: a private note, never sent to the customer."""
    handoff = load_handoff(request)
    text = text_field(await json_object(request))
    note = handoffs.add_note(request.app[DB_KEY], handoff.id, operator, text)
    body = note_json(note)
    await request.app[BROADCAST_KEY]([{"type": "note", "handoff_id": handoff.id, "note": body}])
    return json_response({"ok": True, "note": body}, status=201)
