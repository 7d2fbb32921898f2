"""A customer waiting for a person who becomes distressed or angry (まだですか、もう間に合わない),
or tells of damaged or wrong goods only then, however the message is read: the open ticket
takes the more urgent reason, so the desk serves it first (至急 for distress and complaints)
and says what to look at."""

from __future__ import annotations

from typing import Any, Iterable

from madoguchi.handoff.presence import with_person
from madoguchi.handoff.reasons import INTENT_REASONS
from madoguchi.shop.rules import UNKNOWN_PRIORITY, URGENT_PRIORITY
from madoguchi.store import handoffs
from madoguchi.store.db import Database


def _rank(priority: dict[str, int], reason: str) -> int:
    """A reason's priority; one the rules file does not list is served last, as on the desk."""
    return priority.get(reason, UNKNOWN_PRIORITY)


def urgent_readings(priority: dict[str, int]) -> dict[str, str]:
    """What a message read while waiting makes of the ticket's reason: the intents whose
    reason the rules file serves first (distress, complaint)."""
    return {
        intent: reason for intent, reason in INTENT_REASONS.items()
        if _rank(priority, reason) <= URGENT_PRIORITY
    }


def raised(events: Iterable[dict[str, Any]], priority: dict[str, int]) -> dict[str, str]:
    """Per sender, the most urgent reason the customer's messages written while waiting call
    for. The events are one save's: a message the bot answered has actions after it (the one
    that opens the ticket among them); a message to a paused conversation has none."""
    events = list(events)
    acted = {e.get("sender_id", "") for e in events if e.get("event") == "action"}
    readings = urgent_readings(priority)
    found: dict[str, str] = {}
    for event in events:
        if event.get("event") != "user" or event.get("sender_id", "") in acted:
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        reason = readings.get(intent or "")
        if reason != "distress" and ((event.get("parse_data") or {}).get("triage") or {}).get("goods_problem"):
            # こうはくの のしが ついとったて, 箱 つぶれてて…ぐしゃぐしゃだって: what came is wrong,
            # told after an opener (ねえちゃんから 電話きてさ) that was read as a wish for a person
            reason = "needs_operator"
        sender = event.get("sender_id", "")
        if reason and (sender not in found or _rank(priority, reason) < _rank(priority, found[sender])):
            found[sender] = reason
    return found


def raise_open_handoff(db: Database, sender_id: str, reason: str, priority: dict[str, int]) -> bool:
    """The open ticket takes `reason` when it is more urgent than the ticket's own."""
    handoff = with_person(db, sender_id)
    if handoff is None or _rank(priority, reason) >= handoff.priority:
        return False
    return handoffs.raise_reason(db, handoff.id, reason, _rank(priority, reason))
