"""The desk's live socket: only a live session opens it; it pushes new lines and handoff
changes; it closes when the session ends."""

from __future__ import annotations

import asyncio

from aiohttp import WSMsgType

from madoguchi.store import handoffs, operators
from madoguchi.web.app import create_app
from tests.madoguchi.desk import test_api
from tests.madoguchi.desk.test_api import OPERATOR, PASSWORD, XSS, auth, make_handoff, next_message, say, settings_for

# the desk API's fixtures, by the names the tests ask for
client, rasa, token = test_api.client, test_api.rasa, test_api.token


async def test_live_socket_refuses_a_bad_token_in_the_query(client, db):
    operators.add(db, OPERATOR, PASSWORD)
    expired = operators.login(db, OPERATOR, PASSWORD, hours=-1)
    for query in ("", "?token=wrong", f"?token={expired}"):
        response = await client.get(f"/api/live{query}")
        assert response.status == 401
        assert (await response.json())["error"] == "unauthorized"


async def test_live_socket_pushes_new_lines_and_new_handoffs(aiohttp_client, db, rasa, token):
    hid = make_handoff(db, "s-live")
    say(db, "s-live", "customer", "前からある行", seconds_ago=30)
    client = await aiohttp_client(create_app(settings_for(db, rasa[1]), db))
    async with client.ws_connect(f"/api/live?token={token}") as ws:
        assert (await next_message(ws, "hello"))["type"] == "hello"
        started = asyncio.get_running_loop().time()
        say(db, "s-live", "customer", XSS, seconds_ago=0)
        say(db, "s-nobody", "customer", "ボットとだけ話している会話", seconds_ago=0)
        pushed = await next_message(ws, "line", timeout=1.5)
        assert asyncio.get_running_loop().time() - started < 1.5
        assert pushed["handoff_id"] == hid and pushed["sender_id"] == "s-live"
        assert pushed["line"]["from"] == "customer" and pushed["line"]["text"] == XSS
        assert isinstance(pushed["line"]["id"], int)

        new_id = make_handoff(db, "s-new", reason="complaint", priority=1)
        pushed = await next_message(ws, "handoff", timeout=1.5)
        assert pushed["handoff"]["id"] == new_id
        assert pushed["handoff"]["reason"] == "complaint" and pushed["handoff"]["status"] == "open"
        assert pushed["handoff"]["position"] == 1 and pushed["handoff"]["urgent"] is True

        handoffs.end(db, hid, "released")
        pushed = await next_message(ws, "handoff", timeout=1.5)
        assert pushed["handoff"]["id"] == hid and pushed["handoff"]["status"] == "released"

        # only conversations the desk has: the bot-only chat was never pushed, old lines neither
        texts = []
        say(db, "s-live", "customer", "最後の行", seconds_ago=0)
        while True:
            data = await next_message(ws, "line", timeout=1.5)
            texts.append(data["line"]["text"])
            if data["line"]["text"] == "最後の行":
                break
        assert "ボットとだけ話している会話" not in texts and "前からある行" not in texts


async def test_live_socket_closes_on_logout(client, db, token):
    async with client.ws_connect(f"/api/live?token={token}") as ws:
        await next_message(ws, "hello")
        assert (await client.post("/api/logout", headers=auth(token))).status == 200
        message = await ws.receive(timeout=2)
        while message.type == WSMsgType.TEXT:  # what was pushed before (who is online)
            message = await ws.receive(timeout=2)
        assert message.type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.CLOSING)
        assert ws.close_code == 4401 or message.data == 4401
