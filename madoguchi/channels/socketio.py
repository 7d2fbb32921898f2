"""Rasa's socket.io channel, its messages shared by every worker and instance.

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

The channel also issues the web chat's sessions (`SocketIOChannel`): a socket reads and
writes only the conversation of a session id the server gave a chat page.
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
from typing import Any, AsyncIterator, Awaitable, Callable

import socketio
from socketio.asyncio_pubsub_manager import AsyncPubSubManager  # not exported by python-socketio 5.9
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint
from sqlalchemy import Column, Float, Integer, String, Text, delete, func, insert, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import declarative_base

from madoguchi.store import web_sessions
from madoguchi.store.db import Database, create_tables, database
from madoguchi.text import storable

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


MAX_TEXT = 2000  # characters of a customer's message (the chat page's text box holds as many)
MAX_METADATA = 2048  # characters of a message's metadata, written as JSON
MAX_PACKET = 64 * 1024  # bytes of one socket.io message; python-engineio closes a socket sending more
CONFIRM_WAIT = 10.0  # seconds a message waits for its socket's session to be confirmed

NOT_CONFIRMED = "接続を確認できませんでした。お手数ですが、ページを再読み込みしてください。"
TOO_LONG = f"メッセージが長すぎます。{MAX_TEXT}文字以内でお書きください。"


NO_SESSION = "接続が確立していません。ページを再読み込みしてください。"


def _refusing_posts_without_sid(handle_request: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """engine.io's request handler, answering 400 to a polling POST without a `sid`
    (python-engineio 4.7.1 fails on it with a 500: miguelgrinberg/python-engineio#378)."""
    from sanic import response

    async def handle(request: Any, *args: Any, **kwargs: Any) -> Any:
        if getattr(request, "method", "") == "POST" and not request.args.get("sid"):
            return response.json({"error": NO_SESSION}, status=400)
        return await handle_request(request, *args, **kwargs)

    return handle


class SocketIOChannel(SocketIOInput):
    """Rasa's `socketio` channel (same name, settings and events) whose emits reach the
    customer's socket whichever worker or instance holds it, and whose sessions are
    issued by the server.

    A web chat's session id is its conversation's sender id: the server makes it and
    records it (`madoguchi.store.web_sessions`). `session_request` confirms the id a page
    presents only when the server issued it, and a new one otherwise; the socket is bound
    to the confirmed id, and its messages go to that conversation only (a message naming
    another session is refused; a socket without a session cannot write). Rasa's
    `session_persistence` is implied. The bindings are kept in memory: the database is
    read once per `session_request`, never per message.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.db: Database | None = None  # the shop database; the settings' one when None
        self._sessions: dict[str, str] = {}  # socket id -> its confirmed session id
        self._confirming: dict[str, asyncio.Event] = {}  # socket id -> set once confirmed (or not)
        self._in_turn: dict[str, asyncio.Lock] = {}  # socket id -> its session_requests, one at a time

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        from madoguchi.settings import settings

        blueprint = super().blueprint(on_new_message)
        self.sio.eio.max_http_buffer_size = MAX_PACKET
        # Rasa attaches engine.io's request handler to the app when the blueprint is
        # registered, after this: the guarded one is what it finds.
        self.sio.eio.handle_request = _refusing_posts_without_sid(self.sio.eio.handle_request)
        self.handle(self.sio, on_new_message)
        # Rasa builds its server with the default manager and no way to pass another; the
        # server has no client yet, so its manager is swapped before anyone connects.
        manager = client_manager(settings().redis_url, settings().rasa_workers)
        if manager is not None:
            self.sio.manager = manager
            manager.set_server(self.sio)
        return blueprint

    def handle(self, sio: socketio.AsyncServer, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        """Put our session_request, user_uttered and disconnect handlers in place of Rasa's.
        (They take any number of arguments: a client decides what it sends.)"""
        self.sio = sio

        async def session_request(sid: str, data: Any = None, *_: Any) -> None:
            await self.confirm_session(sid, data)

        async def user_uttered(sid: str, data: Any = None, *_: Any) -> None:
            await self.receive(sid, data, on_new_message)

        async def disconnect(sid: str, *_: Any) -> None:
            self._sessions.pop(sid, None)
            self._confirming.pop(sid, None)
            self._in_turn.pop(sid, None)

        sio.on("session_request", session_request, namespace=self.namespace)
        sio.on(self.user_message_evt, user_uttered, namespace=self.namespace)
        sio.on("disconnect", disconnect, namespace=self.namespace)

    def _issued_or_new(self, presented: Any) -> str:
        """The presented id if the server issued it, else a newly issued one (in a thread)."""
        db = self.db or database()
        if presented is not None and web_sessions.is_issued(db, presented):
            return presented
        if presented is not None:
            logger.info("A web chat presented a session id the server did not issue: a new one is issued.")
        return web_sessions.issue(db)

    async def confirm_session(self, sid: str, data: Any) -> None:
        """Bind the socket to the session it presents when the server issued it, else to a new one.
        A socket's requests are answered in the order they came: its last one binds it."""
        presented = data.get("session_id") if isinstance(data, dict) else None
        done = self._confirming[sid] = asyncio.Event()
        try:
            async with self._in_turn.setdefault(sid, asyncio.Lock()):
                await self._bind(sid, presented)
        finally:
            done.set()
            if self._confirming.get(sid) is done:
                del self._confirming[sid]

    async def _bind(self, sid: str, presented: Any) -> None:
        try:
            current = self._sessions.get(sid)
            if presented is not None and presented == current:
                session_id = current
            else:
                session_id = await asyncio.to_thread(self._issued_or_new, presented)
            if not self.sio.manager.is_connected(sid, self.namespace or "/"):
                return  # gone meanwhile
            if current is not None and current != session_id:
                self.sio.leave_room(sid, current, namespace=self.namespace)
            self._sessions[sid] = session_id
            self.sio.enter_room(sid, session_id, namespace=self.namespace)
            await self.sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)
        except Exception:
            logger.exception("A web chat session could not be checked or issued.")
            await self._tell(sid, NOT_CONFIRMED)

    async def _session_of(self, sid: str) -> str | None:
        """The socket's confirmed session, once a session_request under way is answered (a
        socket asking for another session writes into that one: its replies go there)."""
        pending = self._confirming.get(sid)
        if pending is not None:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(pending.wait(), CONFIRM_WAIT)
        return self._sessions.get(sid)

    async def receive(self, sid: str, data: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        """Hand a customer's message to the bot, in the conversation of the socket's own session."""
        if not isinstance(data, dict):
            logger.debug("A socket.io message that is not an object was ignored.")
            return
        session_id = await self._session_of(sid)
        if session_id is None:
            await self._tell(sid, NOT_CONFIRMED)
            return
        if data.get("session_id") not in (None, session_id):
            # Another's conversation, or a page that took an earlier confirmation for the last:
            # refused, and told so (nothing of the other conversation is said).
            logger.warning("A socket wrote with a session id other than its own: refused.")
            await self._tell(sid, NOT_CONFIRMED)
            return
        text = data.get("message")
        if not isinstance(text, str):
            return
        text = storable(text)  # white space is answered by the bot, as on the other channels
        if len(text) > MAX_TEXT:
            await self._tell(sid, TOO_LONG)
            return
        message = UserMessage(
            text,
            SocketIOOutput(self.sio, self.bot_message_evt),
            session_id,
            input_channel=self.name(),
            metadata=self._metadata(data.get(self.metadata_key)),
        )
        await on_new_message(message)

    @staticmethod
    def _metadata(value: Any) -> dict[str, Any]:
        """A message's metadata when it is a small object; nothing otherwise."""
        if not isinstance(value, dict):
            return {}
        try:
            small = len(json.dumps(value, ensure_ascii=False, default=str)) <= MAX_METADATA
        except (TypeError, ValueError):
            small = False
        return value if small else {}

    async def _tell(self, sid: str, text: str) -> None:
        """Say something to this socket only (not to its conversation)."""
        await self.sio.emit(self.bot_message_evt, {"text": text}, room=sid, namespace=self.namespace)
