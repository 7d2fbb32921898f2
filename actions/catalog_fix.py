"""A detail of the catalog form put right before the read-back (さっきの号室、二〇四じゃのうて
二〇六でした): read as a change of an order, it had left the form for an order verification the
customer never asked for. The part said to be wrong is replaced where the form holds it."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from madoguchi.text import nfkc

CATALOG_FORM = "catalog_form"
FIXABLE = ("address", "person_name", "phone", "postal_code")
NUMERALS = "0-9〇一二三四五六七八九十"
# 二〇四じゃのうて二〇六でした, 204ではなく206です, 松ノ木町やなくて蓼倉町
NOT_THIS_BUT = re.compile(
    r"(?P<wrong>[^\s、。,「」]{1,12}?)(?:」)?\s*(?:じゃのうて|じゃなくて|じゃなく|ではなくて|ではなく|やなくて|やのうて|でなくて|でのうて)"
    r"[、,\s]*(?:「)?(?P<right>[^\s、。,「」]{1,12}?)(?:」)?\s*(?:でした|です|だった|やった|じゃった|でしたわ|や|だ|に|で|。|$)"
)


def fix_in_form(tracker: Tracker) -> tuple[str, str, str] | None:
    """The slot, its value before and after, when the latest message in the catalog form says
    a part of a detail already given is wrong and what it should be; None otherwise."""
    if tracker.active_loop_name != CATALOG_FORM:
        return None
    text = nfkc(common.latest_text(tracker))
    for match in NOT_THIS_BUT.finditer(text):
        wrong, right = match.group("wrong"), match.group("right")
        for slot in FIXABLE:
            value = tracker.get_slot(slot)
            if not isinstance(value, str) or wrong == right:
                continue
            # 二〇四 as a whole number, not the 四 of 二〇四
            place = re.search(rf"(?<![{NUMERALS}]){re.escape(wrong)}(?![{NUMERALS}])", nfkc(value))
            if place:
                before = nfkc(value)
                return slot, value, before[:place.start()] + right + before[place.end():]
    return None


def put_right(dispatcher: CollectingDispatcher, fix: tuple[str, str, str]) -> list[EventType]:
    """Says what was put right and goes on with the form."""
    slot, _, after = fix
    dispatcher.utter_message(response="utter_catalog_detail_fixed", value=after)
    return [SlotSet(slot, after), FollowupAction(CATALOG_FORM)]
