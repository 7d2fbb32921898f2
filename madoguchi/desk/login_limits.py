"""Desk login with a limit on wrong passwords, every attempt written to the audit log.

After 5 failed logins to one account within 5 minutes, or 20 from one address, logins to
that account (or from that address) are refused with 429 and `Retry-After` until the
window has passed, even with the right password; the password is not even checked. A
successful login clears its account's count (not its address's).

The counts are read from the audit log itself (`madoguchi.store.audit`): no second
record of the same attempts, nothing lost when the web service restarts, and the same
counts for every process on one database. Within the process, attempts sharing an account
or an address are checked one at a time, so 50 requests sent at once are 5 tries, not 50.
"""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from aiohttp import web

from madoguchi.desk.http import DeskError, client_address, json_object, json_response
from madoguchi.desk.locks import KeyedLocks
from madoguchi.store import audit, operators
from madoguchi.store.db import Database
from madoguchi.store.models import utcnow
from madoguchi.web.keys import DB_KEY, SETTINGS_KEY
from madoguchi.web.timefmt import iso_jst

MAX_LOGIN_FIELD_CHARS = 200
LOGIN = "login"
WRONG = "ユーザー名またはパスワードが違います。"


@dataclass(frozen=True)
class LoginLimits:
    """How many failed logins are allowed within a window, per account and per address."""

    per_account: int = 5
    per_address: int = 20
    window: timedelta = timedelta(minutes=5)


def locked_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return (
        f"ログインに続けて失敗したため、しばらくログインできません。{minutes}分ほどたってから、"
        "もう一度お試しください。パスワードがわからない場合は、管理者にお問い合わせください。"
    )


class LoginGuard:
    """Counts failed logins (in the audit log) and says how long an account or address waits."""

    def __init__(
        self, db: Database, limits: LoginLimits = LoginLimits(), clock: Callable[[], datetime] = utcnow
    ) -> None:
        self.db = db
        self.limits = limits
        self.clock = clock  # naive UTC, as stored; tests move it
        self.locks = KeyedLocks()

    def _wait(self, failures: list[datetime], allowed: int, now: datetime) -> float:
        """Seconds until fewer than `allowed` of these failures (newest first) are in the window."""
        if len(failures) < allowed:
            return 0.0
        return (failures[allowed - 1] + self.limits.window - now).total_seconds()

    def wait_seconds(self, username: str, address: str) -> int:
        """How long logins of this account or from this address must wait (0: they may try)."""
        limits, now = self.limits, self.clock()
        since = now - limits.window
        last_ok = audit.times_of(self.db, action=LOGIN, outcome=audit.OK, actor=username, since=since, limit=1)
        by_account = audit.times_of(
            self.db, action=LOGIN, outcome=audit.FAILED, actor=username,
            since=max([since, *last_ok]), limit=limits.per_account,
        )
        by_address = audit.times_of(
            self.db, action=LOGIN, outcome=audit.FAILED, address=address,
            since=since, limit=limits.per_address,
        )
        wait = max(
            self._wait(by_account, limits.per_account, now),
            self._wait(by_address, limits.per_address, now),
        )
        return math.ceil(wait) if wait > 0 else 0

    def note(self, username: str, address: str, outcome: str, detail: str = "") -> None:
        """Write a login attempt to the audit log (the counts are read from there)."""
        audit.record(
            self.db, actor=username, action=LOGIN, outcome=outcome, address=address,
            detail=detail, at=self.clock(),
        )


GUARD_KEY = web.AppKey("desk_login_guard", LoginGuard)


async def login(request: web.Request) -> web.Response:
    """POST /api/login {"username", "password"} -> {"token"}; 429 while an account or address is locked."""
    data = await json_object(request)
    username, password = data.get("username"), data.get("password")
    if not isinstance(username, str) or not isinstance(password, str) or not username.strip() or not password:
        raise DeskError(400, "missing_credentials", "ユーザー名とパスワードを入力してください。")
    username = username.strip()
    guard, address = request.app[GUARD_KEY], client_address(request)
    async with guard.locks.hold(("account", username), ("address", address)):
        wait = await asyncio.to_thread(guard.wait_seconds, username, address)
        if wait:
            await asyncio.to_thread(guard.note, username, address, audit.LOCKED)
            raise DeskError(429, "too_many_attempts", locked_message(wait), {"Retry-After": str(wait)})
        token = None
        if len(username) <= MAX_LOGIN_FIELD_CHARS and len(password) <= MAX_LOGIN_FIELD_CHARS:
            hours = request.app[SETTINGS_KEY].session_hours
            token = await asyncio.to_thread(operators.login, request.app[DB_KEY], username, password, hours)
        await asyncio.to_thread(guard.note, username, address, audit.OK if token else audit.FAILED)
    if not token:
        raise DeskError(401, "invalid_credentials", WRONG)
    expires = utcnow() + timedelta(hours=request.app[SETTINGS_KEY].session_hours)
    return json_response({"token": token, "username": username, "expires_at": iso_jst(expires)})


def add_routes(app: web.Application) -> None:
    """The login route and its guard."""
    app[GUARD_KEY] = LoginGuard(app[DB_KEY])
    app.router.add_post("/api/login", login)
