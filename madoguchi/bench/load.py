"""The load generator: open loop, saturation and one long conversation.

asyncio only: aiohttp for Rasa's REST channel, python-socketio's AsyncClient for the web
chat's socket.io channel. Every loop is bounded (by time, by messages, by a per-message
timeout) and the generator is meant for loopback addresses.

Latency is counted from when a message was *due*, not from when it was sent: a customer
whose previous answer is late sends late, and that wait is part of what they feel (no
coordinated omission).
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field
from typing import Callable, Protocol, Sequence

# What customers write that the bot answers itself (no handoff, no form), in an order where
# no two messages in a row ask the same thing (the same question twice hands off).
ROUTINE: tuple[str, ...] = (
    "こんにちは",
    "送料はいくらですか",
    "羊羹の日持ちは？",
    "法事用ののしはありますか",
    "今日注文したらいつ届きますか",
    "ありがとうございます",
    "どら焼きは何個入りですか",
)
TIMEOUT = 15.0  # seconds a message may wait for its answer before it counts as an error


class BotError(Exception):
    """The bot did not answer a message properly (HTTP error, no answer, timeout)."""


class Conversation(Protocol):
    async def say(self, text: str) -> None: ...

    async def close(self) -> None: ...


class Channel(Protocol):
    name: str

    async def conversation(self, sender: str) -> Conversation: ...

    async def close(self) -> None: ...


# ---------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Sample:
    """One message: when it was due (seconds from the run's start) and how long its answer took."""

    due: float
    latency: float | None  # None when it failed
    error: str | None = None


@dataclass
class Run:
    """The messages of one load run and what became of them."""

    label: str
    channel: str
    duration: float
    offered: float | None = None  # messages/s offered (open loop)
    concurrency: int | None = None  # clients writing back to back (closed loop)
    planned: int = 0
    samples: list[Sample] = field(default_factory=list)

    @property
    def latencies(self) -> list[float]:
        return [s.latency for s in self.samples if s.latency is not None]

    @property
    def answered(self) -> int:
        return len(self.latencies)

    @property
    def errors(self) -> int:
        """Failed messages, and planned ones that never finished within the run's bound."""
        return max(self.planned, len(self.samples)) - self.answered

    def throughput(self, skip: float = 0.0) -> float:
        """Answers per second that completed within [skip, duration]."""
        window = self.duration - skip
        done = [s for s in self.samples if s.latency is not None and skip <= s.due + s.latency <= self.duration]
        return len(done) / window if window > 0 else 0.0

    def percentile(self, q: float) -> float | None:
        return percentile(self.latencies, q)

    def summary(self) -> dict[str, float | int | str | None]:
        return {
            "label": self.label, "channel": self.channel, "offered": self.offered,
            "concurrency": self.concurrency, "duration": self.duration, "answered": self.answered,
            "errors": self.errors, "p50": self.percentile(50), "p95": self.percentile(95),
            "p99": self.percentile(99), "throughput": self.throughput(),
        }


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile with linear interpolation (numpy's default); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


# ---------------------------------------------------------------------------- channels


class RestChannel:
    """Rasa's REST channel: one POST per message, the answer in the response."""

    name = "REST"

    def __init__(self, rasa_url: str, timeout: float = TIMEOUT) -> None:
        import aiohttp

        self.url = f"{rasa_url.rstrip('/')}/webhooks/rest/webhook"
        self._session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=0), timeout=aiohttp.ClientTimeout(total=timeout)
        )

    async def conversation(self, sender: str) -> "RestConversation":
        return RestConversation(self, sender)

    async def close(self) -> None:
        await self._session.close()


class RestConversation:
    def __init__(self, channel: RestChannel, sender: str) -> None:
        self.channel, self.sender = channel, sender

    async def say(self, text: str) -> None:
        try:
            async with self.channel._session.post(
                self.channel.url, json={"sender": self.sender, "message": text}
            ) as response:
                if response.status != 200:
                    raise BotError(f"HTTP {response.status}")
                answers = await response.json()
        except asyncio.TimeoutError as e:
            raise BotError("timeout") from e
        except OSError as e:
            raise BotError(type(e).__name__) from e
        if not answers:
            raise BotError("no answer")

    async def close(self) -> None:
        return None


class SocketChannel:
    """The web chat's channel: one socket.io connection per conversation.

    A message's latency is the time to the first bot message after it (what the customer
    sees appear); Rasa sends each bot message as soon as its action has run.
    """

    name = "socket.io"

    def __init__(self, rasa_url: str, timeout: float = TIMEOUT) -> None:
        self.url = rasa_url.rstrip("/")
        self.timeout = timeout

    async def conversation(self, sender: str) -> "SocketConversation":
        conversation = SocketConversation(self, sender)
        try:
            await conversation.connect()
        except BaseException:
            await conversation.close()
            raise
        return conversation

    async def close(self) -> None:
        return None


class SocketConversation:
    def __init__(self, channel: SocketChannel, sender: str) -> None:
        import socketio

        self.channel, self.sender = channel, sender
        self.client = socketio.AsyncClient(reconnection=False)
        self._confirmed = asyncio.Event()
        self._answer: asyncio.Event | None = None
        self.client.on("session_confirm", self._on_confirm)
        self.client.on("bot_uttered", self._on_bot)

    async def _on_confirm(self, data) -> None:
        # The server issues web chat sessions: the one it confirms is the one to write in.
        self.sender = data if isinstance(data, str) else (data or {}).get("session_id", self.sender)
        self._confirmed.set()

    async def _on_bot(self, _data) -> None:
        if self._answer is not None:
            self._answer.set()
            self._answer = None  # the rest of this answer's messages are not awaited

    async def connect(self) -> None:
        await self.client.connect(self.channel.url, transports=["websocket"], wait_timeout=self.channel.timeout)
        await self.client.emit("session_request", {"session_id": self.sender})
        await asyncio.wait_for(self._confirmed.wait(), self.channel.timeout)

    async def say(self, text: str) -> None:
        answer = self._answer = asyncio.Event()
        try:
            await self.client.emit("user_uttered", {"message": text, "session_id": self.sender})
            await asyncio.wait_for(answer.wait(), self.channel.timeout)
        except asyncio.TimeoutError as e:
            raise BotError("timeout") from e
        except Exception as e:  # socketio's own errors (disconnected, ...)
            raise BotError(type(e).__name__) from e

    async def close(self) -> None:
        await self.client.disconnect()
        http = getattr(self.client.eio, "http", None)  # left open when connecting failed
        if http is not None and not http.closed:
            await http.close()


# ---------------------------------------------------------------------------- runs


def _sender(prefix: str) -> str:
    return f"bench-{prefix}-{uuid.uuid4().hex[:12]}"


async def _connect_all(channel: Channel, count: int, prefix: str, parallel: int = 16) -> list[Conversation | BotError]:
    """Open `count` conversations; one that cannot connect is a BotError in its place."""
    gate = asyncio.Semaphore(parallel)

    async def one() -> Conversation | BotError:
        async with gate:
            try:
                return await channel.conversation(_sender(prefix))
            except Exception as e:  # connection refused, socket.io handshake, timeout
                return BotError(f"connect: {type(e).__name__}")

    return list(await asyncio.gather(*(one() for _ in range(count))))


async def _close_all(conversations: list[Conversation | BotError]) -> None:
    await asyncio.gather(*(c.close() for c in conversations if not isinstance(c, BotError)), return_exceptions=True)


async def open_loop(
    channel: Channel,
    rate: float,
    duration: float,
    interval: float = 4.0,
    messages: Sequence[str] = ROUTINE,
    drain: float = TIMEOUT,
) -> Run:
    """Customers as they really write: `rate * interval` conversations, each sending a
    message every `interval` seconds, their starts spread so that together they offer
    `rate` messages per second for `duration` seconds.

    A conversation waits for its previous answer before it sends the next message (as a
    person would); the wait counts in the next message's latency. A customer whose message
    failed (an error, or no answer within the timeout) gives up: the rest of their planned
    messages count as errors, and the server's backlog stays bounded.
    """
    count = max(1, round(rate * interval))
    conversations = await _connect_all(channel, count, f"open{rate:g}")
    run = Run(f"{rate:g} msg/s", channel.name, duration, offered=rate)
    loop = asyncio.get_running_loop()
    start = loop.time() + 0.2

    async def customer(i: int, conversation: Conversation | BotError) -> None:
        if isinstance(conversation, BotError):
            run.samples += [Sample(due, None, str(conversation)) for due in _dues(i, rate, interval, duration)]
            return
        k = 0
        while (due := i / rate + k * interval) < duration:
            await asyncio.sleep(max(0.0, start + due - loop.time()))
            try:
                await conversation.say(messages[(i + k) % len(messages)])
                run.samples.append(Sample(due, loop.time() - start - due))
            except BotError as e:
                run.samples.append(Sample(due, None, str(e)))
                return
            k += 1

    for i in range(count):
        run.planned += sum(1 for _ in _dues(i, rate, interval, duration))
    await _bounded([customer(i, c) for i, c in enumerate(conversations)], duration + drain)
    await _close_all(conversations)
    return run


def _dues(i: int, rate: float, interval: float, duration: float):
    k = 0
    while (due := i / rate + k * interval) < duration:
        yield due
        k += 1


async def closed_loop(
    channel: Channel,
    concurrency: int,
    duration: float,
    messages: Sequence[str] = ROUTINE,
    per_conversation: int = 10,
    drain: float = TIMEOUT,
) -> Run:
    """`concurrency` clients, each writing its next message as soon as the answer came;
    every client starts a new conversation after `per_conversation` messages."""
    run = Run(f"{concurrency} clients", channel.name, duration, concurrency=concurrency)
    loop = asyncio.get_running_loop()
    start = loop.time()

    async def client(i: int) -> None:
        sent = 0
        conversation = None
        while loop.time() - start < duration:
            if sent % per_conversation == 0:
                if conversation is not None:
                    await conversation.close()
                conversation = await channel.conversation(_sender(f"sat{concurrency}"))
            due = loop.time() - start
            try:
                await conversation.say(messages[(i + sent) % len(messages)])
                run.samples.append(Sample(due, loop.time() - start - due))
            except BotError as e:
                run.samples.append(Sample(due, None, str(e)))
            sent += 1
        if conversation is not None:
            await conversation.close()

    await _bounded([client(i) for i in range(concurrency)], duration + drain)
    return run


async def long_conversation(channel: Channel, turns: int, messages: Sequence[str] = ROUTINE) -> Run:
    """One customer writing `turns` messages in a row; sample i is turn i + 1."""
    run = Run(f"{turns} turns", channel.name, 0.0, concurrency=1, planned=turns)
    conversation = await channel.conversation(_sender("long"))
    loop = asyncio.get_running_loop()
    start = loop.time()
    for turn in range(turns):
        sent = loop.time()
        try:
            await conversation.say(messages[turn % len(messages)])
            run.samples.append(Sample(float(turn + 1), loop.time() - sent))
        except BotError as e:
            run.samples.append(Sample(float(turn + 1), None, str(e)))
    run.duration = loop.time() - start
    await conversation.close()
    return run


async def long_conversations(channel: Channel, turns: int, count: int, messages: Sequence[str] = ROUTINE) -> Run:
    """`count` long conversations one after another, as one run: sample due i is turn i of one."""
    runs = [await long_conversation(channel, turns, messages) for _ in range(count)]
    return Run(f"{count} x {turns} turns", channel.name, sum(r.duration for r in runs), concurrency=1,
               planned=turns * count, samples=[s for r in runs for s in r.samples])


async def _bounded(coroutines: list, timeout: float) -> None:
    """Run coroutines together; cancel what is still running after `timeout` seconds."""
    tasks = [asyncio.create_task(c) for c in coroutines]
    _done, pending = await asyncio.wait(tasks, timeout=timeout)
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.gather(*pending, return_exceptions=True)


async def settle(busy: Callable[[], float], quiet: float = 0.15, most: float = 60.0) -> float:
    """Wait until the server is idle again (at most `most` seconds): `busy()` returns the
    server's CPU seconds so far; idle is under `quiet` of a core over one second.
    Returns the seconds waited."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    before = busy()
    while loop.time() - started < most:
        await asyncio.sleep(1.0)
        now = busy()
        if now - before < quiet:
            break
        before = now
    return loop.time() - started


def turn_window(run: Run, first: int, last: int) -> list[float]:
    """Latencies of turns first..last (1-based, inclusive) of a long conversation."""
    return [s.latency for s in run.samples if s.latency is not None and first <= s.due <= last]
