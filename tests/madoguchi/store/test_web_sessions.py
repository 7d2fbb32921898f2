"""Web chat sessions: only the ids the server issued are recognised, by every process."""

from __future__ import annotations

import uuid

import pytest

from madoguchi.store import transcripts, web_sessions
from madoguchi.store.db import Database
from madoguchi.store.models import utcnow
from madoguchi.store.transcripts import Line
from tests.servers import postgres_server  # noqa: F401  (a session fixture)

LINE_USER = "U4af4980629e2c1f1a8d9c0a3b9e6d7c5"  # the shape of a LINE userId


def test_an_issued_id_is_random_128_bits_and_recognised(db):
    ids = {web_sessions.issue(db) for _ in range(50)}
    assert len(ids) == 50
    for session_id in ids:
        assert len(session_id) == 32 and int(session_id, 16) >= 0  # 128 bits as hex
        assert web_sessions.is_issued(db, session_id)


@pytest.mark.parametrize(
    "presented",
    [
        "5f0c1e2d3b4a69788796a5b4c3d2e1f0",  # well formed, but made up by a page (fixed: the same ids in every worker)
        LINE_USER,
        "rest-customer-1",
        "",
        None,
        42,
        ["a" * 32],
        {"session_id": "x"},
        "0" * 32 + "' OR 1=1 --",
    ],
)
def test_an_id_the_server_did_not_issue_is_not_recognised(db, presented):
    web_sessions.issue(db)
    assert not web_sessions.is_issued(db, presented)


def test_a_conversation_of_another_channel_is_not_a_web_session(db):
    # A LINE or REST conversation exists in the shop database, but was never issued.
    transcripts.record(db, [Line(LINE_USER, "customer", "住所を変えたい", utcnow(), "1", "line")])
    sender = uuid.uuid4().hex
    transcripts.record(db, [Line(sender, "customer", "こんにちは", utcnow(), "1", "rest")])
    assert not web_sessions.is_issued(db, LINE_USER)
    assert not web_sessions.is_issued(db, sender)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_an_id_issued_by_one_process_is_recognised_by_another(request, tmp_path, backend):
    if backend == "postgresql":
        url = request.getfixturevalue("postgres_server").create_database(f"web_{uuid.uuid4().hex[:8]}")
    else:
        url = f"sqlite:///{tmp_path / 'shared.db'}"
    rasa_worker, web_service = Database(url), Database(url)
    session_id = web_sessions.issue(rasa_worker)
    assert web_sessions.is_issued(web_service, session_id)
    assert not web_sessions.is_issued(Database(f"sqlite:///{tmp_path / 'other.db'}"), session_id)
