"""madoguchi's own Rasa NLU components.

- `WidthNormalizer` folds full-width ASCII and hyphen forms before tokenization,
  one character for one, so spans stay valid on the original text; it also masks digits
  (`A1234567` -> `A0000000`) so the classifier learns the shape of a number, not its digits.
- `ShopEntityExtractor` finds `order_id`, `phone`, `postal_code` by rule on the unmasked
  text, with their canonical values, adds dates written with digits that DIET missed,
  takes every entity value from the unmasked text, and gives the message its original
  text back (so `/model/parse` shows what the customer wrote).
- `HandoffTriage` reads the same part of the message as the components before it.

A message written in romaji (`souryou ikura desuka`) or half-width katakana is read in
kana by every component after `WidthNormalizer` (`reading.reading`); spans found on the
reading are taken back from what the customer wrote.

Whatever a customer sends, the NLU reads at most `max_chars` characters of it, as GiNZA's
tokenizer accepts them (`for_understanding`).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    ENTITIES,
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from madoguchi.nlu.ginza import tokenizable
from madoguchi.nlu import reading, spans
from madoguchi.nlu.patterns import ORDER_ID, PHONE, POSTAL_CODE, find_all, find_dates
from madoguchi.text import fold_width, mask_digits

RULE_ENTITIES = (ORDER_ID, PHONE, POSTAL_CODE)
WRITTEN_ENTITIES = ("person_name", "address")  # stored as written, not folded
# The message's text before masking (folded), and as the customer wrote it.
UNMASKED = "madoguchi_unmasked_text"
ORIGINAL = "madoguchi_original_text"
# The part of the original text the NLU reads (`for_understanding`), not folded.
UNDERSTOOD = "madoguchi_understood_text"
# A message written in romaji, as hiragana with its offsets (`reading.Reading`).
READING = "madoguchi_romaji_reading"


def for_understanding(text: str, max_chars: int) -> str:
    """The part of a message the NLU reads: its first `max_chars` characters, as GiNZA's
    tokenizer accepts them (`ginza.tokenizable`). Offsets on it are offsets on the original."""
    return tokenizable(text[:max_chars])


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False
)
class WidthNormalizer(GraphComponent):
    """Folds full-width letters and digits and hyphen look-alikes, keeping offsets.

    Very long messages are cut to `max_chars` for understanding (the transcript keeps
    the whole text): what a customer asks stands at the start, and GiNZA's time grows
    with the length. Every component after it reads that part only (`for_understanding`).
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"max_chars": 1000, "mask_digits": True}

    def __init__(self, config: dict[str, Any]) -> None:
        self._max_chars = int(config.get("max_chars") or 1000)
        self._mask = bool(config.get("mask_digits", True))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "WidthNormalizer":
        return cls({**cls.get_default_config(), **config})

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Folds the text of every training example."""
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        """Folds the text of incoming messages."""
        for message in messages:
            text = message.get(TEXT)
            if text:
                understood = for_understanding(text, self._max_chars)
                folded = fold_width(understood)
                message.set(ORIGINAL, text)
                message.set(UNDERSTOOD, understood)
                message.set(UNMASKED, folded)
                # (A training example keeps its letters: its entity spans are on them.)
                read = None if message.get(ENTITIES) else reading.reading(folded)
                if read is not None:
                    message.set(READING, read)
                seen = read.text if read is not None else folded
                message.set(TEXT, mask_digits(seen) if self._mask else seen)
        return messages


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class ShopEntityExtractor(GraphComponent):
    """Rule-based order numbers, phones and postal codes, plus dates DIET missed; whole
    addresses and names where DIET's are cut short (`madoguchi.nlu.spans`)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"rule_dates": True}

    def __init__(self, config: dict[str, Any]) -> None:
        self._dates = bool(config.get("rule_dates", True))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "ShopEntityExtractor":
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: list[Message]) -> list[Message]:
        """Adds normalized rule entities and replaces any learned guess of them."""
        for message in messages:
            text = message.get(UNMASKED) or message.get(TEXT) or ""
            learned = [
                _on_written(e, text, message.get(READING))
                for e in message.get(ENTITIES, [])
                if e[ENTITY_ATTRIBUTE_TYPE] not in RULE_ENTITIES
            ]
            found = [
                self._entity(f.entity, f.start, f.end, f.value, text) for f in find_all(text)
            ]
            if self._dates:
                for date in (self._entity(f.entity, f.start, f.end, f.value, text) for f in find_dates(text)):
                    # A date DIET missed, or found cut short (月十五日 of 一月十五日): the whole one.
                    cut = [e for e in learned if _overlaps(date, [e])]
                    if not _overlaps(date, found) and all(_within(e, date) for e in cut):
                        learned = [e for e in learned if not any(e is c for c in cut)]
                        found.append(date)
            found += [self._entity("address", a, b, None, text) for a, b in spans.addresses(text)]
            doc = message.get(SPACY_DOCS[TEXT])
            family = [(t.idx, t.idx + len(t.text)) for t in doc if "人名-姓" in t.tag_] if doc is not None else []
            surnames = frozenset(text[a:b] for a, b in family)
            for e in learned:  # a family name takes the given name written after it
                if e[ENTITY_ATTRIBUTE_TYPE] == "person_name":
                    e[ENTITY_ATTRIBUTE_START] = spans.family_name_start(text, e[ENTITY_ATTRIBUTE_START], surnames)
                    e[ENTITY_ATTRIBUTE_END] = spans.whole_name_end(text, e[ENTITY_ATTRIBUTE_START], e[ENTITY_ATTRIBUTE_END])
                    e[ENTITY_ATTRIBUTE_END] = spans.name_end_before_digits(text, e[ENTITY_ATTRIBUTE_START], e[ENTITY_ATTRIBUTE_END])
                    e[ENTITY_ATTRIBUTE_END] = spans.name_end_before_introduction(text, e[ENTITY_ATTRIBUTE_START], e[ENTITY_ATTRIBUTE_END])
                    e[ENTITY_ATTRIBUTE_VALUE] = text[e[ENTITY_ATTRIBUTE_START] : e[ENTITY_ATTRIBUTE_END]]
            learned = _joined_names(learned, text)  # 松尾 and 純一 of 松尾純一って書いた: one name
            # A name cut to nothing, an address with no letter (the 1 of 「1. 名前 …」): no entity.
            learned = [e for e in learned if spans.holds_words(e[ENTITY_ATTRIBUTE_TYPE], e[ENTITY_ATTRIBUTE_VALUE])]
            for a, b in spans.introduced_names(text, family):  # 宮崎の黒木と申します, 大内だけど
                if not any(e[ENTITY_ATTRIBUTE_TYPE] == "person_name" for e in learned):
                    learned.append(self._entity("person_name", a, b, None, text))
            for a, b in spans.labelled_names(text):  # なまえ ラジ タパ, たかはし　ふさえ　です
                named = self._entity("person_name", a, b, None, text)
                names = [e for e in learned if e[ENTITY_ATTRIBUTE_TYPE] == "person_name" and _overlaps(e, [named])]
                if all(e[ENTITY_ATTRIBUTE_END] - e[ENTITY_ATTRIBUTE_START] < b - a for e in names):
                    learned = [e for e in learned if not any(e is n for n in names)] + [named]
            # A learned entity overlapping a rule one loses: rules are exact for these shapes.
            learned = [e for e in learned if not _overlaps(e, found)]
            entities = sorted([*learned, *found], key=lambda e: e[ENTITY_ATTRIBUTE_START])
            _as_written(entities, message.get(ORIGINAL))
            message.set(ENTITIES, entities, add_to_output=True)
            if message.get(ORIGINAL) is not None:
                message.set(TEXT, message.get(ORIGINAL))
        return messages

    @staticmethod
    def _entity(kind: str, start: int, end: int, value: str | None, text: str) -> dict[str, Any]:
        return {
            ENTITY_ATTRIBUTE_TYPE: kind,
            ENTITY_ATTRIBUTE_START: start,
            ENTITY_ATTRIBUTE_END: end,
            ENTITY_ATTRIBUTE_VALUE: value if value is not None else text[start:end],
            ENTITY_ATTRIBUTE_CONFIDENCE: 1.0,
            EXTRACTOR: ShopEntityExtractor.__name__,
        }


def _on_written(entity: dict[str, Any], text: str, read: reading.Reading | None) -> dict[str, Any]:
    """A learned entity with its span and value on the text as written."""
    start, end = entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END]
    if read is not None and end > start:
        start, end = read.span(start, end)
    return {**entity, ENTITY_ATTRIBUTE_START: start, ENTITY_ATTRIBUTE_END: end, ENTITY_ATTRIBUTE_VALUE: text[start:end]}


def _as_written(entities: list[dict[str, Any]], original: str | None) -> None:
    """Names and addresses keep the customer's own characters (山本　節子, ２－３－４):
    folding keeps one character for one, so the offsets hold on the original text."""
    if not original:
        return
    for e in entities:
        if e[ENTITY_ATTRIBUTE_TYPE] in WRITTEN_ENTITIES and e[ENTITY_ATTRIBUTE_END] <= len(original):
            e[ENTITY_ATTRIBUTE_VALUE] = original[e[ENTITY_ATTRIBUTE_START] : e[ENTITY_ATTRIBUTE_END]]


def _joined_names(entities: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """Names found side by side (family and given name, nothing or a space between) as one."""
    joined: list[dict[str, Any]] = []
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


def _within(entity: dict[str, Any], date: dict[str, Any]) -> bool:
    """A learned date that lies inside a rule date."""
    return (
        entity[ENTITY_ATTRIBUTE_TYPE] == "date"
        and date[ENTITY_ATTRIBUTE_START] <= entity[ENTITY_ATTRIBUTE_START]
        and entity[ENTITY_ATTRIBUTE_END] <= date[ENTITY_ATTRIBUTE_END]
    )


def _overlaps(entity: dict[str, Any], others: list[dict[str, Any]]) -> bool:
    start, end = entity[ENTITY_ATTRIBUTE_START], entity[ENTITY_ATTRIBUTE_END]
    return any(
        start < o[ENTITY_ATTRIBUTE_END] and o[ENTITY_ATTRIBUTE_START] < end for o in others
    )


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False, model_from="GinzaNLP"
)
class HandoffTriage(GraphComponent):
    """Distress score, goods problems and gibberish from GiNZA's analysis (see triage.py).

    Runs last: it may correct the intent that the dialogue acts on. Cue words and the
    distress threshold come from the shop rules file, read when first needed.
    """

    def __init__(self, config: dict[str, Any]) -> None:
        self._lexicon = None
        self._threshold = None

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "HandoffTriage":
        return cls(config)

    def _setup(self) -> None:
        from madoguchi.nlu.triage import Lexicon
        from madoguchi.shop.rules import shop_rules

        rules = shop_rules()
        self._lexicon = Lexicon.from_cues(rules.cues)
        self._threshold = rules.distress_threshold

    def process(self, messages: list[Message], model: Any = None) -> list[Message]:
        """Adds `triage` to each message's parse and corrects its intent when clear."""
        from madoguchi.nlu.corrections import correct_intent
        from madoguchi.nlu.triage import assess

        if self._lexicon is None:
            self._setup()
        parser = _parser_of(model)
        dictionary_words = _dictionary_of(model)
        for message in messages:
            # The text as written, as far as the NLU read it (the message's TEXT is whole again).
            read = message.get(READING)
            text = read.text if read is not None else message.get(UNDERSTOOD) or message.get(TEXT) or ""
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY) or ""
            ranking = message.get(INTENT_RANKING_KEY) or []
            p_distress = next((r["confidence"] for r in ranking if r["name"] == "express_distress"), 0.0)
            if intent == "express_distress":
                p_distress = max(p_distress, (message.get(INTENT) or {}).get("confidence", 0.0))
            result = assess(text, message.get(SPACY_DOCS[TEXT]), self._lexicon, p_distress, parser, dictionary_words)
            triage = result.as_dict()
            corrected = correct_intent(intent, ranking, result, self._threshold)
            if corrected != intent:
                triage["changed_from"] = intent
                confidence = (message.get(INTENT) or {}).get("confidence", 0.0)
                message.set(INTENT, {INTENT_NAME_KEY: corrected, "confidence": confidence}, add_to_output=True)
            message.set("triage", triage, add_to_output=True)
        return messages


def _dictionary_of(model: Any):
    """The words of a text Sudachi's dictionary knows (see `gibberish.is_gibberish`)."""
    nlp = getattr(model, "model", None)
    if nlp is None or not hasattr(getattr(nlp, "tokenizer", None), "tokenizer"):
        return None
    from madoguchi.nlu.gibberish import sudachi_words

    words = sudachi_words(nlp)
    return lambda text: words(tokenizable(text))


def _parser_of(model: Any):
    """GiNZA's neural analysis (see `ginza.parse`), run only when the triage asks for it."""
    nlp = getattr(model, "model", None)
    if nlp is None or "parser" not in nlp.pipe_names:
        return None
    from madoguchi.nlu.ginza import parse

    return lambda doc: parse(nlp, doc)
