"""Distress that builds up over a conversation."""

from __future__ import annotations

from madoguchi.handoff.escalation import escalates

THRESHOLD = 0.6


def said(text: str, intent: str, distress: float = 0.0) -> dict:
    return {"event": "user", "text": text, "parse_data": {
        "text": text, "intent": {"name": intent}, "triage": {"distress": distress}}}


def bot(text: str) -> dict:
    return {"event": "bot", "text": text}


def test_rising_distress_over_two_messages_escalates():
    worried = said("明日使うのに、もうどうしたら…", "express_distress", 0.55)
    events = [said("まだ届かないんです", "ask_delivery_status", 0.45), bot("…"), worried]
    assert not escalates(events, THRESHOLD)  # a score without a word of distress builds nothing up
    worried["parse_data"]["triage"]["cues"] = ["どうしたら"]
    assert escalates(events, THRESHOLD)


def test_not_knowing_how_asked_after_a_grief_told_is_a_question():
    grief = said("しゅじんが なくなって もう ろくねん…しちかいき を うちで しますけん", "ask_gift", 0.66)
    asked = said("のしは どげに したら ええでしょうか。…わからんで", "ask_gift", 0.3)
    asked["parse_data"]["triage"]["cues"] = ["わからん"]
    assert not escalates([grief, bot("…"), asked], THRESHOLD)
    asked["parse_data"]["intent"]["name"] = "express_distress"  # read as distress: it builds up
    assert escalates([grief, bot("…"), asked], THRESHOLD)


def test_a_habit_of_ending_every_line_in_three_stops_is_no_distress_building_up():
    """Round 2026-12-05zzw kiyotsugu-joselito-05: an old cabinet maker ends every line in 。。。."""
    grief = said("去年 家内が 亡くなって。。。来月 一周忌だに。。。", "ask_gift", 0.5)
    text = "のしは 何に したら ええずら。。。こういうことは 家内まかせだったで ようわからなんだ。。。"
    asked = said(text, "ask_gift", 0.55)
    asked["parse_data"]["triage"].update(cues=["わからな"], intensity=2)
    assert not escalates([grief, bot("…"), asked], THRESHOLD)
    asked["parse_data"]["text"] = "のしは 何に したら ええずら！ようわからなんだ。。。"  # not a habit then
    assert escalates([grief, bot("…"), asked], THRESHOLD)


def test_one_worried_message_after_a_calm_one_does_not():
    events = [said("送料はいくらですか", "ask_shipping", 0.0), bot("…"),
              said("ちょっと心配なんですが間に合いますか", "ask_shipping", 0.4)]
    assert not escalates(events, THRESHOLD)


def test_the_same_question_again_escalates():
    events = [said("送料はいくら？", "ask_shipping"), bot("…"), said("だから送料はいくらですか", "ask_shipping")]
    assert escalates(events, THRESHOLD)


def test_different_questions_on_one_topic_do_not():
    events = [said("送料はいくら？", "ask_shipping"), bot("…"), said("時間指定はできますか", "ask_shipping")]
    assert not escalates(events, THRESHOLD)


def test_empty_messages_are_not_counted():
    events = [said("送料はいくら？", "ask_shipping"), said("  ", "nlu_fallback"), said("送料はいくらなの？", "ask_shipping")]
    assert escalates(events, THRESHOLD)


def test_the_very_same_text_sent_again_is_answered_again():
    question = "のしは　なにいろで、おもてがきは　なんと　かけば　よかですか"
    events = [said(question, "ask_gift"), bot("仏事ののしは…"), said(question, "ask_gift")]
    assert not escalates(events, THRESHOLD)



def handed_back(*to_the_operator: dict) -> list[dict]:
    """A handoff during which the customer wrote to the operator, then handed back to the bot."""
    return [said("人と話したい", "request_human"), bot("担当者におつなぎします…"), {"event": "pause"},
            *to_the_operator, bot("担当者との対応はここまで…"), {"event": "resume"},
            {"event": "action", "name": "action_listen"}]


def test_a_question_asked_to_the_operator_is_not_asked_again():
    events = handed_back(said("送料はいくらですか", "ask_shipping")) + [said("送料はいくらですか", "ask_shipping")]
    assert not escalates(events, THRESHOLD)
    events += [bot("送料は…"), said("だから送料はいくらですか", "ask_shipping")]
    assert escalates(events, THRESHOLD)


def test_distress_told_to_the_operator_does_not_build_up_after():
    events = handed_back(said("もう本当にどうしたら…", "express_distress", 0.55))
    events += [said("まだ届かないんです", "ask_delivery_status", 0.45)]
    assert not escalates(events, THRESHOLD)
