"""The request-bearing clause: what the customer asks, not the context told first."""

from __future__ import annotations

import pytest

from madoguchi.nlu.request_clause import clauses, request_clause


def asked(text: str) -> str:
    start, end = request_clause(text)
    return text[start:end].rstrip("。、")


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("先日カタログを送ってもらったんですが、お年賀に贈りたいので、おすすめはありますか", "おすすめはありますか"),
        ("カタログ送って。住所は東京都世田谷区桜新町2-3-4 メゾン桜102", "カタログ送って"),
        ("12月1日に送ったお歳暮、もう着いたじゃろか。番号はa2345678です", "もう着いたじゃろか"),
        ("母の七回忌なので、のしはどうすればいいですか？", "のしはどうすればいいですか？"),
        ("わたしゃね、年末のお歳暮を選びたいから、紙のカタログを送ってほしいのよ", "紙のカタログを送ってほしいのよ"),
        ("荷物が届いて、開けたら箱が潰れていました", "開けたら箱が潰れていました"),
        ("こんにちは", "こんにちは"),
    ],
)
def test_the_clause_that_asks_is_found(text, asks):
    assert asked(text) == asks


def test_clauses_cover_the_text_without_empty_ones():
    text = "はい。。、そうです！ありがとう"
    assert [text[a:b] for a, b in clauses(text)] == ["はい。。、", "そうです！", "ありがとう"]
    assert request_clause("") == (0, 0)


def test_the_featurizer_adds_sentence_features_of_the_clause_only(tmp_path):
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.nlu.constants import TOKENS_NAMES
    from rasa.nlu.tokenizers.tokenizer import Token
    from rasa.shared.nlu.training_data.message import Message
    from rasa.shared.nlu.training_data.training_data import TrainingData

    from madoguchi.nlu.request_clause import RequestClauseFeaturizer

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
