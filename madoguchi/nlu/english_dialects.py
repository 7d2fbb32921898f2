"""Scots and English as it is typed (ye, whit, cannae, readin), read as the plain English the
English lexicon and the classifier know (you, what, can't, reading): Ye keep giein me the same
answer! is a complaint the classifier reads once it says You keep giving me the same answer!

Read only in a message that holds one of the telling words: ma, tae, dae or ken alone are
romaji, Spanish or Italian as often (`madoguchi/nlu/lexicons/english_dialects.txt`)."""

from __future__ import annotations

import re

from madoguchi.nlu.kana import Reading, lexicon, lexicon_entries, replaced

_PLAIN = {words[0]: english for words, english in lexicon_entries(lexicon("english_dialects")).items()}
# Words other languages write too: read with the others, never telling by themselves.
_NOT_TELLING = frozenset({"ma", "tae", "dae", "ony", "ken", "wee", "aye", "weel", "wi", "an'", "yur", "wot", "dont", "no'", "o"})
_TELLING = frozenset(_PLAIN) - _NOT_TELLING
_WORD = re.compile(r"(?<![A-Za-z'’])[A-Za-z][A-Za-z'’]*(?![A-Za-z])")


def english_dialect_words(text: str) -> Reading | None:
    """The text with its words of Scots and typed English read as plain English, or None when
    it holds no telling word."""
    found = [(m, m.group().lower().replace("’", "'")) for m in _WORD.finditer(text)]
    if not any(word in _TELLING for _, word in found):
        return None
    spans = [(m.start(), m.end(), _PLAIN[word]) for m, word in found if word in _PLAIN]
    return replaced(text, spans)
