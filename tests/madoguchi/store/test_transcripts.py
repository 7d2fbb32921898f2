"""Transcripts: every line stored exactly once, read back in the order it was said."""

from __future__ import annotations

from datetime import datetime, timedelta

from madoguchi.store import transcripts
from madoguchi.store.transcripts import Line

T0 = datetime(2026, 11, 20, 1, 0, 0)  # naive UTC: 10:00 in Japan


def line(role: str, text: str, seconds: int, sender_id: str = "s1", key: str | None = None) -> Line:
    return Line(sender_id, role, text, T0 + timedelta(seconds=seconds), key or str(seconds), "socketio")


def said(db, sender_id: str = "s1") -> list[tuple[str, str]]:
    return [(m.role, m.text) for m in transcripts.for_sender(db, sender_id)]


def test_a_line_recorded_twice_is_stored_once(db):
    first = line("customer", "注文した品がまだ届きません", 1)
    assert transcripts.record(db, [first]) == 1
    assert transcripts.record(db, [first]) == 0
    assert said(db) == [("customer", "注文した品がまだ届きません")]


def test_a_redelivered_batch_adds_only_the_new_lines(db):
    a = line("customer", "こんにちは", 1)
    b = line("bot", "こんにちは。ご用件をどうぞ。", 2)
    c = line("customer", "カタログがほしい", 3)
    transcripts.record(db, [a, b])
    assert transcripts.record(db, [a, b, c]) == 1
    assert said(db) == [
        ("customer", "こんにちは"),
        ("bot", "こんにちは。ご用件をどうぞ。"),
        ("customer", "カタログがほしい"),
    ]


def test_the_same_words_said_twice_are_two_lines(db):
    transcripts.record(db, [line("customer", "はい", 1), line("customer", "はい", 5)])
    assert said(db) == [("customer", "はい"), ("customer", "はい")]


def test_lines_are_read_in_the_order_they_were_said(db):
    # Recorded out of order (the broker may be late), read back by time.
    transcripts.record(db, [line("bot", "担当者におつなぎします", 3)])
    transcripts.record(db, [line("customer", "人と話したい", 1), line("operator", "お待たせしました", 9)])
    assert said(db) == [
        ("customer", "人と話したい"),
        ("bot", "担当者におつなぎします"),
        ("operator", "お待たせしました"),
    ]


def test_the_original_text_is_kept(db):
    original = "注文番号はａ１２３４５６７、電話は０９０ー１２３４ー５６７８です"
    transcripts.record(db, [line("customer", original, 1)])
    assert said(db) == [("customer", original)]


def test_conversations_are_kept_apart(db):
    transcripts.record(db, [line("customer", "Aです", 1, "a"), line("customer", "Bです", 1, "b")])
    assert said(db, "a") == [("customer", "Aです")]
    assert said(db, "b") == [("customer", "Bです")]


def test_lines_of_an_unknown_role_are_not_stored(db):
    assert transcripts.record(db, [line("system", "debug", 1), line("customer", "はい", 2)]) == 1
    assert said(db) == [("customer", "はい")]


def test_nothing_to_record(db):
    assert transcripts.record(db, []) == 0
    assert transcripts.last_id(db) == 0


def test_newer_than_gives_only_later_lines(db):
    transcripts.record(db, [line("customer", "一", 1)])
    mark = transcripts.last_id(db)
    transcripts.record(db, [line("bot", "二", 2), line("customer", "三", 3)])
    assert [m.text for m in transcripts.newer_than(db, mark)] == ["二", "三"]
    assert transcripts.newer_than(db, transcripts.last_id(db)) == []


def test_stored_finds_the_line_whoever_recorded_it(db):
    a = line("operator", "お待たせしました", 1)
    assert transcripts.stored(db, a) is None
    transcripts.record(db, [a])
    assert transcripts.stored(db, a).text == "お待たせしました"
