"""The desk's live updates: one poller per app pushes handoff changes and new transcript lines
to every console's WebSocket (`GET /api/live?token=…`).

The hub reads what changed since its last poll, a little more than that (a late commit is
not missed), and sends it to every socket; a socket whose session ended is closed with
`CLOSE_SESSION_EXPIRED`, which the console reads as "log in again". Other routes push
through the app's `BROADCAST_KEY` (`madoguchi.desk.http`), the hub's `broadcast`.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from datetime import datetime, timedelta
from typing import Any

from aiohttp import WSCloseCode, WSMsgType, web

from madoguchi.desk import viewers
from madoguchi.desk.http import BROADCAST_KEY, DeskError, authenticate, bearer_token
from madoguchi.desk.shapes import handoff_json, line_json, queue_positions
from madoguchi.store import handoffs, operators, transcripts
from madoguchi.store.db import Database
from madoguchi.store.models import utcnow

logger = logging.getLogger(__name__)

POLL_SECONDS = 0.3
SESSION_CHECK_EVERY = 50  # polls (about 15 s): sockets of expired sessions are closed
HANDOFF_OVERLAP = timedelta(seconds=2)  # re-read recent changes: a late commit is not missed
LINE_OVERLAP = 64  # ids re-read for the same reason (sequences may commit out of order)
SEND_TIMEOUT_SECONDS = 5.0
CLOSE_SESSION_EXPIRED = 4401  # WebSocket close code the console reads as "log in again"

_dumps = functools.partial(json.dumps, ensure_ascii=False)


class LiveHub:
    """One poller per app: new transcript lines and handoff changes, fanned out to sockets."""

    def __init__(self, db: Database, poll_seconds: float = POLL_SECONDS) -> None:
        self.db = db
        self.poll_seconds = poll_seconds
        self.sockets: dict[web.WebSocketResponse, str] = {}
        self._base_line_id = 0
        self._last_line_id = 0
        self._seen_lines: set[int] = set()
        self._since = utcnow()
        self._seen_handoffs: dict[int, datetime] = {}
        self._task: asyncio.Task | None = None
        self._closing: dict[web.WebSocketResponse, tuple[int, bytes]] = {}

    # lifecycle

    def baseline(self) -> None:
        """Start from what is stored now: only what comes later is pushed."""
        self._base_line_id = self._last_line_id = transcripts.last_id(self.db)
        self._since = utcnow()
        for h in handoffs.changed_since(self.db, self._since - HANDOFF_OVERLAP):
            self._seen_handoffs[h.id] = h.updated_at
            self._since = max(self._since, h.updated_at)

    async def start(self) -> None:
        await asyncio.to_thread(self.baseline)
        self._task = asyncio.create_task(self._run(), name="desk-live-poller")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        for ws in list(self.sockets):
            await self.close(ws, WSCloseCode.GOING_AWAY, b"server shutdown")

    def add(self, ws: web.WebSocketResponse, token: str) -> None:
        self.sockets[ws] = token

    def remove(self, ws: web.WebSocketResponse) -> None:
        self.sockets.pop(ws, None)

    async def close(self, ws: web.WebSocketResponse, code: int, reason: bytes) -> None:
        """Close a socket with a code (its handler closes with the same one if it gets there first)."""
        self.remove(ws)
        if ws.closed:
            return
        self._closing[ws] = (code, reason)
        await ws.close(code=code, message=reason)

    def close_reason(self, ws: web.WebSocketResponse) -> tuple[int, bytes]:
        """The code a socket is being closed with (normal closure unless the hub closes it)."""
        return self._closing.pop(ws, (WSCloseCode.OK, b""))

    async def drop_token(self, token: str) -> None:
        """Close the sockets of a session that ended."""
        for ws, t in list(self.sockets.items()):
            if t == token:
                await self.close(ws, CLOSE_SESSION_EXPIRED, b"logged out")

    # polling

    async def _run(self) -> None:
        polls = 0
        while True:
            await asyncio.sleep(self.poll_seconds)
            polls += 1
            try:
                messages = await asyncio.to_thread(self.collect)
                if messages:
                    await self.broadcast(messages)
                if polls % SESSION_CHECK_EVERY == 0 and self.sockets:
                    await self._check_sessions()
            except asyncio.CancelledError:
                raise
            except Exception:  # a locked or unreachable database: try again next time
                logger.exception("desk live update failed")

    def collect(self) -> list[dict[str, Any]]:
        """What changed since the last poll, as messages (handoffs first, then lines)."""
        return self._collect_handoffs() + self._collect_lines()

    def _collect_handoffs(self) -> list[dict[str, Any]]:
        changed = handoffs.changed_since(self.db, self._since - HANDOFF_OVERLAP)
        fresh = [h for h in changed if self._seen_handoffs.get(h.id) != h.updated_at]
        messages = []
        if fresh:
            positions = queue_positions(self.db)
            names = handoffs.display_names(self.db, [h.sender_id for h in fresh])
            now = utcnow()
            for h in fresh:
                self._seen_handoffs[h.id] = h.updated_at
                body = handoff_json(h, now=now, position=positions.get(h.id, 0), names=names)
                messages.append({"type": "handoff", "handoff": body})
            # every open handoff's place in the queue may have moved
            messages.append({"type": "positions", "positions": {str(k): v for k, v in positions.items()}})
        if changed:
            self._since = max(self._since, max(h.updated_at for h in changed))
        horizon = self._since - 3 * HANDOFF_OVERLAP
        self._seen_handoffs = {k: v for k, v in self._seen_handoffs.items() if v > horizon}
        return messages

    def _collect_lines(self) -> list[dict[str, Any]]:
        floor = max(self._last_line_id - LINE_OVERLAP, self._base_line_id)
        rows = [
            m for m in transcripts.newer_than(self.db, floor) if m.id not in self._seen_lines
        ]
        if not rows:
            return []
        for m in rows:
            self._seen_lines.add(m.id)
        self._last_line_id = max(self._last_line_id, max(m.id for m in rows))
        keep_from = self._last_line_id - LINE_OVERLAP
        self._seen_lines = {i for i in self._seen_lines if i > keep_from}
        owners = handoffs.latest_for_senders(self.db, [m.sender_id for m in rows])
        return [
            {
                "type": "line",
                "handoff_id": owners[m.sender_id].id,
                "sender_id": m.sender_id,
                "line": line_json(m),
            }
            for m in rows
            if m.sender_id in owners  # conversations the desk knows of, not every bot chat
        ]

    async def broadcast(self, messages: list[dict[str, Any]]) -> None:
        """Send messages to every connected socket; a socket that fails is dropped."""
        if not self.sockets or not messages:
            return
        payloads = [_dumps(m) for m in messages]

        async def send(ws: web.WebSocketResponse) -> None:
            try:
                for payload in payloads:
                    await asyncio.wait_for(ws.send_str(payload), SEND_TIMEOUT_SECONDS)
            except Exception:
                self.remove(ws)
                if not ws.closed:
                    await ws.close(code=WSCloseCode.GOING_AWAY)

        await asyncio.gather(*(send(ws) for ws in list(self.sockets) if not ws.closed))
        for ws in [ws for ws in self.sockets if ws.closed]:
            self.remove(ws)

    async def _check_sessions(self) -> None:
        for ws, token in list(self.sockets.items()):
            if not await asyncio.to_thread(operators.by_token, self.db, token):
                await self.close(ws, CLOSE_SESSION_EXPIRED, b"session expired")


HUB_KEY = web.AppKey("desk_live", LiveHub)


async def live(request: web.Request) -> web.StreamResponse:
    """GET /api/live?token=…: a WebSocket pushing handoff changes and new transcript lines.

    The console tells on it which chat it shows (`madoguchi.desk.viewers`)."""
    operator, token = authenticate(request, request.query.get("token") or bearer_token(request))
    ws = web.WebSocketResponse(heartbeat=25.0)
    if not ws.can_prepare(request).ok:
        raise DeskError(400, "websocket_expected", "WebSocket で接続してください。")
    hub = request.app[HUB_KEY]
    await ws.prepare(request)
    hub.add(ws, token)
    try:
        await ws.send_str(_dumps({"type": "hello"}))
        await viewers.joined(request.app, ws, operator)
        async for message in ws:
            if message.type == WSMsgType.TEXT and message.data == "ping":
                await ws.send_str(_dumps({"type": "pong"}))
            elif message.type == WSMsgType.TEXT:
                await viewers.heard(request.app, ws, message.data)
    except (ConnectionError, asyncio.TimeoutError):
        pass
    finally:
        hub.remove(ws)
        viewers.gone(request.app, ws)
        code, reason = hub.close_reason(ws)
        if not ws.closed:
            await ws.close(code=code, message=reason)
    return ws


async def _start(app: web.Application) -> None:
    await app[HUB_KEY].start()


async def _shutdown(app: web.Application) -> None:
    await app[HUB_KEY].stop()


def add_hub(app: web.Application, db: Database) -> None:
    """The app's live hub, started and stopped with it; its `broadcast` under BROADCAST_KEY."""
    app[HUB_KEY] = LiveHub(db)
    app[BROADCAST_KEY] = app[HUB_KEY].broadcast
    app.on_startup.append(_start)
    app.on_shutdown.append(_shutdown)
