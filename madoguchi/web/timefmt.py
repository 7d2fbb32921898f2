"""Times as the web shows them: ISO 8601 in Japan time."""

from __future__ import annotations

from datetime import datetime, timezone

from madoguchi.clock import JST


def iso_jst(naive_utc: datetime | None) -> str | None:
    """A stored (naive UTC) time as ISO 8601 with the +09:00 offset."""
    if naive_utc is None:
        return None
    return naive_utc.replace(tzinfo=timezone.utc).astimezone(JST).isoformat(timespec="seconds")
