"""Chinese read as Japanese, and Japanese left alone."""

from __future__ import annotations

import pytest

from madoguchi.nlu.chinese_words import chinese_words
from madoguchi.nlu.reading import reading


@pytest.mark.parametrize("text, read", [
    ("請問，今天 送來 的 荷物，不是 我的", "他の人の荷物が届きました"),  # round 2026-12-05p, spaces between words
    ("我 訂的 東西 還沒 到。這個 怎麼辦?", "まだ届いていません"),
    ("請問 運費 多少錢?", "送料はいくらですか"),
    ("太過分了，說好的日期都沒到", "ひどい"),  # without spaces
    ("订单 A3456789 今 どこ？", "注文"),  # simplified, among Japanese
    ("您好", "こんにちは"),  # one phrase, a character only Chinese uses
])
def test_chinese_is_read_as_japanese(text, read):
    assert read in chinese_words(text).text
    assert read in reading(text).text


@pytest.mark.parametrize("text", [
    "注文を取消したいです",  # 取消, 注文: Japanese too
    "明日の午後に届きますか",
    "再見積もりをお願いします",  # 再見 stands inside a Japanese word
    "友好的なお店ですね",
])
def test_japanese_is_left_alone(text):
    assert chinese_words(text) is None
