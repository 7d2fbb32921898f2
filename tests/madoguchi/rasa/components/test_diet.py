"""The project's DIET classifier: Rasa's weights and answers, loaded and run leaner."""

from __future__ import annotations

import asyncio

import pytest
import yaml
from rasa.nlu.classifiers.diet_classifier import DIET

from madoguchi.rasa.components import diet
from madoguchi.rasa.components.diet import LeanDIET, LeanDIETClassifier
from madoguchi.rasa.components.examples import entity_training_examples
from madoguchi.settings import ROOT
from tests.madoguchi.rasa.conftest import load_as, nodes_of


def heldout_texts() -> list[str]:
    data = yaml.safe_load((ROOT / "tests" / "nlu" / "heldout.yml").read_text(encoding="utf-8"))
    lines = (line.strip() for item in data["nlu"] for line in item.get("examples", "").splitlines())
    return [line[2:] for line in lines if line.startswith("- ")]


def rasas_way(component_class: type = DIET):
    """While it lasts, the classifier's model is Rasa's own DIET, loaded Rasa's way (compiled,
    trained on one example) and predicting through its `tf.function`."""
    patch = pytest.MonkeyPatch()
    patch.setattr(LeanDIETClassifier, "model_class", staticmethod(lambda: component_class))
    return patch


# The shipped pipeline has no DIET since 2026-12-03 (entities from a CRF): the class is kept for
# Rasa's peer tests and other configurations, and checked here on a small model of its own.
DIET_CONFIG = """
recipe: default.v1
language: en
assistant_id: diet-check
pipeline:
  - name: WhitespaceTokenizer
  - name: CountVectorsFeaturizer
    analyzer: char_wb
    min_ngram: 1
    max_ngram: 3
  - name: madoguchi.rasa.components.diet.LeanDIETClassifier
    epochs: 3
    random_seed: 7
policies: []
"""


@pytest.fixture(scope="module")
def agent(tmp_path_factory):
    """A model with the project's DIET, trained on the held-out set (what it learns does not
    matter here: only that both ways of loading it answer alike)."""
    from rasa.core.agent import Agent
    from rasa.model_training import train_nlu

    folder = tmp_path_factory.mktemp("diet")
    (folder / "config.yml").write_text(DIET_CONFIG, encoding="utf-8")
    model = train_nlu(str(folder / "config.yml"), str(ROOT / "tests" / "nlu" / "heldout.yml"), str(folder), "diet")
    assert model, "the DIET check model did not train"
    return Agent.load(model)


@pytest.fixture(scope="module")
def rasas_agent(agent):
    """The same trained model, with Rasa's DIET model."""
    from rasa.core.agent import Agent

    patch = rasas_way()
    try:
        return Agent.load(str(agent.processor.model_path))
    finally:
        patch.undo()


def diet_model(agent):
    [node] = nodes_of(agent, LeanDIETClassifier)
    return node._component.model


def test_diet_has_the_weights_rasa_loads(agent, rasas_agent):
    lean, rasas = diet_model(agent), diet_model(rasas_agent)
    assert (type(lean), type(rasas)) == (LeanDIET, DIET)
    assert len(lean.weights) == len(rasas.weights) > 0
    for ours, theirs in zip(lean.weights, rasas.weights):
        assert ours.shape == theirs.shape and (ours.numpy() == theirs.numpy()).all(), (ours.name, theirs.name)
    assert rasas.optimizer is not None and lean.optimizer is None  # no training state kept


def test_every_held_out_message_is_understood_exactly_as_by_rasas_diet(agent, rasas_agent, monkeypatch):
    """Intents and their confidences, entities, triage; the traced graph called directly."""
    texts = heldout_texts()
    calls = []
    takes = diet._Graph.takes
    monkeypatch.setattr(diet._Graph, "takes", lambda self, flat: calls.append(1) or takes(self, flat))
    lean = [asyncio.run(agent.parse_message(text)) for text in texts]
    rasas = [asyncio.run(rasas_agent.parse_message(text)) for text in texts]
    assert len(texts) > 400
    assert lean == rasas
    assert len(calls) >= len(texts) - 2


TEXTS = ["カタログを送ってください", "注文番号Ａ１２３４５６７の荷物はどこですか", "", "🍡🍡", "あ" * 1000,
         "人と話したい", "商品が壊れていました。どうしてくれるんですか", "送料はいくら？", "ありがとう"]


def test_odd_messages_are_understood_exactly_as_by_rasas_diet(agent, rasas_agent):
    """An empty text skips DIET; a long one does not fit the graph's first signature."""
    for text in TEXTS:
        assert asyncio.run(agent.parse_message(text)) == asyncio.run(rasas_agent.parse_message(text)), text


@pytest.mark.parametrize("run_eagerly", [False, True])
def test_the_configurations_run_eagerly_is_kept_as_rasa_keeps_it(agent, model_storage, run_eagerly):
    [node] = nodes_of(agent, LeanDIETClassifier)
    lean = load_as(node, LeanDIETClassifier, model_storage, run_eagerly=run_eagerly).model
    patch = rasas_way()
    try:
        rasas = load_as(node, LeanDIETClassifier, model_storage, run_eagerly=run_eagerly).model
    finally:
        patch.undo()
    assert (type(lean), type(rasas)) == (LeanDIET, DIET)
    assert lean._run_eagerly is rasas._run_eagerly is run_eagerly
    # Eagerly, no graph is traced (Rasa's load predicted once, and so did ours).
    assert (lean._tf_predict_step is None) is (rasas._tf_predict_step is None) is run_eagerly


def message(text: str, entities: list | None = None):
    from rasa.shared.nlu.training_data.message import Message

    return Message(data={"text": text, "intent": "inform", **({"entities": entities} if entities else {})})


def test_diet_learns_entities_from_every_example_with_one_and_a_steady_few_without():
    name = [{"start": 0, "end": 2, "value": "松尾", "entity": "person_name"}]
    with_ = [message(f"松尾です{i}", name) for i in range(5)]
    without = [message(f"送料はいくら{i}") for i in range(50)]
    kept = entity_training_examples(with_ + without, 10)
    assert kept[:5] == with_ and len(kept) == 15
    # The same ones every time, whatever the order, and a new example does not reshuffle them.
    again = entity_training_examples(list(reversed(without)) + with_ + [message("新しい例")], 10)
    assert len({m.get("text") for m in kept[5:]} - {m.get("text") for m in again[5:]}) <= 1
    assert entity_training_examples(with_ + without, 0) == with_
