"""Scots and typed English read as plain English (round 2026-12-07d: a Scottish engineer)."""

from __future__ import annotations

import pytest

from madoguchi.nlu.english_dialects import english_dialect_words
from madoguchi.nlu.reading import reading


@pytest.mark.parametrize("text, plain", [
    ("Ye keep giein me the same answer! Are ye even readin whit I write?",
     "you keep giving me the same answer! Are you even reading what I write?"),
    ("cannae get hame, dinnae ken whit tae dae", "can't get home, don't know what to do"),
    ("nae sign o the okashi", "no sign of the okashi"),
])
def test_scots_is_read_as_plain_english(text, plain):
    assert english_dialect_words(text).text == plain


@pytest.mark.parametrize("text", ["ma okaasan wa genki desu", "tae kwon do", "o pedido não chegou", "ken wa doko"])
def test_words_other_languages_write_too_are_left_alone_without_a_telling_word(text):
    assert english_dialect_words(text) is None


def test_the_english_lexicon_then_reads_the_plain_english():
    assert "いい加減にしてください" in reading("For cryin oot loud, I've typed the number twice, stop askin").text
    assert "困っています" in reading("Dinnae ken whit tae dae aboot the parcel").text


def test_no_plain_word_is_read_again():
    """The reading reads the plain text once more (its other languages and lexicons): a plain
    word that were itself a word of the dialects would be read for ever."""
    from madoguchi.nlu.english_dialects import _PLAIN

    assert not set(_PLAIN) & set(_PLAIN.values())
