"""The desk: its JSON API under /api/, a live WebSocket, and the operator console at /desk/.

`add_desk_routes(app)` registers everything on the web application built by
`madoguchi.web.app.create_app`. Every /api/ answer is JSON, errors included
(`{"error": code, "message": 日本語}`); every call but login needs
`Authorization: Bearer <token>` (the live socket takes `?token=` as browsers cannot
set headers on a WebSocket).

Each area of the API is a module of `madoguchi.desk`: the session (`session`,
`login_limits`), the queue and a handoff's page (`handoffs`), what operators do to a handoff
(`handoff_actions`, `assignment`, `survey`, `callbacks`, `history`), canned replies
(`canned`), catalog requests (`catalog`), the report (`report`), personal data (`privacy`),
the audit log (`audit`), live updates (`live`) and the console's page (`console`); what
they share is `madoguchi.desk.http`.
"""

from __future__ import annotations

from aiohttp import web

from madoguchi.desk import (
    assignment,
    canned,
    console,
    handoff_actions,
    handoffs,
    history,
    live,
    login_limits,
    report,
    session,
    viewers,
)
from madoguchi.desk import audit as audit_routes
from madoguchi.desk import callbacks as callback_routes
from madoguchi.desk import catalog as catalog_routes
from madoguchi.desk import privacy as privacy_routes
from madoguchi.desk import survey as survey_routes
from madoguchi.desk.http import desk_errors
from madoguchi.web.keys import DB_KEY


def add_desk_routes(app: web.Application) -> None:
    """Registers the desk's API, its live socket and the console page on the web application."""
    live.add_hub(app, app[DB_KEY])
    app[viewers.VIEWERS_KEY] = viewers.Viewers()
    app.middlewares.append(desk_errors)

    handoff = r"/api/handoffs/{id:\d{1,19}}"
    login_limits.add_routes(app)
    app.router.add_post("/api/logout", session.logout)
    app.router.add_get("/api/me", session.me)
    app.router.add_get("/api/handoffs", handoffs.list_handoffs)
    app.router.add_get(handoff, handoffs.show_handoff)
    handoff_actions.add_routes(app, handoff)
    assignment.add_routes(app, handoff)
    survey_routes.add_routes(app, handoff)
    callback_routes.add_routes(app, handoff)
    history.add_routes(app, handoff)
    app.router.add_post(handoff + "/notes", handoffs.add_note)
    app.router.add_get("/api/canned", canned.canned)
    catalog_routes.add_routes(app)
    report.add_routes(app)
    privacy_routes.add_routes(app)
    app.router.add_get("/api/live", live.live)
    audit_routes.add_routes(app)
    app.router.add_get("/desk/", console.desk_page)
    app.router.add_get("/desk", console.desk_redirect)
