"""Questions about the catalog itself inside its request: answered from the shop's rules
and products, and the form's question asked again."""

from __future__ import annotations

import pytest

from actions.catalog import ValidateCatalogForm
from actions.catalog_questions import FREE, answers
from tests.actions.conftest import make_tracker, said, slot_sets, user


@pytest.mark.parametrize("text", ["カタログって送料かかるんですか？", "その前に、カタログは金がかかるのか", "冊子は無料ですか",
                                  "ところで　かたろぐって　ただだべか？　金かかるんだば　いらね",
                                  "あの、 かたろぐって おかね かがるがの？",
                                  "ゆうびんの ばんごうを いま さがしよります。そのまえに、かたろぐは おだいが いるんでしょうか"])
def test_the_catalogs_price_or_postage_is_free(text):
    assert answers(text) == [FREE]


def test_get_well_wishes_ask_no_price():
    assert answers("かたろぐ ありがとう。おだいじに") == []


@pytest.mark.parametrize("text", ["カタログにはお値段も書いてありますか", "カタログってどんなお菓子が載ってるの？"])
def test_what_is_in_the_catalog_is_told_with_a_real_price(text):
    [answer] = answers(text)
    assert "お値段とともに" in answer and "3,240円" in answer  # the shop's first product, as in products.yml


def test_how_soon_it_comes_follows_the_shop_rules():
    [answer] = answers("カタログは何日ぐらいで届きますか")
    assert "メール便で3〜7日ほど" in answer and "宅配便（無料）で2日ほど" in answer


@pytest.mark.parametrize("text", ["カタログを送ってください", "森 和子です", "〒150-0001 渋谷区神宮前2-3-4", "羊羹の値段は？"])
def test_no_question_about_the_catalog_is_no_answer(text):
    assert answers(text) == []


async def test_a_contents_question_at_the_postal_code_is_answered_and_asked_again(shop, dispatcher, domain):
    tracker = make_tracker([user("カタログにはお値段も書いてありますか", "request_catalog")],
                           slots={"person_name": "森 和子"}, active_loop="catalog_form", requested_slot="postal_code")
    slots = slot_sets(await ValidateCatalogForm().run(dispatcher, tracker, domain))
    assert "お値段とともに" in said(dispatcher)[0]
    assert slots == {"postal_code": None}  # the question again, the name kept


async def test_a_gift_question_not_understood_at_the_postal_code_is_answered_and_asked_again(shop, dispatcher, domain):
    """Round 2026-12-05zz: 内祝 は なん ですか？, not understood, was told the postal code is seven digits."""
    tracker = make_tracker([user("あの… しつもん です。 ホームページ に 「内祝」 と ありました。 内祝 は なん ですか？", "nlu_fallback")],
                           slots={"person_name": "森 和子"}, active_loop="catalog_form", requested_slot="postal_code")
    slots = slot_sets(await ValidateCatalogForm().run(dispatcher, tracker, domain))
    assert "内祝" in said(dispatcher)[0] and "7桁" not in " ".join(said(dispatcher))
    assert slots == {"postal_code": None}
