"""Catalog requests that end with the catalog on its way: whole conversations with the
trained model and the real action server (LocalBot, Friday 10:00). What the customer
reads, and what the desk's catalog list holds afterwards."""

from __future__ import annotations

import pytest

from madoguchi.store import catalog_requests
from tests.e2e.localbot import bot, shop_db, talk, tracker_of  # noqa: F401 (bot is a fixture)

pytestmark = pytest.mark.asyncio(loop_scope="module")


def stored(bot, sender: str) -> list:
    """The requests this customer left in the desk's list."""
    return [r for r in catalog_requests.recent(shop_db(bot)) if r.sender_id == sender]


async def test_a_customer_who_stops_after_the_phone_still_gets_the_catalog(bot):
    said = await talk(bot, "cat-silent", [
        "カタログを一部お願いできますか", "木下 美代子です", "〒150-0001 東京都渋谷区神宮前2-3-4", "03-3401-2233",
    ])
    assert said[-1].startswith("次の内容で承りました。") and "違うところがあれば" in said[-1]
    [request] = stored(bot, "cat-silent")
    assert (request.name, request.shipping_method, request.status) == ("木下 美代子", "mail", "received")
    assert request.address == "東京都渋谷区神宮前2-3-4"


@pytest.mark.parametrize("sender, answer", [
    ("cat-ok", "OKです、どうも"),
    ("cat-enough", "以上でよろしくお願いします"),
    ("cat-plain", "急がないのでふつうので大丈夫です、ありがとうございます"),
])
async def test_thanks_or_ok_after_the_readback_ends_politely(bot, sender, answer):
    said = await talk(bot, sender, ["カタログ送ってほしいです", "川口 千春", "150-0001", "2-3-4", "090-4455-6677", answer])
    assert "取りやめ" not in said[-1] and "メール便でお送りします" in said[-1]
    assert len(stored(bot, sender)) == 1
    assert (await tracker_of(bot, sender)).active_loop_name is None


async def test_a_phone_corrected_after_the_readback_corrects_the_stored_request(bot):
    said = await talk(bot, "cat-fix-phone", [
        "カタログを送ってください", "村上 和子", "150-0001", "2-3-4", "090-1111-2222",
        "すみません、電話番号をまちがえました。090-1111-3333です",
    ])
    assert said[-1].startswith("次の内容で承っております。") and "090-1111-3333" in said[-1]
    [request] = stored(bot, "cat-fix-phone")
    assert request.phone == "09011113333" and request.status == "received"


async def test_the_address_said_to_be_wrong_is_asked_again_and_corrected(bot):
    said = await talk(bot, "cat-fix-address", [
        "カタログを送ってください", "村上 和子", "150-0001", "2-3-4", "090-1111-2222",
        "住所がちがいます", "〒100-0001 東京都千代田区千代田1-1",
    ])
    assert any("郵便番号を教えてください" in s for s in said[-3:])
    [request] = stored(bot, "cat-fix-address")
    assert request.postal_code == "100-0001" and request.address == "東京都千代田区千代田1-1"


async def test_no_hurry_sends_it_by_mail_without_asking(bot):
    said = await talk(bot, "cat-no-hurry", [
        "お歳暮用のカタログください。急ぎじゃないです", "石田 光", "150-0001", "2-3-4", "080-2323-4545",
    ])
    assert not any("宅配便にいたしますか" in s for s in said)
    assert stored(bot, "cat-no-hurry")[0].shipping_method == "mail"


async def test_a_hurry_said_later_sends_it_by_parcel_and_says_so(bot):
    said = await talk(bot, "cat-hurry", [
        "カタログをお願いします", "石田 光", "週末の集まりで使うので、今週中に届くと助かります", "150-0001", "2-3-4",
        "080-2323-4545",
    ])
    assert "宅配便（無料" in said[-1]
    assert stored(bot, "cat-hurry")[0].shipping_method == "parcel"


async def test_the_name_is_the_name_part_of_the_message(bot):
    await talk(bot, "cat-name", [
        "カタログ送ってもらえますか", "名前は 井上 房江 どす", "〒150-0001 東京都渋谷区神宮前2-3-4", "075-222-3344",
    ])
    assert stored(bot, "cat-name")[0].name == "井上 房江"


async def test_leaving_half_way_ends_without_asking_again(bot):
    said = await talk(bot, "cat-leave", ["カタログ欲しいかもです", "山下ゆい", "うーん やっぱいいや 母に聞いてからにします"])
    assert "取りやめました" in said[-1] and "郵便番号は7桁" not in said[-1]
    assert (await tracker_of(bot, "cat-leave")).active_loop_name is None
    assert stored(bot, "cat-leave") == []


async def test_a_late_catalog_found_by_name_and_sent_again_by_mail(bot):
    said = await talk(bot, "late-by-name", [
        "カタログを頼んだのにまだ来ないんです。急ぎませんので、もう一度送ってもらえますか",
        "佐藤美咲です",
    ])
    assert not any("10桁か11桁" in s for s in said)
    assert "メール便（無料" in said[-1]
    assert "1-2-3" not in said[-1] and "080-2222-3333" not in said[-1]  # a name alone reveals no address
    [request] = stored(bot, "late-by-name")
    assert request.shipping_method == "mail" and request.resend_of is not None


async def test_a_late_catalog_not_found_goes_on_with_what_was_given(bot):
    said = await talk(bot, "late-lost-name", [
        "はがきでカタログを申し込んだのにまだ届いていません",
        "来週の法事の前に選びたいので、できれば今週中にほしいです",
        "平田あかりです、電話は080-7777-1212です",
        "〒150-0001 渋谷区神宮前2-3-4",
    ])
    assert not any("確認の処理が遅れて" in s for s in said)
    assert not any("お名前（フルネーム）" in s or "日中にご連絡のつく" in s for s in said)
    [request] = stored(bot, "late-lost-name")
    assert (request.name, request.phone, request.shipping_method) == ("平田あかり", "08077771212", "parcel")
    assert "宅配便（無料" in said[-1]


async def test_send_it_again_read_as_no_goes_on_with_the_look_up(bot):
    said = await talk(bot, "late-resend-no", [
        "せんげつ　はがきで　かたろぐを　たのんだどん、まだ　とどかんと",
        "いいえ、もういっぺん　おくってたもんせ",  # send it again, read as "no"
        "川上さち子",
        "〒892-0816　鹿児島市山下町7-8 山下コーポ202",
        "099-111-2233",
    ])
    assert not any("取りやめ" in s for s in said)
    assert "お送りするために、まずお申し込みの記録をお調べします" in said[2]  # heard, then the question again
    assert "お名前では見つかりませんでした" in "\n".join(said)
    assert said[-1].startswith("次の内容で承りました。") and "宅配便（無料" in said[-1]  # waited already
    [request] = stored(bot, "late-resend-no")
    assert (request.name, request.shipping_method, request.phone) == ("川上さち子", "parcel", "0991112233")
    assert request.address == "鹿児島県鹿児島市山下町7-8 山下コーポ202"


async def test_a_late_catalog_not_found_asks_only_what_the_look_up_did_not_hear(bot):
    said = await talk(bot, "late-keep-all", [
        "カタログ、先月ネットで頼んだのにまだ届いてないです",
        "来月の内祝いで使うので、急ぎで再送してほしいです",
        "森本 大輔",
        "〒150 0001 東京都渋谷区神宮前4-5-6 神宮前ハイツ1205",  # a space for the hyphen
        "090 3434 5656",
    ])
    assert not any("10桁か11桁" in s for s in said)  # the address is no phone number tried
    assert not any("郵便番号を教えて" in s or "お名前（フルネーム）" in s for s in said)  # nothing asked twice
    assert said[-1].startswith("次の内容で承りました。") and "宅配便（無料" in said[-1]
    [request] = stored(bot, "late-keep-all")
    assert (request.name, request.postal_code, request.phone) == ("森本 大輔", "150-0001", "09034345656")
    assert request.address == "東京都渋谷区神宮前4-5-6 神宮前ハイツ1205" and request.shipping_method == "parcel"


async def test_questions_about_the_catalog_inside_the_request_are_answered_and_it_goes_on(bot):
    said = await talk(bot, "cat-questions", [
        "カタログを一部お願いします",
        "森 和子",
        "カタログにはお値段も書いてありますか",
        "〒150-0001 渋谷区神宮前2-3-4",
        "そういえばカタログって送料かかるんですか？",
        "090-1212-3434",
    ])
    text = "\n".join(said)
    assert "お値段とともにご紹介しております" in text
    assert "カタログは無料です" in text and "880円" not in text  # the goods' postage is not the catalog's
    assert said[-1].startswith("次の内容で承りました。")
    [request] = stored(bot, "cat-questions")
    assert (request.name, request.address) == ("森 和子", "東京都渋谷区神宮前2-3-4")
