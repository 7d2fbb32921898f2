"""The project's CRF: Rasa's entity extractor, loaded as it was trained instead of trained again."""

from __future__ import annotations

import asyncio

import pytest
from rasa.nlu.extractors.crf_entity_extractor import CRFEntityExtractor, CRFToken

from madoguchi.rasa.components.crf import ShopCRFEntityExtractor
from tests.madoguchi.rasa.conftest import load_as, nodes_of


def tokens(*words: tuple[str, str]) -> list[CRFToken]:
    return [CRFToken(text=w, pos_tag=pos, pattern={}, dense_features=[], entity_tag="", entity_role_tag="",
                     entity_group_tag="") for w, pos in words]


SENTENCES = [
    tokens(("山田", "名詞-固有名詞-人名-姓"), ("太郎", "名詞-固有名詞-人名-名"), ("です", "助動詞")),
    tokens(("やまね", "名詞-普通名詞-一般"), ("はる", "名詞-普通名詞-一般"), ("です", "助動詞")),
    tokens(("来週", "名詞-普通名詞-副詞可能"), ("の", "助詞-格助詞"), ("金曜", "名詞-普通名詞-一般"), ("に", "助詞-格助詞")),
]


def test_the_crf_is_loaded_as_trained_without_training_again(agent, model_storage, monkeypatch):
    [node] = nodes_of(agent, ShopCRFEntityExtractor)
    trained = node._component
    monkeypatch.setattr(CRFEntityExtractor, "train_model", classmethod(lambda *a, **k: pytest.fail("trained at load")))
    loaded = load_as(node, ShopCRFEntityExtractor, model_storage)
    assert loaded.crf_order == trained.crf_order and set(loaded.entity_taggers) == {"entity"}
    for sentence in SENTENCES:
        features = ShopCRFEntityExtractor._crf_tokens_to_features(sentence, loaded.component_config)
        assert loaded.entity_taggers["entity"].predict_marginals_single(features) == (
            trained.entity_taggers["entity"].predict_marginals_single(features)
        )


def test_the_shipped_crf_finds_a_name_and_a_date(agent):
    parsed = asyncio.run(agent.parse_message("来週の金曜に届けてほしい、山田 太郎です"))
    found = {e["entity"]: e["value"] for e in parsed["entities"]}
    assert found.get("person_name") == "山田 太郎" and found.get("date") == "来週の金曜"


def test_dense_features_are_read_only_when_a_feature_asks_for_them(agent):
    [node] = nodes_of(agent, ShopCRFEntityExtractor)
    assert not any("text_dense_features" in window for window in node._component.component_config["features"])
    assert node._component._get_dense_features(object()) is None  # not even looked at
