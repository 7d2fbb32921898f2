"""The rule entities of a message read in another script or language."""

from __future__ import annotations

import pytest

from madoguchi.nlu.entities import shop_entities
from madoguchi.nlu.reading import reading
from madoguchi.text import fold_for_nlu


def test_family_names_found_in_the_reading_are_taken_back_to_the_message():
    """Round 2026-12-05q: a reading longer than the message (您好: こんにちは) put GiNZA's
    family names past its end, and the parse failed."""
    text = fold_for_nlu("您好 山田です")
    read = reading(text)
    at = read.text.index("山田")
    names = [e for e in shop_entities(text, [], extractor="test", family=[(at, at + 2)], read=read)
             if e["entity"] == "person_name"]
    assert [e["value"] for e in names] == ["山田"]


def test_a_date_read_inside_an_english_phrase_is_its_day_word():
    """Round 2026-12-05r: 'if I order today' is read 今日注文したら as one phrase, and the date
    found on 今日 fell on 'if I'."""
    text = fold_for_nlu("if I order today before 14:00, when it comes to Sapporo?")
    dates = [e["value"] for e in shop_entities(text, [], extractor="test", read=reading(text)) if e["entity"] == "date"]
    assert dates == ["today"]


def test_a_date_the_classifier_found_inside_a_phrase_read_whole_leaves_the_day_to_the_rule():
    """Round 2026-12-05zzf: 'by Friday' is read 金曜日までに as one phrase; the date found on
    金曜日 fell on 'by F' and hid Friday."""
    text = fold_for_nlu("If I order today evening, will it reach by Friday?")
    read = reading(text)
    at = read.text.index("金曜日")
    learned = [{"entity": "date", "start": at, "end": at + 3, "value": "金曜日"}]
    dates = [e["value"] for e in shop_entities(text, learned, extractor="test", read=read) if e["entity"] == "date"]
    assert dates == ["today", "Friday"]


def test_every_day_in_english_is_a_date_though_a_phrase_holds_it():
    """Round 2026-12-05zzi: 'ship it today' is read 当日発送, 'by tomorrow' 明日までに: both days stay."""
    for text, expected in [("If I order today before 2pm, will it reach Osaka by tomorrow?", ["today", "tomorrow"]),
                           ("can you still ship it today itself? wedding is day after tomorrow",
                            ["today", "day after tomorrow"])]:
        read = reading(fold_for_nlu(text))
        dates = [e["value"] for e in shop_entities(fold_for_nlu(text), [], extractor="test", read=read)
                 if e["entity"] == "date"]
        assert sorted(dates) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    # round 2026-12-05zzd: 'on the 29th' gave the date 'the 29th'
    ("We travel to Niigata on the 29th and the parcel never come", "29th"),
    # round 2026-12-05zzx: 'on the 28th of November' gave '28th', another month's day
    ("I placed an order on the 28th of November and have heard nothing since.", "28th of November"),
])
def test_a_date_the_classifier_found_with_its_article_is_the_date_alone(text, expected):
    start = text.index("the 2")
    learned = [{"entity": "date", "start": start, "end": start + 8, "value": text[start:start + 8]}]
    dates = [e["value"] for e in shop_entities(text, learned, extractor="test") if e["entity"] == "date"]
    assert dates == [expected]


def test_a_name_the_classifier_found_across_a_sentence_s_end_ends_with_its_sentence():
    """Round 2026-12-05zze: 'Nino Beridze. Stop' and 'TWICE. Why do' as names."""
    text = "I told you my name, Nino Beridze. Stop asking!!"
    start = text.index("Nino")
    learned = [{"entity": "person_name", "start": start, "end": start + 18, "value": "Nino Beridze. Stop"}]
    assert [e["value"] for e in shop_entities(text, learned, extractor="test")] == ["Nino Beridze"]
    text = "I already gave you my full name TWICE. Why do you keep asking??"
    start = text.index("TWICE")
    learned = [{"entity": "person_name", "start": start, "end": start + 13, "value": "TWICE. Why do"}]
    assert shop_entities(text, learned, extractor="test") == []


def test_a_name_spelled_in_katakana_after_a_latin_one_is_the_name():
    """Round 2026-12-05zzr: the Latin name was kept, the katakana one she asked for lost."""
    text = "name is Mbuyi Kalala! カタカナやったらカララ ムブイでいいよ"
    learned = [{"entity": "person_name", "start": 8, "end": 20, "value": "Mbuyi Kalala"}]
    assert [e["value"] for e in shop_entities(text, learned, extractor="test")] == ["カララ ムブイ"]
    text = "my name is Dayanara Cijntje, in katakana ダヤナラ・ケインチェ 😊"  # round 2026-12-05zzv, in English
    learned = [{"entity": "person_name", "start": 11, "end": 27, "value": "Dayanara Cijntje"}]
    assert [e["value"] for e in shop_entities(text, learned, extractor="test")] == ["ダヤナラ・ケインチェ"]
