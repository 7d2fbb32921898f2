"""Opening a handoff: the ticket, the summary an operator reads, what the customer is told."""

from __future__ import annotations

import json

import pytest

from madoguchi.handoff.service import (
    SUMMARY_QUOTE_CHARS,
    Ticket,
    care_response,
    collected_details,
    customer_topics,
    open_ticket,
    opening_text,
    summarize,
)
from madoguchi.store import handoffs, transcripts
from tests.conftest import jst
from tests.madoguchi.edited_rules import edited_rules

TS = 1795136400.0  # 2026-11-20T10:00 in Japan


def user(text: str, intent: str, ts: float) -> dict:
    return {"event": "user", "text": text, "timestamp": ts, "input_channel": "socketio",
            "parse_data": {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}}


def bot(text: str, ts: float) -> dict:
    return {"event": "bot", "text": text, "timestamp": ts, "data": {}}


EVENTS = [
    {"event": "action", "name": "action_session_start", "timestamp": TS},
    user("注文した品がまだ届かないんですが", "ask_delivery_status", TS + 1),
    bot("ご注文番号とお電話番号を教えてください。", TS + 2),
    user("A1234567、090-1234-5678です", "inform", TS + 3),
    {"event": "slot", "name": "verified_order_id", "value": "A1234567", "timestamp": TS + 3.5},
    bot("11月19日に発送済みです。", TS + 4),
    user("法事に間に合わないと困るんです、どうしよう", "express_distress", TS + 5),
]
SLOTS = {"verified_order_id": "A1234567", "order_id": "A1234567", "person_name": "山田花子",
         "phone": "09012345678", "address": None, "date": "", "shipping_method": []}


# --- summary ----------------------------------------------------------------------------


def test_the_summary_has_the_reason_topics_order_and_a_quote(rules):
    summary = summarize(rules, "distress", EVENTS, collected_details(SLOTS))
    parts = summary.split("｜")
    assert parts[0] == "お困り・ご不安"
    assert parts[1] == "配送状況の確認"  # the reason label already says お困り
    assert parts[2] == "注文A1234567（本人確認済）"
    assert parts[3] == "山田花子様"
    assert parts[4] == "電話09012345678"  # to call back without asking again
    assert parts[5] == "「法事に間に合わないと困るんです、どうしよう」"


def test_an_order_number_the_customer_does_not_know_is_said_so(rules):
    summary = summarize(rules, "needs_operator", EVENTS[:1], {}, order_number_unknown=True)
    assert "注文番号不明" in summary.split("｜")


def test_an_order_number_not_verified_is_marked_so(rules):
    summary = summarize(rules, "verification_failed", EVENTS[:4], {"order_id": "A1234567"})
    assert "本人確認できず" in summary
    assert "注文A1234567（未確認）" in summary


def test_a_long_message_is_cut_in_the_summary(rules):
    long = "あ" * (SUMMARY_QUOTE_CHARS + 20)
    summary = summarize(rules, "complaint", [user(long, "complain", TS)], {})
    assert f"「{'あ' * SUMMARY_QUOTE_CHARS}…」" in summary


def test_the_quote_is_the_latest_non_empty_message_on_one_line(rules):
    events = [user("箱が\n潰れていました", "complain", TS), user("  ", "complain", TS + 1)]
    assert summarize(rules, "needs_operator", events, {}).endswith("「箱が 潰れていました」")


def test_the_summary_opens_with_the_label_the_rules_file_gives():
    relabelled = edited_rules(handoff__reasons__distress__label="至急・お困り")
    assert summarize(relabelled, "distress", EVENTS, {}).startswith("至急・お困り｜")
    assert summarize(relabelled, "boredom", EVENTS, {}).startswith("boredom｜")  # unlisted: its key


def test_topics_in_order_of_first_mention_without_repeats():
    events = [user("a", "ask_gift", 1), user("b", "ask_product", 2), user("c", "ask_gift", 3), user("d", "greet", 4)]
    assert customer_topics(events) == ["のし・包装", "商品について"]


def test_collected_details_drop_empty_slots_and_unrelated_ones():
    details = collected_details({**SLOTS, "requested_slot": "phone", "handoff_reason": "distress"})
    assert details == {"verified_order_id": "A1234567", "order_id": "A1234567",
                       "person_name": "山田花子", "phone": "09012345678"}


# --- opening a ticket -------------------------------------------------------------------


def test_open_ticket_records_the_transcript_and_opens_one_handoff(db, rules):
    ticket = open_ticket(db, rules, jst("2026-11-20T10:00"), sender_id="s1", channel="socketio",
                         reason="distress", events=EVENTS, slots=SLOTS)
    lines = [(m.role, m.text) for m in transcripts.for_sender(db, "s1")]
    assert lines == [
        ("customer", "注文した品がまだ届かないんですが"),
        ("bot", "ご注文番号とお電話番号を教えてください。"),
        ("customer", "A1234567、090-1234-5678です"),
        ("bot", "11月19日に発送済みです。"),
        ("customer", "法事に間に合わないと困るんです、どうしよう"),
    ]
    handoff = handoffs.get(db, ticket.handoff_id)
    assert (handoff.reason, handoff.priority, handoff.channel, handoff.status) == ("distress", 1, "socketio", "open")
    assert handoff.customer_name == "山田花子"
    assert json.loads(handoff.details)["verified_order_id"] == "A1234567"
    assert handoff.summary.startswith("お困り・ご不安｜")
    assert ticket.position == 1
    assert ticket.operators_available is True
    assert ticket.opening == jst("2026-11-20T10:00")


def test_opening_a_ticket_again_keeps_one_handoff_and_one_copy_of_each_line(db, rules):
    now = jst("2026-11-20T10:00")
    first = open_ticket(db, rules, now, sender_id="s1", channel="socketio", reason="distress",
                        events=EVENTS, slots=SLOTS)
    more = [*EVENTS, bot("担当者におつなぎします。", TS + 6), user("お願いします", "affirm", TS + 7)]
    again = open_ticket(db, rules, now, sender_id="s1", channel="socketio", reason="complaint",
                        events=more, slots=SLOTS)
    assert again.handoff_id == first.handoff_id
    assert len(handoffs.queue(db)) == 1
    assert len(transcripts.for_sender(db, "s1")) == 7


def test_the_ticket_knows_its_place_in_the_queue(db, rules):
    now = jst("2026-11-20T10:00")
    open_ticket(db, rules, now, sender_id="a", channel="socketio", reason="distress", events=[], slots={})
    later = open_ticket(db, rules, now, sender_id="b", channel="line", reason="customer_request",
                        events=[], slots={})
    urgent = open_ticket(db, rules, now, sender_id="c", channel="socketio", reason="complaint",
                         events=[], slots={})
    assert urgent.position == 2  # after a (same priority, waiting longer), before b
    assert handoffs.position(db, later.handoff_id) == 3


def test_the_ticket_takes_its_priority_from_the_rules_file(db):
    calmer = edited_rules(handoff__reasons__distress__priority=3)
    ticket = open_ticket(db, calmer, jst("2026-11-20T10:00"), sender_id="s1", channel="socketio",
                         reason="distress", events=[], slots={})
    assert handoffs.get(db, ticket.handoff_id).priority == 3


def test_a_ticket_outside_hours_says_when_operators_open(db, rules):
    ticket = open_ticket(db, rules, jst("2026-11-21T19:00"), sender_id="s1", channel="line",
                         reason="customer_request", events=[], slots={})
    assert ticket.operators_available is False
    assert ticket.opening == jst("2026-11-23T09:00")


# --- what the customer is told ----------------------------------------------------------


def test_care_for_grief_differs_from_plain_distress():
    assert care_response("distress", "母が亡くなって法事の準備が") == "utter_handoff_care_grief"
    assert care_response("distress", "どうしよう、間に合わない") == "utter_handoff_care_distress"


def test_goods_that_came_wrong_for_a_death_get_condolences_with_the_apology():
    text = "主人の兄が亡くなって、お供えのしが紅白の蝶結びで届いたって"
    assert care_response("needs_operator", text, goods=True) == "utter_handoff_goods_grief"
    assert care_response("needs_operator", "箱が潰れていました", goods=True) == "utter_handoff_goods"


def test_goods_a_child_ate_with_an_allergy_name_a_doctor_first():
    """Round zw tatsuzo-yuzuki-07: the mother must hear to call a doctor before anything else."""
    text = "届いた箱に頼んでないお菓子入っとって、息子がもう１個食べてしもた😭 卵アレルギーあるのに"
    assert care_response("distress", text, goods=True) == "utter_handoff_goods_harm"
    assert care_response("needs_operator", "頼んでないお菓子が入ってました", goods=True) == "utter_handoff_goods"


@pytest.mark.parametrize(
    "reason, response",
    [
        ("complaint", "utter_handoff_care_complaint"),
        ("out_of_policy", "utter_handoff_policy"),
        ("needs_operator", "utter_handoff_needs_operator"),
        ("verification_failed", "utter_handoff_verification"),
        ("bot_failure", "utter_handoff_bot_failure"),
        ("customer_request", None),
    ],
)
def test_care_response_by_reason(reason, response):
    assert care_response(reason, "法事のことで") == response


def test_the_care_of_a_reason_is_the_rules_file_s():
    cared = edited_rules(handoff__reasons__customer_request={"label": "担当者をご希望", "priority": 3,
                                                             "care": "utter_handoff_policy"})
    assert care_response("customer_request", "", rules=cared) == "utter_handoff_policy"
    assert care_response("customer_request", "", goods=True, rules=cared) == "utter_handoff_goods"
    assert care_response("boredom", "", rules=cared) is None


def test_the_care_responses_exist_in_the_domain(rules):
    import yaml

    from madoguchi.settings import ROOT

    responses: set[str] = set()
    for path in (ROOT / "domain").glob("*.yml"):
        responses |= set((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {})
    names = {care_response("distress", "亡くなりました"), care_response("distress", "困った")}
    names |= {care_response(r, "", rules=rules) for r in rules.handoff_reasons}
    assert names - {None} <= responses


def ticket_opening(opening: str) -> Ticket:
    return Ticket(handoff_id=1, position=1, operators_available=False, opening=jst(opening))


@pytest.mark.parametrize(
    "now, opening, text",
    [
        ("2026-11-20T07:30", "2026-11-20T09:00", "本日9時"),
        ("2026-11-20T18:30", "2026-11-21T09:00", "明日 11月21日(土) 9時"),
        ("2026-11-21T19:00", "2026-11-23T09:00", "11月23日(月) 9時"),
        ("2026-12-30T19:00", "2027-01-04T09:00", "1月4日(月) 9時"),
    ],
)
def test_opening_text(now, opening, text):
    assert opening_text(ticket_opening(opening), jst(now)) == text


def test_opening_text_counts_days_in_japan_time():
    from datetime import timezone

    # 2026-11-20T23:30 UTC is Saturday 08:30 in Japan: operators open at 9:00 the same day.
    now = jst("2026-11-21T08:30").astimezone(timezone.utc)
    assert opening_text(ticket_opening("2026-11-21T09:00"), now) == "本日9時"
