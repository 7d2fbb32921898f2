"""折り返し電話 in a real browser: a callback booked on the web chat (the customer's page,
its buttons pressed) and one booked on LINE (the real LINE channel and line-bot-sdk against
the stand-in platform, quick replies tapped as postbacks) show on the desk's callback queue
in time order, and an operator marks them done.

A stand-in bot answers a wish to talk as `action_handoff` does: it opens the handoff and
sends the callback offer with its button. Everything after the button is the channels'.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from datetime import datetime

import pytest
import socketio
from aiohttp import web

from madoguchi.channels.line import LineInput
from madoguchi.channels.socketio import SocketIOChannel
from madoguchi.free_ports import free_port
from madoguchi.handoff import callback as words
from madoguchi.shop.rules import shop_rules
from madoguchi.store import callbacks, handoffs, operators, transcripts
from madoguchi.web.app import create_app
from tests.e2e.screenshots import save_screenshots
from tests.e2e.test_browser import launched_chromium
from tests.madoguchi.channels.line_harness import NAMES, SECRET, TOKEN, USER, LineServer, StandInBot, body, event, text_event
from tests.madoguchi.channels.line_platform import LinePlatform
from tests.madoguchi.desk.test_api import PASSWORD, settings_for
from tests.madoguchi.desk.test_console_browser import UI_TIMEOUT, Servers, expect, log_in

FRIDAY_MORNING = "2026-11-20T10:00:00+09:00"
WISH = "電話で話したいのですが"
OPERATOR = "sato"


def offering_bot(db, channel: str) -> StandInBot:
    """Answers a wish to talk as the handoff does: a handoff opened, the offer with its button."""

    def answers(text: str) -> list[dict]:
        return [{"text": f"「{text}」を承りました。"}]

    bot = StandInBot(answers=answers)

    async def handle_message(message) -> None:
        bot.received.append(message)
        if handoffs.open_for(db, message.sender_id) is None:
            handoffs.open_handoff(db, sender_id=message.sender_id, channel=channel, reason="customer_request",
                                  priority=3, summary="お電話をご希望", details={})
        offer, buttons = words.offer()
        await message.output_channel.send_text_with_buttons(message.sender_id, offer, buttons)

    bot.handle_message = handle_message  # type: ignore[method-assign]
    return bot


class Shop(Servers):
    """The web service and a stand-in of Rasa (as for the console), plus the web chat's
    socket.io channel and the LINE channel with the stand-in LINE platform, on free ports."""

    async def _start(self) -> None:
        # the web chat: Rasa's socket.io channel wrapped as its blueprint wraps it, on aiohttp
        channel = SocketIOChannel.from_credentials({"session_persistence": True})
        channel.db = self.db
        wrapped: dict = {}
        serve = channel.handle
        channel.handle = lambda sio, handler: wrapped.setdefault("handler", handler)  # type: ignore[method-assign]
        self.chat_bot = offering_bot(self.db, "socketio")
        channel.blueprint(self.chat_bot.handle_message)
        channel.handle = serve  # type: ignore[method-assign]
        sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins="*")
        serve(sio, wrapped["handler"])
        socket_app = web.Application()
        sio.attach(socket_app)
        socket_port = free_port()
        # the web service (chat page and desk) on the shop's clock, its chat page on that socket
        settings = dataclasses.replace(
            settings_for(self.db, f"http://127.0.0.1:{self.rasa_port}"),
            socket_url=f"http://127.0.0.1:{socket_port}", fixed_now=FRIDAY_MORNING,
        )
        self.app = create_app(settings, self.db)
        for app, port in ((self.rasa.app(), self.rasa_port), (self.app, self.web_port), (socket_app, socket_port)):
            runner = web.AppRunner(app)
            await runner.setup()
            await web.TCPSite(runner, "127.0.0.1", port).start()
            self.runners.append(runner)
        # LINE
        self.platform = await LinePlatform(TOKEN, NAMES).start()
        self.line_bot = offering_bot(self.db, "line")
        line = LineInput(SECRET, TOKEN, api_base=self.platform.base_url, db=self.db, retry_delay=0.05)
        self.line = await LineServer(line, self.line_bot).start()

    async def _stop(self) -> None:
        await self.line.stop()
        await self.platform.stop()
        await super()._stop()

    def run(self, coroutine, timeout: float = 30):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def line_sends(self, raw: dict) -> list:
        """A LINE event posted to the webhook; the replies the platform delivered for it."""
        before = len(self.platform.delivered("reply"))
        self.run(self.line.post(body(raw)))
        self.run(self.line.settle())
        return self.platform.delivered("reply")[before:]


@pytest.fixture
def shop(db, monkeypatch):
    from madoguchi.settings import settings

    monkeypatch.setenv("MADOGUCHI_NOW", FRIDAY_MORNING)
    settings.cache_clear()
    with Shop(db) as shop:
        yield shop
    settings.cache_clear()


@pytest.fixture
def browser():
    with launched_chromium() as chromium:
        yield chromium


def new_page(browser, width: int = 1280, height: int = 800):
    page = browser.new_context(locale="ja-JP", viewport={"width": width, "height": height}).new_page()
    page.set_default_timeout(UI_TIMEOUT)
    return page


def callback_row(page, callback_id: int):
    return page.locator(f"#callback-rows tr[data-callback-id='{callback_id}']")


def open_callbacks(page, shop) -> None:
    operators.add(shop.db, OPERATOR, PASSWORD)
    log_in(page, shop, OPERATOR)
    page.click(".tab[data-tab=callbacks]")
    expect(page.locator("#callback-view")).to_be_visible()


def quick_reply(replies: list, label: str) -> str:
    """The postback data of a quick reply the customer taps, from LINE's delivered replies."""
    for call in replies:
        for message in call.body["messages"]:
            for item in (message.get("quickReply") or {}).get("items", []):
                if item["action"]["label"] == label:
                    assert item["action"]["type"] == "postback" and item["action"]["displayText"] == label
                    return item["action"]["data"]
    raise AssertionError(f"no quick reply {label!r} in {[c.texts for c in replies]}")


def test_a_callback_booked_on_the_web_chat_shows_on_the_desk_and_is_marked_done(shop, browser):
    desk = new_page(browser)
    open_callbacks(desk, shop)
    expect(desk.locator("#callback-empty")).to_be_visible()
    expect(desk.locator("#callback-count")).to_have_text("0")

    customer = new_page(browser, 480, 900)
    customer.goto(f"{shop.web}/")
    customer.fill("#text", WISH)
    customer.press("#text", "Enter")
    expect(customer.locator(".msg.bot").filter(has_text="担当者からお電話いたします")).to_be_visible()
    customer.get_by_role("button", name="電話で折り返してほしい").click()
    expect(customer.locator(".msg.bot").last).to_have_text(words.ASK_PHONE)
    customer.fill("#text", "０９０－１２３４－５６７８")
    customer.press("#text", "Enter")
    expect(customer.locator(".msg.bot").last).to_contain_text("090-1234-5678 へおかけします")
    expect(customer.locator(".choices").last.get_by_role("button", name="11月22日(日)")).to_have_count(0)
    customer.get_by_role("button", name="11月21日(土)").click()
    customer.get_by_role("button", name="13時〜15時").click()
    expect(customer.locator(".msg.bot").last).to_contain_text("11月21日(土) 13時〜15時に、090-1234-5678 へ当店の担当者からお電話いたします")
    expect(customer.locator(".msg.customer").last).to_have_text("13時〜15時")
    assert [m.text for m in shop.chat_bot.received] == [WISH]  # the rest never reached the bot

    [booked] = callbacks.listing(shop.db)
    row = callback_row(desk, booked.id)  # live: no reload
    expect(row).to_contain_text("11月21日(土) 13時〜15時")
    expect(row.locator(".callback-phone a")).to_have_text("090-1234-5678")
    expect(row.locator(".callback-phone a")).to_have_attribute("href", "tel:09012345678")
    expect(row).to_contain_text("Webチャット")
    expect(row.locator(".badge.late")).to_have_count(0)  # tomorrow: not late
    expect(desk.locator("#callback-count")).to_have_text("1")
    save_screenshots("desk-callbacks-webchat", customer=customer, desk=desk)

    row.get_by_role("button", name=re.compile("会話を開く")).click()  # the link to the chat
    expect(desk.locator("#conversation")).to_be_visible()
    expect(desk.locator("#transcript")).to_contain_text("11月21日(土) 13時〜15時に、090-1234-5678 へ")
    expect(desk.locator("#transcript")).to_contain_text("０９０－１２３４－５６７８")

    desk.click(".tab[data-tab=callbacks]")
    row.get_by_role("button", name="対応済みにする").click()
    expect(row).to_have_count(0)
    expect(desk.locator("#callback-count")).to_have_text("0")
    assert callbacks.get(shop.db, booked.id).status == "done"
    desk.select_option("#callback-status", "done")
    expect(row.locator(".callback-status")).to_contain_text("対応済み")
    expect(row.locator(".callback-status")).to_contain_text(OPERATOR)


def test_a_callback_booked_on_line_shows_on_the_desk_in_time_order_and_is_marked_done(shop, browser):
    desk = new_page(browser, 1280, 700)
    open_callbacks(desk, shop)

    replies = shop.line_sends(text_event(WISH))
    pressed = shop.line_sends(event("postback", postback={"data": quick_reply(replies, "電話で折り返してほしい")}))
    assert pressed[0].texts == [words.ASK_PHONE]
    days = shop.line_sends(text_event("０３－１２３４－５６７８"))
    assert days[0].texts == ["03-1234-5678 へおかけします。ご都合のよい日をお選びください。"]
    slots = shop.line_sends(event("postback", postback={"data": quick_reply(days, "11月24日(火)")}))
    confirmed = shop.line_sends(event("postback", postback={"data": quick_reply(slots, "9時〜11時")}))
    assert "11月24日(火) 9時〜11時に、03-1234-5678 へ当店の担当者からお電話いたします" in confirmed[0].texts[0]
    assert [m.text for m in shop.line_bot.received] == [WISH]

    # an earlier one, booked on the web chat's side meanwhile: it comes first
    earlier, _ = callbacks.start(shop.db, "s-earlier", "socketio", None)
    callbacks.set_phone(shop.db, earlier.id, "0451234567")
    slot = words.slot_at(shop_rules(), datetime.fromisoformat(FRIDAY_MORNING), datetime(2026, 11, 21, 9))
    callbacks.book(shop.db, earlier.id, slot.starts, slot.ends)

    [line_callback] = [c for c in callbacks.listing(shop.db) if c.channel == "line"]
    assert line_callback.sender_id == USER
    rows = desk.locator("#callback-rows tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("11月21日(土) 9時〜11時")
    expect(rows.nth(1)).to_contain_text("11月24日(火) 9時〜11時")
    line_row = callback_row(desk, line_callback.id)
    expect(line_row).to_contain_text("LINE")
    expect(line_row).to_contain_text("山田花子 様")  # the LINE display name
    expect(line_row.locator(".callback-phone a")).to_have_text("03-1234-5678")
    lines = [(m.role, m.text) for m in transcripts.for_sender(shop.db, USER)]
    assert ("customer", "9時〜11時") in lines
    save_screenshots("desk-callbacks", desk=desk)

    line_row.get_by_role("button", name="対応済みにする").click()
    expect(rows).to_have_count(1)
    assert callbacks.get(shop.db, line_callback.id).status == "done"
    assert callbacks.get(shop.db, earlier.id).status == "booked"


def test_the_operator_offers_a_callback_from_the_chat(shop, browser):
    desk = new_page(browser)
    operators.add(shop.db, OPERATOR, PASSWORD)
    hid = handoffs.open_handoff(shop.db, sender_id=USER, channel="line", reason="customer_request",
                                priority=3, summary="", details={}).id
    log_in(desk, shop, OPERATOR)
    desk.click(f"text=No.{hid}")
    desk.click("#callback-offer")
    expect(desk.locator("#toast")).to_contain_text("ご案内しました")
    [call] = shop.rasa.calls
    [offered] = call["events"]
    assert offered["text"] == words.OFFER and call["query"]["output_channel"] == "line"
    expect(desk.locator("#transcript")).to_contain_text("電話で折り返してほしい")
    desk.click("#close")
    desk.click("#confirm-ok")
    expect(desk.locator("#callback-offer")).to_be_disabled()

