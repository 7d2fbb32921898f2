"""Rasa's socket.io channel, whose messages reach the customer's socket whichever worker
or instance holds it (`madoguchi.channels.socketio_pubsub`), and which issues the web chat's
sessions: a socket reads and writes only the conversation of a session id the server gave
a chat page.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any, Awaitable, Callable

import socketio
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from madoguchi.channels.socketio_pubsub import client_manager
from madoguchi.channels.before_rasa import before_rasa
from madoguchi.store import web_sessions
from madoguchi.store.db import Database, database
from madoguchi.text import storable

logger = logging.getLogger(__name__)

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

        on_new_message = before_rasa(on_new_message, lambda: self.db or database())
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
