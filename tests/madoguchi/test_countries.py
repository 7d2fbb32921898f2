"""The world's countries by name, for a parcel asked to go abroad."""

from __future__ import annotations

from madoguchi import countries


def test_every_country_is_named_in_english_and_japanese_but_japan():
    assert {"guatemala", "bosnia and herzegovina", "myanmar", "burma", "congo", "saint lucia"} <= countries.ENGLISH
    assert {"グアテマラ", "ボスニア・ヘルツェゴビナ", "ミャンマー"} <= countries.JAPANESE
    assert "japan" not in countries.ENGLISH and "日本" not in countries.JAPANESE


def test_given_names_and_words_of_islands_are_left_out():
    """Chad and Jordan are friends sent to as often; 諸島 of ココス（キーリング）諸島 would take Japan's islands."""
    assert not {"chad", "jordan", "islands"} & countries.ENGLISH
    assert not {"マリ", "諸島", "島"} & countries.JAPANESE
