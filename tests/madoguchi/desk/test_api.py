"""The desk JSON API, through aiohttp's test client, against a stand-in of Rasa's HTTP API:
what every route shares (a live token, JSON errors, bodies) and writing to the customer through
Rasa; and the fixtures and helpers the other desk tests import from here."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from typing import Any

import pytest
from aiohttp import WSMsgType, web

from madoguchi.desk.rasa_client import CLOSE_TEXT, RELEASE_TEXT
from madoguchi.free_ports import free_port
from madoguchi.handoff.transcript import line_of, operator_custom
from madoguchi.settings import ROOT, Settings
from madoguchi.store import catalog_requests, handoffs, operators, transcripts
from madoguchi.store.db import Database
from madoguchi.store.models import Handoff, Message, utcnow
from madoguchi.store.transcripts import Line
from madoguchi.web.app import create_app

API_TOKEN = "rasa-api-token-for-tests"
OPERATOR, PASSWORD = "sato", "correct-horse-battery"
XSS = "<img src=x onerror=alert(1)>"


# ---------------------------------------------------------------- a stand-in of Rasa


class RasaStandIn:
    """Records every append of events; answers 200 (or `status` when a test says so).

    Like Rasa, it applies an append (its tracker then holds the events) only after it has
    sent the bot events out (`send_seconds`, as a slow LINE push), and may answer late
    after that (`answer_seconds`).
    """

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.status = 200
        self.send_seconds = 0.0
        self.answer_seconds = 0.0
        self.trackers: dict[str, list[dict[str, Any]]] = {}
        self.broker: Database | None = None  # records lines as the event broker does, when set

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/conversations/{sender_id}/tracker/events", self.append)
        app.router.add_get("/conversations/{sender_id}/tracker", self.tracker)
        return app

    async def append(self, request: web.Request) -> web.Response:
        sender_id = request.match_info["sender_id"]
        events = await request.json()
        self.calls.append({"sender_id": sender_id, "query": dict(request.query), "events": events})
        if self.status != 200:
            return web.json_response({"status": "failure"}, status=self.status)
        await asyncio.sleep(self.send_seconds)
        self.trackers.setdefault(sender_id, []).extend(events)
        if self.broker is not None:  # on the tracker's save, before Rasa answers
            transcripts.record(self.broker, [l for e in events if (l := line_of(sender_id, e))])
        await asyncio.sleep(self.answer_seconds)
        return web.json_response({"sender_id": sender_id, "events": []})

    async def tracker(self, request: web.Request) -> web.Response:
        sender_id = request.match_info["sender_id"]
        return web.json_response({"sender_id": sender_id, "events": self.trackers.get(sender_id, [])})

    @property
    def events(self) -> list[dict[str, Any]]:
        return [e for call in self.calls for e in call["events"]]


def settings_for(db: Database, rasa_url: str) -> Settings:
    return Settings.from_env(
        {
            "MADOGUCHI_DATABASE_URL": db.url,
            "RASA_URL": rasa_url,
            "RASA_API_TOKEN": API_TOKEN,
            "MADOGUCHI_CANNED_FILE": str(ROOT / "shop" / "canned_replies.yml"),
        }
    )


@pytest.fixture
async def rasa(aiohttp_server) -> tuple[RasaStandIn, str]:
    stand_in = RasaStandIn()
    server = await aiohttp_server(stand_in.app())
    return stand_in, str(server.make_url("")).rstrip("/")


@pytest.fixture
async def client(aiohttp_client, db, rasa):
    _, url = rasa
    return await aiohttp_client(create_app(settings_for(db, url), db))


@pytest.fixture
async def client_rasa_down(aiohttp_client, db):
    return await aiohttp_client(create_app(settings_for(db, f"http://127.0.0.1:{free_port()}"), db))


@pytest.fixture
def token(db) -> str:
    operators.add(db, OPERATOR, PASSWORD)
    return operators.login(db, OPERATOR, PASSWORD, hours=1)


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# ---------------------------------------------------------------- data helpers


def make_handoff(
    db: Database,
    sender_id: str,
    *,
    reason: str = "customer_request",
    priority: int = 3,
    channel: str = "socketio",
    waited_minutes: float = 1,
    name: str | None = None,
    details: dict[str, Any] | None = None,
) -> int:
    handoff = handoffs.open_handoff(
        db,
        sender_id=sender_id,
        channel=channel,
        reason=reason,
        priority=priority,
        summary=f"{reason} の要約",
        details=details or {},
        customer_name=name,
    )
    with db.session() as session:
        row = session.get(Handoff, handoff.id)
        row.created_at = utcnow() - timedelta(minutes=waited_minutes)
    return handoff.id


def say(db: Database, sender_id: str, role: str, text: str, seconds_ago: float, key: str | None = None) -> None:
    at = utcnow() - timedelta(seconds=seconds_ago)
    transcripts.record(db, [Line(sender_id, role, text, at, key or f"{role}-{text}-{seconds_ago}", "socketio")])


def lines_of_sender(db: Database, sender_id: str) -> list[tuple[str, str]]:
    return [(m.role, m.text) for m in transcripts.for_sender(db, sender_id)]


async def next_message(ws, kind: str, timeout: float = 2.0, **match: Any) -> dict[str, Any]:
    """The next pushed message of a kind (and matching fields), within the timeout."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        left = deadline - asyncio.get_running_loop().time()
        if left <= 0:
            raise AssertionError(f"no {kind} message {match} within {timeout}s")
        message = await ws.receive(timeout=left)
        assert message.type == WSMsgType.TEXT, message
        data = json.loads(message.data)
        if data["type"] == kind and all(data.get(k) == v for k, v in match.items()):
            return data


# ---------------------------------------------------------------- authentication

PROTECTED = [
    ("GET", "/api/handoffs?status=open"),
    ("GET", "/api/handoffs/1"),
    ("POST", "/api/handoffs/1/messages"),
    ("POST", "/api/handoffs/1/release"),
    ("POST", "/api/handoffs/1/close"),
    ("POST", "/api/handoffs/1/notes"),
    ("POST", "/api/handoffs/1/take"),
    ("POST", "/api/handoffs/1/transfer"),
    ("GET", "/api/operators"),
    ("GET", "/api/canned"),
    ("GET", "/api/catalog-requests"),
    ("POST", "/api/logout"),
    ("GET", "/api/live"),
]


@pytest.mark.parametrize("method,path", PROTECTED)
async def test_every_route_but_login_needs_a_live_token(client, db, rasa, method, path):
    stand_in, _ = rasa
    make_handoff(db, "s-auth")
    operators.add(db, OPERATOR, PASSWORD)
    expired = operators.login(db, OPERATOR, PASSWORD, hours=-1)
    for headers in ({}, auth("not-a-token"), auth(expired), {"Authorization": "Basic c2F0bzpwdw=="}):
        response = await client.request(method, path, headers=headers, json={"text": "こんにちは"})
        assert response.status == 401, (path, headers)
        body = await response.json()
        assert body["error"] == "unauthorized" and body["message"]
    assert stand_in.calls == []
    assert handoffs.get(db, 1).status == "open"


async def test_login_gives_a_token_that_opens_the_api(client, db):
    operators.add(db, OPERATOR, PASSWORD)
    response = await client.post("/api/login", json={"username": OPERATOR, "password": PASSWORD})
    assert response.status == 200
    token = (await response.json())["token"]
    assert (await client.get("/api/handoffs", headers=auth(token))).status == 200
    assert (await (await client.get("/api/me", headers=auth(token))).json())["username"] == OPERATOR


@pytest.mark.parametrize(
    "body,status",
    [
        ({"username": OPERATOR, "password": "wrong-password"}, 401),
        ({"username": "nobody", "password": PASSWORD}, 401),
        ({"username": OPERATOR}, 400),
        ({"username": OPERATOR, "password": 12345678}, 400),
        ([OPERATOR, PASSWORD], 400),
    ],
)
async def test_login_refuses_wrong_or_incomplete_credentials(client, db, body, status):
    operators.add(db, OPERATOR, PASSWORD)
    response = await client.post("/api/login", json=body)
    assert response.status == status
    payload = await response.json()
    assert "token" not in payload and payload["message"]


async def test_login_refuses_a_body_that_is_not_json(client, db):
    response = await client.post("/api/login", data="username=sato&password=x")
    assert response.status == 400
    assert (await response.json())["error"] == "bad_json"


# ---------------------------------------------------------------- 404, 400, unknown routes


@pytest.mark.parametrize(
    "method,path",
    [
        ("GET", "/api/handoffs/999"),
        ("POST", "/api/handoffs/999/messages"),
        ("POST", "/api/handoffs/999/release"),
        ("POST", "/api/handoffs/999/close"),
        ("POST", "/api/handoffs/999/notes"),
        ("GET", "/api/handoffs/99999999999999999999"),
    ],
)
async def test_an_unknown_handoff_is_a_json_404(client, db, token, rasa, method, path):
    stand_in, _ = rasa
    make_handoff(db, "s-known")
    response = await client.request(method, path, headers=auth(token), json={"text": "こんにちは"})
    assert response.status == 404
    assert (await response.json())["error"] in ("handoff_not_found", "not_found")
    assert stand_in.calls == []


async def test_unknown_api_routes_and_methods_answer_json(client, token):
    response = await client.get("/api/nothing-here", headers=auth(token))
    assert response.status == 404 and (await response.json())["error"] == "not_found"
    response = await client.delete("/api/handoffs", headers=auth(token))
    assert response.status == 405 and (await response.json())["error"] == "method_not_allowed"


BAD_BODIES = [
    ("not json at all", "bad_json"),
    ("[\"a list\"]", "bad_json"),
    ("{}", "missing_field"),
    ('{"text": ""}', "empty_text"),
    ('{"text": "   \\n  "}', "empty_text"),
    ('{"text": 42}', "bad_field"),
    (json.dumps({"text": "あ" * 2001}), "text_too_long"),
    (b"\xff\xfe not utf-8", "bad_json"),
]


@pytest.mark.parametrize("route", ["messages", "notes"])
@pytest.mark.parametrize("body,code", BAD_BODIES)
async def test_bad_bodies_are_a_clear_400_and_nothing_is_sent(client, db, token, rasa, route, body, code):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-bad")
    response = await client.post(f"/api/handoffs/{hid}/{route}", headers=auth(token), data=body)
    assert response.status == 400
    payload = await response.json()
    assert payload["error"] == code and payload["message"]
    assert stand_in.calls == []
    assert lines_of_sender(db, "s-bad") == []
    assert handoffs.notes(db, hid) == []


async def test_a_message_of_exactly_2000_characters_is_sent(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-long")
    response = await client.post(f"/api/handoffs/{hid}/messages", headers=auth(token), json={"text": "あ" * 2000})
    assert response.status == 201
    assert len(stand_in.calls) == 1


# ---------------------------------------------------------------- talking through Rasa


@pytest.mark.parametrize("channel", ["socketio", "line"])
async def test_an_operator_message_goes_out_on_the_customers_channel(client, db, token, rasa, channel):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-reply", channel=channel)
    response = await client.post(
        f"/api/handoffs/{hid}/messages", headers=auth(token), json={"text": "  お待たせいたしました。\n確認いたします。 "}
    )
    assert response.status == 201
    line = (await response.json())["line"]
    assert line["from"] == "operator" and line["text"] == "お待たせいたしました。\n確認いたします。"

    [call] = stand_in.calls
    assert call["sender_id"] == "s-reply"
    assert call["query"] == {"output_channel": channel, "execute_side_effects": "true", "token": API_TOKEN}
    [event] = call["events"]
    assert event["event"] == "bot"
    assert not event.get("text")  # only the envelope: the page shows it as from a person
    # the customer is shown 担当者, never the operator's login name
    assert event["data"]["custom"] == operator_custom("お待たせいたしました。\n確認いたします。", "")
    assert OPERATOR not in json.dumps(call["events"], ensure_ascii=False)
    assert isinstance(event["timestamp"], float)

    assert lines_of_sender(db, "s-reply") == [("operator", "お待たせいたしました。\n確認いたします。")]
    assert transcripts.for_sender(db, "s-reply")[0].author == OPERATOR  # the desk knows who wrote
    # the broker's copy of the same event (as Rasa publishes it) is the same line
    assert transcripts.record(db, [line_of("s-reply", event)]) == 0
    assert len(lines_of_sender(db, "s-reply")) == 1
    assert handoffs.get(db, hid).operator == OPERATOR


async def test_the_first_operator_to_write_keeps_the_handoff(client, db, token, rasa):
    """The first writer becomes 担当; another operator's reply is refused unless it takes over
    (tests/madoguchi/desk/test_assignment.py has the rest)."""
    stand_in, _ = rasa
    hid = make_handoff(db, "s-claim")
    operators.add(db, "suzuki", PASSWORD)
    other = operators.login(db, "suzuki", PASSWORD, hours=1)
    assert (await client.post(f"/api/handoffs/{hid}/messages", headers=auth(token), json={"text": "一"})).status == 201
    assert (await client.post(f"/api/handoffs/{hid}/messages", headers=auth(token), json={"text": "二"})).status == 201
    refused = await client.post(f"/api/handoffs/{hid}/messages", headers=auth(other), json={"text": "三"})
    assert refused.status == 409 and (await refused.json())["error"] == "assigned_to_other"
    assert handoffs.get(db, hid).operator == OPERATOR
    authors = [m.author for m in transcripts.for_sender(db, "s-claim")]
    assert authors == [OPERATOR, OPERATOR] and len(stand_in.calls) == 2


async def test_release_hands_the_conversation_back_to_the_bot(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-release", channel="line")
    response = await client.post(f"/api/handoffs/{hid}/release", headers=auth(token))
    assert response.status == 200
    assert (await response.json())["handoff"]["status"] == "released"

    [call] = stand_in.calls
    assert call["query"] == {"output_channel": "line", "execute_side_effects": "true", "token": API_TOKEN}
    text, status, resume, slot, listen = call["events"]
    assert text["event"] == "bot" and text["text"] == RELEASE_TEXT and "自動応答" in RELEASE_TEXT
    assert status["event"] == "bot" and status["data"]["custom"] == {"data": {"madoguchi": "status", "state": "released"}}
    assert resume == {"event": "resume", "timestamp": resume["timestamp"]}
    assert slot["event"] == "slot" and slot["name"] == "handoff_reason" and slot["value"] is None
    assert listen["event"] == "action" and listen["name"] == "action_listen"  # the next message is predicted for
    assert text["timestamp"] < status["timestamp"]

    stored = handoffs.get(db, hid)
    assert stored.status == "released" and stored.ended_at is not None
    assert lines_of_sender(db, "s-release") == [("bot", RELEASE_TEXT)]

    # no longer open: nothing more goes out; releasing again is a harmless "already"
    for route in ("messages", "close"):
        response = await client.post(f"/api/handoffs/{hid}/{route}", headers=auth(token), json={"text": "まだ"})
        assert response.status == 409, route
        assert (await response.json())["error"] == "handoff_not_open"
    response = await client.post(f"/api/handoffs/{hid}/release", headers=auth(token))
    assert response.status == 200
    again = await response.json()
    assert again["unchanged"] is True and "すでにボットに戻されています" in again["message"]
    assert again["handoff"]["status"] == "released"
    assert len(stand_in.calls) == 1


async def test_close_ends_the_chat_and_forgets_the_slots(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-close")
    response = await client.post(f"/api/handoffs/{hid}/close", headers=auth(token))
    assert response.status == 200
    [call] = stand_in.calls
    assert call["query"]["output_channel"] == "socketio"
    assert call["query"]["execute_side_effects"] == "true"
    text, question, status, resume, reset, listen = call["events"]
    assert text["event"] == "bot" and text["text"] == CLOSE_TEXT and "いつでも" in CLOSE_TEXT
    assert question["event"] == "bot" and "解決しましたか" in question["text"]  # tests/madoguchi/desk/test_survey.py
    assert status["data"]["custom"] == {"data": {"madoguchi": "status", "state": "closed"}}
    assert resume["event"] == "resume"
    assert reset["event"] == "reset_slots"
    assert listen["event"] == "action" and listen["name"] == "action_listen"
    assert handoffs.get(db, hid).status == "closed"
    assert handoffs.get(db, hid).operator == OPERATOR
    assert (await client.post(f"/api/handoffs/{hid}/messages", headers=auth(token), json={"text": "x"})).status == 409


async def test_two_releases_at_once_send_one(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-twice")
    first, second = await asyncio.wait_for(
        asyncio.gather(
            client.post(f"/api/handoffs/{hid}/release", headers=auth(token)),
            client.post(f"/api/handoffs/{hid}/release", headers=auth(token)),
        ),
        timeout=10,
    )
    assert [first.status, second.status] == [200, 200]
    bodies = [await first.json(), await second.json()]
    assert sorted(bool(b.get("unchanged")) for b in bodies) == [False, True]
    assert len(stand_in.calls) == 1


@pytest.mark.parametrize("route", ["messages", "release", "close"])
async def test_rasa_out_of_reach_is_a_502_and_nothing_is_recorded(client_rasa_down, db, token, route):
    hid = make_handoff(db, "s-down")
    say(db, "s-down", "customer", "もしもし", seconds_ago=3)
    response = await client_rasa_down.post(
        f"/api/handoffs/{hid}/{route}", headers=auth(token), json={"text": "お待たせいたしました。"}
    )
    assert response.status == 502
    assert (await response.json())["error"] == "rasa_unavailable"
    assert lines_of_sender(db, "s-down") == [("customer", "もしもし")]
    stored = handoffs.get(db, hid)
    assert stored.status == "open" and stored.operator is None and stored.ended_at is None


@pytest.mark.parametrize("status", [401, 500])
async def test_rasa_refusing_the_events_is_a_502(client, db, token, rasa, status):
    stand_in, _ = rasa
    stand_in.status = status
    hid = make_handoff(db, "s-refused")
    response = await client.post(f"/api/handoffs/{hid}/messages", headers=auth(token), json={"text": "こんにちは"})
    assert response.status == 502
    assert lines_of_sender(db, "s-refused") == []
    response = await client.post(f"/api/handoffs/{hid}/release", headers=auth(token))
    assert response.status == 502
    assert handoffs.get(db, hid).status == "open"


# ---------------------------------------------------------------- catalog requests


async def test_catalog_requests_list_what_the_bot_took(client, db, token):
    catalog_requests.add(
        db, sender_id="s-cat", channel="socketio", name="山田花子", postal_code="123-4567",
        address="東京都千代田区1-2-3", phone="0312345678", shipping_method="parcel",
    )
    response = await client.get("/api/catalog-requests", headers=auth(token))
    assert response.status == 200
    [request] = await response.json()
    assert {k: request[k] for k in ("name", "postal_code", "address", "phone", "shipping_method")} == {
        "name": "山田花子",
        "postal_code": "123-4567",
        "address": "東京都千代田区1-2-3",
        "phone": "0312345678",
        "shipping_method": "parcel",
    }
    assert request["shipping_label"] == "宅配便"
    assert request["created_at"].endswith("+09:00")


# ---------------------------------------------------------------- the transcript


async def test_stored_lines_are_not_duplicated_by_the_broker_key(db):
    """The desk's line and the broker's line of one event are stored once (same key)."""
    event = {"event": "bot", "timestamp": 1700000000.123456, "text": None,
             "data": {"custom": operator_custom("はい", OPERATOR)}}
    assert transcripts.record(db, [line_of("s-key", event, "socketio")]) == 1
    assert transcripts.record(db, [line_of("s-key", json.loads(json.dumps(event)))]) == 0
    with db.session() as session:
        assert session.query(Message).filter(Message.sender_id == "s-key").count() == 1
