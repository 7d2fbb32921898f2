"""Rasa's conversation locks shared by several processes through the database (`SqlLockStore`).

Two real processes (multiprocessing, spawned) take locks on the same conversations at
once, on SQLite and on PostgreSQL (tests/servers.py; skipped without it). Inside a lock
each one claims the conversation with a marker file that only one process can create,
and adds one to the conversation's counter by reading and writing a file with a pause in
between: two holders at once show as a refused marker or a lost count. The in-memory
store, which each process keeps for itself, fails the same checks: the control that the
checks can fail.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import statistics
import time
import uuid
from pathlib import Path

import pytest
from rasa.core.lock_store import InMemoryLockStore, LockStore

from madoguchi.rasa.stores.lock_store import EnvLockStore, SqlLock, SqlLockStore
from madoguchi.settings import Settings, settings
from madoguchi.store.db import database
from tests.servers import postgres_server  # noqa: F401  (a session fixture)

PROCESSES = 2
WAIT = 0.01  # seconds between a waiting holder's looks at the lock (Rasa's default: 1)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shop.db'}"
    server = request.getfixturevalue("postgres_server")
    return server.create_database(f"locks_{uuid.uuid4().hex[:8]}")


def make_store(kind: str, url: str) -> LockStore:
    return SqlLockStore(url) if kind == "sql" else InMemoryLockStore()


# --- what each process runs -------------------------------------------------------------


async def _hold(store: LockStore, conversation: str, folder: Path, name: str) -> str | None:
    """One message of a conversation handled under its lock; what went wrong, if anything."""
    async with store.lock(conversation, wait_time_in_seconds=WAIT):
        try:
            marker = os.open(folder / f"{conversation}.busy", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return f"{name} entered {conversation} while another held it"
        try:
            counter = folder / f"{conversation}.count"
            count = int(counter.read_text()) if counter.exists() else 0
            await asyncio.sleep(0.001)
            counter.write_text(str(count + 1))
        finally:
            os.close(marker)
            os.unlink(folder / f"{conversation}.busy")
    return None


def handle_messages(kind: str, url: str, folder: str, conversations: list[str], per_conversation: int,
                    start: multiprocessing.synchronize.Barrier) -> None:
    """Handle `per_conversation` messages of each conversation, all at once (asyncio tasks)."""
    store = make_store(kind, url)
    name = f"process {os.getpid()}"

    async def main() -> list[str | None]:
        tasks = [_hold(store, c, Path(folder), name) for c in conversations for _ in range(per_conversation)]
        return await asyncio.gather(*tasks)

    start.wait(timeout=60)
    problems = [p for p in asyncio.run(main()) if p]
    (Path(folder) / f"problems-{os.getpid()}").write_text("\n".join(problems), encoding="utf-8")


def take_and_serve_tickets(kind: str, url: str, folder: str, conversation: str, count: int,
                           start: multiprocessing.synchronize.Barrier) -> None:
    """Take `count` tickets of one conversation; once both processes have, wait for each
    turn and log it."""
    store = make_store(kind, url)
    start.wait(timeout=60)
    tickets = [store.issue_ticket(conversation) for _ in range(count)]
    (Path(folder) / f"tickets-{os.getpid()}").write_text(" ".join(map(str, tickets)))
    start.wait(timeout=60)  # every ticket is taken before any is served
    served = Path(folder) / "served"

    async def serve(ticket: int) -> None:
        await store._acquire_lock(conversation, ticket, WAIT)
        with open(served, "a", encoding="utf-8") as log:  # appended while holding the lock
            log.write(f"{ticket}\n")
        store.cleanup(conversation, ticket)

    async def main() -> None:
        await asyncio.gather(*(serve(t) for t in tickets))

    asyncio.run(main())


def run_processes(target, kind: str, url: str, *args) -> None:
    if kind == "sql":
        SqlLockStore(url)  # the tables, as the stack's setup makes them before the workers start
    context = multiprocessing.get_context("spawn")  # nothing of this process's engines is inherited
    start = context.Barrier(PROCESSES)
    processes = [context.Process(target=target, args=(kind, url, *args, start)) for _ in range(PROCESSES)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=180)
    for process in processes:
        if process.is_alive():
            process.kill()
    assert [p.exitcode for p in processes] == [0] * PROCESSES


def messages_at_once(kind: str, url: str, folder: Path) -> tuple[list[str], dict[str, int]]:
    """Two processes handle 10 messages of each of 3 conversations at once: the problems
    they saw and each conversation's final count."""
    conversations = [f"c{i}-{uuid.uuid4().hex[:6]}" for i in range(3)]
    run_processes(handle_messages, kind, url, str(folder), conversations, 10)
    problems = [line for f in folder.glob("problems-*") for line in f.read_text(encoding="utf-8").splitlines()]
    counts = {c: int((folder / f"{c}.count").read_text()) for c in conversations}
    return problems, counts


def tickets_at_once(kind: str, url: str, folder: Path) -> tuple[list[int], list[int]]:
    """Two processes take 20 tickets each of one conversation at once, then serve them:
    the tickets taken and the order they were served in."""
    conversation = f"order-{uuid.uuid4().hex[:8]}"
    run_processes(take_and_serve_tickets, kind, url, str(folder), conversation, 20)
    taken = [int(t) for f in folder.glob("tickets-*") for t in f.read_text().split()]
    served = [int(t) for t in (folder / "served").read_text().split()]
    return taken, served


# --- the database store -------------------------------------------------------------------


def test_two_processes_never_hold_one_conversation_at_once(url, tmp_path):
    problems, counts = messages_at_once("sql", url, tmp_path)
    assert problems == []
    assert list(counts.values()) == [PROCESSES * 10] * 3  # no count lost: one holder at a time


def test_tickets_taken_by_two_processes_are_distinct_and_served_in_order(url, tmp_path):
    taken, served = tickets_at_once("sql", url, tmp_path)
    assert sorted(taken) == list(range(PROCESSES * 20))
    assert served == list(range(PROCESSES * 20))


def test_the_lock_is_gone_once_every_ticket_is_served(url, tmp_path):
    store = SqlLockStore(url)
    conversation = "gone"
    first, second = store.issue_ticket(conversation), store.issue_ticket(conversation)
    assert (first, second) == (0, 1)
    assert store.get_lock(conversation).is_locked(second)
    store.cleanup(conversation, first)
    assert not store.get_lock(conversation).is_locked(second)
    store.cleanup(conversation, second)
    assert store.get_lock(conversation) is None
    with store.engine.connect() as connection:
        assert connection.execute(SqlLock.__table__.select()).all() == []


async def test_a_ticket_of_a_holder_that_died_expires_with_its_lifetime(url):
    store = SqlLockStore(url)
    store.issue_ticket("crashed", lock_lifetime=0.3)  # never given back
    started = time.monotonic()
    async with store.lock("crashed", wait_time_in_seconds=0.05) as lock:
        assert lock.is_someone_waiting()
    assert 0.2 < time.monotonic() - started < 5
    assert store.get_lock("crashed") is None


async def test_a_cancelled_message_gives_its_ticket_back(url):
    store = SqlLockStore(url)
    issue = store.issue_ticket

    def slow_issue(*args, **kwargs) -> int:
        time.sleep(0.2)
        return issue(*args, **kwargs)

    async def message(conversation: str) -> None:
        async with store.lock(conversation, wait_time_in_seconds=WAIT):
            await asyncio.sleep(10)

    holding = asyncio.create_task(message("held"))  # cancelled while it holds the lock
    await asyncio.sleep(0.1)
    assert store.get_lock("held") is not None
    store.issue_ticket = slow_issue
    issuing = asyncio.create_task(message("issuing"))  # cancelled while its ticket is issued
    await asyncio.sleep(0.05)
    holding.cancel()
    issuing.cancel()
    await asyncio.gather(holding, issuing, return_exceptions=True)
    await asyncio.sleep(0.4)
    assert store.get_lock("held") is None and store.get_lock("issuing") is None
    store.issue_ticket = issue
    started = time.monotonic()
    async with store.lock("issuing", wait_time_in_seconds=WAIT):
        pass
    assert time.monotonic() - started < 1  # not kept waiting for a lost ticket to expire


def test_a_new_store_purges_locks_whose_tickets_all_expired(url):
    store = SqlLockStore(url)
    store.issue_ticket("stale", lock_lifetime=0.01)
    store.issue_ticket("live")
    time.sleep(0.05)
    SqlLockStore(url)
    with store.engine.connect() as connection:
        assert [row.conversation_id for row in connection.execute(SqlLock.__table__.select())] == ["live"]


def test_a_ticket_round_trip_takes_about_a_millisecond(tmp_path):
    """Take a ticket, find it served, give it back: what every message pays on SQLite."""
    store = SqlLockStore(f"sqlite:///{tmp_path / 'shop.db'}")

    async def round_trips(n: int) -> list[float]:
        times = []
        for i in range(n):
            started = time.perf_counter()
            async with store.lock(f"conversation-{i % 20}"):
                pass
            times.append(time.perf_counter() - started)
        return times

    median = statistics.median(asyncio.run(round_trips(300)))
    print(f"SqlLockStore round trip on SQLite: median {median * 1000:.2f} ms")
    assert median < 0.010  # about 1 ms here; loose, the machine may be busy


# --- the control: each process's own memory ---------------------------------------------


def test_in_memory_locks_let_two_processes_in_at_once(tmp_path):
    problems, counts = messages_at_once("memory", "", tmp_path)
    assert problems or any(count < PROCESSES * 10 for count in counts.values())


def test_in_memory_tickets_of_two_processes_collide(tmp_path):
    taken, _ = tickets_at_once("memory", "", tmp_path)
    assert sorted(taken) != list(range(PROCESSES * 20))


# --- which store ----------------------------------------------------------------------------


def test_the_store_is_chosen_by_redis_url_then_workers(tmp_path, monkeypatch):
    monkeypatch.setenv("MADOGUCHI_DATABASE_URL", f"sqlite:///{tmp_path / 'shop.db'}")
    assert type(EnvLockStore(redis_url="redis://127.0.0.1:1/1", workers=2).inner).__name__ == "AtomicRedisLockStore"
    assert isinstance(EnvLockStore(redis_url="", workers=1).inner, InMemoryLockStore)
    settings.cache_clear()  # the store reads the database URL from the settings
    try:
        assert isinstance(EnvLockStore(redis_url="", workers=2).inner, SqlLockStore)
    finally:
        settings.cache_clear()
        database.cache_clear()


def test_workers_are_read_from_madoguchi_rasa_workers_or_sanic_workers():
    assert Settings.from_env({}).rasa_workers == 1
    assert Settings.from_env({"MADOGUCHI_RASA_WORKERS": "2"}).rasa_workers == 2
    assert Settings.from_env({"SANIC_WORKERS": "3"}).rasa_workers == 3
    assert Settings.from_env({"MADOGUCHI_RASA_WORKERS": "2", "SANIC_WORKERS": "4"}).rasa_workers == 2
