"""Which training examples an entity learner reads: every one with an entity, and a steady few
without (`entity_training_examples`), for DIET and for the CRF alike."""

from __future__ import annotations

import hashlib

from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message


def entity_training_examples(examples: list[Message], without_entities: int) -> list[Message]:
    """Every example with an entity, and `without_entities` of the others, the same ones every time.

    The others are picked by a hash of their text, so that a training on the same data picks the
    same ones and an example added to the data does not reshuffle the rest.
    """
    with_entities = [m for m in examples if m.get(ENTITIES)]
    others = sorted((m for m in examples if not m.get(ENTITIES)),
                    key=lambda m: hashlib.blake2b((m.get(TEXT) or "").encode("utf-8"), digest_size=8).digest())
    return with_entities + others[:max(without_entities, 0)]
