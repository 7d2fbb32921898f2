"""Rasa events as the transcript lines an operator reads."""

from __future__ import annotations

from datetime import datetime

from madoguchi.handoff.transcript import bot_text, custom_of, line_of, lines_of, operator_custom

TS = 1795136400.0  # 2026-11-20T01:00:00Z (10:00 in Japan)


def user(text, ts=TS, channel="socketio"):
    return {"event": "user", "text": text, "timestamp": ts, "input_channel": channel,
            "parse_data": {"intent": {"name": "greet"}}}


def bot(text, ts=TS, **data):
    return {"event": "bot", "text": text, "timestamp": ts, "data": data}


def test_a_user_event_is_a_customer_line_with_its_original_text():
    line = line_of("s1", user("注文番号はａ１２３４５６７です"))
    assert (line.sender_id, line.role, line.text, line.channel) == ("s1", "customer", "注文番号はａ１２３４５６７です", "socketio")
    assert line.at == datetime(2026, 11, 20, 1, 0, 0)


def test_the_channel_of_the_event_wins_over_the_default():
    assert line_of("U1", user("こんにちは", channel="line"), channel="socketio").channel == "line"
    assert line_of("U1", user("こんにちは", channel=None), channel="line").channel == "line"


def test_a_bot_event_is_a_bot_line():
    line = line_of("s1", bot("ご注文番号を教えてください。"))
    assert (line.role, line.text) == ("bot", "ご注文番号を教えてください。")


def test_buttons_are_shown_in_the_bot_text():
    event = bot("お急ぎですか？", buttons=[{"title": "はい", "payload": "/affirm"}, {"title": "いいえ", "payload": "/deny"}])
    assert line_of("s1", event).text == "お急ぎですか？\n[はい] / [いいえ]"
    assert bot_text(event) == "お急ぎですか？\n[はい] / [いいえ]"


def test_buttons_without_text_still_make_a_line():
    event = bot(None, buttons=[{"title": "カタログ請求"}])
    assert line_of("s1", event).text == "[カタログ請求]"


def test_an_operator_message_is_an_operator_line_with_its_author():
    event = {"event": "bot", "text": None, "timestamp": TS, "data": {"custom": operator_custom("お待たせしました", "sato")}}
    line = line_of("s1", event)
    assert (line.role, line.text, line.author) == ("operator", "お待たせしました", "sato")
    assert custom_of(event) == {"madoguchi": "operator", "text": "お待たせしました", "operator": "sato"}


def test_a_foreign_custom_payload_is_not_ours():
    assert custom_of({"event": "bot", "data": {"custom": {"data": {"other": 1}}}}) == {}
    assert custom_of({"event": "bot", "data": {"custom": "text"}}) == {}


def test_empty_user_text_is_skipped():
    assert line_of("s1", user("")) is None
    assert line_of("s1", user("　 ")) is None
    assert line_of("s1", user(None)) is None


def test_an_empty_bot_message_is_skipped():
    assert line_of("s1", bot("")) is None


def test_other_events_are_not_lines():
    assert line_of("s1", {"event": "action", "name": "action_listen", "timestamp": TS}) is None
    assert line_of("s1", {"event": "slot", "name": "order_id", "value": "A1234567", "timestamp": TS}) is None


def test_lines_of_a_conversation_in_order():
    events = [
        {"event": "action", "name": "action_session_start", "timestamp": TS},
        user("こんにちは", TS + 1),
        bot("いらっしゃいませ。", TS + 2),
        user("", TS + 3),
        {"event": "action", "name": "action_listen", "timestamp": TS + 4},
        user("人と話したい", TS + 5),
    ]
    lines = lines_of("s1", events)
    assert [(l.role, l.text) for l in lines] == [
        ("customer", "こんにちは"), ("bot", "いらっしゃいませ。"), ("customer", "人と話したい"),
    ]


def test_the_key_of_a_line_is_its_event_time_so_two_processes_agree():
    a = line_of("s1", user("こんにちは", TS + 0.25))
    b = line_of("s1", user("こんにちは", TS + 0.25))
    c = line_of("s1", user("こんにちは", TS + 0.5))
    assert a.key == b.key
    assert a.key != c.key


def test_channel_commands_are_not_customer_words():
    from madoguchi.handoff.transcript import line_of

    assert line_of("s", {"event": "user", "text": "/greet", "timestamp": 1.0}) is None
    assert line_of("s", {"event": "user", "text": '/inform{"x": 1}', "timestamp": 1.0}) is None
    kept = line_of("s", {"event": "user", "text": "/ は何の記号ですか", "timestamp": 1.0})
    assert kept is not None and kept.text == "/ は何の記号ですか"


# --- the one writer ---------------------------------------------------------------------


def operator_event(text, ts=TS, shown_as=""):
    return {"event": "bot", "text": None, "timestamp": ts, "data": {"custom": operator_custom(text, shown_as)}}


def stored_lines(db, sender_id):
    from madoguchi.store import transcripts

    return [(m.role, m.text, m.author) for m in transcripts.for_sender(db, sender_id)]


def test_the_broker_s_desk_s_and_handoff_s_copies_of_a_line_are_stored_once(db):
    from madoguchi.handoff.transcript import record

    events = [user("人と話したい", TS), bot("担当者におつなぎします。", TS + 1)]
    assert len(record(db, "s1", events)) == 2  # the event broker, on the tracker's save
    record(db, "s1", events, "socketio")  # the handoff, with the conversation so far
    record(db, "s1", [operator_event("お待たせしました", TS + 2)], "socketio", author="sato")  # the desk
    record(db, "s1", [operator_event("お待たせしました", TS + 2)])  # the broker's copy of it
    assert stored_lines(db, "s1") == [
        ("customer", "人と話したい", None),
        ("bot", "担当者におつなぎします。", None),
        ("operator", "お待たせしました", "sato"),
    ]


def test_an_operator_line_the_broker_stored_first_is_signed_with_the_login_name(db):
    from madoguchi.handoff.transcript import record

    event = operator_event("お待たせしました", shown_as="佐藤")  # what the customer was shown
    record(db, "s1", [event])
    assert stored_lines(db, "s1") == [("operator", "お待たせしました", "佐藤")]
    (line,) = record(db, "s1", [event], "line", author="sato")
    assert line.author == "sato"
    assert stored_lines(db, "s1") == [("operator", "お待たせしました", "sato")]


def test_an_exchange_answered_before_rasa_is_the_customer_s_words_then_the_replies(db):
    from madoguchi.handoff.transcript import record_exchange

    lines = record_exchange(db, "U1", "はい", [("ありがとうございます。", []), ("ひとことどうぞ", [{"title": "書く"}])], "line")
    assert [(line.role, line.text, line.channel) for line in lines] == [
        ("customer", "はい", "line"), ("bot", "ありがとうございます。", "line"), ("bot", "ひとことどうぞ\n[書く]", "line"),
    ]
    assert lines[0].at <= lines[1].at <= lines[2].at and len({line.key for line in lines}) == 3
    assert [role for role, _, _ in stored_lines(db, "U1")] == ["customer", "bot", "bot"]
    assert [line.role for line in record_exchange(db, "U2", "", [("お選びください。", [])])] == ["bot"]


def test_only_the_one_writer_stores_transcript_lines():
    """Every other module records through `madoguchi.handoff.transcript.record`."""
    import re

    from madoguchi.settings import ROOT

    writers = {
        str(path.relative_to(ROOT))
        for folder in ("actions", "madoguchi")
        for path in (ROOT / folder).rglob("*.py")
        if re.search(r"transcripts\.record\(|from madoguchi\.store\.transcripts import[^\n]*\brecord\b",
                     path.read_text(encoding="utf-8"))
    }
    assert writers == {"madoguchi/handoff/transcript.py"}
