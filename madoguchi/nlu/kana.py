"""Romaji read as kana, a text read with each character's span on the original, and the
lexicons of other languages: the parts `madoguchi.nlu.reading`, `madoguchi.nlu.foreign_words`
and `madoguchi.nlu.english_words` share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Hiragana, katakana or kanji: a message that holds Japanese script.
JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

_VOWELS = {"a": "あ", "i": "い", "u": "う", "e": "え", "o": "お"}
_ROWS = {
    "k": "かきくけこ", "s": "さしすせそ", "t": "たちつてと", "n": "なにぬねの",
    "h": "はひふへほ", "m": "まみむめも", "y": "や_ゆ_よ", "r": "らりるれろ",
    "l": "らりるれろ", "w": "わ___を", "g": "がぎぐげご", "z": "ざじずぜぞ",
    "d": "だぢづでど", "b": "ばびぶべぼ", "p": "ぱぴぷぺぽ",
}
_SPECIAL = {
    "shi": "し", "chi": "ち", "tsu": "つ", "fu": "ふ", "ji": "じ", "si": "し", "ti": "ち",
    "tu": "つ", "hu": "ふ", "zi": "じ", "di": "ぢ", "du": "づ", "wi": "うぃ", "we": "うぇ",
    "fa": "ふぁ", "fi": "ふぃ", "fe": "ふぇ", "fo": "ふぉ", "va": "ゔぁ", "vi": "ゔぃ",
    "vu": "ゔ", "ve": "ゔぇ", "vo": "ゔぉ", "je": "じぇ", "che": "ちぇ", "she": "しぇ",
    "thi": "てぃ", "dhi": "でぃ", "tei": "てい",
}
_YOON = {"ya": "ゃ", "yu": "ゅ", "yo": "ょ", "a": "ゃ", "u": "ゅ", "o": "ょ"}
_YOON_HEADS = {
    "ky": "き", "gy": "ぎ", "sh": "し", "ch": "ち", "ny": "に", "hy": "ひ", "my": "み",
    "ry": "り", "by": "び", "py": "ぴ", "j": "じ", "cy": "ち", "zy": "じ", "dy": "ぢ",
}


def _syllable(word: str, i: int) -> tuple[str, int] | None:
    """The kana of the syllable starting at `word[i]`, and its length in letters."""
    rest = word[i:]
    if rest[0] in _VOWELS:
        return _VOWELS[rest[0]], 1
    for size in (3, 2):
        if rest[:size] in _SPECIAL:
            return _SPECIAL[rest[:size]], size
    for head in sorted(_YOON_HEADS, key=len, reverse=True):
        if rest.startswith(head):
            for tail in ("ya", "yu", "yo") if head.endswith("y") is False else ("a", "u", "o"):
                if rest[len(head):].startswith(tail) and not (head in ("sh", "ch", "j") and tail.startswith("y")):
                    return _YOON_HEADS[head] + _YOON[tail], len(head) + len(tail)
            if head in ("sh", "ch", "j"):
                for tail in ("a", "u", "o"):
                    if rest[len(head):].startswith(tail):
                        return _YOON_HEADS[head] + _YOON[tail], len(head) + 1
    if len(rest) >= 2 and rest[0] in _ROWS and rest[1] in _VOWELS:
        kana = _ROWS[rest[0]]["aiueo".index(rest[1])]
        return (kana, 2) if kana != "_" else None
    if rest[0] == "n" and (len(rest) == 1 or rest[1] not in "aiueoy"):
        return "ん", 2 if rest[1:2] == "'" else 1
    if len(rest) >= 2 and rest[0] == rest[1] and rest[0] in "kstpgzdbcfjhmr":
        return "っ", 1
    if rest.startswith("tch"):
        return "っ", 1
    return None


def to_kana(word: str) -> str | None:
    """The hiragana of one romaji word, or None when it is not romaji (`please`, `bot`)."""
    word = word.lower()
    out, i = [], 0
    while i < len(word):
        found = _syllable(word, i)
        if found is None:
            return None
        kana, size = found
        out.append(kana)
        i += size
    return "".join(out)


# Latin words customers write in Japanese messages that are not romaji, left as they are.
KEEP = {"ai", "ok", "line", "pc", "no1", "sns", "faq", "cm", "qr", "id", "pdf", "hi", "mail",
         # courtesies in other languages, around romaji (catalogo hoshii desu, por favor)
         "please", "thanks", "thank", "you", "hello", "sorry", "por", "favor", "obrigado", "obrigada", "gracias"}


@dataclass(frozen=True)
class Reading:
    """A message read as kana: its text, and for each character the original span."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of `text[start:end]` (a non-empty span of the reading)."""
        return self.starts[start], self.ends[end - 1]

    def then(self, after: "Reading") -> "Reading":
        """`after` (a reading of this reading's text) with spans on the original."""
        starts = tuple(self.starts[s] for s in after.starts)
        ends = tuple(self.ends[e - 1] for e in after.ends)
        return Reading(after.text, starts, ends)


def chained(first: Reading | None, after: Reading | None) -> Reading | None:
    """`after` read on `first`'s text, with spans on the original; either may be None."""
    return first.then(after) if first and after else after or first


def replaced(text: str, words: list[tuple[int, int, str]]) -> Reading:
    """The text with each span [start, end) replaced by its word (in order, not overlapping);
    the characters of a word share its span out in order, the last one ending it."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    for start, end, word in [*words, (len(text), len(text), "")]:
        out.append(text[i:start] + word)
        starts.extend(range(i, start))
        ends.extend(range(i + 1, start + 1))
        size, n = end - start, len(word)
        starts.extend(start + k * size // n for k in range(n))
        ends.extend(start + (k + 1) * size // n for k in range(n))
        i = end
    return Reading("".join(out), tuple(starts), tuple(ends))


LEXICONS = Path(__file__).with_name("lexicons")


def lexicon(name: str) -> str:
    """The text of a lexicon of `madoguchi/nlu/lexicons/` (chinese, english, indonesian, korean, portuguese_spanish,
    tagalog)."""
    return (LEXICONS / f"{name}.txt").read_text(encoding="utf-8")


def lexicon_entries(lexicon: str) -> dict[tuple[str, ...], str]:
    """The phrases of a lexicon written one meaning a line (`日本語 = a | b`, a line that
    begins with | going on with the meaning above, one that begins with # a comment), each
    as its words and its Japanese."""
    words: dict[tuple[str, ...], str] = {}
    japanese = ""
    for line in lexicon.strip("\n").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.lstrip().startswith("|"):  # more words of the meaning above
            rest = line.lstrip()[1:]
        else:
            japanese, _, rest = line.partition("=")
            japanese = japanese.strip()
        for phrase in rest.split("|"):
            words[tuple(phrase.split())] = japanese
    return words
