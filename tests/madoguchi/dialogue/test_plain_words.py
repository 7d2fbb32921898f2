"""The bot's words not followed, told apart from not knowing what to do and from a grumble."""

from __future__ import annotations

import pytest

from madoguchi.dialogue.plain_words import answered_beside, new_to_this, words_not_followed


@pytest.mark.parametrize(
    "text",
    ["のし の こと きいて も、むずかしい ことば ばっかり で わからへん", "ヨク 分カラン。横文字 ガ 多イ。",
     "言ってることがよくわからないんですけど", "説明がむずかしくて、ようわからん", "わからない言葉が多いです",
     "なんだが ようわがらね。 もじ ばっかりで め が いたぐ なる", "字が小さくて読めん",
     "hmm I don't really understand the answer",  # round 2026-12-06d matsuno-bilung-13
     "sorry i cannot read kanji 🙏 your answer i dont understand", "漢字が読めないんです"],  # round 2026-12-07w
)
def test_words_not_followed(text):
    assert words_not_followed(text)


@pytest.mark.parametrize(
    "text",
    ["意味わからん、なんで届かないの", "何ヲ ドウ スレバ ヨイノカ", "のしの書き方がわからない", "注文番号がわかりません",
     "のしの文字は小さめでお願いします"],
)
def test_not_knowing_what_to_do_or_a_grumble_is_no_word_not_followed(text):
    assert not words_not_followed(text)


@pytest.mark.parametrize("text, beside", [
    ("la2, I didn't ask about のし!! I asked what's inside the sweets 😩", True),
    ("no, that's not what I meant", True), ("そんなこと聞いてないよ、原材料が知りたいの", True),
    ("I asked for a catalog last week and it never came", False), ("聞いてないよ、そんな送料", False),
])
def test_a_question_answered_beside_is_told_apart(text, beside):
    assert answered_beside(text) is beside


@pytest.mark.parametrize("text, new", [
    ("こういうのよくわからんくて…年寄りだすけ、ごめんなさいねー💦", True), ("機械とかよくわからなくてごめんなさいね", True),
    ("スマホ慣れてなくてすみません", True), ("年寄りなもんで、こういうの苦手で", True),
    ("ごめんなさい、番号がわからないんです", False), ("こういうのが欲しいです", False),
])
def test_an_apology_for_being_new_to_chats_is_told_apart(text, new):
    assert new_to_this(text) is new
