"""The customer chat and the operator console in a real browser, side by side.

Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright against the whole
stack of `conftest.stack`: a customer context on `/` and an operator context on
`/desk/`, both live. Bot answers get generous timeouts (the first Rasa answer can take
a few seconds); the relays between a person and the customer must be quick.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Callable

import pytest

from madoguchi.desk.rasa_client import CLOSE_TEXT, RELEASE_TEXT
from madoguchi.store import handoffs, operators
from tests.e2e.conftest import post_json
from tests.e2e.screenshots import ARTIFACTS, save_screenshots

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
BOT_TIMEOUT = 20_000      # ms: a bot answer (the first one loads the model's caches)
RELAY_TIMEOUT = 5_000     # ms: operator -> customer and customer -> operator
UI_TIMEOUT = 5_000        # ms: the page reacting to a click

HANDOFF_WORDS = "オペレーターと話したい"
HANDOFF_TEXT = "担当者におつなぎします"       # utter_handoff_queue
BANNER = "担当者が対応しています"
SHIPPING_QUESTION = "送料はいくらですか"
XSS = "<img src=x onerror=alert(1)>"
FALLBACK = "理解できませんでした"               # utter_default

TIMINGS: dict[str, list[float]] = {}

pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK),
    reason=f"{CHROMIUM} is missing: install Debian's chromium package (make system-deps)",
)


def timed(name: str, seconds: float) -> None:
    TIMINGS.setdefault(name, []).append(round(seconds, 2))


def exactly(text: str) -> re.Pattern:
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


# ---------------------------------------------------------------- browser and operator


@contextmanager
def launched_chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, under Playwright; the test is skipped only when it cannot start."""
    try:
        playwright = playwright_api.sync_playwright().start()
    except Exception as e:  # pragma: no cover - depends on the machine
        pytest.skip(f"Playwright cannot start: {e}")
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    except Exception as e:  # pragma: no cover - depends on the machine
        playwright.stop()
        pytest.skip(f"headless Chromium ({CHROMIUM}) cannot start: {str(e)[:500]}")
    try:
        yield chromium
    finally:
        chromium.close()
        playwright.stop()


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module."""
    with launched_chromium() as chromium:
        yield chromium
    if TIMINGS:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "browser-timings.json").write_text(json.dumps(TIMINGS, indent=1), encoding="utf-8")
        print("\nbrowser test timings (s):", json.dumps(TIMINGS, ensure_ascii=False))


@pytest.fixture(scope="module")
def operator(stack) -> tuple[str, str]:
    """An operator of the desk: (name, password)."""
    name, password = f"yamada{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    operators.add(stack.db, name, password)
    return name, password


def api_token(stack, operator) -> str:
    name, password = operator
    return post_json(f"{stack.web}/api/login", {"username": name, "password": password})["token"]


def api_get(stack, path: str, token: str) -> Any:
    request = urllib.request.Request(f"{stack.web}{path}", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def wait_until(check: Callable[[], Any], timeout: float, what: str) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.1)


# ---------------------------------------------------------------- the two pages


class Customer:
    """The customer's chat page at `/`."""

    def __init__(self, page, stack) -> None:
        self.page, self.stack = page, stack
        self.dialogs: list[str] = []
        page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def open(self) -> "Customer":
        self.page.goto(f"{self.stack.web}/")
        expect(self.bot_messages.first).to_be_visible(timeout=BOT_TIMEOUT)  # greeting: session confirmed
        wait_until(lambda: self.session, 10, "the chat session id in localStorage")
        return self

    @property
    def session(self) -> str | None:
        return self.page.evaluate("localStorage.getItem('madoguchi.session')")

    @property
    def bot_messages(self):
        return self.page.locator("#log .msg.bot")

    @property
    def operator_messages(self):
        return self.page.locator("#log .msg.operator")

    @property
    def customer_messages(self):
        return self.page.locator("#log .msg.customer")

    @property
    def banner(self):
        return self.page.locator("#person")

    def say(self, text: str) -> None:
        self.page.locator("#text").fill(text)
        self.page.locator("#send").click()

    def bot_count(self) -> int:
        return self.bot_messages.count()

    def wait_bot(self, after: int, contains: str, timeout: float = BOT_TIMEOUT / 1000) -> str:
        """The first bot message after the `after` first ones that contains `contains`."""

        def found():
            return next((t for t in self.bot_messages.all_inner_texts()[after:] if contains in t), None)

        try:
            return wait_until(found, timeout, f"a bot message containing {contains!r}")
        except AssertionError:
            raise AssertionError(
                f"no bot message containing {contains!r} within {timeout} s; the page shows:\n"
                + self.page.locator("#log").inner_text()
            ) from None

    def bot_answers(self, after: int, needle: str, timeout: float = BOT_TIMEOUT / 1000) -> list[str]:
        """Waits for a bot answer containing `needle`; every bot message since, none a fallback."""
        self.wait_bot(after, needle, timeout)
        self.page.wait_for_timeout(500)  # the rest of the same turn
        answers = self.bot_messages.all_inner_texts()[after:]
        assert not any(FALLBACK in t for t in answers), f"the bot did not understand: {answers}"
        return answers

    def hand_off(self) -> int:
        """Asks for a person; the desk's handoff id once the bot has said a person comes."""
        before = self.bot_count()
        started = time.monotonic()
        self.say(HANDOFF_WORDS)
        self.wait_bot(before, HANDOFF_TEXT)
        timed("customer asks for a person -> bot's handoff message", time.monotonic() - started)
        handoff = wait_until(lambda: handoffs.open_for(self.stack.db, self.session), 10, "the open handoff")
        return handoff.id


class Desk:
    """The operator console at `/desk/`."""

    def __init__(self, page, stack) -> None:
        self.page, self.stack = page, stack
        self.dialogs: list[str] = []
        page.on("dialog", self._dialog)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def log_in(self, name: str, password: str) -> "Desk":
        self.page.goto(f"{self.stack.web}/desk/")
        expect(self.page.locator("#login-view")).to_be_visible(timeout=UI_TIMEOUT)
        self.page.locator("#login-username").fill(name)
        self.page.locator("#login-password").fill(password)
        self.page.locator("#login-submit").click()
        expect(self.page.locator("#app-view")).to_be_visible(timeout=UI_TIMEOUT)
        expect(self.page.locator("#me")).to_contain_text(name)
        # The live socket is up: what comes next has to arrive without a reload.
        expect(self.page.locator("#live-state")).to_have_text("リアルタイム更新中", timeout=UI_TIMEOUT)
        return self

    def card(self, handoff_id: int):
        return self.page.locator("#queue .card").filter(has_text=re.compile(rf"No\.{handoff_id}(?!\d)"))

    def open(self, handoff_id: int) -> None:
        card = self.card(handoff_id)
        expect(card).to_be_visible(timeout=RELAY_TIMEOUT)
        card.click()
        expect(self.page.locator("#conv-title")).to_contain_text(f"No.{handoff_id}", timeout=UI_TIMEOUT)
        expect(self.page.locator("#conversation")).to_be_visible()

    def lines(self, role: str, text: str | None = None):
        lines = self.page.locator(f"#transcript .line.from-{role} .line-text")
        return lines.filter(has_text=exactly(text)) if text is not None else lines

    def reply(self, text: str) -> None:
        self.page.locator("#reply").fill(text)
        self.page.locator("#reply-send").click()

    def end(self, button: str, label: str) -> None:
        """Clicks release or close and confirms in the console's dialog."""
        self.page.locator(f"#{button}").click()
        dialog = self.page.locator("#confirm")
        expect(dialog).to_be_visible(timeout=UI_TIMEOUT)
        expect(self.page.locator("#confirm-ok")).to_have_text(label)
        self.page.locator("#confirm-ok").click()
        expect(dialog).to_be_hidden(timeout=UI_TIMEOUT)


@pytest.fixture
def customer(browser, stack):
    context = browser.new_context(viewport={"width": 480, "height": 860}, locale="ja-JP")
    yield Customer(context.new_page(), stack)
    context.close()


@pytest.fixture
def desk(browser, stack):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="ja-JP")
    yield Desk(context.new_page(), stack)
    context.close()


@pytest.fixture
def logged_in(desk, operator) -> Desk:
    return desk.log_in(*operator)


def handed_off(customer: Customer, desk: Desk) -> int:
    """A customer handed off and the operator looking at the conversation: the handoff id."""
    customer.open()
    handoff_id = customer.hand_off()
    expect(customer.banner).to_be_visible(timeout=UI_TIMEOUT)
    desk.open(handoff_id)
    return handoff_id


def relay_to_customer(customer: Customer, desk: Desk, text: str):
    """The operator replies; the customer's page shows it as a person's message in time."""
    started = time.monotonic()
    desk.reply(text)
    message = customer.operator_messages.filter(has_text=text)
    expect(message).to_have_count(1, timeout=RELAY_TIMEOUT)
    timed("operator reply -> customer page", time.monotonic() - started)
    return message


def relay_to_desk(customer: Customer, desk: Desk, text: str):
    """The customer writes while handed off; the operator's transcript shows it in time."""
    started = time.monotonic()
    customer.say(text)
    line = desk.lines("customer", text)
    expect(line).to_have_count(1, timeout=RELAY_TIMEOUT)
    timed("customer message -> operator page", time.monotonic() - started)
    return line


# ---------------------------------------------------------------- the tests


def test_handoff_and_replies_both_ways(stack, customer, desk, operator):
    name, password = operator
    desk.log_in(name, password)
    customer.open()
    session = customer.session

    handoff_id = customer.hand_off()
    handoff_shown = time.monotonic()
    expect(customer.banner).to_be_visible(timeout=UI_TIMEOUT)
    expect(customer.banner).to_have_text(BANNER)
    tracker = stack.tracker(session)
    assert tracker["paused"] is True
    assert tracker["slots"]["handoff_reason"] == "customer_request"

    # The queue shows it, live: no reload of the console.
    card = desk.card(handoff_id)
    expect(card).to_be_visible(timeout=RELAY_TIMEOUT)
    timed("handoff -> card in the operator's queue", time.monotonic() - handoff_shown)
    expect(card).to_contain_text("担当者をご希望")
    expect(card).to_contain_text("Webチャット")
    expect(desk.page.locator("#queue-count")).not_to_have_text("0")

    desk.open(handoff_id)
    expect(desk.page.locator("#conv-meta")).to_contain_text("担当者をご希望")
    expect(desk.lines("customer", HANDOFF_WORDS)).to_have_count(1, timeout=UI_TIMEOUT)
    expect(desk.lines("bot").filter(has_text=HANDOFF_TEXT)).to_have_count(1)

    reply = "お待たせいたしました。担当の山田でございます。どのようなご用件でしょうか。"
    shown = relay_to_customer(customer, desk, reply)
    expect(shown.locator(".who")).to_contain_text("担当者")
    expect(shown.locator(".who")).not_to_contain_text(name)  # never the operator's login name
    expect(customer.banner).to_be_visible()
    # the operator's own line, once, in the console
    expect(desk.lines("operator", reply)).to_have_count(1, timeout=UI_TIMEOUT)

    bots_before = customer.bot_count()
    relay_to_desk(customer, desk, "先週注文した栗羊羹がまだ届かないのです")
    customer.page.wait_for_timeout(1000)
    assert customer.bot_count() == bots_before, "the bot answered while a person has the chat"
    assert stack.tracker(session)["paused"] is True

    assert customer.dialogs == [] and desk.dialogs == []
    save_screenshots("handoff", customer=customer.page, desk=desk.page)


def test_markup_from_customer_and_operator_is_shown_as_text(stack, customer, logged_in):
    desk = logged_in
    handed_off(customer, desk)

    relay_to_desk(customer, desk, XSS)
    expect(customer.customer_messages.filter(has_text=exactly(XSS))).to_have_count(1)
    markup = "<b>太字</b><img src=y onerror=alert(2)><script>alert(3)</script>"
    relay_to_customer(customer, desk, markup)
    expect(desk.lines("operator", markup)).to_have_count(1, timeout=UI_TIMEOUT)

    # and again from the stored history, after a reload
    customer.page.reload()
    expect(customer.customer_messages.filter(has_text=exactly(XSS))).to_have_count(1, timeout=BOT_TIMEOUT)
    expect(customer.operator_messages.filter(has_text=markup)).to_have_count(1)

    customer.page.wait_for_timeout(500)  # an <img src=x> would have failed to load by now
    for page, area in ((customer.page, "#log"), (desk.page, "#transcript")):
        assert page.locator(f"{area} img, {area} b, {area} script").count() == 0, f"markup became HTML in {area}"
    assert customer.dialogs == [], customer.dialogs
    assert desk.dialogs == [], desk.dialogs


def test_a_reload_keeps_the_chat(stack, customer, logged_in):
    desk = logged_in
    handed_off(customer, desk)
    session = customer.session
    reply = "担当の山田です。ご注文番号をお知らせいただけますか。"
    relay_to_customer(customer, desk, reply)

    customer.page.reload()
    expect(customer.customer_messages.filter(has_text=exactly(HANDOFF_WORDS))).to_have_count(1, timeout=BOT_TIMEOUT)
    expect(customer.bot_messages.filter(has_text=HANDOFF_TEXT)).to_have_count(1)
    operator_line = customer.operator_messages.filter(has_text=reply)
    expect(operator_line).to_have_count(1)
    expect(operator_line.locator(".who")).to_contain_text("担当者")
    expect(customer.banner).to_be_visible()
    expect(customer.banner).to_have_text(BANNER)
    assert customer.session == session

    # the reloaded page is the same conversation, live both ways
    relay_to_desk(customer, desk, "注文番号はA1234567です")
    second = "ありがとうございます。確認いたしますので少々お待ちください。"
    relay_to_customer(customer, desk, second)
    expect(customer.operator_messages).to_have_count(2)
    assert stack.tracker(session)["paused"] is True


def test_return_to_bot(stack, customer, logged_in):
    desk = logged_in
    handoff_id = handed_off(customer, desk)
    session = customer.session
    relay_to_customer(customer, desk, "担当の山田です。ご用件を承りました。")
    # asked of the person first: after the hand-back the bot answers it, as a new question
    relay_to_desk(customer, desk, SHIPPING_QUESTION)
    relay_to_customer(customer, desk, "送料のご案内は自動応答にお任せいたします。")

    before = customer.bot_count()
    started = time.monotonic()
    desk.end("release", "ボットに戻す")
    customer.wait_bot(before, RELEASE_TEXT, timeout=RELAY_TIMEOUT / 1000)
    timed("release click -> release message on the customer page", time.monotonic() - started)
    expect(customer.banner).to_be_hidden(timeout=UI_TIMEOUT)
    expect(desk.page.locator("#conv-ended")).to_contain_text("ボットに戻しました", timeout=UI_TIMEOUT)
    expect(desk.card(handoff_id)).to_have_count(0, timeout=RELAY_TIMEOUT)  # left the queue
    expect(desk.page.locator("#reply")).to_be_disabled()

    tracker = stack.tracker(session)
    assert tracker["paused"] is False
    assert tracker["slots"]["handoff_reason"] is None

    before = customer.bot_count()
    started = time.monotonic()
    customer.say(SHIPPING_QUESTION)
    customer.bot_answers(before, "送料")
    timed("question after release -> bot answer", time.monotonic() - started)
    expect(customer.banner).to_be_hidden()
    assert stack.tracker(session)["paused"] is False
    assert handoffs.open_for(stack.db, session) is None


def test_close(stack, customer, logged_in):
    desk = logged_in
    handoff_id = handed_off(customer, desk)
    session = customer.session

    before = customer.bot_count()
    desk.end("close", "終了する")
    customer.wait_bot(before, CLOSE_TEXT, timeout=RELAY_TIMEOUT / 1000)
    expect(customer.banner).to_be_hidden(timeout=UI_TIMEOUT)
    expect(desk.page.locator("#conv-ended")).to_contain_text("終了しました", timeout=UI_TIMEOUT)
    expect(desk.card(handoff_id)).to_have_count(0, timeout=RELAY_TIMEOUT)
    assert handoffs.get(stack.db, handoff_id).status == handoffs.CLOSED
    assert stack.tracker(session)["paused"] is False

    before = customer.bot_count()
    customer.say(SHIPPING_QUESTION)
    customer.bot_answers(before, "送料")
    expect(customer.banner).to_be_hidden()
    assert stack.tracker(session)["paused"] is False


def test_nothing_is_lost_around_a_handoff(stack, customer, logged_in, operator):
    desk = logged_in
    customer.open()
    session = customer.session

    before_text = "のしは付けてもらえますか"
    before = customer.bot_count()
    customer.say(before_text)  # just before: the handoff request follows without waiting
    customer.say(HANDOFF_WORDS)
    customer.wait_bot(before, HANDOFF_TEXT)
    handoff_id = wait_until(lambda: handoffs.open_for(stack.db, session), 10, "the open handoff").id
    desk.open(handoff_id)

    during = ["一つ目：法事で使います", "二つ目：10日に届けてほしいです", "三つ目：よろしくお願いします"]
    for text in during:  # in a burst, not waiting for anything
        customer.say(text)
    reply = "承知いたしました。お調べいたします。"
    desk.reply(reply)
    for text in during:
        expect(desk.lines("customer", text)).to_have_count(1, timeout=RELAY_TIMEOUT)
    expect(customer.operator_messages.filter(has_text=reply)).to_have_count(1, timeout=RELAY_TIMEOUT)

    racing = "ありがとうございました"  # sent while the release is on its way
    after = "送料はいくらになりますか"  # sent once the customer was told the bot is back
    bots = customer.bot_count()
    desk.page.locator("#release").click()
    desk.page.locator("#confirm-ok").click()
    customer.say(racing)
    customer.wait_bot(bots, RELEASE_TEXT, timeout=RELAY_TIMEOUT / 1000)
    bots = customer.bot_count()
    customer.say(after)
    customer.wait_bot(bots, "送料")  # (the racing message may have an answer of its own)

    token = api_token(stack, operator)
    sent = [before_text, HANDOFF_WORDS, *during, racing, after]

    def transcript():
        return api_get(stack, f"/api/handoffs/{handoff_id}", token)["transcript"]

    def all_in():
        lines = transcript()
        said = [l["text"] for l in lines if l["from"] == "customer"]
        return lines if all(t in said for t in sent) else None

    lines = wait_until(all_in, 10, "every customer message in the desk's transcript")
    time.sleep(1.0)  # anything stored twice would be there by now
    lines = transcript()
    said = [l["text"] for l in lines if l["from"] == "customer"]
    for text in sent:
        assert said.count(text) == 1, f"{text!r} is {said.count(text)} times in the transcript: {said}"
    # in the order they were written (the racing one may fall either side of the release)
    ordered = [t for t in said if t in sent and t != racing]
    assert ordered == [t for t in sent if t != racing], said
    operator_lines = [l["text"] for l in lines if l["from"] == "operator"]
    assert operator_lines.count(reply) == 1, operator_lines
    assert sum(RELEASE_TEXT in l["text"] for l in lines if l["from"] == "bot") == 1

    # the console, which kept the conversation open, shows each line once too
    for text in sent:
        expect(desk.lines("customer", text)).to_have_count(1, timeout=RELAY_TIMEOUT)
    expect(desk.lines("operator", reply)).to_have_count(1)
    # and so does the customer's page
    for text in sent:
        expect(customer.customer_messages.filter(has_text=exactly(text))).to_have_count(1)
    assert not handoffs.open_for(stack.db, session)
    assert stack.tracker(session)["paused"] is False
