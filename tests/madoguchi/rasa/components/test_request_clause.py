"""The request-clause featurizer: sentence features of the clause that asks, not of the
context told first."""

from __future__ import annotations

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from madoguchi.rasa.components.request_clause import RequestClauseFeaturizer


def test_the_featurizer_adds_sentence_features_of_the_clause_only(tmp_path):
    def message(text: str) -> Message:
        m = Message(data={"text": text})
        tokens, start = [], 0
        for word in text.split(" "):
            tokens.append(Token(word, start))
            start += len(word) + 1
        m.set(TOKENS_NAMES["text"], tokens)
        return m

    featurizer = RequestClauseFeaturizer.create(
        {**RequestClauseFeaturizer.get_default_config(), "max_ngram": 1},
        LocalModelStorage(tmp_path), Resource("clause"), ExecutionContext(GraphSchema({}), "test"),
    )
    featurizer.train(TrainingData([message("昨日 届いた 、 のし は ？"), message("送料 いくら")]))
    m = message("昨日 届いた 、 のし は ？")
    featurizer.process([m])
    sequence, sentence = m.get_sparse_features("text")
    assert sequence is None
    seen = {featurizer.vectorizers["text"].get_feature_names_out()[i] for i in sentence.features.nonzero()[1]}
    assert "の" in seen and "昨" not in seen  # the question, not the context before it
