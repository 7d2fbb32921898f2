"""Whole conversations with the trained model and the real action server (LocalBot), judged
by what the customer and the operator get: the situations of issue 13.

Each test is one customer; the bot's lines, the tracker and the desk ticket are checked.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from madoguchi.model import model_path
from madoguchi.store import catalog_requests, handoffs
from madoguchi.store.db import Database
from tests.e2e.localbot import SharedModelBot

_senders = itertools.count(1)


@dataclass
class Turn:
    """What the bot said to one message, and the conversation's state afterwards."""

    texts: list[str]
    buttons: list[dict[str, Any]]
    state: dict[str, Any]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def paused(self) -> bool:
        return bool(self.state.get("paused"))

    @property
    def slots(self) -> dict[str, Any]:
        return self.state["slots"]

    @property
    def form(self) -> str | None:
        return (self.state.get("active_loop") or {}).get("name")


@dataclass
class Customer:
    """One conversation with the bot."""

    bot: Any
    loop: asyncio.AbstractEventLoop
    db: Database
    sender: str = field(default_factory=lambda: f"customer-{next(_senders)}")
    heard: list[str] = field(default_factory=list)

    def says(self, text: str) -> Turn:
        tracker_store = self.bot.agent.tracker_store
        before = len(self.loop.run_until_complete(tracker_store.get_or_create_tracker(self.sender)).events)
        state = self.loop.run_until_complete(self.bot.send(self.sender, text))
        tracker = self.loop.run_until_complete(tracker_store.get_or_create_tracker(self.sender))
        bots = [e.as_dict() for e in list(tracker.events)[before:] if e.as_dict()["event"] == "bot"]
        texts = [b["text"] for b in bots if b.get("text")]
        buttons = [button for b in bots for button in (b.get("data") or {}).get("buttons") or []]
        self.heard += texts
        return Turn(texts, buttons, state)

    def ticket(self):
        return handoffs.open_for(self.db, self.sender)


@pytest.fixture(scope="module")
def bot(request) -> Iterator[tuple[Any, asyncio.AbstractEventLoop, Database]]:
    model = model_path()
    if not model.exists():
        pytest.skip(f"no trained model ({model.name}): `make train` first")
    loop = asyncio.new_event_loop()
    local = SharedModelBot(request.getfixturevalue("served_agent"))
    loop.run_until_complete(local.__aenter__())
    # LocalBot's action server writes the shop data (handoffs too) to its temporary database.
    db = Database(f"sqlite:///{Path(local._tmp.name) / 'eval.db'}")
    try:
        yield local, loop, db
    finally:
        loop.run_until_complete(local.__aexit__(None, None, None))
        loop.close()


@pytest.fixture
def customer(bot) -> Customer:
    local, loop, db = bot
    return Customer(local, loop, db)


def no_order_details(text: str) -> bool:
    """Nothing of an order (status, carrier, items, dates) is in the bot's words."""
    return not any(w in text for w in ("発送済み", "ヤマト運輸", "お問い合わせ番号", "ご注文の品：", "お届け予定日"))


# --- goods problems ------------------------------------------------------------------------


def test_a_wrong_item_gets_an_apology_then_a_person_with_the_order_number(customer):
    turn = customer.says("A1234567で注文したのですが、頼んだものと違うお菓子が入っていました")
    assert "申し訳" in turn.texts[0]  # the apology comes first
    assert turn.paused and turn.slots["handoff_reason"] == "needs_operator"
    assert "A1234567" in customer.ticket().summary
    assert no_order_details(turn.text)  # nothing told before verification


def test_a_leaking_box_reaches_a_person_without_an_interrogation(customer):
    turn = customer.says("届いた箱がつぶれていて、中の水ようかんが漏れていました")
    assert "申し訳" in turn.texts[0]
    assert turn.paused and turn.slots["handoff_reason"] == "needs_operator"
    assert "ご注文番号" in turn.text  # asked for as help, after the person is called
    assert not turn.slots.get("requested_slot")


def test_a_celebration_noshi_on_a_memorial_gift_goes_to_a_person(customer):
    turn = customer.says("法事用に頼んだのに、紅白ののしが付いて届きました")
    assert "申し訳" in turn.texts[0]
    assert turn.slots["handoff_reason"] == "needs_operator"


def test_a_celebration_noshi_reported_then_the_memorial_it_was_for_goes_to_a_person(customer):
    """Round w's Akita customer: the のし first, then what it was for, read as anything."""
    customer.says("届いだ菓子っこ 開げでみだっけ のし紙 紅白だった")
    turn = customer.says("方事さ使うって 言ったったのに これだば お供えさ 出せね")
    assert "申し訳" in turn.texts[0]
    assert turn.paused and turn.slots["handoff_reason"] == "needs_operator"


# --- memorials -------------------------------------------------------------------------------


def test_a_memorial_question_is_answered_with_the_buddhist_noshi_and_no_handoff(customer):
    turn = customer.says(
        "亡くなった母がこちらの羊羹が好きでした。七回忌で親戚に配りたいのですが、のしはどうすればいいですか"
    )
    assert not turn.paused and customer.ticket() is None
    assert "黒白" in turn.text and "黄白" in turn.text and "結び切り" in turn.text
    assert "お悔やみ" in turn.text  # one condolence: a death was mentioned
    assert "日持ち" in turn.text
    assert any("担当者" in b["title"] for b in turn.buttons)  # a person offered, not forced


def test_a_kouden_gaeshi_question_gets_products_that_keep_and_quantities(customer):
    turn = customer.says("香典返しに使えるお菓子はありますか。30人分ほど必要です")
    assert not turn.paused
    assert "志" in turn.text and "30個" in turn.text


# --- forms the customer can leave and come back to -------------------------------------------


def test_stop_inside_the_verification_releases_the_customer(customer):
    customer.says("注文した品がまだ届かないんですが")
    turn = customer.says("やめます")
    assert not turn.form and not turn.slots.get("requested_slot")
    assert not turn.paused
    assert "取りやめ" in turn.text


def test_later_inside_the_verification_releases_the_customer(customer):
    customer.says("注文した品がまだ届かないんですが")
    turn = customer.says("またにします")
    assert not turn.form and not turn.slots.get("requested_slot")
    assert "ご注文番号を教えてください" not in turn.text  # not asked again


def test_a_side_question_is_answered_and_the_form_resumes(customer):
    customer.says("注文した品がまだ届かないんですが")
    customer.says("A1234567")
    turn = customer.says("送料はいくらですか")
    assert "880円" in turn.text
    assert turn.form == "order_verification_form" and turn.slots["requested_slot"] == "phone"
    turn = customer.says("090-1234-5678")
    assert "発送済み" in turn.text  # verified: now the order is told


def test_a_corrected_order_number_does_not_restart(customer):
    customer.says("注文した品がまだ届かないんですが")
    customer.says("A1234567")
    turn = customer.says("すみません、間違えました。A2345678です")
    assert turn.slots["order_id"] == "A2345678" and turn.slots["requested_slot"] == "phone"
    turn = customer.says("03-1234-5678")
    assert "A2345678" in turn.text and "準備" in turn.text


def test_a_customer_who_asks_the_bot_to_wait_is_given_time_and_the_form_goes_on(customer):
    customer.says("カタログほしいです")
    turn = customer.says("あ、名前ですね、ちょっと待ってください")
    assert not turn.paused and "ごゆっくり" in turn.text
    assert turn.form == "catalog_form" and turn.slots["requested_slot"] == "person_name"
    turn = customer.says("山田花子です")
    assert turn.slots["requested_slot"] == "postal_code"


def test_a_wait_inside_the_verification_is_no_complaint(customer):
    customer.says("注文した品がまだ届かないんですが")
    turn = customer.says("ちょっと待っててな、メール見てみるわ…")
    assert not turn.paused and "ごゆっくり" in turn.text
    turn = customer.says("A1234567")
    assert turn.slots["requested_slot"] == "phone"


def test_an_opener_is_asked_what_it_is_about_not_handed_off(customer):
    turn = customer.says("こんにちは。法事のお菓子について質問があります。")
    assert not turn.paused and "ご用件" in turn.text
    turn = customer.says("のしは何色で、表書きはどう書けばいいでしょうか")
    assert not turn.paused and "黒白" in turn.text


# --- verification without a loop --------------------------------------------------------------


def test_no_order_number_is_explained_once_then_a_person_offered(customer):
    customer.says("注文した品がまだ届かないんですが")
    turn = customer.says("注文番号がわかりません")
    assert not turn.paused  # not distress: the bot can help
    assert "注文確認メール" in turn.text and "納品書" in turn.text
    turn = customer.says("探したけど見つからないです")
    assert "担当者におつなぎしましょうか" in turn.text
    assert "納品書" not in turn.text  # not told a second time
    assert not turn.form
    turn = customer.says("はい、お願いします")
    assert turn.paused and turn.slots["handoff_reason"] == "customer_request"
    assert "注文番号不明" in customer.ticket().summary
    assert len(customer.heard) == len(set(customer.heard))  # nothing said twice in the same words
    assert no_order_details("\n".join(customer.heard))


def test_a_refusal_is_told_why_once_and_nothing_is_revealed(customer):
    customer.says("注文した品がまだ届かないんですが")
    turn = customer.says("そっちで調べてよ、教える必要ないでしょ")
    assert not turn.paused
    assert "大切な情報" in turn.text
    turn = customer.says("だから教えないって言ってるでしょ")
    assert "大切な情報" not in turn.text  # the reason once, not again
    assert "担当者" in turn.text
    assert not turn.form
    assert no_order_details("\n".join(customer.heard))


def test_three_failed_verifications_still_go_to_a_person(customer):
    customer.says("注文した品がまだ届かないんですが")
    for _ in range(3):
        customer.says("A1234567")
        turn = customer.says("03-9999-9999")
    assert turn.paused and turn.slots["handoff_reason"] == "verification_failed"
    assert no_order_details("\n".join(customer.heard))


# --- what the customer came for, kept across messages ----------------------------------------


def test_a_memorial_told_first_keeps_the_noshi_answer_buddhist(customer):
    customer.says("こんにちは")
    turn = customer.says("祖母の三回忌の引き物を30名分手配するつもりです")
    assert not turn.paused and not turn.form and "ご注文番号" not in turn.text  # nothing ordered yet
    assert "結び切り" in turn.text and "30個" in turn.text
    turn = customer.says("のしは何色で、表書きはどう書けばいいでしょうか")
    assert not turn.paused and not turn.form
    assert "黒白" in turn.text and "志" in turn.text and "紅白" not in turn.text
    assert len(customer.heard) == len(set(customer.heard))  # not the same answer twice


def test_a_gift_being_planned_is_not_asked_for_an_order_number(customer):
    turn = customer.says("母の一周忌の法要で引き物を配る予定です。25名分")
    assert not turn.form and "ご注文番号" not in turn.text
    assert "結び切り" in turn.text and "25個" in turn.text


def test_an_order_not_yet_shipped_is_told_in_plain_words(customer):
    customer.says("頼んだお歳暮、もう出ましたか")
    customer.says("A2345678")
    turn = customer.says("03-1234-5678")
    assert "まだ発送しておりません" in turn.text and "準備中" in turn.text


def test_a_date_past_the_window_is_named_and_a_yes_takes_the_last_day(customer):
    customer.says("注文のお届け日を変えたいです")
    customer.says("A2345678 03-1234-5678")
    turn = customer.says("お届けを12/23にしてもらえますか")
    assert "12月23日" in turn.text and "12月20日" in turn.text and "担当者" in turn.text
    assert "新しいお届け日を教えてください" not in turn.text  # told why, not asked again
    turn = customer.says("はい、それでかまいません")  # the yes to the date proposed confirms it: not asked twice
    assert "12月20日" in turn.text and "変更を承りました" in turn.text and "よろしいですか" not in turn.text
    assert not turn.paused


def test_a_date_written_with_the_number_is_not_asked_again(customer):
    customer.says("配達日を変更したいのですが")
    turn = customer.says("注文番号A2345678、電話03-1234-5678、１２／５に届けてください")
    assert "12月5日" in turn.text and "よろしいですか" in turn.text


def test_look_it_up_yourself_is_explained_once_then_a_person_on_request(customer):
    customer.says("注文した品物がまだ来ないんだけど")
    turn = customer.says("登録してあるんだから、そっちで調べてもらえますか")
    assert "大切な情報" in turn.text and "納品書" in turn.text and "担当者" in turn.text
    assert not turn.paused and "ほかにご用件" not in turn.text
    turn = customer.says("店の人に探してもらえませんか。名前は中村です")
    assert turn.paused and turn.slots["handoff_reason"] == "customer_request"
    assert no_order_details("\n".join(customer.heard))


def test_a_person_offered_after_the_verification_is_taken_up_in_other_words(customer):
    customer.says("注文した品がまだ届かないんですが")
    customer.says("注文番号がわかりません")
    turn = customer.says("探したけど見つからないです")
    assert "担当者におつなぎしましょうか" in turn.text and not turn.form
    turn = customer.says("お店の方に探してもらえますか")
    assert turn.paused and turn.slots["handoff_reason"] == "customer_request"
    assert "注文番号不明" in customer.ticket().summary


def test_a_date_past_the_window_told_with_the_request_is_answered_after_the_verification(customer):
    customer.says("お届け日を12月24日に変えたいです")
    turn = customer.says("A2345678、03-1234-5678")
    assert "12月24日" in turn.text and "過ぎております" in turn.text
    assert "新しいお届け日を教えてください" not in turn.text
    turn = customer.says("はい")
    assert "12月20日" in turn.text and "変更を承りました" in turn.text  # round 2026-12-05zzy: not asked twice



def test_words_not_followed_are_offered_a_person_who_explains_and_a_yes_takes_it(customer):
    turn = customer.says("のし の こと きいて も、むずかしい ことば ばっかり で わからへん")
    assert "分かりにくい" in turn.text and "担当者におつなぎしましょうか" in turn.text and not turn.paused
    turn = customer.says("はい、おねがいします")
    assert turn.paused and turn.slots["handoff_reason"] == "customer_request"


def test_mail_delivery_asked_in_the_catalog_form_is_explained_and_the_form_goes_on(customer):
    customer.says("カタログを送ってほしいです")
    turn = customer.says("メール便とは何ですか。郵便と違うのですか。")
    assert "郵便受け" in turn.text and "880円" not in turn.text
    assert turn.form == "catalog_form"


def test_a_phone_refused_for_fear_of_fraud_is_told_why_then_a_person_on_request(customer):
    customer.says("注文した品物がまだ届かないのですが")
    customer.says("A2345678")
    turn = customer.says("電話番号など教えられん。詐欺の多い世の中だ。")
    assert not turn.paused and "担当者" in turn.text
    turn = customer.says("人を出してくれ")
    assert turn.paused and turn.slots["handoff_reason"] == "customer_request"
    assert no_order_details("\n".join(customer.heard))


# --- Portuguese and Spanish mixed with romaji (round 2026-12-05d) ------------------------------


def test_a_wrong_flavour_told_in_portuguese_goes_to_a_person(customer):
    customer.says("oi, chegou minha caixa de doces hoje")
    turn = customer.says("mas o sabor ta errado, pedi o de matcha e veio de kuri. chigau aji")
    assert "申し訳" in turn.text
    assert turn.paused and turn.slots["handoff_reason"] == "needs_operator"


def test_a_person_asked_for_in_spanish_is_called(customer):
    turn = customer.says("quiero hablar con una persona, por favor")
    assert turn.paused and turn.slots["handoff_reason"] == "customer_request"


def test_parcel_delivery_asked_in_romaji_at_the_read_back_is_stored(customer):
    customer.says("oi, queria o katarogu de papel, okutte kudasai")
    for detail in ("ペレイラ チアゴ", "470-0344", "保見ヶ丘5丁目17-305", "080-4455-7788"):
        turn = customer.says(detail)
    assert "メール便" in turn.text
    turn = customer.says("sim, takkyubin onegai")
    assert "宅配便でお送りします" in turn.text
    stored = catalog_requests.find_earlier(customer.db, "08044557788")
    assert stored is not None and stored.shipping_method == "parcel"


# --- English, and Spanish beside it (rounds 2026-12-05h and 05i) ---------------------------------


def test_a_box_that_came_wet_told_in_english_goes_to_a_person(customer):
    turn = customer.says("Hello! My order came today but the box was kinda wet")
    assert "申し訳" in turn.text
    assert turn.paused and turn.slots["handoff_reason"] == "needs_operator"


def test_a_parcel_abroad_asked_in_english_is_told_the_shop_sends_within_japan(customer):
    turn = customer.says("Hello! Quick question, do you ship to the US? My parents in Oregon love Japanese sweets")
    assert "海外への発送は承っておりません" in turn.text and not turn.paused


def test_a_cancel_confirmed_in_english_and_spanish_is_done(customer):
    customer.says("hi, I need to cancel an order")
    customer.says("A2345678")
    turn = customer.says("03-1234-5678, el teléfono del restaurante")
    assert "キャンセル" in turn.text and "よろしいですか" in turn.text
    turn = customer.says("yes cancel it, ya no lo necesito. el evento se suspendió")
    assert "キャンセルを承りました" in turn.text
