"""The shop rules file (`shop/rules.yml`), loaded once into plain typed objects."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
UNKNOWN_PRIORITY = 9  # a reason the rules file does not list is served last
URGENT_PRIORITY = 1  # handoffs served first (distress, complaint) are announced as urgent on the desk


def _time(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _weekdays(names: list[str]) -> frozenset[int]:
    return frozenset(WEEKDAYS.index(name) for name in names)


@dataclass(frozen=True)
class ShippingMethod:
    """A way of sending a catalog."""

    key: str
    label: str
    fee: int
    days: tuple[int, int]
    only_when_in_hurry: bool


@dataclass(frozen=True)
class HandoffReason:
    """Why a conversation goes to a person, as the rules file lists it (`handoff.reasons`)."""

    key: str
    label: str  # what operators read
    priority: int  # 1 is served first
    care: str | None = None  # the response that answers with care before the handoff notice


@dataclass(frozen=True)
class Retention:
    """How long personal data is kept (`privacy` in the rules file), and how often the web
    service deletes what is past it."""

    conversations_days: int = 365
    catalog_requests_days: int = 365
    purge_every_hours: float = 6

    @classmethod
    def from_dict(cls, privacy: dict | None) -> "Retention":
        """From the rules file's `privacy` section; the defaults where it says nothing."""
        privacy = privacy or {}
        kept = privacy.get("retention") or {}
        retention = cls(
            conversations_days=int(kept.get("conversations_days", cls.conversations_days)),
            catalog_requests_days=int(kept.get("catalog_requests_days", cls.catalog_requests_days)),
            purge_every_hours=float(privacy.get("purge_every_hours", cls.purge_every_hours)),
        )
        if min(retention.conversations_days, retention.catalog_requests_days) < 1:
            raise ValueError("privacy.retention: keep personal data at least 1 day")
        if retention.purge_every_hours <= 0:
            raise ValueError("privacy.purge_every_hours must be more than 0")
        return retention


def _handoff_reasons(listed: dict[str, dict]) -> dict[str, HandoffReason]:
    reasons = {}
    for key, reason in listed.items():
        if not isinstance(reason, dict) or not reason.get("label") or "priority" not in reason:
            raise ValueError(f"handoff reason {key} needs a label and a priority")
        reasons[key] = HandoffReason(key, str(reason["label"]), int(reason["priority"]), reason.get("care"))
    return reasons


def _callbacks(operators: dict) -> dict[str, Any]:
    """The callback settings of the operators' section. Slots keep inside operator hours: a
    shop that changes its hours gets its slots cut to them (one left empty is dropped)."""
    section = operators.get("callbacks")
    if not section:
        return {}
    opens, closes = _time(operators["hours"][0]), _time(operators["hours"][1])
    slots = []
    for text in section["slots"]:
        start, end = (_time(part.strip()) for part in str(text).split("-"))
        start, end = max(start, opens), min(end, closes)
        if start < end:
            slots.append((start, end))
    return {
        "callback_slots": tuple(slots),
        "callback_days": int(section.get("days", 5)),
        "callback_lead_minutes": int(section.get("lead_minutes", 30)),
    }


@dataclass(frozen=True)
class Rules:
    """Everything the bot applies, read from the rules file."""

    tz: ZoneInfo
    closed_dates: frozenset[str]
    closed_on_national_holidays: bool
    catalog_methods: dict[str, ShippingMethod]
    catalog_default_method: str
    cutoff: time
    shipping_days: frozenset[int]
    delivery_days: tuple[int, int]
    delivery_weekdays: frozenset[int]
    remote_delivery_days: tuple[int, int]
    remote_prefectures: tuple[str, ...]
    remote_words: tuple[str, ...]
    fees: dict[str, int]
    time_slots: tuple[str, ...]
    delivery_date_window_days: tuple[int, int]
    bot_may_change: frozenset[str]
    bot_may_cancel: frozenset[str]
    max_verification_attempts: int
    operator_open: time
    operator_close: time
    operator_days: frozenset[int]
    handoff_reasons: dict[str, HandoffReason]  # in the file's order
    fallbacks_before_handoff: int
    distress_threshold: float
    cues: dict[str, Any]
    # What customers see after 担当者 for an operator without a display name of their own.
    operator_display_name: str = ""
    # How long personal data is kept before the web service deletes it.
    retention: Retention = Retention()
    # Phone callbacks: the slots (start, end) a customer can choose, on how many operator
    # days ahead, and until how long before its end a slot of today can be chosen.
    callback_slots: tuple[tuple[time, time], ...] = ((time(9), time(12)), (time(13), time(18)))
    callback_days: int = 5
    callback_lead_minutes: int = 30

    @classmethod
    def from_dict(cls, data: dict) -> "Rules":
        """Build from the parsed YAML; a missing key raises KeyError naming it."""
        catalog, orders, operators = data["catalog"], data["orders"], data["operators"]
        handoff = data["handoff"]
        methods = {
            key: ShippingMethod(
                key=key,
                label=m["label"],
                fee=int(m.get("fee", 0)),
                days=tuple(m["days"]),
                only_when_in_hurry=bool(m.get("only_when_in_hurry", False)),
            )
            for key, m in catalog["methods"].items()
        }
        return cls(
            tz=ZoneInfo(data.get("timezone", "Asia/Tokyo")),
            closed_dates=frozenset(data["calendar"].get("closed_dates", [])),
            closed_on_national_holidays=bool(
                data["calendar"].get("closed_on_national_holidays", False)
            ),
            catalog_methods=methods,
            catalog_default_method=catalog["default_method"],
            cutoff=_time(orders["cutoff"]),
            shipping_days=_weekdays(orders["shipping_days"]),
            delivery_days=tuple(orders["delivery_days"]),
            delivery_weekdays=_weekdays(orders.get("delivery_weekdays", list(WEEKDAYS))),
            remote_delivery_days=tuple(orders["remote_delivery_days"]),
            remote_prefectures=tuple(orders["remote_prefectures"]),
            remote_words=tuple(orders.get("remote_words", [])),
            fees={k: int(v) for k, v in orders["fees"].items()},
            time_slots=tuple(orders.get("time_slots", [])),
            delivery_date_window_days=tuple(orders["delivery_date_window_days"]),
            bot_may_change=frozenset(orders["bot_may_change"]),
            bot_may_cancel=frozenset(orders["bot_may_cancel"]),
            max_verification_attempts=int(data["verification"]["max_attempts"]),
            operator_open=_time(operators["hours"][0]),
            operator_close=_time(operators["hours"][1]),
            operator_days=_weekdays(operators["days"]),
            handoff_reasons=_handoff_reasons(handoff["reasons"]),
            fallbacks_before_handoff=int(handoff["fallbacks_before_handoff"]),
            distress_threshold=float(handoff["distress_threshold"]),
            cues=data.get("cues", {}),
            operator_display_name=" ".join(str(operators.get("display_name") or "").split()),
            retention=Retention.from_dict(data.get("privacy")),
            **_callbacks(operators),
        )

    @property
    def priority(self) -> dict[str, int]:
        """Each handoff reason's priority."""
        return {key: reason.priority for key, reason in self.handoff_reasons.items()}

    def handoff_reason(self, key: str) -> HandoffReason:
        """A handoff reason of the rules file; one it does not list is served last, under its key."""
        return self.handoff_reasons.get(key) or HandoffReason(key, key, UNKNOWN_PRIORITY)


def load_rules(path: Path) -> Rules:
    """Read and check a rules file."""
    with open(path, encoding="utf-8") as f:
        return Rules.from_dict(yaml.safe_load(f))


@functools.lru_cache(maxsize=None)
def shop_rules(path: str | None = None) -> Rules:
    """The shop's rules, read once per process (path from settings by default)."""
    from madoguchi.settings import settings

    return load_rules(Path(path) if path else settings().rules_file)
