"""The clause of a message that asks, as sentence features of its own.

`RequestClauseFeaturizer` is Rasa's `CountVectorsFeaturizer` on the tokens of the
request-bearing clause alone (`madoguchi.nlu.request_clause`, which says why and how the
clause is found), so that the classifier can learn to weigh what is asked above what is
told. The whole text stays for everything else (entities, the distress triage, the
transcript).
"""

from __future__ import annotations

from typing import Any, Optional

import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from madoguchi.nlu.request_clause import request_clause
from madoguchi.rasa.components.fingerprint import CodeFingerprinted


def tokens_of_request(message: Message) -> list[Token]:
    """The message's tokens that stand in its request-bearing clause."""
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    start, end = request_clause(message.get(TEXT) or "")
    inside = [t for t in tokens if t.start >= start and t.end <= end]
    return inside or tokens


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class RequestClauseFeaturizer(CodeFingerprinted, CountVectorsFeaturizer):
    """`CountVectorsFeaturizer` on the request-bearing clause only, as sentence features
    (the sequence features stay the whole message's, from the other featurizers)."""

    def _get_message_tokens_by_attribute(self, message: Message, attribute: str) -> list[str]:
        if attribute != TEXT:
            return super()._get_message_tokens_by_attribute(message, attribute)
        return [t.lemma if self.use_lemma else t.text for t in tokens_of_request(message)]

    def _create_features(
        self, attribute: str, all_tokens: list[list[str]]
    ) -> tuple[list[Optional[scipy.sparse.spmatrix]], list[Optional[scipy.sparse.spmatrix]]]:
        vectorizer = self.vectorizers.get(attribute)
        if not vectorizer:
            return [None], [None]
        sentences: list[Optional[scipy.sparse.spmatrix]] = []
        for tokens in all_tokens:
            vector = vectorizer.transform([" ".join(tokens)]) if tokens else None
            sentences.append(vector.tocoo() if vector is not None else None)
        return [None] * len(all_tokens), sentences

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**CountVectorsFeaturizer.get_default_config(), "analyzer": "char_wb", "max_ngram": 3}
