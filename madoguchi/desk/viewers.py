"""Who is looking at which chat right now (閲覧中), told to every console.

Kept in the memory of this web process, one entry per live socket: the console says which
chat it shows (`{"type": "viewing", "handoff_id": 12}` on its socket, `null` for none), and
the entry ends when the operator opens another chat or the socket closes. Nothing of it is
stored, so a restart forgets it until the consoles reconnect and say again; with several web
processes each knows only the consoles connected to it.

Every change is pushed as `{"type": "viewers", "viewers": {"12": ["ito"]}, "online": [...]}`:
the operators viewing each chat, and those with the console open.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, Hashable

from aiohttp import web

from madoguchi.desk.http import BROADCAST_KEY


class Viewers:
    """Live sockets: each one's operator and the chat it shows (None: no chat)."""

    def __init__(self) -> None:
        self._sockets: dict[Hashable, tuple[str, int | None]] = {}
        self.pushing: set[asyncio.Task] = set()  # news of sockets that left, on its way

    def join(self, socket: Hashable, operator: str) -> None:
        self._sockets[socket] = (operator, None)

    def view(self, socket: Hashable, handoff_id: int | None) -> bool:
        """The socket's console shows this chat now; True when that changed anything."""
        if socket not in self._sockets:
            return False
        operator, before = self._sockets[socket]
        self._sockets[socket] = (operator, handoff_id)
        return before != handoff_id

    def leave(self, socket: Hashable) -> bool:
        return self._sockets.pop(socket, None) is not None

    def of(self, handoff_id: int) -> list[str]:
        """The operators viewing a chat, each once, in order."""
        return sorted({op for op, shown in self._sockets.values() if shown == handoff_id})

    def online(self) -> list[str]:
        return sorted({op for op, _ in self._sockets.values()})

    def message(self) -> dict[str, Any]:
        shown: dict[str, set[str]] = {}
        for operator, handoff_id in self._sockets.values():
            if handoff_id is not None:
                shown.setdefault(str(handoff_id), set()).add(operator)
        return {
            "type": "viewers",
            "viewers": {k: sorted(v) for k, v in sorted(shown.items())},
            "online": self.online(),
        }


VIEWERS_KEY = web.AppKey("desk_viewers", Viewers)


def viewed_id(text: str) -> tuple[bool, int | None]:
    """(is it a viewing message, which chat) of what a console sent on its socket."""
    try:
        data = json.loads(text)
    except ValueError:
        return False, None
    if not isinstance(data, dict) or data.get("type") != "viewing":
        return False, None
    handoff_id = data.get("handoff_id")
    if isinstance(handoff_id, int) and not isinstance(handoff_id, bool) and 0 < handoff_id < 2**63:
        return True, handoff_id
    return True, None


async def joined(app: web.Application, socket: Hashable, operator: str) -> None:
    app[VIEWERS_KEY].join(socket, operator)
    await app[BROADCAST_KEY]([app[VIEWERS_KEY].message()])


async def heard(app: web.Application, socket: Hashable, text: str) -> None:
    """A console's message on its socket: which chat it shows now."""
    is_viewing, handoff_id = viewed_id(text)
    if is_viewing and app[VIEWERS_KEY].view(socket, handoff_id):
        await app[BROADCAST_KEY]([app[VIEWERS_KEY].message()])


def gone(app: web.Application, socket: Hashable) -> None:
    """A socket closed: its operator views nothing there any more.

    The others are told in a task of its own: the closing socket's handler may be cancelled
    (its client went away) and must not take the news with it.
    """
    board = app[VIEWERS_KEY]
    if board.leave(socket):
        task = asyncio.create_task(app[BROADCAST_KEY]([board.message()]), name="desk-viewers-left")
        board.pushing.add(task)
        task.add_done_callback(board.pushing.discard)
