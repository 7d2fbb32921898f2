"""Which name the catalog form keeps: a name found in a message that answers something else
(a side question, the phone) is no correction of the name given, and a part of the name never
shortens it; which message names the customer during a late catalog's look-up."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions import common
from actions.conversation import customer_texts, hurry_reading
from madoguchi.dialogue.signature import signature_of
from madoguchi.dialogue.written import katakana_full_name, name_as_written, strip_tail
from madoguchi.nlu import labelled_names
from madoguchi.nlu.english_words import english_phrase_spans, english_word
from madoguchi.nlu.patterns import find_phones
from madoguchi.nlu.reading import as_read
from madoguchi.text import nfkc
from madoguchi.values import clean_person_name, house_alone


def name_astray(tracker: Tracker) -> bool:
    """A name found in a message that is no answer about it: neither the name question nor
    the read-back is open, and the message is not a detail given (a question, thanks); or
    the read-back is answered with a yes or thanks that does not name the name."""
    requested = tracker.get_slot("requested_slot")
    text = common.latest_text(tracker)
    if requested == "catalog_confirmed" and common.latest_intent(tracker) in AGREEING:
        # おけ ありがと, おけ それで after the read-back: a yes or thanks, whatever the extractor
        # made of it; a name is corrected by writing it (or 名前は…)
        return not names_the_name(text)
    if requested in ("person_name", "catalog_confirmed"):
        return False
    if completes_the_name(tracker):
        return False
    # ０１９８－６４－２２３１ いえの でんわです…: a name found beside the detail asked for is no
    # correction of the name unless the message names it as one (名前は…); a name alone is one
    other = {e.get("entity") for e in tracker.latest_message.get("entities") or []} & {"postal_code", "address", "phone"}
    gives_other = bool(other) or bool(re.search(r"[0-9０-９]{3}", text)) or bool(PLACE_NAMED.search(text))
    return common.latest_intent(tracker) != "inform" or (
        requested in ("postal_code", "address", "phone") and gives_other and not names_the_name(text)
    )


# A place named as an address is (むつ市の 大湊新町 です, round 2026-12-05zzi): no name; not 中村 or 市川.
PLACE_NAMED = re.compile(r"[市区郡](?:の|[ 　])|[都道府県][ 　]?\S+[市区町村郡]")
# Readings of a message that agrees or thanks.
AGREEING = ("affirm", "thank", "goodbye")
NAME_NAMED = re.compile(r"名前|なまえ|氏名|宛名|あてな|お名|name", re.IGNORECASE)
# The name of a building, a firm or a shop (たてものの なまえ とかは ないとよ, round 2026-12-07e
# sumie-tevita-01): no name of the customer's named.
OTHERS_NAME = re.compile(
    r"(?:建物|たてもの|タテモノ|マンション|まんしょん|ビル|アパート|あぱーと|会社|かいしゃ|お?店|みせ|学校|病院|寮)の?[ 　]*(?:名前|なまえ)"
    r"|(?:building|company|shop|store|school|hospital|dorm|dormitory)(?:'s)?\s+name"
    # the mailbox only has my housemate's name 中西 on it (round 2026-12-07v haruo-pema-02): someone else's
    r"|(?:同居人|ルームメイト|ハウスメイト|大家|表札|郵便受け|ポスト)の?[ 　]*(?:名前|なまえ)"
    r"|(?:housemate|roommate|flatmate|landlord|landlady|mailbox|nameplate)(?:'s)?\s+name"
    r"|name\s+on\s+the\s+(?:mailbox|letterbox|post\s?box|door)",
    re.IGNORECASE,
)


def names_the_name(text: str) -> bool:
    """The message names the customer's name as what it gives (名前は…, my name is…), not a
    building's or a firm's."""
    return bool(NAME_NAMED.search(OTHERS_NAME.sub("", text)))


def completes_the_name(tracker: Tracker) -> bool:
    """The message is a name alone that holds the name given before and more (古畑 清嗣。。。
    after a request signed 古畑, round 2026-12-05zzw kiyotsugu-joselito-01): the whole name."""
    before = _compact(name_before(tracker))
    alone = _compact(clean_person_name(common.latest_text(tracker)) or "")
    found = [_compact(e.get("value")) for e in tracker.latest_message.get("entities") or [] if e.get("entity") == "person_name"]
    return bool(before) and any(before in f and len(f) > len(before) and f == alone for f in found)


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
    # and an inn's name without the request after it (民宿燧荘 で頼みやす, round 2026-12-07s tsune-tomas-01)
    names = [house_alone(n) or n for n in names]
    return max((n for n in names if n), key=len, default="")


def name_known(tracker: Tracker, found: Any) -> bool:
    """A name found in the latest message that gives nothing new: the name given before, a
    part of it, or the customer's signature (きょうは やめておきますささきつやこ; ありがどさん
    のぶえ after くどうのぶえ)."""
    name, before = _compact(found), _compact(name_before(tracker))
    return bool(name) and (bool(before) and name in before or name == signature_of(customer_texts(tracker)))


def _compact(name: Any) -> str:
    return re.sub(r"\s+", "", nfkc(str(name or "")))


# A name written alone while the phone is asked (田中 哲夫): short, with a kanji.
NAME_ALONE = re.compile(r"^[^\s]{1,6}(?:\s[^\s]{1,6})?$")
# A whole name in kana without a space (おおにしみさおです), given to the question "your
# phone or your name": kana alone, and no word of grammar or of the talk.
KANA_NAME = re.compile(r"^(?:[ぁ-ゖァ-ヺー]{4,10}|[ぁ-ゖァ-ヺー]{2,6}[ 　・][ぁ-ゖァ-ヺー]{2,6})$")  # カサイ ノボル
# A family and given name in kanji, with or without a space (海老沢元気, 田中 哲夫).
KANJI_FULL_NAME = re.compile(r"[\u4e00-\u9fff々]{4,7}|[\u4e00-\u9fff々]{1,4}[ 　][\u4e00-\u9fff々]{1,4}")
# A whole name in Latin letters, each part capitalized, its particles not (Sander de Vries,
# round 2026-12-05y; Maria da Silva), a part joined by a hyphen too (Yael Ben-David, round 2026-12-05zzm).
# Central European letters too (Jana Kovač, round 2026-12-07d).
_LATIN_PART = r"[A-ZÀ-ÖØ-Þ\u0100-\u017e][a-zà-öø-ÿ\u0100-\u017f'’]+(?:-[A-Z]?[a-zà-öø-ÿ\u0100-\u017f'’]+)*"
LATIN_FULL_NAME = re.compile(
    rf"{_LATIN_PART}(?:\s+(?:(?:de|van|der|den|von|da|dos|das|del|di|le|la|bin|binti|al|el|ter|ten)\s+)*"
    rf"{_LATIN_PART}){{1,3}}"
)
# The same all in small letters (ilya nikolaev, round 2026-12-07x toyoko-ilya-04: a writer with no
# capitals), when no part is a word the reading knows (syva pul is a goodbye).
LATIN_SMALL_NAME = re.compile(r"[a-z][a-z'’-]{2,}(?:\s+[a-z][a-z'’-]{2,}){1,2}")
# Words of a reply that is no name (same as before, one moment, send again).
SMALL_NOT_A_NAME = frozenset(
    "same before again send one moment wait later still nothing never already catalog order phone number".split()
)
# When the request was made (二週間前です, 先月), written alone where the phone or the name is asked.
WHEN_WRITTEN = re.compile(r"週間|[かヶケカ]月|日前|前に|先月|先週|くらい|ぐらい|ごろ|頃")
NOT_A_NAME = re.compile(
    r"ない|ません|ます|まし|たい|でし|です|ください|わから|まだ|いつ|どこ|なに|おねがい|ありがと|すみま|ごめん|こんにち|もしもし"
)


# A name alone read as nothing the shop does (海老沢元気: out of scope 0.57, round zv).
UNREAD_NAME = ("nlu_fallback", "out_of_scope")
# A whole name in Latin letters read as a goodbye (Jana Kovač, goodbye 0.52, round 2026-12-07d
# toshiko-jana-04), a greeting or thanks: a name, when no word of it is English's (Thank You).
LATIN_NAME_READ_AS = (*UNREAD_NAME, "inform", "goodbye", "greet", "thank")


def english_in(name: str) -> bool:
    """A word or phrase of the English lexicon stands in the name (Thank You, Good Bye)."""
    return bool(english_phrase_spans(name)) or any(english_word(w) for w in name.split())


def name_written_in_lookup(tracker: Tracker, text: str, intent: str) -> str | None:
    """A name in a message that is not an answer to the name question: beside a phone
    number (大島あかねです、電話は080-…), or written alone (田中 哲夫)."""
    if tracker.get_slot("person_name"):
        return None
    name = name_as_written(clean_person_name(text), text)
    if not name or hurry_reading([text]) is not None or WHEN_WRITTEN.search(name):
        return None
    beside_phone = bool(find_phones(text)) and not find_phones(name)
    # 田中 哲夫; アフマド イスマイル, きむ よんすん (a whole name in kana, read as one by `spans`)
    whole = bool(re.search(r"[\u4e00-\u9fff]", name)) or bool(labelled_names.labelled_names(text))
    # 海老沢元気 not understood (元気 is a word too): a name in kanji alone, family and given
    unread_kanji = intent in UNREAD_NAME and bool(KANJI_FULL_NAME.fullmatch(name))
    alone = (intent == "inform" and bool(NAME_ALONE.match(name)) and whole) or unread_kanji
    in_kana = intent == "inform" and bool(KANA_NAME.match(name)) and not NOT_A_NAME.search(name)
    # ほんま はつよ not understood (round 2026-12-05f): a whole name in hiragana, family and given
    unread_kana = intent in UNREAD_NAME and labelled_names.is_kana_full_name(text) and not NOT_A_NAME.search(name)
    small = (intent in UNREAD_NAME and bool(LATIN_SMALL_NAME.fullmatch(name)) and as_read(name) == name
             and not SMALL_NOT_A_NAME.intersection(name.split()))
    in_latin = (intent in LATIN_NAME_READ_AS and bool(LATIN_FULL_NAME.fullmatch(name)) or small) and not english_in(name)
    return name if beside_phone or alone or in_kana or unread_kana or in_latin else None


# A name written alone when asked for it, family in kanji and given in kana (甲斐 ふじの, round
# 2026-12-05zzz fujino-mergen-01): GiNZA knows 甲斐 as a word, and the classifier read out of scope.
KANJI_KANA_NAME = re.compile(r"^[一-龥々]{1,4}[ 　]+[ぁ-ゖァ-ヺー]{2,5}(?:です|と申します)?[。.]?$")
# A whole name in katakana read as a yes (ソアレス エルメリンダ, affirm 0.88, round 2026-12-06e
# masue-ermelinda-02): read in hiragana as a sentence for its last ダ, the name was asked again and again.
KATAKANA_NAME_READ_AS = ("affirm", "deny", "out_of_scope", "nlu_fallback", "inform")


class NameAskedExtraction:
    """The name question answered with a name the classifier took for something else."""

    name_asked_by = ("person_name",)  # the questions that ask for the name (a look-up: phone or name)

    async def extract_person_name(self, dispatcher: Any, tracker: Tracker, domain: Any) -> dict[str, Any]:
        """The whole message as the name, when it is a name alone and the name was asked."""
        if tracker.get_slot("requested_slot") not in self.name_asked_by or tracker.get_slot("person_name"):
            return {}
        intent, text = common.latest_intent(tracker), nfkc(common.latest_text(tracker)).strip()
        if intent in ("out_of_scope", "nlu_fallback") and KANJI_KANA_NAME.match(text):
            return {"person_name": text}
        if house := house_alone(text):
            return {"person_name": house}
        found = any(e.get("entity") == "person_name" for e in tracker.latest_message.get("entities") or [])
        return {"person_name": text} if intent in KATAKANA_NAME_READ_AS and not found and katakana_full_name(text) else {}

