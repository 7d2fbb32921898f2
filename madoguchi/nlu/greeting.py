"""A greeting that opens a message with a request after it (こんにちは。注文した おかしが まだ
こんのですが): the request is what the customer came for. The classifier reads the words
that come first as much as the rest, so the part after the greeting is read on its own too."""

from __future__ import annotations

import re

OPENING = re.compile(
    r"^\s*(?:(?:こんにち[はわ]|こんばん[はわ]|おはよう(?:ございます)?|はじめまして|もしもし|はいさい|"
    r"ごめんください(?:まし)?|まいど|おばんです|おばんでございます|お世話になって(?:おり|い)ます|お世話になります|おせわになって(?:おり|い)ます|"
    r"hello|hi|hey|ハロー|コンニチハ)[\s、。,.!！?？~〜ー…・☆★♪]*)+",
    re.IGNORECASE,
)
# What must follow the greeting for it to be a request: a few letters, not a courtesy alone.
_LETTERS = re.compile(r"[\W_]+")
COURTESY_ONLY = re.compile(r"^(?:よろしく(?:お願い|おねがい)(?:します|いたします|致します)?|どうも|ありがとう(?:ございます)?)$")


def after_greeting(text: str) -> str | None:
    """The part of the message after an opening greeting, or None when there is no greeting
    or nothing but a courtesy after it."""
    found = OPENING.match(text or "")
    if not found:
        return None
    rest = text[found.end():]
    letters = _LETTERS.sub("", rest)
    if len(letters) < 6 or COURTESY_ONLY.match(letters):
        return None
    return rest
