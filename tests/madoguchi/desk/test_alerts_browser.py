"""Never miss a handoff, in a real browser: a new handoff while the console is open plays a
tone, shows a desktop notification and counts in the tab's title; distress and complaints
are marked urgent; the tone can be muted.

The page's Notification and AudioContext are wrapped by an init script that records what
the console shows and plays (`window.__notifications`, `window.__tones`); notifications are
really allowed, as an operator would allow them.
"""

from __future__ import annotations

import re

import pytest

from madoguchi.store import handoffs, operators
from tests.e2e.screenshots import save_screenshots
from tests.e2e.test_browser import launched_chromium
from tests.madoguchi.desk.test_api import PASSWORD, make_handoff
from tests.madoguchi.desk.test_console_browser import UI_TIMEOUT, expect, log_in, queue_card, servers  # noqa: F401 (fixtures)

TITLE = "オペレーター画面 | お問い合わせ窓口"
SOUND_KEY = "madoguchi.desk.sound"
NORMAL_NOTES, URGENT_NOTES = 2, 4  # desk-alerts.js: a two-note chime, a four-note call for urgent ones

RECORDER = """
window.__notifications = [];
window.__tones = [];
const ShownNotification = window.Notification;
window.Notification = class extends ShownNotification {
  constructor(title, options) {
    super(title, options);
    window.__notifications.push({ title, body: (options || {}).body || "", urgent: !!(options || {}).requireInteraction, shown: this });
  }
};
const PlayingContext = window.AudioContext;
window.AudioContext = class extends PlayingContext {
  createOscillator() {
    const oscillator = super.createOscillator();
    const start = oscillator.start.bind(oscillator);
    oscillator.start = (...at) => { window.__tones.push(oscillator.frequency.value); return start(...at); };
    return oscillator;
  }
};
"""


@pytest.fixture
def desk(servers):
    """A console page that may notify, with its notifications and tones recorded."""
    with launched_chromium() as browser:
        context = browser.new_context(locale="ja-JP")
        context.grant_permissions(["notifications"], origin=servers.web)
        context.add_init_script(RECORDER)
        page = context.new_page()
        page.set_default_timeout(UI_TIMEOUT)
        yield page


def open_console(page, servers, name: str) -> None:
    """Log in and wait until the console is live: what comes after is new to it."""
    log_in(page, servers, name)
    expect(page.locator("#live-state")).to_have_text("リアルタイム更新中")


def notifications(page, at_least: int) -> list[dict]:
    page.wait_for_function("(n) => window.__notifications.length >= n", arg=at_least)
    return page.evaluate("window.__notifications.map(({title, body, urgent}) => ({title, body, urgent}))")


def tones(page) -> list[float]:
    return page.evaluate("window.__tones")


def counted(n: int, urgent: bool = False) -> re.Pattern:
    return re.compile(rf"^\({n}\) {'【至急】' if urgent else ''}{re.escape(TITLE)}$")


def test_a_new_handoff_counts_in_the_title_plays_a_tone_and_notifies(servers, desk, rules):
    operators.add(servers.db, "ito", PASSWORD)
    make_handoff(servers.db, "s-waiting")
    open_console(desk, servers, "ito")
    expect(desk).to_have_title(counted(1))
    expect(desk.locator("#notify-ask")).to_be_hidden()  # allowed already: nothing to ask
    assert tones(desk) == [] and desk.evaluate("window.__notifications.length") == 0  # nothing new yet

    arrived = make_handoff(servers.db, "s-arrived", reason="customer_request", name="山田花子", channel="line")
    expect(desk).to_have_title(counted(2))
    (shown,) = notifications(desk, 1)
    assert shown["title"] == "新しいお客さまが待っています" and not shown["urgent"]
    assert rules.handoff_reason("customer_request").label in shown["body"]
    assert "山田花子 様" in shown["body"] and "LINE" in shown["body"] and f"No.{arrived}" in shown["body"]
    assert len(tones(desk)) == NORMAL_NOTES
    card = queue_card(desk, arrived)
    expect(card.locator(".badge.new")).to_have_text("新規")
    expect(card.locator(".badge.urgent")).to_have_count(0)

    desk.evaluate("window.__notifications[0].shown.onclick()")  # the operator clicks it
    expect(desk.locator("#conv-title")).to_have_text(f"山田花子 様（No.{arrived}）")


def test_distress_and_complaints_are_marked_and_announced_as_urgent(servers, desk, rules):
    operators.add(servers.db, "ito", PASSWORD)
    calm = make_handoff(servers.db, "s-calm", reason="customer_request")
    open_console(desk, servers, "ito")
    expect(desk).to_have_title(counted(1))
    expect(queue_card(desk, calm).locator(".badge.urgent")).to_have_count(0)

    distress = rules.handoff_reason("distress")
    urgent = make_handoff(servers.db, "s-distress", reason="distress", priority=distress.priority, name="佐藤道子")
    card = queue_card(desk, urgent)
    expect(card.locator(".badge.urgent")).to_have_text("至急")
    expect(card).to_have_class(re.compile(r"\burgent\b"))
    expect(desk).to_have_title(counted(2, urgent=True))
    (shown,) = notifications(desk, 1)
    assert shown["title"] == "【至急】新しいお客さまが待っています" and shown["urgent"]
    assert distress.label in shown["body"]
    assert len(tones(desk)) == URGENT_NOTES
    save_screenshots("desk-alerts", desk=desk)

    # the calm customer now writes in anger: the waiting chat becomes urgent, and is announced so
    complaint = rules.handoff_reason("complaint")
    handoffs.open_handoff(
        servers.db, sender_id="s-calm", channel="socketio", reason="complaint",
        priority=complaint.priority, summary="苦情", details={},
    )
    expect(queue_card(desk, calm).locator(".badge.urgent")).to_have_text("至急")
    shown = notifications(desk, 2)[1]
    assert shown["title"] == "【至急】お待ちのお客さまのご用件が至急になりました"
    assert complaint.label in shown["body"]

    queue_card(desk, urgent).click()
    expect(desk.locator("#conv-meta")).to_contain_text(f"至急　・　{distress.label}")


def test_a_muted_console_still_notifies_but_plays_no_tone_until_unmuted(servers, desk):
    operators.add(servers.db, "ito", PASSWORD)
    open_console(desk, servers, "ito")
    toggle = desk.locator("#sound-toggle")
    expect(toggle).to_have_text("通知音 オン")
    toggle.click()
    expect(toggle).to_have_text("通知音 オフ")
    expect(toggle).to_have_attribute("aria-checked", "false")

    make_handoff(servers.db, "s-muted", reason="complaint", priority=1)
    notifications(desk, 1)
    expect(desk).to_have_title(counted(1, urgent=True))
    assert tones(desk) == []

    desk.reload()  # the choice is kept in this browser
    expect(desk.locator("#me")).to_have_text("ito さん")
    expect(toggle).to_have_text("通知音 オフ")
    assert desk.evaluate(f"localStorage.getItem('{SOUND_KEY}')") == "off"

    toggle.click()
    expect(toggle).to_have_text("通知音 オン")
    make_handoff(servers.db, "s-heard")
    notifications(desk, 1)  # the page was reloaded: its records start again
    assert len(tones(desk)) == NORMAL_NOTES


def test_a_handoff_that_comes_while_the_live_socket_connects_is_announced(servers, desk):
    """Between the first listing and the socket's hello, a handoff is neither listed nor pushed
    to this console: it is caught up on at the hello."""
    operators.add(servers.db, "ito", PASSWORD)
    held = []

    def hold(socket) -> None:  # the console's socket reaches the server when the test says so
        held.append(socket)

    desk.route_web_socket(re.compile(r"/api/live"), hold)
    log_in(desk, servers, "ito")
    expect(desk.locator("#queue-empty")).to_be_visible()
    while not held:
        desk.wait_for_timeout(50)
    between = make_handoff(servers.db, "s-between")
    desk.wait_for_timeout(1000)  # the hub has pushed it to the sockets it had: none of this console
    held[0].connect_to_server()
    expect(queue_card(desk, between)).to_be_visible()
    expect(desk).to_have_title(counted(1))
    (shown,) = notifications(desk, 1)
    assert shown["title"] == "新しいお客さまが待っています"


def test_the_title_count_falls_when_a_chat_is_taken_or_closed(servers, desk):
    operators.add(servers.db, "ito", PASSWORD)
    taken = make_handoff(servers.db, "s-taken", waited_minutes=5)
    closed = make_handoff(servers.db, "s-closed", waited_minutes=3)
    open_console(desk, servers, "ito")
    expect(desk).to_have_title(counted(2))

    queue_card(desk, taken).click()
    desk.fill("#reply", "お待たせいたしました。担当の伊藤です。")
    desk.click("#reply-send")  # the first to write takes the chat
    expect(queue_card(desk, taken)).to_contain_text("担当 ito")
    expect(desk).to_have_title(counted(1))

    queue_card(desk, closed).click()
    desk.click("#close")
    desk.click("#confirm-ok")
    expect(desk.locator("#conv-ended")).to_contain_text("終了しました")
    expect(desk).to_have_title(TITLE)

    desk.click("#logout")
    expect(desk.locator("#login-view")).to_be_visible()
    expect(desk).to_have_title(TITLE)


def test_the_console_asks_before_it_notifies(servers):
    """Without the operator's permission there is no notification, only a button asking for it."""
    operators.add(servers.db, "ito", PASSWORD)
    with launched_chromium() as browser:
        context = browser.new_context(locale="ja-JP")
        context.add_init_script(RECORDER)
        page = context.new_page()
        page.set_default_timeout(UI_TIMEOUT)
        open_console(page, servers, "ito")
        if page.evaluate("Notification.permission") != "default":
            pytest.skip("this Chromium decides notification permission without asking")
        expect(page.locator("#notify-permission")).to_have_text("通知を許可する")
        make_handoff(servers.db, "s-unasked")
        expect(page).to_have_title(counted(1))
        expect(page.locator("#toast")).to_contain_text("新しいお客さまが待っています")
        assert page.evaluate("window.__notifications.length") == 0
        context.grant_permissions(["notifications"], origin=servers.web)
        page.click("#notify-permission")
        expect(page.locator("#notify-ask")).to_be_hidden()

