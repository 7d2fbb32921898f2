"""Order numbers, phone numbers and postal codes in the shapes customers write them.

Each case checks the canonical value and that the span, taken on the ORIGINAL text
(full-width and all), is exactly the part the customer wrote.
"""

from __future__ import annotations

import pytest

from madoguchi.nlu.patterns import (
    find_all,
    find_order_ids,
    find_phones,
    find_postal_codes,
    normalize_phone,
    normalize_postal_code,
)


def found(text: str) -> list[tuple[str, str, str]]:
    """(entity, canonical value, the original text of its span) of every find."""
    return [(f.entity, f.value, text[f.start : f.end]) for f in find_all(text)]


# --- order_id ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, span",
    [
        ("注文番号はA1234567です", "A1234567"),
        ("ａ１２３４５６７です", "ａ１２３４５６７"),
        ("Ａ１２３４５６７", "Ａ１２３４５６７"),
        ("注文番号はA-123-4567です", "A-123-4567"),
        ("ａ－１２３－４５６７でお願いします", "ａ－１２３－４５６７"),
        ("a1234567", "a1234567"),
        ("A 123 4567 です", "A 123 4567"),
        ("A-1234567", "A-1234567"),
        ("エー1234567", "エー1234567"),  # the A as voice input writes it
        ("えい １２３４５６７です", "えい １２３４５６７"),
        ("Ａの１２３の４５６７", "Ａの１２３の４５６７"),  # read aloud, の between its parts (round 2026-12-05zzt)
        ("注文番号はえーのいちにさんよんごーろくななです", "えーのいちにさんよんごーろくなな"),
    ],
)
def test_order_id_in_every_shape_is_a_capital_a_and_seven_digits(text, span):
    assert found(text) == [("order_id", "A1234567", span)]


@pytest.mark.parametrize(
    "text",
    [
        "A12345678",  # eight digits after the A
        "A1234567890",
        "A123456",  # six digits
        "A1234567-8",
        "XA1234567",  # part of a longer code
        "B1234567",
        "1234567",
        "ケーエー1234567",  # the kana of a longer word
    ],
)
def test_no_order_id_in_what_is_not_an_a_and_seven_digits(text):
    assert find_order_ids(text) == []


def test_eight_digits_after_a_are_not_an_order_number_nor_anything_else():
    assert found("注文番号はA12345678です") == []


# --- phone ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("09012345678", "09012345678", "09012345678"),
        ("090-1234-5678", "090-1234-5678", "09012345678"),
        ("電話番号は０９０ー１２３４ー５６７８です", "０９０ー１２３４ー５６７８", "09012345678"),
        ("０９０１２３４５６７８", "０９０１２３４５６７８", "09012345678"),
        ("090−1234−5678", "090−1234−5678", "09012345678"),  # minus sign
        ("090‐1234‐5678", "090‐1234‐5678", "09012345678"),  # hyphen
        ("090－1234－5678", "090－1234－5678", "09012345678"),  # full-width hyphen-minus
        ("090ｰ1234ｰ5678", "090ｰ1234ｰ5678", "09012345678"),  # half-width prolonged mark
        ("080 1234 5678", "080 1234 5678", "08012345678"),
        ("070-5555-6666です", "070-5555-6666", "07055556666"),
        ("+81 90-1234-5678", "+81 90-1234-5678", "09012345678"),
        ("+819012345678", "+819012345678", "09012345678"),
        ("+81-3-1234-5678", "+81-3-1234-5678", "0312345678"),
        ("電話は03-1234-5678です", "03-1234-5678", "0312345678"),
        ("045-123-4567", "045-123-4567", "0451234567"),
        ("0466-12-3456", "0466-12-3456", "0466123456"),
        ("0312345678", "0312345678", "0312345678"),
        ("0120-123-456", "0120-123-456", "0120123456"),
        ("０１２０ー１２３ー４５６", "０１２０ー１２３ー４５６", "0120123456"),
        ("電話は090.1234.5678です", "090.1234.5678", "09012345678"),
        ("080/5555/1212", "080/5555/1212", "08055551212"),
        ("〇九〇－一二三四－五六七八です", "〇九〇－一二三四－五六七八", "09012345678"),
        ("電話番号は〇三・三三三八・一二三四に候", "〇三・三三三八・一二三四", "0333381234"),
    ],
)
def test_phone_in_every_shape_is_its_digits(text, span, value):
    assert found(text) == [("phone", value, span)]


@pytest.mark.parametrize(
    "text",
    [
        "012345678",  # only 9 digits
        "03-123-4567",  # only 9 digits, with hyphens
        "090-1234-56789",  # 12 digits
        "0081312345678",  # international prefix of another country's style
        "1234567890",  # no leading 0
    ],
)
def test_no_phone_in_what_is_not_a_japanese_number(text):
    assert find_phones(text) == []


def test_a_nine_digit_number_is_neither_a_phone_nor_a_postal_code():
    assert found("電話は03-123-4567です") == []


def test_normalize_phone():
    assert normalize_phone("０９０ー１２３４ー５６７８") == "09012345678"
    assert normalize_phone("+81 (3) 1234-5678") == "0312345678"
    assert normalize_phone("12345") is None
    assert normalize_phone("0012345678") is None
    assert normalize_phone("") is None


# --- postal_code ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("123-4567", "123-4567", "123-4567"),
        ("〒1234567", "1234567", "123-4567"),
        ("〒１２３−４５６７", "１２３−４５６７", "123-4567"),
        ("〒 123-4567", "123-4567", "123-4567"),
        ("郵便番号は123-4567です", "123-4567", "123-4567"),
        ("郵便番号は1234567です", "1234567", "123-4567"),
        ("郵便番号は１２３ー４５６７です", "１２３ー４５６７", "123-4567"),
        ("郵便番号:123-4567", "123-4567", "123-4567"),
        ("郵便番号ハ ０３６８２０３。", "０３６８２０３", "036-8203"),  # katakana among kanji (round zt)
        ("123ー4567", "123ー4567", "123-4567"),
        ("〒100-0001 東京都千代田区", "100-0001", "100-0001"),
        ("〒141 0032 東京都品川区大崎2-1-1", "141 0032", "141-0032"),  # marked: a space for the hyphen
        ("9496101 新潟県南魚沼郡湯沢町湯沢1820-4", "9496101", "949-6101"),  # before a prefecture (round zr)
        ("890 0082 鹿児島市紫原4丁目21番7号", "890 0082", "890-0082"),  # with a space, before a city (round 2026-12-05a)
        ("postal 7960010", "7960010", "796-0010"),  # labelled in English (round 2026-12-07m)
        ("my zip code is 796 0010", "796 0010", "796-0010"),
        ("郵便局で 聞いだっけ 、 ９９８の０２８１ だど", "９９８の０２８１", "998-0281"),  # read with の (round 2026-12-07n)
    ],
)
def test_postal_code_in_every_shape_is_three_digits_hyphen_four(text, span, value):
    assert found(text) == [("postal_code", value, span)]


@pytest.mark.parametrize("text", ["1234567", "〒123-45678", "〒12-34567", "1234-5678", "141 00321 東京都"])
def test_no_postal_code_in_the_wrong_number_of_digits(text):
    assert find_postal_codes(text) == []


def test_normalize_postal_code():
    assert normalize_postal_code("〒１２３ー４５６７") == "123-4567"
    assert normalize_postal_code("1234567") == "123-4567"
    assert normalize_postal_code("123-456") is None
    assert normalize_postal_code("1234-5678") is None


# --- several in one message, and what must not be taken for another ---------------------


def test_the_digits_inside_a_hyphenated_phone_are_not_a_postal_code():
    # 090-1234-5678 contains 234-5678; 045-123-4567 contains 123-4567.
    assert found("090-1234-5678") == [("phone", "09012345678", "090-1234-5678")]
    assert found("電話は045-123-4567です") == [("phone", "0451234567", "045-123-4567")]
    assert found("０４５－１２３－４５６７") == [("phone", "0451234567", "０４５－１２３－４５６７")]


def test_the_digits_of_a_phone_written_with_a_space_are_not_a_postal_code():
    assert found("電話は045 123-4567です") == [("phone", "0451234567", "045 123-4567")]


def test_an_order_numbers_digits_are_not_taken_as_a_phone():
    # The seven digits after the A start with 0; followed by more digits after a space.
    assert found("A0901234 5678") == [("order_id", "A0901234", "A0901234")]
    assert find_phones("A09012345678") == []


def test_an_order_numbers_digits_are_not_taken_as_a_postal_code():
    assert found("A123-4567です") == [("order_id", "A1234567", "A123-4567")]
    assert found("ａ１２３ー４５６７") == [("order_id", "A1234567", "ａ１２３ー４５６７")]


def test_order_number_phone_and_postal_code_in_one_message():
    text = "注文番号ａ１２３４５６７、電話０３ー１２３４ー５６７８、〒１００ー０００１です"
    assert found(text) == [
        ("order_id", "A1234567", "ａ１２３４５６７"),
        ("phone", "0312345678", "０３ー１２３４ー５６７８"),
        ("postal_code", "100-0001", "１００ー０００１"),
    ]


def test_phone_and_postal_code_with_marks_in_one_message():
    text = "090-1234-5678 〒123-4567"
    assert found(text) == [
        ("phone", "09012345678", "090-1234-5678"),
        ("postal_code", "123-4567", "123-4567"),
    ]


def test_phone_then_bare_postal_code_separated_by_a_space():
    assert found("090-1234-5678 123-4567") == [
        ("phone", "09012345678", "090-1234-5678"),
        ("postal_code", "123-4567", "123-4567"),
    ]


def test_spans_never_overlap_and_are_sorted():
    finds = find_all("A1234567と03-1234-5678と〒100-0001と090-9999-8888")
    assert [f.entity for f in finds] == ["order_id", "phone", "postal_code", "phone"]
    for a, b in zip(finds, finds[1:]):
        assert a.end <= b.start


@pytest.mark.parametrize("text, date", [("去る十一月十日、葉書にて", "十一月十日"), ("十二月二十日までに", "十二月二十日"),
                                        ("12月3日に", "12月3日"),
                                        ("じゅうにがつはつかにとどけてほしおす", "じゅうにがつはつか"),
                                        ("おとどけのひをじゅうにがつにじゅうよっかにかえて", "じゅうにがつにじゅうよっか"),
                                        ("じゅういちがつにじゅうごにちにたのんだ", "じゅういちがつにじゅうごにち"),
                                        ("令和8年11月28日に注文致した品", "令和8年11月28日"),
                                        ("法要は令和八年十二月十五日です", "令和八年十二月十五日"),
                                        ("本日注文致した場合", "本日"), ("明後日が法事やとに", "明後日"),
                                        ("きょう たのんだら いつ つく？", "きょう"), ("あしたの 法事に まにあわん", "あした"),
                                        ("とどける ひ らいしゅう の どようび に できる？", "らいしゅう の どようび"),
                                        ("日時指定 金曜夜に変えて", "金曜"), ("来週の土曜日に届けて", "来週の土曜日"),
                                        ("今夜中に那覇着で出せる?", "今夜"), ("今晩中に仲間んとこへ届けてくれへんか", "今晩"),
                                        # day.month as a Russian writes it; a day alone as spoken
                                        ("配達希望日は19.12です。", "19.12"), ("1.12に注文した商品は", "1.12"),
                                        ("いまから たのんだら くれの 28にちまでに つきますかね", "くれの 28にち"),
                                        ("はつかの ほうじに どうしても いるけん", "はつか"),
                                        ("おばあちゃんの誕生日明後日なのに", "明後日"),
                                        ("取引先の社長の葬儀明日だって今聞いた", "明日"),  # round zt
                                        ("どうすんべ　葬式来週なのに　カタログ来ねぇ", "来週"),  # round zzc
                                        # the next weekday and the weekend (Niigata, a Kenyan runner in kana)
                                        ("集まりが今度の日曜なんだわ", "今度の日曜"), ("おみまい こんしゅうまつなのに", "こんしゅうまつ"),
                                        ("今週末までに届けて", "今週末"),
                                        # a day and its weekday, one date; a weekday in English (round 2026-12-05a)
                                        ("法事は来月１４日の日曜です", "来月１４日の日曜"), ("12月20日(日)に届けて", "12月20日(日)"),
                                        ("haitatsu bi henkou please, move it to Saturday morning", "Saturday"),
                                        ("I need it to reach her tonight. any way at all?", "tonight"),
                                        # this evening; にぢ in Okitama speech (round 2026-12-05zzk)
                                        ("The wake is this evening and I have nothing", "this evening"),
                                        ("is it shipped already? I ordered last Monday", "last Monday"),  # zzm
                                        ("とどぐ ひ、じゅうにがつ じゅうごにぢに ずらして", "じゅうにがつ じゅうごにぢ"),
                                        # the day of the month alone in kanji (Kanazawa, round 2026-12-05r)
                                        ("式は十四日やがや。あと幾日もない。", "十四日"),
                                        # a month, の, its day; ten days waited are no day (round 2026-12-05zzp)
                                        ("頼んだのが 十一月の三日で、もう十日にもなるだけんど", "十一月の三日"),
                                        ("届けてほしいのは12月の20日だね", "12月の20日")])
def test_dates_in_digits_kanji_or_spoken_kana_are_found_as_written(text, date):
    from madoguchi.nlu.patterns import find_dates

    assert [f.value for f in find_dates(text)] == [date]


def test_an_order_number_in_kanji_numerals_is_found():
    assert [f.value for f in find_order_ids("注文番号はＡ二三四五六七八です")] == ["A2345678"]


def test_a_postal_code_said_with_no_between_its_parts_is_found():
    assert [f.value for f in find_postal_codes("郵便番号505の0041")] == ["505-0041"]


def test_a_postal_code_in_kanji_numerals_is_found():
    from madoguchi.nlu.patterns import find_postal_codes, normalize_postal_code

    assert [f.value for f in find_postal_codes("〒九二〇-〇八六五　金沢市長町")] == ["920-0865"]
    assert normalize_postal_code("〒九二〇-〇八六五") == "920-0865"


@pytest.mark.parametrize("text", ["49日 に おかし おくりたい", "32日に届けて", "13/5 着で",
                                  # greetings, and words that hold a day's name
                                  "今日は。宮崎の黒木と申します。", "今日ハ。大島ノ藤井ダ", "こんばんは", "今晩は", "とうきょう に すんでる",
                                  "明日香です", "あしたばの天ぷら", "きょうだい に おくる", "毎日食べてます", "Sundays are busy",
                                  # quantities with a dot, a version, three days
                                  "重さは1.5kgです", "2.50ドル", "v1.2です", "さんにちかん まって"])
def test_a_day_no_month_has_is_no_date(text):
    from madoguchi.nlu.patterns import find_dates

    assert find_dates(text) == []


def test_a_year_in_kanji_is_no_date_nor_phone():
    from madoguchi.nlu.patterns import find_dates

    assert find_dates("二〇二六年") == [] and find_phones("二〇二六年") == []


def test_a_postal_code_said_with_a_space_alone_is_one():
    assert [(f.entity, f.value) for f in find_all("014 0027")] == [("postal_code", "014-0027")]
    assert [(f.entity, f.value) for f in find_all("０１４　００２７です")] == [("postal_code", "014-0027")]
    assert [f.entity for f in find_all("0187 63 2211")] == ["phone"]
    # before an address, the same digits are its postal code (890 0082 鹿児島市紫原…, round 2026-12-05a)
    assert [(f.entity, f.value) for f in find_all("014 0027 秋田県大仙市")] == [("postal_code", "014-0027")]
    assert [f.entity for f in find_all("090 1234 5678 東京都新宿区")] == ["phone"]


def test_a_postal_code_labelled_in_kana():
    assert [(f.entity, f.value) for f in find_all("ゆうびんは7594106")] == [("postal_code", "759-4106")]


@pytest.mark.parametrize("text, entity, value, said", [
    ("電話は ぜろにいよんにいの にいろくの いちにいさんよん", "phone", "0242261234",
     "ぜろにいよんにいの にいろくの いちにいさんよん"),
    ("ゼロキュウゼロ イチニーサンヨン ゴーロクナナハチ", "phone", "09012345678",
     "ゼロキュウゼロ イチニーサンヨン ゴーロクナナハチ"),
    ("番号は えーさんよんごろくななはちきゅうだと", "order_id", "A3456789", "えーさんよんごろくななはちきゅう"),
    ("ゆうびんばんごうは きゅうろくごの ぜろはちななさん", "postal_code", "965-0873", "きゅうろくごの ぜろはちななさん"),
])
def test_numbers_read_out_in_kana_are_found_as_said(text, entity, value, said):
    """Voice input writes numbers as they are spoken; the span is what the customer said."""
    [found] = find_all(text)
    assert (found.entity, found.value, text[found.start:found.end]) == (entity, value, said)


@pytest.mark.parametrize("text", ["くにに かえって しごとを します", "にくを ごご に たべた", "さんにん で いきます",
                                  "ごごに いちど でんわ します"])
def test_words_that_sound_like_digits_are_no_number(text):
    assert find_all(text) == []


def test_a_phone_read_out_in_kana_is_found_by_the_phone_finder_alone():
    """The verification form asks for the phone and checks the answer with `find_phones`."""
    assert [f.value for f in find_phones("ぜろきゅうぜろ いちにいさんよん ごろくななはち です")] == ["09012345678"]


@pytest.mark.parametrize("text, date", [("先週注文したやつまだ届かない", "先週"), ("しゅじんの　しちかいきが　らいげつ　あるもんで", "らいげつ"),
                                        ("でんわはぜろごーななななのさんにのいちにさんよんで法事はじゅうよっかやさ", "じゅうよっか"),
                                        ("ほうじが らいげつの とおか だすけ", "らいげつの とおか"), ("来月の十日に届けて", "来月の十日"),
                                        ("今月の20日まで", "今月の20日"), ("暮れの二十八日に間に合わなんだら", "暮れの二十八日"),
                                        ("通夜の菓子ば今日中に用意せんば", "今日中"), ("大晦日に着くごとできるね", "大晦日"),
                                        ("先生は月末で病院を去られてしまいます", "月末"), ("来月末までに", "来月末"),
                                        # round 2026-12-07m: the new year's day; 5 days ago as read (5 日前)
                                        ("日にち指定ってできるん？年明けの４日着とか", "年明けの４日"), ("お菓子 5 日前", "5 日前")])
def test_a_week_or_month_named_or_a_day_after_a_particle_is_a_date(text, date):
    from madoguchi.nlu.patterns import find_dates

    assert [f.value for f in find_dates(text)] == [date]


@pytest.mark.parametrize("text, dates", [
    # a month in English and its day (round 2026-12-05zzb)
    ("my exhibition opens on January 17. I want the sweets early", ["January 17"]),
    ("date pls 27th Dec, morning if possible", ["27th Dec"]), ("Delivery date I want: Sept. 4", ["Sept. 4"]),
    ("the party is on May 3", ["May 3"]),
    ("the date is 20 décembre, sorry", ["20 décembre"]), ("livraison le 3 janvier", ["3 janvier"]),  # French (zzh)
    ("change delivery date to the 22nd pls", ["22nd"]), ("we live on the 3rd floor", []),  # a day alone (zzi)
    ("the 49th day memorial", []), ("Si je commande aujourd'hui avant 14h", ["aujourd'hui"]),  # French (zzj) ("ほかの客より先に出してくれ　２８日には船出る", ["２８日"]),  # くれ of 出してくれ
    # may in lower case is a verb; a word that begins like a month is none
    ("I may 3 boxes order", []), ("I decided 2 boxes", []), ("married 30 years", []),
])
def test_a_month_in_english_and_its_day_are_a_date(text, dates):
    from madoguchi.nlu.patterns import find_dates

    assert [f.value for f in find_dates(text)] == dates


def test_a_magazine_issue_is_no_date():
    from madoguchi.nlu.patterns import find_dates

    assert find_dates("先月号の雑誌に載ってたお菓子") == []


@pytest.mark.parametrize("text, dates", [
    # round zy: next week alone, and a day counted back from today
    ("来週ばあちゃんの米寿祝いがあって", ["来週"]),
    ("やばい、パーティー来週なのにカタログ来とらん", ["来週"]),
    ("１０日くらい前にカタログお願いしたけど来んのよ", ["１０日くらい前"]),
    ("二週間ほど前に頼んだ", ["二週間ほど前"]),
    ("札幌の天気明日どう", ["明日"]),
    # round 2026-12-05x: days back in kana, and a part of last month
    ("３日まえ ちゅうもん した。 いつ つく？", ["３日まえ"]),
    ("先月の半ばにカタログを御願いしたんですけど", ["先月の半ば"]), ("先月下旬に請求いたしました", ["先月下旬"]),
    ("先月の末に頼んだ 栗の菓子が", ["先月の末"]), ("先月末にWebから請求した", ["先月末"]),  # round 2026-12-05zzp
    # a month's day before which, and a memorial, are no days counted back
    ("12月3日前に届けて", []),
    ("四十九日前に届けてほしい", []),
    ("3日前後で届きます", []),
])
def test_next_week_and_days_counted_back_are_dates(text, dates):
    from madoguchi.nlu.patterns import find_dates

    assert [f.value for f in find_dates(text)] == dates


@pytest.mark.parametrize("text, found", [
    # round zz: voice input writes a number read aloud with の between its parts, and the A as said
    ("電話は088の844の1234", [("phone", "0888441234")]),
    ("電話は03の1234の5678 娘の電話です", [("phone", "0312345678")]),
    ("780の8062です", [("postal_code", "780-8062")]),
    ("番号はエー2345678です", [("order_id", "A2345678")]),
    ("あったあったエー一二三四五六七って書いてあるわ", [("order_id", "A1234567")]),  # after a verb (round 2026-12-05zzy)
    ("でんわばんごうはゼロ88の844の1234です", [("phone", "0888441234")]),  # the first 0 said
    ("ケーエー1234567", []),  # an エー inside a katakana word
    ("1234の5678", []),  # no 0 first: no phone; not alone three and four: no postal code
])
def test_numbers_said_with_no_between_their_parts(text, found):
    from madoguchi.nlu.patterns import find_all

    assert [(f.entity, f.value) for f in find_all(text)] == found


@pytest.mark.parametrize("text", ["十日もかかるんですか", "十四日間もつお菓子は", "あと十日ほどで届きますか"])
def test_a_number_of_days_in_kanji_is_no_date(text):
    from madoguchi.nlu.patterns import find_dates

    assert find_dates(text) == []
