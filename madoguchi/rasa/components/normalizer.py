"""The pipeline's first component: the text every component after it reads.

`WidthNormalizer` folds full-width ASCII, hyphen forms and old forms of kanji before
tokenization, one character for one, so spans stay valid on the original text
(`madoguchi.text.fold_for_nlu`);
it also masks digits (`A1234567` -> `A0000000`) so the classifier learns the shape of a
number, not its digits. A message written in romaji (`souryou ikura desuka`) or half-width
katakana is read in kana by every component after it (`madoguchi.nlu.reading`). Whatever a
customer sends, the NLU reads at most `max_chars` characters of it, as GiNZA's tokenizer
accepts them (`madoguchi.nlu.ginza.for_understanding`).

It keeps on the message, for the components after it, the text in the forms below
(`ShopEntityExtractor` gives the message its original text back).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from madoguchi.nlu import reading
from madoguchi.nlu.ginza import for_understanding
from madoguchi.rasa.components.untrained import UntrainedComponent
from madoguchi.text import fold_for_nlu, mask_digits

# The message's text before masking (folded), and as the customer wrote it.
UNMASKED = "madoguchi_unmasked_text"
ORIGINAL = "madoguchi_original_text"
# The part of the original text the NLU reads (`for_understanding`), not folded.
UNDERSTOOD = "madoguchi_understood_text"
# A message written in romaji, as hiragana with its offsets (`reading.Reading`).
READING = "madoguchi_romaji_reading"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False
)
class WidthNormalizer(UntrainedComponent):
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

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Folds the text of every training example."""
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        """Folds the text of incoming messages."""
        for message in messages:
            text = message.get(TEXT)
            if text:
                # (A training example keeps its letters: its entity spans are on them.)
                understood, folded, read, seen = _views(text, self._max_chars, read_it=not message.get(ENTITIES))
                message.set(ORIGINAL, text)
                message.set(UNDERSTOOD, understood)
                message.set(UNMASKED, folded)
                if read is not None:
                    message.set(READING, read)
                message.set(TEXT, mask_digits(seen) if self._mask else seen)
        return messages


def as_seen(text: str, max_chars: int = 1000, mask: bool = True) -> str:
    """The text the components after `WidthNormalizer` read for a message written as `text`
    (one with no entity annotation), for examples that come from outside Rasa's training data."""
    seen = _views(text, max_chars)[3]
    return mask_digits(seen) if mask else seen


def _views(text: str, max_chars: int, read_it: bool = True) -> tuple[str, str, reading.Reading | None, str]:
    """The text as understood (cut to `max_chars`), folded, read (None when nothing was read) and
    as the next components see it before digits are masked."""
    understood = for_understanding(text, max_chars)
    folded = fold_for_nlu(understood)
    read = reading.reading(folded) if read_it else None
    return understood, folded, read, read.text if read is not None else folded
