"""The house number of a catalog's address: asked for once when the address came without one
(むつ市の 大湊新町 です, round 2026-12-05zzi tamie-kadri-01), then taken from the answer with
the talk around it left out (あ ばんちは １２の７ です わすれてた: 12の7)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions import common
from madoguchi.address import latin_lodging
from madoguchi.nlu.cues import QUESTIONED

NUMBER_MISSING = "utter_address_number_missing"
# A number of a block, in digits or kanji (３丁目, 十二番地).
HAS_NUMBER = re.compile(r"[0-9０-９一二三四五六七八九十]")
# The talk a customer sets around a number given alone: hiragana, spaces and punctuation.
_TALK = re.compile(r"[ぁ-ゖー、。,.!！?？\s]*")
_LAST_NUMBER = re.compile(r"[0-9０-９]+(?:号室|号|階|[FＦ])?")


def number_asked(tracker: Tracker) -> bool:
    """The bot's answer to the customer's message before this one asked for the house number
    the address lacked."""
    users = 0
    for event in reversed(tracker.events):
        users += event.get("event") == "user"
        if users >= 2:
            return False
        if users and event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") == NUMBER_MISSING:
            return True
    return False


# The address questions that offer 番地なし for an address without a number (domain/catalog.yml).
_NUMBERLESS_OFFERED = ("utter_ask_address_again", "utter_ask_address_or_person")
# A yes to the address as it stands (はい、それで たのみます; これでええよ; yes that's it).
_AS_IT_STANDS = re.compile(r"(?i)それで|そいで|そのまま|このまま|これで|こいで|that'?s (?:it|all|fine|ok)|as it is|no number")


def number_waived(tracker: Tracker) -> list[EventType]:
    """The address as it stands, its postal code's place, when the customer answers a question
    that offered 番地なし with a yes to it (はい、 それで たのみます, round 2026-12-07j
    kazuyo-chikondi-03; a yes alone when a lodging is named); nothing otherwise."""
    base = tracker.get_slot("address_base")
    text = common.latest_text(tracker)
    # a yes alone will do when the address names its lodging (…山田 Yukiusagi Lodge Hirafu, then hoi:
    # round 2026-12-07p shigeru-gurung-11): the lodge is found by its name
    as_it_stands = _AS_IT_STANDS.search(text) or latin_lodging(base or "")
    said_so = common.latest_intent(tracker) == "affirm" and as_it_stands and not HAS_NUMBER.search(text)
    if not base or not said_so or common.last_said(tracker) not in _NUMBERLESS_OFFERED:
        return []
    return [SlotSet("address", base)]


def given_as_detail(tracker: Tracker) -> bool:
    """The message gives a detail (read as one, no question in it): not a side question asked
    while the address is asked (カタログには やわらかい お菓子も のっちょーますか, round zu)."""
    return common.latest_intent(tracker) == "inform" and not QUESTIONED.search(common.latest_text(tracker))


def lacks_number(written: str) -> bool:
    """The address as the customer wrote it names no block or house number, nor says it has none
    (東京都青ヶ島村無番地: Aogashima's addresses, round 2026-12-07t kikue-thoibi-01)."""
    return not HAS_NUMBER.search(written) and not _NUMBERLESS.search(written)


_NUMBERLESS = re.compile(r"無番地|番地なし|番地無し")


# No number to give (番地はないです): the address is what was given before.
_NO_NUMBER = re.compile(r"(?:番地|ばんち|番号|ばんごう)[はもが]?(?:ない|無い|なし|無し|ありません|ございません)")


def without_talk(written: str) -> str:
    """A house number given alone, without the hiragana talk before and after it; the text as it
    is when a word of a place or a building stands there (１２の７ です: １２の７; 大平町3-4 コーポ幸);
    nothing when there is no number to give (番地はないです)."""
    numbers = list(_LAST_NUMBER.finditer(written))
    if not numbers:
        return "" if _NO_NUMBER.search(written) else written
    start, end = numbers[0].start(), numbers[-1].end()
    head = "" if _TALK.fullmatch(written[:start]) else written[:start]
    tail = "" if _TALK.fullmatch(written[end:]) else written[end:]
    return (head + written[start:end] + tail).strip()
