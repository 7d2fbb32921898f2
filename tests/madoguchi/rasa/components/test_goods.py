"""The goods-problem detector: learned from the cue-flagged training examples and the written
ones, kept as arrays, loaded back, and read by the triage as a goods problem the cues missed."""

from __future__ import annotations

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from madoguchi.nlu.triage import Lexicon, assess
from madoguchi.rasa.components.goods import GOODS_LEARNED, GoodsProblemDetector, labelled_examples
from madoguchi.rasa.components.normalizer import as_seen
from madoguchi.shop.rules import shop_rules

# Training examples: a report the shop's cues flag, and questions of intents that never report one.
TRAINING = [
    ("箱が潰れて届きました", "complain"), ("頼んだのと違うお菓子が入っていました", "complain"),
    ("のしの名前が間違っていました", "complain"), ("まだ届かないのですが", "ask_delivery_status"),
    ("のしは何と書けばいいですか", "ask_gift"), ("日持ちはしますか", "ask_product"),
    ("送料はいくらですか", "ask_shipping"), ("ありがとうございました", "thank"),
    ("お菓子は無事に届きました", "complain"),  # no cue and an intent that may report one: left out
]
WRITTEN = """
goods_problem:
  - the box came but one of the three cakes is not inside
  - opened the parcel, only two boxes, I paid for three
  - one box is not inside, we counted twice
  - inside the box the cakes are all broken in pieces
not_goods_problem:
  - the box is not here yet, when does it come
  - can you put the box inside a paper bag
  - all three boxes came today, thank you
  - which box is best for two people
"""


def trained(tmp_path) -> tuple[GoodsProblemDetector, LocalModelStorage, Resource]:
    (tmp_path / "goods").mkdir(parents=True)
    (tmp_path / "goods" / "written.yml").write_text(WRITTEN, encoding="utf-8")
    (tmp_path / "model").mkdir()
    storage, resource = LocalModelStorage(tmp_path / "model"), Resource("goods")
    config = {**GoodsProblemDetector.get_default_config(), "examples": str(tmp_path / "goods"), "min_df": 1,
              "threshold": 0.5}
    detector = GoodsProblemDetector.create(config, storage, resource, ExecutionContext(GraphSchema({}), "test"))
    detector.train(TrainingData([Message(data={"text": t, "intent": i}) for t, i in TRAINING]))
    return detector, storage, resource


def test_it_learns_from_the_cues_verdict_on_the_training_data_and_from_the_written_examples(tmp_path):
    (tmp_path / "goods").mkdir()
    (tmp_path / "goods" / "written.yml").write_text(WRITTEN, encoding="utf-8")
    texts, labels = labelled_examples(TrainingData([Message(data={"text": t, "intent": i}) for t, i in TRAINING]),
                                      tmp_path / "goods")
    learned = dict(zip(texts, labels))  # the texts as the normalizer leaves them
    assert learned["箱が潰れて届きました"] == 1 and learned["まだ届かないのですが"] == 0
    assert "お菓子は無事に届きました" not in learned  # a complaint the cues leave alone teaches nothing
    assert learned[as_seen("one box is not inside, we counted twice")] == 1
    assert learned[as_seen("all three boxes came today, thank you")] == 0
    assert len(texts) == len(TRAINING) - 1 + 8


def test_a_goods_problem_no_cue_holds_is_marked_and_a_near_miss_is_not(tmp_path):
    """Round 2026-12-07g hisae-dev-10: "we count 2 times, only 39. one box missing" held no cue then."""
    detector, storage, resource = trained(tmp_path)
    loaded = GoodsProblemDetector.load(detector._config, storage, resource, ExecutionContext(GraphSchema({}), "test"))
    missing, near = as_seen("one box is not inside"), as_seen("the box is not here yet")
    for model in (detector, loaded):
        messages = [Message(data={"text": missing}), Message(data={"text": near})]
        model.process(messages)
        assert [m.get(GOODS_LEARNED) for m in messages] == [True, False]
    assert loaded.likelihood(missing) == pytest.approx(detector.likelihood(missing))


def test_an_untrained_detector_marks_nothing(tmp_path):
    empty = GoodsProblemDetector.load(GoodsProblemDetector.get_default_config(), LocalModelStorage(tmp_path),
                                      Resource("none"), ExecutionContext(GraphSchema({}), "test"))
    message = Message(data={"text": "箱が潰れて届きました"})
    empty.process([message])
    assert message.get(GOODS_LEARNED) is None


def test_the_triage_counts_what_the_detector_marked_as_a_goods_problem():
    lexicon = Lexicon.from_cues(shop_rules().cues)
    text = "opened it and two of the three cakes just not there"  # no cue of the rules file
    assert not assess(text, None, lexicon).goods_problem
    marked = assess(text, None, lexicon, goods_learned=True)
    assert marked.goods_problem and marked.as_dict()["goods_learned"]
