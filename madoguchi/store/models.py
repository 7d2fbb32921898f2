"""The shop's tables: orders, catalog requests, handoffs and their transcripts, operators.

Times are stored as naive UTC and shown in Japan time.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import declarative_base

Base = declarative_base()

ORDER_STATUSES = ("received", "shipped", "delivered", "cancelled")
CATALOG_STATUSES = ("received", "sent")


def utcnow() -> datetime:
    """Now, as stored: naive UTC."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Order(Base):
    """An order of the shop, as imported from the order system's CSV."""

    __tablename__ = "orders"
    order_id = Column(String(8), primary_key=True)
    phone = Column(String(11), nullable=False)
    name = Column(String(100), nullable=False)
    status = Column(String(16), nullable=False)
    ordered_at = Column(DateTime, nullable=False)
    shipped_at = Column(DateTime)
    carrier = Column(String(50))
    tracking_number = Column(String(50))
    eta = Column(Date)
    items = Column(Text, nullable=False, default="")
    delivery_address = Column(Text)
    delivery_date = Column(Date)


class OrderChange(Base):
    """A change or cancellation the bot made for a customer."""

    __tablename__ = "order_changes"
    id = Column(Integer, primary_key=True)
    order_id = Column(String(8), ForeignKey("orders.order_id"), nullable=False, index=True)
    kind = Column(String(16), nullable=False)  # cancel, address, date
    detail = Column(Text, nullable=False, default="")
    sender_id = Column(String(255))
    created_at = Column(DateTime, nullable=False, default=utcnow)


class CatalogRequest(Base):
    """A paper catalog the bot promised to send."""

    __tablename__ = "catalog_requests"
    id = Column(Integer, primary_key=True)
    sender_id = Column(String(255))
    channel = Column(String(32))
    name = Column(String(100), nullable=False)
    postal_code = Column(String(8), nullable=False)
    address = Column(Text, nullable=False)
    phone = Column(String(11), nullable=False)
    shipping_method = Column(String(16), nullable=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    # Added after the first release: existing databases get them from `add_missing_columns`.
    status = Column(String(16), nullable=False, default="received", server_default="received")
    sent_at = Column(DateTime)
    resend_of = Column(Integer)  # the earlier request this one sends again
    note = Column(Text)  # the customer's word on how to be reached (no phone calls: chat only)


class Handoff(Base):
    """A conversation handed to the operators."""

    __tablename__ = "handoffs"
    id = Column(Integer, primary_key=True)
    sender_id = Column(String(255), nullable=False, index=True)
    channel = Column(String(32), nullable=False)
    reason = Column(String(32), nullable=False)
    priority = Column(Integer, nullable=False)
    status = Column(String(16), nullable=False, default="open")  # open, released, closed
    summary = Column(Text, nullable=False, default="")
    details = Column(Text, nullable=False, default="{}")  # JSON: collected slots
    customer_name = Column(String(100))
    operator = Column(String(100))
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)
    ended_at = Column(DateTime)

    __table_args__ = (Index("ix_handoffs_status_priority", "status", "priority", "created_at"),)


class Message(Base):
    """One line of a conversation's transcript, original text as the customer wrote it."""

    __tablename__ = "messages"
    id = Column(Integer, primary_key=True)
    sender_id = Column(String(255), nullable=False)
    role = Column(String(16), nullable=False)  # customer, bot, operator
    text = Column(Text, nullable=False)
    channel = Column(String(32))
    author = Column(String(100))  # the operator's name, for operator lines
    at = Column(DateTime, nullable=False)
    event_key = Column(String(64), nullable=False)

    __table_args__ = (
        UniqueConstraint("event_key", name="uq_messages_event_key"),
        Index("ix_messages_sender_at", "sender_id", "at"),
    )


class Note(Base):
    """A private note of an operator on a handoff; the customer never sees it."""

    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    handoff_id = Column(Integer, ForeignKey("handoffs.id"), nullable=False, index=True)
    operator = Column(String(100), nullable=False)
    text = Column(Text, nullable=False)
    at = Column(DateTime, nullable=False, default=utcnow)


class Operator(Base):
    """A person at the support desk."""

    __tablename__ = "operators"
    id = Column(Integer, primary_key=True)
    username = Column(String(100), nullable=False, unique=True)
    password_hash = Column(String(255), nullable=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)


class DeskSession(Base):
    """A logged-in operator; the token itself is never stored, only its hash."""

    __tablename__ = "desk_sessions"
    token_hash = Column(String(64), primary_key=True)
    operator_id = Column(Integer, ForeignKey("operators.id"), nullable=False)
    expires_at = Column(DateTime, nullable=False)


class ProcessedEvent(Base):
    """A channel event already handled (LINE's webhookEventId), for redeliveries."""

    __tablename__ = "processed_events"
    event_id = Column(String(64), primary_key=True)
    channel = Column(String(32), nullable=False)
    at = Column(DateTime, nullable=False, default=utcnow)


class ChannelProfile(Base):
    """What a channel tells of a customer (LINE display name, followed or not)."""

    __tablename__ = "channel_profiles"
    sender_id = Column(String(255), primary_key=True)
    channel = Column(String(32), nullable=False)
    display_name = Column(String(100))
    following = Column(Integer, nullable=False, default=1)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)



class Survey(Base):
    """「解決しましたか」: asked when an operator closes a chat, and the customer's answer."""

    __tablename__ = "surveys"
    id = Column(Integer, primary_key=True)
    handoff_id = Column(Integer, ForeignKey("handoffs.id"), nullable=False, unique=True)
    sender_id = Column(String(255), nullable=False, index=True)
    channel = Column(String(32))
    asked_at = Column(DateTime, nullable=False, default=utcnow)
    solved = Column(Integer)  # 1 はい, 0 いいえ, NULL not answered (yet)
    answered_at = Column(DateTime)
    comment_wanted_at = Column(DateTime)  # the customer chose to write a comment (ひとこと書く)
    comment = Column(Text)
    commented_at = Column(DateTime)
