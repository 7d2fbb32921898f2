"""The part of a message that asks: its request-bearing clause.

Japanese customers give context first and ask last (「先日カタログを送ってもらったんですが、
お年賀に贈りたいので、おすすめはありますか」), or ask first and add details after
(「カタログ送って。住所は…」). The classifier reads the whole message; the pipeline's
`madoguchi.rasa.components.request_clause.RequestClauseFeaturizer` adds the character
n-grams of the request-bearing clause alone, as sentence features, so the classifier can
learn to weigh what is asked above what is told. The whole text stays for everything else
(entities, the distress triage, the transcript).

Clauses are cut at sentence ends and commas; the request-bearing one is the last clause
that ends like a request or a question (か, ください, たい, ほしい, て…), else the last one.
"""

from __future__ import annotations

import re

_CUT = re.compile(r"[。．.！!？?\n、，,]+")
# Trailing marks that do not change what a clause does: particles of tone, long marks, emoji.
_TAIL = re.compile(r"[\sよねなわぞさ〜ー～…・wｗ♪☆★❤️😭🙏💦✨🥺😢😊]+$")
# Endings that ask wherever they stand, and endings that ask only at the end of a sentence
# (送って。 asks; 届いて、 goes on).
_ASKS = re.compile(
    r"(か|かね|かな|かしら|ください|下さい|ちょうだい|たい|たいです|たいんです|ほしい|欲しい|"
    r"ほしいです|欲しいです|ませんか|でしょうか|だろうか|お願い|お願いします|おねがい|"
    r"おねがいします|願います|頼む|頼みます)$"
)
_ASKS_AT_END = re.compile(r"(て|の|てくれ|できる|できます|ある|あります|いい|どう|どれ|いつ|いくら|何|なに)$")
_INNER = re.compile(r"[、，,]+$")
_QUESTION = re.compile(r"[？?]")


def clauses(text: str) -> list[tuple[int, int]]:
    """The clauses of a text as (start, end) offsets, empty ones left out."""
    spans, start = [], 0
    for cut in _CUT.finditer(text):
        if text[start : cut.start()].strip():
            spans.append((start, cut.end()))
        start = cut.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def request_clause(text: str) -> tuple[int, int]:
    """The span of the clause that asks: the last one ending like a request or a
    question, else the last clause (the whole text when it has one clause)."""
    found = clauses(text)
    if not found:
        return 0, len(text)
    for start, end in reversed(found):
        clause = text[start:end]
        words = _TAIL.sub("", _CUT.sub("", clause))
        final = not _INNER.search(clause)
        if _QUESTION.search(clause) or _ASKS.search(words) or (final and _ASKS_AT_END.search(words)):
            return start, end
    return found[-1]
