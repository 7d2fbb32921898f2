"""Another connection holding SQLite's write lock, as another process writing would."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path


class HeldWriteLock:
    """Holds the database's write lock until `release()`; `ticks` counts this event loop's
    turns meanwhile (every 10 ms): a loop blocked by a wait for the lock counts none."""

    def __init__(self, path: Path) -> None:
        self.ticks = 0
        self._other = sqlite3.connect(path, isolation_level=None)
        self._other.execute("BEGIN IMMEDIATE")
        self._ticking = asyncio.create_task(self._tick())

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(0.01)
            self.ticks += 1

    def release(self) -> None:
        self._other.execute("COMMIT")
        self._other.close()
        self._ticking.cancel()
