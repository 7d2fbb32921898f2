"""Which name the catalog form keeps: a name found in a message that answers something else
(a side question, the phone) is no correction of the name given, and a part of the name never
shortens it."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions import common
from actions.conversation import customer_texts
from madoguchi.dialogue.signature import signature_of
from madoguchi.dialogue.written import strip_tail
from madoguchi.text import nfkc
from madoguchi.values import clean_person_name


def name_astray(tracker: Tracker) -> bool:
    """A name found in a message that is no answer about it: neither the name question nor
    the read-back is open, and the message is not a detail given (a question, thanks); or
    the read-back is answered with a yes or thanks that does not name the name."""
    requested = tracker.get_slot("requested_slot")
    text = common.latest_text(tracker)
    if requested == "catalog_confirmed" and common.latest_intent(tracker) in AGREEING:
        # おけ ありがと, おけ それで after the read-back: a yes or thanks, whatever the extractor
        # made of it; a name is corrected by writing it (or 名前は…)
        return not NAME_NAMED.search(text)
    if requested in ("person_name", "catalog_confirmed"):
        return False
    # ０１９８－６４－２２３１ いえの でんわです…: a name found beside the detail asked for is no
    # correction of the name unless the message names it as one (名前は…); a name alone is one
    other = {e.get("entity") for e in tracker.latest_message.get("entities") or []} & {"postal_code", "address", "phone"}
    gives_other = bool(other) or bool(re.search(r"[0-9０-９]{3}", text))
    return common.latest_intent(tracker) != "inform" or (
        requested in ("postal_code", "address", "phone") and gives_other and not NAME_NAMED.search(text)
    )


# Readings of a message that agrees or thanks.
AGREEING = ("affirm", "thank", "goodbye")
NAME_NAMED = re.compile(r"名前|なまえ|氏名|宛名|あてな|お名|name", re.IGNORECASE)


def name_before(tracker: Tracker) -> str | None:
    """The name the form held before the customer's latest message."""
    events = common.event_dicts(tracker)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    names = [e.get("value") for e in events[:last_user] if e.get("event") == "slot" and e.get("name") == "person_name"]
    return names[-1] if names else None


def longest_name_given(tracker: Tracker) -> str:
    """The longest name the conversation's slot has held so far."""
    # the extractor's value may still hold its dialect copula (松本 勝たい): without it
    names = [strip_tail(clean_person_name(str(e.get("value") or "")) or "") for e in tracker.events
             if e.get("event") == "slot" and e.get("name") == "person_name"]
    return max((n for n in names if n), key=len, default="")


def name_known(tracker: Tracker, found: Any) -> bool:
    """A name found in the latest message that gives nothing new: the name given before, a
    part of it, or the customer's signature (きょうは やめておきますささきつやこ; ありがどさん
    のぶえ after くどうのぶえ)."""
    name, before = _compact(found), _compact(name_before(tracker))
    return bool(name) and (bool(before) and name in before or name == signature_of(customer_texts(tracker)))


def _compact(name: Any) -> str:
    return re.sub(r"\s+", "", nfkc(str(name or "")))
