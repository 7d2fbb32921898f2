"""The chat page's banner in a real browser: outside operator hours it says when a person answers."""

from __future__ import annotations

import dataclasses

import pytest

from madoguchi.store import handoffs, web_sessions
from madoguchi.web.app import create_app
from tests.madoguchi.desk.test_console_browser import Servers, expect, page  # noqa: F401 (fixture)
from tests.madoguchi.desk.test_api import settings_for

FRIDAY_EVENING = "2026-11-20T18:30:00+09:00"
FRIDAY_MORNING = "2026-11-20T10:00:00+09:00"


class ChatServer(Servers):
    """The web service (and a stand-in of Rasa) with the shop's clock fixed."""

    def __init__(self, db, now: str) -> None:
        super().__init__(db)
        self.now = now

    async def _start(self) -> None:
        await super()._start()
        settings = dataclasses.replace(settings_for(self.db, f"http://127.0.0.1:{self.rasa_port}"), fixed_now=self.now)
        self.app = create_app(settings, self.db)
        await self.runners[-1].cleanup()  # the web service again, with the fixed clock
        from aiohttp import web

        runner = web.AppRunner(self.app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", self.web_port).start()
        self.runners[-1] = runner


@pytest.mark.parametrize(
    "now, text",
    [(FRIDAY_EVENING, "担当者は明日（土）9時からお返事します"), (FRIDAY_MORNING, "担当者が対応しています")],
)
def test_the_banner_of_a_chat_with_a_person(db, page, now, text):
    session_id = web_sessions.issue(db)
    handoffs.open_handoff(db, sender_id=session_id, channel="socketio", reason="distress",
                          priority=1, summary="", details={})
    with ChatServer(db, now) as server:
        page.add_init_script(f"localStorage.setItem('madoguchi.session', '{session_id}')")
        page.goto(f"{server.web}/")
        expect(page.locator("#person")).to_be_visible()
        expect(page.locator("#person")).to_have_text(text)
