"""A note on how to be reached, told at the catalog read-back, is kept: no person, no call."""

from __future__ import annotations

from actions.catalog import ValidateCatalogForm
from actions.catalog_readback import catalog_readback
from actions.handoff import ActionHandoff
from madoguchi.dialogue.contact_note import NOTE, asks_chat_only
from madoguchi.store import catalog_requests, handoffs
from tests.actions.conftest import make_tracker, said, slot_sets, user

DEAF = "補足です。電話での確認は不要です。耳が聞こえないので、連絡が必要な場合はチャットでお願いします。"
DETAILS = {"person_name": "小林 結衣", "postal_code": "980-0021", "address": "宮城県仙台市青葉区中央1-2-3 青葉レジデンス702号室",
           "phone": "08011112233", "shipping_method": "mail"}


def at_readback(text: str, intent: str, **slots):
    return make_tracker([user(text, intent)], active_loop="catalog_form", requested_slot="catalog_confirmed",
                        slots={**DETAILS, **slots})


async def test_a_deaf_customer_s_note_read_as_a_wish_for_a_person_is_kept_and_nobody_calls(shop, dispatcher, domain):
    """Round f sachiko-yui-12: the note went to an operator, with a phone callback offered."""
    events = await ActionHandoff().run(dispatcher, at_readback(DEAF, "request_human"), domain)
    assert slot_sets(events)["contact_note"] == NOTE
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["catalog_form"]
    assert said(dispatcher) == ["utter_catalog_note_taken"]
    assert handoffs.open_for(shop, "s1") is None


async def test_the_note_read_as_anything_else_is_kept_with_the_stored_request(shop, dispatcher, domain):
    tracker = at_readback(DEAF, "inform", catalog_request_id=None)
    events = slot_sets(await ValidateCatalogForm().run(dispatcher, tracker, domain))
    assert events["contact_note"] == NOTE and events["catalog_confirmed"] is None  # the read-back again
    assert catalog_requests.get(shop, int(events["catalog_request_id"])).note == NOTE
    assert "ご連絡：" + NOTE in catalog_readback({**DETAILS, "contact_note": NOTE})


def test_a_person_asked_for_by_phone_is_no_note():
    assert asks_chat_only(DEAF) and asks_chat_only("電話に出られないのでメールでお願いします")
    assert not asks_chat_only("担当者と電話で話したい") and not asks_chat_only("電話番号は090-1234-5678です")


async def test_send_it_at_the_read_back_read_as_a_wish_for_a_person_confirms_it(shop, dispatcher, domain):
    """でんわ なし で おくって ください (read as asking for a call, round 2026-12-05j
    gabriela-mamoru-05): the request confirmed, no person; a person named is still called."""
    events = await ActionHandoff().run(dispatcher, at_readback("ほんと に ごめんなさい、 でんわ なし で おくって ください",
                                                               "request_human", phone="なし"), domain)
    assert slot_sets(events)["catalog_confirmed"] is True
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["catalog_form"]
    assert handoffs.open_for(shop, "s1") is None
    await ActionHandoff().run(dispatcher, at_readback("担当の人に代わって送ってください", "request_human"), domain)
    assert handoffs.open_for(shop, "s1") is not None


async def test_the_catalog_sent_to_the_office_during_the_form_is_no_order_to_change(shop, dispatcher, domain):
    """Round 2026-12-05zze masuo-katrin-02: read as an order change, the order number was asked."""
    from actions.orders import ActionBeginOrderTask

    text = "Please send it to my office, not to my home. Nobody is at home during the day to receive mail."
    tracker = make_tracker([user(text, "change_order")], active_loop="catalog_form", requested_slot="person_name")
    events = await ActionBeginOrderTask().run(dispatcher, tracker, domain)
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["catalog_form"]
    assert "utter_verification_intro" not in said(dispatcher) and "お勤め先" in dispatcher.messages[0]["text"]
    assert not [e for e in events if e.get("name") == "order_task"]


def test_an_order_sent_to_the_office_or_the_office_outside_the_form_is_no_catalog_note():
    from actions.catalog_note import to_work

    def tracker(text, loop):
        return make_tracker([user(text, "change_order")], active_loop=loop, requested_slot="person_name")

    assert to_work(tracker("会社に送ってほしいです", "catalog_form"))
    assert not to_work(tracker("注文の届け先を会社に変えたい", "catalog_form"))  # an order named
    assert not to_work(tracker("Please send it to my office", None))  # no catalog form
