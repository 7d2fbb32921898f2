"""The pipeline's entity extractor after DIET: the shop's entities (`madoguchi.nlu.entities`).

`ShopEntityExtractor` finds `order_id`, `phone`, `postal_code` by rule on the unmasked text,
with their canonical values, adds dates written with digits that DIET missed, makes names
and addresses whole, takes every entity value from the unmasked text, and gives the message
its original text back (so `/model/parse` shows what the customer wrote).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from madoguchi.nlu.entities import family_names, shop_entities
from madoguchi.rasa.components.normalizer import ORIGINAL, READING, UNMASKED
from madoguchi.rasa.components.untrained import UntrainedComponent


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class ShopEntityExtractor(UntrainedComponent):
    """Rule-based order numbers, phones and postal codes, plus dates DIET missed; whole
    addresses and names where DIET's are cut short (`madoguchi.nlu.entities`)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"rule_dates": True}

    def __init__(self, config: dict[str, Any]) -> None:
        self._dates = bool(config.get("rule_dates", True))

    def process(self, messages: list[Message]) -> list[Message]:
        """Adds normalized rule entities and replaces any learned guess of them."""
        for message in messages:
            entities = shop_entities(
                message.get(UNMASKED) or message.get(TEXT) or "",
                message.get(ENTITIES, []),
                extractor=ShopEntityExtractor.__name__,
                family=family_names(message.get(SPACY_DOCS[TEXT])),
                read=message.get(READING),
                original=message.get(ORIGINAL),
                rule_dates=self._dates,
            )
            message.set(ENTITIES, entities, add_to_output=True)
            if message.get(ORIGINAL) is not None:
                message.set(TEXT, message.get(ORIGINAL))
        return messages
