"""The current time in Japan, fixed by MADOGUCHI_NOW for demos and tests."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

JST = ZoneInfo("Asia/Tokyo")


def now() -> datetime:
    """Aware current datetime in Japan time (MADOGUCHI_NOW when set)."""
    from madoguchi.settings import settings

    return at(settings().fixed_now)


def at(fixed: str | None) -> datetime:
    """A fixed time (ISO 8601, Japan time when it has no zone) in Japan time; now when empty."""
    if fixed:
        moment = datetime.fromisoformat(fixed)
        return moment.replace(tzinfo=JST) if moment.tzinfo is None else moment.astimezone(JST)
    return datetime.now(JST)
