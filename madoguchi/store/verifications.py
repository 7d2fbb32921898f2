"""Orders a customer proved in a conversation (order number and registered phone matched).

The verification form (actions/verification.py) records each order it verifies, with the
conversation it was verified in; the desk's view of a returning customer
(`madoguchi.store.customers`) shows orders only for a customer verified so. A handoff's
details keep `verified_order_id` too, but a customer verified in a chat that no person
ever saw has no handoff: this table is where that is kept.

Its own table in the shop database (created on first use, as `web_sessions` does), written
by the action server and read by the web service.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, String, UniqueConstraint, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import declarative_base

from madoguchi.store.db import Database, create_tables_once
from madoguchi.store.models import utcnow

VerificationBase = declarative_base()


class Verification(VerificationBase):
    """An order verified in a conversation: who, which order, when first."""

    __tablename__ = "order_verifications"
    id = Column(Integer, primary_key=True)
    sender_id = Column(String(255), nullable=False, index=True)
    order_id = Column(String(8), nullable=False, index=True)
    at = Column(DateTime, nullable=False, default=utcnow)

    __table_args__ = (UniqueConstraint("sender_id", "order_id", name="uq_order_verifications"),)


def _table(db: Database) -> None:
    """Create the table in this database once per process."""
    create_tables_once(db.engine, VerificationBase.metadata)


def record(db: Database, sender_id: str, order_id: str) -> None:
    """Remember that this conversation proved this order (once; a second proof changes nothing)."""
    _table(db)
    try:
        with db.engine.begin() as connection:
            connection.execute(
                insert(Verification).values(sender_id=sender_id, order_id=order_id, at=utcnow())
            )
    except IntegrityError:
        pass  # verified before, in this conversation


def _pairs(db: Database, known, wanted, values: list[str]) -> set[str]:
    """The `wanted` column of the rows whose `known` column is one of `values`."""
    if not values:
        return set()
    _table(db)
    query = select(wanted).where(known.in_(set(values)))
    with db.engine.connect() as connection:
        return {row[0] for row in connection.execute(query)}


def order_ids_of(db: Database, sender_ids: list[str]) -> set[str]:
    """The orders verified in these conversations."""
    return _pairs(db, Verification.sender_id, Verification.order_id, sender_ids)


def senders_of(db: Database, order_ids: list[str]) -> set[str]:
    """The conversations that verified any of these orders."""
    return _pairs(db, Verification.order_id, Verification.sender_id, order_ids)
