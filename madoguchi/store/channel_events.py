"""What the messaging channels remember: events already handled, and customers' profiles.

A LINE event is handled once: its `webhookEventId` is claimed in `processed_events`
before it is handled, so a redelivery (or a second instance, or a restart) finds it
there. A customer's LINE display name is kept in `channel_profiles` for the desk.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from madoguchi.store.db import Database
from madoguchi.store.models import ChannelProfile, ProcessedEvent, utcnow


def claim_event(db: Database, event_id: str, channel: str) -> bool:
    """Record an event as handled; False when it was already recorded (handle it no more)."""
    insert = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}[db.engine.dialect.name]
    statement = (
        insert(ProcessedEvent)
        .values(event_id=event_id, channel=channel, at=utcnow())
        .on_conflict_do_nothing(index_elements=["event_id"])
    )
    with db.session() as session:
        return (session.execute(statement).rowcount or 0) == 1


def is_processed(db: Database, event_id: str) -> bool:
    """The event was already claimed."""
    with db.session() as session:
        return session.get(ProcessedEvent, event_id) is not None


def prune_events(db: Database, before: datetime) -> int:
    """Forget events handled before a time (naive UTC); LINE does not redeliver that late."""
    with db.session() as session:
        return session.query(ProcessedEvent).filter(ProcessedEvent.at < before).delete()


def profile(db: Database, sender_id: str) -> ChannelProfile | None:
    """What a channel told of a customer, if anything."""
    with db.session() as session:
        return session.get(ChannelProfile, sender_id)


def display_name(db: Database, sender_id: str) -> str | None:
    """The customer's display name on their channel (LINE), None when unknown."""
    found = profile(db, sender_id)
    return found.display_name if found and found.display_name else None


def _upsert(db: Database, sender_id: str, channel: str, **values: object) -> None:
    for attempt in (1, 2):  # a concurrent first insert by another instance: update it instead
        try:
            with db.session() as session:
                row = session.get(ChannelProfile, sender_id)
                if row is None:
                    row = ChannelProfile(sender_id=sender_id, channel=channel)
                    session.add(row)
                for key, value in values.items():
                    setattr(row, key, value)
            return
        except IntegrityError:
            if attempt == 2:
                raise


def save_display_name(db: Database, sender_id: str, channel: str, name: str | None) -> None:
    """Store the customer's display name (as the channel's profile API gave it)."""
    _upsert(db, sender_id, channel, display_name=name[:100] if name else None)


def set_following(db: Database, sender_id: str, channel: str, following: bool) -> None:
    """Record that the customer added (follow) or blocked (unfollow) the shop's account."""
    _upsert(db, sender_id, channel, following=1 if following else 0)
