"""The socket.io client managers shared by Rasa's workers and instances, on real servers.

Two socket.io servers (the two workers), each with its own client manager on the same
backend; a real client connected to the first by WebSocket. What either server emits to
the customer's session room reaches the client, in the order it was emitted: through the
database (SQLite, PostgreSQL) or through Redis. With python-socketio's default manager
the second server's emits are lost: the control.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from typing import Any, Callable

import pytest
import socketio
from aiohttp import web

from madoguchi.channels.socketio_pubsub import RedisPubSubManager, SqlPubSubManager, client_manager
from tests.servers import postgres_server, redis_server  # noqa: F401  (session fixtures)


@pytest.fixture(params=["sqlite", "postgresql", "redis", "default"])
def make_manager(request, tmp_path) -> Callable[[], socketio.AsyncManager]:
    """A factory of client managers on one backend (one per server)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'shop.db'}"
        return lambda: SqlPubSubManager(url)
    if request.param == "postgresql":
        url = request.getfixturevalue("postgres_server").create_database(f"sio_{uuid.uuid4().hex[:8]}")
        return lambda: SqlPubSubManager(url)
    if request.param == "redis":
        url = request.getfixturevalue("redis_server").url(2)
        return lambda: client_manager(url, workers=1)
    return socketio.AsyncManager


async def start_server(aiohttp_server, manager: socketio.AsyncManager) -> tuple[socketio.AsyncServer, Any]:
    """A socket.io server with Rasa's session handshake (session_persistence: the session room)."""
    sio = socketio.AsyncServer(async_mode="aiohttp", client_manager=manager)

    @sio.on("session_request")
    async def session_request(sid: str, data: dict[str, Any]) -> None:
        sio.enter_room(sid, data["session_id"])
        await sio.emit("session_confirm", data["session_id"], room=sid)

    app = web.Application()
    sio.attach(app)
    return sio, await aiohttp_server(app)


async def test_what_either_server_emits_reaches_the_customer_in_order(aiohttp_server, make_manager, request):
    shared = request.node.callspec.params["make_manager"] != "default"
    (a, server_a), (b, _) = [await start_server(aiohttp_server, make_manager()) for _ in range(2)]
    session = uuid.uuid4().hex
    received: list[Any] = []
    confirmed = asyncio.Event()
    client = socketio.AsyncClient(reconnection=False)
    client.on("bot_uttered", received.append)
    client.on("session_confirm", lambda _: confirmed.set())
    await client.connect(str(server_a.make_url("/")), transports=["websocket"])
    try:
        await client.emit("session_request", {"session_id": session})
        await asyncio.wait_for(confirmed.wait(), 10)
        for i in range(20):
            await (a, b)[i % 2].emit("bot_uttered", {"text": f"お知らせ {i}"}, room=session)

        async def all_arrived() -> None:
            while len(received) < 20:
                await asyncio.sleep(0.02)

        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(all_arrived(), 10 if shared else 1)
    finally:
        await client.disconnect()
        for sio in (a, b):
            task = getattr(sio.manager, "thread", None)
            if task is not None:
                task.cancel()
    texts = [m["text"] for m in received]
    if shared:
        assert texts == [f"お知らせ {i}" for i in range(20)]
    else:
        assert texts == [f"お知らせ {i}" for i in range(0, 20, 2)]  # the other server's are lost


def test_the_manager_is_redis_then_the_database_then_the_default():
    assert isinstance(client_manager("redis://127.0.0.1:1/1", workers=2), RedisPubSubManager)
    assert isinstance(client_manager("", workers=2), SqlPubSubManager)
    assert client_manager("", workers=1) is None


@pytest.mark.parametrize("manager", ["ours", "python-socketio's"])
async def test_a_new_process_s_first_answer_waits_until_it_listens(aiohttp_server, redis_server, manager,  # noqa: F811
                                                                   monkeypatch):
    from redis.asyncio.client import PubSub

    subscribe = PubSub.subscribe

    async def slow_subscribe(self, *args, **kwargs):
        await asyncio.sleep(0.5)  # a busy Redis, or a busy process
        return await subscribe(self, *args, **kwargs)

    monkeypatch.setattr(PubSub, "subscribe", slow_subscribe)
    url = redis_server.url(3)
    made = client_manager(url, workers=1) if manager == "ours" else socketio.AsyncRedisManager(url, channel="other")
    sio, server = await start_server(aiohttp_server, made)
    confirmed = asyncio.Event()
    client = socketio.AsyncClient(reconnection=False)
    client.on("session_confirm", lambda _: confirmed.set())
    await client.connect(str(server.make_url("/")), transports=["websocket"])
    try:
        await client.emit("session_request", {"session_id": uuid.uuid4().hex})
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(confirmed.wait(), 3)
    finally:
        await client.disconnect()
        sio.manager.thread.cancel()
    assert confirmed.is_set() == (manager == "ours")  # python-socketio's published it to nobody


# --- web chat sessions: issued by the server, bound to the socket ------------------------
