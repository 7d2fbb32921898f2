"""The same-day cutoff, shipping days, delivery windows and operator hours.

2026-11-20 is a Friday, 11-21 a Saturday, 11-22 a Sunday, 11-23 a Monday
(勤労感謝の日, a national holiday on which the shop works by its rules).
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from madoguchi.shop import calendar
from tests.conftest import jst
from tests.madoguchi.edited_rules import edited_rules

# --- the rules file ---------------------------------------------------------------------


def test_the_rules_file_says_what_the_contract_says(rules):
    assert rules.cutoff == time(14, 0)
    assert (rules.operator_open, rules.operator_close) == (time(9, 0), time(18, 0))
    assert rules.operator_days == frozenset(range(6))  # Monday to Saturday
    assert rules.delivery_days == (1, 2)
    assert rules.remote_delivery_days == (2, 4)
    assert rules.max_verification_attempts == 3
    assert rules.catalog_default_method == "mail"
    assert rules.catalog_methods["mail"].days == (3, 7)
    assert rules.priority["distress"] < rules.priority["customer_request"]
    assert rules.priority["complaint"] < rules.priority["bot_failure"]


def test_a_handoff_reason_without_a_label_or_a_priority_is_refused():
    with pytest.raises(ValueError, match="boredom needs a label and a priority"):
        edited_rules(handoff__reasons__boredom={"priority": 2})
    with pytest.raises(ValueError, match="distress needs a label and a priority"):
        edited_rules(handoff__reasons__distress={"label": "お困り"})


def test_the_handoff_reasons_are_the_rules_file_s_in_its_order():
    rules = edited_rules(handoff__reasons={"complaint": {"label": "苦情", "priority": 2},
                                           "distress": {"label": "お困り", "priority": 1}})
    assert list(rules.handoff_reasons) == ["complaint", "distress"]
    assert rules.priority == {"complaint": 2, "distress": 1}
    assert rules.handoff_reason("distress").label == "お困り"
    unlisted = rules.handoff_reason("bot_failure")  # not listed: served last, under its key
    assert (unlisted.label, unlisted.priority, unlisted.care) == ("bot_failure", 9, None)


# --- the same-day cutoff ----------------------------------------------------------------


def test_an_order_at_13_59_on_a_shipping_day_ships_the_same_day(rules):
    estimate = calendar.estimate_delivery(rules, jst("2026-11-20T13:59"))
    assert estimate.ships == date(2026, 11, 20)
    assert estimate.same_day
    assert (estimate.earliest, estimate.latest) == (date(2026, 11, 21), date(2026, 11, 22))


def test_an_order_at_14_00_ships_the_next_shipping_day(rules):
    estimate = calendar.estimate_delivery(rules, jst("2026-11-20T14:00"))
    assert estimate.ships == date(2026, 11, 21)
    assert not estimate.same_day
    assert (estimate.earliest, estimate.latest) == (date(2026, 11, 22), date(2026, 11, 23))


def test_the_cutoff_is_japan_time_whatever_the_clock_zone():
    rules = edited_rules()
    # 04:59 UTC is 13:59 in Japan; 05:00 UTC is 14:00.
    assert calendar.ship_date(rules, datetime(2026, 11, 20, 4, 59, tzinfo=timezone.utc)) == date(2026, 11, 20)
    assert calendar.ship_date(rules, datetime(2026, 11, 20, 5, 0, tzinfo=timezone.utc)) == date(2026, 11, 21)


def test_saturday_is_a_shipping_day(rules):
    assert calendar.ship_date(rules, jst("2026-11-21T13:00")) == date(2026, 11, 21)


def test_saturday_after_the_cutoff_ships_monday(rules):
    assert calendar.ship_date(rules, jst("2026-11-21T15:00")) == date(2026, 11, 23)


def test_sunday_ships_monday(rules):
    assert calendar.ship_date(rules, jst("2026-11-22T10:00")) == date(2026, 11, 23)
    assert not calendar.is_shipping_day(rules, date(2026, 11, 22))


@pytest.mark.parametrize("closed", ["2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"])
def test_the_year_end_closed_dates_do_not_ship(rules, closed):
    assert calendar.is_closed(rules, date.fromisoformat(closed))
    assert not calendar.is_shipping_day(rules, date.fromisoformat(closed))


def test_after_the_cutoff_on_12_30_the_order_ships_after_new_year(rules):
    assert calendar.ship_date(rules, jst("2026-12-30T10:00")) == date(2026, 12, 30)
    assert calendar.ship_date(rules, jst("2026-12-30T15:00")) == date(2027, 1, 4)
    assert calendar.ship_date(rules, jst("2027-01-02T10:00")) == date(2027, 1, 4)


def test_national_holidays_ship_unless_the_rules_close_them(rules):
    assert calendar.ship_date(rules, jst("2026-11-23T10:00")) == date(2026, 11, 23)
    closed = edited_rules(calendar__closed_on_national_holidays=True)
    assert calendar.ship_date(closed, jst("2026-11-23T10:00")) == date(2026, 11, 24)


def test_remote_regions_get_the_longer_delivery_window(rules):
    estimate = calendar.estimate_delivery(rules, jst("2026-11-20T10:00"), remote=True)
    assert estimate.ships == date(2026, 11, 20)
    assert (estimate.earliest, estimate.latest) == (date(2026, 11, 22), date(2026, 11, 24))
    assert estimate.remote


@pytest.mark.parametrize("address", ["沖縄県那覇市", "沖縄まで", "北海道札幌市中央区", "離島です", "島しょ部",
                                     # a town without its prefecture, an island by name (round 2026-12-05zzy)
                                     "稚内まで何日くらいかかるもんなの", "旭川市の母に", "那覇へ送ると", "種子島には年内に届きますか"])
def test_remote_addresses(rules, address):
    assert calendar.is_remote(rules, address)


@pytest.mark.parametrize("address", ["東京都千代田区", "大阪府", "", None,
                                     # a town of two prefectures, a word that is a town, a family name
                                     "伊達市まで", "本部に送る", "栗山です。送料は？"])
def test_not_remote_addresses(rules, address):
    assert not calendar.is_remote(rules, address)


def test_catalog_arrival_by_method(rules):
    now = jst("2026-11-20T20:00")
    assert calendar.catalog_arrival(rules, now, "mail") == (date(2026, 11, 23), date(2026, 11, 27))
    assert calendar.catalog_arrival(rules, now, "parcel") == (date(2026, 11, 22), date(2026, 11, 22))


# --- operator hours ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "moment, available",
    [
        ("2026-11-20T08:59", False),
        ("2026-11-20T09:00", True),
        ("2026-11-20T17:59", True),
        ("2026-11-20T18:00", False),
        ("2026-11-21T10:00", True),  # Saturday
        ("2026-11-22T10:00", False),  # Sunday
        ("2026-12-31T10:00", False),  # closed date
    ],
)
def test_operators_available(rules, moment, available):
    assert calendar.operators_available(rules, jst(moment)) is available


@pytest.mark.parametrize(
    "moment, opening",
    [
        ("2026-11-20T10:00", "2026-11-20T10:00"),  # open now: now
        ("2026-11-20T07:30", "2026-11-20T09:00"),  # before opening: today 9:00
        ("2026-11-20T18:00", "2026-11-21T09:00"),  # Friday evening: Saturday
        ("2026-11-21T19:00", "2026-11-23T09:00"),  # Saturday evening: Monday
        ("2026-11-22T12:00", "2026-11-23T09:00"),  # Sunday: Monday
        ("2026-12-30T19:00", "2027-01-04T09:00"),  # year end: after the closed dates
    ],
)
def test_next_operator_opening(rules, moment, opening):
    assert calendar.next_operator_opening(rules, jst(moment)) == jst(opening)


# --- Japanese dates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "day, text",
    [
        (date(2026, 11, 20), "11月20日(金)"),
        (date(2026, 11, 22), "11月22日(日)"),
        (date(2026, 11, 23), "11月23日(月)"),
        (date(2027, 1, 4), "1月4日(月)"),
    ],
)
def test_ja_date(day, text):
    assert calendar.ja_date(day) == text


def test_ja_time():
    assert calendar.ja_time(time(9, 0)) == "9時"
    assert calendar.ja_time(time(14, 30)) == "14時30分"


# --- changing the rules changes the answers ---------------------------------------------


def test_an_earlier_cutoff_in_the_rules_moves_the_ship_date():
    noon = edited_rules(orders__cutoff="12:00")
    assert noon.cutoff == time(12, 0)
    assert calendar.ship_date(noon, jst("2026-11-20T11:59")) == date(2026, 11, 20)
    assert calendar.ship_date(noon, jst("2026-11-20T12:00")) == date(2026, 11, 21)
    assert calendar.ship_date(noon, jst("2026-11-20T13:00")) == date(2026, 11, 21)


def test_no_saturday_shipping_in_the_rules_moves_friday_evening_orders_to_monday():
    weekdays = edited_rules(orders__shipping_days=["mon", "tue", "wed", "thu", "fri"])
    assert calendar.ship_date(weekdays, jst("2026-11-20T15:00")) == date(2026, 11, 23)


def test_other_operator_hours_in_the_rules():
    late = edited_rules(operators__hours=["10:00", "20:00"], operators__days=["mon", "tue", "wed", "thu", "fri"])
    assert not calendar.operators_available(late, jst("2026-11-20T09:30"))
    assert calendar.operators_available(late, jst("2026-11-20T19:30"))
    assert calendar.next_operator_opening(late, jst("2026-11-21T11:00")) == jst("2026-11-23T10:00")


def test_longer_remote_delivery_in_the_rules():
    slow = edited_rules(orders__remote_delivery_days=[3, 6])
    estimate = calendar.estimate_delivery(slow, jst("2026-11-20T10:00"), remote=True)
    assert (estimate.earliest, estimate.latest) == (date(2026, 11, 23), date(2026, 11, 26))
