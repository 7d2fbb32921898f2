"""The shop's entities of a message, as the pipeline gives them to the dialogue.

- `order_id`, `phone`, `postal_code` by rule (`patterns.find_all`), with their canonical
  values; a learned guess of one of them is replaced.
- Dates written with digits that the classifier missed or found cut short
  (`patterns.find_dates`): the whole date.
- Addresses and names made whole where the classifier's are cut short (`spans`): a family
  name takes the given name written after it, names found side by side are one, a name
  introduced or labelled is found when the classifier found none.
- Every value is taken from the unmasked text; names and addresses keep the customer's own
  characters (full-width, their spaces). A message read as romaji or half-width katakana
  (`reading.Reading`) has its learned spans taken back to what the customer wrote.

`madoguchi.rasa.components.entities.ShopEntityExtractor` is the pipeline's component that
runs `shop_entities` on every message.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.shared.nlu.constants import (
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
)

from madoguchi.address import whole_places
from madoguchi.nlu import address_spans, introduced_names, labelled_names, reading, spans
from madoguchi.nlu.patterns import ORDER_ID, PHONE, POSTAL_CODE, find_all, find_dates

RULE_ENTITIES = (ORDER_ID, PHONE, POSTAL_CODE)
WRITTEN_ENTITIES = ("person_name", "address")  # stored as written, not folded

Entity = dict[str, Any]
DATE_HEDGE = re.compile(r"[ 　]*(?:とか|など|なんか)$")
DATE_ARTICLE = re.compile(r"(?i)the\s+(?=\d)")  # on the 29th: the 29th's day, not its article (round 2026-12-05zzd)
# The topic a date is told of, before it (ひは, 日は, 式が): no part of the date.
TOPIC_BEFORE_DATE = re.compile(r"[^\s。、0-9０-９]{1,3}[はがわ][ 　]*")
# A place word of a few kanji and nothing else, then the ending a writer names themselves with.
SELF_NAMED_PLACE = re.compile(r"[\u4e00-\u9fff々]{1,4}")
QUESTION_AFTER = re.compile(r"[ 　]*(?:ですか|とですか|でしょうか|ですかね|か[。？?]|んですか)")
ADDRESS_LABEL_BEFORE = re.compile(r"(?:住所|じゅうしょ|場所|ところ|宛先|届け先|送り先|おくりさき|在住|出身)(?:は|わ|:|：|が)?[ 　]*$")
INTRODUCING_END = re.compile(r"[ 　]*(?:でございます|と申します|ともうします|といいます|です(?:が|。|、|！|!|$))")
SENTENCE_END_INSIDE = re.compile(r"[.!?。！？][ 　]+\S")
SHOUTED = re.compile(r"[A-Z]{3,}")
PLACE_BEFORE_NAME = re.compile(r"^[^ 　]{3,8}の[ 　]+(?=\S)")
# A date in Latin letters holds a word of time (this weekend, ashita); 'the' or 'with' is none.
LATIN_ONLY = re.compile(r"[A-Za-z .,'-]+")
LATIN_DATE_WORD = re.compile(
    r"today|tomorrow|yesterday|tonight|week|month|year|day|morning|evening|night|noon|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next|last|christmas|"
    r"ashita|kyo|asatte|kinou|raishu|raigetsu|konshu|kongetsu|getsu|nichi|yobi|youbi|shuu|shu",
    re.IGNORECASE,
)
# A day named in English, within a phrase read as a whole (if I order today: 今日注文したら).
ENGLISH_DAY = re.compile(r"(?i)\b(?:the day after tomorrow|today|tonight|tomorrow|tommorow|tomorow|tmrw?)\b")


def family_names(doc: Any) -> list[tuple[int, int]]:
    """The spans of the tokens GiNZA tags as family names (人名-姓); none without a document."""
    return [(t.idx, t.idx + len(t.text)) for t in doc if "人名-姓" in t.tag_] if doc is not None else []


def _topic_before(learned: Entity, date: Entity, text: str) -> bool:
    """A date DIET found with the topic before it (ひは of ほうじの ひは らいげつの １５にち)."""
    return (
        learned[ENTITY_ATTRIBUTE_END] <= date[ENTITY_ATTRIBUTE_END]
        and TOPIC_BEFORE_DATE.fullmatch(text[learned[ENTITY_ATTRIBUTE_START] : date[ENTITY_ATTRIBUTE_START]]) is not None
    )


def shop_entities(
    text: str,
    learned: list[Entity],
    *,
    extractor: str,
    family: list[tuple[int, int]] | None = None,
    read: reading.Reading | None = None,
    original: str | None = None,
    rule_dates: bool = True,
) -> list[Entity]:
    """The message's entities, in the order they stand.

    `text`: the message folded, not masked; `learned`: the classifier's entities; `extractor`:
    the name the entities found here carry; `family`: the spans of family names in what the
    classifier saw (`read`'s text when there is one, else `text`);
    `read`: the reading the classifier saw instead of `text`, if any; `original`: the text as
    the customer wrote it; `rule_dates`: whether dates are also found by rule.
    """
    learned = [_on_written(e, text, read) for e in learned if e[ENTITY_ATTRIBUTE_TYPE] not in RULE_ENTITIES]
    # A date found inside a phrase read as a whole lands on a part of its words (by F of "by
    # Friday", round 2026-12-05zzf): no date, and the rule's date stands instead.
    learned = [e for e in learned if not _latin_without_a_date(e)]
    found = [_entity(f.entity, f.start, f.end, f.value, text, extractor) for f in find_all(text)]
    if rule_dates:
        places = [(f.start, f.end) for f in find_dates(text)]
        if read is not None:  # raishuu no kinyoubi: found in the reading, kept as written
            read_places = [_on_latin_day(text, *read.span(f.start, f.end)) for f in find_dates(read.text)]
            places += [p for p in read_places if p and p not in places]
            # A day in English inside a phrase read whole (ship it today: 当日発送) is a date still.
            places += [m.span() for m in ENGLISH_DAY.finditer(text)
                       if not any(a < m.end() and m.start() < b for a, b in places)]
        for date in (_entity("date", a, b, text[a:b], text, extractor) for a, b in places):
            # A date DIET missed, or found cut short (月十五日 of 一月十五日): the whole one.
            cut = [e for e in learned if _overlaps(date, [e])]
            if not _overlaps(date, found) and all(_within(e, date) or _topic_before(e, date, text) for e in cut):
                learned = [e for e in learned if not any(e is c for c in cut)]
                found.append(date)
    written = address_spans.addresses(text) or whole_places(text)
    found += [_entity("address", a, b, None, text, extractor) for a, b in written]
    # GiNZA read what the classifier saw: its family names are taken back onto `text`.
    family = [read.span(a, b) for a, b in family or [] if b <= len(read.text)] if read is not None else family or []
    surnames = frozenset(text[a:b] for a, b in family)
    for e in learned:  # a family name takes the given name written after it
        if e[ENTITY_ATTRIBUTE_TYPE] == "person_name":
            e[ENTITY_ATTRIBUTE_START] = spans.family_name_start(text, e[ENTITY_ATTRIBUTE_START], surnames)
            e[ENTITY_ATTRIBUTE_END] = spans.whole_name_end(text, e[ENTITY_ATTRIBUTE_START], e[ENTITY_ATTRIBUTE_END])
            e[ENTITY_ATTRIBUTE_END] = spans.name_end_before_digits(text, e[ENTITY_ATTRIBUTE_START], e[ENTITY_ATTRIBUTE_END])
            e[ENTITY_ATTRIBUTE_END] = spans.name_end_before_introduction(text, e[ENTITY_ATTRIBUTE_START], e[ENTITY_ATTRIBUTE_END])
            e[ENTITY_ATTRIBUTE_VALUE] = text[e[ENTITY_ATTRIBUTE_START] : e[ENTITY_ATTRIBUTE_END]]
    for e in learned:  # 宿をやっとります西川でございます: a family name read as a place
        if e[ENTITY_ATTRIBUTE_TYPE] == "address" and SELF_NAMED_PLACE.fullmatch(e[ENTITY_ATTRIBUTE_VALUE] or "") and (
            INTRODUCING_END.match(text, e[ENTITY_ATTRIBUTE_END])
            and not ADDRESS_LABEL_BEFORE.search(text[: e[ENTITY_ATTRIBUTE_START]])
        ):
            e[ENTITY_ATTRIBUTE_TYPE] = "person_name"
    learned = _joined_names(learned, text)  # 松尾 and 純一 of 松尾純一って書いた: one name
    # A name cut to nothing, an address with no letter (the 1 of 「1. 名前 …」): no entity.
    learned = [e for e in learned if spans.holds_words(e[ENTITY_ATTRIBUTE_TYPE], e[ENTITY_ATTRIBUTE_VALUE])]
    # かたろぐば おくって もらえんですか: words of grammar found as a name are none
    learned = [e for e in learned if not (
        e[ENTITY_ATTRIBUTE_TYPE] == "person_name" and spans.grammar_as_a_name(e[ENTITY_ATTRIBUTE_VALUE])
    )]
    for e in learned:  # Nino Beridze. Stop asking: the name ends with its sentence (round 2026-12-05zze)
        cut = SENTENCE_END_INSIDE.search(e[ENTITY_ATTRIBUTE_VALUE] or "")
        if cut and e[ENTITY_ATTRIBUTE_TYPE] == "person_name":
            e[ENTITY_ATTRIBUTE_END] = e[ENTITY_ATTRIBUTE_START] + cut.start()
            e[ENTITY_ATTRIBUTE_VALUE] = e[ENTITY_ATTRIBUTE_VALUE][: cut.start()]
    learned = [e for e in learned if not (  # I already gave you my full name TWICE. Why do: a shout, no name
        e[ENTITY_ATTRIBUTE_TYPE] == "person_name" and SHOUTED.fullmatch(e[ENTITY_ATTRIBUTE_VALUE] or "")
    )]
    learned = [e for e in learned if not (  # 式場さんに伝えんと: what someone is, no name
        e[ENTITY_ATTRIBUTE_TYPE] == "person_name"
        and spans.called_by_what(text, e[ENTITY_ATTRIBUTE_START], e[ENTITY_ATTRIBUTE_END])
    )]
    introduced = [
        *introduced_names.introduced_names(text, family), *introduced_names.katakana_introduced(text),
        *introduced_names.chinese_introduced(text), *introduced_names.korean_introduced(text),
        *introduced_names.latin_introduced(text), *introduced_names.honoured_names(text, family),
    ]
    for a, b in introduced:  # 宮崎の黒木と申します, 大内だけど, クワメといいます
        if not any(e[ENTITY_ATTRIBUTE_TYPE] == "person_name" for e in learned):
            learned.append(_entity("person_name", a, b, None, text, extractor))
    for e in learned:  # 来週の土曜とかに: the date without its hedge
        hedge = DATE_HEDGE.search(e[ENTITY_ATTRIBUTE_VALUE]) if e[ENTITY_ATTRIBUTE_TYPE] == "date" else None
        if hedge and hedge.start() > 0:
            e[ENTITY_ATTRIBUTE_END] = e[ENTITY_ATTRIBUTE_START] + hedge.start()
            e[ENTITY_ATTRIBUTE_VALUE] = e[ENTITY_ATTRIBUTE_VALUE][: hedge.start()]
        article = DATE_ARTICLE.match(e[ENTITY_ATTRIBUTE_VALUE] or "") if e[ENTITY_ATTRIBUTE_TYPE] == "date" else None
        if article:
            e[ENTITY_ATTRIBUTE_START] += article.end()
            e[ENTITY_ATTRIBUTE_VALUE] = e[ENTITY_ATTRIBUTE_VALUE][article.end():]
    for a, b in labelled_names.labelled_names(text):  # なまえ ラジ タパ, たかはし　ふさえ　です
        named = _entity("person_name", a, b, None, text, extractor)
        names = [e for e in learned if e[ENTITY_ATTRIBUTE_TYPE] == "person_name" and _overlaps(e, [named])]
        if all(e[ENTITY_ATTRIBUTE_END] - e[ENTITY_ATTRIBUTE_START] < b - a for e in names):
            learned = [e for e in learned if not any(e is n for n in names)] + [named]
    spelled = labelled_names.in_katakana(text)  # カタカナやったらカララ ムブイ: that one, not the Latin one
    if spelled:
        learned = [e for e in learned if e[ENTITY_ATTRIBUTE_TYPE] != "person_name"]
        learned.append(_entity("person_name", *spelled, None, text, extractor))
    for e in learned:  # ながさきの　まつお: where the writer lives, before the name
        place = PLACE_BEFORE_NAME.match(e[ENTITY_ATTRIBUTE_VALUE]) if e[ENTITY_ATTRIBUTE_TYPE] == "person_name" else None
        if place:
            e[ENTITY_ATTRIBUTE_START] += place.end()
            e[ENTITY_ATTRIBUTE_VALUE] = e[ENTITY_ATTRIBUTE_VALUE][place.end():]
    # おかねの かかるとですか, いわんと いかんとですか: a name asked about is grammar asked with
    learned = [e for e in learned if not (
        e[ENTITY_ATTRIBUTE_TYPE] == "person_name" and QUESTION_AFTER.match(text, e[ENTITY_ATTRIBUTE_END])
        and re.fullmatch(r"[ぁ-ゖー 　]+", e[ENTITY_ATTRIBUTE_VALUE] or "")
    )]
    names = [e for e in learned if e[ENTITY_ATTRIBUTE_TYPE] == "person_name"]
    learned = [e for e in learned if not (e[ENTITY_ATTRIBUTE_TYPE] == "date" and _overlaps(e, names))]  # Okonkwo: no date
    learned = [e for e in learned if not _latin_without_a_date(e)]  # decided by the weekend: 'the' is no date
    # A learned entity overlapping a rule one loses: rules are exact for these shapes.
    learned = [e for e in learned if not _overlaps(e, found)]
    entities = sorted([*learned, *found], key=lambda e: e[ENTITY_ATTRIBUTE_START])
    _as_written(entities, original)
    return entities


def _entity(kind: str, start: int, end: int, value: str | None, text: str, extractor: str) -> Entity:
    return {
        ENTITY_ATTRIBUTE_TYPE: kind,
        ENTITY_ATTRIBUTE_START: start,
        ENTITY_ATTRIBUTE_END: end,
        ENTITY_ATTRIBUTE_VALUE: value if value is not None else text[start:end],
        ENTITY_ATTRIBUTE_CONFIDENCE: 1.0,
        EXTRACTOR: extractor,
    }


def _on_latin_day(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A date found in the reading, on the text as written: a span of Latin words that names
    no day (the 'if I' of 今日注文したら's share of 'if I order today') moves to the English
    day word of the message, or is none."""
    if not LATIN_ONLY.fullmatch(text[start:end]) or LATIN_DATE_WORD.search(text[start:end]):
        return start, end
    day = ENGLISH_DAY.search(text)
    return day.span() if day else None


def _latin_without_a_date(entity: Entity) -> bool:
    """A date in Latin letters that holds no word of time ('the', 'by F')."""
    value = entity[ENTITY_ATTRIBUTE_VALUE] or ""
    if entity[ENTITY_ATTRIBUTE_TYPE] != "date":
        return False
    return bool(LATIN_ONLY.fullmatch(value)) and not LATIN_DATE_WORD.search(value)


def _on_written(entity: Entity, text: str, read: reading.Reading | None) -> Entity:
    """A learned entity with its span and value on the text as written."""
    start, end = entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END]
    if read is not None and end > start:
        start, end = read.span(start, end)
    return {**entity, ENTITY_ATTRIBUTE_START: start, ENTITY_ATTRIBUTE_END: end, ENTITY_ATTRIBUTE_VALUE: text[start:end]}


def _as_written(entities: list[Entity], original: str | None) -> None:
    """Names and addresses keep the customer's own characters (山本　節子, ２－３－４):
    folding keeps one character for one, so the offsets hold on the original text."""
    if not original:
        return
    for e in entities:
        if e[ENTITY_ATTRIBUTE_TYPE] in WRITTEN_ENTITIES and e[ENTITY_ATTRIBUTE_END] <= len(original):
            e[ENTITY_ATTRIBUTE_VALUE] = original[e[ENTITY_ATTRIBUTE_START] : e[ENTITY_ATTRIBUTE_END]]


def _joined_names(entities: list[Entity], text: str) -> list[Entity]:
    """Names found side by side (family and given name, nothing or a space between) as one."""
    joined: list[Entity] = []
    for e in sorted(entities, key=lambda e: e[ENTITY_ATTRIBUTE_START]):
        last = joined[-1] if joined else None
        if (
            last is not None
            and e[ENTITY_ATTRIBUTE_TYPE] == last[ENTITY_ATTRIBUTE_TYPE] == "person_name"
            and text[last[ENTITY_ATTRIBUTE_END] : e[ENTITY_ATTRIBUTE_START]].strip(" 　") == ""
        ):
            end = max(last[ENTITY_ATTRIBUTE_END], e[ENTITY_ATTRIBUTE_END])
            joined[-1] = {**last, ENTITY_ATTRIBUTE_END: end, ENTITY_ATTRIBUTE_VALUE: text[last[ENTITY_ATTRIBUTE_START] : end]}
        else:
            joined.append(e)
    return joined


def _within(entity: Entity, date: Entity) -> bool:
    """A learned date that lies inside a rule date, its article aside (the 28th of the 28th of
    November, round 2026-12-05zzx)."""
    article = DATE_ARTICLE.match(entity[ENTITY_ATTRIBUTE_VALUE] or "")
    return (
        entity[ENTITY_ATTRIBUTE_TYPE] == "date"
        and date[ENTITY_ATTRIBUTE_START] <= entity[ENTITY_ATTRIBUTE_START] + (article.end() if article else 0)
        and entity[ENTITY_ATTRIBUTE_END] <= date[ENTITY_ATTRIBUTE_END]
    )


def _overlaps(entity: Entity, others: list[Entity]) -> bool:
    start, end = entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END]
    return any(
        start < o[ENTITY_ATTRIBUTE_END] and o[ENTITY_ATTRIBUTE_START] < end for o in others
    )
