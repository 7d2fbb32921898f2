"""Whether a catalog customer is in a hurry: 宅配便 at no charge when they are, メール便 when
they say they are not (急ぎではありません, いつもの便で) or say nothing about it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from madoguchi.text import nfkc

# A hurry word negated a few characters on: 急ぎではありません, 急ぎまへん, いそぎじゃない,
# 急ぎはせんのですけど, 急がない, 急いでいません.
_NEGATED = re.compile(
    r"(?:急|いそ)(?:ぎ|が|い|ぐ)[^。、,.!?！？\n]{0,6}?(?:ない|なく|ねえ|ません|まへん|へん|せん|ありません)"
)


def hurry_of(text: str, hurry: Iterable[str], no_hurry: Iterable[str]) -> bool | None:
    """True when the message says the customer is in a hurry, False when it says they are
    not (or asks for the usual way), None when it says neither."""
    norm = nfkc(text or "").lower()
    if _NEGATED.search(norm) or any(nfkc(w).lower() in norm for w in no_hurry):
        return False
    if any(nfkc(w).lower() in norm for w in hurry):
        return True
    return None


def hurry_in(texts: Iterable[str], hurry: Iterable[str], no_hurry: Iterable[str]) -> bool | None:
    """The latest of the messages that says anything about a hurry decides."""
    hurry, no_hurry = list(hurry), list(no_hurry)
    found = None
    for text in texts:
        reading = hurry_of(text, hurry, no_hurry)
        if reading is not None:
            found = reading
    return found
