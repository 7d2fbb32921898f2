"""Running actions as the action server would: the real domain, a tracker, a dispatcher."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from madoguchi.settings import ROOT


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    """The project's domain as the action server receives it."""
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain")).as_dict()


def user(text: str, intent: str, entities: list[dict] | None = None, ts: float = 1.0, **extra) -> dict:
    """A user event as Rasa sends it to the action server."""
    parse = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities or [], **extra}
    return {"event": "user", "text": text, "timestamp": ts, "parse_data": parse, "input_channel": "socketio"}


def make_tracker(
    events: list[dict], slots: dict[str, Any] | None = None, sender_id: str = "s1",
    active_loop: str | None = None, requested_slot: str | None = None,
    candidates: dict[str, Any] | None = None,
) -> Tracker:
    """A tracker whose latest message is the last user event.

    `candidates` are the slots extracted from that message: Rasa appends them as slot
    events at the end, which is where a form's validation action looks for them.
    """
    latest = next((e["parse_data"] for e in reversed(events) if e["event"] == "user"), {})
    events = [*events, *({"event": "slot", "name": k, "value": v} for k, v in (candidates or {}).items())]
    all_slots = {"verification_failures": 0.0, **(slots or {}), **(candidates or {})}
    if requested_slot:
        all_slots["requested_slot"] = requested_slot
    return Tracker(
        sender_id=sender_id,
        slots=all_slots,
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def said(dispatcher: CollectingDispatcher) -> list[str]:
    """Response names and texts the action sent, in order."""
    return [m.get("response") or m.get("text") or "" for m in dispatcher.messages]


def slot_sets(events: list[dict]) -> dict[str, Any]:
    """The slots an action set (the last value of each)."""
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.fixture
def late_shop(shop):
    """The demo shop with the demo catalog requests (dated back from the fixed clock)."""
    from madoguchi.store import catalog_requests

    catalog_requests.import_demo(shop, catalog_requests.DEMO_FILE, "2026-11-20T10:00:00+09:00")
    return shop
