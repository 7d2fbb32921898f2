"""Rasa's SQL tracker store on madoguchi's database URL (SQLite with WAL, or PostgreSQL).

Two costs of Rasa's own store grow with the length of a conversation: every message
rebuilds the tracker from all its events, and every save reloads it once more to find
the events to publish. Here a tracker stays in memory between messages and is reused
while the database still holds exactly what it holds (one COUNT query decides), and the
events to publish are found by that same count, not by a reload.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, event
from sqlalchemy.engine import make_url

from madoguchi.store.db import _sqlite_pragmas, create_tables, normalize_url


CACHED_CONVERSATIONS = 1000


@dataclass
class _Cached:
    tracker: DialogueStateTracker
    stored: int  # events of its current session in the database when last loaded or saved


class UrlTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` configured by MADOGUCHI_DATABASE_URL, with trackers kept in memory."""

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        url: str | None = None,
        **kwargs: Any,
    ) -> None:
        from madoguchi.settings import settings

        url = normalize_url(url or settings().database_url)
        if make_url(url).get_backend_name() == "postgresql":
            # Rasa creates its `events` table unguarded; several instances starting together
            # would collide, so it is created first, one process at a time.
            engine = create_engine(url, **create_engine_kwargs(url))  # Rasa's, with its schema
            try:
                create_tables(engine, SQLTrackerStore.Base.metadata)
            finally:
                engine.dispose()
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            self.engine.dispose()  # later connections get the pragmas
        self._cache: OrderedDict[str, _Cached] = OrderedDict()

    def _stored_count(self, sender_id: str) -> int:
        with self.session_scope() as session:
            return self._event_query(session, sender_id, fetch_events_from_all_sessions=False).count()

    def _remember(self, tracker: DialogueStateTracker | None, stored: int) -> None:
        if tracker is None:
            return
        self._cache[tracker.sender_id] = _Cached(tracker, stored)
        self._cache.move_to_end(tracker.sender_id)
        while len(self._cache) > CACHED_CONVERSATIONS:
            self._cache.popitem(last=False)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The tracker of the latest session: from memory while the database agrees.

        A kept tracker is reused only when it holds no unsaved events and the database
        holds as many events as when it was kept (another instance may have written).
        """
        stored = self._stored_count(sender_id)
        cached = self._cache.get(sender_id)
        if cached and cached.stored == stored == len(cached.tracker.events):
            self._cache.move_to_end(sender_id)
            return cached.tracker
        tracker = await super().retrieve(sender_id)
        self._remember(tracker, stored)
        return tracker

    async def stream_events(self, tracker: DialogueStateTracker) -> None:
        """Publishes the events not stored yet (found by a count, without a reload)."""
        if not self.event_broker:
            return
        with self.session_scope() as session:
            new_events = list(self._additional_events(session, tracker))
        for new_event in new_events:
            self.event_broker.publish({"sender_id": tracker.sender_id, **new_event.as_dict()})

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Stores the new events, publishes them, and keeps the tracker for next time."""
        await super().save(tracker)
        self._remember(tracker, self._stored_count(tracker.sender_id))
