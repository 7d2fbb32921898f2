"""When a person will answer, in the customer's terms: 本日9時, 明日（土）9時, 11月24日（火）9時."""

from __future__ import annotations

from datetime import datetime

from madoguchi.shop import calendar
from madoguchi.shop.rules import Rules

WITH_PERSON = "担当者が対応しています"


def reply_time(rules: Rules, now: datetime) -> str | None:
    """When operators next answer, or None while they are at the desk."""
    if calendar.operators_available(rules, now):
        return None
    opening = calendar.next_operator_opening(rules, now)
    today = now.astimezone(rules.tz).date()
    clock = calendar.ja_time(opening.timetz())
    weekday = calendar.WEEKDAY_JA[opening.weekday()]
    days = (opening.date() - today).days
    if days == 0:
        return f"本日{clock}"
    if days == 1:
        return f"明日（{weekday}）{clock}"
    return f"{opening.month}月{opening.day}日（{weekday}）{clock}"


def banner(rules: Rules, now: datetime) -> str:
    """What the chat page shows while a person has the chat."""
    when = reply_time(rules, now)
    return f"担当者は{when}からお返事します" if when else WITH_PERSON
