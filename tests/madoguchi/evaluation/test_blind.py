"""Blind rounds: the newest still blind is the one reported; a round joins training only
after its score was written down, and then measures nothing."""

from __future__ import annotations

import pytest

from madoguchi.evaluation import blind

MESSAGES = '''version: "3.1"
nlu:
- intent: ask_delivery_status
  examples: |
    - [Ａ１２３４５６７]{"entity": "order_id", "value": "A1234567"}がまだ届きません
    - [12月3日](date)に頼んだ品は
- intent: inform
  examples: |
    - [山田 太郎](person_name)です。電話は[090-1234-5678]{"entity": "phone", "value": "09012345678"}
'''


def make_round(root, name: str, scored: str = "null", joined: str = "null") -> blind.Round:
    path = root / name
    path.mkdir(parents=True)
    (path / "w.messages.yml").write_text(MESSAGES, encoding="utf-8")
    (path / "round.yml").write_text(f"written: 2026-11-30\nwriters: [w]\nscored: {scored}\njoined: {joined}\n", encoding="utf-8")
    return blind.Round(path)


def test_the_newest_round_still_blind_is_reported(tmp_path):
    make_round(tmp_path, "2026-11-30a", scored="{macro_f1: 0.9}", joined="2026-11-30")
    make_round(tmp_path, "2026-11-30b")
    assert blind.newest(tmp_path).name == "2026-11-30b"
    entities = [e.entities for e in blind.newest(tmp_path).messages()]
    assert (("order_id", "A1234567"),) in entities and (("person_name", "山田 太郎"), ("phone", "09012345678")) in entities


def test_a_round_joins_training_only_after_its_score_and_then_is_not_blind(tmp_path):
    unscored = make_round(tmp_path / "blind", "2026-11-30a")
    data = tmp_path / "data"
    with pytest.raises(ValueError):
        blind.join(unscored, data)
    scored = make_round(tmp_path / "blind", "2026-11-30b", scored="{macro_f1: 0.9}")
    assert blind.join(scored, data, on="2026-12-01") == 3
    orders = (data / "orders" / "blind-2026-11-30b.yml").read_text(encoding="utf-8")
    assert "- Ａ１２３４５６７がまだ届きません" in orders  # the rule extractor's entities left bare
    assert "[12月3日](date)" in orders
    answers = (data / "answers" / "blind-2026-11-30b.yml").read_text(encoding="utf-8")
    assert "[山田 太郎](person_name)です。電話は090-1234-5678" in answers
    assert scored.joined and blind.newest(tmp_path / "blind").name == "2026-11-30a"  # b measures nothing now


def test_a_round_written_without_a_joined_line_is_marked_joined_too(tmp_path):
    scored = make_round(tmp_path / "blind", "2026-12-01g", scored="{macro_f1: 0.9}")
    meta = scored.path / "round.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("joined: null\n", ""), encoding="utf-8")
    blind.join(blind.Round(scored.path), tmp_path / "data", on="2026-12-01")
    assert blind.Round(scored.path).joined  # else the data check drops the joined messages as test texts
