"""The desk's own tables: the audit log, operator actions by key, operators' display names.

They have their own declarative base and are created on first use in any database, so
an existing shop database gets them without a migration, whichever process meets it
first (the web service or the `madoguchi` command).
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import declarative_base

from madoguchi.store.db import Database, create_tables_once
from madoguchi.store.models import utcnow

DeskBase = declarative_base()


class AuditEntry(DeskBase):
    """Who did what, from which address, when, and how it ended (logins, operator actions)."""

    __tablename__ = "audit_log"
    id = Column(Integer, primary_key=True)
    at = Column(DateTime, nullable=False, default=utcnow)
    actor = Column(String(200), nullable=False)  # the operator, or the name typed at login
    action = Column(String(32), nullable=False)  # login, logout, message, release, close, ...
    target = Column(String(100))  # what it was done to: "handoff:12"
    address = Column(String(64))  # the client's IP address
    outcome = Column(String(16), nullable=False)  # ok, failed, locked, refused, unknown
    detail = Column(Text, nullable=False, default="")

    __table_args__ = (
        Index("ix_audit_actor_action_at", "actor", "action", "at"),
        Index("ix_audit_address_action_at", "address", "action", "at"),
    )


class DeskOperation(DeskBase):
    """An operator action under its Idempotency-Key: planned, then its first outcome."""

    __tablename__ = "desk_operations"
    id = Column(Integer, primary_key=True)
    operator = Column(String(100), nullable=False)
    key = Column(String(100), nullable=False)
    action = Column(String(16), nullable=False)  # message, release, close
    handoff_id = Column(Integer, nullable=False)
    fingerprint = Column(String(64), nullable=False)  # what was asked (a retry asks the same)
    state = Column(String(8), nullable=False)  # pending, unknown, done
    timestamp = Column(Float, nullable=False)  # of the Rasa events: a retry sends the same ones
    status = Column(Integer)
    body = Column(Text)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    finished_at = Column(DateTime)

    __table_args__ = (UniqueConstraint("operator", "key", name="uq_desk_operations_key"),)


class OperatorProfile(DeskBase):
    """What customers are shown of an operator (never the login name)."""

    __tablename__ = "operator_profiles"
    username = Column(String(100), primary_key=True)
    display_name = Column(String(40), nullable=False, default="")


def ensure(db: Database) -> Database:
    """Create the desk's tables in this database once per process; returns the database."""
    create_tables_once(db.engine, DeskBase.metadata)
    return db
