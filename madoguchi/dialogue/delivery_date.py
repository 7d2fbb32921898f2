"""A new delivery date: found where the customer wrote it, checked against the shop's window.

The customer may write the date with the request (配送日を12/22に変更お願いします), with
the order number and phone, or on its own; it is taken wherever it stands. A date outside
the window is named with the limit, the nearest date the shop can take is proposed (a yes
takes it), and a person is offered: the customer is never asked the same question again
without being told why.
"""

from __future__ import annotations

import re
from datetime import date

from madoguchi.shop.calendar import ja_date
from madoguchi.text import nfkc
from madoguchi.values import kanji_digits, parse_ja_date

# A month and a day (12/22, １２／２２, 12月22日), not the day an order was placed.
_MONTH_DAY = re.compile(
    r"(?<!\d)\d{1,2}\s*(?:月\s*の?|/)\s*\d{1,2}(?!\d)\s*日?(?!\s*日?\s*(?:に|の)?\s*(?:注文|頼|購入|発注|買|申し込))"
)
# Words of the text the bot says when a date falls outside the window.
OUTSIDE = "できる期間"
PERSON_BUTTON = {"title": "担当者に相談する", "payload": "担当者と話したいです"}


def written_date(text: str, today: date) -> date | None:
    """The last month-and-day date written in `text` (in kanji numerals too: 十三日やのうて十二月十一日に,
    round 2026-12-05zzr), as the next such day from today."""
    found = None
    for match in _MONTH_DAY.finditer(kanji_digits(nfkc(text or ""))):
        found = parse_ja_date(match.group(0).replace("の", ""), today) or found  # 十二月の十五日 (round 2026-12-04zt)
    return found


def nearest(chosen: date, earliest: date, latest: date) -> date:
    """The date of the window nearest to `chosen`."""
    return min(max(chosen, earliest), latest)


def outside_answer(chosen: date, earliest: date, latest: date) -> tuple[str, list[dict[str, str]]]:
    """What the customer is told of a date outside the window: the date, the limit, the
    nearest date the shop can take (a yes takes it) and a person; with buttons for both."""
    near = nearest(chosen, earliest, latest)
    if chosen > latest:
        told = f"{ja_date(chosen)}は、お届け日を変更{OUTSIDE}（{ja_date(latest)}まで）を過ぎております。"
    else:
        told = f"{ja_date(chosen)}は、お届け日を変更{OUTSIDE}（{ja_date(earliest)}から{ja_date(latest)}まで）に入っておりません。"
    text = (
        f"{told}{ja_date(near)}でよろしければ「はい」とお書きください。"
        f"ほかの日付でしたら{ja_date(earliest)}から{ja_date(latest)}までの日付でお書きいただくか、担当者にご相談ください。"
    )
    take = {"title": f"{near.month}月{near.day}日にする", "payload": f"{near.month}月{near.day}日でお願いします"}
    return text, [take, PERSON_BUTTON]


def told_outside(bot_texts: list[str]) -> bool:
    """Whether one of the bot's texts told the customer their date was outside the window."""
    return any(OUTSIDE in t for t in bot_texts)
