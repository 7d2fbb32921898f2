"""Web chat sessions on the whole stack: a conversation is read and written only by the page
the server issued its id to.

An intruder's socket.io client and plain HTTP requests try a REST sender's conversation, a
LINE-like `userId`'s and another web chat's, with the ids the intruder knows or makes up:
they get a fresh session of their own, an empty history, none of the replies, and their
messages never reach the other conversation.
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.error
import urllib.request
import uuid

import pytest

from madoguchi.handoff.transcript import operator_custom
from madoguchi.store import transcripts, web_sessions
from tests.e2e.conftest import TOKEN, post_json
from tests.e2e.test_socketio import Customer, append_events

PERSONAL = "山田花子です"


def history(stack, session_id: str | None, query: str = "") -> dict:
    """The chat page's history call, with the session id in its header (or none)."""
    headers = {"X-Chat-Session": session_id} if session_id is not None else {}
    request = urllib.request.Request(f"{stack.web}/chat/history{query}", headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def user_texts(stack, sender: str) -> list[str]:
    return [e.get("text") for e in stack.tracker(sender)["events"] if e["event"] == "user"]


def wait_for_transcript(stack, sender: str, text: str) -> None:
    deadline = time.monotonic() + 10
    while not any(m.text == text for m in transcripts.for_sender(stack.db, sender)):
        assert time.monotonic() < deadline, f"{text!r} never reached the transcript"
        time.sleep(0.1)


async def intrude(stack, target: str) -> Customer:
    """A socket.io client that presents `target` as its session and writes into it."""
    intruder = Customer(stack.rasa, target)
    await intruder.__aenter__()
    await intruder.client.emit("user_uttered", {"message": "はい、お願いします", "session_id": target})
    await intruder.client.emit("user_uttered", {"message": "送料はいくらですか"})
    return intruder


def write_as_owner(stack, target: str, text: str) -> None:
    """The conversation's own customer writes: over REST for a REST sender; a LINE user's or a
    web chat's conversation is refused there, so through Rasa's API (as its channel would)."""
    if target.startswith("rest-"):
        stack.say(target, text)
        return
    with pytest.raises(urllib.error.HTTPError) as refused:
        stack.say(target, text)
    assert refused.value.code == 400
    post_json(f"{stack.rasa}/conversations/{target}/messages?token={TOKEN}", {"text": text, "sender": "user"})


@pytest.mark.parametrize(
    "target",
    [f"rest-{uuid.uuid4().hex[:12]}", "U" + uuid.uuid4().hex, uuid.uuid4().hex],
    ids=["rest-sender", "line-like-userId", "made-up-web-id"],
)
async def test_a_conversation_not_issued_to_the_web_chat_cannot_be_read_or_written_from_it(stack, target):
    await asyncio.to_thread(write_as_owner, stack, target, "カタログを送ってほしいです")
    await asyncio.to_thread(write_as_owner, stack, target, PERSONAL)
    await asyncio.to_thread(wait_for_transcript, stack, target, PERSONAL)
    before = await asyncio.to_thread(user_texts, stack, target)

    intruder = await intrude(stack, target)
    try:
        # Refused as a session: the intruder gets one of its own, issued by the server.
        assert intruder.session_id != target
        assert web_sessions.well_formed(intruder.session_id)
        assert not web_sessions.is_issued(stack.db, target)
        await intruder.wait_for(lambda m: "送料" in (m.get("text") or ""))  # its own conversation goes on
        # Its messages did not reach the target's conversation.
        assert await asyncio.to_thread(user_texts, stack, target) == before
        # It gets none of the target's replies: the bot's, or an operator's sent on the web channel.
        await asyncio.to_thread(write_as_owner, stack, target, "〒100-0001")
        custom = operator_custom("山田花子様、ご住所を確認いたします。", "山田")
        event = {"event": "bot", "text": None, "timestamp": time.time(), "data": {"custom": custom}}
        await asyncio.to_thread(append_events, stack, target, [event])
        await asyncio.sleep(1.0)
        assert not any("千代田" in (m.get("text") or "") or m.get("madoguchi") == "operator"
                       for m in intruder.received)
    finally:
        await intruder.__aexit__(None, None, None)

    # The history route gives it nothing, whichever way the id is presented.
    empty = {"lines": [], "with_person": False}
    assert await asyncio.to_thread(history, stack, target) == empty
    assert await asyncio.to_thread(history, stack, None, f"?session={target}") == empty


async def test_a_second_page_cannot_write_into_or_read_a_web_chat_it_was_not_issued(stack):
    async with Customer(stack.rasa) as customer:
        session = customer.session_id
        assert web_sessions.is_issued(stack.db, session)
        await customer.say("カタログを送ってほしいです")
        await customer.wait_for(lambda m: "お名前" in (m.get("text") or ""))
        await customer.say(PERSONAL)
        await asyncio.to_thread(wait_for_transcript, stack, session, PERSONAL)

        async with Customer(stack.rasa) as other:  # another page, its own session
            assert other.session_id != session
            before = await asyncio.to_thread(user_texts, stack, session)
            # Rasa's own handler took the conversation from the message: here the socket's session counts.
            await other.client.emit("user_uttered", {"message": "キャンセルします", "session_id": session})
            await asyncio.sleep(1.5)
            assert await asyncio.to_thread(user_texts, stack, session) == before
            assert "キャンセルします" not in await asyncio.to_thread(user_texts, stack, other.session_id)
            # The customer's conversation goes on, and its replies reach the customer only.
            customer.received.clear()
            await customer.say("〒100-0001")
            await customer.wait_for(lambda m: "千代田" in (m.get("text") or ""))
            await asyncio.sleep(0.5)
            assert not any("千代田" in (m.get("text") or "") for m in other.received)
            # The other page's history is its own (nothing), not the customer's.
            assert await asyncio.to_thread(history, stack, other.session_id) == {"lines": [], "with_person": False}

    # The customer's own page, reloaded, gets its history back.
    own = await asyncio.to_thread(history, stack, session)
    assert PERSONAL in [line["text"] for line in own["lines"]]
    async with Customer(stack.rasa, session) as reloaded:
        assert reloaded.session_id == session
