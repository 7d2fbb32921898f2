"""The end of a catalog request: read back as taken, then ended politely or taken back."""

from __future__ import annotations

from actions.catalog import ActionBeginCatalog
from actions.catalog_readback import (
    ActionAskCatalogConfirmed,
    ActionStopCatalog,
    ActionSubmitCatalog,
    catalog_readback,
)
from madoguchi.store import catalog_requests
from tests.actions.conftest import make_tracker, said, slot_sets, user

DETAILS = {"person_name": "山田花子", "postal_code": "100-0001", "address": "東京都千代田区千代田1-1",
           "phone": "09012345678"}


def stored(shop, sender: str = "s1", **over) -> int:
    return catalog_requests.add(
        shop, sender_id=sender, channel="socketio", name="山田花子", postal_code="100-0001",
        address="東京都千代田区千代田1-1", phone="09012345678", shipping_method=over.get("method", "mail"),
    )


async def test_the_readback_says_it_is_taken_and_how_to_correct_it(shop, dispatcher, domain):
    tracker = make_tracker([user("090-1234-5678", "inform")], slots={**DETAILS, "shipping_method": "parcel"})
    await ActionAskCatalogConfirmed().run(dispatcher, tracker, domain)
    text = dispatcher.messages[0]["text"]
    assert text.startswith("次の内容で承りました。")
    assert "宅配便（無料・2日ほどでお届け）" in text and "090-1234-5678" in text
    assert "違うところがあれば、このままお書きください。直します。" in text


async def test_read_back_again_after_a_correction(shop, dispatcher, domain):
    earlier = {"event": "bot", "text": "次の内容で承りました。\nお名前：山田花子 様"}
    tracker = make_tracker([earlier, user("電話は03-1111-2222です", "inform")], slots={**DETAILS, "phone": "0311112222"})
    await ActionAskCatalogConfirmed().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["text"].startswith("次の内容で承っております。")
    assert "03-1111-2222" in dispatcher.messages[0]["text"]


async def test_ok_at_the_readback_keeps_the_one_stored_request(shop, dispatcher, domain):
    request_id = stored(shop)
    tracker = make_tracker([user("おけ ありがと", "thank")],
                           slots={**DETAILS, "catalog_confirmed": True, "catalog_request_id": float(request_id)})
    events = await ActionSubmitCatalog().run(dispatcher, tracker, domain)
    assert [r.id for r in catalog_requests.recent(shop)] == [request_id]
    assert "メール便でお送りします" in said(dispatcher)[0] and "11月23日(月)から11月27日(金)" in said(dispatcher)[0]
    assert slot_sets(events)["catalog_request_id"] is None


async def test_thanks_after_the_readback_ends_politely_and_keeps_the_request(shop, dispatcher, domain):
    request_id = stored(shop)
    tracker = make_tracker([user("ありがとうございました", "thank")],
                           slots={**DETAILS, "catalog_request_id": float(request_id)})
    await ActionStopCatalog().run(dispatcher, tracker, domain)
    assert catalog_requests.get(shop, request_id) is not None
    assert "取りやめ" not in said(dispatcher)[0] and "ありがとうございました" in said(dispatcher)[0]


async def test_taken_back_at_the_readback_removes_the_unsent_request(shop, dispatcher, domain):
    request_id = stored(shop)
    tracker = make_tracker([user("やっぱりやめます", "deny")],
                           slots={**DETAILS, "catalog_confirmed": False, "catalog_request_id": float(request_id)})
    await ActionSubmitCatalog().run(dispatcher, tracker, domain)
    assert catalog_requests.get(shop, request_id) is None
    assert said(dispatcher) == ["utter_catalog_stopped"]


async def test_left_before_it_was_complete_nothing_is_kept(shop, dispatcher, domain):
    tracker = make_tracker([user("またにします", "nlu_fallback")], slots={"person_name": "中村めい"})
    await ActionSubmitCatalog().run(dispatcher, tracker, domain)
    assert catalog_requests.recent(shop) == [] and said(dispatcher) == ["utter_catalog_stopped"]


async def test_asking_the_price_at_the_readback_is_answered_without_starting_over(shop, dispatcher, domain):
    tracker = make_tracker([user("その前に、カタログは金がかかるのか", "request_catalog")],
                           active_loop="catalog_form", requested_slot="catalog_confirmed")
    await ActionBeginCatalog().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_catalog_free"]


async def test_a_parcel_arrives_on_one_day_said_once(shop, dispatcher, domain):
    request_id = stored(shop, method="parcel")
    tracker = make_tracker([user("はい", "affirm")], slots={
        **DETAILS, "shipping_method": "parcel", "catalog_confirmed": True, "catalog_request_id": float(request_id)})
    await ActionSubmitCatalog().run(dispatcher, tracker, domain)
    assert "宅配便でお送りします。11月22日(日)ごろのお届けです。" in said(dispatcher)[0]


def test_a_resend_reads_back_only_what_the_customer_wrote_in_full():
    slots = {**DETAILS, "address_base": "東京都千代田区千代田", "shipping_method": "mail", "catalog_resend_of": 1.0}
    text = catalog_readback(slots, written="山田花子です")
    assert "千代田1-1" not in text and "090-1234-5678" not in text
    assert "東京都千代田区千代田（番地から先は" in text and "末尾5678" in text
    text = catalog_readback(slots, written="山田花子です\n〒100-0001\n090-1234-5678")
    assert "〒100-0001 東京都千代田区千代田1-1" in text and "090-1234-5678" in text


def test_the_phone_is_read_back_with_the_hyphens_the_customer_wrote():
    slots = {**DETAILS, "phone": "0258331234", "shipping_method": "mail"}
    assert "お電話：0258-33-1234" in catalog_readback(slots, written="電話は０２５８－３３－１２３４")
    assert "お電話：025-833-1234" in catalog_readback(slots, written="0258331234")  # no hyphens written


async def test_a_name_given_with_de_onegaishimasu_read_as_a_goodbye_goes_on_with_the_form(shop, dispatcher, domain):
    """Round 2026-12-04zzg kaori-xiaoling-19, replayed: じゃあ Wang Xiaoling でお願いします, read
    as a goodbye at 0.55, had dropped the request the customer was giving her name for."""
    asked = {"event": "slot", "name": "requested_slot", "value": "person_name"}
    said_so = user("じゃあ Wang Xiaoling でお願いします", "goodbye")
    said_so["parse_data"]["intent"]["confidence"] = 0.55
    tracker = make_tracker([asked, said_so])
    events = await ActionStopCatalog().run(dispatcher, tracker, domain)
    assert slot_sets(events)["person_name"] == "Wang Xiaoling"
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["catalog_form"]
    assert said(dispatcher) == []  # not 「取りやめました」
    left = user("やっぱりやめます、またでお願いします", "goodbye")
    left["parse_data"]["intent"]["confidence"] = 0.55
    events = await ActionStopCatalog().run(dispatcher, make_tracker([asked, left]), domain)
    assert not any(e.get("event") == "followup" for e in events)


async def test_a_detail_given_with_thanks_is_the_answer_and_the_form_goes_on(shop, dispatcher, domain):
    """Round 2026-12-05zzh shizuyo-anahit-19: 「ok merci! 156-0052」 read as thanks was asked again."""
    from actions.catalog_readback import ActionStopCatalog

    events = [{"event": "slot", "name": "requested_slot", "value": "postal_code"},
              user("ok merci! 156-0052", "thank", [{"entity": "postal_code", "value": "156-0052"}]),
              {"event": "slot", "name": "requested_slot", "value": None}]
    tracker = make_tracker(events, slots={"person_name": "Anahit Grigoryan"})
    result = await ActionStopCatalog().run(dispatcher, tracker, domain)
    assert slot_sets(result) == {"postal_code": "156-0052"}
    assert [e.get("name") for e in result if e.get("event") == "followup"] == ["catalog_form"]
