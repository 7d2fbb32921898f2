"""One Rasa server with two Sanic workers on one SQLite database, without Redis.

The stack of `make run` with MADOGUCHI_RASA_WORKERS=2, started once for this module on free
ports (it loads the model in each worker: about a minute). Conversations locked in the
database (`SqlLockStore`) are answered in order however the requests spread over the
workers; a web-chat customer connected to one worker receives every operator message
sent through Rasa's HTTP API, whichever worker took the call (`SqlPubSubManager`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from madoguchi.channels.socketio_pubsub import MessageBase, SocketMessage
from madoguchi.handoff.transcript import custom_of, operator_custom
from madoguchi.model import model_path
from madoguchi.settings import ROOT
from madoguchi.stack import Stack
from madoguchi.store import orders
from madoguchi.store.db import Database, create_tables
from tests.e2e.conftest import NOW, TOKEN, StackClient, keep_logs
from tests.e2e.test_instances import texts, turns
from tests.e2e.test_socketio import Customer, append_events

WORKERS = 2


@dataclass
class Workers(StackClient):
    """The running stack and the process ids of the Rasa server's workers."""

    worker_pids: list[int]


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return sorted(found)


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100  # utime, stime: clock ticks of 1/100 s


def rss_mib(pid: int) -> float:
    match = re.search(r"^VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text(), re.M)
    return int(match.group(1)) / 1024 if match else 0.0


@pytest.fixture(scope="module")
def workers(tmp_path_factory) -> Iterator[Workers]:
    model = model_path()
    if not model.exists():
        pytest.skip(f"no trained model ({model.name}): `make test` trains it first")
    tmp = tmp_path_factory.mktemp("workers")
    db_url = f"sqlite:///{tmp / 'shop.db'}"
    db = Database(db_url)
    orders.import_csv(db, ROOT / "shop" / "demo_orders.csv")
    create_tables(db.engine, MessageBase.metadata)  # socket.io's messages, read by the test
    env = {"RASA_API_TOKEN": TOKEN, "MADOGUCHI_DATABASE_URL": db_url, "MADOGUCHI_NOW": NOW,
           "MADOGUCHI_RASA_WORKERS": str(WORKERS)}
    started = Stack.on_free_ports(model, tmp, env, timeout=360, stop_timeout=5)
    try:
        with started:
            # The server answers once one worker is up; wait for every worker's model.
            log = started.log_dir / "rasa.log"
            deadline = time.monotonic() + 300
            while log.read_text(errors="replace").count("Rasa server is up and running") < WORKERS:
                assert time.monotonic() < deadline, "the second worker did not start"
                time.sleep(0.5)
            ports = started.ports
            pids = children(started.services[1].process.pid)
            yield Workers(f"http://127.0.0.1:{ports.rasa}", f"http://127.0.0.1:{ports.web}", db, pids)
    finally:
        db.engine.dispose()
        keep_logs(started.log_dir, "workers")


def test_the_rasa_server_runs_two_workers(workers):
    assert len(workers.worker_pids) == WORKERS
    sizes = {pid: round(rss_mib(pid)) for pid in workers.worker_pids}
    print(f"Rasa workers' resident memory (MiB): {sizes}")
    assert all(size > 100 for size in sizes.values())  # each holds the model


def test_messages_of_many_conversations_at_once_are_answered_in_order(workers):
    conversations = [f"w-{uuid.uuid4().hex[:10]}" for _ in range(12)]
    messages = ["こんにちは", "送料はいくらですか", "羊羹の日持ちはどのくらいですか", "ありがとうございました"]
    cpu_before = {pid: cpu_seconds(pid) for pid in workers.worker_pids}

    def converse(sender: str) -> list[list[dict[str, Any]]]:
        return [workers.say(sender, text) for text in messages]

    with ThreadPoolExecutor(len(conversations)) as pool:
        answers = dict(zip(conversations, pool.map(converse, conversations)))
    for sender, replies in answers.items():
        assert all(texts(r) for r in replies), sender  # every message answered
        handled = turns(workers.tracker(sender)["events"])
        assert [text for text, _, _ in handled] == messages  # once each, in the order sent
        for (text, bot_texts, finished), reply in zip(handled, replies):
            assert finished and bot_texts == [a["text"] for a in reply if a.get("text")], text
    used = {pid: cpu_seconds(pid) - cpu_before[pid] for pid in workers.worker_pids}
    print(f"CPU seconds of each worker: {used}")
    assert all(seconds > 0.2 for seconds in used.values()), f"a worker did not help: {used}"


def test_messages_of_one_conversation_sent_at_once_are_handled_one_after_another(workers):
    sender = f"w-{uuid.uuid4().hex[:10]}"
    messages = ["こんにちは", "今日注文したらいつ届く？", "羊羹の日持ちはどのくらいですか", "送料はいくらですか",
                "紙袋はもらえますか", "ありがとうございました"]
    barrier = threading.Barrier(len(messages))

    def send(text: str) -> list[dict[str, Any]]:
        barrier.wait(timeout=30)
        return workers.say(sender, text)

    with ThreadPoolExecutor(len(messages)) as pool:
        replies = dict(zip(messages, pool.map(send, messages)))
    handled = turns(workers.tracker(sender)["events"])
    assert sorted(text for text, _, _ in handled) == sorted(messages), "a message lost or handled twice"
    for text, bot_texts, finished in handled:
        assert finished, f"the turn of {text!r} was not finished before the next message"
        assert bot_texts == [a["text"] for a in replies[text] if a.get("text")], text


def publishers(db: Database, marker: str) -> set[str]:
    """The workers (socket.io host ids) that published the operator messages with `marker`."""
    with db.engine.connect() as connection:
        payloads = connection.execute(select(SocketMessage.payload)).scalars().all()
    found = set()
    for payload in map(json.loads, payloads):
        if marker in json.dumps(payload.get("data"), ensure_ascii=False):
            found.add(payload["host_id"])
    return found


async def test_a_web_chat_customer_gets_every_operator_message_whichever_worker_sends_it(workers):
    marker = uuid.uuid4().hex[:6]
    sent: list[str] = []
    async with Customer(workers.rasa) as customer:
        session = customer.session_id  # issued by the server
        await customer.say("こんにちは")
        await customer.wait_for(lambda m: "ご用件" in (m.get("text") or ""))
        # ~10 operator messages through Rasa's API, each call on a new connection (either
        # worker may take it); more until both workers have sent some.
        while len(sent) < 10 or (len(publishers(workers.db, marker)) < WORKERS and len(sent) < 40):
            text = f"担当の山田です。{marker} その{len(sent) + 1}"
            event = {"event": "bot", "text": None, "timestamp": time.time(),
                     "data": {"custom": operator_custom(text, "山田")}}
            await asyncio.to_thread(append_events, workers, session, [event])
            sent.append(text)

        def operator_texts() -> list[str]:
            return [m["text"] for m in customer.received if m.get("madoguchi") == "operator"]

        with contextlib.suppress(asyncio.TimeoutError):
            await customer.wait_for(lambda _: len(operator_texts()) >= len(sent), timeout=20)
        await asyncio.sleep(0.3)  # nothing more arrives (no message twice)
        assert operator_texts() == sent
        assert len(publishers(workers.db, marker)) == WORKERS, "every call went to one worker"
    tracker = workers.tracker(session)
    assert [custom_of(e).get("text") for e in tracker["events"] if custom_of(e).get("madoguchi") == "operator"] == sent
