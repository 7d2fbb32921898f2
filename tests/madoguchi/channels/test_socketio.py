"""The web chat's sessions, with the channel's own handlers on a real socket.io server and
real clients: a socket reads and writes only the conversation of a session the server issued.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import pytest
import socketio
from aiohttp import web

from madoguchi.channels.socketio import MAX_TEXT, NOT_CONFIRMED, TOO_LONG, SocketIOChannel
from madoguchi.store import web_sessions

LINE_USER = "U4af4980629e2c1f1a8d9c0a3b9e6d7c5"


class Page:
    """A socket.io client as the chat page is one: what it receives, kept."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.client = socketio.AsyncClient(reconnection=False)
        self.said: list[Any] = []
        self.confirmations: asyncio.Queue = asyncio.Queue()
        self.client.on("bot_uttered", self.said.append)
        self.client.on("session_confirm", self.confirmations.put_nowait)

    async def connect(self) -> "Page":
        await self.client.connect(self.url, transports=["websocket"])
        return self

    async def request_session(self, *payload: Any) -> str:
        await self.client.emit("session_request", *payload)
        return await asyncio.wait_for(self.confirmations.get(), 5)

    async def told(self, text: str) -> None:
        async def arrived() -> None:
            while not any(isinstance(m, dict) and m.get("text") == text for m in self.said):
                await asyncio.sleep(0.01)

        await asyncio.wait_for(arrived(), 5)


class Chat:
    """The channel's handlers on a real socket.io server; what the bot is handed, kept."""

    def __init__(self, channel: SocketIOChannel, sio: socketio.AsyncServer, url: str) -> None:
        self.channel, self.sio, self.url = channel, sio, url
        self.messages: list[Any] = []
        self.pages: list[Page] = []

    async def page(self) -> Page:
        page = await Page(self.url).connect()
        self.pages.append(page)
        return page

    async def settled(self) -> None:
        await asyncio.sleep(0.2)  # for what should not arrive

    def handed(self) -> list[tuple[str, str]]:
        return [(m.sender_id, m.text) for m in self.messages]


@pytest.fixture
async def chat(aiohttp_server, db) -> Any:
    channel = SocketIOChannel.from_credentials({"session_persistence": True})
    channel.db = db
    sio = socketio.AsyncServer(async_mode="aiohttp")
    served = Chat(channel, sio, "")

    async def on_new_message(message) -> None:
        served.messages.append(message)
        await message.output_channel.send_text_message(message.sender_id, f"承りました: {message.text}")

    channel.handle(sio, on_new_message)
    app = web.Application()
    sio.attach(app)
    served.url = str((await aiohttp_server(app)).make_url("/"))
    yield served
    for page in served.pages:
        await page.client.disconnect()


async def test_a_new_page_gets_an_issued_session_and_writes_into_it(chat, db):
    page = await chat.page()
    session = await page.request_session({"session_id": None})
    assert web_sessions.is_issued(db, session)
    await page.client.emit("user_uttered", {"message": "カタログがほしい", "session_id": session})
    await page.told("承りました: カタログがほしい")
    assert chat.handed() == [(session, "カタログがほしい")]
    assert chat.messages[0].input_channel == "socketio"


async def test_a_reloaded_page_presenting_its_issued_id_keeps_it(chat, db):
    session = web_sessions.issue(db)
    page = await chat.page()
    assert await page.request_session({"session_id": session}) == session


# a well-formed id made up by a page (fixed, so that every pytest-xdist worker collects the same tests)
@pytest.mark.parametrize("presented", ["5f0c1e2d3b4a69788796a5b4c3d2e1f0", LINE_USER, "rest-customer-1", "", 7, ["x"]])
async def test_an_id_the_server_did_not_issue_gets_a_new_session_instead(chat, db, presented):
    page = await chat.page()
    session = await page.request_session({"session_id": presented})
    assert session != presented and web_sessions.is_issued(db, session)
    await page.client.emit("user_uttered", {"message": "こんにちは"})
    await page.told("承りました: こんにちは")
    assert chat.handed() == [(session, "こんにちは")]


async def test_a_socket_cannot_write_into_another_session(chat):
    """Refused, and the writer is told to reload (no silence; nothing of the other said)."""
    victim, intruder = await chat.page(), await chat.page()
    victims = await victim.request_session({})
    await intruder.request_session({})
    await intruder.client.emit("user_uttered", {"message": "カタログを送って", "session_id": victims})
    await intruder.told(NOT_CONFIRMED)
    await chat.settled()
    assert chat.handed() == []
    assert victim.said == [] and intruder.said == [{"text": NOT_CONFIRMED}]


@pytest.mark.parametrize("conversation", [LINE_USER, "rest-customer-1", "b5c1d0a2e3f4a5b6c7d8e9f0a1b2c3d4"])
async def test_a_socket_does_not_receive_the_replies_of_a_conversation_it_was_not_issued(chat, conversation):
    intruder = await chat.page()
    assert await intruder.request_session({"session_id": conversation}) != conversation
    # What the bot or an operator sends to that conversation on the socket.io channel:
    await chat.sio.emit("bot_uttered", {"text": "ご登録の住所は東京都千代田区です"}, room=conversation)
    await chat.settled()
    assert intruder.said == []


async def test_a_socket_without_a_session_cannot_write(chat):
    page = await chat.page()
    for payload in ({"message": "こんにちは"}, {"message": "こんにちは", "session_id": uuid.uuid4().hex}):
        await page.client.emit("user_uttered", payload)
    await page.told(NOT_CONFIRMED)
    await chat.settled()
    assert chat.handed() == []


def slow_issuing(monkeypatch) -> None:
    """A busy database: issuing a session takes 0.3 s."""
    issue = web_sessions.issue

    def slow_issue(db):
        time.sleep(0.3)
        return issue(db)

    monkeypatch.setattr(web_sessions, "issue", slow_issue)


async def test_a_message_sent_before_the_confirmation_goes_into_the_confirmed_session(chat, monkeypatch):
    slow_issuing(monkeypatch)
    page = await chat.page()
    await page.client.emit("session_request", {})
    await page.client.emit("user_uttered", {"message": "こんにちは"})
    session = await asyncio.wait_for(page.confirmations.get(), 5)
    await page.told("承りました: こんにちは")
    assert chat.handed() == [(session, "こんにちは")]


async def test_a_message_sent_while_another_session_is_confirmed_goes_into_the_new_one(chat, monkeypatch):
    page = await chat.page()
    first = await page.request_session({})
    slow_issuing(monkeypatch)
    await page.client.emit("session_request", {})  # a client starting another conversation
    await page.client.emit("user_uttered", {"message": "こんにちは"})
    second = await asyncio.wait_for(page.confirmations.get(), 5)
    await page.told("承りました: こんにちは")  # the socket has left the first session's room
    assert second != first
    assert chat.handed() == [(second, "こんにちは")]


async def test_a_socket_s_session_requests_are_answered_in_order_and_the_last_binds(chat, monkeypatch):
    """A slow request (a new session) and then a quick one (the current session again): the
    confirmations come in the order asked, and the socket writes into the last one."""
    page = await chat.page()
    current = await page.request_session({})
    slow_issuing(monkeypatch)
    await page.client.emit("session_request", {})
    await page.client.emit("session_request", {"session_id": current})
    first = await asyncio.wait_for(page.confirmations.get(), 5)
    last = await asyncio.wait_for(page.confirmations.get(), 5)
    assert first != current and last == current
    await page.client.emit("user_uttered", {"message": "こんにちは", "session_id": current})
    await page.told("承りました: こんにちは")
    assert chat.handed() == [(current, "こんにちは")]


async def test_the_database_is_read_once_per_session_not_per_message(chat, db, monkeypatch):
    reads: list[Any] = []
    is_issued = web_sessions.is_issued
    monkeypatch.setattr(web_sessions, "is_issued", lambda *a: reads.append(a) or is_issued(*a))
    session = web_sessions.issue(db)
    page = await chat.page()
    await page.request_session({"session_id": session})
    for i in range(5):
        await page.client.emit("user_uttered", {"message": f"質問 {i}", "session_id": session})
    await page.told("承りました: 質問 4")
    assert len(reads) == 1


async def test_a_session_is_forgotten_when_its_socket_disconnects(chat):
    page = await chat.page()
    await page.request_session({})
    assert len(chat.channel._sessions) == 1
    await page.client.disconnect()
    await asyncio.sleep(0.2)
    assert chat.channel._sessions == {}


@pytest.mark.parametrize(
    "payload",
    [
        None,  # no argument
        "こんにちは",
        [1, 2, 3],
        17,
        {},
        {"message": None},
        {"message": 12},
        {"message": ["こんにちは"]},
        {"message": {"text": "x"}},
        {"message": "   "},
        {"message": "こんにちは", "session_id": {"$ne": ""}},
        ({"message": "こんにちは"}, "an extra argument", 3),  # several arguments
    ],
)
async def test_malformed_messages_are_ignored_and_the_socket_carries_on(chat, payload):
    page = await chat.page()
    await page.request_session({})
    arguments = payload if isinstance(payload, tuple) else () if payload is None else (payload,)
    for event in ("user_uttered", "session_request"):  # the handlers themselves raise nothing
        await chat.sio.handlers["/"][event](page.client.get_sid(), *arguments)
    await asyncio.wait_for(page.confirmations.get(), 5)
    await page.client.emit("user_uttered", payload)
    await page.client.emit("session_request", payload)  # a fresh session at worst, never an error
    session = await asyncio.wait_for(page.confirmations.get(), 5)
    await page.client.emit("user_uttered", {"message": "続きです"})
    await page.told("承りました: 続きです")
    assert chat.handed()[-1] == (session, "続きです")
    # no error text: at most the polite word that a message naming another session was refused
    assert all(m.get("text", "").startswith("承りました") or m == {"text": NOT_CONFIRMED} for m in page.said)


async def test_an_overlong_message_is_answered_in_japanese(chat):
    page = await chat.page()
    await page.request_session({})
    await page.client.emit("user_uttered", {"message": "あ" * (MAX_TEXT + 1)})
    await page.told(TOO_LONG)
    assert chat.handed() == []


async def test_metadata_is_kept_only_when_it_is_a_small_object(chat):
    page = await chat.page()
    await page.request_session({})
    await page.client.emit("user_uttered", {"message": "一", "metadata": {"page": "top"}})
    await page.told("承りました: 一")
    await page.client.emit("user_uttered", {"message": "二", "metadata": {"pad": "x" * 5000}})
    await page.told("承りました: 二")
    await page.client.emit("user_uttered", {"message": "三", "metadata": "{not json"})
    await page.told("承りました: 三")
    assert [m.metadata for m in chat.messages] == [{"page": "top"}, {}, {}]
