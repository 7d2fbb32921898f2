"""Order verification without a loop: not known, refused, stopped, corrected, asked anew."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.orders import ActionOrderResult
from actions.verification import (
    ActionAskOrderId,
    ActionAskVerificationPhone,
    ActionReplyToOffer,
    ActionVerificationTurn,
    ValidateOrderVerificationForm,
)
from madoguchi.store import handoffs
from tests.actions.conftest import make_tracker, said, slot_sets, user

FORM = "order_verification_form"


async def answer(dispatcher, domain, text, intent="inform", slots=None, requested="order_id", candidates=None):
    """The form's validation of a reply to the requested question."""
    tracker = make_tracker(
        [user(text, intent)], slots=slots, active_loop=FORM, requested_slot=requested,
        candidates=candidates if candidates is not None else {requested: text},
    )
    return slot_sets(await ValidateOrderVerificationForm().run(dispatcher, tracker, domain))


async def ask(dispatcher, domain, action, slots):
    tracker = make_tracker([user("…", "inform")], slots=slots, active_loop=FORM)
    return slot_sets(await action.run(dispatcher, tracker, domain))


async def test_not_knowing_the_number_is_told_where_it_is_written_once(shop, dispatcher, domain):
    slots = await answer(dispatcher, domain, "注文番号がわかりません", slots={"order_id_asks": 1.0})
    assert slots["verification_note"] == "unknown" and slots["verification_unknown"] == 1
    assert slots.get("requested_slot", "order_id") == "order_id"  # the form goes on, in other words
    asked = await ask(dispatcher, domain, ActionAskOrderId(), {**slots, "order_id_asks": 1.0})
    assert said(dispatcher) == ["utter_order_id_where"]
    assert asked["person_offered"] == "customer_request"


async def test_an_offer_made_with_the_number_question_ends_when_the_phone_is_asked(shop, dispatcher, domain):
    asked = await ask(dispatcher, domain, ActionAskVerificationPhone(),
                      {"person_offered": "customer_request", "order_id": "A3456789"})
    assert asked["person_offered"] is None


async def test_not_knowing_it_twice_offers_a_person_instead_of_asking_again(shop, dispatcher, domain):
    slots = await answer(
        dispatcher, domain, "やっぱりわからないです", slots={"order_id_asks": 2.0, "verification_unknown": 1.0}
    )
    assert slots["requested_slot"] is None  # no third question
    tracker = make_tracker([user("やっぱりわからないです", "inform")], slots={"verification_unknown": 2.0})
    events = await ActionOrderResult().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_offer_order_person"]
    assert slot_sets(events)["person_offered"] == "customer_request"
    assert not any(e.get("event") == "pause" for e in events)


async def test_a_person_asked_for_when_the_number_is_not_found_is_called_not_offered(shop, dispatcher, domain):
    """Round 2026-12-07f chiharu-naw-16: "can staff person help me? please person" was offered a
    person, and the customer, who had asked for one, was left waiting for nothing."""
    text = "sorry I cannot find. can staff person help me? please person"
    tracker = make_tracker([user(text, "request_human")], slots={"verification_unknown": 2.0})
    events = await ActionOrderResult().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "customer_request"


async def test_a_refusal_is_told_why_once_then_a_person_is_offered(shop, dispatcher, domain):
    tracker = make_tracker([user("電話番号は教えたくない", "request_human")], active_loop=FORM, requested_slot="phone")
    events = await ActionVerificationTurn().run(dispatcher, tracker, domain)
    assert slot_sets(events) == {"verification_note": "refused", "verification_refusals": 1.0}
    assert handoffs.open_for(shop, "s1") is None
    await ask(dispatcher, domain, ActionAskVerificationPhone(), slot_sets(events))
    assert said(dispatcher) == ["utter_verification_why"]
    again = await answer(dispatcher, domain, "だから教えないって", requested="phone",
                         slots={"verification_refusals": 1.0, "order_id": "A1234567"})
    assert again["requested_slot"] is None  # the reason is not told a second time


async def test_a_reason_for_the_change_read_unsurely_as_a_complaint_is_no_handoff(shop, dispatcher, domain):
    """Round 2026-12-05zzw kiyotsugu-joselito-18: why the order is cancelled, complain at 0.56."""
    text = "息子も 同じのを 頼んどったで。。。こっちのは いらんだに。。。"
    message = user(text, "complain", triage={"intensity": 2})
    message["parse_data"]["intent"]["confidence"] = 0.56
    tracker = make_tracker([message], active_loop=FORM, requested_slot="order_id")
    events = await ActionVerificationTurn().run(dispatcher, tracker, domain)
    assert events == [] and handoffs.open_for(shop, "s1") is None  # the number asked again
    goods = user("client says nothing arrived. but another company in the same building got it", "complain")
    goods["parse_data"]["intent"]["confidence"] = 0.54  # round 2026-12-05zzu hisamitsu-rivo-14: goods, handed over
    await ActionVerificationTurn().run(dispatcher, make_tracker([goods], active_loop=FORM, sender_id="s2"), domain)
    assert handoffs.open_for(shop, "s2").reason == "needs_operator"
    message["parse_data"]["triage"]["anger"] = True  # a word of anger: a complaint
    events = await ActionVerificationTurn().run(dispatcher, make_tracker([message], active_loop=FORM), domain)
    assert handoffs.open_for(shop, "s1") is not None


async def test_a_person_named_in_the_message_is_a_handoff(shop, dispatcher, domain):
    tracker = make_tracker([user("担当者と話したいです", "request_human")], active_loop=FORM, requested_slot="order_id",
                           slots={"person_offered": "customer_request", "verification_unknown": 1.0})
    events = await ActionVerificationTurn().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "customer_request"
    assert "注文番号不明" in handoffs.open_for(shop, "s1").summary


async def test_not_knowing_read_as_distress_is_answered(shop, dispatcher, domain):
    tracker = make_tracker(
        [user("注文番号がわかりません", "express_distress", triage={"cues": ["わかりませ"], "intensity": 0})],
        active_loop=FORM, requested_slot="order_id",
    )
    events = await ActionVerificationTurn().run(dispatcher, tracker, domain)
    assert slot_sets(events)["verification_unknown"] == 1
    assert handoffs.open_for(shop, "s1") is None


async def test_real_distress_in_the_form_goes_to_a_person(shop, dispatcher, domain):
    tracker = make_tracker(
        [user("どうしよう、番号もわからないし法事に間に合わない", "express_distress",
              triage={"cues": ["どうしよう", "間に合わな", "わからな"], "intensity": 0})],
        active_loop=FORM, requested_slot="order_id",
    )
    events = await ActionVerificationTurn().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "distress"


async def test_stop_or_thanks_ends_the_form_politely(shop, dispatcher, domain):
    for text, intent in (("やめます", "deny"), ("またにします", "goodbye"), ("ありがとう", "thank")):
        tracker = make_tracker([user(text, intent)], active_loop=FORM, requested_slot="order_id")
        events = await ActionVerificationTurn().run(dispatcher, tracker, domain)
        assert slot_sets(events) == {"verification_stopped": True}, text
    slots = await answer(dispatcher, domain, "もういいです", intent="inform")
    assert slots["requested_slot"] is None
    tracker = make_tracker([user("やめます", "deny")], slots={"verification_stopped": True, "order_task": "status"})
    events = await ActionOrderResult().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_order_stopped"]
    assert slot_sets(events)["order_task"] is None


async def test_a_corrected_order_number_is_taken_without_starting_over(shop, dispatcher, domain):
    slots = await answer(dispatcher, domain, "間違えました、A2345678です", requested="phone",
                         slots={"order_id": "A1234567"}, candidates={"order_id": "A2345678", "phone": "間違えました、A2345678です"})
    assert slots["order_id"] == "A2345678" and slots["phone"] is None
    assert slots.get("requested_slot", "phone") == "phone"
    assert said(dispatcher) == ["utter_order_id_corrected"]


async def test_each_question_comes_in_new_words(shop, dispatcher, domain):
    for asks in (0.0, 1.0, 2.0):
        await ask(dispatcher, domain, ActionAskVerificationPhone(), {"phone_asks": asks})
    assert said(dispatcher) == ["utter_ask_order_verification_form_phone", "utter_phone_why", "utter_phone_or_person"]


async def test_a_bad_shape_is_explained_once(shop, dispatcher, domain):
    slots = await answer(dispatcher, domain, "12345", slots={"order_id_asks": 1.0})
    assert slots["order_id"] is None and slots["verification_note"] == "invalid"
    await ask(dispatcher, domain, ActionAskOrderId(), {"order_id_asks": 1.0, "verification_note": "invalid"})
    assert said(dispatcher) == ["utter_order_id_invalid"]


async def test_a_fourth_question_is_never_asked(shop, dispatcher, domain):
    slots = await answer(dispatcher, domain, "12345", slots={"order_id_asks": 3.0})
    assert slots["requested_slot"] is None


async def test_nothing_is_told_without_both_numbers(shop, dispatcher, domain):
    tracker = make_tracker([user("もういい", "deny")], slots={"order_id": "A1234567", "verification_refusals": 2.0})
    await ActionOrderResult().run(dispatcher, tracker, domain)
    text = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "ヤマト" not in text and "発送" not in text


async def test_a_real_side_question_is_answered_and_a_misread_one_is_a_reply(shop, dispatcher, domain):
    tracker = make_tracker([user("送料はいくらですか", "ask_shipping")], active_loop=FORM, requested_slot="phone")
    assert await ActionVerificationTurn().run(dispatcher, tracker, domain) == []
    assert "880円" in dispatcher.messages[0]["text"]
    tracker = make_tracker([user("探したけど見つからないです", "ask_gift")], active_loop=FORM, requested_slot="order_id")
    events = await ActionVerificationTurn().run(dispatcher, tracker, domain)
    assert slot_sets(events)["verification_unknown"] == 1
    assert len(dispatcher.messages) == 1  # no gift answer to it


async def test_after_a_stop_or_an_offer_the_bot_waits_for_the_customer(shop, dispatcher, domain):
    for slots in ({"verification_stopped": True}, {"verification_unknown": 2.0}):
        tracker = make_tracker([user("…", "deny")], slots=slots)
        events = await ActionOrderResult().run(dispatcher, tracker, domain)
        assert slot_sets(events)["order_change_allowed"] is False, slots  # the rule that listens


async def test_look_it_up_yourself_read_as_a_yes_is_a_refusal_not_a_goodbye(shop, dispatcher, domain):
    tracker = make_tracker([user("登録してあるんだから、そっちで調べてくれませんか", "affirm")],
                           active_loop=FORM, requested_slot="order_id")
    events = await ActionReplyToOffer().run(dispatcher, tracker, domain)
    assert slot_sets(events) == {"verification_note": "refused", "verification_refusals": 1.0}
    assert "utter_anything_else" not in said(dispatcher)  # the form goes on: why, where, a person
    plain = make_tracker([user("はい", "affirm")], active_loop=FORM, requested_slot="order_id")
    assert await ActionReplyToOffer().run(CollectingDispatcher(), plain, domain) == []  # asked again, not dropped


async def test_a_yes_takes_up_the_person_offered(shop, dispatcher, domain):
    tracker = make_tracker([user("はい、お願いします", "affirm")],
                           slots={"person_offered": "needs_operator", "verification_unknown": 1.0})
    events = await ActionReplyToOffer().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "needs_operator"
    assert "注文番号不明" in handoffs.open_for(shop, "s1").summary


async def test_a_yes_with_nothing_offered_is_no_handoff(shop, dispatcher, domain):
    events = await ActionReplyToOffer().run(dispatcher, make_tracker([user("はい", "affirm")]), domain)
    assert events == [] and said(dispatcher) == ["utter_anything_else"]
    assert handoffs.open_for(shop, "s1") is None


async def test_a_yes_inside_a_form_leaves_its_question_pending_without_anything_else(shop, dispatcher, domain):
    tracker = make_tracker([user("yes please, fast one 👍", "affirm")], active_loop="catalog_form", requested_slot="postal_code")
    assert await ActionReplyToOffer().run(dispatcher, tracker, domain) == [] and said(dispatcher) == []


async def test_asking_a_person_to_find_the_order_is_the_customers_request(shop, dispatcher, domain):
    tracker = make_tracker(
        [user("山本和子です。お店の方に探していただけますか", "ask_gift", [{"entity": "person_name", "value": "山本和子"}])],
        active_loop=FORM, requested_slot="order_id",
        slots={"person_name": "山本和子", "phone": "0451234567", "verification_unknown": 1.0},
    )
    events = await ActionVerificationTurn().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "customer_request"
    summary = handoffs.open_for(shop, "s1").summary
    assert "山本和子" in summary and "0451234567" in summary and "注文番号不明" in summary


async def test_the_same_question_again_inside_the_verification_keeps_its_counts(shop, dispatcher, domain):
    from actions.orders import ActionBeginOrderTask

    tracker = make_tracker([user("番号なんか知らん、名前でわかるでしょ", "ask_delivery_status")],
                           active_loop=FORM, requested_slot="order_id",
                           slots={"order_id_asks": 1.0, "verification_refusals": 0.0})
    events = await ActionBeginOrderTask().run(dispatcher, tracker, domain)
    assert slot_sets(events) == {"verification_note": "refused", "verification_refusals": 1.0}
    assert "utter_verification_intro" not in said(dispatcher)


async def test_a_person_asked_for_after_two_refusals_gets_what_was_given(shop, dispatcher, domain):
    tracker = make_tracker(
        [user("注文がまだ来ない", "ask_delivery_status"), user("もういい、人間に代わってくれ", "request_human", ts=2.0)],
        slots={"person_offered": "customer_request", "verification_refusals": 2.0, "person_name": "松田一郎"},
    )
    from actions.handoff import ActionHandoff

    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "customer_request"
    summary = handoffs.open_for(shop, "s1").summary
    assert "注文番号不明" in summary and "松田一郎" in summary


async def test_look_it_up_over_there_before_any_offer_is_told_why_first(shop, dispatcher, domain):
    tracker = make_tracker([user("そちらの方で調べてください", "inform")], active_loop=FORM, requested_slot="order_id")
    events = await ActionVerificationTurn().run(dispatcher, tracker, domain)
    assert slot_sets(events)["verification_refusals"] == 1.0 and handoffs.open_for(shop, "s1") is None


async def test_wanting_to_cancel_the_order_is_no_wish_to_stop_the_verification(shop, dispatcher, domain):
    from actions.orders import ActionBeginOrderTask

    tracker = make_tracker([user("やっぱり注文をやめたいです", "change_order")], active_loop=FORM,
                           requested_slot="order_id", slots={"order_task": "status"})
    events = await ActionBeginOrderTask().run(dispatcher, tracker, domain)
    assert slot_sets(events) == {"order_task": "change"}  # the number is asked again, for a change


@pytest.mark.parametrize("text, handed_off", [
    ("電話番号も 言わない なんで 毎回 聞く 面倒", False),  # an irritated "why": told why
    ("電話番号？そんなの言うわけないでしょ。いちいち面倒くさいんだよ", True),
    ("番号なんか言うわけないでしょ、ふざけんな", True),
    ("番号とかいちいち探すのめんどいんで、そっちで名前で調べてくださいよ。千葉です", False),  # a sigh
    ("何回も聞かんでええて。仕事中でメール探しとる暇ないんだわ", False),  # asked again, no time to look (round zza)
    ("うち の だ と 思って あけたら　あて名 が 知らん ひと の なまえ だった", True),  # someone else's parcel
])
async def test_a_refusal_read_as_a_complaint_is_one_only_with_real_anger(shop, dispatcher, domain, text, handed_off):
    tracker = make_tracker([user(text, "complain")], active_loop=FORM, requested_slot="order_id")
    await ActionVerificationTurn().run(dispatcher, tracker, domain)
    assert (handoffs.open_for(shop, "s1") is not None) is handed_off


async def test_a_reply_with_no_number_in_it_is_not_told_the_number_s_shape(shop, dispatcher, domain):
    slots = await answer(dispatcher, domain, "えーと、ちょっと", slots={"order_id_asks": 1.0})
    assert "verification_note" not in slots  # no 「ご注文番号は「A」と数字7桁です」
    slots = await answer(dispatcher, domain, "A12345", slots={"order_id_asks": 1.0})
    assert slots["verification_note"] == "invalid"


async def test_the_words_just_said_are_not_said_again(shop, dispatcher, domain):
    where = {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_order_id_where"}}
    tracker = make_tracker([where, user("めーるは みとらんし", "nlu_fallback")], slots={"order_id_asks": 1.0}, active_loop=FORM)
    asked = slot_sets(await ActionAskOrderId().run(dispatcher, tracker, domain))
    assert said(dispatcher) == ["utter_order_id_or_person"] and asked["person_offered"] == "customer_request"


async def test_a_phone_refused_for_fear_of_fraud_is_told_why_not_handed_off_as_a_complaint(shop, dispatcher, domain):
    text = "機械ニ 電話番号 ナド 教ヘラレン。詐欺 ノ 多イ 世ノ中 ダ。"  # round zzh chinatsu-ikuo-17
    tracker = make_tracker([user(text, "complain", triage={"anger": True})], active_loop=FORM,
                           requested_slot="verification_phone", slots={"order_id": None})
    events = await ActionVerificationTurn().run(dispatcher, tracker, domain)
    assert slot_sets(events)["verification_note"] == "refused"
    assert not any(e["event"] == "pause" for e in events)


@pytest.mark.parametrize("text, cue", [
    # round 2026-12-05zzh kenzaburo-ivana-13 (replay): afraid of fraudsters' calls
    ("でんわばんごう なんか おしえらんねえ　さぎの でんわが しょっちゅう かかってくんだ　おっかねぇ", "おっかね"),
    # round 2026-12-05zzy yaichi-firuza-17: worried for privacy
    ("電話番号をチャットに書くのは少し不安です… privacy が心配です。", "不安"),
])
async def test_a_phone_refused_for_fear_of_fraud_or_for_privacy_read_as_distress_is_told_why(
    shop, dispatcher, domain, text, cue
):
    """A refusal for a reason outside the order: no distress about the order."""
    tracker = make_tracker([user(text, "express_distress", triage={"cues": [cue]})], active_loop=FORM,
                           requested_slot="verification_phone", slots={"order_id": None})
    events = await ActionVerificationTurn().run(dispatcher, tracker, domain)
    assert slot_sets(events)["verification_note"] == "refused"
    assert not any(e["event"] == "pause" for e in events)


async def test_the_order_number_given_with_a_yes_to_the_person_offered_goes_on_with_the_verification(
    shop, dispatcher, domain
):
    """Round 2026-12-01l sumiko-marco-11: 「ok ok... A1234567」 after a person was offered to
    find the order took up the person; the number was what the customer gave."""
    tracker = make_tracker([user("ok ok... A1234567", "affirm", [{"entity": "order_id", "value": "A1234567"}])],
                           slots={"person_offered": "customer_request"})
    events = await ActionReplyToOffer().run(dispatcher, tracker, domain)
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["order_verification_form"]
    assert handoffs.open_for(shop, "s1") is None
    yes = make_tracker([user("はい、お願いします", "affirm")], slots={"person_offered": "customer_request"})
    await ActionReplyToOffer().run(CollectingDispatcher(), yes, domain)
    assert handoffs.open_for(shop, "s1") is not None  # a plain yes takes up the person


async def test_a_catalog_request_read_where_no_catalog_is_named_is_an_answer_to_the_look_up(shop, dispatcher, domain):
    """Round 2026-12-07o kimie-ndayishimiye-16: read as a catalog request (0.58), the message left the
    look-up for a catalog form; it is the number not at hand, and the form goes on."""
    text = "pfff I am at the factory, no email here. You cannot search with my name??"
    slots = await answer(dispatcher, domain, text, intent="request_catalog", candidates={})
    assert slots["verification_note"] == "unknown" and "order_id" in slots


async def test_a_catalog_named_inside_the_look_up_leaves_it_to_the_catalog(shop, dispatcher, domain):
    slots = await answer(dispatcher, domain, "あ、それよりカタログを送ってほしいです", intent="request_catalog", candidates={})
    assert slots == {}  # rejected by the form: the catalog request's rule takes it
