"""LINE events in one ordered queue per customer, customers in parallel."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from typing import Awaitable, Callable, Deque

from madoguchi.channels.line_events import LineEvent

logger = logging.getLogger(__name__)


class CustomerQueues:
    """One queue per customer: their events are handled in order, customers in parallel."""

    def __init__(self, handle: Callable[[LineEvent], Awaitable[None]]) -> None:
        self._handle = handle
        self._queues: dict[str, Deque[LineEvent]] = {}
        self._workers: dict[str, asyncio.Task] = {}

    def put(self, key: str, event: LineEvent) -> None:
        """Queue an event; starts the customer's worker when it is not running."""
        self._queues.setdefault(key, deque()).append(event)
        if key not in self._workers:
            self._workers[key] = asyncio.get_running_loop().create_task(self._work(key))

    async def _work(self, key: str) -> None:
        queue = self._queues[key]
        try:
            while queue:
                event = queue.popleft()
                try:
                    await self._handle(event)
                except Exception:  # one event's failure must not stop the customer's queue
                    logger.exception("LINE event %s of %s failed", event.event_id, key)
        finally:
            self._queues.pop(key, None)
            self._workers.pop(key, None)

    def pending(self) -> int:
        """Events queued or being handled."""
        return sum(len(q) for q in self._queues.values()) + len(self._workers)

    def queued(self) -> list[LineEvent]:
        """Events waiting for their turn."""
        return [event for queue in self._queues.values() for event in queue]

    async def drain(self, timeout: float | None = None) -> bool:
        """Wait until every queue is empty; False when the timeout came first."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._workers:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                return False
            await asyncio.wait(list(self._workers.values()), timeout=remaining)
        return True
