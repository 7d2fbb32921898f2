"""The normalizer: what the components after it read, and the text given back whole."""

from __future__ import annotations

from tests.madoguchi.rasa.components.messages import extract, normalize


def test_the_classifier_sees_folded_masked_text():
    message = normalize("注文番号はＡ１２３４５６７です")
    assert message.get("text") == "注文番号はA0000000です"


def test_long_messages_are_cut_for_understanding_only():
    message = extract(normalize("あ" * 5000, max_chars=1000))
    assert message.get("text") == "あ" * 5000
