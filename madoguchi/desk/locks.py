"""Locks by name in one process: one login attempt per account and address, one action per handoff."""

from __future__ import annotations

import asyncio
import contextlib
from typing import AsyncIterator, Hashable


class KeyedLocks:
    """An asyncio lock per key, made when first wanted and dropped when nobody holds or awaits it."""

    def __init__(self) -> None:
        self._locks: dict[Hashable, tuple[asyncio.Lock, int]] = {}

    def __len__(self) -> int:
        return len(self._locks)

    @contextlib.asynccontextmanager
    async def hold(self, *keys: Hashable) -> AsyncIterator[None]:
        """Hold the locks of all these keys (taken in one order, so two holders never deadlock)."""
        ordered = sorted(set(keys), key=repr)
        for key in ordered:
            lock, users = self._locks.get(key, (None, 0))
            self._locks[key] = (lock or asyncio.Lock(), users + 1)
        taken: list[asyncio.Lock] = []
        try:
            for key in ordered:
                lock = self._locks[key][0]
                await lock.acquire()
                taken.append(lock)
            yield
        finally:
            for lock in reversed(taken):
                lock.release()
            for key in ordered:
                lock, users = self._locks[key]
                if users <= 1:
                    del self._locks[key]
                else:
                    self._locks[key] = (lock, users - 1)
