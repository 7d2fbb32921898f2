"""Personal data past its retention period, deleted by the web service on its own.

A task of the web application (started and stopped with it, as the desk's live poller is)
runs `madoguchi.store.retention_purge.purge` a minute after the service starts, then every
`privacy.purge_every_hours` of the rules file, with the periods of `privacy.retention`.
Each run is logged and written to the audit log (`retention_purge`, actor `retention`,
how many rows of each kind in its detail), so the shop can show when data was deleted.
Several web services may run it at once: deleting what is already deleted does nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime
from pathlib import Path
from typing import AsyncIterator, Callable

from aiohttp import web

from madoguchi.store import audit, retention_purge
from madoguchi.store.db import Database
from madoguchi.store.models import utcnow
from madoguchi.web.keys import DB_KEY, SETTINGS_KEY

logger = logging.getLogger(__name__)

ACTOR = "retention"  # who the audit log says deleted it
ACTION = "retention_purge"
FIRST_RUN_SECONDS = 60.0  # after the service starts: not in the way of its first requests


def summary(deleted: dict[str, int]) -> str:
    """`messages=3 handoffs=1`: the kinds of which something was deleted."""
    return " ".join(f"{kind}={n}" for kind, n in deleted.items() if n) or "nothing"


class RetentionJob:
    """Deletes what is past its period now and then, in a thread (the database may be slow)."""

    def __init__(
        self,
        db: Database,
        rules_file: Path,
        *,
        first_run_seconds: float = FIRST_RUN_SECONDS,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.db = db
        self.rules_file = rules_file
        self.first_run_seconds = first_run_seconds
        self.clock = clock

    def retention(self):
        from madoguchi.shop.rules import shop_rules

        return shop_rules(str(self.rules_file)).retention

    def run_once(self) -> dict[str, int]:
        """One purge, logged and audited; how many rows of each kind it deleted."""
        retention = self.retention()
        periods = f"conversations_days={retention.conversations_days} catalog_requests_days={retention.catalog_requests_days}"
        try:
            deleted = retention_purge.purge(self.db, retention, self.clock())
        except Exception as e:
            logger.exception("retention: deleting personal data past its period failed")
            audit.record(self.db, actor=ACTOR, action=ACTION, outcome=audit.FAILED, detail=f"{periods} {type(e).__name__}")
            raise
        logger.info("retention: deleted what was past its period (%s): %s", periods, summary(deleted))
        audit.record(self.db, actor=ACTOR, action=ACTION, outcome=audit.OK, detail=f"{summary(deleted)} ({periods})")
        return deleted

    async def run_forever(self) -> None:
        """Purge after `first_run_seconds`, then every `purge_every_hours`, until cancelled."""
        delay = self.first_run_seconds
        while True:
            await asyncio.sleep(delay)
            try:
                await asyncio.to_thread(self.run_once)
            except asyncio.CancelledError:
                raise
            except Exception:  # logged in run_once; tried again next time
                pass
            try:
                delay = self.retention().purge_every_hours * 3600
            except Exception:  # an unreadable rules file: try again in an hour
                logger.exception("retention: the rules file cannot be read")
                delay = 3600.0


RETENTION_KEY = web.AppKey("retention", RetentionJob)


async def _running(app: web.Application) -> AsyncIterator[None]:
    task = asyncio.create_task(app[RETENTION_KEY].run_forever(), name="retention-purge")
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


def add_retention(app: web.Application) -> None:
    """Runs the retention job while the web application runs."""
    app[RETENTION_KEY] = RetentionJob(app[DB_KEY], app[SETTINGS_KEY].rules_file)
    app.cleanup_ctx.append(_running)
