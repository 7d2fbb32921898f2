"""「解決しましたか」 in a real browser: an operator closes a chat, the customer's answer (and
comment) shows beside it and on its card in 対応履歴, and the レポート tab shows the figures
and the chart."""

from __future__ import annotations

import asyncio
import re
from urllib.parse import quote

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from madoguchi.channels.survey import answering_surveys
from madoguchi.handoff import survey
from datetime import timedelta
import threading

from madoguchi.store import handoffs, operators, transcripts
from madoguchi.store.transcripts import Line
from tests.e2e.screenshots import save_screenshots
from tests.madoguchi.desk.test_alerts_browser import open_console
from tests.madoguchi.desk.test_api import PASSWORD, make_handoff
from tests.madoguchi.desk.test_console_browser import UI_TIMEOUT, expect, page, queue_card, servers  # noqa: F401 (fixtures)

OPERATOR = "sato"


def customer_presses(db, sender_id: str, text: str) -> None:
    async def nobody(message: UserMessage) -> None:
        raise AssertionError(f"the bot got {message.text!r}")

    handler = answering_surveys(nobody, lambda: db)
    out = CollectingOutputChannel()
    failed: list[BaseException] = []

    def run() -> None:  # off the test's thread, where Playwright keeps its own loop
        try:
            asyncio.run(handler(UserMessage(text, out, sender_id, input_channel="socketio")))
        except BaseException as e:  # noqa: BLE001 (raised below, in the test)
            failed.append(e)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    if failed:
        raise failed[0]


def test_the_answer_shows_beside_the_closed_chat_in_the_history_and_in_the_report(servers, page):
    operators.add(servers.db, OPERATOR, PASSWORD)
    hid = make_handoff(servers.db, "s-survey", reason="complaint", priority=1, name="山田花子", waited_minutes=5)
    opened = handoffs.get(servers.db, hid).created_at
    transcripts.record(
        servers.db, [Line("s-survey", "operator", "お待たせいたしました。", opened + timedelta(seconds=150), "op-1", "socketio")]
    )
    open_console(page, servers, OPERATOR)
    queue_card(page, hid).click()
    expect(page.locator("#survey")).to_be_hidden()
    page.click("#close")
    page.click("#confirm-ok")
    expect(page.locator("#conv-ended")).to_contain_text("終了しました")
    assert any(e.get("text") == survey.QUESTION for e in servers.rasa.events)
    expect(page.locator("#survey")).to_be_visible()
    expect(page.locator("#survey-answer")).to_have_text("まだ回答がありません")

    customer_presses(servers.db, "s-survey", survey.payload(hid, solved=True))
    expect(page.locator("#survey-answer")).to_have_text("「はい」（解決した）")  # live, without reopening
    customer_presses(servers.db, "s-survey", survey.payload(hid, comment=True))
    customer_presses(servers.db, "s-survey", "丁寧に教えていただき、助かりました。")
    expect(page.locator("#survey-comment")).to_have_text("丁寧に教えていただき、助かりました。")
    expect(page.locator("#transcript")).to_contain_text("丁寧に教えていただき、助かりました。")
    save_screenshots("desk-survey", desk=page)

    page.click(".tab[data-tab=history]")
    expect(queue_card(page, hid).locator(".badge.survey")).to_have_text("解決した")
    page.reload()  # opened again from the history, the answer is there
    page.click(".tab[data-tab=history]")
    queue_card(page, hid).click()
    expect(page.locator("#survey")).to_be_visible()
    expect(page.locator("#survey-answer")).to_have_text("「はい」（解決した）")
    expect(page.locator("#survey-comment")).to_be_visible()

    page.click(".tab[data-tab=report]")
    total = page.locator("#report-rows tr.total")
    expect(total).to_contain_text("合計")
    cells = total.locator("td")
    # 件数, then one column per reason (complaint among them), then the figures
    expect(cells.first).to_have_text("1")
    header = page.locator("#report-head th")
    expect(header.nth(1)).to_have_text("件数")
    expect(header.last).to_have_text("回答")
    texts = cells.all_text_contents()
    assert texts[-5:] == ["2分30秒", "2分30秒", "100%（1/1）", "100%（1/1）", "1/1"], texts
    plot = page.locator("#report-plot")
    expect(plot).to_be_visible()
    page.wait_for_function("() => document.getElementById('report-plot').naturalWidth > 0")
    assert plot.get_attribute("src").startswith("data:image/svg+xml")
    page.select_option("#report-by", "week")
    expect(page.locator("#report-rows tr")).to_have_count(9)  # 8 weeks and the total
    expect(page.locator("#report-rows tr.total td").first).to_have_text("1")
    expect(plot).to_have_attribute("src", re.compile(re.escape(quote("（理由別・週ごと）"))))  # the week's chart, not the day's
    page.wait_for_function("() => document.getElementById('report-plot').naturalWidth > 0")
    page.set_viewport_size({"width": 1280, "height": 1900})  # the table and the whole chart
    save_screenshots("desk-report", desk=page)
