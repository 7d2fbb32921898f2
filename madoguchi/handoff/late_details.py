"""Details a customer gives while waiting for a person (the order number found after the
handoff opened): added to the open ticket and its summary, so the operator never asks again."""

from __future__ import annotations

import json
from typing import Any, Iterable

from madoguchi.handoff.presence import with_person
from madoguchi.nlu.introduced_names import HONORIFIC
from madoguchi.store import handoffs
from madoguchi.store.db import Database

LATE_ENTITIES = ("order_id", "phone", "person_name")
UNKNOWN_ORDER = "注文番号不明"


def given(events: Iterable[dict[str, Any]]) -> dict[str, dict[str, str]]:
    """Per sender, the first value of each detail the customer's messages carry."""
    found: dict[str, dict[str, str]] = {}
    for event in events:
        if event.get("event") != "user":
            continue
        for entity in (event.get("parse_data") or {}).get("entities") or []:
            kind, value = entity.get("entity"), entity.get("value")
            if kind == "person_name" and _named_by_another(event.get("text") or "", entity):
                continue
            if kind in LATE_ENTITIES and isinstance(value, str) and value.strip():
                found.setdefault(event.get("sender_id", ""), {}).setdefault(kind, value.strip())
    return found


def _named_by_another(text: str, entity: dict[str, Any]) -> bool:
    """The name is said with an honorific (宛名が佐藤さんになってる): someone else, not the customer."""
    end = entity.get("end")
    return isinstance(end, int) and HONORIFIC.match(text, end) is not None


def summary_with(summary: str, new: dict[str, str]) -> str:
    """The one-line summary with the new facts, before the quote that ends it."""
    parts = summary.split("｜") if summary else []
    quote = [parts.pop()] if parts and parts[-1].startswith("「") else []
    if "order_id" in new:
        fact = f"注文{new['order_id']}（未確認）"
        parts = [fact if p == UNKNOWN_ORDER else p for p in parts]
        if fact not in parts:
            parts.append(fact)
    if "person_name" in new:
        parts.append(f"{new['person_name']}様")
    if "phone" in new:
        parts.append(f"電話{new['phone']}")
    return "｜".join(parts + quote)


def add_to_open_handoff(db: Database, sender_id: str, found: dict[str, str]) -> bool:
    """Adds what the ticket does not hold yet; never replaces a detail the bot collected."""
    handoff = with_person(db, sender_id)
    if handoff is None:
        return False
    try:
        details = json.loads(handoff.details or "{}")
    except ValueError:
        details = {}
    new = {k: v for k, v in found.items() if not details.get(k)}
    if "verified_order_id" in details:
        new.pop("order_id", None)
    if not new:
        return False
    handoffs.update_details(db, handoff.id, {**details, **new}, summary_with(handoff.summary or "", new))
    return True
