"""A late catalog, whole conversations with the trained model and the real action server
(LocalBot, the demo orders and demo catalog requests, Friday 10:00): what the customer
reads, what the shop stores, and what the operator gets."""

from __future__ import annotations

import pytest

from madoguchi.store import catalog_requests, handoffs
from tests.e2e.localbot import bot, shop_db, talk, tracker_of  # noqa: F401 (bot is a fixture)


pytestmark = pytest.mark.asyncio(loop_scope="module")


async def test_found_and_sent_again_by_parcel(bot):
    said = await talk(bot, "late-found", [
        "先月カタログをお願いしたのですが、まだ届きません",
        "080-2222-3333",  # found by the phone alone: no name asked
        "はい、宅配便で送ってください",
        "はい、お願いします",
    ])
    text = "\n".join(said)
    assert "お申し込みの記録をお調べします" in text
    assert "11月6日(金)にメール便で発送" in text and "宅配便（無料・2日ほどでお届け）であらためて" in text
    # the one read-back: the earlier address in part only (a phone number tells nobody where one lives)
    assert "東京都渋谷区神宮前（番地から先は、前回お申し込みのときのとおり）" in text and "メゾン神宮前201" not in text
    assert "あらためて宅配便でお送りします" in said[-1] and "11月22日(日)" in said[-1]
    again = catalog_requests.find_earlier(shop_db(bot), "08022223333")
    assert again.shipping_method == "parcel" and again.resend_of is not None and again.status == "received"
    assert not (await tracker_of(bot, "late-found")).is_paused()


async def test_not_found_is_taken_again_by_parcel(bot):
    said = await talk(bot, "late-lost", [
        "ハガキでカタログを頼んだのに来ない、娘の結婚式の引き菓子を選びたいので急ぎです",
        "090-3333-4444",
        "中村あおい",
        "150-0001",
        "5-6-7",
        "はい、お願いします",
    ])
    text = "\n".join(said)
    assert "お申し込みの記録が見つかりませんでした" in text and "宅配便" in said[-1]
    request = catalog_requests.find_earlier(shop_db(bot), "09033334444")
    assert request.shipping_method == "parcel" and request.address.startswith("東京都渋谷区神宮前5-6-7")
    assert request.name == "中村あおい"


async def test_a_second_failure_goes_to_a_person_with_what_was_sent(bot):
    said = await talk(bot, "late-again", ["カタログがまだ届きません", "070-5555-6666", "伊藤さくらです"])
    tracker = await tracker_of(bot, "late-again")
    assert tracker.is_paused() and tracker.get_slot("handoff_reason") == "needs_operator"
    assert any("担当者におつなぎします" in s for s in said)
    ticket = handoffs.open_for(shop_db(bot), "late-again")
    assert ticket.reason == "needs_operator"
    assert "宅配便で発送済・まだ届かず" in ticket.summary and "（再送分）" in ticket.summary
    assert "愛知県名古屋市中区栄3-4-5" in ticket.summary and "070-5555-6666" in ticket.summary


async def test_a_second_failure_the_shop_has_no_record_of_goes_to_a_person_at_once(bot):
    """The wedding customer of situations.md, writing again late in the afternoon: her word
    that it was already sent by 宅配便 is enough, whatever the records say."""
    said = await talk(bot, "late-told", [
        "たびたびすみません、日高です",
        "孫娘の結婚式の引き菓子を選ぶとに、カタログを葉書でお願いしちょったとですけど届かんで、"
        "こないだこちらでお願いしたら、宅配便で二日くらいで届けますって言うてもろうたとです",
    ])
    tracker = await tracker_of(bot, "late-told")
    assert tracker.is_paused() and tracker.get_slot("handoff_reason") == "distress"
    assert "重ねてご迷惑をおかけし" in "\n".join(said) and "お申し込みの記録をお調べします" not in "\n".join(said)
    ticket = handoffs.open_for(shop_db(bot), "late-told")
    assert ticket.priority == 1 and "再送（または宅配便）も届かず" in ticket.summary


async def test_a_side_question_in_the_catalog_form_is_answered_then_the_form_goes_on(bot):
    said = await talk(bot, "catalog-post", [
        "カタログを一冊お願いしたいんです。来年のお年賀の品を選ぶのに",
        "渡部和枝です",
        "その前にひとつ聞きてぇんだげんちょ、メール便っていうのは、郵便受けさ入るもんだべか。昼間は病院さ行ってていねぇことが多いもんで",
    ])
    assert any("郵便受け" in s for s in said[-3:]) and "郵便番号" in said[-1]
