"""One chat, one operator, in a real browser: two operators in two browser contexts on the
same chat. The second sees who has it (担当) and who is viewing it (閲覧中), is asked before
writing into it or taking it over, and a reply the server refused is sent to the customer
once; a waiting chat is taken before writing; a chat is handed to a colleague with a note
the colleague sees at once.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from madoguchi.store import audit, handoffs, operators
from madoguchi.store.models import Handoff
from tests.e2e.screenshots import save_screenshots
from tests.e2e.test_browser import launched_chromium
from tests.madoguchi.desk.test_alerts_browser import TITLE, counted, open_console
from tests.madoguchi.desk.test_api import PASSWORD, lines_of_sender, make_handoff
from tests.madoguchi.desk.test_console_browser import UI_TIMEOUT, expect, queue_card, servers  # noqa: F401 (fixtures)

SATO, ITO = "sato", "ito"


@pytest.fixture
def desks(servers):
    """Two operators' consoles, each in a browser context of its own, logged in and live."""
    operators.add(servers.db, SATO, PASSWORD)
    operators.add(servers.db, ITO, PASSWORD)
    with launched_chromium() as browser:
        pages = []
        for name in (SATO, ITO):
            page = browser.new_context(locale="ja-JP").new_page()
            page.set_default_timeout(UI_TIMEOUT)
            pages.append(page)
        yield pages


def open_chat(page, servers, name: str, handoff_id: int) -> None:
    open_console(page, servers, name)
    queue_card(page, handoff_id).click()
    expect(page.locator("#conv-title")).to_contain_text(f"No.{handoff_id}")


def reply(page, text: str) -> None:
    page.fill("#reply", text)
    page.click("#reply-send")


def rasa_calls_for(servers, sender_id: str) -> int:
    return sum(1 for call in servers.rasa.calls if call["sender_id"] == sender_id)


def audited(servers, action: str) -> list[tuple[str, str, str]]:
    return [(e.actor, e.outcome, e.detail) for e in reversed(audit.recent(servers.db, action=action))]


def test_the_second_operator_sees_who_has_and_views_the_chat_and_is_asked_before_writing(servers, desks):
    sato, ito = desks
    hid = make_handoff(servers.db, "s-two", name="山田花子")
    open_chat(sato, servers, SATO, hid)
    reply(sato, "お待たせいたしました。担当の佐藤です。")  # the first to write becomes 担当
    expect(sato.locator("#assign-owner")).to_have_text("担当: sato（あなた）")

    open_chat(ito, servers, ITO, hid)
    expect(ito.locator("#assign-owner")).to_have_text("担当: sato")
    expect(ito.locator("#assign-viewers")).to_have_text("閲覧中: sato")
    expect(ito.locator("#take")).to_have_text("担当を代わる")
    expect(sato.locator("#assign-viewers")).to_have_text("閲覧中: ito")  # each sees the other

    reply(ito, "伊藤です。ご用件を伺います。")
    expect(ito.locator("#confirm")).to_be_visible()
    expect(ito.locator("#confirm-text")).to_contain_text("この会話は sato さんが担当しています。")
    expect(ito.locator("#confirm-ok")).to_have_text("担当を代わって送信")
    save_screenshots("desk-assign", desk=ito)
    ito.click("#confirm button[value=cancel]")  # やめる: nothing is sent
    expect(ito.locator("#confirm")).to_be_hidden()
    expect(ito.locator("#reply")).to_have_value("伊藤です。ご用件を伺います。")
    assert rasa_calls_for(servers, "s-two") == 1
    assert handoffs.get(servers.db, hid).operator == SATO

    # sato opens another chat: ito no longer sees sato viewing this one
    other = make_handoff(servers.db, "s-other")
    queue_card(sato, other).click()
    expect(ito.locator("#assign-viewers")).to_be_hidden()
    queue_card(sato, hid).click()
    expect(ito.locator("#assign-viewers")).to_have_text("閲覧中: sato")
    sato.context.close()  # sato's console closes: ito no longer sees sato viewing it
    expect(ito.locator("#assign-viewers")).to_be_hidden()


def test_a_reply_refused_by_the_server_is_asked_about_and_sent_once(servers, desks):
    """ito's console has not yet heard that sato took the chat: the server refuses the reply,
    the console asks with the server's words, and the reply goes out once, taking the chat over."""
    sato, ito = desks
    hid = make_handoff(servers.db, "s-race", name="佐藤道子")
    open_chat(ito, servers, ITO, hid)
    expect(ito.locator("#assign-owner")).to_have_text("担当: まだいません")
    # sato takes it behind ito's back: a change the live hub has not pushed yet
    assert handoffs.assign(servers.db, hid, SATO, expected=None)
    with servers.db.session() as session:
        session.get(Handoff, hid).updated_at -= timedelta(minutes=5)

    reply(ito, "伊藤です。確認いたします。")
    expect(ito.locator("#confirm-text")).to_contain_text(f"受付番号 {hid} は sato さんが担当しています。返信は送っていません。")
    assert rasa_calls_for(servers, "s-race") == 0
    expect(ito.locator("#assign-owner")).to_have_text("担当: sato")  # the console has caught up
    ito.click("#confirm-ok")
    expect(ito.locator("#transcript .line.from-operator")).to_have_count(1)
    expect(ito.locator("#assign-owner")).to_have_text("担当: ito（あなた）")
    assert rasa_calls_for(servers, "s-race") == 1
    assert lines_of_sender(servers.db, "s-race") == [("operator", "伊藤です。確認いたします。")]
    assert audited(servers, "message") == [(ITO, "refused", "assigned_to_other"), (ITO, "ok", "")]
    assert audited(servers, "takeover") == [(ITO, "ok", "from=sato via=message")]


def test_an_operator_takes_a_waiting_chat_before_writing_and_another_takes_it_over(servers, desks):
    sato, ito = desks
    hid = make_handoff(servers.db, "s-take")
    open_console(ito, servers, ITO)
    open_chat(sato, servers, SATO, hid)
    expect(sato).to_have_title(counted(1))
    expect(sato.locator("#take")).to_have_text("担当する")
    sato.click("#take")
    expect(sato.locator("#assign-owner")).to_have_text("担当: sato（あなた）")
    expect(sato.locator("#take")).to_be_hidden()
    expect(sato).to_have_title(TITLE)  # nobody's waiting for an operator now
    expect(queue_card(ito, hid)).to_contain_text("担当 sato")  # pushed to the other console
    expect(queue_card(ito, hid)).to_contain_text("閲覧中 sato")
    assert servers.rasa.calls == []  # the customer is told nothing by a take

    queue_card(ito, hid).click()
    ito.click("#take")
    expect(ito.locator("#confirm-text")).to_contain_text("この会話は sato さんが担当しています。担当を代わりますか？")
    ito.click("#confirm-ok")
    expect(ito.locator("#assign-owner")).to_have_text("担当: ito（あなた）")
    expect(sato.locator("#assign-owner")).to_have_text("担当: ito")
    expect(sato.locator("#assign-bar")).to_have_class("assign-bar others")
    assert audited(servers, "take") == [(SATO, "ok", "")]
    assert audited(servers, "takeover") == [(ITO, "ok", "from=sato via=take")]


def test_a_chat_is_handed_to_a_colleague_with_a_note_the_colleague_sees(servers, desks):
    sato, ito = desks
    hid = make_handoff(servers.db, "s-hand", name="鈴木一郎", reason="needs_operator")
    open_console(ito, servers, ITO)
    open_chat(sato, servers, SATO, hid)
    reply(sato, "お待たせいたしました。")
    expect(sato.locator("#assign-owner")).to_have_text("担当: sato（あなた）")

    sato.click("#transfer-open")
    expect(sato.locator("#transfer")).to_be_visible()
    expect(sato.locator("#transfer-to option")).to_have_text(["ito（オンライン）"])
    sato.fill("#transfer-note", "破損の件。写真は受領済み、交換品の発送日をご相談ください。")
    sato.click("#transfer-ok")
    expect(sato.locator("#transfer")).to_be_hidden()
    expect(sato.locator("#assign-owner")).to_have_text("担当: ito")
    expect(sato.locator("#notes .note-text").last).to_have_text(
        "引き継ぎ（sato → ito）：破損の件。写真は受領済み、交換品の発送日をご相談ください。"
    )

    # ito is told at once, with the note, and the chat is marked as handed over
    expect(ito.locator("#toast")).to_contain_text(f"sato さんから No.{hid} を引き継ぎました。")
    expect(ito.locator("#toast")).to_contain_text("メモ：破損の件。写真は受領済み")
    card = queue_card(ito, hid)
    expect(card.locator(".badge.handed")).to_have_text("引き継ぎ")
    expect(card).to_contain_text("担当 ito")
    card.click()
    expect(ito.locator("#assign-owner")).to_have_text("担当: ito（あなた）")
    expect(ito.locator("#notes .note-text")).to_have_text(
        ["引き継ぎ（sato → ito）：破損の件。写真は受領済み、交換品の発送日をご相談ください。"]
    )
    expect(ito.locator("#assign-viewers")).to_have_text("閲覧中: sato")
    save_screenshots("desk-transfer", desk=ito)
    reply(ito, "担当が代わりました。伊藤です。")  # ito writes without being asked
    expect(ito.locator("#transcript .line.from-operator")).to_have_count(2)
    expect(ito.locator("#confirm")).to_be_hidden()
    assert audited(servers, "transfer") == [(SATO, "ok", "to=ito from=sato")]
    assert lines_of_sender(servers.db, "s-hand") == [
        ("operator", "お待たせいたしました。"), ("operator", "担当が代わりました。伊藤です。"),
    ]


def test_closing_a_chat_another_has_says_so_and_takes_it_over(servers, desks):
    sato, ito = desks
    hid = make_handoff(servers.db, "s-end", name="木村節子")
    open_chat(sato, servers, SATO, hid)
    reply(sato, "担当の佐藤です。")
    open_chat(ito, servers, ITO, hid)
    expect(ito.locator("#assign-owner")).to_have_text("担当: sato")

    ito.click("#close")
    expect(ito.locator("#confirm-text")).to_contain_text("この会話は sato さんが担当しています。担当を代わって")
    ito.click("#confirm button[value=cancel]")  # やめる: the chat stays open with sato
    assert handoffs.get(servers.db, hid).status == "open"

    ito.click("#close")
    ito.click("#confirm-ok")
    expect(ito.locator("#toast")).to_contain_text("会話を終了しました。")
    assert handoffs.get(servers.db, hid).status == "closed"
    assert audited(servers, "takeover") == [(ITO, "ok", "from=sato via=close")]
