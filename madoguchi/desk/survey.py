"""The desk's side of 「解決しましたか」: a handoff's survey as the console shows it.

The customer's answer is stored by the channels (`madoguchi.channels.survey`); here it is
read: with a handoff (`GET /api/handoffs/{id}` has `survey`), on every handoff of the
history (`GET /api/handoffs` lists have it too), and alone (`GET /api/handoffs/{id}/survey`,
which the console asks again when a closed chat's customer writes).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from madoguchi.desk.http import authenticated, json_response, load_handoff
from madoguchi.store import surveys
from madoguchi.store.db import Database
from madoguchi.store.models import Survey
from madoguchi.web.keys import DB_KEY
from madoguchi.web.timefmt import iso_jst

LABELS = {None: "未回答", 1: "解決した", 0: "解決していない"}


def survey_json(survey: Survey | None) -> dict[str, Any] | None:
    """A survey as the console shows it; None when the customer was never asked."""
    if survey is None:
        return None
    return {
        "asked_at": iso_jst(survey.asked_at),
        "solved": None if survey.solved is None else bool(survey.solved),
        "label": LABELS.get(survey.solved, LABELS[None]),
        "answered_at": iso_jst(survey.answered_at),
        "comment": survey.comment,
        "commented_at": iso_jst(survey.commented_at),
    }


def of(db: Database, handoff_id: int) -> dict[str, Any] | None:
    """One handoff's survey, as JSON."""
    return survey_json(surveys.of(db, handoff_id))


def attach(db: Database, bodies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Put each listed handoff's survey in it (one query for the whole list)."""
    found = surveys.for_handoffs(db, [b["id"] for b in bodies])
    for body in bodies:
        body["survey"] = survey_json(found.get(body["id"]))
    return bodies


@authenticated
async def show(request: web.Request, operator: str) -> web.Response:
    """GET /api/handoffs/{id}/survey: the customer's answer to 「解決しましたか」 (null: not asked)."""
    handoff = load_handoff(request)
    return json_response({"survey": of(request.app[DB_KEY], handoff.id)})


def add_routes(app: web.Application, handoff_path: str) -> None:
    app.router.add_get(handoff_path + "/survey", show)
