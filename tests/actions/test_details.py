"""A detail given out of the blue is asked about, not swallowed."""

from __future__ import annotations

from actions.details import ActionDetailOutOfContext, ActionGreet, details_waiting
from tests.actions.conftest import make_tracker, said, user

NAME = [{"entity": "person_name", "value": "北村 道雄"}]
CODE = [{"entity": "postal_code", "value": "606-0806"}]


async def test_a_name_given_out_of_the_blue_is_asked_what_it_is_for_with_the_flows_as_buttons(dispatcher, domain):
    tracker = make_tracker([user("北村 道雄 どす", "inform", NAME)])
    await ActionDetailOutOfContext().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_detail_what_for"]
    assert dispatcher.messages[0]["details"] == "お名前"
    buttons = domain["responses"]["utter_detail_what_for"][0]["buttons"]
    assert [b["title"] for b in buttons] == ["カタログを申し込む", "注文の配送状況", "担当者と話したい"]


async def test_the_next_detail_is_asked_about_in_other_words(dispatcher, domain):
    asked = {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_detail_what_for"}, "timestamp": 0.5}
    tracker = make_tracker([user("北村 道雄", "inform", NAME, ts=0.1), asked, user("606-0806", "inform", CODE)])
    await ActionDetailOutOfContext().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_detail_what_for_again"]
    assert dispatcher.messages[0]["details"] == "郵便番号"


async def test_a_message_read_as_a_detail_without_one_is_acknowledged(dispatcher, domain):
    tracker = make_tracker([user("そうです", "inform")])
    await ActionDetailOutOfContext().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_anything_else"]


async def test_a_message_read_as_a_detail_without_one_in_a_form_leaves_the_form_to_ask_again(dispatcher, domain):
    """An unknown word at the confirmation of a change, read as a detail: no "anything else?"
    before the form asks to confirm again, as if the talk had ended."""
    tracker = make_tracker([user("zingo zingo", "inform")], active_loop="order_change_form",
                           requested_slot="change_confirmed")
    await ActionDetailOutOfContext().run(dispatcher, tracker, domain)
    assert said(dispatcher) == []


async def test_a_name_given_with_a_greeting_is_greeted_by_name_and_the_next_flow_takes_it(dispatcher, domain):
    """おはようございます、シャルマと申します (round zq): the bot asked what the name was for."""
    named = [{"entity": "person_name", "value": "シャルマ"}]
    tracker = make_tracker([user("おはようございます、シャルマと申します。", "inform", named)])
    await ActionDetailOutOfContext().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_greet_by_name"]
    assert dispatcher.messages[0]["name"] == "シャルマ"
    greeted = {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_greet_by_name"}, "timestamp": 0.5}
    later = make_tracker([user("おはようございます、シャルマと申します。", "inform", named, ts=0.1), greeted,
                          user("カタログがほしいです", "request_catalog")])
    assert details_waiting(later) == {"person_name"}


async def test_a_name_without_a_greeting_or_with_other_details_is_asked_what_it_is_for(dispatcher, domain):
    tracker = make_tracker([user("こんにちは。北村 道雄です。〒606-0806", "inform", NAME + CODE)])
    await ActionDetailOutOfContext().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_detail_what_for"]


async def test_a_greeting_that_gives_a_name_is_answered_by_name(dispatcher, domain):
    """こんにちは。加賀谷と申します。 (round zs) read as a greeting: greeted by name, not anonymously."""
    named = [{"entity": "person_name", "value": "加賀谷"}]
    await ActionGreet().run(dispatcher, make_tracker([user("こんにちは。加賀谷と申します。", "greet", named)]), domain)
    assert said(dispatcher) == ["utter_greet_by_name"] and dispatcher.messages[0]["name"] == "加賀谷"


async def test_a_greeting_alone_is_answered_with_the_greeting(dispatcher, domain):
    await ActionGreet().run(dispatcher, make_tracker([user("こんにちは", "greet")]), domain)
    assert said(dispatcher) == ["utter_greet"]


async def test_a_number_refused_with_a_name_after_an_order_question_begins_the_verification(dispatcher, domain):
    # round zzh chinatsu-ikuo-17: read as a complaint, then as the name it gives
    tracker = make_tracker([
        user("注文 ノ 品 ハ 何時 届ク カ。", "ask_shipping", ts=0.1),
        user("番号 ナド 言ハヌ。名前デ 調ベレバ 分カル 筈ダ。阿部 ダ。", "inform",
             triage={"refusal": True, "changed_from": "complain"}),
    ])
    events = await ActionDetailOutOfContext().run(dispatcher, tracker, domain)
    assert said(dispatcher) == []
    assert {e.get("name"): e.get("value") for e in events if e["event"] == "slot"}["verification_note"] == "refused"
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["order_verification_form"]


async def test_a_date_given_after_an_order_status_asks_to_change_that_order(dispatcher, domain):
    """Round 2026-12-05zzl tsuru-hodan-18: Friday 12月11日 after 18時 is good for me, after the
    status of a shipped order; the change the order allows follows (a person, once shipped)."""
    date = [{"entity": "date", "value": "12月11日", "start": 7, "end": 13}]
    told = make_tracker([user("Friday 12月11日 after 18時 is good for me", "inform", date)],
                        slots={"verified_order_id": "A1234567", "order_id": "A1234567"})
    events = await ActionDetailOutOfContext().run(dispatcher, told, domain)
    assert {"event": "slot", "timestamp": None, "name": "order_task", "value": "change"} in events
    assert events[-1]["name"] == "action_order_result" and not said(dispatcher)
    unproven = make_tracker([user("Friday 12月11日 after 18時 is good for me", "inform", date)])
    events = await ActionDetailOutOfContext().run(dispatcher, unproven, domain)
    assert not any(e.get("name") == "order_task" for e in events)  # no order proven: asked what it is for


async def test_an_address_to_send_it_to_after_the_order_s_status_changes_that_order(dispatcher, domain):
    """Round 2026-12-05zzs tokuma-nohea-18: asked what the address was for, after the status."""
    text = "please send it to my studio: 福岡市中央区大名2丁目4-18 カイラニビル4F"
    address = [{"entity": "address", "value": text[29:], "start": 29, "end": len(text)}]
    proven = {"verified_order_id": "A2345678", "order_id": "A2345678"}
    told = make_tracker([user(text, "inform", address)], slots=proven)
    events = await ActionDetailOutOfContext().run(dispatcher, told, domain)
    assert events[-1]["name"] == "action_order_result" and not said(dispatcher)
    own = make_tracker([user("福岡市中央区大名2丁目4-18 カイラニビル4F", "inform", [dict(address[0], start=0, end=26)])],
                       slots=proven)
    events = await ActionDetailOutOfContext().run(dispatcher, own, domain)
    assert not any(e.get("name") == "order_task" for e in events)  # an address alone: asked what it is for


async def test_a_phone_given_after_the_verification_offered_a_person_goes_on_with_it(dispatcher, domain):
    """Round 2026-12-05zzh kenzaburo-ivana-13 (replay): the phone refused, a person offered, then
    しょうがねえな… 090…: the verification goes on with the order number given before."""
    phone = [{"entity": "phone", "value": "09012345678"}]
    tracker = make_tracker([user("しょうがねえな…　０９０１２３４５６７８", "inform", phone)],
                           slots={"order_id": "A1234567", "person_offered": "customer_request"})
    events = await ActionDetailOutOfContext().run(dispatcher, tracker, domain)
    assert events[-1] == {"event": "followup", "name": "order_verification_form", "timestamp": None}
    assert said(dispatcher) == []


async def test_a_name_after_a_catalog_asked_for_aside_begins_the_catalog(dispatcher, domain):
    """Round 2026-12-05zzu sakichi-arami-01: カタログ欲シイ answered as a shipping question, then the name."""
    ranking = [{"name": "ask_shipping", "confidence": 0.74}, {"name": "request_catalog", "confidence": 0.24}]
    asked = user("カタログ欲シイ。大島ダ。島マデ何日デ着クダラ", "ask_shipping", intent_ranking=ranking)
    name = user("藤井 佐吉", "inform", [{"entity": "person_name", "value": "藤井 佐吉", "start": 0, "end": 5}])
    events = await ActionDetailOutOfContext().run(dispatcher, make_tracker([asked, name]), domain)
    assert said(dispatcher) == ["utter_catalog_start"] and events[-1]["name"] == "catalog_form"


async def test_details_after_a_late_catalog_are_left_to_its_look_up(dispatcher, domain):
    """Review: カタログ頼んだのにまだ来ない holds 頼; its details go to the late catalog's look-up."""
    asked = user("カタログ頼んだのにまだ来ないんですけど", "ask_delivery_status", intent_ranking=[
        {"name": "ask_delivery_status", "confidence": 0.6}, {"name": "request_catalog", "confidence": 0.4}])
    name = user("藤井 佐吉", "inform", [{"entity": "person_name", "value": "藤井 佐吉", "start": 0, "end": 5}])
    tracker = make_tracker([asked, name], slots={"catalog_late": True})
    events = await ActionDetailOutOfContext().run(dispatcher, tracker, domain)
    assert not any(e.get("name") == "catalog_form" for e in events)
