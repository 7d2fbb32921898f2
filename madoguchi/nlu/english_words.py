"""English, Tagalog and Indonesian phrases of shop talk read as the Japanese the classifier learned.

Customers write English too (do you ship to the US? the box was kinda wet), alone or among
romaji and Japanese, Filipino customers Taglish (wala pa rin po dumating) and Indonesian ones
Indonesian (paketnya belum sampai). The classifier learned Japanese and a thousand English
examples do not teach it the language, so the phrases of the lexicons `english`, `tagalog` and
`indonesian` (`madoguchi/nlu/lexicons/`) are read as their Japanese wherever they stand, the
longest first, Tagalog before English (wala po akong order number: 注文番号がありません, not
"order number"); every other word stays as written. Tagalog and Indonesian are read before
romaji too (`tagalog_indonesian_words`): iya is a yes, not いや.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from madoguchi.nlu.kana import Reading, chained, lexicon, lexicon_entries, replaced


@dataclass(frozen=True)
class _Lexicon:
    """A lexicon's phrases (as tuples of words) with their Japanese, and how a word is cut."""

    words_of: dict[tuple[str, ...], str]
    word: re.Pattern[str]

    @cached_property
    def longest(self) -> int:
        """The number of words of the longest phrase."""
        return max(map(len, self.words_of))


# A word of Latin letters, with its apostrophe (don't, it's), not glued to digits (A1234567).
_WORD = re.compile(r"(?<![0-9A-Za-z'’])[A-Za-z][A-Za-z'’]*(?![0-9A-Za-z])")
# The same with its hyphens (nag-order, i-check, pang-regalo).
_HYPHENED = re.compile(r"(?<![0-9A-Za-z'’-])[A-Za-z][A-Za-z'’-]*(?<!-)(?![0-9A-Za-z])")

_ENGLISH = _Lexicon(lexicon_entries(lexicon("english")), _WORD)
_TAGALOG = _Lexicon(lexicon_entries(lexicon("tagalog")), _HYPHENED)
_INDONESIAN = _Lexicon(lexicon_entries(lexicon("indonesian")), _HYPHENED)  # oleh-oleh, kue-kue


@lru_cache(maxsize=4096)
def _plain(word: str) -> str:
    return word.lower().replace("’", "'")


def english_words(text: str) -> Reading | None:
    """The text with its Tagalog, Indonesian, then English phrases read in Japanese, or None
    when it holds none."""
    theirs = tagalog_indonesian_words(text)
    english = _phrases(theirs.text if theirs else text, _ENGLISH)
    return chained(theirs, english)


def tagalog_indonesian_words(text: str) -> Reading | None:
    """The text with its Tagalog, then its Indonesian phrases read in Japanese (wala pa rin po:
    まだ届いていません; saya bayar dua kali: 二回払ってしまいました), or None when it holds none."""
    tagalog = _phrases(text, _TAGALOG)
    indonesian = _phrases(tagalog.text if tagalog else text, _INDONESIAN)
    return chained(tagalog, indonesian)


def _phrases(text: str, lexicon_read: _Lexicon) -> Reading | None:
    """The text with the phrases of a lexicon read in Japanese, the longest first."""
    found = list(lexicon_read.word.finditer(text))
    if not found:
        return None
    words = [_plain(m.group()) for m in found]
    words_of, longest = lexicon_read.words_of, lexicon_read.longest
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            key = tuple(words[i : i + size])
            if key in words_of and _adjacent(text, found, i, size):
                spans.append((found[i].start(), found[i + size - 1].end(), words_of[key]))
                i += size
                break
        else:
            i += 1
    return replaced(text, spans) if spans else None


def _adjacent(text: str, found: list[re.Match[str]], i: int, size: int) -> bool:
    """The phrase's words stand next to each other, spaces between, no punctuation."""
    return all(not text[found[j - 1].end() : found[j].start()].strip() for j in range(i + 1, i + size))
