"""Korean phrases of shop talk read as the Japanese the classifier learned.

Korean-speaking customers write Korean, often among the Japanese words of the shop (주문한
お歳暮 아직 안 왔어요). Hangul is no Japanese, so the phrases of the lexicon `korean`
(`madoguchi/nlu/lexicons/`) are read as their Japanese in any message that holds them: the
longest first, with or without spaces between their syllables, each where a Korean word starts
or right after another phrase (not the 안 inside 편안). Every other word stays as written.
"""

from __future__ import annotations

from madoguchi.nlu.kana import Reading, replaced
from madoguchi.nlu.phrasebook import Phrasebook


def is_hangul(char: str) -> bool:
    """A Hangul syllable or letter (박, ㅎ)."""
    return "\uac00" <= char <= "\ud7a3" or "\u1100" <= char <= "\u11ff" or "\u3130" <= char <= "\u318f"


_BOOK = Phrasebook("korean", starts_word=is_hangul)


def korean_words(text: str) -> Reading | None:
    """The text with its Korean phrases read in Japanese, or None when it holds none."""
    spans = _BOOK.found(text)
    return replaced(text, spans) if spans else None
