"""Keyboard mash: keys struck side by side on a Japanese (JIS) keyboard.

A customer who drags a hand over the keys writes ぬふあうえおやゆよ in kana input, rtyhjk or
lkjhg in Latin input (あsdfgh in romaji input), and ちぬthy7っっっz when the input mode changes on the way. Each
character is put back on the key that types it; a text whose keys mostly follow one another
is a walk over the keyboard, not a word. Real words jump across the keyboard, so a text needs
six keys or more (a key struck again counted once) and three steps in four to neighbouring
keys.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata

import jaconv

# The four rows of a JIS keyboard: the Latin key, then the kana it types (and with shift).
# Digits are left out: a run of them is a number typed on purpose (1234567, 090-1234-5678).
_ROWS = (
    ("          -^", "ぬふあうえおやゆよわほへ", "  ぁぅぇぉゃゅょを  "),
    ("qwertyuiop@[", "たていすかんなにらせ゛゜", "  ぃ"),
    ("asdfghjkl;:]", "ちとしはきくまのりれけむ", ""),
    ("zxcvbnm,./", "つさそひこみもねるめ", "っ"),
)
_STAGGER = (0.0, 0.5, 0.75, 1.25)  # how far each row starts to the right, in keys

KEYS: dict[str, tuple[float, float]] = {}
for _row, (_latin, _kana, _shifted) in enumerate(_ROWS):
    for _col, _chars in enumerate(zip(_latin, _kana, _shifted.ljust(len(_kana)))):
        for _char in _chars:
            if _char.strip():
                KEYS.setdefault(_char, (float(_row), _col + _STAGGER[_row]))
KEYS["ろ"] = (3.0, 10 + _STAGGER[3])  # the key right of め
KEYS["ー"] = (0.0, 12.0)

MIN_KEYS = 6
NEIGHBOURS = 0.75  # the share of steps to a neighbouring or the same key
REACH = 1.6  # how far a neighbouring key is, in keys (a diagonal one included)


def _base(char: str) -> str:
    """The character without its voicing marks (が is か and ゛), in hiragana, lower case."""
    char = unicodedata.normalize("NFKC", char).lower()
    if "ァ" <= char <= "ヶ":
        char = chr(ord(char) - 0x60)
    return unicodedata.normalize("NFD", char)[:1]


def keys_of(text: str, romaji: bool = False) -> list[tuple[float, float]] | None:
    """The keys that type `text` in kana input (or in romaji input: あsdf is asdf), white
    space, digits and punctuation left out, a key struck again counted once; None when a
    character has no key of its own (a kanji: a word chosen, not struck)."""
    if KANJI.search(text):
        return None
    if romaji:
        text = jaconv.kana2alphabet(jaconv.kata2hira(unicodedata.normalize("NFKC", text)))
    keys = [KEYS[base] for base in map(_base, text) if base in KEYS]
    return [key for key, _ in itertools.groupby(keys)]


def is_keyboard_walk(text: str) -> bool:
    """Whether `text` is keys struck side by side (ぬふあうえおやゆよわほへ, lkjhg@@@, あsdfgh)."""
    for romaji in (False, True):
        keys = keys_of(text, romaji)
        if keys is None or len(keys) < MIN_KEYS:
            continue
        steps = list(zip(keys, keys[1:]))
        if sum(math.dist(a, b) <= REACH for a, b in steps) / len(steps) >= NEIGHBOURS:
            return True
    return False


KANJI = re.compile(r"[\u3400-\u9fff々]")
_NOT_TYPED = re.compile(r"[^ぁ-ゖァ-ヺーa-z0-9]+")  # spaces, punctuation, emoji
_SCRIPT_RUN = re.compile(r"[ぁ-ゖァ-ヺー]+|[a-z]+|[0-9]+")


def switches_scripts(text: str) -> bool:
    """Whether `text` jumps between kana, Latin letters and digits in short bits, as an input
    mode changed in the middle of a mash does (ちぬthy7っっっz): five bits or more, none of
    them a word's length of letters or a number's length of digits, no kanji."""
    norm = unicodedata.normalize("NFKC", text).lower()
    if KANJI.search(norm):
        return False
    runs = _SCRIPT_RUN.findall(_NOT_TYPED.sub("", norm))
    return len(runs) >= 5 and all(len(run) <= (2 if run.isdigit() else 4) for run in runs)
