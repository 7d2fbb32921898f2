"""When a person will answer, as the customer reads it."""

from __future__ import annotations

import pytest

from madoguchi.handoff.hours import banner, reply_time
from tests.conftest import jst


@pytest.mark.parametrize(
    "now, expected",
    [
        ("2026-11-20T10:00:00", None),                    # Friday morning: at the desk
        ("2026-11-20T07:30:00", "本日9時"),                # Friday before opening
        ("2026-11-20T18:00:00", "明日（土）9時"),          # Friday evening
        ("2026-11-21T19:00:00", "11月23日（月）9時"),      # Saturday evening: Sunday is closed
        ("2026-12-30T20:00:00", "1月4日（月）9時"),        # the year-end closing
    ],
)
def test_reply_time(rules, now, expected):
    assert reply_time(rules, jst(now)) == expected


def test_banner(rules):
    assert banner(rules, jst("2026-11-20T10:00:00")) == "担当者が対応しています"
    assert banner(rules, jst("2026-11-20T18:30:00")) == "担当者は明日（土）9時からお返事します"
