"""これまでのご利用 in a real browser: the operator opens a returning customer's chat and sees,
beside it, the earlier conversation (how it ended, the answer to 「解決しましたか」, its
transcript), the catalog request and the order the customer proved; a first-time customer
shows none of it."""

from __future__ import annotations

from datetime import timedelta

import pytest

from madoguchi.store import operators, surveys, verifications
from madoguchi.store.models import utcnow
from tests.e2e.screenshots import save_screenshots
from tests.e2e.test_browser import launched_chromium
from tests.madoguchi.desk.test_alerts_browser import open_console
from tests.madoguchi.desk.test_api import PASSWORD
from tests.madoguchi.desk.test_console_browser import UI_TIMEOUT, expect, queue_card, servers  # noqa: F401 (fixtures)
from tests.madoguchi.desk.test_history import LINE_USER, PHONE, WEB_SESSION, catalog, handed_off, order, said

OPERATOR = "sato"


@pytest.fixture
def page():
    """A page tall enough for the side pane to show the history whole in the screenshot."""
    with launched_chromium() as browser:
        page = browser.new_context(locale="ja-JP", viewport={"width": 1400, "height": 1300}).new_page()
        page.set_default_timeout(UI_TIMEOUT)
        yield page


def returning_customer(db) -> int:
    """A LINE user who asked for a catalog and proved an order ten days ago, back today."""
    earlier = utcnow() - timedelta(days=10)
    said(db, LINE_USER, [
        ("customer", "カタログを送っていただけますか"),
        ("bot", "かしこまりました。お名前を教えていただけますか。"),
        ("customer", "山本和子です"),
        ("bot", "ご注文 A1111111 は発送済みです。"),
        ("customer", "包装が破れていました。お店の方とお話ししたいです"),
        ("operator", "ご不便をおかけし申し訳ございません。新しいものをお送りいたします。"),
    ], earlier, "line")
    catalog(db, LINE_USER, PHONE, earlier + timedelta(minutes=2), sent=True)
    order(db, "A1111111", PHONE, days_ago=12, items="栗きんとん 6個入×2")
    verifications.record(db, LINE_USER, "A1111111")
    old = handed_off(db, LINE_USER, earlier + timedelta(minutes=4), channel="line",
                     reason="needs_operator", details={"phone": PHONE}, end="closed")
    surveys.ask(db, old)
    surveys.answer(db, LINE_USER, old.id, solved=True)
    now = utcnow() - timedelta(minutes=2)
    said(db, LINE_USER, [("customer", "先日はありがとうございました。また注文したいです")], now, "line")
    return handed_off(db, LINE_USER, now + timedelta(seconds=20), channel="line", name="山本和子").id


def test_a_returning_customers_earlier_chat_catalog_and_order_show_beside_the_chat(servers, page):
    operators.add(servers.db, OPERATOR, PASSWORD)
    hid = returning_customer(servers.db)
    open_console(page, servers, OPERATOR)
    queue_card(page, hid).click()

    panel = page.locator("#history")
    expect(panel.locator("#history-body")).to_be_visible()
    expect(page.locator("#history-count")).to_have_text("以前の会話 1件")
    [item] = panel.locator("#history-conversations > li").all()
    expect(item.locator(".history-ending")).to_contain_text("担当者が対応して終了")
    expect(item.locator(".history-transcript")).to_be_hidden()  # folded until opened
    item.locator("summary").click()
    expect(item.locator(".history-transcript")).to_contain_text("包装が破れていました。お店の方とお話ししたいです")
    expect(item.locator(".history-survey")).to_have_text("「解決しましたか」：解決した")
    expect(item.locator(".history-why")).to_have_text("見分けた手がかり：同じLINEのアカウント")
    # today's lines are the chat itself, not its history
    expect(panel).not_to_contain_text("また注文したいです")
    expect(panel.locator("#history-catalogs")).to_contain_text("発送済み")
    expect(panel.locator("#history-catalogs")).to_contain_text("山本和子 様")
    expect(panel.locator("#history-orders")).to_contain_text("A1111111")
    expect(panel.locator("#history-orders")).to_contain_text("栗きんとん 6個入×2")
    expect(panel.locator("#history-orders-note")).to_be_hidden()
    page.locator("#history-orders").scroll_into_view_if_needed()
    save_screenshots("desk-history", desk=page)


def test_a_first_time_customer_shows_no_history_and_no_orders(servers, page):
    operators.add(servers.db, OPERATOR, PASSWORD)
    hid = returning_customer(servers.db)
    now = utcnow() - timedelta(minutes=1)
    said(servers.db, WEB_SESSION, [("customer", "はじめて問い合わせます")], now, "socketio")
    first = handed_off(servers.db, WEB_SESSION, now, channel="socketio").id
    open_console(page, servers, OPERATOR)
    queue_card(page, hid).click()
    expect(page.locator("#history-orders")).to_contain_text("A1111111")
    queue_card(page, first).click()  # the panel follows the chat opened

    expect(page.locator("#history-conversations-empty")).to_be_visible()
    expect(page.locator("#history-catalogs-empty")).to_be_visible()
    expect(page.locator("#history-orders-note")).to_contain_text("本人確認")
    expect(page.locator("#history")).not_to_contain_text("A1111111")
    expect(page.locator("#history-count")).to_have_text("")
