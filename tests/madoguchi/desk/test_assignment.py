"""One chat, one operator, through the desk API: taking a chat, replies and takes refused (409)
when another operator has it unless they take over, handing a chat to a colleague with a note,
the audit log of all of it, and who is viewing which chat on the live socket."""

from __future__ import annotations

import asyncio

import pytest

from madoguchi.store import audit, handoffs, operators, transcripts
from madoguchi.web.app import create_app
from tests.madoguchi.desk.test_api import (  # noqa: F401 - fixtures: client, rasa, token
    OPERATOR,
    PASSWORD,
    auth,
    client,
    lines_of_sender,
    make_handoff,
    next_message,
    rasa,
    settings_for,
    token,
)

COLLEAGUE = "ito"


@pytest.fixture
def colleague(db) -> str:
    operators.add(db, COLLEAGUE, PASSWORD)
    return operators.login(db, COLLEAGUE, PASSWORD, hours=1)


def audited(db, action: str) -> list[tuple[str, str, str, str]]:
    """(actor, target, outcome, detail) of an action's audit rows, the oldest first."""
    return [(e.actor, e.target, e.outcome, e.detail) for e in reversed(audit.recent(db, action=action))]


async def post(client, path: str, token: str, body: dict | None = None):
    response = await client.post(path, headers=auth(token), **({"json": body} if body is not None else {}))
    return response.status, await response.json()


async def test_an_operator_takes_a_waiting_chat_before_writing(client, db, token, colleague, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-take")
    status, body = await post(client, f"/api/handoffs/{hid}/take", token)
    assert status == 200 and body["took_over_from"] is None
    assert body["handoff"]["operator"] == OPERATOR
    assert handoffs.get(db, hid).operator == OPERATOR
    assert stand_in.calls == []  # the customer is told nothing by a take

    status, again = await post(client, f"/api/handoffs/{hid}/take", token, {})
    assert status == 200 and again["unchanged"] is True
    assert audited(db, "take") == [(OPERATOR, f"handoff:{hid}", "ok", "")]  # once

    listed = await (await client.get("/api/handoffs?status=open", headers=auth(token))).json()
    assert [h["operator"] for h in listed] == [OPERATOR]


async def test_a_take_of_a_chat_another_has_is_refused_unless_it_takes_over(client, db, token, colleague):
    hid = make_handoff(db, "s-take-over")
    assert (await post(client, f"/api/handoffs/{hid}/take", token))[0] == 200

    status, body = await post(client, f"/api/handoffs/{hid}/take", colleague)
    assert status == 409 and body["error"] == "assigned_to_other"
    assert body["message"].startswith(f"受付番号 {hid} は {OPERATOR} さんが担当しています。")
    assert handoffs.get(db, hid).operator == OPERATOR
    assert audited(db, "take")[-1] == (COLLEAGUE, f"handoff:{hid}", "refused", "assigned_to_other")

    status, body = await post(client, f"/api/handoffs/{hid}/take", colleague, {"takeover": True})
    assert status == 200 and body["took_over_from"] == OPERATOR
    assert handoffs.get(db, hid).operator == COLLEAGUE
    assert audited(db, "takeover") == [(COLLEAGUE, f"handoff:{hid}", "ok", f"from={OPERATOR} via=take")]


async def test_a_reply_to_a_chat_another_has_is_refused_and_never_sent(client, db, token, colleague, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-reply-409")
    assert (await post(client, f"/api/handoffs/{hid}/messages", token, {"text": "担当の佐藤です。"}))[0] == 201

    status, body = await post(client, f"/api/handoffs/{hid}/messages", colleague, {"text": "伊藤です。"})
    assert status == 409 and body["error"] == "assigned_to_other"
    assert f"{OPERATOR} さんが担当しています" in body["message"] and "送っていません" in body["message"]
    assert len(stand_in.calls) == 1
    assert lines_of_sender(db, "s-reply-409") == [("operator", "担当の佐藤です。")]
    assert audited(db, "message")[-1] == (COLLEAGUE, f"handoff:{hid}", "refused", "assigned_to_other")

    status, body = await post(client, f"/api/handoffs/{hid}/messages", colleague, {"text": "伊藤です。", "takeover": True})
    assert status == 201 and body["line"]["text"] == "伊藤です。"
    assert handoffs.get(db, hid).operator == COLLEAGUE
    assert len(stand_in.calls) == 2
    assert [m.author for m in transcripts.for_sender(db, "s-reply-409")] == [OPERATOR, COLLEAGUE]
    assert audited(db, "takeover") == [(COLLEAGUE, f"handoff:{hid}", "ok", f"from={OPERATOR} via=message")]

    # now the first operator is the one refused
    status, _ = await post(client, f"/api/handoffs/{hid}/messages", token, {"text": "佐藤です。"})
    assert status == 409 and len(stand_in.calls) == 2


@pytest.mark.parametrize("action, status_after", [("release", "released"), ("close", "closed")])
async def test_a_release_or_close_of_a_chat_another_has_is_refused_unless_it_takes_over(
    client, db, token, colleague, rasa, action, status_after
):
    stand_in, _ = rasa
    hid = make_handoff(db, f"s-{action}-409")
    assert (await post(client, f"/api/handoffs/{hid}/take", token))[0] == 200

    status, body = await post(client, f"/api/handoffs/{hid}/{action}", colleague)
    assert status == 409 and body["error"] == "assigned_to_other"
    assert f"{OPERATOR} さんが担当しています" in body["message"]
    assert handoffs.get(db, hid).status == "open" and stand_in.calls == []  # the customer is told nothing
    assert audited(db, action)[-1] == (COLLEAGUE, f"handoff:{hid}", "refused", "assigned_to_other")

    status, body = await post(client, f"/api/handoffs/{hid}/{action}", colleague, {"takeover": True})
    assert status == 200 and body["handoff"]["status"] == status_after
    assert audited(db, "takeover") == [(COLLEAGUE, f"handoff:{hid}", "ok", f"from={OPERATOR} via={action}")]
    # the operator's own chat, or nobody's, ends without a question
    mine = make_handoff(db, f"s-{action}-mine")
    assert (await post(client, f"/api/handoffs/{mine}/{action}", token))[0] == 200


async def test_a_takeover_reply_that_rasa_refuses_leaves_the_chat_with_its_operator(client, db, token, colleague, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-undo")
    assert (await post(client, f"/api/handoffs/{hid}/take", token))[0] == 200
    stand_in.status = 500
    status, body = await post(client, f"/api/handoffs/{hid}/messages", colleague, {"text": "伊藤です。", "takeover": True})
    assert status == 502
    assert handoffs.get(db, hid).operator == OPERATOR  # nothing was sent: nothing was taken
    assert audited(db, "takeover") == []


async def test_two_operators_replying_at_once_answer_the_customer_once(client, db, token, colleague, rasa):
    stand_in, _ = rasa
    stand_in.send_seconds = 0.3  # the first is still sending when the second arrives
    hid = make_handoff(db, "s-race")
    first, second = await asyncio.wait_for(
        asyncio.gather(
            post(client, f"/api/handoffs/{hid}/messages", token, {"text": "佐藤です。"}),
            post(client, f"/api/handoffs/{hid}/messages", colleague, {"text": "伊藤です。"}),
        ),
        timeout=10,
    )
    assert sorted([first[0], second[0]]) == [201, 409]
    assert len(stand_in.calls) == 1
    assert len(lines_of_sender(db, "s-race")) == 1


@pytest.mark.parametrize(
    "body,code",
    [
        ({"text": "x", "takeover": "yes"}, "bad_field"),
        ({"text": "x", "takeover": 1}, "bad_field"),
    ],
)
async def test_takeover_must_be_a_boolean(client, db, token, rasa, body, code):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-flag")
    for route in ("messages", "take"):
        status, answer = await post(client, f"/api/handoffs/{hid}/{route}", token, body)
        assert status == 400 and answer["error"] == code
    assert stand_in.calls == [] and handoffs.get(db, hid).operator is None


async def test_a_chat_is_handed_to_a_colleague_with_a_note(aiohttp_client, db, token, colleague, rasa):
    stand_in, url = rasa
    client = await aiohttp_client(create_app(settings_for(db, url), db))
    hid = make_handoff(db, "s-transfer")
    assert (await post(client, f"/api/handoffs/{hid}/take", token))[0] == 200
    async with client.ws_connect(f"/api/live?token={colleague}") as ws:
        await next_message(ws, "hello")
        status, body = await post(
            client, f"/api/handoffs/{hid}/transfer", token, {"to": COLLEAGUE, "note": "法事用のし、表書きは御供で確認済み"}
        )
        assert status == 200 and body["handoff"]["operator"] == COLLEAGUE
        told = await next_message(ws, "transfer", handoff_id=hid)
        assert (told["from"], told["to"], told["text"]) == (OPERATOR, COLLEAGUE, "法事用のし、表書きは御供で確認済み")
        assert told["note"]["text"] == f"引き継ぎ（{OPERATOR} → {COLLEAGUE}）：法事用のし、表書きは御供で確認済み"

    assert handoffs.get(db, hid).operator == COLLEAGUE
    detail = await (await client.get(f"/api/handoffs/{hid}", headers=auth(colleague))).json()
    assert [n["text"] for n in detail["notes"]] == [told["note"]["text"]]  # a private note: never sent
    assert stand_in.calls == []
    assert audited(db, "transfer") == [(OPERATOR, f"handoff:{hid}", "ok", f"to={COLLEAGUE} from={OPERATOR}")]
    assert audited(db, "takeover") == []  # handed over by its own operator

    # the one who handed it over is no longer its 担当
    status, _ = await post(client, f"/api/handoffs/{hid}/messages", token, {"text": "佐藤です。"})
    assert status == 409 and stand_in.calls == []
    assert (await post(client, f"/api/handoffs/{hid}/messages", colleague, {"text": "伊藤です。"}))[0] == 201


async def test_a_transfer_is_refused_to_nobody_to_oneself_or_of_a_chat_another_has(client, db, token, colleague):
    operators.add(db, "kato", PASSWORD)
    kato = operators.login(db, "kato", PASSWORD, hours=1)
    hid = make_handoff(db, "s-transfer-bad")
    for body, code in (
        ({}, "missing_field"),
        ({"to": "nobody"}, "unknown_operator"),
        ({"to": OPERATOR}, "transfer_to_self"),
        ({"to": COLLEAGUE, "note": 5}, "bad_field"),
    ):
        status, answer = await post(client, f"/api/handoffs/{hid}/transfer", token, body)
        assert (status, answer["error"]) == (400, code), body
    assert handoffs.get(db, hid).operator is None

    assert (await post(client, f"/api/handoffs/{hid}/take", token))[0] == 200
    status, answer = await post(client, f"/api/handoffs/{hid}/transfer", kato, {"to": COLLEAGUE})
    assert status == 409 and answer["error"] == "assigned_to_other"
    assert handoffs.get(db, hid).operator == OPERATOR and handoffs.notes(db, hid) == []
    assert audited(db, "transfer") == [("kato", f"handoff:{hid}", "refused", "assigned_to_other")]

    status, _ = await post(client, f"/api/handoffs/{hid}/transfer", kato, {"to": COLLEAGUE, "takeover": True})
    assert status == 200 and handoffs.get(db, hid).operator == COLLEAGUE
    assert audited(db, "takeover") == [("kato", f"handoff:{hid}", "ok", f"from={OPERATOR} via=transfer")]

    handoffs.finish_if_open(db, hid, handoffs.CLOSED)
    for route, body in (("take", None), ("transfer", {"to": OPERATOR})):
        status, answer = await post(client, f"/api/handoffs/{hid}/{route}", colleague, body)
        assert (status, answer["error"]) == (409, "handoff_not_open")


async def test_the_console_is_told_who_views_which_chat(client, db, token, colleague):
    first, second = make_handoff(db, "s-view-1"), make_handoff(db, "s-view-2")
    async with client.ws_connect(f"/api/live?token={token}") as mine:
        await next_message(mine, "hello")
        async with client.ws_connect(f"/api/live?token={colleague}") as theirs:
            await next_message(theirs, "hello")
            told = await next_message(mine, "viewers", online=[COLLEAGUE, OPERATOR])
            assert told["viewers"] == {}

            await theirs.send_json({"type": "viewing", "handoff_id": first})
            told = await next_message(mine, "viewers", viewers={str(first): [COLLEAGUE]})
            detail = await (await client.get(f"/api/handoffs/{first}", headers=auth(token))).json()
            assert detail["viewers"] == [COLLEAGUE]

            await mine.send_json({"type": "viewing", "handoff_id": first})
            await next_message(theirs, "viewers", viewers={str(first): [COLLEAGUE, OPERATOR]})

            await theirs.send_json({"type": "viewing", "handoff_id": second})  # another chat: no longer the first
            await next_message(mine, "viewers", viewers={str(first): [OPERATOR], str(second): [COLLEAGUE]})

            await theirs.send_str("not json")  # ignored, the socket stays
            await theirs.send_json({"type": "viewing", "handoff_id": "12"})  # not an id: no chat
            await next_message(mine, "viewers", viewers={str(first): [OPERATOR]})
            await theirs.send_json({"type": "viewing", "handoff_id": second})
            await next_message(mine, "viewers", viewers={str(first): [OPERATOR], str(second): [COLLEAGUE]})
        # their socket closed: they view nothing, and are not online
        told = await next_message(mine, "viewers", viewers={str(first): [OPERATOR]})
        assert told["online"] == [OPERATOR]
        listed = await (await client.get("/api/operators", headers=auth(token))).json()
        assert listed == [
            {"username": COLLEAGUE, "online": False, "me": False},
            {"username": OPERATOR, "online": True, "me": True},
        ]
