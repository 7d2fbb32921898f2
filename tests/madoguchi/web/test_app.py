"""The web service's chat routes, through aiohttp's test client: a history only for its session."""

from __future__ import annotations

import uuid

import pytest

from madoguchi.settings import Settings
from madoguchi.store import handoffs, transcripts, web_sessions
from madoguchi.store.models import utcnow
from madoguchi.store.transcripts import Line
from madoguchi.web.app import SESSION_HEADER, create_app

LINE_USER = "U4af4980629e2c1f1a8d9c0a3b9e6d7c5"
EMPTY = {"lines": [], "with_person": False}


@pytest.fixture
async def client(aiohttp_client, db):
    settings = Settings.from_env({"MADOGUCHI_DATABASE_URL": db.url, "RASA_URL": "http://127.0.0.1:1"})
    return await aiohttp_client(create_app(settings, db))


def converse(db, sender_id: str, channel: str) -> None:
    """A conversation with personal details in it, handed to a person."""
    said = [("customer", "カタログをお願いします"), ("bot", "お名前をお願いします"), ("customer", "山田花子です"),
            ("customer", "電話は09012345678です")]
    transcripts.record(db, [Line(sender_id, role, text, utcnow(), str(i), channel) for i, (role, text) in enumerate(said)])
    handoffs.open_handoff(db, sender_id=sender_id, channel=channel, reason="customer_request",
                           priority=1, summary="", details={})


async def history(client, session_id: str | None = None, **options) -> dict:
    headers = {SESSION_HEADER: session_id} if session_id is not None else {}
    response = await client.get("/chat/history", headers=headers, **options)
    assert response.status == 200
    assert response.headers["Cache-Control"] == "no-store"
    return await response.json()


async def test_an_issued_session_gets_its_own_history(client, db):
    session = web_sessions.issue(db)
    converse(db, session, "socketio")
    got = await history(client, session)
    assert [line["text"] for line in got["lines"]][2:] == ["山田花子です", "電話は09012345678です"]
    assert got["lines"][0]["from"] == "customer" and got["with_person"] is True


@pytest.mark.parametrize("channel, sender", [("line", LINE_USER), ("rest", "rest-customer-1"),
                                             ("socketio", "5f0c1e2d3b4a69788796a5b4c3d2e1f0")])  # made up, fixed: the
# same test ids in every pytest-xdist worker
async def test_a_conversation_never_issued_to_a_chat_page_has_no_history(client, db, channel, sender):
    converse(db, sender, channel)
    assert await history(client, sender) == EMPTY


async def test_the_session_is_read_from_the_header_only(client, db):
    session = web_sessions.issue(db)
    converse(db, session, "socketio")
    assert await history(client, params={"session": session}) == EMPTY  # a URL lands in access logs
    assert await history(client) == EMPTY


@pytest.mark.parametrize("presented", ["", "x" * 5000, "' OR 1=1 --", "../../etc/passwd"], ids=["empty", "huge", "sql", "path"])
async def test_a_malformed_session_gets_an_empty_history(client, db, presented):
    converse(db, web_sessions.issue(db), "socketio")
    assert await history(client, presented) == EMPTY


# ---------------------------------------------------------------- the banner while with a person


async def person(client, session_id: str) -> dict:
    response = await client.get("/chat/person", headers={SESSION_HEADER: session_id})
    assert response.status == 200 and response.headers["Cache-Control"] == "no-store"
    return await response.json()


@pytest.mark.parametrize(
    "now, text",
    [
        ("2026-11-20T10:00:00+09:00", "担当者が対応しています"),
        ("2026-11-20T18:30:00+09:00", "担当者は明日（土）9時からお返事します"),
    ],
)
async def test_the_banner_says_when_a_person_answers(aiohttp_client, db, now, text):
    settings = Settings.from_env({"MADOGUCHI_DATABASE_URL": db.url, "RASA_URL": "http://127.0.0.1:1", "MADOGUCHI_NOW": now})
    client = await aiohttp_client(create_app(settings, db))
    session_id = web_sessions.issue(db)
    assert await person(client, session_id) == {"with_person": False, "banner": ""}
    converse(db, session_id, "socketio")
    assert await person(client, session_id) == {"with_person": True, "banner": text}
    assert (await person(client, str(uuid.uuid4())))["with_person"] is False
