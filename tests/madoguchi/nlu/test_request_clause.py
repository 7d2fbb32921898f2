"""The request-bearing clause: what the customer asks, not the context told first."""

from __future__ import annotations

import pytest

from madoguchi.nlu.request_clause import clauses, request_clause


def asked(text: str) -> str:
    start, end = request_clause(text)
    return text[start:end].rstrip("。、")


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("先日カタログを送ってもらったんですが、お年賀に贈りたいので、おすすめはありますか", "おすすめはありますか"),
        ("カタログ送って。住所は東京都世田谷区桜新町2-3-4 メゾン桜102", "カタログ送って"),
        ("12月1日に送ったお歳暮、もう着いたじゃろか。番号はa2345678です", "もう着いたじゃろか"),
        ("母の七回忌なので、のしはどうすればいいですか？", "のしはどうすればいいですか？"),
        ("わたしゃね、年末のお歳暮を選びたいから、紙のカタログを送ってほしいのよ", "紙のカタログを送ってほしいのよ"),
        ("荷物が届いて、開けたら箱が潰れていました", "開けたら箱が潰れていました"),
        ("こんにちは", "こんにちは"),
    ],
)
def test_the_clause_that_asks_is_found(text, asks):
    assert asked(text) == asks


def test_clauses_cover_the_text_without_empty_ones():
    text = "はい。。、そうです！ありがとう"
    assert [text[a:b] for a, b in clauses(text)] == ["はい。。、", "そうです！", "ありがとう"]
    assert request_clause("") == (0, 0)
