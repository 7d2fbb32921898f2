"""Japanese text normalization at the edge of the NLU pipeline.

`fold_width` maps one character to one character, so that entity offsets found on the
folded text are valid on the original text too (the operator reads the original); `fold_for_nlu`
also reads old forms of kanji as those in use, for the NLU only.
`nfkc` is the full Unicode normalization, for values already cut out of a message.
"""

from __future__ import annotations

import re
import unicodedata

import jaconv

from madoguchi.nlu.kanji_forms import OLD_FORMS

# Characters customers type as a hyphen between digits: hyphen-minus look-alikes, dashes,
# the katakana prolonged sound mark and the half-width one, the wave dash and tildes.
HYPHENS = "-‐‑‒–—―−－ーｰ─━〜～~"
_HYPHEN_CLASS = "[" + re.escape(HYPHENS) + "]"
# Between digits, or between a Latin letter and a digit (Ａ−５６７−８９０１: an order number).
_DIGIT_HYPHEN_DIGIT = re.compile(
    r"(?<=[0-9０-９A-Za-zＡ-Ｚａ-ｚ])" + _HYPHEN_CLASS + r"(?=[0-9０-９])"
)

# Kanji that look like katakana, typed with a stylus or picked by a handwriting pad among
# katakana (力タログ, カタ口グ, 口ボット): read as the katakana where a katakana word stands
# around them, never after a kanji (協力プレー) nor in the words they make (口コミ, 口パク).
_LOOKALIKES = {"力": "カ", "夕": "タ", "口": "ロ", "工": "エ", "卜": "ト"}
_LOOKALIKE_IN_KATAKANA = re.compile(
    r"(?<![\u4e00-\u9fff々])[力夕口工卜](?=[ァ-ヺー]{2})(?!コミ|パク)|(?<=[ァ-ヺー]{2})[力夕口工卜](?![\u4e00-\u9fff々])"
)

_WIDE_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDE_ASCII[0x3000] = 0x20  # ideographic space


def fold_width(text: str) -> str:
    """Full-width ASCII to half-width, and any hyphen-like mark before a digit, after a digit
    or a Latin letter, to '-'.

    The result has exactly the length of the input: offsets stay valid.
    """
    folded = text.translate(_WIDE_ASCII)
    return _DIGIT_HYPHEN_DIGIT.sub("-", folded)


def fold_for_nlu(text: str) -> str:
    """`fold_width`, old forms of kanji as those in use (屆→届, 淺沼→浅沼) and kanji among
    katakana as the katakana they look like (力タログ): the text the NLU reads, one character
    for one. Never for a value kept: a name is stored as written."""
    return katakana_lookalikes(fold_width(text).translate(OLD_FORMS))


def katakana_lookalikes(text: str) -> str:
    """Kanji typed for the katakana they look like, among katakana (力タログ→カタログ,
    カタ口グ→カタログ), as that katakana; one character for one."""
    return _LOOKALIKE_IN_KATAKANA.sub(lambda m: _LOOKALIKES[m.group()], text)


def nfkc(text: str) -> str:
    """NFKC-normalize and fold hyphen look-alikes between digits to '-'."""
    return fold_width(unicodedata.normalize("NFKC", text))


def folded(text: str | None) -> str:
    """NFKC, lower case, old forms of kanji as those in use (屆いた) and katakana look-alikes
    (力タログ): how a message is compared with cue words."""
    return katakana_lookalikes(unicodedata.normalize("NFKC", text or "").lower().translate(OLD_FORMS))


def with_hiragana(text: str) -> str:
    """The text, then (after a newline) its katakana read as hiragana: a cue word in hiragana
    is found in ハコ ツブレテル or ドウシヨウ too."""
    return f"{text}\n{jaconv.kata2hira(text)}"


def digits_only(text: str) -> str:
    """The ASCII digits of a text, in order (full-width digits included)."""
    return "".join(ch for ch in nfkc(text) if ch.isascii() and ch.isdigit())


def is_blank(text: str | None) -> bool:
    """True for None, empty text, or text of white space only (full-width included)."""
    return not text or not text.translate(_WIDE_ASCII).strip()


_DIGITS = str.maketrans("123456789", "000000000")


def mask_digits(text: str) -> str:
    """Every ASCII digit as 0: the shape of a number without its value (same length)."""
    return text.translate(_DIGITS)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """The text with each lone surrogate as U+FFFD (nothing else changes): what a channel
    hands on can be stored, logged and sent back, one character for one."""
    return _LONE_SURROGATE.sub("\ufffd", text)
