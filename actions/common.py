"""What every action needs: the shop's store, rules and clock, and the message at hand."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from madoguchi import clock
from madoguchi.handoff.reasons import goods_problem
from madoguchi.shop.rules import Rules, shop_rules
from madoguchi.store.db import Database, database
from madoguchi.nlu.patterns import normalize_phone
from madoguchi.dialogue.written import katakana_full_name, latin_name_with_reading, sentence_written
from madoguchi.values import HOUSE_BEFORE, clean_person_name, house_alone


def db() -> Database:
    """The shop's database (built on first use)."""
    return database()


def rules() -> Rules:
    """The shop rules (read on first use)."""
    return shop_rules()


def now() -> datetime:
    """Japan time now (fixed by MADOGUCHI_NOW in demos and tests)."""
    return clock.now()


def latest_text(tracker: Tracker) -> str:
    """The customer's latest message as written."""
    return tracker.latest_message.get("text") or ""


def latest_intent(tracker: Tracker) -> str:
    """The intent of the customer's latest message."""
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def latest_confidence(tracker: Tracker) -> float:
    """How sure the classifier was of the latest message's intent."""
    return float((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0)


def latest_lemmas(tracker: Tracker) -> frozenset[str]:
    """GiNZA lemmas of the latest message, when the NLU pipeline provided them."""
    return frozenset((tracker.latest_message.get("triage") or {}).get("lemmas") or [])


def reports_goods(tracker: Tracker) -> bool:
    """The latest message reports wrong or damaged goods: by the shop's cues (read from the rules
    file now) or by the NLU's learned detector (`goods_learned` in its triage)."""
    if (tracker.latest_message.get("triage") or {}).get("goods_learned"):
        return True
    return goods_problem(rules(), latest_text(tracker), latest_lemmas(tracker))


def channel(tracker: Tracker) -> str:
    """The channel the customer writes on (rest, socketio, line)."""
    return tracker.get_latest_input_channel() or "rest"


def event_dicts(tracker: Tracker) -> list[dict[str, Any]]:
    """The tracker's events as dicts (rasa-sdk hands them over as dicts already)."""
    return [e for e in tracker.events if isinstance(e, dict)]


# What may stand before a name without being part of it: a space, 娘の, a label's colon or は.
_BEFORE_A_NAME = " 　の:：は、,"


def _from_name_on(tracker: Tracker) -> str:
    """The latest message from the name found in it on (かーちゃん用っす 高橋 翔で gives 高橋 翔で,
    娘の西村 彩花で gives 西村 彩花で); the whole message when no name was found or the name
    found may be a part (あおい of 中村あおい); up to an address or a number after the name."""
    text = _before_details(tracker)
    start = min((e["start"] for e in _spans(tracker) if e.get("entity") == "person_name"), default=0)
    if FAMILY_NAME_BEFORE.fullmatch(text[:start]) and not RELATION.fullmatch(text[:start].strip()):
        return text  # 成田 麻美 with 麻美 found alone (round 2026-12-02t katsuo-asami-19 in the replay): the family name too
    if HOUSE_BEFORE.fullmatch(text[:start]):
        return text  # ほたる庵 中西すみ子 (round 2026-12-07q sumiko-rukhsana-01): sent in the inn's name, as asked
    return text[start:] if 0 < start <= len(text) and text[start - 1] in _BEFORE_A_NAME else text


# A family name in kanji before a given name found alone, a space between; not a relation (娘 麻美).
FAMILY_NAME_BEFORE = re.compile(r"\s*[一-龥々]{1,4}[ 　]")
RELATION = re.compile(r"息子|娘|母|父|妻|夫|主人|家内|嫁|孫|兄|姉|弟|妹|祖母|祖父|義母|義父|叔母|叔父|伯母|伯父|先生|上司|友人|友達|部下|同僚")


def _spans(tracker: Tracker) -> list[dict]:
    return [e for e in tracker.latest_message.get("entities") or [] if isinstance(e.get("start"), int)]


def _before_details(tracker: Tracker) -> str:
    """The latest message up to the first address or number after the name (渡部邦夫
    会津若松市城東町十二の七だ gives 渡部邦夫)."""
    text = latest_text(tracker)
    entities = _spans(tracker)
    start = min((e["start"] for e in entities if e.get("entity") == "person_name"), default=0)
    end = min((e["start"] for e in entities if e.get("entity") != "person_name" and e["start"] > start), default=len(text))
    return text[:end].rstrip(" 　、,〒")  # 中村 蓮 〒530-0012…: the mark of the code after the name


def phone_answer(value: Any, dispatcher: CollectingDispatcher) -> str | None:
    """A phone number given in a form, as digits; when there is none, the customer is told."""
    phone = normalize_phone(str(value or ""))
    if not phone:
        dispatcher.utter_message(response="utter_phone_invalid")
    return phone or None


# Readings of a message that gives no name when no name was found in it.
NO_NAME_READINGS = frozenset({"affirm", "deny", "thank", "goodbye"})


def name_answer(value: Any, tracker: Tracker) -> str:
    """A name given in a form. The name part of the message is the name: an entity found in
    it may be a part only (山田 of 山田 太郎です, あおい of 中村あおい); asked for the name,
    the answer is the name even when no entity was found."""
    raw = str(value or "")
    latin = latin_name_with_reading(latest_text(tracker))
    if latin:
        return latin  # Dayanara Cijntje (katakana ダヤナラ・ケインチェ): the name, then how it reads
    name = clean_person_name(_before_details(tracker) if raw == latest_text(tracker) else raw)
    # Several names found in one message (田中 哲夫 and 哲夫): the longest that holds the value.
    found = [clean_person_name(str(e.get("value") or "")) for e in tracker.latest_message.get("entities") or []
             if e.get("entity") == "person_name"]
    name = max((f for f in found if f and name and name.replace(" ", "") in f.replace(" ", "")), key=len, default=name)
    written = _from_name_on(tracker)
    whole = clean_person_name(written)
    asked = tracker.get_slot("requested_slot") == "person_name"
    read_as_no_name = (tracker.latest_message.get("intent") or {}).get("name") in NO_NAME_READINGS
    if asked and not found and read_as_no_name and not katakana_full_name(latest_text(tracker)):
        return ""  # opo, yes po, salamat! sana umabot po 🙏: a yes and thanks, no name (not ソアレス エルメリンダ)
    if asked and not found and sentence_written(latest_text(tracker)):
        return ""  # ふねが おそいから はやい ほうで おくって ちょうだい: a hurry told, no name
    # the cleaned part, or the message (put the shop name not mine - Chinar Carpets Kobe: a sentence)
    house = house_alone(whole) or house_alone(written) if asked and not found else None
    if house:
        return house  # 民宿燧荘 で頼みやす (round 2026-12-07s tsune-tomas-01): the inn, not the request
    # The name part of the message (平田あかり of 平田あかりです、電話は…) when it holds the value.
    if whole and (not name and asked or name and name.replace(" ", "") in whole.replace(" ", "")):
        name = whole
    return name


def format_phone(digits: str) -> str:
    """Digits as Japanese readers expect them: 090-1234-5678, 03-1234-5678."""
    if len(digits) == 11:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if digits.startswith(("0120", "0570", "0800")):
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    if digits.startswith(("03", "06")):
        return f"{digits[:2]}-{digits[2:6]}-{digits[6:]}"
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"


def last_said(tracker: Tracker) -> str | None:
    """The response the bot's latest message was sent as."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            return (event.get("metadata") or {}).get("utter_action")
    return None
