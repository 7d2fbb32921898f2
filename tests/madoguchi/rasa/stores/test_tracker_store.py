"""Rasa's tracker store on our database: trackers kept between messages, events published once."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from madoguchi.rasa.stores.tracker_store import UrlTrackerStore
from madoguchi.settings import ROOT


class Recorder:
    """An event broker that keeps what it is given."""

    def __init__(self) -> None:
        self.events: list[dict] = []

    def publish(self, event: dict) -> None:
        self.events.append(event)


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain"))


def store(url: str, domain: Domain, broker=None) -> UrlTrackerStore:
    return UrlTrackerStore(domain=domain, url=url, event_broker=broker)


def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'tracker.db'}"


def turn(tracker: DialogueStateTracker, text: str) -> None:
    tracker.update(UserUttered(text, {"name": "greet", "confidence": 1.0}))
    tracker.update(BotUttered("こんにちは"))
    tracker.update(ActionExecuted("action_listen"))


async def test_a_saved_tracker_is_reused_and_equal_to_the_stored_one(tmp_path, domain):
    s = store(url(tmp_path), domain)
    tracker = DialogueStateTracker("c1", domain.slots)
    turn(tracker, "こんにちは")
    await s.save(tracker)
    assert await s.retrieve("c1") is tracker  # no rebuild from the database
    fresh = await store(url(tmp_path), domain).retrieve("c1")
    assert [e.as_dict() for e in fresh.events] == [e.as_dict() for e in tracker.events]


async def test_a_write_by_another_instance_is_seen(tmp_path, domain):
    a, b = store(url(tmp_path), domain), store(url(tmp_path), domain)
    tracker = DialogueStateTracker("c1", domain.slots)
    turn(tracker, "一回目")
    await a.save(tracker)
    at_b = await b.retrieve("c1")
    turn(at_b, "二回目")
    await b.save(at_b)
    again = await a.retrieve("c1")
    assert again is not tracker
    assert [e.text for e in again.events if isinstance(e, UserUttered)] == ["一回目", "二回目"]


async def test_unsaved_events_in_memory_are_not_served(tmp_path, domain):
    s = store(url(tmp_path), domain)
    tracker = DialogueStateTracker("c1", domain.slots)
    turn(tracker, "保存した")
    await s.save(tracker)
    turn(tracker, "保存していない")  # a message whose processing failed before the save
    served = await s.retrieve("c1")
    assert [e.text for e in served.events if isinstance(e, UserUttered)] == ["保存した"]


async def test_each_event_is_published_once(tmp_path, domain):
    broker = Recorder()
    s = store(url(tmp_path), domain, broker)
    tracker = DialogueStateTracker("c1", domain.slots)
    turn(tracker, "一回目")
    await s.save(tracker)
    await s.save(tracker)  # nothing new
    turn(tracker, "二回目")
    await s.save(tracker)
    users = [e["text"] for e in broker.events if e["event"] == "user"]
    assert users == ["一回目", "二回目"]
    assert len(broker.events) == 6 and all(e["sender_id"] == "c1" for e in broker.events)


async def test_a_tracker_saved_after_another_instance_wrote_stores_no_duplicates(tmp_path, domain):
    a, b = store(url(tmp_path), domain), store(url(tmp_path), domain)
    tracker = DialogueStateTracker("c1", domain.slots)
    turn(tracker, "一回目")
    await a.save(tracker)
    at_b = await b.retrieve("c1")
    turn(at_b, "二回目")
    await b.save(at_b)
    turn(tracker, "二回目")  # the same turn, also seen by a: must not be stored twice
    await a.save(tracker)
    fresh = await store(url(tmp_path), domain).retrieve("c1")
    assert [e.text for e in fresh.events if isinstance(e, UserUttered)] == ["一回目", "二回目"]


async def test_a_new_session_is_served_without_the_old_one(tmp_path, domain):
    s = store(url(tmp_path), domain)
    tracker = DialogueStateTracker("c1", domain.slots)
    turn(tracker, "昨日の話")
    await s.save(tracker)
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(ActionExecuted("action_listen"))
    turn(tracker, "今日の話")
    await s.save(tracker)
    served = await s.retrieve("c1")
    assert [e.text for e in served.events if isinstance(e, UserUttered)] == ["今日の話"]


async def test_a_conversation_left_without_action_listen_heals_and_stays_healed(tmp_path, domain):
    # What an older version saved when the action server was down: Rasa's circuit breaker
    # stopped the turn after ten failed actions, and every later message tripped it at once.
    s = store(url(tmp_path), domain)
    tracker = DialogueStateTracker("stuck", domain.slots)
    turn(tracker, "こんにちは")
    tracker.update(UserUttered("カタログを送ってください", {"name": "request_catalog", "confidence": 1.0}))
    for _ in range(10):
        tracker.update(ActionExecuted("action_fallback"))
    await s.save(tracker)

    fresh_store = store(url(tmp_path), domain)
    healed = await fresh_store.retrieve("stuck")
    assert healed.latest_action_name == "action_listen"
    await fresh_store.save(healed)
    again = await store(url(tmp_path), domain).retrieve("stuck")
    assert [e.as_dict() for e in again.events] == [e.as_dict() for e in healed.events]
    assert again.latest_action_name == "action_listen"


async def test_an_in_memory_database_keeps_its_tables(domain):
    # Rasa accepts `sqlite:///` (an in-memory database); its tables live in the engine that
    # created them. Found by Rasa's own tracker store tests (`make check-rasa`).
    s = store("sqlite:///", domain)
    tracker = DialogueStateTracker("c1", domain.slots)
    turn(tracker, "こんにちは")
    await s.save(tracker)
    s._kept.clear()
    assert [e.as_dict() for e in (await s.retrieve("c1")).events] == [e.as_dict() for e in tracker.events]
