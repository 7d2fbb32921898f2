"""socket.io messages shared by every Rasa worker and instance (python-socketio's client managers).

A customer's socket lives in the memory of the one Rasa process it connected to, but the
desk sends operators' messages through Rasa's HTTP API, which any process may answer (the
other worker, the other instance). Rasa's channel gives its socket.io server the default
client manager, which only reaches the process's own sockets: the message is lost. Here
the server gets a pub/sub client manager (python-socketio's own mechanism): every emit is
published, every process listening delivers it to the sockets it holds.

- REDIS_URL set (several instances): `RedisPubSubManager`, python-socketio's Redis manager
  made to wait, before a process's first emit, until the process itself listens.
- Several workers without Redis (MADOGUCHI_RASA_WORKERS > 1): `SqlPubSubManager`, a table
  of the shop database polled every 50 ms.
- One process: the default manager, as Rasa has it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import threading
import time
import uuid
from typing import Any, AsyncIterator

import socketio
from socketio.asyncio_pubsub_manager import AsyncPubSubManager  # not exported by python-socketio 5.9
from sqlalchemy import Column, Float, Integer, String, Text, delete, func, insert, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import declarative_base

from madoguchi.store.db import Database, create_tables, database

logger = logging.getLogger(__name__)

_first_use = threading.Lock()

CHANNEL = "madoguchi-socketio"  # the pub/sub channel (Redis) or the rows' channel (SQL)

MessageBase = declarative_base()


class SocketMessage(MessageBase):
    """A socket.io message published by one Rasa process for all of them; kept a minute."""

    __tablename__ = "madoguchi_socketio_messages"
    __table_args__ = {"sqlite_autoincrement": True}  # ids never reused after a purge
    id = Column(Integer, primary_key=True)
    channel = Column(String(64), nullable=False)
    payload = Column(Text, nullable=False)  # python-socketio's message, as JSON
    created = Column(Float, nullable=False, index=True)  # epoch seconds


class SqlPubSubManager(AsyncPubSubManager):
    """python-socketio's pub/sub client manager on a table of the shop database.

    Publish inserts a row; each process with sockets polls the rows after the last it read,
    every `poll_seconds` (`idle_poll_seconds` once nothing came for 5 s: a poll costs about
    1 ms of CPU), at once after it published itself, and hands them to python-socketio in
    id order, so one process's emits arrive in the order they were made.
    Rows older than `keep_seconds` are deleted. On PostgreSQL a row may commit after a row
    with a higher id: rows are read again for `settle_seconds` before the reading point moves
    past them (SQLite commits one writer at a time, in id order).

    The database is reached on first use, in the worker (Sanic forks after the channel is
    built), and from a thread, so that the event loop does not wait on it (but for one read
    when the process's first socket connects).
    """

    name = "madoguchi-sql"

    def __init__(
        self,
        url: str | None = None,
        channel: str = CHANNEL,
        poll_seconds: float = 0.05,
        idle_poll_seconds: float = 0.25,
        keep_seconds: float = 60.0,
    ) -> None:
        super().__init__(channel=channel)
        self.url = url
        self.poll_seconds = poll_seconds
        self.idle_poll_seconds = idle_poll_seconds
        self.keep_seconds = keep_seconds
        self._db: Database | None = None
        self._floor: int | None = None  # every row up to this id has been read
        self._seen: dict[int, float] = {}  # rows read past the floor, when first read
        self._purged = 0.0
        self._wake: asyncio.Event | None = None

    @property
    def host_id(self) -> str:
        """This process's id on the channel: Sanic forks the workers after the manager is made,
        and each must answer only its own callbacks."""
        if self._host[0] != os.getpid():
            self._host = (os.getpid(), uuid.uuid4().hex)
        return self._host[1]

    @host_id.setter
    def host_id(self, value: str) -> None:
        self._host = (os.getpid(), value)

    @property
    def db(self) -> Database:
        with _first_use:  # publishing and listening threads may both come first
            if self._db is None:
                db = database(self.url)
                try:
                    create_tables(db.engine, MessageBase.metadata)
                except OperationalError:  # SQLite: another worker created it in between
                    create_tables(db.engine, MessageBase.metadata)
                self._db = db
        return self._db

    @property
    def settle_seconds(self) -> float:
        return 0.0 if self.db.engine.dialect.name == "sqlite" else 2.0

    # -- in a thread -----------------------------------------------------------------

    def _insert(self, payload: str) -> None:
        now = time.time()
        with self.db.engine.begin() as connection:
            connection.execute(insert(SocketMessage).values(channel=self.channel, payload=payload, created=now))
        self._purge(now)

    def _purge(self, now: float) -> None:
        if now - self._purged < 10:
            return
        self._purged = now
        with self.db.engine.begin() as connection:
            connection.execute(delete(SocketMessage).where(SocketMessage.created < now - self.keep_seconds))

    def _newest(self) -> int:
        with self.db.engine.connect() as connection:
            return connection.execute(select(func.max(SocketMessage.id))).scalar() or 0

    def _rows_after(self, floor: int) -> list[tuple[int, str]]:
        query = (
            select(SocketMessage.id, SocketMessage.payload)
            .where(SocketMessage.channel == self.channel, SocketMessage.id > floor)
            .order_by(SocketMessage.id)
        )
        with self.db.engine.connect() as connection:
            rows = [(row.id, row.payload) for row in connection.execute(query)]
        self._purge(time.time())
        return rows

    # -- python-socketio's side ------------------------------------------------------

    def initialize(self) -> None:
        """Before the first socket of this process is accepted: read from the newest row on.
        (Read here, not in the listening task, so that a reply to that first socket, emitted
        before the task has run, is not taken for an old row.)"""
        try:
            self._floor = self._newest()
        except Exception:
            logger.exception("socket.io messages: the database is away; the listening task will retry")
        super().initialize()

    async def _publish(self, data: dict[str, Any]) -> None:
        payload = json.dumps(data, ensure_ascii=False, default=str)
        await asyncio.get_running_loop().run_in_executor(None, self._insert, payload)
        if self._wake is not None:
            self._wake.set()

    async def _listen(self) -> AsyncIterator[dict[str, Any]]:
        loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        busy_until = 0.0
        while True:
            self._wake.clear()
            try:
                if self._floor is None:
                    self._floor = await loop.run_in_executor(None, self._newest)
                rows = await loop.run_in_executor(None, self._rows_after, self._floor)
            except Exception:  # the database is away: say so, and try again
                logger.exception("socket.io messages could not be read from the database")
                await asyncio.sleep(1)
                continue
            now = time.monotonic()
            if rows:
                busy_until = now + 5.0
            for row_id, payload in rows:
                if row_id not in self._seen:
                    self._seen[row_id] = now
                    yield json.loads(payload)
            self._settle(now)
            pause = self.poll_seconds if now < busy_until else self.idle_poll_seconds
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), pause)

    def _settle(self, now: float) -> None:
        """Move the floor past the rows read more than `settle_seconds` ago."""
        settled = [row_id for row_id, seen in self._seen.items() if now - seen >= self.settle_seconds]
        if settled:
            self._floor = max(self._floor or 0, *settled)
            self._seen = {row_id: seen for row_id, seen in self._seen.items() if row_id > self._floor}


class RedisPubSubManager(socketio.AsyncRedisManager):
    """python-socketio's Redis client manager, whose first emits are not lost.

    Every emit goes through Redis, to the process's own sockets too, but python-socketio
    subscribes a process to the channel only in the background, after its first socket
    connects: the first answers to that socket (the session confirmation, the bot's first
    reply) could be published before anyone in the process listened. Here a process that
    listens publishes once it is subscribed (waiting at most `ready_seconds`).
    """

    ready_seconds = 5.0

    def __init__(self, url: str, channel: str = CHANNEL, **options: Any) -> None:
        super().__init__(url, channel=channel, **options)
        self._listening = False
        self._subscribed: asyncio.Event | None = None

    def _ready(self) -> asyncio.Event:
        if self._subscribed is None:
            self._subscribed = asyncio.Event()
        return self._subscribed

    def initialize(self) -> None:
        super().initialize()
        self._listening = not self.write_only

    async def _listen(self) -> AsyncIterator[Any]:
        await self.pubsub.subscribe(self.channel)  # python-socketio's own subscribes again: a no-op
        self._ready().set()
        async for message in super()._listen():
            yield message

    async def _publish(self, data: dict[str, Any]) -> Any:
        if self._listening and not self._ready().is_set():
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._ready().wait(), self.ready_seconds)
        return await super()._publish(data)


def client_manager(redis_url: str, workers: int, database_url: str | None = None) -> socketio.AsyncManager | None:
    """The socket.io client manager for this deployment (None: python-socketio's default)."""
    if redis_url:
        return RedisPubSubManager(redis_url)
    if workers > 1:
        return SqlPubSubManager(database_url)
    return None
