"""Phone callbacks on the desk: the operator offers one through Rasa, the customer's booking
(taken by the channels) is listed in time order, and an operator marks it done, audited."""

from __future__ import annotations

from datetime import datetime, timezone

from madoguchi.handoff import callback as words
from madoguchi.store import audit, callbacks
from tests.madoguchi.desk.test_api import auth, client, make_handoff, rasa, token  # noqa: F401 (fixtures)

JST_OFFSET = "+09:00"


def booked(
    db, sender_id: str, starts: str, ends: str, phone: str = "09012345678",
    handoff_id: int | None = None, channel: str = "socketio",
) -> int:
    """A callback a customer booked for a slot (Japan time, ISO)."""
    row, _ = callbacks.start(db, sender_id, channel, handoff_id)
    callbacks.set_phone(db, row.id, phone)
    callbacks.book(db, row.id, datetime.fromisoformat(starts + JST_OFFSET), datetime.fromisoformat(ends + JST_OFFSET))
    return row.id


async def test_the_queue_lists_booked_callbacks_earliest_slot_first(client, db, token):
    hid = make_handoff(db, "s-later", channel="line")
    later = booked(db, "s-later", "2026-11-24T13:00", "2026-11-24T15:00", "0312345678", handoff_id=hid, channel="line")
    sooner = booked(db, "s-sooner", "2026-11-21T09:00", "2026-11-21T11:00")
    cancelled = booked(db, "s-cancelled", "2026-11-20T09:00", "2026-11-20T11:00")
    callbacks.cancel(db, cancelled)
    callbacks.start(db, "s-draft", "socketio", None)  # no slot chosen yet: not in the queue

    response = await client.get("/api/callbacks", headers=auth(token))
    assert response.status == 200
    listed = await response.json()
    assert [c["id"] for c in listed] == [sooner, later]
    first, second = listed
    assert first["slot_label"] == "11月21日(土) 9時〜11時" and first["phone_label"] == "090-1234-5678"
    assert first["starts_at"] == "2026-11-21T09:00:00+09:00" and first["status_label"] == "お電話待ち"
    assert second["handoff_id"] == hid and second["channel_label"] == "LINE" and second["phone"] == "0312345678"
    everything = await (await client.get("/api/callbacks?status=all", headers=auth(token))).json()
    assert {c["id"] for c in everything} == {sooner, later, cancelled}
    assert (await client.get("/api/callbacks?status=odd", headers=auth(token))).status == 400
    assert (await client.get("/api/callbacks")).status == 401


async def test_marking_a_callback_done_is_audited_and_can_be_undone(client, db, token):
    callback_id = booked(db, "s-done", "2026-11-21T09:00", "2026-11-21T11:00")
    response = await client.post(f"/api/callbacks/{callback_id}/done", headers=auth(token))
    assert response.status == 200
    body = await response.json()
    assert body["callback"]["status"] == "done" and body["callback"]["done_by"] == "sato"
    assert await (await client.get("/api/callbacks", headers=auth(token))).json() == []
    done = await (await client.get("/api/callbacks?status=done", headers=auth(token))).json()
    assert [c["id"] for c in done] == [callback_id]
    [entry] = audit.recent(db, action="callback_done")
    assert (entry.actor, entry.target, entry.outcome) == ("sato", f"callback:{callback_id}", "ok")

    response = await client.post(f"/api/callbacks/{callback_id}/undone", headers=auth(token))
    assert (await response.json())["callback"]["status"] == "booked"
    assert callbacks.get(db, callback_id).done_at is None
    assert audit.recent(db, action="callback_undone")[0].outcome == "ok"
    assert (await client.post("/api/callbacks/999/done", headers=auth(token))).status == 404


async def test_a_cancelled_callback_cannot_be_marked_done(client, db, token):
    callback_id = booked(db, "s-cancel", "2026-11-21T09:00", "2026-11-21T11:00")
    callbacks.cancel(db, callback_id)
    response = await client.post(f"/api/callbacks/{callback_id}/done", headers=auth(token))
    assert response.status == 409 and (await response.json())["error"] == "callback_not_booked"
    assert callbacks.get(db, callback_id).status == "cancelled"
    assert audit.recent(db, action="callback_done")[0].outcome == "refused"


async def test_an_operator_offers_a_callback_on_the_customers_channel(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-offer", channel="line")
    response = await client.post(f"/api/handoffs/{hid}/callback-offer", headers=auth(token))
    assert response.status == 201
    [call] = stand_in.calls
    assert call["sender_id"] == "s-offer" and call["query"]["output_channel"] == "line"
    [event] = call["events"]
    assert event["event"] == "bot" and event["text"] == words.OFFER
    [button] = event["data"]["buttons"]
    assert words.parse(button["payload"]) == words.Choice(start=True)
    shown = await (await client.get(f"/api/handoffs/{hid}", headers=auth(token))).json()
    assert any(line["from"] == "bot" and words.OFFER in line["text"] for line in shown["transcript"])
    assert audit.recent(db, action="callback_offer")[0].target == f"handoff:{hid}"

    stand_in.status = 500  # Rasa down: said so, nothing pretended
    response = await client.post(f"/api/handoffs/{hid}/callback-offer", headers=auth(token))
    assert response.status == 502 and "送信されませんでした" in (await response.json())["message"]
    assert audit.recent(db, action="callback_offer")[0].outcome == "failed"


async def test_a_closed_chat_is_offered_nothing(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-closed")
    await client.post(f"/api/handoffs/{hid}/close", headers=auth(token))
    calls = len(stand_in.calls)
    response = await client.post(f"/api/handoffs/{hid}/callback-offer", headers=auth(token))
    assert response.status == 409 and len(stand_in.calls) == calls


def test_times_are_stored_in_utc(db):
    callback_id = booked(db, "s-utc", "2026-11-21T09:00", "2026-11-21T11:00")
    row = callbacks.get(db, callback_id)
    assert row.starts_at == datetime(2026, 11, 21, 0, 0) and row.starts_at.tzinfo is None
    assert datetime(2026, 11, 21, tzinfo=timezone.utc).replace(tzinfo=None) == row.starts_at


async def test_a_callback_whose_slot_has_passed_is_marked_late(client, db, token):
    past = booked(db, "s-past", "2020-01-06T09:00", "2020-01-06T11:00")
    future = booked(db, "s-future", "2099-01-05T09:00", "2099-01-05T11:00")
    listed = {c["id"]: c for c in await (await client.get("/api/callbacks", headers=auth(token))).json()}
    assert listed[past]["overdue"] is True and listed[future]["overdue"] is False
