"""The offer to send a late catalog again: the customer's answer however it is written,
the re-send after one read-back, the wait, or a person."""

from __future__ import annotations

import pytest

from actions.catalog_choice import ActionAskCatalogChoice, ActionCatalogChoice, ValidateCatalogChoiceForm, choice_of
from actions.catalog_readback import ActionSubmitCatalog
from madoguchi.store import catalog_requests
from tests.actions.conftest import make_tracker, said, slot_sets, user


@pytest.mark.parametrize(
    "intent, text, choice",
    [
        ("affirm", "はい、宅配便で送ってください", "parcel"),
        ("nlu_fallback", "宅配便で送ってほしい", "parcel"),
        ("complain", "待ちます", "wait"),
        ("deny", "いいえ、このまま待ちます", "wait"),
        ("affirm", "はい", "parcel"),
        ("inform", "えーと", None),
        ("nlu_fallback", "あおもりけんきたつがるぐんいたやなぎまちおおあざいたやなぎあざどい１２０", None),  # a town (まち), no wait
        ("inform", "んだば、まちます", "wait"),
    ],
)
def test_the_answer_to_the_offer(shop, intent, text, choice):
    assert choice_of(intent, text) == choice


async def test_an_angry_answer_to_the_offer_goes_to_a_person(shop, dispatcher, domain):
    tracker = make_tracker(
        [user("いい加減にしてください", "complain")], active_loop="catalog_choice_form",
        requested_slot="catalog_choice", candidates={"catalog_choice": "いい加減にしてください"},
    )
    assert slot_sets(await ValidateCatalogChoiceForm().run(dispatcher, tracker, domain))["catalog_choice"] == "person"


async def test_sent_again_by_parcel_after_one_read_back(late_shop, dispatcher, domain):
    earlier = catalog_requests.find_earlier(late_shop, "08022223333")
    tracker = make_tracker([user("はい", "affirm")], slots={"catalog_choice": "parcel", "catalog_resend_of": float(earlier.id)})
    slots = slot_sets(await ActionCatalogChoice().run(dispatcher, tracker, domain))
    assert slots["catalog_next"] == "form" and slots["shipping_method"] == "parcel"
    assert slots["address"] == earlier.address and slots["address_base"] == "東京都渋谷区神宮前"
    tracker = make_tracker([user("はい", "affirm")], slots={**slots, "catalog_resend_of": float(earlier.id), "catalog_confirmed": True})
    reset = slot_sets(await ActionSubmitCatalog().run(dispatcher, tracker, domain))
    assert "あらためて宅配便でお送りします" in said(dispatcher)[-1] and "11月22日(日)" in said(dispatcher)[-1]
    again = catalog_requests.find_earlier(late_shop, "08022223333")
    assert again.resend_of == earlier.id and again.shipping_method == "parcel" and again.channel == "socketio"
    assert reset["catalog_late"] is None and reset["catalog_resend_of"] is None


async def test_the_customer_may_wait(late_shop, dispatcher, domain):
    tracker = make_tracker([user("待ちます", "deny")], slots={"catalog_choice": "wait", "catalog_resend_of": 1.0})
    slots = slot_sets(await ActionCatalogChoice().run(dispatcher, tracker, domain))
    assert slots["catalog_next"] == "done"
    assert said(dispatcher) == ["utter_catalog_late_wait"]
    assert catalog_requests.count(late_shop) == 4


def test_the_usual_way_is_a_resend_by_mail(shop):
    assert choice_of("inform", "メール便で送り直してください") == "mail"
    assert choice_of("inform", "急がないので、いつもの便でもう一度送ってください") == "mail"


def test_details_written_instead_of_an_answer_ask_for_it_to_be_sent():
    assert choice_of("inform", "〒997-0035 山形県鶴岡市大山2丁目5-12", details=True) == "parcel"
    assert choice_of("inform", "でんわ 0235-22-4718 だの", details=True, hurry=False) == "mail"
    assert choice_of("inform", "山形です", details=False) is None


async def test_the_offer_is_made_again_in_other_words(shop, dispatcher, domain):
    asked = {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_ask_catalog_choice"}}
    began = {"event": "active_loop", "name": "catalog_choice_form"}
    tracker = make_tracker([began, user("五十嵐 敏子です", "inform")])
    await ActionAskCatalogChoice().run(dispatcher, tracker, domain)
    tracker = make_tracker([began, asked, user("山形県鶴岡市大山2丁目5-12", "inform")])
    await ActionAskCatalogChoice().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_ask_catalog_choice", "utter_ask_catalog_choice_again"]
