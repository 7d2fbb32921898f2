"""A customer's data found by conversation or phone, exported, deleted from every table; and
what is past its retention period deleted, what is not kept."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import text

from madoguchi.shop.rules import Retention
from madoguchi.store import catalog_requests, handoffs, privacy, transcripts, web_sessions
from madoguchi.store.models import Handoff, Order, utcnow
from tests.madoguchi.store.privacy_data import (
    ADDRESS,
    NAME,
    PHONE,
    TRACES,
    conversation,
    store_customer,
    traces,
    tracker_event,
)


def tracker_senders(db) -> dict[str, int]:
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id"))
        return {sender: n for sender, n in rows}


# ---------------------------------------------------------------- finding


def test_a_phone_written_in_any_width_finds_every_conversation_she_gave_it_in(db):
    stored = store_customer(db)
    for written in (PHONE, "090-1234-5678", "０９０（１２３４）５６７８", "+81 90 1234 5678"):
        customer = privacy.by_phone(db, written)
        assert customer.sender_ids == tuple(sorted((stored.web, stored.line))), written
        assert customer.catalog_request_ids == (stored.catalog_id,)
        assert customer.order_ids == ("A1234567",)
    assert privacy.by_phone(db, "12345") is None  # no phone number


def test_a_phone_found_only_in_what_the_customer_wrote_still_finds_her(db):
    conversation(db, "rest-1", "rest", [("customer", "電話は０８０ー９８７６ー５４３２です")], utcnow())
    conversation(db, "rest-2", "rest", [("customer", "注文番号は5432です")], utcnow())  # the same 4 digits only
    assert privacy.by_phone(db, "08098765432").sender_ids == ("rest-1",)


def test_a_conversation_is_found_by_its_id_with_its_own_catalog_requests(db):
    stored = store_customer(db)
    customer = privacy.by_sender(db, f" {stored.web} ")
    assert customer.sender_ids == (stored.web,)
    assert customer.catalog_request_ids == (stored.catalog_id,)
    counts = privacy.counts(db, customer)
    assert counts["messages"] == 5 and counts["handoffs"] == 1 and counts["notes"] == 1
    assert counts["surveys"] == 1 and counts["desk_operations"] == 1 and counts["web_chat_sessions"] == 1
    assert counts["tracker_events"] == 8 and counts["order_changes"] == 0 and counts["orders"] == 0


def test_nothing_is_found_of_a_conversation_the_shop_never_had(db):
    store_customer(db)
    counts = privacy.counts(db, privacy.by_sender(db, "nobody"))
    assert set(counts.values()) == {0}


# ---------------------------------------------------------------- export


def test_the_export_holds_everything_she_gave_and_the_bot_kept(db):
    stored = store_customer(db)
    data = privacy.export(db, privacy.by_phone(db, PHONE))
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
    deleted = privacy.delete(db, privacy.by_phone(db, PHONE))
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
    privacy.delete(db, privacy.by_sender(db, stored.line))
    assert transcripts.for_sender(db, stored.line) == []
    assert stored.line not in tracker_senders(db)
    assert len(transcripts.for_sender(db, stored.web)) == 5
    assert privacy.counts(db, privacy.by_sender(db, stored.web))["handoffs"] == 1


def test_nothing_is_deleted_while_an_operator_has_her_chat(db):
    stored = store_customer(db)
    handoffs.open_handoff(
        db, sender_id=stored.web, channel="socketio", reason="complaint", priority=1, summary="", details={}
    )
    before = privacy.counts(db, privacy.by_phone(db, PHONE))
    with pytest.raises(privacy.OpenHandoff):
        privacy.delete(db, privacy.by_phone(db, PHONE))
    assert privacy.counts(db, privacy.by_phone(db, PHONE)) == before


def test_the_audit_reference_does_not_hold_the_identifier(db):
    customer = privacy.by_phone(db, "090-1234-5678")
    assert PHONE not in customer.reference and customer.reference.startswith("customer:phone:")
    assert customer.reference == privacy.by_phone(db, PHONE).reference


# ---------------------------------------------------------------- retention


def aged(db, model, days: float, **columns) -> None:
    """Move every row of a table back in time."""
    with db.session() as session:
        for row in session.query(model):
            for column in columns or ("created_at",):
                setattr(row, column, getattr(row, column) - timedelta(days=days))


def test_what_is_past_its_period_is_deleted_and_the_rest_kept(db):
    now = utcnow()
    conversation(db, "old", "rest", [("customer", "古い話です")], now - timedelta(days=400))
    conversation(db, "new", "rest", [("customer", "新しい話です")], now - timedelta(days=10))
    old_web = web_sessions.issue(db)
    done = handoffs.open_handoff(db, sender_id="old", channel="rest", reason="complaint", priority=1, summary="古い", details={})
    handoffs.add_note(db, done.id, "sato", "古いメモ")
    handoffs.finish_if_open(db, done.id, handoffs.CLOSED, "sato")
    waiting = handoffs.open_handoff(db, sender_id="waiting", channel="rest", reason="distress", priority=1, summary="待ち", details={})
    with db.session() as session:
        for h in session.query(Handoff):
            h.created_at = h.updated_at = now - timedelta(days=500)
            h.ended_at = None if h.status == "open" else now - timedelta(days=400)
    from madoguchi.store.web_sessions import WebChatSession

    aged(db, WebChatSession, 400, issued_at=True)
    sent_long_ago = catalog_requests.add(
        db, sender_id="old", channel="rest", name="古川", postal_code="100-0001", address="東京都",
        phone="0312345678", shipping_method="mail", created_at=now - timedelta(days=100), sent_at=now - timedelta(days=95),
    )
    asked_long_ago_sent_lately = catalog_requests.add(
        db, sender_id="old", channel="rest", name="古田", postal_code="100-0001", address="東京都",
        phone="0312345679", shipping_method="mail", created_at=now - timedelta(days=100), sent_at=now - timedelta(days=20),
    )

    deleted = privacy.purge(db, Retention(conversations_days=365, catalog_requests_days=90), now)

    assert deleted["messages"] == 1 and deleted["handoffs"] == 1 and deleted["notes"] == 1
    assert deleted["tracker_events"] == 2 and deleted["catalog_requests"] == 1 and deleted["web_chat_sessions"] == 1
    assert transcripts.for_sender(db, "old") == [] and len(transcripts.for_sender(db, "new")) == 1
    assert handoffs.get(db, done.id) is None
    assert handoffs.get(db, waiting.id).status == "open"  # an operator may still be at it
    assert not web_sessions.is_issued(db, old_web)
    assert tracker_senders(db) == {"new": 2}
    assert catalog_requests.get(db, sent_long_ago) is None
    assert catalog_requests.get(db, asked_long_ago_sent_lately) is not None
    assert set(privacy.purge(db, Retention(365, 90), now).values()) == {0}  # nothing left to do


def test_a_web_session_still_in_use_is_kept_however_old(db):
    now = utcnow()
    session_id = web_sessions.issue(db)
    from madoguchi.store.web_sessions import WebChatSession

    aged(db, WebChatSession, 400, issued_at=True)
    conversation(db, session_id, "socketio", [("customer", "またお願いします")], now - timedelta(days=1))
    privacy.purge(db, Retention(365, 365), now)
    assert web_sessions.is_issued(db, session_id)


def test_the_tracker_keeps_a_conversations_latest_session_whole(db):
    now = utcnow()
    # an earlier session, past the period, then the latest, begun past it and still going
    tracker_event(db, "c", {"event": "session_started"}, now - timedelta(days=400))
    tracker_event(db, "c", {"event": "user", "text": "去年の話"}, now - timedelta(days=399))
    tracker_event(db, "c", {"event": "session_started"}, now - timedelta(days=366))
    tracker_event(db, "c", {"event": "user", "text": "長い会話の始まり"}, now - timedelta(days=366))
    tracker_event(db, "c", {"event": "user", "text": "今日の続き"}, now)
    assert privacy.purge(db, Retention(365, 365), now)["tracker_events"] == 2
    with db.engine.connect() as connection:
        texts = [json.loads(d).get("text") for (d,) in connection.execute(text("SELECT data FROM events ORDER BY id"))]
    assert texts == [None, "長い会話の始まり", "今日の続き"]


def test_purging_a_database_without_a_tracker_table_works(db):
    assert set(privacy.purge(db, Retention(), utcnow()).values()) == {0}
    assert privacy.counts(db, privacy.by_sender(db, "x"))["tracker_events"] == 0


def test_the_retention_periods_are_read_from_the_rules_file(rules):
    assert rules.retention == Retention(conversations_days=365, catalog_requests_days=365, purge_every_hours=6)


@pytest.mark.parametrize("changes", [{"conversations_days": 0}, {"catalog_requests_days": -1}])
def test_a_period_of_no_days_is_refused(changes):
    from tests.madoguchi.edited_rules import edited_rules

    with pytest.raises(ValueError):
        edited_rules(**{f"privacy__retention__{k}": v for k, v in changes.items()})


def test_rules_without_a_privacy_section_keep_data_a_year():
    from madoguchi.shop.rules import Retention as R

    assert R.from_dict(None) == R(365, 365, 6)


def test_every_kind_counted_is_deleted():
    assert set(privacy.KINDS) == set(privacy.DELETION_ORDER) | {"tracker_events"}


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

    assert privacy.by_phone(db, PHONE).sender_ids == ("s-kept",)
    assert privacy.delete(db, privacy.by_phone(db, PHONE))["tracker_events"] == 2
    assert await rasa_store.retrieve("s-kept") is None
