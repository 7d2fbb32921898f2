"""The console's catalog view in a real browser: an operator marks a catalog sent, then undoes it."""

from __future__ import annotations

from madoguchi.store import catalog_requests, operators
from tests.madoguchi.desk.test_api import PASSWORD
from tests.madoguchi.desk.test_console_browser import expect, log_in, page, servers  # noqa: F401 (fixtures)


def test_an_operator_marks_a_catalog_sent_and_undoes_it(servers, page):
    operators.add(servers.db, "sato", PASSWORD)
    request_id = catalog_requests.add(
        servers.db, sender_id="s1", channel="socketio", name="佐藤 美咲", postal_code="150-0001",
        address="東京都渋谷区神宮前1-2-3", phone="08022223333", shipping_method="parcel",
    )
    log_in(page, servers, "sato")
    page.click("button[data-tab=catalog]")
    row = page.locator(f"tr[data-catalog-id='{request_id}']")
    expect(row).to_contain_text("佐藤 美咲")
    expect(row.locator(".catalog-status")).to_have_text("受付")
    row.get_by_role("button", name="発送済みにする").click()
    expect(row.locator(".catalog-status")).to_contain_text("発送済み")
    assert catalog_requests.get(servers.db, request_id).status == "sent"
    page.reload()
    page.click("button[data-tab=catalog]")
    expect(row.locator(".catalog-status")).to_contain_text("発送済み")
    row.get_by_role("button", name="発送を取り消す").click()
    expect(row.locator(".catalog-status")).to_have_text("受付")
    assert catalog_requests.get(servers.db, request_id).sent_at is None

