"""A customer waiting for a person who becomes distressed or angry (まだですか、もう間に合わない),
or tells of damaged or wrong goods only then: the open ticket takes the more urgent reason, so
the desk serves it first (至急 for distress and complaints) and says what to look at."""

from __future__ import annotations

from typing import Any, Iterable

from madoguchi.handoff.presence import with_person
from madoguchi.store import handoffs
from madoguchi.store.db import Database

# What a message read while waiting makes of the ticket's reason.
URGENT_READINGS = {"express_distress": "distress", "complain": "complaint"}


def raised(events: Iterable[dict[str, Any]], priority: dict[str, int]) -> dict[str, str]:
    """Per sender, the most urgent reason the customer's messages written while waiting call
    for. The events are one save's: a message the bot answered has actions after it (the one
    that opens the ticket among them); a message to a paused conversation has none."""
    events = list(events)
    acted = {e.get("sender_id", "") for e in events if e.get("event") == "action"}
    found: dict[str, str] = {}
    for event in events:
        if event.get("event") != "user" or event.get("sender_id", "") in acted:
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        reason = URGENT_READINGS.get(intent or "")
        if reason == "complaint" and ((event.get("parse_data") or {}).get("triage") or {}).get("goods_problem"):
            reason = "needs_operator"  # こうはくの のしが ついとったて: what came is wrong, told after an opener
        sender = event.get("sender_id", "")
        if reason and (sender not in found or priority.get(reason, 99) < priority.get(found[sender], 99)):
            found[sender] = reason
    return found


def raise_open_handoff(db: Database, sender_id: str, reason: str, priority: dict[str, int]) -> bool:
    """The open ticket takes `reason` when it is more urgent than the ticket's own."""
    handoff = with_person(db, sender_id)
    if handoff is None or priority.get(reason, 99) >= handoff.priority:
        return False
    return handoffs.raise_reason(db, handoff.id, reason, priority[reason])
