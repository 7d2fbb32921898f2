"""Handing off: what the customer is told, the desk ticket, and staying handed off."""

from __future__ import annotations

import pytest
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import ActionFallback, ActionHandoff, ActionOutOfScope, ActionRestart, ActionSessionStart
from madoguchi.store import handoffs, transcripts
from tests.actions.conftest import make_tracker, said, slot_sets, user


async def test_complaint_hands_off_with_care_and_queue_position(shop, dispatcher, domain):
    tracker = make_tracker([user("いい加減にしてくれ", "complain")])
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "complaint"
    assert events[-1]["event"] == "pause"
    assert said(dispatcher)[:2] == ["utter_handoff_care_complaint", "utter_handoff_queue"]
    assert dispatcher.messages[1]["position"] == 1
    ticket = handoffs.open_for(shop, "s1")
    assert ticket.reason == "complaint" and ticket.channel == "socketio"
    assert [m.text for m in transcripts.for_sender(shop, "s1")] == ["いい加減にしてくれ"]


async def test_grief_is_answered_with_condolences(shop, dispatcher, domain):
    tracker = make_tracker([user("母が亡くなって、法事のお菓子が届かないんです", "express_distress")])
    await ActionHandoff().run(dispatcher, tracker, domain)
    assert said(dispatcher)[0] == "utter_handoff_care_grief"


async def test_damaged_goods_complaint_needs_an_operator(shop, dispatcher, domain):
    tracker = make_tracker([user("届いた羊羹が潰れていました", "complain")])
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "needs_operator"


async def test_outside_hours_the_customer_is_told_when(shop, dispatcher, domain, monkeypatch):
    from madoguchi.settings import settings

    monkeypatch.setenv("MADOGUCHI_NOW", "2026-11-21T19:30:00+09:00")  # Saturday evening
    settings.cache_clear()
    tracker = make_tracker([user("人と話したい", "request_human")])
    await ActionHandoff().run(dispatcher, tracker, domain)
    assert said(dispatcher)[0] == "utter_handoff_closed_hours"
    assert dispatcher.messages[0]["opening"] == "11月23日(月) 9時"


async def test_handoff_in_a_form_ends_the_form(shop, dispatcher, domain):
    tracker = make_tracker([user("担当者に代わって", "request_human")], active_loop="catalog_form")
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert {"event": "active_loop", "name": None, "timestamp": None} in events


async def test_second_misunderstanding_in_a_row_hands_off(shop, dispatcher, domain):
    events = [user("ふじこlp", "nlu_fallback", ts=1.0), user("あsdfg", "nlu_fallback", ts=2.0)]
    result = await ActionFallback().run(dispatcher, make_tracker(events), domain)
    assert slot_sets(result)["handoff_reason"] == "bot_failure"


async def test_not_understood_twice_but_grieving_is_distress(shop, dispatcher, domain):
    events = [
        user("家内が先月のうなってな", "nlu_fallback", ts=1.0, triage={"grief": False, "cues": []}),
        user("いつも家内が頼みよったけんど、わしは なんちゃあわからん", "nlu_fallback", ts=2.0,
             triage={"grief": False, "cues": ["わからん"]}),
    ]
    result = await ActionFallback().run(dispatcher, make_tracker(events), domain)
    assert slot_sets(result)["handoff_reason"] == "distress"


async def test_not_understood_twice_with_a_need_too_near_is_distress(shop, dispatcher, domain):
    """至急, then 明日 彼女の両親に初めて挨拶行くんだけど、手土産がまだ届いてない (round zu): a bot failure."""
    events = [
        user("至急", "nlu_fallback", ts=1.0, triage={"cues": []}),
        user("明日 彼女の両親に初めて挨拶行くんだけど、手土産がまだ届いてない", "nlu_fallback", ts=2.0,
             triage={"cues": [], "imminent": True}),
    ]
    result = await ActionFallback().run(dispatcher, make_tracker(events), domain)
    assert slot_sets(result)["handoff_reason"] == "distress"


async def test_a_message_to_the_operator_is_not_a_misunderstanding(shop, dispatcher, domain):
    events = [user("ほげほげ", "nlu_fallback", ts=1.0), {"event": "resume", "timestamp": 2.0},
              {"event": "action", "name": "action_listen", "timestamp": 2.1}, user("あsdfg", "nlu_fallback", ts=3.0)]
    result = await ActionFallback().run(dispatcher, make_tracker(events), domain)
    assert result == [] and said(dispatcher) == ["utter_default"]


async def test_first_misunderstanding_asks_to_rephrase(shop, dispatcher, domain):
    events = [user("こんにちは", "greet", ts=1.0), user("あsdfg", "nlu_fallback", ts=2.0)]
    result = await ActionFallback().run(dispatcher, make_tracker(events), domain)
    assert result == [] and said(dispatcher) == ["utter_default"]


async def test_an_empty_message_is_not_a_misunderstanding(shop, dispatcher, domain):
    events = [user("あsdfg", "nlu_fallback", ts=1.0), user("   ", "nlu_fallback", ts=2.0)]
    result = await ActionFallback().run(dispatcher, make_tracker(events), domain)
    assert result == [] and said(dispatcher) == ["utter_empty_message"]


async def test_restart_does_not_leave_the_queue(shop, dispatcher, domain):
    await ActionHandoff().run(CollectingDispatcherFactory(), make_tracker([user("人と話したい", "request_human")]), domain)
    events = await ActionRestart().run(dispatcher, make_tracker([user("/restart", "restart")]), domain)
    assert [e["event"] for e in events] == ["pause"]
    assert handoffs.open_for(shop, "s1") is not None


async def test_restart_without_handoff_restarts(shop, dispatcher, domain):
    events = await ActionRestart().run(dispatcher, make_tracker([user("/restart", "restart")]), domain)
    assert [e["event"] for e in events] == ["restart"]


async def test_new_session_stays_with_the_person(shop, dispatcher, domain):
    await ActionHandoff().run(CollectingDispatcherFactory(), make_tracker([user("人と話したい", "request_human")]), domain)
    events = await ActionSessionStart().run(dispatcher, make_tracker([]), domain)
    kinds = [e["event"] for e in events]
    assert kinds == ["session_started", "slot", "pause", "action"]


def CollectingDispatcherFactory():
    from rasa_sdk.executor import CollectingDispatcher

    return CollectingDispatcher()


async def test_unsure_between_two_readings_the_bot_asks_which(shop, dispatcher, domain):
    ranking = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "request_catalog", "confidence": 0.41},
               {"name": "ask_delivery_status", "confidence": 0.38}, {"name": "greet", "confidence": 0.1}]
    events = [user("カタログのことなんですが", "nlu_fallback", ts=1.0, intent_ranking=ranking)]
    await ActionFallback().run(dispatcher, make_tracker(events), domain)
    (message,) = dispatcher.messages
    assert message["response"] == "utter_which_reading"
    assert [b["title"] for b in message["buttons"]] == ["カタログを送ってほしい", "注文した品・カタログがいつ届くか"]


async def test_a_far_fetched_second_reading_is_not_offered(shop, dispatcher, domain):
    ranking = [{"name": "request_catalog", "confidence": 0.4}, {"name": "ask_shipping", "confidence": 0.05}]
    events = [user("ほにゃらら", "nlu_fallback", ts=1.0, intent_ranking=ranking)]
    await ActionFallback().run(dispatcher, make_tracker(events), domain)
    assert said(dispatcher) == ["utter_default"]


# --- goods problems, memorial questions, a person offered ---------------------------------


async def test_wrong_goods_get_an_apology_first_and_a_person_at_once(shop, dispatcher, domain):
    from actions.handoff import ActionHandoff

    tracker = make_tracker([user("頼んだものと違うお菓子が入っていました", "complain")])
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "needs_operator"
    assert said(dispatcher)[:3] == ["utter_handoff_goods", "utter_handoff_queue", "utter_handoff_goods_order_id"]
    assert "申し訳" in domain["responses"]["utter_handoff_goods"][0]["text"]
    assert events[-1]["event"] == "pause"  # no verification before a person listens


async def test_an_order_number_given_with_the_report_is_in_the_summary(shop, dispatcher, domain):
    from actions.handoff import ActionHandoff

    text = "A1234567の箱が潰れて羊羹が漏れていました。電話は090-1234-5678です"
    tracker = make_tracker([user(text, "complain")], slots={"order_id": "A1234567", "phone": "09012345678"})
    await ActionHandoff().run(dispatcher, tracker, domain)
    assert "utter_handoff_goods_order_id" not in said(dispatcher)  # not asked again
    summary = handoffs.open_for(shop, "s1").summary
    assert "注文A1234567" in summary and "電話09012345678" in summary
    assert not any("発送" in (m.get("text") or "") for m in dispatcher.messages)  # nothing told unverified


MEMORIAL = "亡くなった母が好きだった羊羹を、七回忌で親戚に配りたいのですが、のしはどうすればいいですか"


async def test_a_calm_memorial_question_read_as_distress_is_answered(shop, dispatcher, domain):
    from actions.handoff import ActionHandoff

    ranking = [{"name": "express_distress", "confidence": 0.5}, {"name": "ask_gift", "confidence": 0.4}]
    tracker = make_tracker([user(MEMORIAL, "express_distress", triage={"cues": [], "grief": True, "intensity": 0},
                                 intent_ranking=ranking)])
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert events == [] and handoffs.open_for(shop, "s1") is None
    answer = dispatcher.messages[0]
    assert "黒白" in answer["text"] and "お悔やみ" in answer["text"]
    assert answer["buttons"][0]["payload"] == "担当者と話したいです"  # offered, not forced


@pytest.mark.parametrize("earlier, text, cue, confidence", [
    # round 2026-12-05zza soma-aino-13: I don't know the rules (read 分かりません), a death told the turn before
    ("Hei. My friend's father died last week. I would like to send something to her family.",
     "What is proper to send? I heard sweets are common, but I don't know the rules.", "分かりませ", 0.49),
    # round 2026-12-05y kunihiko-aibek-06, on the final model: 😢 alone at the death
    (None, "hello. my host family grandpa passed away last week 😢 i want send sweets to their house, for butsudan",
     "😢", 0.45),
    # round 2026-12-06d kesae-orsu-13: a sad word, trailing off (read 悲しい…), at a death told
    (None, "bonghjornu. a sad thing... Okamoto-san, the fishmonger, he passed away. I want to send sweets to his "
     "family for the 49 days ceremony", "悲しい", 0.45),
])
async def test_a_memorial_gift_question_read_as_distress_for_not_knowing_or_a_sad_face_is_answered(
    shop, dispatcher, domain, earlier, text, cue, confidence
):
    from actions.handoff import ActionHandoff

    ranking = [{"name": "express_distress", "confidence": confidence}, {"name": "ask_gift", "confidence": 0.2}]
    intensity = 1 if cue == "悲しい" else 0
    asked = user(text, "express_distress", triage={"cues": [cue], "intensity": intensity}, intent_ranking=ranking)
    told = [user(earlier, "ask_gift")] if earlier else []
    events = await ActionHandoff().run(dispatcher, make_tracker([*told, asked]), domain)
    assert events == [] and handoffs.open_for(shop, "s1") is None and "黒白" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize("text, cues, confidence, handed_off", [
    # round 2026-12-05zzy umeno-mamani-15: a death told with a sad face, nothing asked yet
    ("the obaachan who own my building pass away last month. she was very kind with me 😢", ["😢"], 0.48, False),
    ("母が今朝亡くなりました😢😢 もうどうしたらいいか", ["どうしたらいいか", "😢"], 0.99, True),  # at a loss
])
async def test_a_death_told_quietly_is_met_with_condolences_and_the_help_offered(
    shop, dispatcher, domain, text, cues, confidence, handed_off
):
    from actions.handoff import ActionHandoff

    read = {"name": "express_distress", "confidence": confidence}
    tracker = make_tracker([user(text, "express_distress", triage={"cues": cues, "intensity": 0}, intent_ranking=[read])])
    tracker.latest_message["intent"] = read
    await ActionHandoff().run(dispatcher, tracker, domain)
    assert (handoffs.open_for(shop, "s1") is not None) is handed_off
    if not handed_off:
        assert "お悔やみ" in dispatcher.messages[0]["text"] and dispatcher.messages[0]["buttons"]


@pytest.mark.parametrize("earlier, text, intent, confidence", [
    # round 2026-12-03zn miyu-rosa-05: a death told, read as a complaint
    (None, "しせつ の おばあちゃん、せんしゅう てんごく に いきました。とても やさしい ひと でした", "complain", 0.71),
    # round 2026-12-05zz sadami-bishnu-06: a wish to do it right after the memorial was told
    ("おとうさん, なくなりました. 49にち の ほうじ ある", "nepal と ちがう から, ちゃんと したい です", "complain", 0.49),
    # round 2026-12-05x yoshinori-camille-06: the name under the 表書き, the staff as senders (not asked for)
    ("四十九日の法要にスタッフ一同からお供えのお菓子を送りたい", "表書きの下は「ホテル スタッフ一同」で大丈夫でしょうか？",
     "request_human", 0.45),
])
async def test_a_calm_word_in_a_talk_of_a_death_read_as_a_complaint_or_a_person_is_answered(
    shop, dispatcher, domain, earlier, text, intent, confidence
):
    ranking = [{"name": intent, "confidence": confidence}, {"name": "thank", "confidence": 0.1}]
    told = [user(earlier, "ask_gift")] if earlier else []
    tracker = make_tracker([*told, user(text, intent, triage={"cues": [], "intensity": 0}, intent_ranking=ranking)])
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert events == [] and handoffs.open_for(shop, "s1") is None and "黒白" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize("text, triage", [
    ("法事のお菓子がまだ届かないんです", {}),  # trouble told
    ("ちゃんと対応してほしい！！", {"emphatic": True, "intensity": 2}),
    ("担当の方と話せますか", {}),  # a person asked for
    # the replay of the final model, rounds 2026-12-01n and 2026-12-02zb: what came, with a reproach;
    # a celebration のし on it
    ("きのう とどいだ おかし、 おそなえに たのんだのに", {}),
    ("あけてみたら　のしが　こうはくの　おいわいのに　なっとるんさ　これでは　ほとけさんに　そなえられへん", {}),
])
async def test_a_complaint_or_a_person_in_a_talk_of_a_death_still_goes_to_a_person(shop, dispatcher, domain, text, triage):
    ranking = [{"name": "complain", "confidence": 0.6}]
    told = user("母が亡くなりました。四十九日の法要のお菓子を頼みました", "ask_gift")
    tracker = make_tracker([told, user(text, "complain", triage=triage, intent_ranking=ranking)])
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] and handoffs.open_for(shop, "s1") is not None


async def test_a_calm_memorial_question_inside_a_form_goes_back_to_the_form(shop, dispatcher, domain):
    """Round zzc ritsuko-makoto-07: answered, the form left active, the memorial answer was
    predicted ten times over until Rasa's circuit breaker stopped it."""
    from actions.handoff import ActionHandoff

    ranking = [{"name": "express_distress", "confidence": 0.5}, {"name": "ask_gift", "confidence": 0.4}]
    tracker = make_tracker([user(MEMORIAL, "express_distress", triage={"cues": [], "grief": True, "intensity": 0},
                                 intent_ranking=ranking)], active_loop="catalog_form", requested_slot="person_name")
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert "黒白" in dispatcher.messages[0]["text"] and handoffs.open_for(shop, "s1") is None
    assert events == [{"event": "followup", "timestamp": None, "name": "catalog_form"}]


async def test_an_order_number_given_after_all_goes_on_with_the_verification(shop, dispatcher, domain):
    sighed = user("もう…しょうがないな A2345678", "express_distress", triage={"cues": [], "intensity": 1})
    tracker = make_tracker([sighed], slots={"person_offered": "customer_request", "verification_refusals": 2.0})
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert handoffs.open_for(shop, "s1") is None and not dispatcher.messages
    assert events[-1] == {"event": "followup", "timestamp": None, "name": "order_verification_form"}
    assert slot_sets(events)["verification_refusals"] == 0  # a new verification
    afraid = user("どうしよう、怖い A2345678", "express_distress", triage={"cues": ["どうしよう"], "intensity": 1})
    tracker = make_tracker([afraid], slots={"person_offered": "customer_request"})
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "distress"  # real distress still goes to a person


async def test_a_memorial_gift_being_planned_read_as_distress_is_answered(shop, dispatcher, domain):
    ranking = [{"name": n, "confidence": c} for n, c in (("express_distress", 0.9), ("change_order", 0.08))]
    planning = user("叔父の十三回忌のお返しにお菓子を手配予定です", "express_distress",
                    triage={"cues": [], "intensity": 0}, intent_ranking=ranking)
    events = await ActionHandoff().run(dispatcher, make_tracker([planning]), domain)
    assert events == [] and handoffs.open_for(shop, "s1") is None
    assert "結び切り" in dispatcher.messages[0]["text"]


async def test_an_offering_to_send_read_as_distress_is_answered_whatever_comes_next_in_the_ranking(
    shop, dispatcher, domain
):
    ranking = [{"name": n, "confidence": c} for n, c in (("express_distress", 0.99), ("request_catalog", 0.01))]
    offering = user("上司のお母さんが亡くなった。おそなえ の おかし おくりたい", "express_distress",
                    triage={"cues": [], "intensity": 0}, intent_ranking=ranking)
    events = await ActionHandoff().run(dispatcher, make_tracker([offering]), domain)
    assert events == [] and handoffs.open_for(shop, "s1") is None
    assert "黒白" in dispatcher.messages[0]["text"]


async def test_a_wrong_noshi_complained_of_after_the_memorial_gift_is_an_operators_case(shop, dispatcher, domain):
    tracker = make_tracker([
        user("母の三回忌に親戚へ送ったお菓子のことなんですが", "ask_gift"),
        user("のしが紅白になってたって言われて、本当に恥ずかしい思いをしました", "complain", ts=2.0),
    ])
    await ActionHandoff().run(dispatcher, tracker, domain)
    assert handoffs.open_for(shop, "s1").reason == "needs_operator"


async def test_a_phone_callback_is_offered_with_a_button_the_channels_answer(shop, dispatcher, domain):
    from madoguchi.handoff import callback

    tracker = make_tracker([user("電話で話したいのですが", "request_human")])
    await ActionHandoff().run(dispatcher, tracker, domain)
    [offer] = [m for m in dispatcher.messages if m.get("buttons")]
    assert offer["text"] == callback.OFFER and "お電話いたします" in offer["text"]
    [button] = offer["buttons"]
    assert button["title"] == "電話で折り返してほしい"
    assert callback.parse(button["payload"]) == callback.Choice(start=True)
    # before the status that tells the chat page a person has it
    assert dispatcher.messages.index(offer) == len(dispatcher.messages) - 2


async def test_not_knowing_the_number_of_an_order_read_as_distress_begins_the_verification(shop, dispatcher, domain):
    order = user("こんにちは。注文した おかしが まだ こんのですが", "greet")
    lost = user("ばんごう… まごが ぱそこんで たのんで くれたけぇ、わたしには わからんのです", "express_distress",
                ts=2.0, triage={"cues": ["わからん"], "intensity": 1})
    events = await ActionHandoff().run(dispatcher, make_tracker([order, lost]), domain)
    assert handoffs.open_for(shop, "s1") is None and not dispatcher.messages
    assert slot_sets(events)["verification_note"] == "unknown"
    assert events[-1]["name"] == "order_verification_form"
    afraid = user("ばんごうも わからんし、どうしよう、こわい", "express_distress", ts=2.0,
                  triage={"cues": ["わからん", "どうしよう"], "intensity": 1})
    await ActionHandoff().run(dispatcher, make_tracker([order, afraid]), domain)
    assert handoffs.open_for(shop, "s1").reason == "distress"


async def test_a_refusal_with_the_order_question_begins_the_verification_with_why(shop, dispatcher, domain):
    asked = user("頼んどった菓子どうなっとんの。熊野の浜口や、名前言うたらわかるやろ", "complain")
    events = await ActionHandoff().run(dispatcher, make_tracker([asked]), domain)
    assert handoffs.open_for(shop, "s1") is None
    assert slot_sets(events)["verification_note"] == "refused" and slot_sets(events)["verification_refusals"] == 1
    angry = user("頼んだ菓子どうなっとんの、ふざけんな、名前言うたらわかるやろ", "complain")
    await ActionHandoff().run(dispatcher, make_tracker([angry]), domain)
    assert handoffs.open_for(shop, "s1").reason == "complaint"


async def test_a_refusal_whose_only_anger_is_an_irritated_why_begins_the_verification(shop, dispatcher, domain):
    # round zz sadako-amara-17: いちいち is a word of anger for the triage, an irritated why here
    asked = user("にもつの ことば ききたかとですが、えぐちの ぶんは どげん なっとりますか", "nlu_fallback")
    why = user("ばんごうやら でんわやら、なんで いちいち いわんと いかんとですか。なまえで わかるでしょうもん", "complain",
               ts=2.0, triage={"anger": True})
    events = await ActionHandoff().run(dispatcher, make_tracker([asked, why]), domain)
    assert handoffs.open_for(shop, "s1") is None
    assert slot_sets(events)["verification_note"] == "refused"


async def test_a_stranger_s_name_on_a_parcel_that_came_is_no_number_not_known(shop, dispatcher, domain):
    stranger = user("おたくから荷物届いたけど宛名がうちじゃにゃあわ知らん人の名前だがや", "complain")
    await ActionHandoff().run(dispatcher, make_tracker([stranger]), domain)
    assert handoffs.open_for(shop, "s1").reason == "needs_operator"


async def test_a_gift_follow_up_the_classifier_did_not_read_is_answered_and_not_counted(shop, dispatcher, domain):
    first = user("こっちは　きいろと　しろの　みずひきを　つかうけんど　それでも　えいかね", "nlu_fallback")
    second = user("おもてがきは　なんと　かいたらえい？", "nlu_fallback", ts=2.0)
    events = await ActionFallback().run(dispatcher, make_tracker([first, second]), domain)
    assert handoffs.open_for(shop, "s1") is None and events == []
    assert "表書き" in dispatcher.messages[0]["text"]


async def test_an_order_number_not_at_hand_is_told_where_it_is_written_not_handed_over(shop, dispatcher, domain):
    """Round 2026-12-05k michiko-leandro-10, after a misread opener: the number never had, then
    where it is written, both misread; each is told where it stands, a person offered."""
    asked = {"event": "bot", "text": "…", "timestamp": 1.5, "metadata": {"utter_action": "utter_which_reading"}}
    none = user("注文番号ですか… 電話で頼んだけん、そげんとはもらっとらんと思います", "nlu_fallback", ts=2.0)
    events = [user("注文したお菓子のことで聞きたかとですが", "nlu_fallback"), asked, none]
    assert await ActionFallback().run(dispatcher, make_tracker(events), domain) == []
    where = user("それは どこに書いてあるとですか", "out_of_scope", ts=3.0)
    await ActionOutOfScope().run(dispatcher, make_tracker([*events, where]), domain)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_order_id_where"] * 2
    assert handoffs.open_for(shop, "s1") is None


async def test_a_memorial_told_and_sweets_for_it_are_answered_not_handed_over(shop, dispatcher, domain):
    told = user("女房の一周忌が来月あんだ", "nlu_fallback")
    await ActionFallback().run(dispatcher, make_tracker([told]), domain)
    assert "黒白" in dispatcher.messages[0]["text"]
    answer = {"event": "bot", "text": dispatcher.messages[0]["text"], "timestamp": 1.5, "metadata": {}}
    sweets = user("来てくれた人さ菓子持たせて帰してえ。二十人ぐれえだ", "nlu_fallback", ts=2.0)
    events = await ActionFallback().run(dispatcher, make_tracker([told, answer, sweets]), domain)
    assert handoffs.open_for(shop, "s1") is None and events == []


async def test_a_misunderstanding_the_bot_answered_does_not_count_towards_a_handoff(shop, dispatcher, domain):
    asked = {"event": "bot", "text": "…", "timestamp": 1.5, "metadata": {"utter_action": "utter_default"}}
    events = [user("ほにゃ", "nlu_fallback", ts=1.0), asked, user("ふが", "nlu_fallback", ts=2.0)]
    assert slot_sets(await ActionFallback().run(dispatcher, make_tracker(events), domain))["handoff_reason"] == "bot_failure"
    answered = {"event": "bot", "text": "仏事ののしは…", "timestamp": 1.5, "metadata": {}}
    events = [user("みずひきは？", "nlu_fallback", ts=1.0), answered, user("ふが", "nlu_fallback", ts=2.0)]
    assert await ActionFallback().run(dispatcher, make_tracker(events), domain) == []


async def test_a_message_that_only_opens_the_talk_is_asked_what_it_is_about(shop, dispatcher, domain):
    opener = user("お問い合わせ致します．", "complain", triage={"opener": True, "cues": [], "intensity": 0})
    assert await ActionHandoff().run(dispatcher, make_tracker([opener]), domain) == []
    assert said(dispatcher) == ["utter_greet"] and handoffs.open_for(shop, "s1") is None
    angry = user("問い合わせです。ふざけんな", "complain", triage={"opener": True, "anger": True, "cues": []})
    await ActionHandoff().run(dispatcher, make_tracker([angry]), domain)
    assert handoffs.open_for(shop, "s1").reason == "complaint"


async def test_a_consultation_announced_read_as_a_person_asked_for_is_asked_what_it_is_about(shop, dispatcher, domain):
    """Round 2026-12-05m takako-joao-05: こんにちは。少しご相談させてください。 (request_human 0.51)
    went to a person before the customer said what it was about."""
    opener = user("こんにちは。少しご相談させてください。", "request_human", triage={"opener": True, "cues": []})
    assert await ActionHandoff().run(dispatcher, make_tracker([opener]), domain) == []
    assert said(dispatcher) == ["utter_greet"] and handoffs.open_for(shop, "s1") is None
    person = user("人に相談させてください", "request_human", triage={"opener": True, "cues": []})
    await ActionHandoff().run(dispatcher, make_tracker([person]), domain)
    assert handoffs.open_for(shop, "s1").reason == "customer_request"


async def test_an_opening_not_understood_is_asked_what_it_is_about_and_no_misunderstanding(shop, dispatcher, domain):
    asked = {"event": "bot", "text": "…", "timestamp": 1.5, "metadata": {"utter_action": "utter_default"}}
    opener = user("すんまへん、ちょっと聞いとくれやす。", "nlu_fallback", ts=2.0, triage={"opener": True, "cues": []})
    events = [user("ほにゃ", "nlu_fallback", ts=1.0), asked, opener]
    assert await ActionFallback().run(dispatcher, make_tracker(events), domain) == []
    assert said(dispatcher) == ["utter_greet"] and handoffs.open_for(shop, "s1") is None


async def test_excuse_me_alone_not_understood_is_asked_what_it_is_about(shop, dispatcher, domain):
    """すいません, as one calls someone to the counter (round zo, on the final model)."""
    asked = {"event": "bot", "text": "…", "timestamp": 1.5, "metadata": {"utter_action": "utter_default"}}
    events = [user("ほにゃ", "nlu_fallback", ts=1.0), asked, user("すいません", "nlu_fallback", ts=2.0, triage={"cues": []})]
    assert await ActionFallback().run(dispatcher, make_tracker(events), domain) == []
    assert said(dispatcher) == ["utter_greet"] and handoffs.open_for(shop, "s1") is None


async def test_a_catalog_asked_for_twice_and_not_come_goes_to_a_person_with_its_note(shop, dispatcher, domain):
    """Told inside a new request (no late catalog noticed): the second failure all the same, a
    complaint as it is told (the distress that follows while waiting raises it: round 2026-12-02zb
    toyoko-zaw-08); told at a loss, distress at once."""
    tracker = make_tracker([
        user("すみません、 また わたし です。 カタログ の こと です", "request_catalog"),
        user("2かい たのみました。 にかいめ は きのう とどく と いわれました。 でも まだ きません", "complain"),
    ], active_loop="catalog_form", requested_slot="person_name")
    slots = slot_sets(await ActionHandoff().run(dispatcher, tracker, domain))
    assert slots["handoff_reason"] == "complaint" and slots["catalog_note"]
    assert handoffs.open_for(shop, "s1").reason == "complaint"
    at_a_loss = make_tracker([
        user("すみません、 また わたし です。 カタログ の こと です", "request_catalog"),
        user("2かい たのみました。 でも まだ きません。 どうしよう", "express_distress"),
    ], sender_id="s2", active_loop="catalog_form", requested_slot="person_name")
    assert slot_sets(await ActionHandoff().run(dispatcher, at_a_loss, domain))["handoff_reason"] == "distress"


async def test_a_grumble_that_ends_in_a_wait_is_waited_for(shop, dispatcher, domain):
    grumble = user("なんでそんなもんいるんよ…しゃあないな、ちょっと待って", "complain")
    assert await ActionHandoff().run(dispatcher, make_tracker([grumble]), domain) == []
    assert said(dispatcher) == ["utter_take_your_time"] and handoffs.open_for(shop, "s1") is None
    angry = user("ふざけんな、もうええわ。ちょっと待って", "complain")
    slots = slot_sets(await ActionHandoff().run(dispatcher, make_tracker([angry]), domain))
    assert slots["handoff_reason"] == "complaint"


async def test_a_wait_asked_inside_a_form_while_the_detail_is_looked_for_is_waited_for(shop, dispatcher, domain):
    """Round 2026-12-05zzk setsuyo-ilze-20: the phone asked, a wait asked before the end, read as a complaint."""
    looking = user("電話番号…ちょっと待っててくださいね。電話を変えたばっかりで、自分の番号がどこ見たらわかるんか、わからんのやざ",
                   "complain")
    tracker = make_tracker([looking], active_loop="catalog_form", requested_slot="phone")
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_take_your_time"] and handoffs.open_for(shop, "s1") is None
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["catalog_form"]  # the form goes on


async def test_misunderstood_twice_in_anger_is_handed_over_as_a_complaint(shop, dispatcher, domain):
    asked = {"event": "bot", "text": "…", "timestamp": 1.5, "metadata": {"utter_action": "utter_default"}}
    events = [user("お歳暮、12月23日指定でたのんだのに、27日にとどきました", "nlu_fallback", ts=1.0), asked,
              user("受け取れなかったんです。ほんまありえへん", "nlu_fallback", ts=2.0, triage={"anger": True})]
    assert slot_sets(await ActionFallback().run(dispatcher, make_tracker(events), domain))["handoff_reason"] == "complaint"


async def test_a_postal_code_not_known_read_as_distress_gets_the_address_asked(shop, dispatcher, domain):
    """ゆうびんばんごう？ちょっとまってよ　わからんなった (round s umeko-dev-20) went to a person."""
    def asked(text: str, **triage):
        message = user(text, "express_distress", triage={"cues": ["わからん"], **triage})
        return make_tracker([message], active_loop="catalog_form", requested_slot="postal_code")

    events = await ActionHandoff().run(dispatcher, asked("ゆうびんばんごう？ちょっとまってよ　わからんなった"), domain)
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["catalog_form"]
    assert handoffs.open_for(shop, "s1") is None
    events = await ActionHandoff().run(dispatcher, asked("ゆうびんばんごう わからん、もう泣きたい", cues=["わからん", "泣きたい"]), domain)
    assert slot_sets(events)["handoff_reason"] == "distress"


async def test_typing_for_someone_else_said_alone_is_greeted_not_handed_over(shop, dispatcher, domain):
    """本人に代わって入力しています (round c hatsue-daiki-07) was read as a wish for a person at 0.91."""
    for text in ("本人に代わって入力しています", "母の代わりに打っています。"):
        events = await ActionHandoff().run(dispatcher, make_tracker([user(text, "request_human")]), domain)
        assert "handoff_reason" not in slot_sets(events), text
    assert said(dispatcher) == ["utter_greet_on_behalf"] * 2
    events = await ActionHandoff().run(
        dispatcher, make_tracker([user("本人に代わって入力しています。担当の方と話したいです", "request_human")]), domain)
    assert slot_sets(events)["handoff_reason"] == "customer_request"


async def test_at_a_loss_after_a_person_was_offered_takes_up_the_offer(shop, dispatcher, domain):
    """メールも消しちゃったし、、もうわかんないです (round q mitsuko-rin-17), after the bot offered a
    person to find the order: the offer taken up (customer_request), not distress."""
    def lost(confidence: float, **triage):
        message = user("メールも消しちゃったし、、もうわかんないです", "express_distress",
                       triage={"cues": [], **triage},
                       intent_ranking=[{"name": "express_distress", "confidence": confidence}])
        return make_tracker([message], slots={"person_offered": "customer_request"}, sender_id=f"s{confidence}")

    events = await ActionHandoff().run(dispatcher, lost(0.65), domain)
    assert slot_sets(events)["handoff_reason"] == "customer_request"
    events = await ActionHandoff().run(dispatcher, lost(0.85), domain)  # not doubted: distress stays
    assert slot_sets(events)["handoff_reason"] == "distress"
    events = await ActionHandoff().run(dispatcher, lost(0.65, grief=True), domain)
    assert slot_sets(events)["handoff_reason"] == "distress"
    events = await ActionHandoff().run(dispatcher, lost(0.65, cues=["泣きたい"]), domain)
    assert slot_sets(events)["handoff_reason"] == "distress"


async def test_an_opening_with_its_topic_and_no_request_is_asked_what_it_is_about(shop, dispatcher, domain):
    """お忙しいところ恐れ入ります。先日お願いしたお歳暮のことで、ご相談がございまして。 (round zt):
    told it was not understood, then handed over when the request came in other words."""
    text = "お忙しいところ恐れ入ります。先日お願いしたお歳暮のことで、ご相談がございまして。"
    opener = user(text, "nlu_fallback", ts=2.0, triage={"opener": True, "cues": []})
    assert await ActionFallback().run(dispatcher, make_tracker([opener]), domain) == []
    assert said(dispatcher) == ["utter_greet"]


async def test_a_goodbye_not_understood_is_said_goodbye_to_not_handed_over(shop, dispatcher, domain):
    """Round i hiroko-wei-06: a calm goodbye after one misunderstanding went to a person."""
    asked = {"event": "bot", "text": "…", "timestamp": 1.5, "metadata": {"utter_action": "utter_default"}}
    bye = user("はいわかりましたまた注文するときよろしくね", "nlu_fallback", ts=2.0, triage={"cues": []})
    events = [user("三十軒くらいあるだけどみんな同じのでいいだかね", "nlu_fallback", ts=1.0), asked, bye]
    assert await ActionFallback().run(dispatcher, make_tracker(events), domain) == []
    assert said(dispatcher) == ["utter_goodbye"] and handoffs.open_for(shop, "s1") is None
    lost = user("よくわかりませんでした", "nlu_fallback", ts=2.0, triage={"cues": []})
    result = await ActionFallback().run(dispatcher, make_tracker([events[0], asked, lost]), domain)
    assert slot_sets(result)["handoff_reason"] == "bot_failure"  # not understood twice, no goodbye


async def test_thanks_in_a_language_not_read_after_an_understood_is_a_goodbye(shop, dispatcher, domain):
    """Round 2026-12-05x shigeko-aung-13: わかった。 kyay zu tin ba de 🙏 had ended in bot_failure."""
    asked = {"event": "bot", "text": "…", "timestamp": 1.5, "metadata": {"utter_action": "utter_default"}}
    thanks = user("わかった。 kyay zu tin ba de 🙏", "nlu_fallback", ts=2.0, triage={"cues": []})
    events = [user("ぼく の なまえ カタカナ で いい？", "nlu_fallback", ts=1.0), asked, thanks]
    assert await ActionFallback().run(dispatcher, make_tracker(events), domain) == []
    assert said(dispatcher) == ["utter_goodbye"] and handoffs.open_for(shop, "s1") is None


async def test_thanks_in_words_not_read_right_after_an_answer_end_the_talk_not_call_a_person(shop, dispatcher, domain):
    """Round 2026-12-07c: mercé plan after the answer on the のし, then a lèu, went to a person
    as two misunderstandings. Once only: words not read after that goodbye are asked again."""
    answered = {"event": "bot", "text": "仏事には黒白か双銀の結び切りの水引をおすすめしています。", "timestamp": 1.5,
                "metadata": {"utter_action": "utter_noshi_memorial"}}
    thanks = user("mercé plan!! 🙏", "nlu_fallback", ts=2.0, triage={"cues": []})
    events = [user("のしは何を書けばいいですか", "ask_gift", ts=1.0), answered, thanks]
    assert await ActionFallback().run(dispatcher, make_tracker(events), domain) == []
    assert said(dispatcher) == ["utter_goodbye"] and handoffs.open_for(shop, "s1") is None
    asked = {"event": "bot", "text": "お届け先の郵便番号を教えてください。", "timestamp": 1.5}
    dispatcher.messages.clear()
    await ActionFallback().run(dispatcher, make_tracker([events[0], asked, thanks]), domain)
    assert said(dispatcher) == ["utter_default"]  # a question was asked: the words may answer it


async def test_thanks_that_end_a_message_not_understood_are_thanks_not_a_handover(shop, dispatcher, domain):
    """Round zy miwako-anand-05: ほうかね、ほいじゃ志で頼むわ。ありがとね, after one misunderstanding,
    went to a person as a bot failure."""
    asked = {"event": "bot", "text": "…", "timestamp": 1.5, "metadata": {"utter_action": "utter_default"}}
    thanks = user("ほうかね、ほいじゃ志で頼むわ。ありがとね", "nlu_fallback", ts=2.0, triage={"cues": []})
    events = [user("それでもいいかね", "nlu_fallback", ts=1.0), asked, thanks]
    assert await ActionFallback().run(dispatcher, make_tracker(events), domain) == []
    assert said(dispatcher) == ["utter_thank"] and handoffs.open_for(shop, "s1") is None


# --- beyond the shop ---------------------------------------------------------------------


@pytest.mark.parametrize("follow_up", ["色は？ 書く言葉は？", "表に なんて書く"])
async def test_a_gift_follow_up_read_as_beyond_the_shop_is_answered(follow_up, dispatcher, domain):
    asked = [user("お供え のお菓子 送りたい。のし 何にする？", "ask_gift"), user(follow_up, "out_of_scope", ts=2.0)]
    await ActionOutOfScope().run(dispatcher, make_tracker(asked), domain)
    assert "黒白" in dispatcher.messages[0]["text"] and "御供" in dispatcher.messages[0]["text"]


async def test_a_question_how_to_pay_offers_a_person(dispatcher, domain):
    """Round 2026-12-05u tamiko-kamal-13: 海外送金 ok? had been told "only questions about the shop"."""
    asked = "Pakistan ke bank account se bank transfer kar sakta hoon? 海外送金 ok?"
    tracker = make_tracker([user(asked, "out_of_scope")])
    events = await ActionOutOfScope().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_payment_person"]
    assert slot_sets(events)["person_offered"] == "customer_request"


async def test_what_is_beyond_the_shop_is_said_so(dispatcher, domain):
    tracker = make_tracker([user("明日の天気はどうですか", "out_of_scope")])
    await ActionOutOfScope().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["response"] == "utter_out_of_scope"


async def test_words_not_followed_are_offered_a_person_who_explains_not_a_complaint(shop, dispatcher, domain):
    text = "のし の こと きいて も、むずかしい ことば ばっかり で わからへん"  # round zzh thao-sachiyo-13
    tracker = make_tracker([user(text, "complain", triage={"cues": []})])
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_offer_person_plainly"]
    assert slot_sets(events)["person_offered"] == "customer_request"
    assert not any(e["event"] == "pause" for e in events) and handoffs.open_for(shop, "s1") is None


async def test_words_not_followed_with_a_person_asked_for_are_a_wish_for_a_person(shop, dispatcher, domain):
    tracker = make_tracker([user("説明の言葉がむずかしくてわからないので、人と話したいです", "complain",
                                 triage={"cues": [], "person": True})])
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "customer_request"


async def test_words_not_followed_with_a_reproach_stay_a_complaint(shop, dispatcher, domain):
    tracker = make_tracker([user("説明 ガ サッパリ 分カラヌ。不親切 ダ。", "complain", triage={"cues": [], "reproach": True})])
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "complaint"


async def test_words_not_followed_read_as_not_understood_are_no_misunderstanding(shop, dispatcher, domain):
    tracker = make_tracker([user("言ってることがよくわからないんですけど", "nlu_fallback", triage={"cues": ["わからな"]})])
    events = await ActionFallback().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_offer_person_plainly"]
    assert slot_sets(events)["person_offered"] == "customer_request"


async def test_an_apology_for_being_new_to_this_is_asked_what_it_came_for_not_handed_off(shop, dispatcher, domain):
    """Round 2026-12-03zk noriko-samuel-13 in the replay: handed off as distress before she said what she wanted."""
    tracker = make_tracker([user("こういうのよくわからんくて…年寄りだすけ、ごめんなさいねー💦", "express_distress",
                                 triage={"cues": ["わからん"], "intensity": 1})])
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert "ゆっくりで大丈夫" in dispatcher.messages[0]["text"]
    assert not any(e["event"] == "pause" for e in events) and handoffs.open_for(shop, "s1") is None


@pytest.mark.parametrize("text, cues", [
    ("年寄りなもんで、荷物がまだ届かんのがどうしたらいいかわからんで", ["わからん", "どうしたら"]),  # a problem named
    ("年寄りで一人暮らし、こんなことになってどうしたらいいか", ["どうしたらいいか"]),
])
async def test_being_old_with_a_problem_or_at_a_loss_still_goes_to_a_person(shop, dispatcher, domain, text, cues):
    tracker = make_tracker([user(text, "express_distress", triage={"cues": cues})])
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "distress"


async def test_a_memorial_whose_sweets_have_not_come_is_no_gift_question(shop, dispatcher, domain):
    """Round 2026-12-05n akio-fernanda-09: the order's trouble, not the のし, is what it is about."""
    ranking = [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "ask_delivery_status", "confidence": 0.34}]
    late = user("あした かかあの 三回忌なんだ。しんせきに くばる まんじゅうを たのんだのに まだ こねえ", "nlu_fallback",
                intent_ranking=ranking, triage={"cues": []})
    await ActionFallback().run(dispatcher, make_tracker([late]), domain)
    assert "黒白" not in (dispatcher.messages[0].get("text") or "")
    dispatcher.messages.clear()
    asked = user("三回忌に くばる まんじゅうを たのみたいんだが", "nlu_fallback", intent_ranking=ranking, triage={"cues": []})
    await ActionFallback().run(dispatcher, make_tracker([asked]), domain)
    assert "黒白" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize("follow_up", [
    "ほうけ。こっちでは　きいろと　しろの　ほうが　おおいがいね。それでも　ええがけ",  # round 2026-12-05zzd misuzu-agnieszka-05
    "うえには　なんて　かいてもらったら　ええけ",
    "And something that can last like 2 weeks, because relatives will come and go",  # hidetoshi-adebayo-14
])
async def test_a_detail_of_the_memorial_gift_not_understood_is_answered_not_handed_over(
    shop, dispatcher, domain, follow_up
):
    told = user("らいげつ　おとうさんの　さんかいき　するげん。おかしに　のし　つけたい", "ask_gift")
    answer = {"event": "bot", "text": "仏事ののしは…", "timestamp": 1.5, "metadata": {}}
    asked = user(follow_up, "nlu_fallback", ts=2.0)
    events = await ActionFallback().run(dispatcher, make_tracker([told, answer, asked]), domain)
    assert events == [] and handoffs.open_for(shop, "s1") is None and "黒白" in dispatcher.messages[0]["text"]


async def test_why_the_phone_asked_in_the_catalog_form_is_told_once(shop, dispatcher, domain):
    """Round 2026-12-05zzd ginji-tanvir-18: 電話番号？なんでそんなもんがいるんだい, handed off as a complaint."""
    why = user("電話番号？なんでそんなもんがいるんだい", "complain", triage={"cues": [], "intensity": 0})
    tracker = make_tracker([why], active_loop="catalog_form", requested_slot="phone")
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_catalog_phone_why"] and handoffs.open_for(shop, "s1") is None
    assert events == [{"event": "followup", "timestamp": None, "name": "catalog_form"}]
    told = {"event": "bot", "text": "…", "timestamp": 1.5, "metadata": {"utter_action": "utter_catalog_phone_why"}}
    again = user("なんでそんなもんがいるんだい", "complain", ts=2.0, triage={"cues": [], "intensity": 0})
    events = await ActionHandoff().run(dispatcher, make_tracker([why, told, again], active_loop="catalog_form",
                                                                requested_slot="phone"), domain)
    assert slot_sets(events)["handoff_reason"]  # told once: the second why goes to a person
    angry = user("なんで電話番号がいるんだ、ふざけんな", "complain", triage={"cues": [], "intensity": 0})
    tracker = make_tracker([angry], active_loop="catalog_form", requested_slot="phone")
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "complaint"


async def test_a_phone_refused_in_the_catalog_form_after_a_memorial_told_is_no_memorial_question(
    shop, dispatcher, domain
):
    """The replay of the final model, round 2026-12-05j gabriela-mamoru-02: the refusal got the memorial answer."""
    told = user("パパ の しじゅうくにち が らいしゅう で、 くばる おかし を えらびたい", "request_catalog")
    refused = user("でんわ は ごめんなさい、 チャット に かきたくない です", "request_human", ts=2.0,
                   triage={"cues": [], "intensity": 0}, intent_ranking=[{"name": "request_human", "confidence": 0.58}])
    tracker = make_tracker([told, refused], active_loop="catalog_form", requested_slot="phone")
    await ActionHandoff().run(dispatcher, tracker, domain)
    assert not any("黒白" in (m.get("text") or "") for m in dispatcher.messages)


async def test_a_detail_refused_with_a_why_after_a_person_was_offered_takes_up_the_offer(shop, dispatcher, domain):
    """The replay of the final model, round 2026-12-02x hatsuko-nimal-17: handed off as a complaint."""
    why = user("電話番号も言いたくないです。なんで必要ですか", "complain", triage={"cues": [], "intensity": 0},
               intent_ranking=[{"name": "complain", "confidence": 0.49}])
    tracker = make_tracker([why], slots={"person_offered": "customer_request"})
    assert slot_sets(await ActionHandoff().run(dispatcher, tracker, domain))["handoff_reason"] == "customer_request"
    angry = user("なんで必要なんだ、ふざけんな", "complain", triage={"cues": [], "intensity": 0},
                 intent_ranking=[{"name": "complain", "confidence": 0.49}])
    tracker = make_tracker([angry], slots={"person_offered": "customer_request"})
    assert slot_sets(await ActionHandoff().run(dispatcher, tracker, domain))["handoff_reason"] == "complaint"


async def test_a_detail_refused_outright_after_a_person_was_offered_takes_up_the_offer(shop, dispatcher, domain):
    """The replay, round 2026-12-01o kanae-sho-11: 電話番号も言いたないわ… read surely as a complaint."""
    refused = user("電話番号も言いたないわ。名前ヤマモト ショウで調べといてや", "complain", triage={"cues": [], "intensity": 0},
                   intent_ranking=[{"name": "complain", "confidence": 0.91}])
    tracker = make_tracker([refused], slots={"person_offered": "customer_request"})
    assert slot_sets(await ActionHandoff().run(dispatcher, tracker, domain))["handoff_reason"] == "customer_request"
    tracker = make_tracker([refused])  # no person offered: the complaint stands
    assert slot_sets(await ActionHandoff().run(dispatcher, tracker, domain))["handoff_reason"] == "complaint"


async def test_a_person_asked_for_after_one_was_offered_read_unsurely_as_a_complaint_takes_up_the_offer(
    shop, dispatcher, domain
):
    """Round 2026-12-05zzm masae-yael-08: 同じこと何回も聞かんで。ほんなら人に代わって (complain 0.62)."""
    asked = user("同じこと何回も聞かんで。ほんなら人に代わって", "complain", triage={"cues": [], "intensity": 0},
                 intent_ranking=[{"name": "complain", "confidence": 0.62}])
    tracker = make_tracker([asked], slots={"person_offered": "customer_request"})
    assert slot_sets(await ActionHandoff().run(dispatcher, tracker, domain))["handoff_reason"] == "customer_request"


async def test_the_custom_of_a_memorial_not_known_is_answered_and_a_death_at_a_loss_is_still_distress(
    shop, dispatcher, domain
):
    """The replay of the final model, round 2026-12-04zw mariko-jocelyn-06: handed off as distress."""
    ranking = [{"name": "express_distress", "confidence": 0.47}, {"name": "complain", "confidence": 0.26},
               {"name": "greet", "confidence": 0.04}]
    custom = user("すみません、わたし がいこくじん で、にほん の ぶっじ よく わかりません", "express_distress",
                  triage={"cues": ["わかりませ"], "intensity": 0}, intent_ranking=ranking)
    events = await ActionHandoff().run(dispatcher, make_tracker([custom]), domain)
    assert events == [] and "黒白" in dispatcher.messages[0]["text"]
    lost = user("母が亡くなって、もう何もわかりません", "express_distress",
                triage={"cues": ["わかりませ"], "intensity": 0, "grief": True}, intent_ranking=ranking)
    events = await ActionHandoff().run(dispatcher, make_tracker([lost]), domain)
    assert slot_sets(events)["handoff_reason"] == "distress"


async def test_leaving_the_catalog_form_read_as_distress_lets_the_request_go(shop, dispatcher, domain):
    """Round 2026-12-05zzg shigeharu-mirlande-20: 「oh no it's already 7pm, my shift starts 😵
    padon, I stop here. またにします」 went to a person as distress."""
    text = "oh no it's already 7pm, my shift starts 😵 padon, I stop here. またにします, orevwa"
    tracker = make_tracker([user(text, "express_distress", triage={"cues": ["どうしよう"]})],
                           active_loop="catalog_form", requested_slot="address")
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["action_listen"]
    assert said(dispatcher) == ["utter_catalog_stopped"] and handoffs.open_for(shop, "s1") is None
    grief = make_tracker([user("父が亡くなって…またにします", "express_distress", triage={"grief": True})],
                         active_loop="catalog_form", requested_slot="address")
    await ActionHandoff().run(dispatcher, grief, domain)
    assert handoffs.open_for(shop, "s1").reason == "distress"


async def test_how_to_do_the_noshi_asked_with_words_of_not_knowing_how_is_answered(shop, dispatcher, domain):
    """Round 2026-12-05zzh kenzaburo-ivana-19: のしは どうすりゃ いいんだい (not understood, a cue of
    asking how) after a memorial was told got 'rephrase'."""
    events = [user("かあちゃんの ３かいきで　しんせきに くばる かしが ほしいんだ", "ask_gift", ts=1.0),
              {"event": "bot", "text": "仏事ののしは、黒白または黄白の結び切り。…", "timestamp": 1.5, "metadata": {}},
              user("のしは どうすりゃ いいんだい　おれは やったことねえんさぁ", "nlu_fallback", ts=2.0,
                   triage={"cues": ["どうすりゃ"], "intensity": 0})]
    await ActionFallback().run(dispatcher, make_tracker(events), domain)
    assert "黒白" in dispatcher.messages[0]["text"] and handoffs.open_for(shop, "s1") is None


async def test_the_custom_of_a_memorial_gift_not_known_is_answered_not_handed_off(shop, dispatcher, domain):
    """Round 2026-12-05zzd ginji-tanvir-06, lost in the replay of the final model: お供え with
    "I don't know Japanese custom" not understood after a death told went to a person as distress."""
    events = [user("salam ji. sad news, my restaurant landlord's mother passed away", "nlu_fallback", ts=1.0),
              {"event": "bot", "text": "…", "timestamp": 1.5, "metadata": {"utter_action": "utter_default"}},
              user("I want send sweets to the family, お供え. but I don't know Japanese custom, not want mistake",
                   "nlu_fallback", ts=2.0, triage={"cues": ["わかりませ"], "intensity": 0})]
    await ActionFallback().run(dispatcher, make_tracker(events), domain)
    assert "黒白" in dispatcher.messages[0]["text"] and handoffs.open_for(shop, "s1") is None


async def test_a_catalog_promised_by_takkyubin_told_in_words_not_understood_goes_to_a_person(shop, dispatcher, domain):
    """Round 2026-12-05zza soma-aino-14, lost in the replay: the second failure, not understood twice,
    went to a person as the bot's failure; it is a second failure, for a person at once."""
    told = user("Hei, anteeksi for writing again. Last week you told me the catalog would come by takkyubin in two days.",
                "nlu_fallback")
    slots = slot_sets(await ActionFallback().run(dispatcher, make_tracker([told]), domain))
    assert slots["handoff_reason"] == "distress" and handoffs.open_for(shop, "s1").reason == "distress"


async def test_a_grievance_of_the_past_told_calmly_first_asks_what_is_wanted_now(shop, dispatcher, domain):
    """Rounds 2026-12-05zzm kunie-dragan-07 and zzn fumio-zuzana-13: a delay or calls of before told
    as the reason for a wish that comes next (free shipping, a person). Told again, still going
    on, or in anger, it is a complaint."""
    before = user("前に頼んだとき、そっちの手違いで三日も遅れたやろ", "complain")
    assert await ActionHandoff().run(dispatcher, make_tracker([before]), domain) == []
    assert "今回はどのようなご用件" in dispatcher.messages[0]["text"] and handoffs.open_for(shop, "s1") is None
    again = [user("last time my parcel was 4 days late", "complain", ts=1.0), user("it was for a birthday", "complain")]
    events = await ActionHandoff().run(dispatcher, make_tracker(again), domain)
    assert slot_sets(events)["handoff_reason"] == "complaint"


@pytest.mark.parametrize("text, triage", [
    ("前に頼んだお菓子がまだ届かないんですけど", {}), ("先月も遅れたし今回も遅れてる", {}),
    ("前にも電話したのに、いい加減にしてくれ", {"anger": True}),
    ("去年も似たようなことがありましたやんか。二度目ですで。どないなってますのや、お宅の管理は。", {}),  # round 05zzr
])
async def test_a_grievance_of_the_past_still_going_on_or_angry_is_a_complaint(shop, dispatcher, domain, text, triage):
    events = await ActionHandoff().run(dispatcher, make_tracker([user(text, "complain", triage=triage)]), domain)
    assert slot_sets(events)["handoff_reason"] == "complaint"


async def test_a_question_answered_beside_is_asked_again_with_a_person_offered(shop, dispatcher, domain):
    """Round 2026-12-05z hatsuo-yasmin-17 (replay): the bot answered about のし; the customer says
    so, read unsurely as a complaint. Asked again, a person offered; in anger, a complaint."""
    beside = user("la2, I didn't ask about のし!! I asked what's inside the sweets 😩", "complain")
    events = await ActionHandoff().run(dispatcher, make_tracker([beside]), domain)
    assert slot_sets(events) == {"person_offered": "customer_request"} and handoffs.open_for(shop, "s1") is None
    assert "取り違え" in dispatcher.messages[0]["text"]
    angry = user("そんなこと聞いてない、ふざけるな", "complain", triage={"anger": True})
    events = await ActionHandoff().run(dispatcher, make_tracker([angry], sender_id="s2"), domain)
    assert slot_sets(events)["handoff_reason"] == "complaint"


async def test_a_date_not_understood_after_an_order_status_changes_that_order(shop, dispatcher, domain):
    """Round 2026-12-05zzr michihiko-mbuyi-18: 十三日やのうて十二月十一日に着くように…, not understood, after
    the status of the order proven: the change of that order, not the memorial answer its 法要 names."""
    dates = [{"entity": "date", "value": "十三日"}, {"entity": "date", "value": "十二月十一日"}]
    asked = user("法要の支度の都合で、十三日やのうて十二月十一日に着くようにしていただけますやろか。", "nlu_fallback", dates)
    tracker = make_tracker([asked], slots={"verified_order_id": "A2345678", "order_id": "A2345678"})
    events = await ActionFallback().run(dispatcher, tracker, domain)
    assert events[-1]["name"] == "action_order_result" and not said(dispatcher)
    # tomorrow asked about is no date asked for (round 2026-12-05y kunihiko-aibek-15 in the replay)
    tomorrow = [{"entity": "date", "value": "tomorrow"}]
    when = user("so it come tomorrow? they are home only evening", "nlu_fallback", tomorrow)
    tracker = make_tracker([when], slots={"verified_order_id": "A2345678", "order_id": "A2345678"})
    events = await ActionFallback().run(dispatcher, tracker, domain)
    assert not any(e.get("name") == "action_order_result" for e in events)
    asked = user("12月11日に着くようにしていただけますか？", "nlu_fallback", [{"entity": "date", "value": "12月11日"}])
    tracker = make_tracker([asked], slots={"verified_order_id": "A2345678", "order_id": "A2345678"})
    assert (await ActionFallback().run(dispatcher, tracker, domain))[-1]["name"] == "action_order_result"
    when = user("when will it come, 12月11日?", "nlu_fallback", [{"entity": "date", "value": "12月11日"}])
    tracker = make_tracker([when], slots={"verified_order_id": "A2345678", "order_id": "A2345678"})
    events = await ActionFallback().run(dispatcher, tracker, domain)
    assert not any(e.get("name") == "action_order_result" for e in events)


async def test_a_new_date_asked_as_a_favour_in_the_change_form_is_the_answer_not_an_exception(shop, dispatcher, domain):
    """Round 2026-12-07a narumi-aishath-02: 水曜にしてもらえん？休みだもんで (request_exception 0.85)
    was handed off as out of policy while the bot asked for the new date."""
    def asked(text: str):
        message = user(text, "request_exception", [{"entity": "date", "value": text[:3]}])
        return make_tracker([message], slots={"change_kind": "date"}, active_loop="order_change_form",
                            requested_slot="change_detail")

    tracker = asked("12月16日にしてもらえん？休みだもんで")
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert slot_sets(events) == {"change_detail": "2026-12-16"} and events[-1]["name"] == "order_change_form"
    events = await ActionHandoff().run(CollectingDispatcher(), asked("水曜にしてもらえん？休みだもんで"), domain)
    assert "handoff_reason" not in slot_sets(events) and events[-1]["name"] == "order_change_form"  # asked again
    events = await ActionHandoff().run(CollectingDispatcher(), asked("12月16日に送料無料で届けてもらえん？"), domain)
    assert slot_sets(events)["handoff_reason"] == "out_of_policy"  # an exception asked with the date


async def test_goods_told_in_a_message_not_understood_go_to_a_person_at_once(shop, dispatcher, domain):
    """Round 2026-12-07c yasaburo-nurul-16: "this not my order. wrong one" (nlu_fallback: the reading
    had made it 自分の注文ではありません) was asked to be rephrased, and the order number then asked."""
    result = await ActionFallback().run(dispatcher, make_tracker([user("this not my order. wrong one", "nlu_fallback")]), domain)
    assert slot_sets(result)["handoff_reason"] == "needs_operator"
    calm = await ActionFallback().run(CollectingDispatcher(), make_tracker([user("ふじこlp", "nlu_fallback")]), domain)
    assert "handoff_reason" not in slot_sets(calm)


async def test_a_whole_name_alone_read_as_distress_is_asked_what_it_is_for(shop, dispatcher, domain):
    """Round 2026-12-07d kumajiro-ewan-04: Ewan Fraser, written after "anything else?", was read as
    distress (0.66) and went to a person; the name is asked what it is for, as any detail alone."""
    name = [{"entity": "person_name", "value": "Ewan Fraser", "start": 0, "end": 11}]
    alone = user("Ewan Fraser", "express_distress", name, triage={"cues": [], "anger": False})
    events = await ActionHandoff().run(dispatcher, make_tracker([alone]), domain)
    assert events == [FollowupAction("action_detail_out_of_context")] and handoffs.open_for(shop, "s1") is None
    crying = user("Ewan Fraser. I cannae cope", "express_distress", name, triage={"cues": ["cannot cope"]})
    await ActionHandoff().run(dispatcher, make_tracker([crying]), domain)
    assert handoffs.open_for(shop, "s1").reason == "distress"


async def test_goods_the_learned_detector_read_go_to_a_person_as_goods(shop, dispatcher, domain):
    """Round 2026-12-07g hisae-dev-10: "we count 2 times, only 39. one box missing" held no cue of
    the rules file then; what the NLU's detector reads as goods goes to a person as goods."""
    text = "opened it and two of the three cakes just not there"  # no cue of the rules file
    await ActionHandoff().run(dispatcher, make_tracker([user(text, "complain", triage={"goods_learned": True})]), domain)
    assert handoffs.open_for(shop, "s1").reason == "needs_operator"
    await ActionHandoff().run(dispatcher, make_tracker([user(text, "complain", triage={})], sender_id="s2"), domain)
    assert handoffs.open_for(shop, "s2").reason == "complaint"
