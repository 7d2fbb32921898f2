"""Entities scored by value: as written, but for width, spaces and a date's article."""

from __future__ import annotations

from madoguchi.evaluation.nlu import score_entities


def test_a_date_is_the_same_with_or_without_its_article():
    """Round 2026-12-05zzy: writers count 'the 18th' where the extractor gives '18th'."""
    predicted = [{"entity": "date", "value": "18th"}, {"entity": "date", "value": "22nd"}]
    assert score_entities((("date", "the 18th"), ("date", "the 22nd")), predicted) == [True, True]
    assert score_entities((("date", "the 18th"),), [{"entity": "date", "value": "28th"}]) == [False]


def test_names_are_compared_as_written_but_for_width_and_spaces():
    assert score_entities((("person_name", "山田　太郎"),), [{"entity": "person_name", "value": "山田 太郎"}]) == [True]
    assert score_entities((("person_name", "山田 太郎"),), [{"entity": "person_name", "value": "山田"}]) == [False]
