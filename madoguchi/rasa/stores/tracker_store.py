"""Rasa's SQL tracker store on madoguchi's database URL (SQLite with WAL, or PostgreSQL).

Rasa's own store rebuilds the tracker from all its events on every message, and counts
the conversation's events (a query that grows with the conversation) three times more to
find the events to save and publish. Here a tracker stays in memory between messages and
is reused while the conversation's newest row in the database is still the one it was
kept with (one indexed MAX query: another instance or worker may have written), and a
save inserts the tracker's events past the ones known to be stored, in one transaction,
then publishes them to the event broker together.

The trackers it returns are `madoguchi.rasa.stores.tracker.KeptStateTracker`: Rasa's,
keeping their applied events and dialogue states between messages, and copied without
replaying their events. Created by the Rasa server before it runs any action, the store also
installs the action client patch (`madoguchi.rasa.action_client`), which refuses any Rasa
but the one it was written for.
"""

from __future__ import annotations

import itertools
import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from madoguchi.dialogue import recovery
from madoguchi.rasa import action_client
from madoguchi.rasa.stores.tracker import KeptStateTracker
from madoguchi.store.db import create_tables, make_engine, normalize_url


CACHED_CONVERSATIONS = 1000


@dataclass
class _Kept:
    tracker: DialogueStateTracker
    stored: int  # how many of the tracker's events are in the database
    last_id: int  # the conversation's newest row when the tracker was kept


class UrlTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` configured by MADOGUCHI_DATABASE_URL, with trackers kept in memory.

    Its trackers are `KeptStateTracker`s; creating it installs the action client patch."""

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        url: str | None = None,
        **kwargs: Any,
    ) -> None:
        from madoguchi.settings import settings

        action_client.install()
        url = normalize_url(url or settings().database_url)
        # Rasa creates its `events` table unguarded; several instances or workers starting
        # together would collide, so it is created first, the way `create_tables` guards.
        if make_url(url).get_backend_name() == "postgresql":
            engine = create_engine(url, **create_engine_kwargs(url))  # Rasa's, with its schema
        else:
            engine = make_engine(url)
        try:
            create_tables(engine, SQLTrackerStore.Base.metadata)
        finally:
            engine.dispose()
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
        if self.engine.dialect.name == "sqlite" and make_url(url).database not in (None, "", ":memory:"):
            # Rasa's engine opens a new SQLite connection for every query (SQLAlchemy 1.4's
            # default for files); ours keeps a pool of them, with WAL and a busy timeout.
            # (An in-memory database lives in its engine's connection: Rasa's is kept.)
            self.engine.dispose()
            self.engine = make_engine(url)
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
        self._kept: OrderedDict[str, _Kept] = OrderedDict()

    def _last_id(self, session: Any, sender_id: str) -> int:
        # Plain SQL: the ORM's query building cost more than the query itself.
        table = self.SQLEvent.__tablename__
        statement = sa.text(f"SELECT MAX(id) FROM {table} WHERE sender_id = :sender_id")
        return session.execute(statement, {"sender_id": sender_id}).scalar() or 0

    def _keep(self, tracker: DialogueStateTracker, stored: int, last_id: int) -> None:
        self._kept[tracker.sender_id] = _Kept(tracker, stored, last_id)
        self._kept.move_to_end(tracker.sender_id)
        while len(self._kept) > CACHED_CONVERSATIONS:
            self._kept.popitem(last=False)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The tracker of the latest session: from memory while the database agrees.

        A kept tracker is reused only when all its events are saved and the conversation's
        newest row is still the one it was kept with. A tracker whose last turn ended
        without `action_listen` is mended (`madoguchi.dialogue.recovery.heal`).
        """
        with self.session_scope() as session:
            last_id = self._last_id(session, sender_id)
        kept = self._kept.get(sender_id)
        if kept and kept.last_id == last_id and kept.stored == len(kept.tracker.events):
            self._kept.move_to_end(sender_id)
            recovery.heal(kept.tracker)
            return kept.tracker
        tracker = await super().retrieve(sender_id)
        if tracker is not None:
            # Rows written after the MAX query make `last_id` older than the tracker:
            # the next retrieve then reloads, which is always safe.
            self._keep(tracker, len(tracker.events), last_id)
            recovery.heal(tracker)  # saved with the next save
        return tracker

    def init_tracker(self, sender_id: str) -> DialogueStateTracker:
        """A new conversation's tracker: Rasa's, as a `KeptStateTracker`."""
        return KeptStateTracker(sender_id, self.domain.slots, max_event_history=self.max_event_history)

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        """Rasa's, as a `KeptStateTracker`."""
        with self.session_scope() as session:
            rows = self._event_query(
                session, sender_id, fetch_events_from_all_sessions=fetch_events_from_all_sessions
            ).all()
            events = [json.loads(row.data) for row in rows]
        if not self.domain or not events:
            return None
        return KeptStateTracker.from_dict(sender_id, events, self.domain.slots)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Stores the tracker's new events, publishes them, and keeps the tracker."""
        kept = self._kept.get(tracker.sender_id)
        with self.session_scope() as session:
            last_id = self._last_id(session, tracker.sender_id)
            if kept and kept.tracker is tracker and kept.last_id == last_id:
                stored = kept.stored
            else:  # not ours, or written elsewhere meanwhile: count as Rasa does
                stored = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
            new_events = list(itertools.islice(tracker.events, stored, None))
            dicts = [e.as_dict() for e in new_events]
            rows = [self._row(tracker.sender_id, e, d) for e, d in zip(new_events, dicts)]
            if rows and self.engine.dialect.name == "sqlite":
                # One statement for all rows. SQLite lets one writer at a time hold the
                # database until its commit, so the conversation's newest row is ours.
                session.execute(sa.insert(self.SQLEvent.__table__), rows)
                last_id = self._last_id(session, tracker.sender_id)
            elif rows:  # PostgreSQL: others may commit meanwhile; the ids of our own rows
                added = [self.SQLEvent(**row) for row in rows]
                session.add_all(added)
                session.flush()
                last_id = max([last_id, *(row.id for row in added)])
            session.commit()
        self._publish(tracker.sender_id, dicts)
        if any(isinstance(e, SessionStarted) for e in new_events):
            # A new session: reload it next time, as Rasa would, without the old one's events.
            self._kept.pop(tracker.sender_id, None)
        else:
            self._keep(tracker, stored + len(new_events), last_id)

    @staticmethod
    def _row(sender_id: str, event: Event, data: dict[str, Any]) -> dict[str, Any]:
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }

    def _publish(self, sender_id: str, events: list[dict[str, Any]]) -> None:
        if not self.event_broker or not events:
            return
        payloads = [{"sender_id": sender_id, **data} for data in events]
        publish_many = getattr(self.event_broker, "publish_many", None)
        if publish_many is not None:
            publish_many(payloads)
        else:
            for payload in payloads:
                self.event_broker.publish(payload)

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        """Not used: `save` publishes the events it stores."""
