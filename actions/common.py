"""What every action needs: the shop's store, rules and clock, and the message at hand."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rasa_sdk import Tracker

from madoguchi import clock
from madoguchi.policy.rules import Rules, shop_rules
from madoguchi.store.db import Database, database


def db() -> Database:
    """The shop's database (built on first use)."""
    return database()


def rules() -> Rules:
    """The shop rules (read on first use)."""
    return shop_rules()


def now() -> datetime:
    """Japan time now (fixed by MADOGUCHI_NOW in demos and tests)."""
    return clock.now()


def latest_text(tracker: Tracker) -> str:
    """The customer's latest message as written."""
    return tracker.latest_message.get("text") or ""


def latest_intent(tracker: Tracker) -> str:
    """The intent of the customer's latest message."""
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def latest_lemmas(tracker: Tracker) -> frozenset[str]:
    """GiNZA lemmas of the latest message, when the NLU pipeline provided them."""
    return frozenset((tracker.latest_message.get("triage") or {}).get("lemmas") or [])


def channel(tracker: Tracker) -> str:
    """The channel the customer writes on (rest, socketio, line)."""
    return tracker.get_latest_input_channel() or "rest"


def event_dicts(tracker: Tracker) -> list[dict[str, Any]]:
    """The tracker's events as dicts (rasa-sdk hands them over as dicts already)."""
    return [e for e in tracker.events if isinstance(e, dict)]
