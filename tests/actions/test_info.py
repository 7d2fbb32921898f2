"""Answers to gift and product questions, a memorial one in full."""

from __future__ import annotations

import pytest

from actions.info import ActionAnswerGift, ActionAnswerProduct
from tests.actions.conftest import make_tracker, user


async def test_a_memorial_gift_question_gets_noshi_products_and_a_person_offered(dispatcher, domain):
    tracker = make_tracker([user("四十九日のお供えにはどんなのしがいいですか", "ask_gift")])
    await ActionAnswerGift().run(dispatcher, tracker, domain)
    message = dispatcher.messages[0]
    assert "黒白" in message["text"] and "黄白" in message["text"] and "日持ち" in message["text"]
    assert "お悔やみ" not in message["text"]  # nobody's death was mentioned
    assert message["buttons"] and "担当者" in message["buttons"][0]["title"]


async def test_a_kouden_gaeshi_product_question_gets_quantities(dispatcher, domain):
    tracker = make_tracker([user("香典返しに使えるお菓子はありますか。30人分ほど必要です", "ask_product")])
    await ActionAnswerProduct().run(dispatcher, tracker, domain)
    assert "30個" in dispatcher.messages[0]["text"] and "志" in dispatcher.messages[0]["text"]


async def test_the_custom_asked_after_a_death_gets_condolences_and_the_memorial_answer(dispatcher, domain):
    tracker = make_tracker([user("うちの staff のお父さん 亡くなった。日本のやり方 わからない", "ask_gift")])
    await ActionAnswerGift().run(dispatcher, tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert "お悔やみ" in text and "黒白" in text and "御供" in text and "紅白" not in text


async def test_other_gift_questions_are_answered_as_before(dispatcher, domain):
    tracker = make_tracker([user("お歳暮ののしは？", "ask_gift")])
    await ActionAnswerGift().run(dispatcher, tracker, domain)
    assert "紅白" in dispatcher.messages[0]["text"] and not dispatcher.messages[0]["buttons"]


async def test_a_noshi_question_after_a_memorial_gets_the_buddhist_noshi(dispatcher, domain):
    tracker = make_tracker([
        user("祖父の七回忌の引き物を25人分手配しようと思っています", "ask_gift"),
        user("のしの色と表書きを教えてください", "ask_gift", ts=2.0),
    ])
    await ActionAnswerGift().run(dispatcher, tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert "黒白" in text and "志" in text and "25個" in text and "紅白" not in text


@pytest.mark.parametrize("first, then, words", [
    ("義父の七回忌で配るお菓子を20人分考えています", "表書きは何と書けばいいですか。外のしと内のし、どちらがいいでしょう",
     ("志", "外のし", "手渡し")),
    # 何と書きますか? got the whole answer again (round 2026-12-02zd kaoru-nattapong-06)
    ("her father passed away last month. お供えのお菓子です", "何と書きますか? I don't want to make mistake", ("御供",)),
])
async def test_a_second_noshi_question_gets_the_noshi_not_the_whole_answer_again(
    dispatcher, domain, first, then, words
):
    tracker = make_tracker([
        user(first, "ask_gift"),
        {"event": "bot", "text": "仏事ののしは、黒白または黄白の結び切り。…", "timestamp": 1.5},
        user(then, "ask_gift", ts=2.0),
    ])
    await ActionAnswerGift().run(dispatcher, tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert all(w in text for w in words)
    assert "本練り羊羹" not in text  # the products were told already


async def test_a_celebration_noshi_reported_after_the_memorial_gift_goes_to_a_person(shop, dispatcher, domain):
    from madoguchi.store import handoffs

    tracker = make_tracker([
        user("先月、伯父の一周忌のお供えをそちらから送ってもらいました", "ask_gift"),
        user("先方から、のしが紅白の蝶結びだったと連絡がありまして", "ask_gift", ts=2.0),
    ])
    events = await ActionAnswerGift().run(dispatcher, tracker, domain)
    assert {"event": "slot", "timestamp": None, "name": "handoff_reason", "value": "needs_operator"} in events
    assert handoffs.open_for(shop, "s1").reason == "needs_operator"
    assert not any("結び切り" in (m.get("text") or "") for m in dispatcher.messages)  # no のし lesson


async def test_a_noshi_question_after_a_memorial_is_no_report(dispatcher, domain):
    tracker = make_tracker([
        user("伯父の一周忌のお供えを考えています", "ask_gift"),
        user("のしは紅白の蝶結びでいいですか", "ask_gift", ts=2.0),
    ])
    events = await ActionAnswerGift().run(dispatcher, tracker, domain)
    assert events == [] and "黒白" in dispatcher.messages[0]["text"]


async def test_an_ingredient_question_the_data_cannot_answer_offers_a_person(dispatcher, domain):
    tracker = make_tracker([user("ラードとか使ってないお菓子ってあります？", "ask_product")])
    await ActionAnswerProduct().run(dispatcher, tracker, domain)
    message = dispatcher.messages[0]
    assert "担当者が商品ごとに確認" in message["text"] and "担当者" in message["buttons"][0]["title"]
