"""Rasa tracker events as transcript lines, the same way from any process, and `record`,
the one writer of transcript lines.

The event broker (on every tracker save), the handoff service (at handoff time, for the
conversation so far) and the desk (for the operator's lines it has Rasa send) all record
through `record`; a line's key is the event's timestamp, so their copies meet in the store
as one line. The channels that answer a message before Rasa (the survey, the call-back
booking) record the exchange through `record_exchange`.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any, Iterable

from madoguchi.store import transcripts
from madoguchi.store.db import Database
from madoguchi.store.operators import sign_line
from madoguchi.store.transcripts import Line

Reply = tuple[str, list[dict[str, str]]]  # a text the customer is sent, with its buttons

# Rasa's intent shortcut (`/greet`, `/affirm{"x": 1}`): a channel's or a button's command,
# not words of the customer.
COMMAND = re.compile(r"^/[A-Za-z_]+(\{.*\})?$")


def madoguchi_custom(kind: str, **fields: Any) -> dict[str, Any]:
    """A `custom` bot payload of ours: `operator` messages and `status` changes.

    Rasa's socket.io output emits a custom payload as keyword arguments of `emit`,
    so ours sits under `data`: the page receives `{"madoguchi": kind, ...}`.
    """
    return {"data": {"madoguchi": kind, **fields}}


def operator_custom(text: str, operator: str) -> dict[str, Any]:
    """The `custom` payload of a bot event that carries an operator's message."""
    return madoguchi_custom("operator", text=text, operator=operator)


def custom_of(event: dict[str, Any]) -> dict[str, Any]:
    """Our custom payload in a bot event (`{}` when there is none)."""
    custom = (event.get("data") or {}).get("custom") or {}
    inner = custom.get("data") if isinstance(custom, dict) else None
    return inner if isinstance(inner, dict) and "madoguchi" in inner else {}


def _at(timestamp: float | None) -> datetime:
    moment = datetime.fromtimestamp(timestamp, timezone.utc) if timestamp else datetime.now(timezone.utc)
    return moment.replace(tzinfo=None)


def bot_text(event: dict[str, Any]) -> str:
    """What a bot event showed the customer, buttons included, as plain text."""
    data = event.get("data") or {}
    parts = [event.get("text") or ""]
    buttons = data.get("buttons") or []
    if buttons:
        parts.append(" / ".join(f"[{b.get('title', '')}]" for b in buttons))
    return "\n".join(p for p in parts if p)


def line_of(sender_id: str, event: dict[str, Any], channel: str | None = None) -> Line | None:
    """A transcript line for a user or bot event; None for every other event."""
    kind = event.get("event")
    key = repr(event.get("timestamp"))
    at = _at(event.get("timestamp"))
    if kind == "user":
        text = event.get("text")
        if text is None or not str(text).strip() or COMMAND.match(str(text)):
            return None
        return Line(sender_id, "customer", str(text), at, key, event.get("input_channel") or channel)
    if kind == "bot":
        custom = custom_of(event)
        if custom.get("madoguchi") == "operator":
            return Line(
                sender_id, "operator", str(custom.get("text", "")), at, key, channel,
                author=custom.get("operator"),
            )
        text = bot_text(event)
        return Line(sender_id, "bot", text, at, key, channel) if text else None
    return None


def lines_of(
    sender_id: str, events: Iterable[dict[str, Any]], channel: str | None = None, *, author: str | None = None
) -> list[Line]:
    """Transcript lines of a run of events, in order; operator lines signed by `author`
    (the operator's login name) when it is given."""
    lines = (line_of(sender_id, e, channel) for e in events)
    return [
        replace(line, author=author) if author and line.role == "operator" else line
        for line in lines
        if line is not None
    ]


def record(
    db: Database,
    sender_id: str,
    events: Iterable[dict[str, Any]],
    channel: str | None = None,
    *,
    author: str | None = None,
) -> list[Line]:
    """Store the transcript lines of a conversation's events, each once; returns the lines.

    `author` is the login name of the operator who wrote the operator lines among the
    events: the line keeps it, and so does a copy another writer stored first (whose
    events carry only the name the customer was shown).
    """
    lines = lines_of(sender_id, events, channel, author=author)
    if not lines:
        return lines
    transcripts.record(db, lines)
    if author:
        for line in lines:
            if line.role == "operator":
                sign_line(db, line, author)
    return lines


def record_exchange(
    db: Database, sender_id: str, said: str, replies: Iterable[Reply], channel: str | None = None
) -> list[Line]:
    """Store an exchange a channel answered without Rasa: the customer's words (none when
    `said` is empty) and the replies, one millisecond apart, stamped now."""
    stamp = time.time()
    events: list[dict[str, Any]] = [{"event": "user", "text": said, "timestamp": stamp, "input_channel": channel}]
    events += [
        {"event": "bot", "text": text, "data": {"buttons": buttons} if buttons else {}, "timestamp": stamp + 0.001 * (i + 1)}
        for i, (text, buttons) in enumerate(replies)
    ]
    return record(db, sender_id, events, channel)
