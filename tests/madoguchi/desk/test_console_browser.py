"""The operator console in a real browser against the web service and a stand-in of Rasa.

Cheaper than the whole stack of tests/e2e: no Rasa, no model. What is checked here is
what only the page does: it shows the login lock's message, sends one Idempotency-Key
per action and the same one on a retry, and waits out a 202 rather than assume.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import threading
import urllib.error
import urllib.request

import pytest
from aiohttp import web

from madoguchi.desk.handoff_actions import OPERATIONS_KEY
from madoguchi.free_ports import free_port
from madoguchi.store import operators
from madoguchi.web.app import create_app
from tests.e2e.test_browser import CHROMIUM, launched_chromium
from tests.madoguchi.desk.test_api import PASSWORD, RasaStandIn, lines_of_sender, make_handoff, settings_for
from tests.madoguchi.edited_rules import rules_file_in_use

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

pytestmark = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"{CHROMIUM} is missing")

UI_TIMEOUT = 8_000  # ms


class Servers:
    """The web service and the stand-in of Rasa, on free ports, in a thread of their own."""

    def __init__(self, db) -> None:
        self.db = db
        self.rasa = RasaStandIn()
        self.loop = asyncio.new_event_loop()
        self.runners: list[web.AppRunner] = []
        self.rasa_port, self.web_port = free_port(), free_port()
        self.web = f"http://127.0.0.1:{self.web_port}"
        self.app: web.Application | None = None
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    async def _start(self) -> None:
        self.app = create_app(settings_for(self.db, f"http://127.0.0.1:{self.rasa_port}"), self.db)
        for app, port in ((self.rasa.app(), self.rasa_port), (self.app, self.web_port)):
            runner = web.AppRunner(app)
            await runner.setup()
            await web.TCPSite(runner, "127.0.0.1", port).start()
            self.runners.append(runner)

    async def _stop(self) -> None:
        for runner in reversed(self.runners):
            await runner.cleanup()

    def __enter__(self) -> "Servers":
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(30)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@pytest.fixture
def servers(db):
    with Servers(db) as servers:
        yield servers


@pytest.fixture
def page():
    with launched_chromium() as browser:
        page = browser.new_context(locale="ja-JP").new_page()
        page.set_default_timeout(UI_TIMEOUT)
        yield page


def log_in(page, servers: Servers, name: str, password: str = PASSWORD) -> None:
    page.goto(f"{servers.web}/desk/")
    page.fill("#login-username", name)
    page.fill("#login-password", password)
    page.click("#login-submit")


def wrong_password(servers: Servers, name: str) -> int:
    body = json.dumps({"username": name, "password": "wrong-password"}).encode()
    request = urllib.request.Request(f"{servers.web}/api/login", body, {"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as e:
        return e.code
    return 200


def action_requests(page) -> list[tuple[str, str | None]]:
    """(path, Idempotency-Key) of every operator action the page sends."""
    sent: list[tuple[str, str | None]] = []

    def seen(request) -> None:
        if request.method == "POST" and "/api/handoffs/" in request.url:
            sent.append((request.url.split("/api/")[1], request.headers.get("idempotency-key")))

    page.on("request", seen)
    return sent


def queue_card(page, handoff_id: int):
    return page.locator("#queue .card").filter(has_text=re.compile(rf"No\.{handoff_id}(?!\d)"))


def test_the_console_names_reasons_as_the_rules_file_does_and_channels_as_the_api(servers, page, tmp_path):
    operators.add(servers.db, "ito", PASSWORD)
    label = "至急：お困りのお客さま"  # not a label the page could know of itself
    with rules_file_in_use(tmp_path / "rules.yml", handoff__reasons__distress__label=label):
        listed = make_handoff(servers.db, "s-listed", reason="distress", priority=1, channel="rest")
        log_in(page, servers, "ito")
        card = queue_card(page, listed)
        expect(card.locator(".reason")).to_have_text(label)
        expect(card.locator(".badge.channel")).to_have_text("Webチャット（REST）")

        arrived = make_handoff(servers.db, "s-arrived", reason="distress", priority=1, channel="line")
        live = queue_card(page, arrived)  # pushed on the live socket, no reload
        expect(live.locator(".reason")).to_have_text(label)
        expect(live.locator(".badge.channel")).to_have_text("LINE")

        card.click()
        expect(page.locator("#conv-meta")).to_contain_text(f"{label}　・　優先度 1　・　Webチャット（REST）")


def test_the_console_shows_the_login_lock_in_japanese(servers, page):
    operators.add(servers.db, "kato", PASSWORD)
    assert [wrong_password(servers, "kato") for _ in range(6)] == [401] * 5 + [429]
    log_in(page, servers, "kato")
    expect(page.locator("#login-error")).to_contain_text("しばらくログインできません")
    expect(page.locator("#login-error")).to_contain_text("分ほどたってから")
    assert page.locator("#app-view").is_hidden()


def test_a_reply_retried_after_a_failure_reaches_the_customer_once(servers, page):
    operators.add(servers.db, "sato", PASSWORD)
    hid = make_handoff(servers.db, "s-browser", channel="line")
    sent = action_requests(page)
    log_in(page, servers, "sato")
    page.click(f"text=No.{hid}")

    servers.rasa.status = 500  # Rasa refuses: nothing is sent
    page.fill("#reply", "お待たせいたしました。")
    page.click("#reply-send")
    expect(page.locator("#reply-error")).to_contain_text("送信されませんでした")

    servers.rasa.status = 200
    servers.rasa.send_seconds = 1.0  # slow LINE: the server answers 202 first
    servers.app[OPERATIONS_KEY].answer_within = 0.2
    page.click("#reply-send")
    expect(page.locator("#transcript .line.from-operator")).to_have_count(1, timeout=10_000)
    expect(page.locator("#reply")).to_have_value("")

    paths = {path for path, _ in sent}
    keys = {key for _, key in sent}
    assert paths == {f"handoffs/{hid}/messages"} and len(sent) >= 3  # failed, 202, then the outcome
    assert len(keys) == 1 and None not in keys  # one action, one key, on every try
    assert len(servers.rasa.calls) == 2  # the refused one, and the one that went out
    assert lines_of_sender(servers.db, "s-browser") == [("operator", "お待たせいたしました。")]

    # the next action gets a new key
    page.click("#close")
    page.click("#confirm-ok")
    expect(page.locator("#conv-ended")).to_contain_text("終了しました", timeout=10_000)
    close_keys = {key for path, key in sent if path.endswith("/close")}
    assert len(close_keys) == 1 and not close_keys & keys
