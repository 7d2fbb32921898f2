"""The web chat's channel: Rasa's socket.io with server-issued sessions, by a real client."""

from __future__ import annotations

import asyncio
import json
import urllib.request

import socketio

from madoguchi.handoff.transcript import operator_custom
from tests.e2e.conftest import TOKEN


class Customer:
    """A socket.io customer that keeps every bot message it receives.

    It presents `session_id` (a page reloaded) or none (a new page) and takes the session
    the server confirms, as the chat page does.
    """

    def __init__(self, url: str, session_id: str | None = None) -> None:
        self.url, self.session_id = url, session_id
        self.client = socketio.AsyncClient(reconnection=False)
        self.received: list[dict] = []
        self.confirmed = asyncio.Event()
        self.client.on("bot_uttered", self._bot)
        self.client.on("session_confirm", self._confirm)

    async def _bot(self, data):
        self.received.append(data)

    async def _confirm(self, data):
        self.session_id = data
        self.confirmed.set()

    async def __aenter__(self) -> "Customer":
        await self.client.connect(self.url, transports=["websocket"])
        await self.client.emit("session_request", {"session_id": self.session_id})
        await asyncio.wait_for(self.confirmed.wait(), 10)
        return self

    async def __aexit__(self, *exc) -> None:
        await self.client.disconnect()

    async def say(self, text: str) -> None:
        await self.client.emit("user_uttered", {"message": text, "session_id": self.session_id})

    async def wait_for(self, predicate, timeout: float = 30) -> dict:
        async def poll():
            while True:
                for m in self.received:
                    if predicate(m):
                        return m
                await asyncio.sleep(0.05)

        return await asyncio.wait_for(poll(), timeout)


def append_events(stack, sender: str, events: list[dict]) -> None:
    url = (f"{stack.rasa}/conversations/{sender}/tracker/events"
           f"?token={TOKEN}&output_channel=socketio&execute_side_effects=true")
    request = urllib.request.Request(url, data=json.dumps(events).encode(), headers={"Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=30).read()


async def test_the_bot_answers_with_buttons(stack):
    async with Customer(stack.rasa) as customer:
        await customer.say("こんにちは")
        greeting = await customer.wait_for(lambda m: "ご用件" in (m.get("text") or ""))
        assert [q["title"] for q in greeting["quick_replies"]][:2] == ["カタログがほしい", "注文の配送状況"]


async def test_a_reconnected_page_keeps_the_conversation_and_gets_operator_messages(stack):
    async with Customer(stack.rasa) as first:
        session = first.session_id
        await first.say("オペレーターと話したい")
        await first.wait_for(lambda m: "担当者" in (m.get("text") or ""))
    tracker = stack.tracker(session)
    assert tracker["paused"] and tracker["slots"]["handoff_reason"] == "customer_request"

    async with Customer(stack.rasa, session) as reloaded:  # same session id: a page reload
        assert reloaded.session_id == session
        await reloaded.say("まだですか？")
        await asyncio.sleep(1.0)
        assert reloaded.received == []  # handed off: the bot says nothing
        append_events(stack, session, [{"event": "bot", "text": None, "timestamp": 1.7e9,
                                        "data": {"custom": operator_custom("お待たせしました。担当の山田です。", "山田")}}])
        message = await reloaded.wait_for(lambda m: m.get("madoguchi") == "operator")
        assert message["text"] == "お待たせしました。担当の山田です。" and message["operator"] == "山田"
