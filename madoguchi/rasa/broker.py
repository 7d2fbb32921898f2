"""A Rasa event broker that writes every user and bot line to the desk's transcripts."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.utils.endpoints import EndpointConfig

from madoguchi.handoff import late_details, late_reasons, transcript
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
        self.publish_many([event])

    def publish_many(self, events: list[dict[str, Any]]) -> None:
        """Stores the user and bot events of one save (one transaction a conversation); never raises."""
        by_sender: dict[str, list[dict[str, Any]]] = {}
        for e in events:
            if transcript.line_of(e.get("sender_id", ""), e) is not None:
                by_sender.setdefault(e.get("sender_id", ""), []).append(e)
        if not by_sender:
            return
        for sender_id, own in by_sender.items():
            try:
                transcript.record(self.db, sender_id, own)
            except Exception:  # the conversation goes on; the handoff action records it again
                logger.exception("could not record transcript lines for %s", sender_id)
        for sender_id, found in late_details.given(events).items():
            try:  # only messages that carry an order number, a phone or a name reach here
                late_details.add_to_open_handoff(self.db, sender_id, found)
            except Exception:
                logger.exception("could not add details to the handoff of %s", sender_id)
        priority = self._priority()
        for sender_id, told in late_reasons.raised(events, priority).items():
            try:  # messages read as distress, a complaint, a wish or goods problems reach here
                late_reasons.raise_open_handoff(
                    self.db, sender_id, told.reason, priority, calm=told.calm, sure=told.sure, again=told.again,
                    learned=told.learned, plea=told.plea, fear=told.fear,
                )
            except Exception:
                logger.exception("could not raise the handoff reason of %s", sender_id)

    @staticmethod
    def _priority() -> dict[str, int]:
        from madoguchi.shop.rules import shop_rules

        return shop_rules().priority
