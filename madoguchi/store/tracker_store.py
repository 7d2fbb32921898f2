"""Rasa's SQL tracker store on madoguchi's database URL (SQLite with WAL, or PostgreSQL)."""

from __future__ import annotations

from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy import event

from madoguchi.store.db import _sqlite_pragmas


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

        url = url or settings().database_url
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            self.engine.dispose()  # later connections get the pragmas
