"""Keyboard mash: a message that holds no word (qwqwqw, ぬふあうえお, ちぬthy7っっっz), which the
bot answers as not understood rather than reading an intent into it."""

from __future__ import annotations

import re
from typing import Callable, Iterable

import jaconv

from madoguchi.nlu.keyboard import is_keyboard_walk, switches_scripts
from madoguchi.text import folded, nfkc

HIRAGANA = re.compile(r"[ぁ-ゖ]")
KATAKANA_WORD = re.compile(r"^[ァ-ヺー・]+$")
LATIN_MASH = re.compile(r"^(?=(?:.*[a-z]){5})[a-z;:@,.\s]+$")
HELD_KEY = re.compile(r"(.)\1{4,}")  # one character five times or more: a key held down
INFLECTING = ("VERB", "ADJ")
ACRONYM = re.compile(r"^[A-Z]{2,5}$")  # AI, OK, LINE
NO_VOWEL = re.compile(r"[bcdfghjklmnpqrstvwxz]{4,}")  # rwmpg: Latin letters no word is made of


def is_gibberish(text: str, tokens: Iterable, dictionary_words: Callable[[str], frozenset[str]] | None = None) -> bool:
    """Keyboard mash: Latin letters without meaning, or a run of unknown kana fragments.

    A word is unknown when GiNZA has no vector for it and it is not a word of three letters
    or more in Sudachi's dictionary (`dictionary_words(text)`: the words of `text` it knows).
    GiNZA's 20,000 vectors miss everyday words (ありがとう, ください, ごめん, しりとり);
    Sudachi's dictionary also holds one- and two-kana fragments (ぽ, ねへ), which still count
    as unknown, as before. A loanword written in hiragana (おぺれーたー) splits into such
    fragments: a kana text is a word when its katakana form holds one of three letters or more.
    """
    norm = folded(text).strip()
    if not norm:
        return False
    rest = HELD_KEY.sub("", norm).strip()
    if rest != norm and (LATIN_MASH.match(rest) and " " not in rest or len(rest) == 1 and HIRAGANA.match(rest)
                         and HIRAGANA.match(norm)):
        return True  # ぬぬぬぬぬぬqwqwqw, ぬぬぬぬぬぬぬぬぬぬゆ: a held key, then letters without a word
    words = [t for t in tokens if not (t.is_punct or t.is_space or t.like_num or t.pos_ in ("PUNCT", "SYM"))]
    if not words:
        return False
    known: frozenset[str] = frozenset()
    if dictionary_words is not None and any(t.is_oov for t in words):
        known = dictionary_words(text)

    def unknown(t) -> bool:
        # A katakana word of three letters or more is a name or a loanword (シャルマ アルジュン);
        # a Latin word of two letters Sudachi knows is a word (ok ok, no no), and so is an
        # acronym (ひと？AI？; the tokens are in lower case, their lemmas as written); a verb or
        # adjective in an inflected form is a word (おそ and すぎ of おそすぎ: おそい, すぎる).
        long_enough = len(t.text) >= 3 or len(t.text) == 2 and t.text.isascii()
        inflected = t.pos_ in INFLECTING and t.lemma_.lower() != t.text.lower() and len(t.lemma_) >= 3
        return t.is_oov and not (
            long_enough and (known & {t.text, t.lemma_} or KATAKANA_WORD.match(t.text)) or ACRONYM.match(t.lemma_)
            or inflected
        )

    if LATIN_MASH.match(norm) and all(unknown(t) for t in words):
        return True
    vowelless = [t for t in words if NO_VOWEL.fullmatch(nfkc(t.lemma_))]  # as written: not HTML, ChatGPT
    if vowelless and all(len(t.text) <= 2 or t in vowelless for t in words):
        return True  # ふぃｒｗｍｐｇ: kana fragments and letters without a vowel
    # Keys side by side (ぬふあうえおやゆよわほへ), or bits of kana, letters and digits (ちぬthy7っっっz):
    # not words, though Sudachi finds fragments in a walk (いす, かんな in たていすかんなに).
    for mashed, word in ((is_keyboard_walk, 4), (switches_scripts, 3)):
        if mashed(norm) and not (dictionary_words and any(len(w) >= word for w in dictionary_words(norm))):
            return True
    unknowns = [t for t in words if unknown(t)]
    mash = (
        len(words) >= 2
        and len(unknowns) / len(words) >= 0.75
        and not any(len(t.text) >= 3 and not unknown(t) for t in words)
    )
    if mash and dictionary_words is not None and HIRAGANA.search(norm):
        return not any(len(w) >= 3 for span in _spans(norm, words) for w in dictionary_words(jaconv.hira2kata(span)))
    return mash


def _spans(norm: str, words: list, longest: int = 12) -> list[str]:
    """The whole text and every run of its first tokens' texts (ろぼ + っと of ろぼっとだべ,
    おぺ…たー of おぺれーたーだせ): Sudachi reads a katakana run as a word only when it stands
    alone (ロボットダベ is one unknown word)."""
    texts = [t.text for t in words[:longest]]
    return [norm, *("".join(texts[i:j]) for i in range(len(texts)) for j in range(i + 2, len(texts) + 1))]


def sudachi_words(nlp) -> Callable[[str], frozenset[str]]:
    """`dictionary_words` for `is_gibberish`: the words of a text in the dictionary of the
    Sudachi tokenizer behind GiNZA `nlp` (split mode C, like GiNZA's tokens)."""
    sudachi = nlp.tokenizer.tokenizer

    def words(text: str) -> frozenset[str]:
        return frozenset(m.surface() for m in sudachi.tokenize(text) if not m.is_oov())

    return words
