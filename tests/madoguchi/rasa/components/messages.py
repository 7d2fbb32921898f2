"""Rasa messages through the pipeline's first components, as the NLU graph runs them."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from madoguchi.rasa.components.entities import ShopEntityExtractor
from madoguchi.rasa.components.normalizer import WidthNormalizer


def normalize(text: str, **config) -> Message:
    message = Message(data={"text": text})
    WidthNormalizer({**WidthNormalizer.get_default_config(), **config}).process([message])
    return message


def extract(message: Message) -> Message:
    ShopEntityExtractor(ShopEntityExtractor.get_default_config()).process([message])
    return message
