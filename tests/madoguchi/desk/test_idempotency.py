"""Operator actions applied once: Idempotency-Key, retries after a timeout, late answers of Rasa."""

from __future__ import annotations

import asyncio
import json

import pytest

from madoguchi.channels import line_messages
from madoguchi.desk.handoff_actions import OPERATIONS_KEY, RASA_KEY
from madoguchi.desk.idempotency import KEY_HEADER, REPLAYED_HEADER, fingerprint
from madoguchi.settings import ROOT
from madoguchi.store import audit, handoffs, operations, operators, transcripts
from madoguchi.web.app import create_app
from tests.madoguchi.desk.test_api import (  # noqa: F401 - fixtures: client, rasa, token
    OPERATOR,
    PASSWORD,
    auth,
    client,
    lines_of_sender,
    make_handoff,
    rasa,
    settings_for,
    token,
)


def keyed(token: str, key: str) -> dict[str, str]:
    return {**auth(token), KEY_HEADER: key}


async def settle(stand_in, seconds: float = 0.0) -> None:
    """Let the stand-in finish what it is doing (and the desk its background action)."""
    await asyncio.sleep(stand_in.send_seconds + stand_in.answer_seconds + seconds + 0.1)


# ---------------------------------------------------------------- a retry sends nothing new


async def test_a_message_posted_twice_with_one_key_reaches_the_customer_once(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-key-msg")
    first = await client.post(f"/api/handoffs/{hid}/messages", headers=keyed(token, "k-1"), json={"text": "確認いたします。"})
    again = await client.post(f"/api/handoffs/{hid}/messages", headers=keyed(token, "k-1"), json={"text": "確認いたします。"})
    assert first.status == again.status == 201
    assert await again.json() == await first.json()
    assert again.headers.get(REPLAYED_HEADER) == "true"
    assert len(stand_in.calls) == 1
    assert lines_of_sender(db, "s-key-msg") == [("operator", "確認いたします。")]

    # another action of the operator (a new key) is sent
    other = await client.post(f"/api/handoffs/{hid}/messages", headers=keyed(token, "k-2"), json={"text": "確認いたします。"})
    assert other.status == 201 and len(stand_in.calls) == 2


async def test_a_retry_while_the_first_is_still_sending_waits_for_it(client, db, token, rasa):
    stand_in, _ = rasa
    stand_in.send_seconds = 0.5  # LINE is slow
    client.app[OPERATIONS_KEY].answer_within = 0.1
    hid = make_handoff(db, "s-key-slow", channel="line")
    first = await client.post(f"/api/handoffs/{hid}/messages", headers=keyed(token, "slow"), json={"text": "少々お待ちください。"})
    assert first.status == 202
    body = await first.json()
    assert body["pending"] is True and "処理しています" in body["message"]
    client.app[OPERATIONS_KEY].answer_within = 5
    again = await client.post(f"/api/handoffs/{hid}/messages", headers=keyed(token, "slow"), json={"text": "少々お待ちください。"})
    assert again.status == 201 and again.headers.get(REPLAYED_HEADER) == "true"  # the first try's outcome
    assert (await again.json())["line"]["text"] == "少々お待ちください。"
    assert len(stand_in.calls) == 1
    assert lines_of_sender(db, "s-key-slow") == [("operator", "少々お待ちください。")]


async def test_close_retried_after_a_timeout_returns_the_first_result_and_closes_once(client, db, token, rasa):
    stand_in, _ = rasa
    stand_in.send_seconds = 0.4
    client.app[OPERATIONS_KEY].answer_within = 0.1
    hid = make_handoff(db, "s-key-close", channel="line")
    first = await client.post(f"/api/handoffs/{hid}/close", headers=keyed(token, "close-1"))
    assert first.status == 202  # still at it: not a failure
    await settle(stand_in)
    assert handoffs.get(db, hid).status == "closed"  # the action went on without the request

    again = await client.post(f"/api/handoffs/{hid}/close", headers=keyed(token, "close-1"))
    assert again.status == 200 and again.headers.get(REPLAYED_HEADER) == "true"
    body = await again.json()
    assert body["ok"] is True and "unchanged" not in body and body["handoff"]["status"] == "closed"
    assert len(stand_in.calls) == 1
    closes = audit.recent(db, action="close")
    assert [(e.actor, e.outcome, e.target) for e in closes] == [(OPERATOR, "ok", f"handoff:{hid}")]


async def test_rasa_that_applied_but_answered_too_late_is_a_success_not_a_502(client, db, token, rasa):
    stand_in, _ = rasa
    stand_in.answer_seconds = 1.0  # applied at once, answered late
    client.app[RASA_KEY].timeout = 0.3
    hid = make_handoff(db, "s-late")
    response = await client.post(f"/api/handoffs/{hid}/close", headers=auth(token))
    assert response.status == 200
    assert (await response.json())["handoff"]["status"] == "closed"
    assert handoffs.get(db, hid).status == "closed"
    assert len(stand_in.calls) == 1


async def test_no_answer_is_a_504_and_the_retry_sends_the_same_events(client, db, token, rasa):
    stand_in, _ = rasa
    stand_in.send_seconds = 0.8  # cut off (as Sanic does when the client hangs up) before applying
    client.app[RASA_KEY].timeout = 0.2
    hid = make_handoff(db, "s-unknown")
    response = await client.post(f"/api/handoffs/{hid}/messages", headers=keyed(token, "u-1"), json={"text": "お待たせしました。"})
    assert response.status == 504
    body = await response.json()
    assert body["error"] == "rasa_no_answer" and "二重に送られることはありません" in body["message"]
    assert operations.find(db, OPERATOR, "u-1").state == operations.UNKNOWN
    assert audit.recent(db, action="message")[0].outcome == "unknown"

    await settle(stand_in)
    assert stand_in.trackers.get("s-unknown") is None  # Rasa never applied it
    stand_in.send_seconds = 0
    client.app[RASA_KEY].timeout = 5
    again = await client.post(f"/api/handoffs/{hid}/messages", headers=keyed(token, "u-1"), json={"text": "お待たせしました。"})
    assert again.status == 201
    first, second = stand_in.calls
    # the same event again: LINE's retry key and the transcript's key are the same, so once
    assert second["events"] == first["events"]
    assert lines_of_sender(db, "s-unknown") == [("operator", "お待たせしました。")]
    assert operations.find(db, OPERATOR, "u-1").state == operations.DONE


async def test_a_retry_finds_events_rasa_applied_and_sends_nothing(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-applied")
    stamp = 1_700_000_000.0
    # a first try that Rasa applied, but whose answer never came back
    operations.begin(
        db, operator=OPERATOR, key="a-1", action="close", handoff_id=hid,
        fingerprint=fingerprint("close", hid), timestamp=stamp,
    )
    stand_in.trackers["s-applied"] = [{"event": "bot", "text": "…", "timestamp": stamp}]
    response = await client.post(f"/api/handoffs/{hid}/close", headers=keyed(token, "a-1"))
    assert response.status == 200
    assert (await response.json())["handoff"]["status"] == "closed"
    assert stand_in.calls == []
    assert handoffs.get(db, hid).status == "closed"


async def test_an_action_left_unfinished_by_a_restart_is_checked_then_sent_once(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-restart")
    # recorded by a web service that stopped before it sent the events
    operations.begin(
        db, operator=OPERATOR, key="r-1", action="release", handoff_id=hid,
        fingerprint=fingerprint("release", hid),
        timestamp=1_700_000_000.0,
    )
    response = await client.post(f"/api/handoffs/{hid}/release", headers=keyed(token, "r-1"))
    assert response.status == 200
    [call] = stand_in.calls
    assert call["events"][0]["timestamp"] == 1_700_000_000.0  # the planned events, not new ones
    again = await client.post(f"/api/handoffs/{hid}/release", headers=keyed(token, "r-1"))
    assert again.status == 200 and len(stand_in.calls) == 1


async def test_a_failure_that_applied_nothing_is_not_kept_for_the_key(client, db, token, rasa):
    stand_in, _ = rasa
    stand_in.status = 500
    hid = make_handoff(db, "s-refused-key")
    first = await client.post(f"/api/handoffs/{hid}/messages", headers=keyed(token, "f-1"), json={"text": "こんにちは"})
    assert first.status == 502
    stand_in.status = 200
    again = await client.post(f"/api/handoffs/{hid}/messages", headers=keyed(token, "f-1"), json={"text": "こんにちは"})
    assert again.status == 201 and REPLAYED_HEADER not in again.headers
    assert lines_of_sender(db, "s-refused-key") == [("operator", "こんにちは")]


async def test_a_key_reused_for_another_action_is_refused(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-reuse")
    assert (await client.post(f"/api/handoffs/{hid}/messages", headers=keyed(token, "same"), json={"text": "一"})).status == 201
    for path, body in ((f"/api/handoffs/{hid}/messages", {"text": "二"}), (f"/api/handoffs/{hid}/close", None)):
        response = await client.post(path, headers=keyed(token, "same"), json=body)
        assert response.status == 422
        assert (await response.json())["error"] == "idempotency_key_reused"
    assert len(stand_in.calls) == 1 and handoffs.get(db, hid).status == "open"


@pytest.mark.parametrize("key", ["", " ", "x" * 101, "キー"])
async def test_a_malformed_key_is_a_400(client, db, token, rasa, key):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-badkey")
    response = await client.post(f"/api/handoffs/{hid}/close", headers=keyed(token, key))
    assert response.status == 400
    assert (await response.json())["error"] == "bad_idempotency_key"
    assert stand_in.calls == []


async def test_keys_are_per_operator(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-two-ops")
    operators.add(db, "suzuki", PASSWORD)
    other = operators.login(db, "suzuki", PASSWORD, hours=1)
    assert (await client.post(f"/api/handoffs/{hid}/messages", headers=keyed(token, "k"), json={"text": "一"})).status == 201
    # (suzuki takes the chat over: without it, a reply to the chat sato has is refused)
    again = await client.post(f"/api/handoffs/{hid}/messages", headers=keyed(other, "k"), json={"text": "一", "takeover": True})
    assert again.status == 201
    assert len(stand_in.calls) == 2


async def test_closing_a_closed_handoff_is_a_harmless_answer(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-closed-twice")
    assert (await client.post(f"/api/handoffs/{hid}/close", headers=keyed(token, "c-a"))).status == 200
    response = await client.post(f"/api/handoffs/{hid}/close", headers=keyed(token, "c-b"))
    assert response.status == 200
    body = await response.json()
    assert body["unchanged"] is True and body["message"] == f"受付番号 {hid} はすでに終了しています。"
    # releasing what is closed is refused clearly, not with a server error
    response = await client.post(f"/api/handoffs/{hid}/release", headers=keyed(token, "c-c"))
    assert response.status == 409 and "終了しています" in (await response.json())["message"]
    assert len(stand_in.calls) == 1


# ---------------------------------------------------------------- what the customer sees


@pytest.mark.parametrize("channel", ["line", "socketio"])
async def test_the_customer_sees_tantousha_not_the_login_name(client, db, token, rasa, channel):
    stand_in, _ = rasa
    stand_in.broker = db  # the broker's copy of the line comes first, without the login
    hid = make_handoff(db, f"s-name-{channel}", channel=channel)
    assert (await client.post(f"/api/handoffs/{hid}/messages", headers=auth(token), json={"text": "担当いたします。"})).status == 201
    [call] = stand_in.calls
    assert OPERATOR not in json.dumps(call["events"], ensure_ascii=False)
    custom = call["events"][0]["data"]["custom"]
    [message] = line_messages.messages_for({"custom": custom})
    assert message.sender.name == "担当者"
    # the desk still knows who wrote it
    assert [m.author for m in transcripts.for_sender(db, f"s-name-{channel}")] == [OPERATOR]


async def test_an_operators_display_name_is_shown_after_tantousha(client, db, token, rasa):
    stand_in, _ = rasa
    operators.set_display_name(db, OPERATOR, "佐藤")
    hid = make_handoff(db, "s-display", channel="line")
    assert (await client.post(f"/api/handoffs/{hid}/messages", headers=auth(token), json={"text": "佐藤です。"})).status == 201
    [message] = line_messages.messages_for({"custom": stand_in.calls[0]["events"][0]["data"]["custom"]})
    assert message.sender.name == "担当者 佐藤"


async def test_the_shops_default_display_name_comes_from_the_rules_file(aiohttp_client, db, token, rasa, tmp_path):
    stand_in, url = rasa
    rules = (ROOT / "shop" / "rules.yml").read_text(encoding="utf-8")
    assert '  display_name: ""' in rules
    edited = tmp_path / "rules.yml"
    edited.write_text(rules.replace('  display_name: ""', "  display_name: 窓口"), encoding="utf-8")
    settings = settings_for(db, url)
    settings = type(settings)(**{**settings.__dict__, "rules_file": edited})
    client = await aiohttp_client(create_app(settings, db))
    hid = make_handoff(db, "s-default-name", channel="line")
    assert (await client.post(f"/api/handoffs/{hid}/messages", headers=auth(token), json={"text": "はい。"})).status == 201
    [message] = line_messages.messages_for({"custom": stand_in.calls[0]["events"][0]["data"]["custom"]})
    assert message.sender.name == "担当者 窓口"


def test_the_desk_waits_for_rasa_longer_than_a_line_push_can_take():
    """The desk's wait must be deeper than the LINE push Rasa makes inside an append.

    It used to be 10 s, the time of one LINE attempt: a slow push made the desk hang up
    (and Rasa's server cancel the append half-way) and report a failure.
    """
    from madoguchi.channels.line import LineInput
    from madoguchi.channels.line_api import MAX_RETRY_AFTER
    from madoguchi.desk.rasa_client import APPLY_TIMEOUT_SECONDS, RasaClient

    api = LineInput("secret", "token", api_base="http://127.0.0.1:9").api
    worst_push = api.attempts * api.timeout + (api.attempts - 1) * MAX_RETRY_AFTER
    assert RasaClient("http://rasa").timeout == APPLY_TIMEOUT_SECONDS > worst_push
