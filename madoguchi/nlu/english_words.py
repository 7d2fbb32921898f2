"""English and Tagalog phrases of shop talk read as the Japanese the classifier learned.

Customers write English too (do you ship to the US? the box was kinda wet), alone or among
romaji and Japanese, and Filipino customers Taglish (wala pa rin po dumating). The classifier
learned Japanese and a thousand English examples do not teach it the language, so the
phrases of the lexicons `english` and `tagalog` (`madoguchi/nlu/lexicons/`) are read as
their Japanese wherever they stand, the longest first, Tagalog before English (wala po akong
order number: 注文番号がありません, not "order number"); every other word stays as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from madoguchi.nlu.kana import Reading, lexicon, lexicon_entries, replaced

_ENGLISH = lexicon_entries(lexicon("english"))
_TAGALOG = lexicon_entries(lexicon("tagalog"))
_LONGEST = {id(words_of): max(map(len, words_of)) for words_of in (_ENGLISH, _TAGALOG)}  # words of the longest phrase
# A word of Latin letters, with its apostrophe (don't, it's), not glued to digits (A1234567).
_WORD = re.compile(r"(?<![0-9A-Za-z'’])[A-Za-z][A-Za-z'’]*(?![0-9A-Za-z])")
# The same with its hyphens (nag-order, i-check, pang-regalo).
_HYPHENED = re.compile(r"(?<![0-9A-Za-z'’-])[A-Za-z][A-Za-z'’-]*(?<!-)(?![0-9A-Za-z])")


@lru_cache(maxsize=4096)
def _plain(word: str) -> str:
    return word.lower().replace("’", "'")


def english_words(text: str) -> Reading | None:
    """The text with its Tagalog, then its English phrases read in Japanese, or None when it
    holds none."""
    tagalog = _phrases(text, _TAGALOG, _HYPHENED)
    english = _phrases(tagalog.text if tagalog else text, _ENGLISH, _WORD)
    return tagalog.then(english) if tagalog and english else english or tagalog


def _phrases(text: str, words_of: dict[tuple[str, ...], str], word: re.Pattern[str]) -> Reading | None:
    """The text with the phrases of a lexicon read in Japanese, the longest first."""
    found = list(word.finditer(text))
    if not found:
        return None
    words = [_plain(m.group()) for m in found]
    longest = _LONGEST[id(words_of)]
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
