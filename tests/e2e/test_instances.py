"""Several Rasa instances on one PostgreSQL database and one Redis lock store.

The deployment of docs/deployment.md, in small: two Rasa servers (A and B) with one action
server and one web service, all on a throw-away PostgreSQL database (tracker store and shop
data) and a throw-away Redis (Rasa's lock store), started once for this module on free
ports. One conversation's messages go to A and B in turn and at once; each must be handled
once, one after the other, and land once in the tracker and once in the transcript. A
handoff made through A is seen through B, and the operator's release (the desk talks to A)
too. A web chat customer connected to A gets the operator's messages sent through B.

Needs a trained model, PostgreSQL and redis-server (tests/servers.py); skipped, saying why,
without them.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
import urllib.request
import uuid
from dataclasses import dataclass, replace
from types import SimpleNamespace
from typing import Any

import pytest

from madoguchi.free_ports import free_port
from madoguchi.handoff.transcript import lines_of, operator_custom
from madoguchi.model import model_path
from madoguchi.rasa.stores.lock_store import EnvLockStore
from madoguchi.settings import ROOT
from madoguchi.stack import Stack, services
from madoguchi.store import catalog_requests, handoffs, operators, orders, transcripts
from madoguchi.store.db import Database
from tests.e2e.conftest import NOW, TOKEN, keep_logs, post_json
from tests.servers import postgres_server, redis_server  # noqa: F401  (session fixtures)

OPERATOR, PASSWORD = "instances-op", "instances-password"


@dataclass
class Instances:
    """Two Rasa servers, their action server and web service, on shared PostgreSQL and Redis."""

    db: Database
    redis: Any  # tests.servers.RedisServer
    rasa_ports: dict[str, int]
    web_port: int

    def rasa(self, name: str) -> str:
        return f"http://127.0.0.1:{self.rasa_ports[name]}"

    def say(self, name: str, sender: str, text: str) -> list[dict[str, Any]]:
        """A message through instance `name`'s REST channel; the bot's answers."""
        return post_json(f"{self.rasa(name)}/webhooks/rest/webhook", {"sender": sender, "message": text})

    def tracker(self, name: str, sender: str) -> dict[str, Any]:
        url = f"{self.rasa(name)}/conversations/{sender}/tracker?token={TOKEN}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.load(response)


@pytest.fixture(scope="module")
def instances(postgres_server, redis_server, tmp_path_factory):  # noqa: F811
    model = model_path()
    if not model.exists():
        pytest.skip(
            f"no trained model ({model.name}); someone may be retraining: wait and retry, or `make train`"
        )
    database_url = postgres_server.create_database("madoguchi_instances")
    db = Database(database_url)
    orders.import_csv(db, ROOT / "shop" / "demo_orders.csv")
    operators.add(db, OPERATOR, PASSWORD)
    env = {
        "RASA_API_TOKEN": TOKEN,
        "MADOGUCHI_DATABASE_URL": database_url,
        "REDIS_URL": redis_server.url(1),
        "MADOGUCHI_NOW": NOW,
        "LINE_CHANNEL_SECRET": "",
        "LINE_CHANNEL_ACCESS_TOKEN": "",
    }
    # Instance A: the stack's Rasa server, which the web service (the desk) talks to; instance
    # B: a second Rasa server on its own port. A service still running 5 s after being asked
    # to stop is killed (a Rasa server's graceful shutdown can take 15 s, and everything it
    # kept is thrown away here).
    started = Stack.on_free_ports(model, tmp_path_factory.mktemp("instances"), env, stop_timeout=5)
    ports_b = replace(started.ports, rasa=free_port())
    rasa_b = services(model, started.env, ports_b, started.endpoints)[1]
    started.services[1].name, rasa_b.name = "rasa-a", "rasa-b"
    started.services.insert(2, rasa_b)
    try:
        with started:
            rasa_ports = {"a": started.ports.rasa, "b": ports_b.rasa}
            yield Instances(db, redis_server, rasa_ports, started.ports.web)
    finally:
        db.engine.dispose()
        keep_logs(started.log_dir, "instances")


def fresh() -> str:
    return f"multi-{uuid.uuid4().hex[:12]}"


def texts(answers: list[dict[str, Any]]) -> str:
    return "\n".join(a.get("text") or "" for a in answers)


def turns(events: list[dict[str, Any]]) -> list[tuple[str, list[str], bool]]:
    """Each customer message of a tracker with the bot texts that followed it, and whether
    the turn ended by listening again (the bot finished before the next message)."""
    found: list[tuple[str, list[str], bool]] = []
    for event in events:
        if event["event"] == "user":
            found.append((event.get("text"), [], False))
        elif found and event["event"] == "bot" and event.get("text"):
            found[-1][1].append(event["text"])
        elif found and event["event"] == "action" and event.get("name") == "action_listen":
            found[-1] = (found[-1][0], found[-1][1], True)
    return found


def assert_handled_once(instances: Instances, sender: str, replies: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Both instances show the same tracker; every message is in it once, each turn whole,
    with the very answers its sender got; the transcript holds each line once, in order.
    Returns the customer messages in the order they were handled."""
    tracker = instances.tracker("a", sender)
    assert instances.tracker("b", sender)["events"] == tracker["events"]
    handled = turns(tracker["events"])
    assert sorted(text for text, _, _ in handled) == sorted(replies), "a message lost or handled twice"
    for text, bot_texts, finished in handled:
        if not tracker["paused"] or bot_texts:
            assert finished, f"the turn of {text!r} was not finished before the next message"
        assert bot_texts == [a["text"] for a in replies[text] if a.get("text")], text
    expected = [(line.role, line.text) for line in lines_of(sender, tracker["events"])]
    stored = [(m.role, m.text) for m in transcripts.for_sender(instances.db, sender)]
    assert stored == expected
    assert [t for role, t in stored if role == "customer"] == [text for text, _, _ in handled]
    return [text for text, _, _ in handled]


# --- one conversation over both instances --------------------------------------------------


def test_a_conversation_alternating_between_instances_is_handled_in_order_once(instances):
    sender = fresh()
    messages = ["カタログを送ってください", "山田花子です", "〒100-0001", "1-1 千代田ビル3階",
                "０９０ー１２３４ー５６７８", "はい"]
    replies = {}
    for i, text in enumerate(messages):
        replies[text] = instances.say("ab"[i % 2], sender, text)
    # The form went on across instances: each saw what the other had been told.
    assert "東京都千代田区千代田" in texts(replies["〒100-0001"])
    assert "090-1234-5678" in texts(replies["０９０ー１２３４ー５６７８"])
    assert "お届けです" in texts(replies["はい"])
    stored = [r for r in catalog_requests.recent(instances.db) if r.sender_id == sender]
    assert [(r.name, r.phone) for r in stored] == [("山田花子", "09012345678")]
    assert assert_handled_once(instances, sender, replies) == messages


def test_messages_sent_at_once_to_both_instances_are_handled_one_after_another(instances):
    sender = fresh()
    messages = ["こんにちは", "今日注文したらいつ届く？", "羊羹の日持ちはどのくらいですか", "送料はいくらですか",
                "法事用ののしはお願いできますか", "紙袋はもらえますか", "最中の賞味期限は？", "ありがとうございました"]
    replies: dict[str, list[dict[str, Any]]] = {}
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(messages))

    def send(i: int, text: str) -> None:
        try:
            barrier.wait(timeout=30)
            replies[text] = instances.say("ab"[i % 2], sender, text)
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=send, args=(i, t)) for i, t in enumerate(messages)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert set(replies) == set(messages)
    handled = assert_handled_once(instances, sender, replies)
    assert sorted(handled) == sorted(messages)


# --- handoff across instances -------------------------------------------------------------


def desk_call(instances: Instances, path: str, body: Any = None, token: str | None = None) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return post_json(f"http://127.0.0.1:{instances.web_port}{path}", body or {}, headers)


def test_a_handoff_through_one_instance_is_seen_through_the_other(instances):
    sender = fresh()
    answer = texts(instances.say("a", sender, "オペレーターと話したい"))
    assert "担当" in answer
    tracker_b = instances.tracker("b", sender)
    assert tracker_b["paused"] is True
    assert tracker_b["slots"]["handoff_reason"] == "customer_request"
    handoff = handoffs.open_for(instances.db, sender)
    assert handoff is not None and handoff.reason == "customer_request"

    # While handed off, what the customer writes through B reaches the desk; the bot is silent.
    assert instances.say("b", sender, "至急お願いします、注文番号はA1234567です") == []
    customer_lines = [m.text for m in transcripts.for_sender(instances.db, sender) if m.role == "customer"]
    assert customer_lines == ["オペレーターと話したい", "至急お願いします、注文番号はA1234567です"]

    # The operator releases it on the desk (which talks to A); B sees the bot back.
    token = desk_call(instances, "/api/login", {"username": OPERATOR, "password": PASSWORD})["token"]
    desk_call(instances, f"/api/handoffs/{handoff.id}/release", token=token)
    assert instances.tracker("b", sender)["paused"] is False
    assert handoffs.get(instances.db, handoff.id).status == "released"
    assert texts(instances.say("b", sender, "送料はいくらですか"))


async def test_a_web_chat_customer_on_one_instance_gets_operator_messages_sent_through_the_other(instances):
    from tests.e2e.test_socketio import Customer, append_events

    sent = [f"担当の山田です。確認いたします（{i}）" for i in range(1, 4)]
    async with Customer(instances.rasa("a")) as customer:
        session = customer.session_id  # issued by the server
        await customer.say("オペレーターと話したい")
        await customer.wait_for(lambda m: "担当" in (m.get("text") or ""))
        through_b = SimpleNamespace(rasa=instances.rasa("b"))  # the desk behind a load balancer
        for text in sent:
            event = {"event": "bot", "text": None, "timestamp": time.time(),
                     "data": {"custom": operator_custom(text, "山田")}}
            await asyncio.to_thread(append_events, through_b, session, [event])

        def operator_texts() -> list[str]:
            return [m["text"] for m in customer.received if m.get("madoguchi") == "operator"]

        with contextlib.suppress(asyncio.TimeoutError):
            await customer.wait_for(lambda _: len(operator_texts()) >= len(sent), timeout=20)
        await asyncio.sleep(0.3)  # nothing arrives twice
        assert operator_texts() == sent


# --- the lock store is Redis --------------------------------------------------------------


def redis_calls(client, command: str) -> int:
    return int(client.info("commandstats").get(f"cmdstat_{command}", {}).get("calls", 0))


def test_the_instances_lock_conversations_in_redis(instances):
    client = instances.redis.client(1)
    sender = fresh()
    seen: set[bytes] = set()
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.update(client.keys("madoguchi:lock:*"))
            time.sleep(0.002)

    watcher = threading.Thread(target=watch)
    sets_before = redis_calls(client, "set")
    watcher.start()
    try:
        for name in "ab":
            instances.say(name, sender, "こんにちは")
            instances.say(name, sender, "羊羹の日持ちはどのくらいですか")
    finally:
        done.set()
        watcher.join()
    # Each message takes a ticket and gives it back: lock writes on Redis by both instances.
    assert redis_calls(client, "set") - sets_before >= 2 * 4
    assert f"madoguchi:lock:{sender}".encode() in seen
    # Nothing is left locked once the conversation is idle.
    assert client.get(f"madoguchi:lock:{sender}") is None


def test_instances_taking_tickets_at_once_get_distinct_tickets(redis_server):  # noqa: F811
    stores = [EnvLockStore(redis_url=redis_server.url(1)) for _ in range(4)]
    assert all(type(s.inner).__name__ == "AtomicRedisLockStore" for s in stores)
    for round_ in range(20):
        conversation = f"tickets-{uuid.uuid4().hex}-{round_}"
        barrier = threading.Barrier(len(stores))
        tickets: list[int] = [-1] * len(stores)

        def take(i: int) -> None:
            barrier.wait(timeout=10)
            tickets[i] = stores[i].issue_ticket(conversation)

        threads = [threading.Thread(target=take, args=(i,)) for i in range(len(stores))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert sorted(tickets) == list(range(len(stores))), tickets
        for i, ticket in enumerate(tickets):
            stores[i].cleanup(conversation, ticket)
        assert stores[0].get_lock(conversation) is None


def test_a_lock_being_cleaned_up_keeps_a_ticket_just_taken(redis_server):  # noqa: F811
    a, b = EnvLockStore(redis_url=redis_server.url(1)), EnvLockStore(redis_url=redis_server.url(1))
    for round_ in range(30):
        conversation = f"cleanup-{uuid.uuid4().hex}-{round_}"
        first = a.issue_ticket(conversation)
        barrier = threading.Barrier(2)
        taken: list[int] = []

        def clean() -> None:
            barrier.wait(timeout=10)
            a.cleanup(conversation, first)

        def take() -> None:
            barrier.wait(timeout=10)
            taken.append(b.issue_ticket(conversation))

        threads = [threading.Thread(target=clean), threading.Thread(target=take)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        lock = b.get_lock(conversation)
        assert lock is not None, "the ticket just taken was deleted with the lock"
        assert not lock.is_locked(taken[0])
        b.cleanup(conversation, taken[0])
