"""The store on a real PostgreSQL server: the SQLite suites again, and what only shows under load.

The tests of `test_orders`, `test_transcripts`, `test_handoffs`, `test_operators`,
`test_customers`, `test_personal_data`, `test_privacy_requests` (a customer's data deleted from
every table), `test_retention_purge` and `test_callbacks` run here a second time, unchanged,
with their `db` fixture pointing at PostgreSQL (an empty database for each test). The tests written here (catalog requests, LINE events claimed once, Rasa's
tracker store) run on both SQLite and PostgreSQL, and so do the concurrent ones: several
instances claiming the same LINE event, recording the same transcript line or taking the
same chat at once.

A throw-away PostgreSQL cluster is started for the session (tests/servers.py); without
PostgreSQL installed the PostgreSQL cases are skipped, saying so.
"""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

import pytest
from sqlalchemy import text

from madoguchi.store import catalog_requests, channel_events, handoffs, transcripts
from madoguchi.store.db import Database
from madoguchi.store.models import Base
from madoguchi.store.transcripts import Line
from madoguchi.store.verifications import VerificationBase
from madoguchi.store.callbacks import CallbackBase
from tests.madoguchi.store import (
    test_callbacks, test_customers, test_handoffs, test_operators, test_orders, test_personal_data, test_privacy_requests,
    test_retention_purge, test_transcripts,
)
from tests.madoguchi.store.test_operators import desk  # noqa: F401  (a fixture of the operators' tests)
from tests.servers import postgres_server  # noqa: F401  (a session fixture)

DATABASE = "madoguchi_store_test"

# The SQLite suites, collected here again under their module's name: `test_orders__cancel`.
for _module in (
    test_orders, test_transcripts, test_handoffs, test_operators, test_customers, test_personal_data, test_privacy_requests,
    test_retention_purge, test_callbacks,
):
    _prefix = _module.__name__.rsplit(".", 1)[-1]
    for _name, _value in list(vars(_module).items()):
        if _name.startswith("test_") and callable(_value):
            globals()[f"{_prefix}__{_name[len('test_'):]}"] = _value
del _module, _prefix, _name, _value


@pytest.fixture(scope="module")
def postgres_url(postgres_server) -> str:  # noqa: F811
    """One database for this module's tests; each test starts from empty tables."""
    return postgres_server.create_database(DATABASE)


def _empty(url: str) -> None:
    """Every table of the shop and of Rasa's tracker store emptied, ids restarted."""
    from rasa.core.tracker_store import SQLTrackerStore

    from madoguchi.store.desk_tables import DeskBase
    from madoguchi.store.web_sessions import WebSessionBase

    tables = [
        *Base.metadata.tables, *SQLTrackerStore.Base.metadata.tables, *DeskBase.metadata.tables,
        *WebSessionBase.metadata.tables, *VerificationBase.metadata.tables, *CallbackBase.metadata.tables,
    ]
    engine = Database(url).engine
    try:
        with engine.begin() as connection:
            existing = set(
                connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars()
            )
            names = ", ".join(f'"{t}"' for t in tables if t in existing)
            if names:
                connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture
def postgres_db(postgres_url: str):
    """An empty shop database on PostgreSQL."""
    _empty(postgres_url)
    database = Database(postgres_url)
    yield database
    database.engine.dispose()


@pytest.fixture
def db(postgres_db: Database) -> Database:
    """Overrides the suites' SQLite `db`: the imported tests run on PostgreSQL."""
    return postgres_db


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request, tmp_path: Path) -> Database:
    """The tests written here run on both databases."""
    if request.param == "sqlite":
        return Database(f"sqlite:///{tmp_path / 'shop.db'}")
    return request.getfixturevalue("postgres_db")


def test_the_imported_suites_run_on_postgresql(db):
    assert db.engine.dialect.name == "postgresql"
    copied = [name for name in globals() if "__" in name and name.startswith("test_")]
    assert len(copied) > 40


def at_once(n: int, work: Callable[[int], object]) -> list[object]:
    """Run `work(i)` in n threads released together; their results in order of i."""
    barrier = threading.Barrier(n)
    results: list[object] = [None] * n
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[i] = work(i)
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    if errors:
        raise errors[0]
    return results


def instances(any_db: Database, n: int) -> list[Database]:
    """n connections to the same database as separate processes would have (own engines)."""
    return [Database(any_db.url) for _ in range(n)]


# --- catalog requests ---------------------------------------------------------------------


def request_for(db: Database, sender_id: str, name: str) -> int:
    return catalog_requests.add(
        db, sender_id=sender_id, channel="socketio", name=name, postal_code="100-0001",
        address="東京都千代田区千代田1-1", phone="09012345678", shipping_method="mail",
    )


def test_catalog_requests_newest_first(any_db):
    first = request_for(any_db, "s1", "山田花子")
    second = request_for(any_db, "s2", "鈴木一郎")
    assert second != first
    stored = catalog_requests.recent(any_db)
    assert [(r.id, r.name) for r in stored] == [(second, "鈴木一郎"), (first, "山田花子")]
    assert (stored[1].postal_code, stored[1].phone, stored[1].shipping_method) == ("100-0001", "09012345678", "mail")
    assert isinstance(stored[0].created_at, datetime) and stored[0].created_at.tzinfo is None
    assert [r.id for r in catalog_requests.recent(any_db, limit=1)] == [second]


def test_catalog_requests_of_several_instances_get_distinct_ids(any_db):
    dbs = instances(any_db, 6)
    ids = at_once(6, lambda i: request_for(dbs[i], f"s{i}", f"客{i}"))
    assert len(set(ids)) == 6
    assert len(catalog_requests.recent(any_db)) == 6


# --- LINE events, handled once ------------------------------------------------------------


def test_an_event_is_claimed_once(any_db):
    assert channel_events.claim_event(any_db, "01HEVENT0000000000000000001", "line") is True
    assert channel_events.claim_event(any_db, "01HEVENT0000000000000000001", "line") is False
    assert channel_events.claim_event(any_db, "01HEVENT0000000000000000002", "line") is True
    assert channel_events.is_processed(any_db, "01HEVENT0000000000000000001")
    assert not channel_events.is_processed(any_db, "01HEVENT0000000000000000003")


def test_concurrent_claims_of_the_same_event_exactly_one_wins(any_db):
    dbs = instances(any_db, 8)
    for round_ in range(5):
        event_id = f"01HCONCURRENT{round_:013d}"
        won = at_once(8, lambda i: channel_events.claim_event(dbs[i], event_id, "line"))
        assert won.count(True) == 1, won
        assert won.count(False) == 7


def test_concurrent_takes_of_one_chat_exactly_one_operator_gets_it(any_db):
    """Operators on several web services taking the same waiting chat at once (desk/assignment.py)."""
    dbs = instances(any_db, 8)
    for round_ in range(3):
        handoff = test_handoffs.open_one(any_db, f"s-take-{round_}")
        won = at_once(8, lambda i: handoffs.assign(dbs[i], handoff.id, f"op{i}", expected=None))
        assert won.count(True) == 1, won
        assert handoffs.get(any_db, handoff.id).operator == f"op{won.index(True)}"


def test_old_events_are_pruned(any_db):
    channel_events.claim_event(any_db, "old", "line")
    channel_events.claim_event(any_db, "new", "line")
    from madoguchi.store.models import ProcessedEvent

    with any_db.session() as session:
        session.get(ProcessedEvent, "old").at = datetime(2020, 1, 1)
    assert channel_events.prune_events(any_db, datetime(2021, 1, 1)) == 1
    assert not channel_events.is_processed(any_db, "old")
    assert channel_events.is_processed(any_db, "new")


def test_a_profile_is_saved_once_by_concurrent_first_writers(any_db):
    dbs = instances(any_db, 4)
    at_once(4, lambda i: channel_events.save_display_name(dbs[i], "U1", "line", "山田"))
    assert channel_events.display_name(any_db, "U1") == "山田"
    channel_events.set_following(any_db, "U1", "line", False)
    assert channel_events.profile(any_db, "U1").following == 0
    assert channel_events.display_name(any_db, "U2") is None


# --- transcripts, under concurrency -------------------------------------------------------


def test_the_same_lines_recorded_by_several_instances_at_once_are_stored_once(any_db):
    t0 = datetime(2026, 11, 20, 1, 0, 0)
    lines = [Line("s1", "customer" if i % 2 else "bot", f"行{i}", t0 + timedelta(seconds=i), str(i), "rest")
             for i in range(10)]
    dbs = instances(any_db, 6)
    new = at_once(6, lambda i: transcripts.record(dbs[i], lines))
    assert sum(new) == 10
    assert [m.text for m in transcripts.for_sender(any_db, "s1")] == [f"行{i}" for i in range(10)]


def test_a_line_twice_in_one_batch_is_stored_once(any_db):
    t0 = datetime(2026, 11, 20, 1, 0, 0)
    same = Line("s1", "customer", "はい", t0, "k1")
    assert transcripts.record(any_db, [same, same, Line("s1", "bot", "承知しました", t0, "k2")]) == 2
    assert [m.text for m in transcripts.for_sender(any_db, "s1")] == ["はい", "承知しました"]


def test_record_counts_only_new_lines_in_a_large_batch(any_db):
    t0 = datetime(2026, 11, 20, 1, 0, 0)
    lines = [Line("s1", "customer", f"行{i}", t0 + timedelta(seconds=i), str(i)) for i in range(1200)]
    assert transcripts.record(any_db, lines[:700]) == 700
    assert transcripts.record(any_db, lines) == 500
    assert transcripts.record(any_db, lines) == 0
    assert len(transcripts.for_sender(any_db, "s1")) == 1200


# --- Rasa's tracker store on the same database ----------------------------------------------


def test_the_tracker_store_saves_and_retrieves_a_tracker(any_db):
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import (
        ActionExecuted, BotUttered, ConversationPaused, SlotSet, UserUttered,
    )
    from rasa.shared.core.trackers import DialogueStateTracker

    from madoguchi.settings import ROOT
    from madoguchi.rasa.stores.tracker_store import UrlTrackerStore

    domain = Domain.load(str(ROOT / "domain"))
    store = UrlTrackerStore(domain=domain, url=any_db.url)
    try:
        assert store.engine.dialect.name == any_db.engine.dialect.name
        tracker = DialogueStateTracker.from_events(
            "U-tracker",
            [
                ActionExecuted("action_session_start"),
                ActionExecuted("action_listen"),
                UserUttered("オペレーターと話したい", {"name": "request_human", "confidence": 0.98}),
                BotUttered("担当者におつなぎします。"),
                SlotSet("handoff_reason", "customer_request"),
                ConversationPaused(),
                ActionExecuted("action_listen"),
            ],
            slots=domain.slots,
        )
        asyncio.run(store.save(tracker))
        # A message while paused, saved by "another instance" (a second store object).
        other = UrlTrackerStore(domain=domain, url=any_db.url)
        again = asyncio.run(other.retrieve("U-tracker"))
        again.update(UserUttered("まだですか", {"name": "inform", "confidence": 0.5}))
        asyncio.run(other.save(again))
        other.engine.dispose()

        found = asyncio.run(store.retrieve("U-tracker"))
        assert found is not None
        assert found.is_paused()
        assert found.get_slot("handoff_reason") == "customer_request"
        assert [e.text for e in found.events if isinstance(e, UserUttered)] == ["オペレーターと話したい", "まだですか"]
        assert [e.text for e in found.events if isinstance(e, BotUttered)] == ["担当者におつなぎします。"]
        assert len(found.events) == 8
        assert "U-tracker" in set(asyncio.run(store.keys()))
        assert asyncio.run(store.retrieve("nobody")) is None
    finally:
        store.engine.dispose()


# --- several processes starting together --------------------------------------------------


def test_several_instances_create_the_tables_at_once(postgres_server):  # noqa: F811
    from madoguchi.rasa.stores.tracker_store import UrlTrackerStore

    url = postgres_server.create_database("madoguchi_create_race")

    def start(i: int) -> str:
        if i % 2:
            store = UrlTrackerStore(url=url)
            store.engine.dispose()
        database = Database(url)
        database.engine.dispose()
        return "started"

    assert at_once(6, start) == ["started"] * 6
    database = Database(url)
    try:
        with database.engine.connect() as connection:
            tables = set(
                connection.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars()
            )
        assert set(Base.metadata.tables) | {"events"} <= tables
    finally:
        database.engine.dispose()


def test_a_postgres_url_in_the_heroku_spelling_is_accepted(postgres_url):
    database = Database(postgres_url.replace("postgresql://", "postgres://"))
    try:
        assert database.engine.dialect.name == "postgresql"
        assert channel_events.claim_event(database, "spelling", "line") in (True, False)
    finally:
        database.engine.dispose()
