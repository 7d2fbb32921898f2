"""Desk login: wrong passwords are limited per account and per address, and every try is audited."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from madoguchi.desk.login_limits import GUARD_KEY, LoginGuard, LoginLimits
from madoguchi.store import audit, operators
from madoguchi.store.models import utcnow
from tests.madoguchi.desk.test_api import (  # noqa: F401 - fixtures: client, rasa
    OPERATOR,
    PASSWORD,
    auth,
    client,
    rasa,
)


class Clock:
    """A clock the test moves (naive UTC, as stored)."""

    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now

    def forward(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(client) -> Clock:
    clock = Clock()
    client.app[GUARD_KEY].clock = clock
    return clock


@pytest.fixture
def desk(db):
    operators.add(db, OPERATOR, PASSWORD)
    operators.add(db, "suzuki", PASSWORD)
    return db


async def log_in(client, username: str = OPERATOR, password: str = PASSWORD):
    return await client.post("/api/login", json={"username": username, "password": password})


async def test_the_sixth_wrong_password_is_refused_with_429_and_retry_after(client, desk, clock):
    for _ in range(5):
        assert (await log_in(client, password="wrong-password")).status == 401
    response = await log_in(client, password="wrong-password")
    assert response.status == 429
    retry_after = int(response.headers["Retry-After"])
    assert 0 < retry_after <= 300
    body = await response.json()
    assert body["error"] == "too_many_attempts"
    assert "しばらくログインできません" in body["message"] and "5分ほど" in body["message"]

    # while locked, even the right password is refused
    response = await log_in(client)
    assert response.status == 429 and "token" not in await response.json()

    clock.forward(seconds=retry_after - 1)
    assert (await log_in(client)).status == 429
    clock.forward(seconds=1)
    response = await log_in(client)
    assert response.status == 200
    token = (await response.json())["token"]
    assert (await client.get("/api/me", headers=auth(token))).status == 200


async def test_the_lock_is_per_account(client, desk, clock):
    for _ in range(5):
        await log_in(client, password="wrong-password")
    assert (await log_in(client)).status == 429
    assert (await log_in(client, "suzuki")).status == 200


async def test_an_unknown_name_is_limited_like_a_real_one(client, desk, clock):
    for _ in range(5):
        assert (await log_in(client, "nobody", "wrong-password")).status == 401
    assert (await log_in(client, "nobody", "wrong-password")).status == 429


async def test_a_successful_login_clears_the_accounts_count(client, desk, clock):
    for _ in range(4):
        await log_in(client, password="wrong-password")
    assert (await log_in(client)).status == 200
    for _ in range(4):
        assert (await log_in(client, password="wrong-password")).status == 401
    assert (await log_in(client)).status == 200


async def test_twenty_failures_from_one_address_lock_every_account_from_it(client, desk, clock):
    for i in range(20):
        clock.forward(seconds=1)
        assert (await log_in(client, f"guess{i % 4}", "wrong-password")).status == 401
    response = await log_in(client, "suzuki")
    assert response.status == 429
    assert int(response.headers["Retry-After"]) <= 300 - 19
    clock.forward(minutes=5)
    assert (await log_in(client, "suzuki")).status == 200


async def test_fifty_wrong_passwords_at_once_are_five_tries(client, desk, clock):
    responses = await asyncio.gather(*(log_in(client, password=f"wrong-{i}") for i in range(50)))
    statuses = sorted(r.status for r in responses)
    assert statuses.count(401) == 5 and statuses.count(429) == 45
    assert (await log_in(client)).status == 429


async def test_logins_are_written_to_the_audit_log(client, desk, clock, db):
    await log_in(client, password="wrong-password")
    response = await log_in(client)
    token = (await response.json())["token"]
    await client.post("/api/logout", headers=auth(token))
    for _ in range(5):
        await log_in(client, "suzuki", "wrong-password")
    await log_in(client, "suzuki")

    entries = audit.recent(db)
    assert [(e.actor, e.action, e.outcome) for e in reversed(entries)] == [
        (OPERATOR, "login", "failed"),
        (OPERATOR, "login", "ok"),
        (OPERATOR, "logout", "ok"),
        *[("suzuki", "login", "failed")] * 5,
        ("suzuki", "login", "locked"),
    ]
    assert all(e.address == "127.0.0.1" for e in entries)
    assert PASSWORD not in repr(entries) and "wrong-password" not in repr(entries)


async def test_operators_read_the_audit_log_through_the_api(client, desk, clock):
    await log_in(client, "suzuki", "wrong-password")
    token = (await (await log_in(client)).json())["token"]
    assert (await client.get("/api/audit")).status == 401

    response = await client.get("/api/audit?action=login", headers=auth(token))
    assert response.status == 200
    rows = await response.json()
    assert [(r["actor"], r["outcome"]) for r in rows] == [(OPERATOR, "ok"), ("suzuki", "failed")]
    assert set(rows[0]) == {"id", "at", "actor", "action", "target", "address", "outcome", "detail"}
    assert rows[0]["at"].endswith("+09:00")

    failed = await (await client.get("/api/audit?outcome=failed&limit=1", headers=auth(token))).json()
    assert [r["actor"] for r in failed] == ["suzuki"]
    assert (await client.get("/api/audit?limit=abc", headers=auth(token))).status == 400


def test_the_guard_counts_only_failures_inside_the_window(db):
    clock = Clock()
    guard = LoginGuard(db, LoginLimits(per_account=2, per_address=10, window=timedelta(seconds=60)), clock)
    guard.note("sato", "10.0.0.1", audit.FAILED)
    clock.forward(seconds=30)
    guard.note("sato", "10.0.0.2", audit.FAILED)
    assert guard.wait_seconds("sato", "10.0.0.3") == 30  # until the first leaves the window
    assert guard.wait_seconds("suzuki", "10.0.0.3") == 0
    clock.forward(seconds=30)
    assert guard.wait_seconds("sato", "10.0.0.3") == 0
