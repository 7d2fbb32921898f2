"""The desk's 個人情報 routes: a customer's data found, exported and deleted on request, for
operators only, each request in the audit log; and the web service's retention job."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import pytest
from aiohttp import WSMsgType

from madoguchi.shop.rules import shop_rules
from madoguchi.store import audit, operators, transcripts, web_sessions
from madoguchi.store.models import utcnow
from madoguchi.web.retention import RETENTION_KEY, RetentionJob
from madoguchi.settings import ROOT
from tests.madoguchi.desk.test_api import OPERATOR, PASSWORD, auth, client, make_handoff, rasa, token  # noqa: F401
from tests.madoguchi.store.privacy_data import LINE_USER, PHONE, TRACES, conversation, store_customer, traces

ROUTES = [
    ("GET", "/api/privacy"),
    ("POST", "/api/privacy/search"),
    ("POST", "/api/privacy/export"),
    ("POST", "/api/privacy/delete"),
]


@pytest.mark.parametrize("method,path", ROUTES)
async def test_only_a_logged_in_operator_reaches_the_customers_data(client, db, method, path):
    store_customer(db)
    operators.add(db, OPERATOR, PASSWORD)
    expired = operators.login(db, OPERATOR, PASSWORD, hours=-1)
    for headers in ({}, auth("not-a-token"), auth(expired)):
        response = await client.request(method, path, headers=headers, json={"phone": PHONE, "confirm": True})
        assert response.status == 401
        assert PHONE not in await response.text()
    assert traces(db, ("山田",))  # nothing deleted
    assert audit.recent(db, action="privacy_delete") == []


async def test_a_search_by_phone_lists_her_conversations_and_what_is_held(client, db, token):
    stored = store_customer(db)
    response = await client.post("/api/privacy/search", headers=auth(token), json={"phone": "090-1234-5678"})
    assert response.status == 200
    body = await response.json()
    assert body["found"] is True and body["open_handoffs"] == []
    assert [c["sender_id"] for c in body["conversations"]] == [stored.line, stored.web]  # the latest first
    line, web = body["conversations"]
    assert line["channel_label"] == "LINE" and line["display_name"] == "ヤマダ" and line["lines"] == 3
    assert web["channel_label"] == "Webチャット" and web["handoff_ids"] == [stored.handoff_id]
    assert body["counts"]["messages"] == 8 and body["counts"]["catalog_requests"] == 1 and body["counts"]["orders"] == 1
    [entry] = audit.recent(db, action="privacy_search")
    assert entry.actor == OPERATOR and entry.detail == "found" and PHONE not in (entry.target or "")


@pytest.mark.parametrize("channel", ["socketio", "rest", "line", "demo", "unlisted"])
async def test_the_privacy_view_labels_each_channel_as_the_queue_does(client, db, token, channel):
    make_handoff(db, f"s-{channel}", channel=channel)
    [queued] = await (await client.get("/api/handoffs", headers=auth(token))).json()
    found = await (await client.post("/api/privacy/search", headers=auth(token), json={"sender_id": f"s-{channel}"})).json()
    [shown] = found["conversations"]
    assert shown["channel_label"] == queued["channel_label"]


@pytest.mark.parametrize(
    "body,code",
    [({}, "missing_field"), ({"phone": PHONE, "sender_id": "x"}, "missing_field"), ({"phone": "12-34"}, "bad_phone"),
     ({"sender_id": 42}, "bad_field"), ({"sender_id": "x" * 300}, "bad_field")],
)
async def test_a_search_needs_one_conversation_id_or_phone(client, token, body, code):
    response = await client.post("/api/privacy/search", headers=auth(token), json=body)
    assert response.status == 400
    assert (await response.json())["error"] == code


async def test_the_export_is_a_json_download_of_everything_held(client, db, token):
    stored = store_customer(db)
    response = await client.post("/api/privacy/export", headers=auth(token), json={"sender_id": stored.web})
    assert response.status == 200
    assert response.headers["Content-Disposition"].startswith('attachment; filename="customer-data-')
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(await response.text())
    assert data["exported_by"] == OPERATOR and "開示" in data["about"]
    assert data["messages"][0]["text"] == "カタログを送ってください。山田花子です"
    assert data["messages"][0]["at"].endswith("+09:00")
    assert data["handoffs"][0]["details"]["phone"] == PHONE
    assert data["surveys"][0]["comment"] == "山田です。助かりました"
    assert any(e.get("value") == PHONE for e in data["tracker_events"])
    assert LINE_USER not in json.dumps(data)  # her other conversation was not asked for
    [entry] = audit.recent(db, action="privacy_export")
    assert entry.actor == OPERATOR and "messages=5" in entry.detail


async def test_exporting_nobody_is_a_404(client, db, token):
    response = await client.post("/api/privacy/export", headers=auth(token), json={"sender_id": "nobody"})
    assert response.status == 404
    assert audit.recent(db, action="privacy_export")[0].outcome == audit.REFUSED


async def test_deleting_removes_her_from_every_table_and_is_audited_without_her_data(client, db, token):
    stored = store_customer(db)
    ws = await client.ws_connect(f"/api/live?token={token}")
    assert (await ws.receive_json(timeout=5))["type"] == "hello"
    response = await client.post("/api/privacy/delete", headers=auth(token), json={"phone": PHONE, "confirm": True})
    assert response.status == 200
    body = await response.json()
    assert body["deleted"]["messages"] == 8 and body["deleted"]["tracker_events"] == 13
    assert body["handoff_ids"] == [stored.handoff_id, stored.line_handoff_id]
    assert traces(db, TRACES + (stored.web, stored.line)) == {}  # the audit log included
    [entry] = audit.recent(db, action="privacy_delete")
    assert entry.actor == OPERATOR and entry.outcome == audit.OK and entry.address
    assert entry.target.startswith("customer:phone:") and "messages=8" in entry.detail
    # every console drops her handoffs from its lists
    while True:
        message = await ws.receive(timeout=5)
        assert message.type == WSMsgType.TEXT
        pushed = json.loads(message.data)
        if pushed["type"] == "handoffs_deleted":
            break
    assert pushed["handoff_ids"] == [stored.handoff_id, stored.line_handoff_id]
    await ws.close()
    again = await client.post("/api/privacy/delete", headers=auth(token), json={"phone": PHONE, "confirm": True})
    assert again.status == 404
    assert len(transcripts.for_sender(db, stored.other)) == 2


async def test_deleting_needs_a_confirmation(client, db, token):
    stored = store_customer(db)
    response = await client.post("/api/privacy/delete", headers=auth(token), json={"sender_id": stored.web})
    assert response.status == 400 and (await response.json())["error"] == "confirm_required"
    assert web_sessions.is_issued(db, stored.web)


async def test_a_chat_an_operator_has_is_not_deleted_and_the_refusal_is_audited(client, db, token):
    stored = store_customer(db)
    hid = make_handoff(db, stored.web)
    response = await client.post("/api/privacy/delete", headers=auth(token), json={"sender_id": stored.web, "confirm": True})
    assert response.status == 409
    body = await response.json()
    assert body["error"] == "handoff_open" and f"No.{hid}" in body["message"]
    assert len(transcripts.for_sender(db, stored.web)) == 5
    assert audit.recent(db, action="privacy_delete")[0].outcome == audit.REFUSED


async def test_logins_takeovers_releases_and_deletions_are_all_in_the_audit_log(client, db, rasa):
    operators.add(db, "ito", PASSWORD)
    operators.add(db, OPERATOR, PASSWORD)
    tokens = {}
    for name in ("ito", OPERATOR):
        response = await client.post("/api/login", json={"username": name, "password": PASSWORD})
        tokens[name] = (await response.json())["token"]
    hid = make_handoff(db, "s-audit")
    assert (await client.post(f"/api/handoffs/{hid}/take", headers=auth(tokens["ito"]))).status == 200
    took = await client.post(f"/api/handoffs/{hid}/take", headers=auth(tokens[OPERATOR]), json={"takeover": True})
    assert took.status == 200
    assert (await client.post(f"/api/handoffs/{hid}/release", headers=auth(tokens[OPERATOR]))).status == 200
    conversation(db, "s-audit", "socketio", [("customer", "データを消してください")], utcnow())
    deleted = await client.post(
        "/api/privacy/delete", headers=auth(tokens[OPERATOR]), json={"sender_id": "s-audit", "confirm": True}
    )
    assert deleted.status == 200
    response = await client.get("/api/audit?limit=50", headers=auth(tokens["ito"]))
    entries = [(e["actor"], e["action"], e["outcome"]) for e in await response.json()]
    for expected in [
        ("ito", "login", "ok"), (OPERATOR, "login", "ok"), ("ito", "take", "ok"),
        (OPERATOR, "takeover", "ok"), (OPERATOR, "release", "ok"), (OPERATOR, "privacy_delete", "ok"),
    ]:
        assert expected in entries, expected


async def test_the_overview_gives_the_periods_of_the_rules_file_and_the_last_purge(client, db, token):
    job = client.app[RETENTION_KEY]
    job.run_once()
    response = await client.get("/api/privacy", headers=auth(token))
    body = await response.json()
    retention = shop_rules(str(ROOT / "shop" / "rules.yml")).retention
    assert body["retention"] == {
        "conversations_days": retention.conversations_days,
        "catalog_requests_days": retention.catalog_requests_days,
        "purge_every_hours": retention.purge_every_hours,
    }
    assert body["last_purge"]["actor"] == "retention" and body["last_purge"]["outcome"] == "ok"
    assert body["recent"] == []


# ---------------------------------------------------------------- the retention job


async def test_the_web_service_deletes_what_is_past_its_period_on_its_own_and_logs_it(db, caplog):
    now = utcnow()
    conversation(db, "old", "rest", [("customer", "古い話です")], now - timedelta(days=400))
    conversation(db, "new", "rest", [("customer", "新しい話です")], now)
    job = RetentionJob(db, ROOT / "shop" / "rules.yml", first_run_seconds=0.01)
    caplog.set_level("INFO", logger="madoguchi.web.retention")
    task = asyncio.create_task(job.run_forever())
    try:
        for _ in range(200):
            if audit.recent(db, action="retention_purge"):
                break
            await asyncio.sleep(0.05)
    finally:
        task.cancel()
    assert transcripts.for_sender(db, "old") == [] and len(transcripts.for_sender(db, "new")) == 1
    [entry] = audit.recent(db, action="retention_purge")
    assert entry.actor == "retention" and "messages=1" in entry.detail and "conversations_days=365" in entry.detail
    assert any("messages=1" in r.getMessage() for r in caplog.records)


async def test_a_failed_purge_is_audited_and_the_job_goes_on(db, monkeypatch):
    from madoguchi.store import retention_purge

    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(retention_purge, "purge", broken)
    job = RetentionJob(db, ROOT / "shop" / "rules.yml")
    with pytest.raises(RuntimeError):
        job.run_once()
    assert audit.recent(db, action="retention_purge")[0].outcome == audit.FAILED


def test_the_web_service_runs_the_job(db):
    from madoguchi.web.app import create_app
    from tests.madoguchi.desk.test_api import settings_for

    app = create_app(settings_for(db, "http://127.0.0.1:9"), db)
    job = app[RETENTION_KEY]
    assert isinstance(job, RetentionJob) and job.db is db
    assert any(getattr(f, "__module__", "") == "madoguchi.web.retention" for f in app.cleanup_ctx)
