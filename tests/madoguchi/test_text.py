"""Width folding keeps offsets valid; normalization makes full-width input usable."""

from __future__ import annotations

import pytest

from madoguchi.nlu.kanji_forms import OLD_FORMS
from madoguchi.nlu.patterns import find_all
from madoguchi.text import digits_only, fold_for_nlu, fold_width, folded, is_blank, nfkc


@pytest.mark.parametrize(
    "text",
    [
        "ａ１２３４５６７",
        "０９０ー１２３４ー５６７８",
        "〒１２３−４５６７　東京都",
        "電話は090‐1234‐5678です",
        "ラーメン　ー　コーヒー",
        "",
    ],
)
def test_fold_width_keeps_the_length_exactly(text):
    assert len(fold_width(text)) == len(text)


def test_fold_width_turns_full_width_letters_digits_and_space_half_width():
    assert fold_width("ａ１２３４５６７　Ｂ") == "a1234567 B"


def test_the_nlu_reads_old_forms_of_kanji_as_those_in_use_and_a_value_keeps_them():
    assert fold_for_nlu("お屆け先の番號は　淺沼 髙﨑さん") == "お届け先の番号は 浅沼 高崎さん"
    assert fold_for_nlu("普通の文です") == "普通の文です"
    assert nfkc("髙﨑 佐和子") == fold_width("髙﨑 佐和子") == "髙﨑 佐和子"  # a name is stored as written
    assert all(len(old) == len(new) == 1 and old != new for old, new in
               ((chr(k), v) for k, v in OLD_FORMS.items()))


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("力タログを　たのんだ", "カタログを　たのんだ"),  # 力 for カ, from a stylus
        ("紙の カタ口グを", "紙の カタログを"),
        ("口ボットと 話しとる", "ロボットと 話しとる"),
        ("チョコレー卜", "チョコレート"),
        ("口コミを見て", "口コミを見て"),  # the words they make stay
        ("協力プレー", "協力プレー"),  # after a kanji: the kanji
        ("八ツ橋と一ヶ月", "八ツ橋と一ヶ月"),
    ],
)
def test_kanji_typed_for_katakana_among_katakana_are_read_as_the_katakana(written, read):
    assert fold_for_nlu(written) == folded(written) == read.replace("　", " ")
    assert len(fold_for_nlu(written)) == len(written)
    assert nfkc("力タログ") == "力タログ"  # a value keeps what was written


@pytest.mark.parametrize("hyphen", ["ー", "−", "‐", "－", "ｰ", "―", "〜"])
def test_fold_width_makes_any_hyphen_between_digits_a_plain_hyphen(hyphen):
    assert fold_width(f"090{hyphen}1234{hyphen}5678") == "090-1234-5678"


def test_fold_width_leaves_the_prolonged_sound_mark_in_words_alone():
    # ー in ラーメン is part of the word, not a hyphen between digits.
    assert fold_width("ラーメン1ーコーヒー") == "ラーメン1ーコーヒー"


def test_fold_width_leaves_kana_and_kanji_alone():
    assert fold_width("山田花子と申します") == "山田花子と申します"


def test_nfkc_folds_half_width_katakana_and_hyphens():
    assert nfkc("ﾔﾏﾀﾞ ０９０ー１２３４") == "ヤマダ 090-1234"


def test_digits_only_reads_full_width_digits():
    assert digits_only("０９０ー１２３４ー５６７８") == "09012345678"
    assert digits_only("〒123-4567") == "1234567"
    assert digits_only("なし") == ""


@pytest.mark.parametrize("text", [None, "", "   ", "\u3000\u3000", " \u3000\n"])
def test_is_blank_for_nothing_or_white_space_of_any_width(text):
    assert is_blank(text)


@pytest.mark.parametrize("text", ["a", "　あ　", "0"])
def test_is_blank_is_false_when_there_is_something_to_read(text):
    assert not is_blank(text)


def test_katakana_is_read_as_hiragana_too():
    from madoguchi.text import with_hiragana

    assert "つぶれてる" in with_hiragana("ハコ ツブレテル") and "ハコ" in with_hiragana("ハコ ツブレテル")


def test_cue_words_meet_old_forms_of_kanji_but_values_keep_them():
    from madoguchi.text import folded

    assert folded("荷物が屆きました") == "荷物が届きました" and folded("ＡＢＣ") == "abc"
    assert nfkc("淺沼") == "淺沼"  # a name is stored as written


@pytest.mark.parametrize("hyphen", ["−", "‐", "－", "―"])
def test_an_order_number_with_a_minus_sign_after_its_letter_is_an_order_number(hyphen):
    """订单号 Ａ−５６７−８９０１ (round zq): the minus after the A was kept, and the number was
    read as a postal code."""
    assert fold_width(f"Ａ{hyphen}５６７{hyphen}８９０１") == "A-567-8901"
    assert [(f.entity, f.value) for f in find_all(f"订单号 Ａ{hyphen}５６７{hyphen}８９０１")] == [
        ("order_id", "A5678901")
    ]
