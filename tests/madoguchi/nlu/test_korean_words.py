"""Korean read as Japanese, inside a word only when the phrase is long enough, and Japanese
left alone."""

from __future__ import annotations

import pytest

from madoguchi.nlu.korean_words import korean_words
from madoguchi.nlu.reading import reading


@pytest.mark.parametrize("text, read", [
    ("택배 아직 안 왔어요 ㅠㅠ", "まだ届いていません"),
    ("주문한거아직안왔어요", "まだ届いていません"),  # written without spaces
    ("다른 사람 택배가 왔어요", "他の人の荷物が届きました"),
    ("担当者と話したいです。상담원 연결해 주세요", "オペレーターと話したい"),  # among Japanese
    ("주문 취소하고 싶어요. cancel please", "キャンセルしたい"),
    ("안녕하세요", "こんにちは"),
    ("네", "はい"),  # one syllable, a word of its own (round 2026-12-05r)
    ("12월 20일까지 도착하게 하려면 언제까지 주문해야 돼요?", "12月 20日"),
])
def test_korean_is_read_as_japanese(text, read):
    assert read in korean_words(text).text
    assert read in reading(text).text


@pytest.mark.parametrize("text", ["편안하게", "불안녕", "네가"])  # 안녕 inside 불안녕, 네 of 네가 (you)
def test_a_short_phrase_is_not_read_inside_another_word(text):
    assert korean_words(text) is None


@pytest.mark.parametrize("text", ["注文を取消したいです", "明日の午後に届きますか", "請問 運費 多少錢?"])
def test_other_writing_is_left_alone(text):
    assert korean_words(text) is None
