"""A second failure the customer tells of (sent again, or by 宅配便, and still not there):
a person at once, with what is known, even when the shop's records do not show it."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.conversation import anxious, customer_texts
from actions.takeover import hand_off
from madoguchi.nlu.reading import cue_places

NOTE = "カタログ・お客様のお話では再送（または宅配便）も届かず"
APOLOGY = "重ねてご迷惑をおかけし、誠に申し訳ございません。すぐに担当者がお調べします。"


def second_failure_told(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Apologises and hands off: as a complaint when the customer tells it in anger (ほんまに
    腹が立つわ, round 2026-12-05zzl), as distress when anxious, at a loss or in a hurry (宅配便 was
    for a hurry), as a complaint when it is told as one (もういっぺん送るっつったじゃん。二回目も
    コネエ, round 2026-12-05zzp), otherwise for an operator to look."""
    by_parcel = any(re.search(r"宅配|たくはい|宅急便", cue_places(t)) for t in customer_texts(tracker))
    triage = tracker.latest_message.get("triage") or {}
    # どうすっぺ！…来週なんだよ！ (round 2026-12-05zzo): a word of distress, however it was read
    at_a_loss = by_parcel or anxious(tracker, intents=("express_distress",)) or bool(triage.get("cues"))
    if at_a_loss and not triage.get("anger"):
        reason = "distress"
    elif triage.get("anger") or common.latest_intent(tracker) == "complain":
        reason = "complaint"
    else:
        reason = "needs_operator"
    dispatcher.utter_message(text=APOLOGY)
    tracker.slots["catalog_note"] = NOTE
    events: list[EventType] = [SlotSet("catalog_note", NOTE), SlotSet("catalog_next", "done")]
    return events + hand_off(dispatcher, tracker, reason)
