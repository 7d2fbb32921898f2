"""The part of a message after an opening greeting: what the customer came for."""

from __future__ import annotations

import pytest

from madoguchi.nlu.greeting import after_greeting


@pytest.mark.parametrize("text, rest", [
    ("こんにちは。ちゅうもん した おかし が まだ きません。", "ちゅうもん した おかし が まだ きません。"),
    ("お世話になっております。先日注文した品ですが", "先日注文した品ですが"),
    ("はいさい。とうきょうの まごの ところに とどいた", "とうきょうの まごの ところに とどいた"),
    ("Hello! catalog onegai", "catalog onegai"),
    ("おばんです☆かたろぐ ほしいんだども", "かたろぐ ほしいんだども"),
    ("どうも。お歳暮ば送りたいっちゃけど", "お歳暮ば送りたいっちゃけど"),  # round zze hideaki-lucia-03
    ("こんちわ かたろぐ ほしいんだけど", "かたろぐ ほしいんだけど"),  # round 2026-12-05zzo
])
def test_the_request_after_a_greeting(text, rest):
    assert after_greeting(text) == rest


@pytest.mark.parametrize("text", ["こんにちは", "こんにちは！よろしくお願いします", "注文した品が届きません", "こんにちはー😊", "はい",
                                  "どうもどうも！また来たでー😆", "どうもありがとう", "どうも、よろしく"])
def test_no_request_after_a_greeting(text):
    assert after_greeting(text) is None


@pytest.mark.parametrize("text", ["はいわかりましたまた注文するときよろしくね", "ほんなら失礼します", "また れんらく します"])
def test_words_that_leave_for_now_close_the_talk_for_the_triage_and_the_misread_goodbye(text):
    """One list (`LEAVES_FOR_NOW`) for both: the triage's closing words add only でした and thanks."""
    from actions.misread import CLOSING
    from madoguchi.nlu.greeting import CLOSES_TALK

    assert CLOSING.search(text) and CLOSES_TALK.search(text)
    assert not CLOSING.search("わかりませんでした") and CLOSES_TALK.search("わかりませんでした")
