"""Business days, the same-day cutoff, delivery windows and operator hours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import jpholiday

from madoguchi.shop.remote_places import names_remote_town
from madoguchi.shop.rules import Rules

WEEKDAY_JA = "月火水木金土日"


def ja_date(d: date) -> str:
    """A date the Japanese way: 11月20日(金)."""
    return f"{d.month}月{d.day}日({WEEKDAY_JA[d.weekday()]})"


def ja_time(t: time) -> str:
    """A time the Japanese way: 9時, 14時30分."""
    return f"{t.hour}時" + (f"{t.minute}分" if t.minute else "")


def is_closed(rules: Rules, d: date) -> bool:
    """Closed all day: a closed date of the year, or a national holiday when so configured."""
    if d.strftime("%m-%d") in rules.closed_dates:
        return True
    return rules.closed_on_national_holidays and jpholiday.is_holiday(d)


def is_shipping_day(rules: Rules, d: date) -> bool:
    """Orders ship on this day."""
    return d.weekday() in rules.shipping_days and not is_closed(rules, d)


def next_shipping_day(rules: Rules, after: date) -> date:
    """The first shipping day strictly after a date."""
    d = after + timedelta(days=1)
    while not is_shipping_day(rules, d):
        d += timedelta(days=1)
    return d


def ship_date(rules: Rules, now: datetime) -> date:
    """When an order confirmed now ships: today before the cutoff on a shipping day."""
    local = now.astimezone(rules.tz)
    today = local.date()
    if is_shipping_day(rules, today) and local.time() < rules.cutoff:
        return today
    return next_shipping_day(rules, today)


@dataclass(frozen=True)
class DeliveryEstimate:
    """When an order confirmed now ships and arrives."""

    ships: date
    earliest: date
    latest: date
    same_day: bool
    remote: bool


def is_remote(rules: Rules, address: str | None) -> bool:
    """Hokkaido, Okinawa or a remote island, by the words of an address or a question."""
    if not address:
        return False
    words = (*rules.remote_prefectures, *(p.rstrip("県道") for p in rules.remote_prefectures))
    if any(w and w in address for w in (*words, *rules.remote_words)):
        return True
    return names_remote_town(address, tuple(rules.remote_prefectures))  # 稚内まで何日 (round 2026-12-05zzy)


def estimate_delivery(rules: Rules, now: datetime, remote: bool = False) -> DeliveryEstimate:
    """Ship date and delivery window of an order confirmed now."""
    ships = ship_date(rules, now)
    low, high = rules.remote_delivery_days if remote else rules.delivery_days
    return DeliveryEstimate(
        ships=ships,
        earliest=ships + timedelta(days=low),
        latest=ships + timedelta(days=high),
        same_day=ships == now.astimezone(rules.tz).date(),
        remote=remote,
    )


def catalog_arrival(rules: Rules, now: datetime, method: str) -> tuple[date, date]:
    """Earliest and latest arrival of a catalog sent by a method from today."""
    low, high = rules.catalog_methods[method].days
    today = now.astimezone(rules.tz).date()
    return today + timedelta(days=low), today + timedelta(days=high)


def is_operator_day(rules: Rules, d: date) -> bool:
    """Operators work on this day."""
    return d.weekday() in rules.operator_days and not is_closed(rules, d)


def operators_available(rules: Rules, now: datetime) -> bool:
    """An operator is at the desk now."""
    local = now.astimezone(rules.tz)
    return (
        is_operator_day(rules, local.date())
        and rules.operator_open <= local.time() < rules.operator_close
    )


def next_operator_opening(rules: Rules, now: datetime) -> datetime:
    """When operators next open (now itself when open)."""
    local = now.astimezone(rules.tz)
    if operators_available(rules, local):
        return local
    d = local.date()
    if is_operator_day(rules, d) and local.time() < rules.operator_open:
        return datetime.combine(d, rules.operator_open, rules.tz)
    d += timedelta(days=1)
    while not is_operator_day(rules, d):
        d += timedelta(days=1)
    return datetime.combine(d, rules.operator_open, rules.tz)
