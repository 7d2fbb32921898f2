"""The held-out NLU set measures the model only if training never saw its messages."""

from __future__ import annotations

import pytest

from madoguchi.nlu.datacheck import key, load_examples
from madoguchi.settings import ROOT


@pytest.fixture(scope="module")
def training():
    """The training examples, read once for the module (about 9 s for 26,000)."""
    return load_examples(ROOT / "data" / "nlu")


def test_no_held_out_message_is_in_the_training_data(training):
    trained = {key(m.get("text")) for m in training}
    heldout = load_examples(ROOT / "tests" / "nlu" / "heldout.yml")
    assert len(heldout) >= 400
    assert [m.get("text") for m in heldout if key(m.get("text")) in trained] == []


def test_the_comparison_ignores_width_spaces_and_closing_punctuation():
    assert key("ありがとうございます。") == key("ありがとう ございます！") == key("ありがとうございます")
    assert key("ＯＫです") == key("okです")
    assert key("はい") != key("はいはい")


def test_no_test_set_text_is_in_the_training_data(training):
    # Every test set: the team's held-out messages and conversations, and each blind round
    # that has not joined training (its messages and its conversations' turns).
    from madoguchi.nlu.datacheck import leaked_in, test_texts

    sets = test_texts()
    assert {"tests/nlu", "tests/handoff"} <= set(sets)
    assert {name: texts for name, texts in leaked_in(training, sets).items() if texts} == {}


def test_no_training_text_carries_two_intents(training):
    # Independent writers may label one short text differently (ごきげんよう: greet or
    # goodbye); Rasa's validation refuses such data, and `--drop-overlap` removes them.
    from madoguchi.nlu.datacheck import conflicting

    assert conflicting(training) == []
