"""Korean phrases of shop talk read as the Japanese the classifier learned.

Korean-speaking customers write Korean, often among the Japanese words of the shop (주문한
お歳暮 아직 안 왔어요). Hangul is no Japanese, so the phrases of the lexicon `korean`
(`madoguchi/nlu/lexicons/`) are read as their Japanese in any message that holds them: the
longest first, with or without spaces between their syllables, each where a Korean word starts
or right after another phrase (not the 안 inside 편안); a yes of one syllable (네) only as a word
of its own, and the 월 and 일 of a date (12월 20일) as 月 and 日. Every other word stays as written.
"""

from __future__ import annotations

import re

from madoguchi.nlu.kana import Reading, replaced
from madoguchi.nlu.phrasebook import Phrasebook


def is_hangul(char: str) -> bool:
    """A Hangul syllable or letter (박, ㅎ)."""
    return "\uac00" <= char <= "\ud7a3" or "\u1100" <= char <= "\u11ff" or "\u3130" <= char <= "\u318f"


_BOOK = Phrasebook("korean", in_script=is_hangul)
# The month and day of a date (12월 20일까지): 月 and 日 after their digits.
_DATE_WORD = re.compile(r"(?<=\d)\s*(월|일)")
# A yes or a no of one syllable (네, 응, 예), read only as a whole word.
_ONE_SYLLABLE = {"네": "はい", "넵": "はい", "응": "うん", "예": "はい", "엉": "うん"}
_WHOLE_WORD = re.compile("(?<![\uac00-\ud7a3])(" + "|".join(_ONE_SYLLABLE) + ")(?![\uac00-\ud7a3])")


def korean_words(text: str) -> Reading | None:
    """The text with its Korean phrases read in Japanese, or None when it holds none."""
    spans = _BOOK.found(text)
    taken = [(a, b) for a, b, _ in spans]
    free = [m for m in (*_DATE_WORD.finditer(text), *_WHOLE_WORD.finditer(text))
            if not any(a < m.end() and m.start() < b for a, b in taken)]
    spans += [(m.start(), m.end(), "月" if m.group(1) == "월" else "日") for m in free if m.re is _DATE_WORD]
    spans += [(m.start(), m.end(), _ONE_SYLLABLE[m.group(1)]) for m in free if m.re is _WHOLE_WORD]
    return replaced(text, sorted(spans)) if spans else None
