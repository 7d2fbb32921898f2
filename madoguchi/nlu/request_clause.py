"""The part of a message that asks, as features of its own.

Japanese customers give context first and ask last (「先日カタログを送ってもらったんですが、
お年賀に贈りたいので、おすすめはありますか」), or ask first and add details after
(「カタログ送って。住所は…」). The classifier reads the whole message; this featurizer adds
the character n-grams of the request-bearing clause alone, as sentence features, so the
classifier can learn to weigh what is asked above what is told. The whole text stays
for everything else (entities, the distress triage, the transcript).

Clauses are cut at sentence ends and commas; the request-bearing one is the last clause
that ends like a request or a question (か, ください, たい, ほしい, て…), else the last one.
"""

from __future__ import annotations

import re
from typing import Any, Optional

import scipy.sparse
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.nlu.constants import TOKENS_NAMES

_CUT = re.compile(r"[。．.！!？?\n、，,]+")
# Trailing marks that do not change what a clause does: particles of tone, long marks, emoji.
_TAIL = re.compile(r"[\sよねなわぞさ〜ー～…・wｗ♪☆★❤️😭🙏💦✨🥺😢😊]+$")
# Endings that ask wherever they stand, and endings that ask only at the end of a sentence
# (送って。 asks; 届いて、 goes on).
_ASKS = re.compile(
    r"(か|かね|かな|かしら|ください|下さい|ちょうだい|たい|たいです|たいんです|ほしい|欲しい|"
    r"ほしいです|欲しいです|ませんか|でしょうか|だろうか|お願い|お願いします|おねがい|"
    r"おねがいします|願います|頼む|頼みます)$"
)
_ASKS_AT_END = re.compile(r"(て|の|てくれ|できる|できます|ある|あります|いい|どう|どれ|いつ|いくら|何|なに)$")
_INNER = re.compile(r"[、，,]+$")
_QUESTION = re.compile(r"[？?]")


def clauses(text: str) -> list[tuple[int, int]]:
    """The clauses of a text as (start, end) offsets, empty ones left out."""
    spans, start = [], 0
    for cut in _CUT.finditer(text):
        if text[start : cut.start()].strip():
            spans.append((start, cut.end()))
        start = cut.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def request_clause(text: str) -> tuple[int, int]:
    """The span of the clause that asks: the last one ending like a request or a
    question, else the last clause (the whole text when it has one clause)."""
    found = clauses(text)
    if not found:
        return 0, len(text)
    for start, end in reversed(found):
        clause = text[start:end]
        words = _TAIL.sub("", _CUT.sub("", clause))
        final = not _INNER.search(clause)
        if _QUESTION.search(clause) or _ASKS.search(words) or (final and _ASKS_AT_END.search(words)):
            return start, end
    return found[-1]


def tokens_of_request(message: Message) -> list[Token]:
    """The message's tokens that stand in its request-bearing clause."""
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    start, end = request_clause(message.get(TEXT) or "")
    inside = [t for t in tokens if t.start >= start and t.end <= end]
    return inside or tokens


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class RequestClauseFeaturizer(CountVectorsFeaturizer):
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
