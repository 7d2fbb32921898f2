"""A new delivery date found where the customer wrote it, and one outside the window named."""

from __future__ import annotations

from datetime import date

from madoguchi.dialogue.delivery_date import nearest, outside_answer, told_outside, written_date

TODAY = date(2026, 11, 20)


def test_dates_are_found_in_any_width_and_form():
    assert written_date("お届けを12/24にしたい", TODAY) == date(2026, 12, 24)
    assert written_date("１２／２４でおねがいします", TODAY) == date(2026, 12, 24)
    assert written_date("注文番号A2345678、電話03-1234-5678、12月24日着で", TODAY) == date(2026, 12, 24)
    # in kanji numerals, the new date after the old one (round 2026-12-05zzr michihiko-mbuyi-18)
    assert written_date("十三日やのうて十二月十一日に着くようにしていただけますやろか", TODAY) == date(2026, 12, 11)
    # a month, の and its day (round 2026-12-04zt ayumi-junko-19 in the replay); not the day it was ordered
    assert written_date("十二月の十五日にお願いできますやろか。", TODAY) == date(2026, 12, 15)
    assert written_date("12月の15日に注文した", TODAY) is None


def test_the_day_an_order_was_placed_is_not_the_new_date():
    assert written_date("11月18日に注文した分です", TODAY) is None
    assert written_date("11/18に頼んだお菓子を12/2に届けて", TODAY) == date(2026, 12, 2)
    assert written_date("電話は090-1234-5678です", TODAY) is None


def test_a_date_past_the_window_is_named_with_the_limit_and_a_person():
    text, buttons = outside_answer(date(2026, 12, 25), date(2026, 11, 23), date(2026, 12, 20))
    assert text.startswith("12月25日(金)は") and "12月20日(日)まで" in text and "過ぎております" in text
    assert "担当者にご相談ください" in text and told_outside([text])
    assert buttons[0]["payload"] == "12月20日でお願いします" and "担当者" in buttons[1]["title"]
    assert nearest(date(2026, 11, 21), date(2026, 11, 23), date(2026, 12, 20)) == date(2026, 11, 23)
