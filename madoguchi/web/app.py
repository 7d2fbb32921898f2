"""The web application: `create_app(settings)` builds it; tests use aiohttp's client."""

from __future__ import annotations

import json

from aiohttp import web

from madoguchi.desk.api import add_desk_routes
from madoguchi.handoff.presence import with_person
from madoguchi.settings import Settings
from madoguchi.store import transcripts, web_sessions
from madoguchi.store.db import Database, database
from madoguchi.web.keys import DB_KEY, SETTINGS_KEY, STATIC
from madoguchi.web.retention import add_retention
from madoguchi.web.timefmt import iso_jst

SESSION_HEADER = "X-Chat-Session"  # the chat page presents its session id here, not in the URL


def chat_page(request: web.Request) -> web.Response:
    """The customer chat page, told where Rasa's socket.io is."""
    config = request.app[SETTINGS_KEY]
    html = (STATIC / "chat.html").read_text(encoding="utf-8")
    page_config = json.dumps({"socketUrl": config.socket_url}, ensure_ascii=False)
    return web.Response(
        text=html.replace("/*MADOGUCHI_CONFIG*/", f"window.MADOGUCHI = {page_config};"),
        content_type="text/html",
        headers={"Cache-Control": "no-store"},
    )


async def chat_history(request: web.Request) -> web.Response:
    """A chat session's own transcript, so a reloaded page shows the conversation.

    Only for a session id the server issued to a chat page (sent in a header, so that it
    stays out of access logs); any other id gets an empty history, as a new chat does.
    """
    session_id = request.headers.get(SESSION_HEADER, "")
    db = request.app[DB_KEY]
    lines: list[dict[str, str]] = []
    person = False
    if web_sessions.is_issued(db, session_id):
        lines = [
            {"from": m.role, "text": m.text, "at": iso_jst(m.at)}
            for m in transcripts.for_sender(db, session_id)
        ]
        person = with_person(db, session_id) is not None
    return web.json_response(
        {"lines": lines, "with_person": person}, headers={"Cache-Control": "no-store"}
    )


async def chat_person(request: web.Request) -> web.Response:
    """Whether a person has the chat, and the banner that says when they answer (outside
    operator hours: 「担当者は明日（土）9時からお返事します」)."""
    from madoguchi import clock
    from madoguchi.handoff.hours import banner
    from madoguchi.shop.rules import shop_rules

    session_id = request.headers.get(SESSION_HEADER, "")
    db = request.app[DB_KEY]
    person = web_sessions.is_issued(db, session_id) and with_person(db, session_id) is not None
    settings = request.app[SETTINGS_KEY]
    now = clock.at(settings.fixed_now)
    text = banner(shop_rules(str(settings.rules_file)), now) if person else ""
    return web.json_response({"with_person": person, "banner": text}, headers={"Cache-Control": "no-store"})


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def create_app(settings: Settings, db: Database | None = None) -> web.Application:
    """The web service: chat page at /, desk at /desk/, desk API at /api/; it deletes personal
    data past its retention period on its own (`madoguchi.web.retention`)."""
    app = web.Application(client_max_size=64 * 1024)
    app[SETTINGS_KEY] = settings
    app[DB_KEY] = db or database(settings.database_url)
    app.router.add_get("/", chat_page)
    app.router.add_get("/chat/history", chat_history)
    app.router.add_get("/chat/person", chat_person)
    app.router.add_get("/healthz", healthz)
    app.router.add_static("/static/", STATIC)
    add_desk_routes(app)
    add_retention(app)
    return app
