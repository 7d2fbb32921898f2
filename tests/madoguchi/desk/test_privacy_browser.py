"""個人情報 in a real browser: an operator finds a customer by the phone number she gave in
the chat, downloads her data as JSON and deletes it; it is gone from every table of the
database (Rasa's tracker, the desk's and the web chat's included), her chats leave the
console's history, and the deletion is in the audit log."""

from __future__ import annotations

import json

import pytest

from madoguchi.store import audit, operators
from madoguchi.web.retention import RETENTION_KEY
from tests.e2e.screenshots import save_screenshots
from tests.madoguchi.desk.test_alerts_browser import open_console
from tests.madoguchi.desk.test_api import PASSWORD
from tests.madoguchi.desk.test_console_browser import UI_TIMEOUT, expect, page, queue_card, servers  # noqa: F401 (fixtures)
from tests.madoguchi.store.privacy_data import PHONE, TRACES, store_customer, traces

OPERATOR = "sato"


@pytest.fixture
def desk(servers):
    """A console page that may download files."""
    from tests.e2e.test_browser import launched_chromium

    with launched_chromium() as browser:
        page = browser.new_context(locale="ja-JP", accept_downloads=True, viewport={"width": 1280, "height": 1000}).new_page()
        page.set_default_timeout(UI_TIMEOUT)
        yield page


def test_an_operator_exports_and_deletes_a_customers_data_and_it_is_gone_from_every_table(servers, desk, tmp_path):
    db = servers.db
    operators.add(db, OPERATOR, PASSWORD)
    stored = store_customer(db)
    servers.app[RETENTION_KEY].run_once()  # the last automatic deletion, as the service runs it
    assert set(traces(db, TRACES)) >= {"messages", "handoffs", "events", "catalog_requests", "surveys", "notes"}

    open_console(desk, servers, OPERATOR)
    desk.click(".tab[data-tab=history]")
    expect(queue_card(desk, stored.handoff_id)).to_be_visible()

    desk.click(".tab[data-tab=privacy]")
    expect(desk.locator("#privacy-periods")).to_contain_text("365日")
    expect(desk.locator("#privacy-last-purge")).to_contain_text("最後の自動削除")
    desk.fill("#privacy-value", "０９０-1234-5678")  # as a customer might have written it
    desk.click("#privacy-search")
    rows = desk.locator("#privacy-conversations tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("LINE")
    expect(rows.first).to_contain_text("ヤマダ")
    expect(rows.nth(1)).to_contain_text("Webチャット")
    expect(desk.locator("#privacy-counts dd[data-kind=messages]")).to_have_text("8件")
    expect(desk.locator("#privacy-counts dd[data-kind=tracker_events]")).to_have_text("13件")
    expect(desk.locator("#privacy-orders")).to_contain_text("ここでは削除しません")
    desk.set_viewport_size({"width": 1280, "height": 1500})  # the whole screen, periods and log below
    save_screenshots("desk-privacy", desk=desk)

    with desk.expect_download() as downloading:
        desk.click("#privacy-export")
    download = downloading.value
    assert download.suggested_filename.startswith("customer-data-") and download.suggested_filename.endswith(".json")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert {m["sender_id"] for m in exported["messages"]} == {stored.web, stored.line}
    assert exported["catalog_requests"][0]["phone"] == PHONE

    desk.click("#privacy-delete")
    expect(desk.locator("#confirm-text")).to_contain_text("元に戻せません")
    desk.click("#confirm-ok")
    expect(desk.locator("#privacy-done")).to_contain_text("削除しました")
    expect(desk.locator("#privacy-done")).to_contain_text("会話の記録（発言） 8件")
    expect(desk.locator("#privacy-result")).to_be_hidden()
    expect(desk.locator("#privacy-recent li").first).to_contain_text(f"{OPERATOR} さんが削除しました")

    # gone from every table of the database, whichever module made it
    assert traces(db, TRACES + (stored.web, stored.line)) == {}
    [deleted] = audit.recent(db, action="privacy_delete")
    assert deleted.actor == OPERATOR and deleted.outcome == audit.OK

    # and from the console's history, without reloading
    desk.click(".tab[data-tab=history]")
    expect(queue_card(desk, stored.handoff_id)).to_have_count(0)
    expect(queue_card(desk, stored.line_handoff_id)).to_have_count(0)
    desk.click(".tab[data-tab=privacy]")
    desk.fill("#privacy-value", PHONE)
    desk.click("#privacy-search")
    expect(desk.locator("#privacy-error")).to_contain_text("見つかりませんでした")
