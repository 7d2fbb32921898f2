"""A few words in a language the bot does not read, written right after it answered: the
customer's thanks or goodbye in their own words (mercé plan, a lèu), not a misunderstanding
that counts towards calling a person."""

from __future__ import annotations

import re
from typing import Any

# One to four words of Latin letters (with their diacritics, apostrophes and hyphens) and
# punctuation or emoji around them; no digits (an order number), no kana, no question mark.
_LETTERS = r"[A-Za-z\u00c0-\u024f'’-]+"
FEW_LATIN_WORDS = re.compile(rf"[^\w?？]*{_LETTERS}(?:[\s,、.!！]+{_LETTERS}){{0,3}}[^\w?？]*")
MOST_LETTERS = 30
# A bot message that asks for something (…教えてください。, よろしいですか。): its answer is awaited.
ASKS = re.compile(r"(?:か|ください|下さい|ますか|でしょうか)[。.]?\s*$|[?？]\s*$")
# Replies after which the task is done and the bot has asked whether there is anything else.
DONE = frozenset({"utter_ask_anything_else", "utter_anything_else", "utter_thank"})
# Replies that close the talk, or say the bot did not understand: what follows them is no
# thanks for an answer.
NO_ANSWER = frozenset({"utter_goodbye", "utter_default", "utter_which_reading"})


def few_words_of_their_own(text: str) -> bool:
    """The message is one to four words in Latin letters and nothing else (mercé plan!!, a lèu 👋)."""
    return bool(FEW_LATIN_WORDS.fullmatch(text)) and sum(c.isalpha() for c in text) <= MOST_LETTERS


def reply_before(events: list[dict[str, Any]]) -> tuple[str | None, str] | None:
    """The bot's last reply before the latest customer message (its response name and text), or
    None when the customer wrote first."""
    latest_seen = False
    for event in reversed(events):
        if event.get("event") == "user":
            if latest_seen:
                return None
            latest_seen = True
        elif latest_seen and event.get("event") == "bot":
            return (event.get("metadata") or {}).get("utter_action"), event.get("text") or ""
    return None


def after_an_answer(events: list[dict[str, Any]]) -> bool:
    """The bot's last reply before the latest message answered and asked nothing more but
    whether there is anything else (送料は全国一律880円です。; ほかにご用件はございますか。)."""
    reply = reply_before(events)
    if reply is None:
        return False
    action, text = reply
    if action in NO_ANSWER:
        return False
    return action in DONE or not ASKS.search(text.strip())
