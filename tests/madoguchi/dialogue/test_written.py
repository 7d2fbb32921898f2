"""Names and addresses as customers write them: stored without the frame around them."""

from __future__ import annotations

import pytest

from madoguchi.dialogue.written import address_as_written, labelled, latin_name_with_reading, name_as_written

LIST = (
    "下記のとおりお願いします。①氏名：石井 彩 ②郵便番号：〒980-0811 "
    "③住所：宮城県仙台市青葉区一番町4-5-6 一番町レジデンス303号室 ④電話番号：070-3131-4242"
)


@pytest.mark.parametrize("written, name", [
    ("森田かず子です〜", "森田かず子"),
    ("森田かず子ですー", "森田かず子"),
    ("山田花子でございます", "山田花子"),
    ("えーと名前は森本さゆりです", "森本さゆり"), ("あのー、山田 花子です", "山田 花子"),  # voice input
    ("松本 勝たい", "松本 勝"), ("佐藤花子だべ", "佐藤花子"), ("高橋 一郎じゃけん", "高橋 一郎"),  # dialect copulas
    ("名前は加藤正やお", "加藤正"),
    ("もりた かずこ で ございます", "もりた かずこ"),  # the tail written with spaces
    ("村井 孝蔵と申します。", "村井 孝蔵"),
    ("氏名は村井 孝蔵と申します。", "村井 孝蔵"),
    ("田中やで", "田中"),
    ("田中 花子だよ", "田中 花子"),
    ("佐藤花子よ", "佐藤花子"),
    ("森田かず子です😊", "森田かず子"),
    ("お名前: 山田 太郎", "山田 太郎"),
    ("名前→山田太郎", "山田太郎"),
    (LIST, "石井 彩"),
    ("名前は森田 かず子です。〒150-0001 渋谷区神宮前2-3-4 神宮前コーポ101やで", "森田 かず子"),
    ("お名前は森田かず子、電話は090-1234-5678です", "森田かず子"),
    ("・お名前：山田花子\n・住所：東京都千代田区千代田1-1\n・電話：090-1234-5678", "山田花子"),
    ("name Anil Gurung", "Anil Gurung"), ("名前 小林 茂で", "小林 茂"),  # an English label; a で after the name
    ("送っていただけますか。名前は佐々木 恵子さんです。", "佐々木 恵子"),  # the bot says 様 itself
    ("高橋 エレナ po 😊", "高橋 エレナ"),  # Tagalog's polite word
    ("名前は浜野フミ子やに", "浜野フミ子"),  # Ise's copula (round 2026-12-05zzf amane-karthik-01)
    ("名前は宮良 ツルさー", "宮良 ツル"),  # Okinawan さー (round 2026-12-05zzl tsuru-hodan-01)
    ("丸山 健一 だじ", "丸山 健一"),  # Shinshu だじ (round 2026-12-05zzp shozo-liesel-01)
    ("名前は北川 鶴代でやんす", "北川 鶴代"),  # Nagahama でやんす (round 2026-12-06c tsuruyo-aital-05)
])
def test_a_name_is_stored_without_what_surrounds_it(written, name):
    assert name_as_written(written, written) == name


@pytest.mark.parametrize("name", ["佐藤ちよ", "メアリー", "山田 太郎", "さや", "田中 さや", "工藤 ふみえ", "あのみさと"])
def test_a_name_that_ends_like_a_tail_keeps_it(name):
    assert name_as_written(name, name) == name


def test_a_question_about_the_name_is_no_name():
    assert name_as_written("森 和子", "お名前は漢字で書いたほうがいいですか") == "森 和子"


def test_who_it_is_for_is_no_address_label():
    assert "address" not in labelled("お届け先は母です")


def test_a_list_is_read_item_by_item():
    assert labelled(LIST) == {
        "person_name": "石井 彩",
        "postal_code": "〒980-0811",
        "address": "宮城県仙台市青葉区一番町4-5-6 一番町レジデンス303号室",
        "phone": "070-3131-4242",
    }


def test_a_sentence_about_the_phone_is_no_list():
    assert labelled("念のため。電話でのご連絡はご遠慮ください。連絡はこのチャットでお願いします。") == {}


@pytest.mark.parametrize("written, address", [
    (LIST, "宮城県仙台市青葉区一番町4-5-6 一番町レジデンス303号室"),
    (
        "郵便番号は〒１６６－０００２、住所は東京都杉並区高円寺北二丁目三番四号　高円寺荘一〇二号室に御座います。",
        "東京都杉並区高円寺北二丁目三番四号 高円寺荘一〇二号室",
    ),
    ("大阪市北区梅田1-2-3 梅田ハイツ502やで", "大阪市北区梅田1-2-3 梅田ハイツ502"),
    ("住所は千代田1-1になります", "千代田1-1"),
    ("住所は〒060-0042 北海道札幌市中央区大通西5-6-7 大通コーポ803号室です。", "北海道札幌市中央区大通西5-6-7 大通コーポ803号室"),
    ("東京都千代田区千代田1-1 090-1234-5678", "東京都千代田区千代田1-1"),
    ("東京都渋谷区神宮前4-5-6 神宮前ハイツ1205", "東京都渋谷区神宮前4-5-6 神宮前ハイツ1205"),
    # talk after the copula is no part of it (round 2026-12-05zzp shozo-liesel-01)
    ("東京都世田谷区太子堂３－１２－５ コーポ三軒茶屋２０３号室 です、部屋の番号まで ちゃんと書かんと届かねえって",
     "東京都世田谷区太子堂3-12-5 コーポ三軒茶屋203号室"),
])
def test_an_address_is_the_address_part(written, address):
    assert address_as_written(written) == address


def test_whose_name_it_is_is_no_part_of_it():
    assert name_as_written("野村 結衣", "名前は孫の野村 結衣で、住所は孫のところ") == "野村 結衣"
    assert name_as_written("太郎", "名前は山田 太郎です") == "山田 太郎"  # a given name found: the item is the name


def test_whose_name_it_is_before_a_comma_is_not_the_name():
    assert name_as_written("森田 真由美", "名前は母ので、森田 真由美") == "森田 真由美"
    assert name_as_written("森田", "名前は森田、電話は090-1234-5678") == "森田"


@pytest.mark.parametrize("found, text, name", [
    ("高橋 節子", "高橋 節子でお願いいたします。", "高橋 節子"),
    ("Arjun Thapa desu", "namae wa Arjun Thapa desu", "Arjun Thapa"),
])
def test_a_request_or_a_romaji_copula_after_the_name_is_no_part_of_it(found, text, name):
    assert name_as_written(found, text) == name


def test_a_latin_name_with_its_katakana_reading_in_brackets_is_the_latin_name():
    """Round 2026-12-05zzv sumiyo-dayanara-11: the catalog went to ダヤナラ・ケインチェ) instead."""
    assert latin_name_with_reading("Dayanara Cijntje (katakana ダヤナラ・ケインチェ)") == "Dayanara Cijntje"
    assert latin_name_with_reading("Dayanara Cijntje（ダヤナラ・ケインチェ）") == "Dayanara Cijntje"
    assert latin_name_with_reading("Dayanara Cijntje") is None


def test_a_whole_name_in_katakana_is_told_from_answers_in_katakana():
    """Round 2026-12-06e masue-ermelinda-02: ソアレス エルメリンダ, read as a yes (affirm 0.88), was
    asked for again and again and the catalog never stored."""
    from madoguchi.dialogue.written import katakana_full_name

    assert katakana_full_name("ソアレス エルメリンダ") and katakana_full_name("ヤマダ タロウ")
    assert not any(katakana_full_name(t) for t in ("ハイ ソウデス", "ハイ オネガイ", "マダ コナイ", "カタログ オクッテ", "ソアレス"))


def test_a_sentence_is_no_name_but_a_name_and_its_copula_is():
    """Round 2026-12-07b natsu-teraka-01: a hurry told at the name question was stored as the name."""
    from madoguchi.dialogue.written import sentence_written
    assert sentence_written("ふねが おそいから はやい ほうで おくって ちょうだい。 おしょうがつに まにあわんと こまるさ")
    assert not any(sentence_written(t) for t in ("崎原 なつ", "山田 太郎 です", "ヤマダ タロウ デス", "Kalo Moli"))


def test_a_katakana_copula_after_a_space_is_no_part_of_the_name():
    """広江 キクエ ジャ (Hachijo, round 2026-12-07t kikue-thoibi-01); a katakana name ending in ダ stays."""
    from madoguchi.dialogue.written import strip_tail

    assert strip_tail("広江 キクエ ジャ") == "広江 キクエ" and strip_tail("山田 ハナ デス") == "山田 ハナ"
    assert strip_tail("マツダ") == "マツダ"


def test_a_hall_labelled_as_the_addressee_is_the_name_without_the_remark():
    """Round 2026-12-07u shigeko-raju-01: the hall's name went on the label with 「でお願いしますでぇ　わたしの名前やのうて」."""
    text = "あて名は鬼籠野集会所でお願いしますでぇ　わたしの名前やのうて"
    assert name_as_written("鬼籠野集会所", text) == "鬼籠野集会所"


def test_a_comma_after_the_name_label_leaves_the_name():
    """Round 2026-12-07w kiyo-tsering-01: 名前は、畠山 勇三、だス (Akita) gave an empty name."""
    text = "名前は、畠山 勇三、だス、、アニキの、名前で、たのむス"
    assert name_as_written("畠山 勇三", text) == "畠山 勇三"
