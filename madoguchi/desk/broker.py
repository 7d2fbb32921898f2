"""A Rasa event broker that writes every user and bot line to the desk's transcripts."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.utils.endpoints import EndpointConfig

from madoguchi.handoff.transcript import line_of
from madoguchi.store import transcripts
from madoguchi.store.db import Database, database

logger = logging.getLogger(__name__)


class TranscriptBroker(EventBroker):
    """Records user and bot events as transcript lines, once each, as Rasa saves trackers."""

    def __init__(self, db: Database | None = None) -> None:
        self._db = db

    @classmethod
    async def from_endpoint_config(
        cls, broker_config: EndpointConfig | None, event_loop: asyncio.AbstractEventLoop | None = None
    ) -> "TranscriptBroker":
        return cls()

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = database()
        return self._db

    def publish(self, event: dict[str, Any]) -> None:
        """Stores a user or bot event; a failure is logged, never raised into Rasa."""
        line = line_of(event.get("sender_id", ""), event)
        if line is None:
            return
        try:
            transcripts.record(self.db, [line])
        except Exception:  # the conversation goes on; the handoff action records it again
            logger.exception("could not record a transcript line for %s", line.sender_id)
