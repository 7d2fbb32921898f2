"""Distress that builds up over a conversation, which no single message shows.

Two signals, both read from the tracker's events:
- rising distress: the triage scores of the last two customer messages add up to the
  threshold's `BUILDUP` multiple, the latest one itself at least half the threshold and
  speaking of distress in its words;
- the same question again: the customer's last two messages ask the same question (same
  intent, and texts alike by their character bigrams), so the bot's answer did not help
  (unless the bot had apologised for a failure and asked the customer to write again; the
  very same text sent twice is a message sent again, answered again, not a rephrasing).
Only messages since an operator last handed the conversation back count.
"""

from __future__ import annotations

import re
from typing import Any

from madoguchi.nlu.cues import ASKING_HOW_CUES, HANDOFF_INTENTS, only_cues_among

BUILDUP = 1.6
ALIKE = 0.7
QUESTIONS = frozenset({"ask_shipping", "ask_gift", "ask_product", "ask_delivery_status", "request_catalog"})


def since_resume(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events since a person last handed the conversation back (all when none did).

    What the customer wrote to the operator was for a person, who dealt with it: it is
    not a question the bot failed to answer, nor distress the bot has yet to act on.
    """
    for i in range(len(events) - 1, -1, -1):
        if events[i].get("event") == "resume":
            return events[i + 1 :]
    return events


def _customer_parses(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        e.get("parse_data") or {}
        for e in since_resume(events)
        if e.get("event") == "user" and (e.get("text") or "").strip()
    ]


def escalates(events: list[dict[str, Any]], threshold: float) -> bool:
    """The conversation so far calls for a person because of distress."""
    parses = _customer_parses(events)
    if not parses:
        return False
    scores = [float((p.get("triage") or {}).get("distress", 0.0)) for p in parses[-2:]]
    if len(scores) == 2 and sum(scores) >= BUILDUP * threshold and scores[-1] >= threshold / 2:
        if _speaks_of_distress(parses[-1]) and not _asks_how(parses[-1]):
            return True
    if len(parses) < 2 or _apologised_since_before_last(events):
        return False
    before, last = parses[-2], parses[-1]
    intent = (last.get("intent") or {}).get("name")
    resent = " ".join((before.get("text") or "").split()) == " ".join((last.get("text") or "").split())
    return (
        intent in QUESTIONS
        and not resent
        and (before.get("intent") or {}).get("name") == intent
        and similarity(before.get("text") or "", last.get("text") or "") >= ALIKE
    )


def _speaks_of_distress(parse: dict[str, Any]) -> bool:
    """Something in the message's words speaks of distress (a cue, grief, !! or more than one
    trailing-off), as `triage.Assessment.evidence` says: a score the classifier gave the voice
    alone (来てくれた親戚さ…伸しはなじょすればいいべ, after a memorial told) builds nothing up."""
    triage = parse.get("triage") or {}
    return bool(triage.get("cues") or triage.get("grief") or triage.get("emphatic") or (triage.get("intensity") or 0) >= 2)


def _asks_how(parse: dict[str, Any]) -> bool:
    """A message read as no handoff whose only distress cue says the customer does not know
    how (のしは どげに したら ええでしょうか…わからんで, after a grief told): a question, no
    distress building up."""
    triage = parse.get("triage") or {}
    cues = triage.get("cues") or []
    intensity = 1 if trails_off_by_habit(parse.get("text") or "") else triage.get("intensity") or 0
    return (
        (parse.get("intent") or {}).get("name") not in HANDOFF_INTENTS
        and bool(cues) and only_cues_among(cues, ASKING_HOW_CUES, intensity, bool(triage.get("emphatic")))
        and not (triage.get("grief") or triage.get("goods_problem"))
    )


# Sentences that all end trailing off (のしは 何に したら ええずら。。。…ようわからなんだ。。。: round
# 2026-12-05zzw kiyotsugu-joselito-05, an old cabinet maker who ends every line so): a habit of writing.
_TRAILING_END = re.compile(r"。{2,}")
_OTHER_END = re.compile(r"(?<![。.])[。.](?![。.])|[！!？?]")


def trails_off_by_habit(text: str) -> bool:
    """Every sentence of the message ends in 。。。 (two or more), none otherwise."""
    return len(_TRAILING_END.findall(text.strip())) >= 2 and _OTHER_END.search(text) is None


def _apologised_since_before_last(events: list[dict[str, Any]]) -> bool:
    """Whether the bot apologised for a failure after the customer's last-but-one message:
    asked to write again, the customer repeating it is no sign the answer did not help."""
    from madoguchi.dialogue.recovery import is_apology

    users = 0
    for e in reversed(events):
        if e.get("event") == "user" and (e.get("text") or "").strip():
            users += 1
            if users == 2:
                return False
        elif is_apology(e):
            return True
    return False


def similarity(a: str, b: str) -> float:
    """Overlap of two texts' character bigrams, over the smaller set (NFKC, no punctuation):
    1.0 when one question stands inside the other (送料はいくら？ / だから送料はいくらですか)."""
    import unicodedata

    def grams(text: str) -> set[str]:
        t = "".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if ch.isalnum())
        return {t[i : i + 2] for i in range(len(t) - 1)} or {t}

    x, y = grams(a), grams(b)
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0
