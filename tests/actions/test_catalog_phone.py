"""A catalog asked for by a customer who will not give the chat a phone number goes all the
same: no person for it, and the request is stored without a number."""

from __future__ import annotations

import pytest

from actions.catalog import ValidateCatalogForm
from actions.catalog_phone import NO_PHONE, phone_refused
from actions.catalog_readback import catalog_readback
from actions.catalog_store import store_request
from actions.handoff import ActionHandoff
from madoguchi.store import catalog_requests, handoffs
from tests.actions.conftest import make_tracker, said, slot_sets, user

DETAILS = {"person_name": "シルバロドリゴ", "postal_code": "373-0026", "address": "群馬県太田市東本町16の5メゾン東201"}
REFUSED = "電話番号は言いたくない機械には言わない住所あるから送れるでしょ"  # round zzg mayumi-rodrigo-02


def phone_asked(text: str, intent: str):
    return make_tracker([user(text, intent)], active_loop="catalog_form", requested_slot="phone", slots=DETAILS)


async def test_a_phone_refused_read_as_a_complaint_goes_on_to_the_read_back_without_a_person(shop, dispatcher, domain):
    events = await ActionHandoff().run(dispatcher, phone_asked(REFUSED, "complain"), domain)
    assert slot_sets(events)["phone"] == NO_PHONE
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["catalog_form"]
    assert said(dispatcher) == ["utter_catalog_without_phone"]
    assert handoffs.open_for(shop, "s1") is None


def test_a_phone_refused_with_a_why_is_refused_and_a_why_alone_is_not():
    """Round 2026-12-05zzo heizo-uwase-01: おしえねえ with its なんで read as anger, asked again and again."""
    assert phone_refused(phone_asked("でんわばんごうは おしえねえ なんで かたろぐに でんわが いんだ", "nlu_fallback"))
    assert not phone_refused(phone_asked("電話番号？なんでそんなもんがいるんだい", "complain"))  # told why (phone_why_asked)
    assert not phone_refused(phone_asked("電話なんか教えねえよ、ふざけんな", "complain"))  # anger: a person


async def test_a_phone_refused_read_as_a_no_does_not_end_the_form(dispatcher, domain):
    events = slot_sets(await ValidateCatalogForm().run(dispatcher, phone_asked("電話は教えたくないです", "deny"), domain))
    assert events["phone"] == NO_PHONE and "requested_slot" not in events


async def test_a_phone_refused_with_the_form_left_ends_the_form(dispatcher, domain):
    """Round 2026-12-05o kikuyo-ananya-20: the customer leaves, no read-back of a request she let go."""
    text = "Sorry, I don't share phone number on chat. Leave it, I will check your website only. Thanks."
    events = slot_sets(await ValidateCatalogForm().run(dispatcher, phone_asked(text, "deny"), domain))
    assert events.get("requested_slot", "kept") is None and events.get("phone") != NO_PHONE
    events = slot_sets(await ValidateCatalogForm().run(dispatcher, phone_asked("Sorry, I don't share phone number on chat.", "deny"), domain))
    assert events["phone"] == NO_PHONE


async def test_a_mobile_refused_with_another_number_given_takes_that_number(dispatcher, domain):
    """Round 2026-12-05u tamiko-kamal-04: mobile nahin dunga. office number ok: 0766-55-1234."""
    text = "mobile nahin dunga. office number ok: 0766-55-1234"
    phone = [{"entity": "phone", "value": "0766551234", "start": 40, "end": 52}]
    tracker = make_tracker([user(text, "inform", phone)], active_loop="catalog_form", requested_slot="phone",
                           slots=DETAILS)
    assert not phone_refused(tracker)
    assert phone_refused(make_tracker([user("mobile nahin dunga", "deny")], active_loop="catalog_form",
                                      requested_slot="phone", slots=DETAILS))


@pytest.mark.parametrize("text, intent", [
    ("電話なんか教えたくない、担当者に代わって", "request_human"),  # a person asked for
    ("電話なんか教えたくない。ふざけんな", "complain"),  # anger beyond the refusal
])
async def test_anger_or_a_person_asked_is_still_handed_over(shop, dispatcher, domain, text, intent):
    await ActionHandoff().run(dispatcher, phone_asked(text, intent), domain)
    assert handoffs.open_for(shop, "s1") is not None


def test_the_request_is_read_back_and_stored_without_a_number(shop):
    assert "お電話：なし" in catalog_readback({**DETAILS, "phone": NO_PHONE, "shipping_method": "mail"})
    tracker = make_tracker([user("はい", "affirm")], slots={**DETAILS, "phone": NO_PHONE, "shipping_method": "mail"})
    assert catalog_requests.get(shop, store_request(tracker, tracker.current_slot_values())).phone == ""


async def test_digits_without_an_area_code_held_to_are_noted_and_the_form_goes_on(dispatcher, domain):
    """Round 2026-12-05zzc tetsuji-ioana-03: 28447899, asked for the area code, then それでいいわ、頼むな:
    noted with the request, not asked a third time."""
    events = [user("28447899", "inform"), user("それでいいわ、頼むな", "affirm")]
    tracker = make_tracker(events, active_loop="catalog_form", requested_slot="phone", slots=DETAILS)
    sets = slot_sets(await ValidateCatalogForm().run(dispatcher, tracker, domain))
    assert sets["phone"] == NO_PHONE and "28447899" in sets["contact_note"]
    assert said(dispatcher) == ["utter_catalog_phone_noted"]


async def test_a_yes_after_a_real_number_or_no_number_is_no_number_held_to(dispatcher, domain):
    from actions.catalog_phone import number_held_to

    for earlier in ("090-1234-5678", "えっと"):
        events = [user(earlier, "inform"), user("それでいいわ", "affirm")]
        tracker = make_tracker(events, active_loop="catalog_form", requested_slot="phone", slots=DETAILS)
        assert number_held_to(tracker) is None
