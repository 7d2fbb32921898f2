"""The desk's report, computed from known handoffs: per reason counts, the median and 90th
percentile wait to the first operator reply, resolution and satisfaction, by day and week."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from madoguchi.clock import JST
from madoguchi.desk.report import percentile
from madoguchi.store import handoffs, surveys, transcripts
from madoguchi.store.models import Handoff
from madoguchi.store.transcripts import Line
from tests.madoguchi.desk.test_api import auth, client, make_handoff, rasa, token  # noqa: F401


def utc(jst: str) -> datetime:
    """A Japan time as stored (naive UTC)."""
    return datetime.fromisoformat(jst).replace(tzinfo=JST).astimezone(timezone.utc).replace(tzinfo=None)


def handoff(db, sender: str, reason: str, opened: str, *, reply_after: float | None, status: str, solved=...) -> int:
    hid = make_handoff(db, sender, reason=reason)
    created = utc(opened)
    with db.session() as session:
        row = session.get(Handoff, hid)
        row.created_at, row.status = created, status
        row.ended_at = None if status == handoffs.OPEN else created + timedelta(hours=1)
    if reply_after is not None:
        at = created + timedelta(seconds=reply_after)
        transcripts.record(db, [Line(sender, "operator", "お待たせいたしました。", at, f"op-{sender}", "socketio")])
        transcripts.record(db, [Line(sender, "operator", "二度目の返信", at + timedelta(seconds=5), f"op2-{sender}")])
    if status == handoffs.CLOSED:
        surveys.ask(db, handoffs.get(db, hid))
        if solved is not ...:
            surveys.answer(db, sender, hid, solved)
    return hid


@pytest.fixture
def known(db):
    # Wednesday 11/18 (Japan time)
    handoff(db, "r1", "complaint", "2026-11-18T10:00", reply_after=60, status=handoffs.CLOSED, solved=True)
    handoff(db, "r2", "complaint", "2026-11-18T11:00", reply_after=180, status=handoffs.CLOSED, solved=False)
    handoff(db, "r3", "distress", "2026-11-18T12:00", reply_after=600, status=handoffs.RELEASED)
    # an operator line of an earlier chat of r3 is no reply to this one
    transcripts.record(db, [Line("r3", "operator", "前回の返信", utc("2026-11-18T11:59"), "op-old")])
    # Thursday 11/19, 00:30 in Japan: still 11/18 in UTC
    handoff(db, "r4", "customer_request", "2026-11-19T00:30", reply_after=120, status=handoffs.CLOSED)
    handoff(db, "r5", "out_of_policy", "2026-11-19T09:00", reply_after=None, status=handoffs.OPEN)
    # the week before: outside a week view of 11/16-11/22
    handoff(db, "r6", "complaint", "2026-11-15T20:00", reply_after=30, status=handoffs.CLOSED, solved=True)
    return db


def test_percentiles_interpolate_between_ranks():
    assert percentile([600, 60, 180], 50) == 180
    assert percentile([60, 180, 600], 90) == pytest.approx(516)
    assert percentile([60, 120, 180, 600], 50) == 150
    assert percentile([42], 90) == 42
    assert percentile([], 50) is None


async def test_the_report_by_day(client, known, token):
    response = await client.get("/api/report?by=day&periods=3&until=2026-11-19", headers=auth(token))
    assert response.status == 200
    report = await response.json()
    assert report["from"] == "2026-11-17" and report["to"] == "2026-11-19"
    assert [p["label"] for p in report["periods"]] == ["11/17（火）", "11/18（水）", "11/19（木）"]
    empty, wed, thu = report["periods"]
    assert empty["handoffs"] == 0 and empty["wait"]["median_seconds"] is None and empty["satisfaction"] is None

    assert wed["handoffs"] == 3
    assert {k: v for k, v in wed["by_reason"].items() if v} == {"complaint": 2, "distress": 1}
    assert wed["wait"] == {"replied": 3, "median_seconds": 180, "p90_seconds": 516}
    assert (wed["closed"], wed["released"], wed["open"]) == (2, 1, 0)
    assert wed["resolution_rate"] == pytest.approx(2 / 3, abs=1e-4)
    assert wed["surveys"] == {"asked": 2, "answered": 2, "solved": 1, "unsolved": 1}
    assert wed["satisfaction"] == 0.5 and wed["response_rate"] == 1.0

    assert thu["handoffs"] == 2
    assert {k: v for k, v in thu["by_reason"].items() if v} == {"customer_request": 1, "out_of_policy": 1}
    assert thu["wait"] == {"replied": 1, "median_seconds": 120, "p90_seconds": 120}
    assert thu["resolution_rate"] == 0.5 and thu["open"] == 1
    assert thu["satisfaction"] is None and thu["response_rate"] == 0.0

    assert report["total"]["handoffs"] == 5
    labels = {r["reason"]: r["label"] for r in report["reasons"]}
    assert labels["complaint"] and labels["complaint"] != "complaint"  # named as the rules file does


async def test_the_report_by_week(client, known, token):
    report = await (await client.get("/api/report?by=week&periods=2&until=2026-11-19", headers=auth(token))).json()
    before, week = report["periods"]
    assert (before["start"], week["start"]) == ("2026-11-09", "2026-11-16")
    assert week["label"] == "11/16〜11/22"
    assert before["handoffs"] == 1 and before["satisfaction"] == 1.0
    assert week["handoffs"] == 5
    assert week["wait"] == {"replied": 4, "median_seconds": 150, "p90_seconds": 474}
    assert week["resolution_rate"] == 0.6
    assert week["satisfaction"] == 0.5 and week["response_rate"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["total"]["handoffs"] == 6


async def test_the_plot_is_an_svg_with_japanese_text(client, known, token):
    response = await client.get("/api/report/plot.svg?by=day&periods=3&until=2026-11-19", headers=auth(token))
    assert response.status == 200 and response.content_type == "image/svg+xml"
    svg = await response.text()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "最初の返信までの待ち時間" in svg and "満足度" in svg and "11/18（水）" in svg


@pytest.mark.parametrize("path", ["/api/report", "/api/report/plot.svg"])
async def test_the_report_is_for_operators_only(client, path):
    response = await client.get(path)
    assert response.status == 401


@pytest.mark.parametrize("query", ["by=month", "periods=0", "periods=x", "by=day&periods=500", "until=yesterday"])
async def test_a_period_that_makes_no_sense_is_refused_in_japanese(client, token, query):
    response = await client.get(f"/api/report?{query}", headers=auth(token))
    assert response.status == 400
    assert "してください" in (await response.json())["message"]
