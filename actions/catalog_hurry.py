"""A hurry told while the bot looks for a late catalog's request (娘の結婚式の引き菓子選ばな
あかんくて、今月中に決めな間に合わへんのです。早よ送ってもらえたら): read as distress or a
complaint, it had sent the customer to a person, and the 宅配便 the shop keeps for exactly her
was never offered. It is heard as the hurry it is, and the look-up goes on."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.conversation import ANXIOUS_INTENTS, in_hurry
from madoguchi import memorial
from madoguchi.nlu.reading import cue_places
from madoguchi.text import nfkc

LOOKUP_FORM = "catalog_status_form"
HEARD = "お急ぎとのこと、承知いたしました。宅配便（無料・2日ほどでお届け）でお送りできるよう、まずお申し込みの記録をお調べします。"
# The only distress a deadline may bring with it: 間に合わへん, and a worry that it will not
# (I am a little worried it will not be in time: round 2026-12-05zzq haruji-tenzin-04).
DEADLINE = re.compile(r"間に合|まにあ|間にあ")
WORRY = re.compile(r"不安|心配|しんぱい|ふあん")
# Grief words that are no memorial's date: someone ill now.
ILLNESS = re.compile(r"危篤|入院|病院|手術|重体|重病|容体|容態|病気")
# Signs of more than a hurry: any of them, and a person is right.
BEYOND_A_HURRY = ("anger", "grief", "goods_problem", "emphatic", "exception", "refusal")


def only_a_hurry(tracker: Tracker) -> bool:
    """The latest message, read as distress or a complaint, tells a hurry and nothing else
    (no anger, grief, goods problem, ！！, request beyond the rules; no distress word but a
    deadline's, or a worry with a deadline told)."""
    triage = tracker.latest_message.get("triage") or {}
    text = common.latest_text(tracker)
    signs = [s for s in BEYOND_A_HURRY if not (s == "grief" and memorial_deadline(text))]
    deadline = DEADLINE.search(cue_places(text)) is not None
    return (
        common.latest_intent(tracker) in ANXIOUS_INTENTS
        and in_hurry(text)
        and not any(triage.get(sign) for sign in signs)
        and (triage.get("intensity") or 0) < 2
        and all(DEADLINE.search(str(cue)) or WORRY.search(str(cue)) and deadline for cue in triage.get("cues") or [])
    )


def memorial_deadline(text: str) -> bool:
    """The deadline is a memorial's (兄の四十九日が12月20日じゃっで…間に合わん): a calm date, no
    death told now nor an illness."""
    return memorial.is_memorial(text) and not memorial.mentions_death(text) and not ILLNESS.search(nfkc(text))


def hurry_in_lookup(tracker: Tracker) -> bool:
    """A hurry alone told while the late catalog's request is being looked up."""
    return tracker.active_loop_name == LOOKUP_FORM and only_a_hurry(tracker)


def hurry_heard(dispatcher: CollectingDispatcher) -> list[EventType]:
    """Says the hurry was heard and what it means, and goes on with the look-up."""
    dispatcher.utter_message(text=HEARD)
    return [SlotSet("in_hurry", True), FollowupAction(LOOKUP_FORM)]
