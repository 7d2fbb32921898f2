"""A customer's signature: the name some customers write at the end of every message, run on
(おくって もらえるすか すみませんねささきつやこ). It is no part of the detail the message gives:
a name answered as なまえは ささきつやこ ですささきつやこ is ささきつやこ, and an address
ends before it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from madoguchi.dialogue.written import COPULAS
from madoguchi.text import nfkc

_TRAILING = re.compile(r"[\s。、．，.,!！?？~〜ー…☆★♪]+$")
# What may stand before the signature in two messages alike: a copula or a polite ending
# (…です ささきつやこ, おねがいしますささきつやこ).
_LEADING = re.compile(r"^(?:ます|" + "|".join(COPULAS) + ")")
_COPULA_LEFT = re.compile(r"(?:\s*(?:" + "|".join(COPULAS) + r"))?\s*$")
MIN_LENGTH = 3


def _end(text: str) -> str:
    return _TRAILING.sub("", re.sub(r"\s+", "", nfkc(text or "")))


def _spaced_at(text: str) -> set[int]:
    """How many letters follow each space in the text's end (とどかねえす　ささきつやこ: 6)."""
    kept = _TRAILING.sub("", nfkc(text or "").strip())
    return {len(re.sub(r"\s+", "", kept[m.end():])) for m in re.finditer(r"\s+", kept)}


def signature_of(texts: Sequence[str]) -> str | None:
    """The name at the end of at least two of the customer's messages, or None. A space
    written inside the part two messages share is where the name begins (とどかねえす　ささきつやこ
    and もうしわけねっすささきつやこ share すささきつやこ; the name is ささきつやこ)."""
    kept = [t for t in texts if _end(t)]
    ends = [_end(t) for t in kept]
    spaces = [_spaced_at(t) for t in kept]
    found: Counter[str] = Counter()
    for i, a in enumerate(ends):
        for j in range(i + 1, len(ends)):
            b = ends[j]
            size = 0
            while size < min(len(a), len(b)) and a[-1 - size] == b[-1 - size]:
                size += 1
            size = max((k for k in spaces[i] | spaces[j] if MIN_LENGTH <= k <= size), default=size)
            if size >= MIN_LENGTH:
                suffix = _LEADING.sub("", a[len(a) - size:])
                if len(suffix) >= MIN_LENGTH and not re.search(r"[0-9]", suffix):
                    found[suffix] += 1
    if not found:
        return None
    return max(found, key=lambda s: (found[s], -len(s)))


def without_signature(value: str, signature: str | None) -> str:
    """The value without the signature run on at its end (and the copula before it), or the
    value as it is when that would leave nothing."""
    if not signature or not value:
        return value
    kept = value.rstrip()
    compact = re.sub(r"\s+", "", nfkc(kept))
    if not compact.endswith(signature) or compact == signature:
        return value
    # cut as many characters of the written value as the signature has, spaces not counted
    letters, cut = 0, len(kept)
    while cut > 0 and letters < len(signature):
        cut -= 1
        if not kept[cut].isspace():
            letters += 1
    rest = _COPULA_LEFT.sub("", kept[:cut])
    return rest or value
