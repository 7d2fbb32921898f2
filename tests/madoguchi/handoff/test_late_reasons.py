"""A customer who becomes distressed or angry while waiting for a person: the ticket is raised;
one the bot did not understand takes what the customer wants once it is understood."""

from __future__ import annotations

from madoguchi.handoff.late_reasons import raise_open_handoff
from madoguchi.rasa.broker import TranscriptBroker
from madoguchi.shop.rules import UNKNOWN_PRIORITY
from madoguchi.store import handoffs
from tests.madoguchi.edited_rules import edited_rules

TS = 1795136400.0


def user(
    sender: str, text: str, intent: str, goods: bool = False, confidence: float = 0.9, anger: bool = False
) -> dict:
    return {"event": "user", "sender_id": sender, "text": text, "timestamp": TS, "input_channel": "socketio",
            "parse_data": {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": [],
                           "triage": {"goods_problem": goods, "anger": anger}}}


def action(sender: str, name: str) -> dict:
    return {"event": "action", "sender_id": sender, "name": name, "timestamp": TS}


def ticket(db, sender: str, reason: str = "customer_request", priority: int = 3) -> int:
    return handoffs.open_handoff(db, sender_id=sender, channel="socketio", reason=reason, priority=priority,
                                 summary="", details={}).id


def test_distress_while_waiting_raises_the_ticket(db):
    hid = ticket(db, "w1")
    TranscriptBroker(db).publish_many([user("w1", "まだですか、もう間に合わない、どうしよう", "express_distress")])
    handoff = handoffs.get(db, hid)
    assert (handoff.reason, handoff.priority) == ("distress", 1)


def test_goods_told_while_waiting_make_the_ticket_an_operators_case(db):
    """Handed over on an opener read as a request beyond the rules, the wrong のし told after."""
    hid = ticket(db, "w5", "out_of_policy", 3)
    text = "むこうから でんわがあって、こうはくの おいわいの のしが ついとったて いわれたとです"
    TranscriptBroker(db).publish_many([user("w5", text, "complain", goods=True)])
    assert (handoffs.get(db, hid).reason, handoffs.get(db, hid).priority) == ("needs_operator", 2)


def test_goods_told_in_pieces_after_a_wish_for_a_person_raise_the_ticket(db):
    """ねえちゃんから 電話きてさ read as a wish for a person; the crushed box comes next, read as
    anything: the ticket becomes an operator's case."""
    hid = ticket(db, "w7")
    text = "お歳暮の　箱　つぶれてて　中の　おまんじゅう　ぐしゃぐしゃだって"
    TranscriptBroker(db).publish_many([user("w7", text, "ask_delivery_status", goods=True)])
    assert (handoffs.get(db, hid).reason, handoffs.get(db, hid).priority) == ("needs_operator", 2)


def test_a_message_the_bot_answered_leaves_the_ticket_as_it_was(db):
    """A goods problem read as a complaint opens a needs_operator ticket in the same turn: no raise."""
    hid = ticket(db, "w2", "needs_operator", 2)
    TranscriptBroker(db).publish_many([user("w2", "箱がつぶれてました！", "complain"), action("w2", "action_handoff")])
    assert handoffs.get(db, hid).reason == "needs_operator"


def test_a_calm_message_or_a_more_urgent_ticket_stays(db):
    calm, urgent = ticket(db, "w3"), ticket(db, "w4", "distress", 1)
    TranscriptBroker(db).publish_many([user("w3", "わかりました、待ちます", "affirm"),
                                       user("w4", "もういい、ひどい店だ", "complain")])
    assert handoffs.get(db, calm).reason == "customer_request"
    assert handoffs.get(db, urgent).reason == "distress"


def test_an_exception_asked_after_the_bot_failed_tells_the_ticket_what_is_wanted(db):
    """Handed over after two messages not understood; the customer then asks for the
    mainland's fee to Okinawa: the operator sees an exception asked, not a bot that failed."""
    hid = ticket(db, "w8", "bot_failure", 3)
    text = "is there any way you could ship it to Okinawa for the same fee as the mainland?"
    TranscriptBroker(db).publish_many([user("w8", text, "request_exception")])
    assert handoffs.get(db, hid).reason == "out_of_policy"


def test_a_ticket_that_says_what_is_wanted_keeps_it_for_a_wish_as_urgent(db):
    hid = ticket(db, "w9", "customer_request", 3)
    TranscriptBroker(db).publish_many([user("w9", "送料を無料にしてもらえませんか", "request_exception")])
    assert handoffs.get(db, hid).reason == "customer_request"


def test_a_calmer_complaint_in_the_rules_file_raises_only_calmer_tickets(db):
    rules = edited_rules(handoff__reasons__complaint__priority=3)
    hid = ticket(db, "w10", "needs_operator", 2)
    assert raise_open_handoff(db, "w10", "complaint", rules.priority) is False
    assert handoffs.get(db, hid).reason == "needs_operator"


def test_a_reason_the_rules_file_does_not_list_ranks_as_on_the_desk(db):
    hid = ticket(db, "w6", "customer_request", UNKNOWN_PRIORITY + 1)
    assert raise_open_handoff(db, "w6", "unlisted", {}) is True
    assert handoffs.get(db, hid).priority == UNKNOWN_PRIORITY


def test_a_goods_ticket_keeps_its_reason_and_is_served_first_when_the_customer_grows_upset(db):
    """The operator still sees what to look at (the wrong parcel); the desk serves it first."""
    hid = ticket(db, "w11", "needs_operator", 2)
    TranscriptBroker(db).publish_many([user("w11", "まだですか、もう間に合わない、どうしよう", "express_distress")])
    assert (handoffs.get(db, hid).reason, handoffs.get(db, hid).priority) == ("needs_operator", 1)


def test_goods_gone_wrong_again_told_while_waiting_make_the_ticket_a_complaint(db):
    """Round 2026-12-05zzr michihiko-mbuyi-12: past its date told, then 二度目ですで in anger."""
    hid = ticket(db, "w14", "needs_operator", 2)
    text = "去年も似たようなことがありましたやんか。二度目ですで。どないなってますのや、お宅の管理は。"
    TranscriptBroker(db).publish_many([user("w14", text, "complain", anger=True)])
    assert (handoffs.get(db, hid).reason, handoffs.get(db, hid).priority) == ("complaint", 1)


def test_anger_at_an_exception_refused_keeps_the_request_and_serves_it_first(db):
    """Round 2026-12-05zzv sumiyo-dayanara-06: delivery today to Sapporo asked, then anger that it
    cannot be done: the operator still decides the request, now first."""
    hid = ticket(db, "w13", "out_of_policy", 3)
    TranscriptBroker(db).publish_many([user("w13", "えー！なんでできんと！？そぎゃん融通のきかんとね😤", "complain", anger=True)])
    assert (handoffs.get(db, hid).reason, handoffs.get(db, hid).priority) == ("out_of_policy", 1)


def test_a_plea_for_an_exception_keeps_the_request_and_fear_takes_it(db):
    """Round 2026-12-07s tomas-14: free shipping asked, then "please, just this one time, I am a
    student" read as distress at 0.84 with no word of distress: still the exception, served first.
    Fear told with its words takes the ticket."""
    hid = ticket(db, "w15", "out_of_policy", 3)
    plea = user("w15", "please, just this one time, I am a student and don't have much money", "express_distress")
    plea["parse_data"]["triage"].update(cues=[], grief=False, imminent=False)
    TranscriptBroker(db).publish_many([plea])
    assert (handoffs.get(db, hid).reason, handoffs.get(db, hid).priority) == ("out_of_policy", 1)
    hid = ticket(db, "w16", "out_of_policy", 3)
    fear = user("w16", "お通夜が明日なのに、どうしよう…", "express_distress")
    fear["parse_data"]["triage"].update(cues=["どうしよう"], imminent=True)
    TranscriptBroker(db).publish_many([fear])
    assert handoffs.get(db, hid).reason == "distress"


def test_an_unsure_reading_leaves_the_ticket_as_it_was(db):
    """A plea for the exception (何とかお願いします) read as distress at 0.67 is still the exception."""
    hid = ticket(db, "w12", "out_of_policy", 3)
    text = "上司にコスト削減のエビデンスも出さないといけなくて…何とかお願いします"
    TranscriptBroker(db).publish_many([user("w12", text, "express_distress", confidence=0.67)])
    assert handoffs.get(db, hid).reason == "out_of_policy"


def test_anger_read_unsurely_while_waiting_makes_only_a_vague_ticket_a_complaint(db):
    """Round 2026-12-05zzn fumio-zuzana-12: handed over after two messages not understood, then
    どうしてくれるんだい (complain 0.63) with a word of anger."""
    vague, asked = ticket(db, "w30", "bot_failure", 3), ticket(db, "w31", "out_of_policy", 3)
    TranscriptBroker(db).publish_many([user("w30", "どうしてくれるんだい", "complain", confidence=0.63, anger=True),
                                       user("w31", "ok ji, ask your manager and tell me", "nlu_fallback",
                                            confidence=0.45, anger=True)])
    assert handoffs.get(db, vague).reason == "complaint"
    assert handoffs.get(db, asked).reason == "out_of_policy"  # what is wanted is known already (replay)


def test_a_calm_complaint_while_waiting_leaves_a_wish_for_a_person_as_it_was(db):
    """Round 2026-12-05zzl fusae-arben-13: asked for a person, then told calmly what was wrong;
    an angry one raises the ticket, and a calm one still tells a vague ticket what is wanted."""
    wish, angry, vague = ticket(db, "w20"), ticket(db, "w21"), ticket(db, "w22", "bot_failure", 3)
    sure = ticket(db, "w23")
    calm = "包装紙のことなんよ。赤い柄のを頼んどったのに、地味な茶色いのが来てね。中身はええんよ♪"
    TranscriptBroker(db).publish_many([user("w20", calm, "complain", confidence=0.8),
                                       user("w23", "電話の人がわたしの日本語をわらって、とてもつめたい言い方でした", "complain",
                                            confidence=0.97),
                                       user("w21", "いつまで待たせるんだ、ふざけるな", "complain", anger=True),
                                       user("w22", calm, "complain")])
    assert handoffs.get(db, wish).reason == "customer_request"
    assert handoffs.get(db, angry).reason == "complaint"
    assert handoffs.get(db, vague).reason == "complaint"
    assert handoffs.get(db, sure).reason == "complaint"  # read surely: a complaint (round 2026-11-30b, replay)


def test_distress_read_surely_while_waiting_takes_a_complaints_ticket(db):
    """Round 2026-12-05zzm kunie-dragan-14: the box not come, nobody answers (a complaint), then
    I dont know what to do, please help: the ticket becomes distress. Distress read unsurely, and
    anger after distress, leave the ticket as it was."""
    told, unsure = ticket(db, "w30", "complaint", 1), ticket(db, "w31", "complaint", 1)
    angry = ticket(db, "w32", "distress", 1)
    TranscriptBroker(db).publish_many([
        user("w30", "I dont know what to do, GM will kill me. please help", "express_distress", confidence=0.99),
        user("w31", "どうしよう", "express_distress", confidence=0.75),
        user("w32", "いつまで待たせるんだ、ふざけるな", "complain", confidence=0.99, anger=True),
    ])
    assert handoffs.get(db, told).reason == "distress"
    assert handoffs.get(db, unsure).reason == "complaint"
    assert handoffs.get(db, angry).reason == "distress"


def test_fear_told_in_words_of_it_takes_a_complaints_ticket_however_it_is_read(db):
    """Round 2026-12-07x fumi-bilal-04: a caller posing as the shop asked for her bank card (read as a
    complaint, 0.45), then ほんとに お店の ひと ね? こわくて 手が ふるえよる (express_distress 0.53):
    a frightened customer, met with care first. One word of distress read unsurely leaves it."""
    told, one = ticket(db, "w40", "complaint", 1), ticket(db, "w41", "complaint", 1)
    fear = user("w40", "ほんとに　お店の　ひと　ね?　　こわくて　手が　ふるえよる", "express_distress", confidence=0.53)
    fear["parse_data"]["triage"].update(cues=["こわくて", "手がふるえ"], distress=0.89)
    alone = user("w41", "どうしよう", "express_distress", confidence=0.75)
    alone["parse_data"]["triage"].update(cues=["どうしよう"], distress=0.89)
    TranscriptBroker(db).publish_many([fear, alone])
    assert handoffs.get(db, told).reason == "distress"
    assert handoffs.get(db, one).reason == "complaint"


def test_goods_told_after_a_complaint_make_the_ticket_an_operators_case_as_urgently(db):
    """Round 2026-12-07h kiyoe-lesedi-11: a box from your shop was left at my dorm room today (a
    complaint), then the name on the label is not mine: the operator is told to look at the goods."""
    hid = ticket(db, "w9", "complaint", 1)
    text = "but the name on the label is not mine, it says 佐藤 美咲. I think she's in another building"
    TranscriptBroker(db).publish_many([user("w9", text, "complain", goods=True, confidence=0.45)])
    assert (handoffs.get(db, hid).reason, handoffs.get(db, hid).priority) == ("needs_operator", 1)
    angry = ticket(db, "w10", "complaint", 1)
    TranscriptBroker(db).publish_many([user("w10", "もういい、ひどい店だ", "complain")])
    assert handoffs.get(db, angry).reason == "complaint"


def test_goods_of_before_told_with_a_call_not_returned_leave_a_complaint_s_ticket_a_complaint(db):
    """Round 2026-12-07i sumie-tavita-12: the crushed box of before is the complaint's reason, no call back."""
    hid = ticket(db, "w11", "complaint", 1)
    text = "前にも箱がつぶれとったって電話したのに、誰も出んし、折り返しの電話もないし"
    TranscriptBroker(db).publish_many([user("w11", text, "complain", goods=True, confidence=1.0)])
    assert handoffs.get(db, hid).reason == "complaint"


def test_goods_only_the_detector_read_after_a_complaint_leave_the_complaint(db):
    """Round 2026-12-07n kazuko-deireragea-12: a double charge told in anger (a complaint), then I only
    ordered one time. This is really bad., which the learned detector alone read as goods."""
    hid = ticket(db, "w12", "complaint", 1)
    told = user("w12", "I only ordered one time. This is really bad.", "complain", goods=True, confidence=0.86)
    told["parse_data"]["triage"]["goods_learned"] = True
    TranscriptBroker(db).publish_many([told])
    assert handoffs.get(db, hid).reason == "complaint"
    box = ticket(db, "w13", "complaint", 1)
    crushed = user("w13", "and the box came crushed, all the sweets are broken", "complain", goods=True, confidence=0.9)
    crushed["parse_data"]["triage"]["goods_learned"] = True
    TranscriptBroker(db).publish_many([crushed])
    assert handoffs.get(db, box).reason == "needs_operator"


def test_goods_the_detector_alone_guessed_leave_an_exceptions_ticket(db):
    """Round 2026-12-07t sadao-dolgar-14: sending to Russia asked as an exception, then "she loves your
    最中" read by the goods detector alone: the ticket is still the exception."""
    hid = ticket(db, "w17", "out_of_policy", 3)
    guessed = user("w17", "It is for my mother's birthday in January, she loves your 最中.", "complain", goods=True,
                   confidence=0.45)
    guessed["parse_data"]["triage"]["goods_learned"] = True
    TranscriptBroker(db).publish_many([guessed])
    assert handoffs.get(db, hid).reason == "out_of_policy"


def test_an_exception_asked_surely_after_a_complaint_makes_the_ticket_the_exception_as_urgently(db):
    """Round 2026-12-07v tomiko-dordzhi-14: the parcel nine days late (a complaint), then the shipping cost
    asked back because the delay was the shop's: the operator is told what to decide, served as first.
    Asked unsurely, the complaint stays."""
    sure, unsure = ticket(db, "w40", "complaint", 1), ticket(db, "w41", "complaint", 1)
    TranscriptBroker(db).publish_many([
        user("w40", "delay is fault of your shop. so shipping cost must be free", "request_exception", confidence=0.98),
        user("w41", "maybe shipping free?", "request_exception", confidence=0.75),
    ])
    assert (handoffs.get(db, sure).reason, handoffs.get(db, sure).priority) == ("out_of_policy", 1)
    assert handoffs.get(db, unsure).reason == "complaint"


def test_a_call_promised_and_never_made_makes_a_goods_ticket_a_complaint(db):
    """Round 2026-12-08a junzo-lhamo-12: crushed sweets told on the phone last week (goods), then the call back
    promised never came (complain 0.98): the shop failed him again, a complaint."""
    hid = ticket(db, "w45", "needs_operator", 2)
    text = "折り返し電話するって言うとったのに　いっぺんもかかってこんやないか"
    TranscriptBroker(db).publish_many([user("w45", text, "complain", confidence=0.98)])
    assert (handoffs.get(db, hid).reason, handoffs.get(db, hid).priority) == ("complaint", 1)


def test_the_money_asked_back_after_a_complaint_leaves_the_complaint(db):
    """Round 2026-12-07y yasuji-kamla-12: two days late, no use for the guests (a complaint), then 金 現金で
    返してくれや (request_exception 0.97): the complaint's remedy, not an exception of the shop's rules."""
    hid = ticket(db, "w42", "complaint", 1)
    TranscriptBroker(db).publish_many([user("w42", "金 現金で返してくれや", "request_exception", confidence=0.97)])
    assert handoffs.get(db, hid).reason == "complaint"


def test_fear_told_surely_takes_a_goods_ticket(db):
    """Round 2026-12-07y yasuji-kamla-07: a parcel never ordered with her name on it (goods), then I am alone
    at home… I am scared (express_distress 0.97): met with care first. Being at a loss without fear leaves
    the goods ticket its reason (served first)."""
    scared, lost = ticket(db, "w43", "needs_operator", 2), ticket(db, "w44", "needs_operator", 2)
    fear = user("w43", "I am alone at home. I am scared, how someone know my name and address", "express_distress",
                confidence=0.97)
    fear["parse_data"]["triage"].update(cues=["不安で", "不安"], distress=0.95)  # scared is read 不安です
    at_a_loss = user("w44", "まだですか、もう間に合わない、どうしよう", "express_distress", confidence=0.97)
    at_a_loss["parse_data"]["triage"].update(cues=["間に合わな", "どうしよ"], distress=0.95)
    TranscriptBroker(db).publish_many([fear, at_a_loss])
    assert (handoffs.get(db, scared).reason, handoffs.get(db, scared).priority) == ("distress", 1)
    assert (handoffs.get(db, lost).reason, handoffs.get(db, lost).priority) == ("needs_operator", 1)


def test_distress_read_unsurely_with_no_word_of_it_leaves_a_wish_for_a_person(db):
    """Round 2026-12-07v setsu-nils-17: waiting for the person asked for, "I really will not type my address
    again… please let a person do it" (express_distress 0.76, no word of distress) made the ticket distress."""
    hid = ticket(db, "w42", "customer_request", 3)
    text = "I really will not type my address and everything again. please let a person do it."
    TranscriptBroker(db).publish_many([user("w42", text, "express_distress", confidence=0.76)])
    assert handoffs.get(db, hid).reason == "customer_request"
