"""Slot values from what customers write: names, shipping method, change kind, dates."""

from __future__ import annotations

from datetime import date

import pytest

from madoguchi.values import (
    asks_to_change,
    change_kind_from_text,
    clean_person_name,
    house_alone,
    parse_ja_date,
    shipping_method_from_text,
)

# A Friday.
TODAY = date(2026, 11, 20)


# --- names ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("山田花子", "山田花子"),
        ("山田花子と申します", "山田花子"),
        ("山田花子です", "山田花子"),
        ("山田花子でございます。", "山田花子"),
        ("わたくし、山田花子と申します。", "山田花子"),
        ("私は山田花子です", "山田花子"),
        ("名前は山田 花子です", "山田 花子"),
        ("お名前：山田花子", "山田花子"),
        ("山田花子様", "山田花子"),
        ("ヤマダ　ハナコです", "ヤマダ ハナコ"),
        ("やまだはなこ", "やまだはなこ"),
        ("名前は 西村 房子 どす", "西村 房子"),
        ("名前は西村房子どす", "西村房子"),
        ("宛名は佐藤雄太", "佐藤雄太"),
        ("スニル ペレラ デス", "スニル ペレラ"),  # a learner writing all in katakana
        ("名前は山田哲夫だ", "山田哲夫"), ("名前は加藤正やお", "加藤正"), ("丸山 健一 だじ", "丸山 健一"), ("なかむら ゆずら", "なかむら ゆずら"),
        ("はい、山田花子です", "山田花子"),
        # the name part only: what follows a 、 or 。 is another detail
        ("大島あかねです、電話は080-9876-5432です", "大島あかね"),
        ("中村めい。住所はあとで書きます", "中村めい"),
        ("佐々木とみ子です ばあちゃんの名前", "佐々木とみ子"),  # a polite ending, then a space
        ("西川 ふみ子　おかんの名前な", "西川 ふみ子"),  # whose name it is, after a space
        ("浜砂 勘吉　　主人の　名前で　たのんだと", "浜砂 勘吉"),  # …, a space inside too (round 2026-12-07x)
        ("高橋 エレナ po", "高橋 エレナ"), ("Maria Campo", "Maria Campo"),  # Tagalog's po, not a name's end
        ("錦織 一郎と申し候。", "錦織 一郎"),  # a letter of old (round zo)
        ("ありむら はつえ ごわんど", "ありむら はつえ"), ("有村初枝でごわす", "有村初枝"),  # Kagoshima (round zt)
        ("くどう みつこ でがんす", "くどう みつこ"), ("佐々木千代子でがす", "佐々木千代子"),  # Nanbu (round 2026-12-05v)
        ("佐々木 清枝っす", "佐々木 清枝"), ("佐々木 勝男でお願いしやんす", "佐々木 勝男"),  # Iwate (round 2026-12-05y)
        ("Wang Xiaoling でお願いします", "Wang Xiaoling"),
        ("Can Yılmaz", "Can Yılmaz"), ("Do Van An", "Do Van An"),  # names that hold an English word
        ("守安 久美子さん宛てで", "守安 久美子"), ("山田花子宛", "山田花子"),  # whom it goes to (round zx)
        # never shorter than the name as written: the や of あや is the name's
        ("中村あや", "中村あや"),
        ("まさだ", "まさだ"),
        ("じゃあ 山田 花子", "山田 花子"), ("じゃあ、王 暁玲です", "王 暁玲"),  # a word leading in (round zzg)
        ("ではら じゅん", "ではら じゅん"),  # a name that begins like one
        ("ダヤナラ・ケインチェ)", "ダヤナラ・ケインチェ"),  # the bracket of (katakana ダヤナラ・ケインチェ)
    ],
)
def test_person_name_without_the_polite_frame(text, name):
    assert clean_person_name(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "山田123",  # digits
        "０９０１２３４５６７８",  # a phone number, full width
        "test@example.com",
        "あ" * 41,  # too long for a name
        "分かりました。郵便番号は810-0044です。",  # an answer's opening, no name (round zzd)
        "",
        "です",  # only the frame
        "お名前は？",
        "電話は０８８４　２２　１２３４",  # the label of the phone given, not a name
        "住所は",
        "shop tel",  # the label of the shop's phone (round 2026-12-07x fumi-bilal-11: stored as the name)
        "I need it fast bhai, partners ko oseibo bhejni hai",  # a sentence in English (round 2026-12-05u)
        "in katakana for",  # of the name, not the name (round 2026-12-05y)
    ],
)
def test_what_is_not_a_name_is_rejected(text):
    assert clean_person_name(text) is None


def test_a_name_of_forty_characters_is_still_a_name():
    assert clean_person_name("あ" * 40) == "あ" * 40
    assert clean_person_name("Yuldashev Rustam Abdurakhmonovich") == "Yuldashev Rustam Abdurakhmonovich"  # round zzd


# --- shipping method and change kind ----------------------------------------------------


@pytest.mark.parametrize(
    "text, method",
    [
        ("宅配便でお願いします", "parcel"),
        ("宅急便で", "parcel"),
        ("急ぎでお願いします", "parcel"),
        ("メール便で", "mail"),
        ("普通で大丈夫です", "mail"),
        ("通常でいいです", "mail"),
        ("なんでもいいです", None),
        ("sim, takkyubin onegai", "parcel"),  # at the read-back, in romaji (round 2026-12-05d)
        ("yes please, takkyubin is better", "parcel"),
    ],
)
def test_shipping_method_words(text, method):
    assert shipping_method_from_text(text) == method


@pytest.mark.parametrize(
    "text, kind",
    [
        ("キャンセルしたい", "cancel"),
        ("注文を取り消したい", "cancel"),
        ("やっぱりやめたいです", "cancel"),
        ("届け先を変えたい", "address"),
        ("住所を変更したい", "address"),
        ("送り先を変えてください", "address"),
        ("お届け日を変更したい", "date"),
        ("日にちを変えたい", "date"),
        ("配達日を延期できますか", "date"),
        ("注文の配送日変更したいです", "date"),
        ("とどくのを はやめに できますか", "date"),  # はやめ is 早め, no やめ
        ("孫が同じ菓子を頼んどったらしいけん、わしの分はやめにしたいんよ。", "cancel"),  # round n isamu-lisa-07
        ("届くのを はやめに したいんよ", "date"),
        ("商品を変えたい", None),
        # English, Spanish (round 2026-12-05h ikuko-jorge-19)
        ("yes cancel it, ya no lo necesito. el evento se suspendió", "cancel"),
        ("quiero cancelar el pedido", "cancel"),
        ("I need to change the delivery address", "address"),
        ("can I change the delivery date?", "date"),
        ("I want to change the flavour", None),
    ],
)
def test_change_kind_words(text, kind):
    assert change_kind_from_text(text) == kind


@pytest.mark.parametrize("text, asked", [
    ("息子が東京から頼んでくれた菓子 届く日かえたいんだわ まだ出とらへんはずだで", True),  # round 2026-12-05zzy
    ("住所を変更したい", True), ("届く日を教えて", False), ("荷物はいつ届きますか", False),
])
def test_a_change_of_date_or_address_is_asked_whatever_the_intent(text, asked):
    assert asks_to_change(text) is asked


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12月3日", date(2026, 12, 3)),
        ("12月３日にお願いします", date(2026, 12, 3)),
        ("12/3", date(2026, 12, 3)),
        ("十二月三日", date(2026, 12, 3)),
        ("十一月二十五日", date(2026, 11, 25)),
        ("2027年1月5日", date(2027, 1, 5)),
        ("25日", date(2026, 11, 25)),
        ("二十五日", date(2026, 11, 25)),
        ("今日", TODAY),
        ("本日中に", TODAY),
        ("明日", date(2026, 11, 21)),
        ("あした届けて", date(2026, 11, 21)),
        ("明後日", date(2026, 11, 22)),
        ("あさって", date(2026, 11, 22)),
        ("来週の金曜日", date(2026, 11, 27)),
        ("再来週の月曜日", date(2026, 11, 30)),
        ("今週の金曜日", TODAY),
        ("金曜日", date(2026, 11, 27)),  # today is a Friday: the next one
        ("月曜日", date(2026, 11, 23)),
        # the day of next month, not of this one; a weekday in English (round 2026-12-05a)
        ("来月１４日の日曜", date(2026, 12, 14)), ("来月の3日", date(2026, 12, 3)), ("再来月10日", date(2027, 1, 10)),
        ("今月25日", date(2026, 11, 25)), ("Sunday", date(2026, 11, 22)), ("next Saturday", date(2026, 11, 28)),
        ("tonight", TODAY),
        # the month's end (round 2026-12-05h), a date in Spanish or Portuguese, read in Japanese
        ("月末", date(2026, 11, 30)), ("来月末", date(2026, 12, 31)), ("再来月末", date(2027, 1, 31)),
        ("暮れの二十八日にしとってや", date(2026, 12, 28)),  # the year's end (round 2026-12-05zzy)
        ("大晦日に着くごとできるね", date(2026, 12, 31)),  # the year's last day (round 2026-12-05zzz)
        ("el viernes", date(2026, 11, 27)), ("hoje", TODAY),
        # in hiragana, spaces between the words (round 2026-12-05r)
        ("こんど の どようび に して ください", date(2026, 11, 21)), ("らいしゅう の きんようび", date(2026, 11, 27)),
        # a month named in English (round 2026-12-05z)
        ("The party moved, so December 22nd please", date(2026, 12, 22)), ("Dec 3", date(2026, 12, 3)),
        ("on the 22nd of December", date(2026, 12, 22)),
        # a day alone in English, the day after tomorrow, a month in French (rounds 2026-12-05zzh, zzi)
        ("the 22nd", date(2026, 11, 22)), ("16th", date(2026, 12, 16)), ("day after tomorrow", date(2026, 11, 22)),
        ("20 décembre", date(2026, 12, 20)),
        ("tomorrow morning", date(2026, 11, 21)), ("this evening", date(2026, 11, 20)),  # round 2026-12-05zzk
        ("last Monday", date(2026, 11, 16)), ("先週の金曜", date(2026, 11, 13)),  # a day past (round 2026-12-05zzm)
    ],
)
def test_parse_ja_date_with_a_fixed_today(text, expected):
    assert parse_ja_date(text, TODAY) == expected


def test_a_month_and_day_already_past_is_next_year():
    assert parse_ja_date("11月19日", TODAY) == date(2027, 11, 19)
    assert parse_ja_date("1月5日", TODAY) == date(2027, 1, 5)


@pytest.mark.parametrize(
    "text, today, expected",
    [
        ("3日", TODAY, date(2026, 12, 3)),
        ("5日", date(2026, 12, 20), date(2027, 1, 5)),
    ],
)
def test_a_day_alone_already_past_rolls_to_next_month(text, today, expected):
    assert parse_ja_date(text, today) == expected


@pytest.mark.parametrize("text", ["2月30日", "13月1日", "2/30", "十三月一日", "いつでもいい", "なるべく早く", ""])
def test_invalid_or_missing_dates_are_none(text):
    assert parse_ja_date(text, TODAY) is None


@pytest.mark.parametrize("text, name", [
    ("Nurhaida S. Abdulla", "Nurhaida S. Abdulla"),  # a middle initial (round 2026-12-07t yukio-nurhaida-19)
    ("T. Yamada", "T. Yamada"),
    ("ABDULLA NURHAIDA (same like my zairyu card)", "ABDULLA NURHAIDA"),  # a note in brackets (yukio-nurhaida-04)
    ("John Smith. thanks", "John Smith"),
])
def test_an_initial_is_part_of_the_name_and_a_note_in_brackets_is_not(text, name):
    assert clean_person_name(text) == name


@pytest.mark.parametrize("text, house", [
    ("あて名は鬼籠野集会所でお願いしますでぇ　わたしの名前やのうて", "鬼籠野集会所"),  # round 2026-12-07u shigeko-raju-01
    ("民宿燧荘 で頼みやす", "民宿燧荘"), ("梼原小学校同窓会", "梼原小学校同窓会"),
    ("近所の店", None), ("鈴木です", None),
    # in English after a dash, a colon or "is" (round 2026-12-07x fumi-bilal-11)
    ("put the shop name not mine - Chinar Carpets Kobe", "Chinar Carpets Kobe"),
    ("the company name is Blue Sky Trading", "Blue Sky Trading"), ("my name is Ali", None),
])
def test_a_house_named_alone_is_the_addressee(text, house):
    assert house_alone(text) == house
