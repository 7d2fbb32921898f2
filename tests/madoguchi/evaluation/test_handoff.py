"""Conversations are sent as their writers typed them."""

from __future__ import annotations

from pathlib import Path

from madoguchi.evaluation.handoff import load_conversations

SET = """\
version: "1"
conversations:
- id: numbers-and-words
  expect: none
  turns:
  - 07033445566
  - yes
  - Order number: a-234-5678
  - カタログください
- id: no-turns
  expect: none
  turns: []
"""


def test_turns_yaml_would_read_as_numbers_booleans_or_mappings_are_sent_as_written(tmp_path: Path):
    """Round 2026-12-05zzw: a phone number sent as 946752374 (octal), yes as True."""
    path = tmp_path / "set.yml"
    path.write_text(SET, encoding="utf-8")
    first, empty = load_conversations(path)
    assert first.turns == ("07033445566", "yes", "Order number: a-234-5678", "カタログください")
    assert empty.turns == ()
