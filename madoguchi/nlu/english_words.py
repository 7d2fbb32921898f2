"""English phrases of shop talk read as the Japanese the classifier learned.

Customers write English too (do you ship to the US? the box was kinda wet), alone or among
romaji and Japanese. The classifier learned Japanese and a thousand English examples do not
teach it the language, so the phrases of `madoguchi.nlu.english_lexicon` are read as their
Japanese wherever they stand, the longest first; every other word stays as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from madoguchi.nlu.english_lexicon import ENGLISH_LEXICON
from madoguchi.nlu.kana import Reading, lexicon_entries, replaced

_WORDS = lexicon_entries(ENGLISH_LEXICON)
_LONGEST = max(len(key) for key in _WORDS)
# A word of Latin letters, with its apostrophe (don't, it's), not glued to digits (A1234567).
_WORD = re.compile(r"(?<![0-9A-Za-z'’])[A-Za-z][A-Za-z'’]*(?![0-9A-Za-z])")


@lru_cache(maxsize=4096)
def _plain(word: str) -> str:
    return word.lower().replace("’", "'")


def english_words(text: str) -> Reading | None:
    """The text with its English phrases read in Japanese, or None when it holds none."""
    found = list(_WORD.finditer(text))
    if not found:
        return None
    words = [_plain(m.group()) for m in found]
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST, len(words) - i), 0, -1):
            key = tuple(words[i : i + size])
            if key in _WORDS and _adjacent(text, found, i, size):
                spans.append((found[i].start(), found[i + size - 1].end(), _WORDS[key]))
                i += size
                break
        else:
            i += 1
    return replaced(text, spans) if spans else None


def _adjacent(text: str, found: list[re.Match[str]], i: int, size: int) -> bool:
    """The phrase's words stand next to each other, spaces between, no punctuation."""
    return all(not text[found[j - 1].end() : found[j].start()].strip() for j in range(i + 1, i + size))
