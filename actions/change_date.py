"""The new delivery date of an order change: the dates the shop can take, and the date the
customer wrote checked against them."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions import common
from madoguchi.dialogue import delivery_date
from madoguchi.shop import calendar
from madoguchi.values import parse_ja_date


def date_window(today: date) -> tuple[date, date]:
    """The first and last delivery date a customer may choose."""
    low, high = common.rules().delivery_date_window_days
    return today + timedelta(days=low), today + timedelta(days=high)


def date_written(text: str) -> date | None:
    """The delivery date a message names, by month and day or by a day named in words (こんど の
    どようび); the last date written when it names several (12月27日…あ、やっぱり12月26日)."""
    today = common.now().date()
    return delivery_date.written_date(text, today) or parse_ja_date(text, today)


def checked_date(dispatcher: CollectingDispatcher, chosen: date | None) -> dict[str, Any]:
    """The new delivery date when the shop can take it; else the customer is told why (a
    date outside the window named, with the nearest one proposed and a person offered)."""
    earliest, latest = date_window(common.now().date())
    if chosen and earliest <= chosen <= latest:
        return {"change_detail": chosen.isoformat()}
    if chosen:
        text, buttons = delivery_date.outside_answer(chosen, earliest, latest)
        dispatcher.utter_message(text=text, buttons=buttons)
    else:
        dispatcher.utter_message(
            response="utter_change_date_invalid", earliest=calendar.ja_date(earliest), latest=calendar.ja_date(latest)
        )
    return {"change_detail": None}
