"""Rasa's SQL tracker store on madoguchi's database URL (SQLite with WAL, or PostgreSQL)."""

from __future__ import annotations

from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from sqlalchemy import create_engine, event
from sqlalchemy.engine import make_url

from madoguchi.store.db import _sqlite_pragmas, create_tables, normalize_url


class UrlTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` configured by MADOGUCHI_DATABASE_URL instead of URL parts."""

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
