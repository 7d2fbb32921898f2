"""A catalog request stored, or corrected once stored, by the shop's clock."""

from __future__ import annotations

from datetime import timezone
from typing import Any

from rasa_sdk import Tracker

from actions import common
from actions.catalog_phone import stored_phone
from madoguchi.store import catalog_requests


def store_request(tracker: Tracker, values: dict[str, Any]) -> int:
    """Stores the complete request (or corrects the one stored); returns its id."""
    details = {
        "name": values["person_name"],
        "postal_code": values["postal_code"],
        "address": values["address"],
        "phone": stored_phone(values["phone"]),
        "shipping_method": values.get("shipping_method") or common.rules().catalog_default_method,
        "note": values.get("contact_note"),
    }
    stored = int(values.get("catalog_request_id") or 0)
    if stored and catalog_requests.update(common.db(), stored, **details):
        return stored
    # when, by the shop's clock (the one the dates the customer is told come from)
    at = common.now().astimezone(timezone.utc).replace(tzinfo=None)
    where = {"sender_id": tracker.sender_id, "channel": common.channel(tracker), "created_at": at}
    earlier = int(values.get("catalog_resend_of") or 0)
    if earlier:
        return catalog_requests.resend(common.db(), earlier, **where, **details)
    return catalog_requests.add(common.db(), **where, **details)
