"""A customer's data exported whole, and deleted from every table on request (never while an
operator has one of her chats), others' data untouched."""

from __future__ import annotations

import json

import pytest

from madoguchi.store import catalog_requests, handoffs, personal_data, privacy_requests, transcripts, web_sessions
from madoguchi.store.models import Order
from tests.madoguchi.store.privacy_data import ADDRESS, NAME, PHONE, TRACES, store_customer, traces, tracker_senders


# ---------------------------------------------------------------- export


def test_the_export_holds_everything_she_gave_and_the_bot_kept(db):
    stored = store_customer(db)
    data = privacy_requests.export(db, personal_data.by_phone(db, PHONE))
    said = json.dumps(data, ensure_ascii=False, default=str)
    assert [m["text"] for m in data["messages"]][:1] == ["カタログを送ってください。山田花子です"]
    assert {m["sender_id"] for m in data["messages"]} == {stored.web, stored.line}
    assert data["handoffs"][0]["details"] == {"person_name": NAME, "phone": PHONE, "address": ADDRESS}
    assert data["notes"][0]["text"] == "山田様には明日お電話"
    assert data["surveys"][0]["comment"] == "山田です。助かりました"
    assert data["catalog_requests"][0]["address"] == ADDRESS
    assert data["order_changes"][0]["detail"] == ADDRESS
    assert data["channel_profiles"][0]["display_name"] == "ヤマダ"
    assert data["web_chat_sessions"][0]["session_id"] == stored.web
    slots = [(e["sender_id"], e["name"], e["value"]) for e in data["tracker_events"] if e["event"] == "slot"]
    assert (stored.line, "phone", PHONE) in slots and (stored.web, "person_name", NAME) in slots
    assert any(e.get("text") == ADDRESS and e.get("intent") == "inform" for e in data["tracker_events"])
    assert data["orders"][0]["order_id"] == "A1234567"
    assert "鈴木" not in said and stored.other not in said


# ---------------------------------------------------------------- deletion


def test_deleting_by_phone_leaves_nothing_of_her_in_any_table_and_others_untouched(db):
    stored = store_customer(db)
    assert set(traces(db, TRACES + (stored.web, stored.line))) >= {
        "messages", "handoffs", "notes", "surveys", "desk_operations", "catalog_requests",
        "order_changes", "order_verifications", "callbacks", "channel_profiles", "events",
    }
    deleted = privacy_requests.delete(db, personal_data.by_phone(db, PHONE))
    assert deleted["messages"] == 8 and deleted["handoffs"] == 2 and deleted["tracker_events"] == 13
    assert deleted["web_chat_sessions"] == 1 and deleted["catalog_requests"] == 1
    assert traces(db, TRACES + (stored.web, stored.line)) == {}
    assert not web_sessions.is_issued(db, stored.web)
    # the other customer keeps everything
    assert [m.text for m in transcripts.for_sender(db, stored.other)] == ["送料はいくらですか", "880円です。"]
    assert tracker_senders(db) == {stored.other: 3}
    assert web_sessions.is_issued(db, stored.other)
    assert [r.name for r in catalog_requests.recent(db)] == ["鈴木一郎"]
    with db.session() as session:  # the order system's order stays, for the next import to agree
        assert session.get(Order, "A1234567").phone == PHONE


def test_deleting_one_conversation_keeps_her_other_one(db):
    stored = store_customer(db)
    privacy_requests.delete(db, personal_data.by_sender(db, stored.line))
    assert transcripts.for_sender(db, stored.line) == []
    assert stored.line not in tracker_senders(db)
    assert len(transcripts.for_sender(db, stored.web)) == 5
    assert personal_data.counts(db, personal_data.by_sender(db, stored.web))["handoffs"] == 1


def test_nothing_is_deleted_while_an_operator_has_her_chat(db):
    stored = store_customer(db)
    handoffs.open_handoff(
        db, sender_id=stored.web, channel="socketio", reason="complaint", priority=1, summary="", details={}
    )
    before = personal_data.counts(db, personal_data.by_phone(db, PHONE))
    with pytest.raises(privacy_requests.OpenHandoff):
        privacy_requests.delete(db, personal_data.by_phone(db, PHONE))
    assert personal_data.counts(db, personal_data.by_phone(db, PHONE)) == before


def test_every_kind_counted_is_deleted():
    assert set(personal_data.KINDS) == set(privacy_requests.DELETION_ORDER) | {"tracker_events"}


async def test_rasa_no_longer_has_the_conversation_it_kept_in_memory(db):
    """The tracker store keeps trackers between messages: a deleted one is not served again."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from madoguchi.settings import ROOT
    from madoguchi.rasa.stores.tracker_store import UrlTrackerStore

    domain = Domain.load(str(ROOT / "domain"))
    rasa_store = UrlTrackerStore(domain=domain, url=db.url)
    tracker = DialogueStateTracker("s-kept", domain.slots)
    tracker.update(UserUttered("電話は09012345678です", {"name": "inform", "confidence": 1.0}))
    tracker.update(SlotSet("phone", PHONE))
    await rasa_store.save(tracker)
    assert await rasa_store.retrieve("s-kept") is tracker  # kept in memory

    assert personal_data.by_phone(db, PHONE).sender_ids == ("s-kept",)
    assert privacy_requests.delete(db, personal_data.by_phone(db, PHONE))["tracker_events"] == 2
    assert await rasa_store.retrieve("s-kept") is None
