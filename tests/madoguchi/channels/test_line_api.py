"""Calls to the LINE platform: retried on failure, and never timed out while they wait for a slot."""

from __future__ import annotations

import asyncio

from madoguchi.channels import line_api
from madoguchi.channels.line_api import LineApi


async def test_a_burst_of_calls_waits_for_slots_instead_of_timing_out_and_retrying(monkeypatch) -> None:
    """The LINE fuzz test on two test processes: 200 customers at once, line-bot-sdk's pool of 10
    connections, and calls timed out while they waited for one; their retries piled up and 154 of 200
    replies were never sent. Here a pool of 2, calls of 0.3 s and a timeout of 0.5 s."""
    monkeypatch.setattr(line_api, "CONCURRENT_CALLS", 2)
    api = LineApi("token", "http://127.0.0.1:9", attempts=4, retry_delay=0.01, timeout=0.5)
    pool = asyncio.Semaphore(2)  # the HTTP client's connections
    attempts = 0

    async def call() -> str:
        nonlocal attempts
        attempts += 1
        async with pool:
            await asyncio.sleep(0.3)
        return "ok"

    answers = await asyncio.gather(*(api._call("reply", call) for _ in range(8)))
    await api.close()
    assert answers == ["ok"] * 8 and attempts == 8  # each sent once: none timed out waiting
