"""The postal code a customer does not know: the address is asked instead, its code looked up."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions import common
from madoguchi.dialogue import verification

# the catalog is free, yes? I don't have to pay anything? (round 2026-12-05zzh): no code not known
_ASKS_THE_COST = re.compile(r"(?i)\bfree\b|\bpay\b|\bcost|無料|料金|お金|おかね|有料")


def postal_code_not_known(tracker: Tracker) -> bool:
    """The customer answers the postal code question that they do not know it (ゆうびんばんごうは
    いま ちょっと わがんなくて), giving no number: the address is asked, its code looked up."""
    text = common.latest_text(tracker)
    asked = tracker.get_slot("requested_slot") == "postal_code"
    unknown = verification.reading(text) == verification.UNKNOWN and not re.search(r"[0-9０-９]", text)
    return asked and unknown and not _ASKS_THE_COST.search(text)

