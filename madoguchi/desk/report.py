"""The desk's report (operators only): handoffs per reason, waiting time to the first
operator reply (median and 90th percentile), resolution and satisfaction, per day or week.

- Each handoff counts in the day (or the week, Monday to Sunday) it was opened, in Japan
  time; so do its first reply, its end and its survey answer.
- Waiting time: from the handoff's opening to the first line an operator wrote in it;
  handoffs no operator answered are left out (and counted: `wait.replied`). Percentiles
  interpolate linearly between the two nearest values (numpy's default), so the median of
  an even count is the mean of the middle two.
- Resolution (対応完了率): the share of handoffs an operator closed (終了). Those handed back
  to the bot and those still open are counted beside it.
- Satisfaction (満足度): of the customers who answered 「解決しましたか」, the share who said
  はい; `response_rate` is how many of those asked answered.

`GET /api/report?by=day|week&periods=N&until=YYYY-MM-DD` answers the figures as JSON,
`GET /api/report/plot.svg` (same query) draws them (`madoguchi.desk.report_plot`).
"""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Iterable

from aiohttp import web

from madoguchi.clock import JST, at
from madoguchi.desk.http import DeskError, authenticated, json_response
from madoguchi.store import handoffs, reports
from madoguchi.store.reports import HandoffFacts
from madoguchi.web.keys import DB_KEY, SETTINGS_KEY

DEFAULT_PERIODS = {"day": 14, "week": 8}
MAX_PERIODS = {"day": 92, "week": 53}
WEEKDAYS = "月火水木金土日"


def percentile(values: Iterable[float], q: float) -> float | None:
    """The q-th percentile (0..100), interpolating linearly between ranks; None for no values."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def period_start(day: date, by: str) -> date:
    """The first day of the period a day belongs to (weeks start on Monday)."""
    return day - timedelta(days=day.weekday()) if by == "week" else day


def period_label(start: date, by: str) -> str:
    """How the console names a period: 11/20（金）, or 11/16〜11/22 for a week."""
    if by == "week":
        end = start + timedelta(days=6)
        return f"{start.month}/{start.day}〜{end.month}/{end.day}"
    return f"{start.month}/{start.day}（{WEEKDAYS[start.weekday()]}）"


def _jst_day(naive_utc: datetime) -> date:
    return naive_utc.replace(tzinfo=timezone.utc).astimezone(JST).date()


def _utc(day: date) -> datetime:
    """Midnight of a Japanese day, as stored (naive UTC)."""
    return datetime.combine(day, time(0), JST).astimezone(timezone.utc).replace(tzinfo=None)


def figures(facts: list[HandoffFacts], reasons: list[str]) -> dict[str, Any]:
    """The report's figures for one period's handoffs."""
    waits = [f.first_reply_seconds for f in facts if f.first_reply_seconds is not None]
    by_reason = {r: 0 for r in reasons}
    for f in facts:
        by_reason[f.reason] = by_reason.get(f.reason, 0) + 1
    closed = sum(f.status == handoffs.CLOSED for f in facts)
    asked = sum(f.asked for f in facts)
    answered = sum(f.solved is not None for f in facts)
    solved = sum(f.solved == 1 for f in facts)
    median, p90 = percentile(waits, 50), percentile(waits, 90)
    return {
        "handoffs": len(facts),
        "by_reason": by_reason,
        "wait": {
            "replied": len(waits),
            "median_seconds": None if median is None else round(median, 1),
            "p90_seconds": None if p90 is None else round(p90, 1),
        },
        "closed": closed,
        "released": sum(f.status == handoffs.RELEASED for f in facts),
        "open": sum(f.status == handoffs.OPEN for f in facts),
        "resolution_rate": _share(closed, len(facts)),
        "surveys": {"asked": asked, "answered": answered, "solved": solved, "unsolved": answered - solved},
        "satisfaction": _share(solved, answered),
        "response_rate": _share(answered, asked),
    }


@dataclass(frozen=True)
class Query:
    by: str
    periods: int
    until: date  # the last day shown (Japan time)

    @property
    def first(self) -> date:
        last = period_start(self.until, self.by)
        step = 7 if self.by == "week" else 1
        return last - timedelta(days=step * (self.periods - 1))

    def starts(self) -> list[date]:
        step = 7 if self.by == "week" else 1
        return [self.first + timedelta(days=step * i) for i in range(self.periods)]


def report(db, query: Query, reasons: dict[str, str]) -> dict[str, Any]:
    """The whole report: each period's figures and the total, oldest period first."""
    starts = query.starts()
    step = 7 if query.by == "week" else 1
    end = starts[-1] + timedelta(days=step)
    facts = reports.handoff_facts(db, _utc(starts[0]), _utc(end))
    keys = list(reasons)
    grouped: dict[date, list[HandoffFacts]] = {s: [] for s in starts}
    for f in facts:
        grouped.setdefault(period_start(_jst_day(f.created_at), query.by), []).append(f)
    return {
        "by": query.by,
        "from": starts[0].isoformat(),
        "to": (end - timedelta(days=1)).isoformat(),
        "reasons": [{"reason": k, "label": reasons[k]} for k in keys],
        "periods": [
            {"start": s.isoformat(), "label": period_label(s, query.by), **figures(grouped[s], keys)}
            for s in starts
        ],
        "total": figures(facts, keys),
    }


def query_of(request: web.Request) -> Query:
    """The report's period from the query string, refused in Japanese when it makes no sense."""
    by = request.query.get("by", "day")
    if by not in DEFAULT_PERIODS:
        raise DeskError(400, "bad_period", "by は day（日ごと）か week（週ごと）にしてください。")
    raw = request.query.get("periods", str(DEFAULT_PERIODS[by]))
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PERIODS[by]:
        raise DeskError(400, "bad_periods", f"periods は 1 から {MAX_PERIODS[by]} までの数にしてください。")
    until_raw = request.query.get("until")
    if until_raw:
        try:
            until = date.fromisoformat(until_raw)
        except ValueError:
            raise DeskError(400, "bad_until", "until は 2026-11-20 の形の日付にしてください。") from None
    else:
        until = at(request.app[SETTINGS_KEY].fixed_now).date()
    return Query(by, int(raw), until)


def reason_labels(request: web.Request) -> dict[str, str]:
    from madoguchi.shop.rules import shop_rules

    rules = shop_rules(str(request.app[SETTINGS_KEY].rules_file))
    return {k: r.label for k, r in rules.handoff_reasons.items()}


@authenticated
async def show(request: web.Request, operator: str) -> web.Response:
    """GET /api/report: the figures."""
    query, labels = query_of(request), reason_labels(request)
    return json_response(await asyncio.to_thread(report, request.app[DB_KEY], query, labels))


@authenticated
async def plot(request: web.Request, operator: str) -> web.Response:
    """GET /api/report/plot.svg: the figures drawn (matplotlib, loaded on first use)."""
    from madoguchi.desk import report_plot

    query, labels = query_of(request), reason_labels(request)

    def draw() -> str:
        return report_plot.svg(report(request.app[DB_KEY], query, labels))

    svg = await asyncio.to_thread(draw)
    return web.Response(
        text=svg, content_type="image/svg+xml", headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
    )


def add_routes(app: web.Application) -> None:
    app.router.add_get("/api/report", show)
    app.router.add_get("/api/report/plot.svg", plot)
