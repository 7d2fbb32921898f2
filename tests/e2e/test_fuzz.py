"""Bad input against the running stack: REST, socket.io and the signed LINE webhook.

A seeded generator (`MADOGUCHI_FUZZ_SEED`, 2611 by default) makes about 2,200 inputs:
bodies that are not JSON, not an object, without a sender or with a message that is no
text, and text messages a customer (or an attacker) may send: control characters, NUL,
lone surrogates, zero-width characters, only emoji, only white space, 10,000 newlines,
mixed scripts, messages far over the NLU's limit and over what Sudachi accepts, Rasa
payloads and injection strings. Each text message goes to a conversation of its own (a
second message not understood hands off, and a handed-off bot rightly stays silent).

Counted and asserted: no 5xx answer; every text message answered in Japanese; bad
bodies refused with 400 (REST) or 400/ignored (LINE); and afterwards the bot still
takes a catalog request normally on each channel. One line sums it up.

LINE: the shared stack has no LINE channel secret, so this module starts its own action
server and Rasa server with one, their LINE API pointed at the local stand-in platform
of the channel's tests.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import re
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import aiohttp
import pytest
import socketio

from madoguchi.channels.line_events import signature_of
from madoguchi.model import model_path
from madoguchi.settings import ROOT
from madoguchi.stack import Stack, wait_ready
from madoguchi.store import orders, transcripts
from madoguchi.store.db import Database
from tests.e2e.conftest import NOW, TOKEN, keep_logs
from tests.madoguchi.channels.line_platform import LinePlatform

SEED = int(os.environ.get("MADOGUCHI_FUZZ_SEED", "2611"))
LINE_SECRET, LINE_TOKEN = "fuzz-channel-secret", "fuzz-access-token"
CATALOG_QUESTION = "お届け先のお名前"  # the catalog form's first question
CONCURRENCY = 8
JAPANESE = re.compile(r"[ぁ-んァ-ヶ一-龥]")
CONTENT_TYPES = ["application/json", "application/json", "text/plain", "application/x-www-form-urlencoded"]

# -- the generator ---------------------------------------------------------------------

PHRASES = ["カタログを送ってください", "注文した品がまだ届かない", "送料はいくらですか", "法事用ののしは？",
           "羊羹の日持ちは？", "こんにちは", "ありがとう", "はい", "いいえ", "A1234567", "090-1234-5678"]
SCRIPTS = [(0x41, 0x7A), (0x400, 0x44F), (0x5D0, 0x5EA), (0x627, 0x64A), (0x905, 0x939), (0xE01, 0xE2E),
           (0xAC00, 0xD7A3), (0x4E00, 0x9FFF), (0x3041, 0x3096), (0x30A1, 0x30FA), (0x1F300, 0x1F64F)]
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u180e"
SPACES = " \t\r\n\u3000\u00a0\u2028\u2029\u0085\u000b\u000c"
INJECTIONS = ["<script>alert(1)</script>", "'; DROP TABLE events; --", "{{7*7}}", "${jndi:ldap://x/a}", "%s%n%x",
              "{0}{1}", "\\u0000", "../../etc/passwd", "\x1b[2J\x1b[31m赤字", "<img src=x onerror=alert(1)>",
              '{"sender": "x"}', "null", "[]", "undefined", "NaN", "-1e999"]
# Rasa's own commands as text: `/back` undoes a turn and `/session_start` starts a new session,
# both without a word (see the module's report); they are left out.
COMMANDS = ["/restart", "/greet", "/affirm", "/deny", "/inform", "/nlu_fallback", "/out_of_scope", "/request_human",
            "/greet{invalid", '/inform{"order_id": 5}', "/greet@abc", "/", "//", "/unknown_intent", "/" + "a" * 3000]


def _char(rng: random.Random, low: int, high: int) -> str:
    return chr(rng.randint(low, high))


def odd_text(rng: random.Random) -> tuple[str, str]:
    """(kind, text): one odd text message."""
    phrase = rng.choice(PHRASES)
    kind = rng.choice([
        "control", "nul", "surrogate", "zero-width", "emoji", "whitespace", "newlines", "mixed", "long",
        "huge", "unicode", "command", "injection", "combining", "bidi", "noisy",
    ])
    if kind == "control":
        text = "".join(rng.choice([_char(rng, 0, 0x1F), "\x7f", _char(rng, 0x80, 0x9F), phrase]) for _ in range(8))
    elif kind == "nul":
        text = rng.choice(["\x00" * rng.randint(1, 50), phrase.replace(phrase[1], "\x00", 1), phrase + "\x00"])
    elif kind == "surrogate":
        cut = rng.randint(0, len(phrase))
        text = phrase[:cut] + _char(rng, 0xD800, 0xDFFF) + phrase[cut:]
    elif kind == "zero-width":
        text = rng.choice(["".join(rng.choices(ZERO_WIDTH, k=rng.randint(1, 20))), ZERO_WIDTH[0].join(phrase)])
    elif kind == "emoji":
        text = "".join(_char(rng, 0x1F300, 0x1FAFF) + rng.choice(["", "\u200d", "\ufe0f"]) for _ in range(rng.randint(1, 30)))
    elif kind == "whitespace":
        text = "".join(rng.choices(SPACES, k=rng.randint(1, 200)))
    elif kind == "newlines":
        text = "\n" * 10_000
    elif kind == "mixed":
        text = " ".join("".join(_char(rng, *rng.choice(SCRIPTS)) for _ in range(rng.randint(1, 8))) for _ in range(6))
    elif kind == "long":  # over the NLU's limit (1,000 characters)
        text = phrase + "。" + "".join(rng.choices("あいうえおカタログxyz 　", k=rng.randint(1_000, 5_000)))
    elif kind == "huge":  # over what Sudachi accepts (49,149 bytes)
        text = phrase + rng.choice(["x", "あ", "😀", "0"]) * rng.randint(17_000, 70_000)
    elif kind == "unicode":  # any code point: private use, noncharacters, surrogates, unassigned
        text = "".join(_char(rng, 0, 0x10FFFF) for _ in range(rng.randint(1, 40)))
    elif kind == "command":
        text = rng.choice(COMMANDS)
    elif kind == "injection":
        text = rng.choice(INJECTIONS) + rng.choice(["", phrase])
    elif kind == "combining":
        text = phrase[0] + "".join(_char(rng, 0x300, 0x36F) for _ in range(rng.randint(10, 3_000)))
    elif kind == "bidi":
        text = rng.choice("\u202e\u202d\u2066\u2067\u2068\u200f") + phrase + "\u202c"
    else:  # noisy: a real request with odd characters sprinkled in
        text = "".join(c + (rng.choice(ZERO_WIDTH + "\x00\x07😀\u0301") if rng.random() < 0.3 else "") for c in phrase)
    return kind, text


def odd_sender(rng: random.Random, n: int) -> str:
    """A sender id that is valid but unusual (unicode, spaces, the longest allowed)."""
    base = f"fuzz-{SEED}-{n}"
    return rng.choice([base, f"{base} 山田 😀", f"{base}/../x", (base + "z" * 255)[:255], f"{base}\u200b"])


def bad_rest_body(rng: random.Random) -> tuple[str, bytes]:
    """(kind, raw body): a body the REST channel must refuse with 400."""
    sender, message = f"fuzz-{rng.random()}", rng.choice(PHRASES)
    kind = rng.choice(["not-json", "not-object", "no-sender", "bad-sender", "bad-message", "bad-metadata"])
    if kind == "not-json":
        raw = rng.choice([b"", b"garbage", b"{", b'{"sender": "a", "message": "x"', b"\xff\xfe\x00", b"[" * 50_000,
                          bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 200))), b"{'sender': 'a'}"])
        return kind, raw
    if kind == "not-object":
        payload: Any = rng.choice([None, [], [{"sender": sender, "message": message}], "text", 42, 3.5, True, False])
    elif kind == "no-sender":
        payload = rng.choice([{"message": message}, {"user": sender, "message": message}, {}])
    elif kind == "bad-sender":
        bad = rng.choice([None, "", "   ", "\u3000", 0, 42, [sender], {"id": sender}, True, "a\x00b", "\x07",
                          "s" * 256, "\ud800"])
        payload = {"sender": bad, "message": message}
    elif kind == "bad-message":
        bad = rng.choice([None, 42, 0, 1.5, True, [message], {"text": message}])
        payload = {"sender": sender, "message": bad} if rng.random() < 0.85 else {"sender": sender}
    else:
        payload = {"sender": sender, "message": message, "metadata": rng.choice(["x", 5, [1], True])}
    return kind, json.dumps(payload).encode("utf-8")


# -- counting --------------------------------------------------------------------------


@dataclass
class Tally:
    """What one channel's fuzzing gave."""

    inputs: int = 0
    server_errors: list[str] = field(default_factory=list)  # 5xx, with what caused it
    texts: int = 0  # text messages sent
    silent: list[str] = field(default_factory=list)  # text messages with no answer
    refused: int = 0  # bad bodies answered 4xx
    unexpected: list[str] = field(default_factory=list)  # anything else that should not happen
    kinds: Counter = field(default_factory=Counter)
    slow: int = 0  # webhook answers that took over 2 seconds (LINE's own wait is short)

    def line(self, name: str) -> str:
        return (f"{name} {self.inputs} inputs ({self.texts} texts, {self.refused} refused): "
                f"{len(self.server_errors)} 5xx, {len(self.silent)} unanswered, {self.slow} answered after 2 s")


def japanese(text: Any) -> bool:
    """Text in Japanese (kana or kanji): what every answer of the shop is written in."""
    return isinstance(text, str) and bool(JAPANESE.search(text))


def said(answers: Any) -> bool:
    """Bot messages (REST, socket.io) of which one at least says something in Japanese."""
    return isinstance(answers, list) and any(isinstance(a, dict) and japanese(a.get("text")) for a in answers)


async def post(
    session: aiohttp.ClientSession, url: str, raw: bytes, headers: dict[str, str], tally: Tally, kind: str
) -> tuple[int, bytes] | None:
    """(status, body) of a POST; None, counted as a server error, for a 5xx or a dropped request."""
    try:
        async with session.post(url, data=raw, headers=headers) as answer:
            status, body = answer.status, await answer.read()
    except aiohttp.ClientError as error:
        tally.server_errors.append(f"{kind}: {raw[:80]!r} -> {type(error).__name__}")
        return None
    if status >= 500:
        tally.server_errors.append(f"{kind}: {raw[:80]!r} -> {status} {body[:120]!r}")
        return None
    return status, body


async def bounded(jobs: list[Callable[[], Any]], limit: int = CONCURRENCY) -> None:
    """Run the jobs, at most `limit` at a time."""
    gate = asyncio.Semaphore(limit)

    async def run(job: Callable[[], Any]) -> None:
        async with gate:
            await job()

    await asyncio.gather(*(run(job) for job in jobs))


# -- LINE ------------------------------------------------------------------------------


class PlatformThread:
    """The stand-in LINE platform, served from a thread of its own."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.platform = LinePlatform(LINE_TOKEN)

    def __enter__(self) -> LinePlatform:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.platform.start(), self.loop).result(30)
        return self.platform

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.platform.stop(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


@pytest.fixture(scope="module")
def line_rasa(request, tmp_path_factory) -> Iterator[tuple[str, LinePlatform]]:
    """An action server and a Rasa server with the LINE channel, against the stand-in platform.
    Started while the shared stack starts (if it is not running yet: the LINE test comes first)."""
    model = model_path()
    if not model.exists():
        pytest.skip(f"no trained model ({model.name}): `make test` trains it first")
    tmp = tmp_path_factory.mktemp("line-fuzz")
    db_url = f"sqlite:///{tmp / 'shop.db'}"
    orders.import_csv(Database(db_url), ROOT / "shop" / "demo_orders.csv")
    with PlatformThread() as platform:
        env = {"RASA_API_TOKEN": TOKEN, "MADOGUCHI_DATABASE_URL": db_url, "MADOGUCHI_NOW": NOW,
               "LINE_CHANNEL_SECRET": LINE_SECRET, "LINE_CHANNEL_ACCESS_TOKEN": LINE_TOKEN,
               "LINE_API_BASE": platform.base_url}
        started = Stack.on_free_ports(model, tmp, env, stop_timeout=5)
        started.services = [s for s in started.services if s.name != "web"]
        started.log_dir.mkdir(parents=True, exist_ok=True)
        for service in started.services:
            service.start(started.env, started.log_dir)
        try:
            request.getfixturevalue("stack")  # the shared stack starts meanwhile
            failed = wait_ready(started.services, started.timeout)
            if failed is not None:
                raise RuntimeError(f"{failed.name} did not start; see {started.log_dir}")
            yield f"http://127.0.0.1:{started.ports.rasa}/webhooks/line/webhook", platform
        finally:
            started.stop()
            keep_logs(started.log_dir, "line-fuzz")


def line_event(user: str, message: dict[str, Any], n: int) -> dict[str, Any]:
    return {"type": "message", "mode": "active", "timestamp": int(time.time() * 1000),
            "source": {"type": "user", "userId": user}, "webhookEventId": f"01FUZZ{SEED}{n:012d}",
            "deliveryContext": {"isRedelivery": False}, "replyToken": f"fuzz-{SEED}-{n}", "message": message}


def bad_line_body(rng: random.Random, n: int) -> tuple[str, bytes, bool]:
    """(kind, body, signed): a webhook request to refuse (400) or ignore (200)."""
    user = f"U{uuid.UUID(int=rng.getrandbits(128)).hex}"
    kind = rng.choice(["unsigned", "forged", "not-json", "not-payload", "odd-events", "odd-fields"])
    if kind in ("unsigned", "forged"):
        body = {"events": [line_event(user, {"type": "text", "id": "1", "text": "こんにちは"}, n)]}
        return kind, json.dumps(body).encode(), False
    if kind == "not-json":
        return kind, rng.choice([b"", b"garbage", b"{", b"\xff\xfe", b"[" * 50_000]), True
    if kind == "not-payload":
        return kind, json.dumps(rng.choice([None, [], 5, "x", {}, {"events": "x"}, {"events": {}}])).encode(), True
    if kind == "odd-events":
        events = rng.choice([[None, 1, "x", []], [{}], [{"type": "message"}], [{"source": "U1", "message": "x"}]])
        return kind, json.dumps({"events": events}).encode(), True
    event = line_event(user, {"type": "text", "id": "1", "text": "こんにちは"}, n)
    field_name = rng.choice(["source", "message", "deliveryContext", "postback", "type", "replyToken", "timestamp"])
    event[field_name] = rng.choice([None, 5, "x", [], {"type": {"a": 1}}, {"userId": 5, "type": "user"}])
    return kind, json.dumps({"events": [event]}).encode(), True


# How long a webhook call may take before the test fails (its answer is counted over 2 s: `Tally.slow`).
ACK_LIMIT = 30.0


def test_line_fuzz_never_fails_and_always_answers(line_rasa, fuzz_report):
    url, platform = line_rasa
    rng = random.Random(SEED + 2)
    tally = Tally()
    expected: dict[str, str] = {}  # reply token -> what was sent, for events that must be answered
    sender: dict[str, str] = {}  # reply token -> the user who sent it (each user sends once)
    plan: list[tuple[str, bytes, bool]] = [bad_line_body(rng, n) for n in range(200)]
    for n in range(200, 400):
        user = f"U{uuid.UUID(int=rng.getrandbits(128)).hex}"
        choice = rng.random()
        if choice < 0.8:
            kind, text = odd_text(rng)
            message: dict[str, Any] = {"type": "text", "id": str(n), "text": text}
        elif choice < 0.9:
            kind, message = "not-text", {"type": "text", "id": str(n), "text": rng.choice([5, None, {"a": 1}, ["x"]])}
        else:
            kind, message = "other-type", {"type": rng.choice(["sticker", "image", "hologram", ""]), "id": str(n)}
        event = line_event(user, message, n)
        expected[event["replyToken"]] = f"{kind}: {str(message.get('text'))[:60]!r}"
        sender[event["replyToken"]] = user
        plan.append((kind, json.dumps({"destination": "Ubot", "events": [event]}).encode(), True))
    rng.shuffle(plan)

    async def send_all() -> None:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:

            def job(kind: str, raw: bytes, signed: bool) -> Callable[[], Any]:
                async def send() -> None:
                    tally.inputs += 1
                    tally.kinds[kind] += 1
                    signature = signature_of(LINE_SECRET if kind != "forged" else "not-the-secret", raw)
                    headers = {"Content-Type": "application/json"}
                    if signed or kind == "forged":
                        headers["X-Line-Signature"] = signature
                    started = time.monotonic()
                    answer = await post(session, url, raw, headers, tally, kind)
                    if answer is None:
                        return
                    status, _ = answer
                    what = f"{kind}: {raw[:80]!r} -> {status}"
                    if status == 400:
                        tally.refused += 1
                    elif status != 200 or (kind in ("unsigned", "forged")):
                        tally.unexpected.append(what)
                    took = time.monotonic() - started
                    # Over 2 s the real platform may give up and redeliver (handled once: test_line.py); a
                    # busy machine (two test processes, NLU on both cores) gets there, so that is counted.
                    # Over ACK_LIMIT the customer would wait visibly: a failure.
                    tally.slow += took > 2
                    if took > ACK_LIMIT:
                        tally.unexpected.append(f"{what} took {took:.1f} s")

                return send

            await bounded([job(*step) for step in plan])

    asyncio.run(send_all())
    tally.texts = len(expected)
    deadline = time.monotonic() + 120
    answered: set[str] = set()
    while time.monotonic() < deadline:
        # Answered by the reply, or pushed to the customer once the token went stale (a busy machine)
        answered = {c.body.get("replyToken") for c in platform.delivered("reply") if any(japanese(t) for t in c.texts)}
        pushed_to = {c.body.get("to") for c in platform.delivered("push") if any(japanese(t) for t in c.texts)}
        answered |= {token for token, user in sender.items() if user in pushed_to}
        if expected.keys() <= answered:
            break
        time.sleep(0.5)
    tally.silent = [what for token, what in expected.items() if token not in answered]
    fuzz_report["line"] = tally
    assert tally.server_errors == []
    assert tally.silent == []
    assert tally.unexpected == []
    assert tally.inputs >= 400

    # Afterwards, a customer's catalog request is taken as always.
    after = line_event("U" + "f" * 32, {"type": "text", "id": "after", "text": "カタログを送ってください"}, 999_999)
    raw = json.dumps({"events": [after]}).encode()
    asyncio.run(_post_signed(url, raw))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not any(c.body.get("replyToken") == after["replyToken"] for c in platform.delivered("reply")):
        time.sleep(0.2)
    [reply] = [c for c in platform.delivered("reply") if c.body.get("replyToken") == after["replyToken"]]
    assert CATALOG_QUESTION in "".join(reply.texts)


async def _post_signed(url: str, raw: bytes) -> None:
    headers = {"Content-Type": "application/json", "X-Line-Signature": signature_of(LINE_SECRET, raw)}
    async with aiohttp.ClientSession() as session:
        async with session.post(url, data=raw, headers=headers) as answer:
            assert answer.status == 200


# -- REST ------------------------------------------------------------------------------


def japanese_message(body: bytes) -> bool:
    """A JSON answer whose `message` is in Japanese."""
    try:
        message = json.loads(body).get("message")
    except (ValueError, AttributeError):
        return False
    return japanese(message)


def answers_of(body: bytes, streamed: bool) -> list[Any]:
    """The bot's messages in a REST answer: a JSON list, or one JSON message a line when streamed."""
    try:
        text = body.decode("utf-8")
        return [json.loads(line) for line in text.splitlines() if line.strip()] if streamed else json.loads(text)
    except ValueError:
        return []


async def fuzz_rest(url: str, rng: random.Random, bad: int, texts: int) -> Tally:
    tally = Tally()
    plan: list[tuple[str, bytes, bool, str, str]] = []  # kind, body, is a text message, query, content type
    for _ in range(bad):
        kind, raw = bad_rest_body(rng)
        plan.append((kind, raw, False, "", rng.choice(CONTENT_TYPES)))
    for n in range(texts):
        kind, text = odd_text(rng)
        body = json.dumps({"sender": odd_sender(rng, n), "message": text}).encode("utf-8")
        plan.append((kind, body, True, "?stream=true" if rng.random() < 0.05 else "", rng.choice(CONTENT_TYPES)))
    rng.shuffle(plan)  # the plan is drawn before anything runs: the same seed, the same inputs

    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:

        def job(kind: str, raw: bytes, is_text: bool, query: str, content_type: str) -> Callable[[], Any]:
            async def send() -> None:
                tally.inputs += 1
                tally.kinds[kind] += 1
                tally.texts += is_text
                answer = await post(session, url + query, raw, {"Content-Type": content_type}, tally, kind)
                if answer is None:
                    return
                status, body = answer
                what = f"{kind}: {raw[:80]!r} -> {status} {body[:120]!r}"
                if not is_text:
                    tally.refused += status == 400
                    if status != 400 or not japanese_message(body):
                        tally.unexpected.append(what)
                elif status != 200:
                    tally.unexpected.append(what)
                elif not said(answers_of(body, streamed=bool(query))):
                    tally.silent.append(what)

            return send

        await bounded([job(*step) for step in plan])
    return tally


def test_rest_fuzz_never_fails_and_always_answers(stack, fuzz_report):
    rng = random.Random(SEED)
    # Sized for `make test` on two cores (about a minute); MADOGUCHI_FUZZ_SEED varies the inputs.
    tally = asyncio.run(fuzz_rest(f"{stack.rasa}/webhooks/rest/webhook", rng, bad=600, texts=200))
    fuzz_report["rest"] = tally
    assert tally.server_errors == []
    assert tally.silent == []
    assert tally.unexpected == []
    assert tally.inputs >= 800
    assert CATALOG_QUESTION in "".join(a.get("text") or "" for a in stack.say(f"fuzz-after-{SEED}", "カタログを送ってください"))


def test_a_message_over_the_limits_is_answered_and_kept_whole(stack):
    """Over the NLU's 1,000 characters and Sudachi's 49,149 bytes: answered, and the tracker and
    the operator's transcript hold every character (a lone surrogate, which no database stores,
    as U+FFFD)."""
    for n, text in enumerate(["カタログを送ってください。" + "あいうえお" * 12_000, "カタログ\ud800を送って" + "x" * 60_000]):
        sender = f"fuzz-whole-{SEED}-{n}"
        assert said(stack.say(sender, text))
        stored = text.replace("\ud800", "\ufffd")
        assert [e["text"] for e in stack.tracker(sender)["events"] if e["event"] == "user"] == [stored]
        assert [m.text for m in transcripts.for_sender(stack.db, sender) if m.role == "customer"] == [stored]


# -- socket.io -------------------------------------------------------------------------


class SocketCustomer:
    """A socket.io client that asks for a new session for each message it sends."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.client = socketio.AsyncClient(reconnection=False)
        self.received: list[dict[str, Any]] = []
        self.session: asyncio.Future | None = None
        self.client.on("bot_uttered", self._bot)
        self.client.on("session_confirm", self._confirm)

    async def _bot(self, data: Any) -> None:
        self.received.append(data if isinstance(data, dict) else {"text": str(data)})

    async def _confirm(self, data: Any) -> None:
        if self.session is not None and not self.session.done():
            self.session.set_result(data)

    async def connect(self) -> None:
        await self.client.connect(self.url, transports=["websocket"], wait_timeout=20)

    async def new_session(self, data: Any = None) -> str | None:
        """Ask for a session (`data` as sent); the session confirmed, None when none was."""
        self.session = asyncio.get_running_loop().create_future()
        before = len(self.received)
        await self.client.emit("session_request", {} if data is None else data)
        deadline = time.monotonic() + 20
        while not self.session.done() and len(self.received) == before and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        return self.session.result() if self.session.done() else None

    async def say(self, text: str, extra: dict[str, Any] | None = None, timeout: float = 30) -> list[dict[str, Any]]:
        """A message in a new session; what the bot said (waits for a first answer, then for quiet)."""
        session_id = await self.new_session()
        before = len(self.received)
        await self.client.emit("user_uttered", {"message": text, "session_id": session_id, **(extra or {})})
        deadline = time.monotonic() + timeout
        while len(self.received) == before and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        seen = -1
        while seen != len(self.received):  # the turn's further messages
            seen = len(self.received)
            await asyncio.sleep(0.15)
        return self.received[before:]


BAD_EMITS: list[tuple[str, Any]] = [
    ("user_uttered", None), ("user_uttered", 5), ("user_uttered", "カタログ"), ("user_uttered", [1, 2]),
    ("user_uttered", {}), ("user_uttered", {"message": None}), ("user_uttered", {"message": 5}),
    ("user_uttered", {"message": ["x"]}), ("user_uttered", {"message": {"text": "x"}}),
    ("user_uttered", {"message": "こんにちは", "session_id": "someone-elses"}),
    ("user_uttered", {"message": "こんにちは", "session_id": 5}), ("no_such_event", {"message": "x"}),
    ("bot_uttered", {"text": "偽"}), ("session_request", None), ("session_request", 5), ("session_request", "x"),
    ("session_request", {"session_id": 5}), ("session_request", {"session_id": ["a"]}),
    ("session_request", {"session_id": "\x00"}), ("session_request", {"session_id": "s" * 10_000}),
]
ODD_METADATA = [None, {"customData": "x" * 5000}, {"customData": {"deep": [[[[[]]]]]}}, {"customData": [1, "x"]},
                {"metadata": {"a": "\x00"}}]
MAX_PACKET_TEXT = 60_000  # bytes of JSON under python-engineio's limit (the channel closes a socket sending more)


async def fuzz_socketio(url: str, rng: random.Random, bad: int, texts: int, raw_frames: int) -> Tally:
    tally = Tally()
    sockets = [SocketCustomer(url) for _ in range(CONCURRENCY)]
    for customer in sockets:
        await customer.connect()
    work: list[tuple[str, Any]] = [("bad", rng.choice(BAD_EMITS)) for _ in range(bad)]
    work += [("text", (*odd_text(rng), rng.choice(ODD_METADATA))) for _ in range(texts)]
    rng.shuffle(work)  # drawn before anything runs: the same seed, the same inputs
    queues = [work[i :: len(sockets)] for i in range(len(sockets))]

    async def run(customer: SocketCustomer, steps: list[tuple[str, Any]]) -> None:
        for step, item in steps:
            if step == "bad":
                event, data = item
                tally.inputs += 1
                tally.kinds[f"bad-{event}"] += 1
                if event == "session_request":  # answered by a session, or a word why not
                    before = len(customer.received)
                    if await customer.new_session(data) is None and len(customer.received) == before:
                        tally.unexpected.append(f"session_request {str(data)[:40]}: neither confirmed nor told")
                else:
                    await customer.client.emit(event, data)
                continue
            kind, text, metadata = item
            while len(json.dumps(text)) > MAX_PACKET_TEXT:
                text = text[: len(text) // 2]
            tally.inputs += 1
            tally.texts += 1
            tally.kinds[kind] += 1
            if not customer.client.connected:
                tally.unexpected.append(f"socket gone before {kind}: {text[:40]!r}")
                continue
            answers = await customer.say(text, metadata, timeout=60)
            if not said(answers):
                tally.silent.append(f"{kind}: {text[:60]!r}")

    await asyncio.gather(*(run(c, q) for c, q in zip(sockets, queues)))
    tally.unexpected += [f"socket {i} disconnected" for i, c in enumerate(sockets) if not c.client.connected]
    for customer in sockets:
        await customer.client.disconnect()
    for size in (70_000, 200_000, 1_000_000):  # over the packet limit: the socket is closed, nothing else
        tally.inputs += 1
        tally.kinds["oversize-packet"] += 1
        customer = SocketCustomer(url)
        await customer.connect()
        await customer.new_session()
        await customer.client.emit("user_uttered", {"message": "あ" * size})
        deadline = time.monotonic() + 10
        while customer.client.connected and not customer.received and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        if customer.client.connected and not customer.received:
            tally.unexpected.append(f"a packet of {size} characters neither refused nor answered")
        tally.refused += not customer.client.connected
        await customer.client.disconnect()
    await fuzz_engineio(url, rng, raw_frames, tally)
    return tally


async def fuzz_engineio(url: str, rng: random.Random, count: int, tally: Tally) -> None:
    """Raw engine.io: bad handshakes and polling requests, and garbage websocket frames."""
    frames = ["42garbage", "42[", '42["user_uttered"', '42["user_uttered",{"message":5}]', "4", "9", "", "2probe",
              '42["session_request",' + "[" * 5_000, "40/nope,", "1", "6", "42" + json.dumps(["user_uttered", {"message": "\x00"}]),
              "\ud800".encode("utf-8", "surrogatepass").decode("latin-1")]
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
        for n in range(count):
            tally.inputs += 1
            choice = rng.random()
            if choice < 0.5:
                query = rng.choice(["EIO=4&transport=polling", "EIO=9&transport=polling", "EIO=4&transport=carrier-pigeon",
                                    "EIO=4&transport=polling&sid=bogus", "", "EIO=3&transport=polling&b64=1",
                                    "EIO=4&transport=polling&t=" + "x" * 3000, "EIO=4&transport=websocket"])
                method = rng.choice(["GET", "POST", "PUT", "DELETE"])
                data = bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 300))) if method != "GET" else None
                async with session.request(method, f"{url}/socket.io/?{query}", data=data) as answer:
                    await answer.read()
                    tally.kinds["engineio-http"] += 1
                    what = f"{method} ?{query[:60]} -> {answer.status}"
                    if answer.status >= 500:
                        tally.server_errors.append(what)
            else:
                tally.kinds["engineio-frame"] += 1
                ws_url = url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
                async with session.ws_connect(ws_url) as ws:
                    await ws.receive(timeout=10)  # the open packet
                    try:
                        if rng.random() < 0.7:
                            await ws.send_str("40")
                        for _ in range(rng.randint(1, 4)):
                            if rng.random() < 0.2:
                                await ws.send_bytes(bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 100))))
                            else:
                                await ws.send_str(rng.choice(frames))
                    except ConnectionResetError:
                        # The server may close a socket after a garbled frame before the next is sent:
                        # that is its answer to garbage (the server must stay up, checked after).
                        tally.kinds["engineio-closed"] += 1
                    await ws.close()


def test_socketio_fuzz_never_fails_and_always_answers(stack, fuzz_report):
    rng = random.Random(SEED + 1)

    async def scenario() -> tuple[Tally, list[dict[str, Any]]]:
        tally = await fuzz_socketio(stack.rasa, rng, bad=150, texts=160, raw_frames=100)
        after = SocketCustomer(stack.rasa)
        await after.connect()
        try:
            answers = await after.say("カタログを送ってください")
        finally:
            await after.client.disconnect()
        return tally, answers

    tally, answers = asyncio.run(scenario())
    fuzz_report["socket.io"] = tally
    assert tally.server_errors == []
    assert tally.silent == []
    assert tally.unexpected == []
    assert tally.inputs >= 400
    assert CATALOG_QUESTION in "".join(a.get("text") or "" for a in answers)


def test_socketio_blank_message_gets_an_answer(stack):
    """White space only gets a polite answer on socket.io too, as on REST and LINE."""
    async def scenario() -> list[dict[str, Any]]:
        customer = SocketCustomer(stack.rasa)
        await customer.connect()
        try:
            return await customer.say(" \u3000\n", timeout=5)
        finally:
            await customer.client.disconnect()

    assert said(asyncio.run(scenario()))


def test_socketio_lone_surrogate_keeps_the_transcript(stack):
    """A message with a lone surrogate keeps its lines in the operator's transcript, stored as
    U+FFFD (as on REST and LINE)."""
    async def scenario() -> str:
        customer = SocketCustomer(stack.rasa)
        await customer.connect()
        try:
            assert await customer.say("カタログ\ud800を送ってください")
            return customer.session.result()
        finally:
            await customer.client.disconnect()

    session_id = asyncio.run(scenario())
    lines = [(m.role, m.text) for m in transcripts.for_sender(stack.db, session_id)]
    assert ("customer", "カタログ\ufffdを送ってください") in lines


def test_engineio_post_without_sid_is_a_400_not_a_500(stack):
    """A polling POST without a sid is a 400 (python-engineio 4.7.1 alone answers 500)."""
    request = urllib.request.Request(f"{stack.rasa}/socket.io/?EIO=4&transport=polling", data=b"40", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10).read()
    assert refused.value.code == 400


# -- the summary -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_report(request) -> Iterator[dict[str, Tally]]:
    """Collects each channel's tally and writes one line at the end of the module."""
    report: dict[str, Tally] = {}
    yield report
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if report and capture is not None:
        total = sum(t.inputs for t in report.values())
        errors = sum(len(t.server_errors) for t in report.values())
        silent = sum(len(t.silent) for t in report.values())
        parts = "; ".join(t.line(name) for name, t in report.items())
        with capture.global_and_fixture_disabled():
            print(f"\nfuzz (seed {SEED}): {total} inputs, {errors} 5xx, {silent} unanswered texts — {parts}")
