"""The catalog form's questions: never twice in the same words."""

from __future__ import annotations

import pytest

from actions.catalog import ValidateCatalogForm
from actions.catalog_asks import (
    ActionAskCatalogAddress, ActionAskCatalogPersonName, ActionAskCatalogPhone, ActionAskCatalogPostalCode,
)
from tests.actions.conftest import make_tracker, said, user


def asked(slot: str, times: int) -> list[dict]:
    bot = {"event": "bot", "text": "…", "metadata": {"utter_action": f"utter_ask_{slot}"}, "timestamp": 0.5}
    return [{"event": "active_loop", "name": "catalog_form", "timestamp": 0.1}, *[bot] * times]


@pytest.mark.parametrize("times, response", [
    (0, "utter_ask_person_name"), (1, "utter_ask_person_name_again"), (2, "utter_ask_person_name_or_person"),
])
async def test_the_name_is_asked_in_new_words_then_with_a_way_to_a_person(dispatcher, domain, times, response):
    tracker = make_tracker([*asked("person_name", times), user("えっと", "nlu_fallback")], active_loop="catalog_form",
                           requested_slot="person_name")
    await ActionAskCatalogPersonName().run(dispatcher, tracker, domain)
    assert said(dispatcher) == [response]


@pytest.mark.parametrize(
    "slot, action",
    [("postal_code", ActionAskCatalogPostalCode), ("address", ActionAskCatalogAddress), ("phone", ActionAskCatalogPhone)],
)
async def test_a_question_asked_in_all_its_words_goes_to_a_person(shop, dispatcher, domain, slot, action):
    """Round 2026-12-05s tatsuo-linh-02: 「お手数をおかけしております…」 three times over, and no way on."""
    tracker = make_tracker([*asked(slot, 3), user("0242 83 1234", "inform")], active_loop="catalog_form",
                           requested_slot=slot)
    events = await action().run(dispatcher, tracker, domain)
    assert f"utter_ask_{slot}_or_person" not in said(dispatcher)
    assert "utter_handoff_bot_failure" in said(dispatcher)
    assert {"event": "pause"} in [{"event": e.get("event")} for e in events]


async def test_details_given_instead_of_the_name_are_acknowledged_and_the_name_asked_in_new_words(dispatcher, domain):
    entities = [{"entity": "postal_code", "value": "934-0053"}, {"entity": "address", "value": "富山県射水市堀岡新明神123-4"}]
    for times in (1, 2, 3):
        dispatcher.messages.clear()
        tracker = make_tracker([*asked("person_name", times), user("〒934-0053 富山県射水市堀岡新明神123-4", "inform", entities)],
                               active_loop="catalog_form", requested_slot="person_name")
        await ActionAskCatalogPersonName().run(dispatcher, tracker, domain)
        assert said(dispatcher) == ["utter_ask_person_name_after_details"]
        assert dispatcher.messages[0]["taken"] == "郵便番号とご住所"
    assert "utter_ask_person_name_after_details" in domain["responses"]


async def test_a_question_asked_in_an_earlier_form_does_not_count(dispatcher, domain):
    events = [*asked("phone", 2), {"event": "active_loop", "name": "catalog_form", "timestamp": 1.0}, user("はい", "affirm")]
    tracker = make_tracker(events, active_loop="catalog_form", requested_slot="phone")
    await ActionAskCatalogPhone().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_ask_phone"]


def test_every_response_asked_for_is_in_the_domain(domain):
    for slot in ("person_name", "postal_code", "address", "phone"):
        for suffix in ("", "_again", "_or_person"):
            assert f"utter_ask_{slot}{suffix}" in domain["responses"]
        assert f"action_ask_catalog_form_{slot}" in domain["actions"]


async def test_the_late_catalog_look_up_asks_again_in_other_words(dispatcher, domain):
    from actions.catalog_asks import ActionAskCatalogStatusPhone

    first = make_tracker([user("カタログが届きません", "ask_delivery_status")])
    await ActionAskCatalogStatusPhone().run(dispatcher, first, domain)
    again = make_tracker([
        {"event": "active_loop", "name": "catalog_status_form"},
        {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_ask_catalog_status_form_phone"}},
        user("孫は今週中に式場に数を伝えんといかんらしくて", "change_order"),
    ])
    await ActionAskCatalogStatusPhone().run(dispatcher, again, domain)
    assert said(dispatcher) == ["utter_ask_catalog_status_form_phone", "utter_ask_catalog_status_form_phone_again"]


async def test_the_phone_asked_after_the_name_was_not_found_is_a_new_question(dispatcher, domain):
    from actions.catalog_asks import ActionAskCatalogStatusPhone

    tracker = make_tracker([
        {"event": "active_loop", "name": "catalog_status_form"},
        {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_ask_catalog_status_form_phone"}},
        user("川上さち子", "inform"),
        {"event": "slot", "name": "person_name", "value": "川上さち子"},
    ])
    await ActionAskCatalogStatusPhone().run(dispatcher, tracker, domain)
    assert said(dispatcher) == ["utter_ask_catalog_status_form_phone"]  # お名前では見つかりませんでした…


@pytest.mark.parametrize("text, response", [
    ("ゆうびんばんごうは　いま　ちょっと　わがんなくて　すみません", "utter_postal_code_from_address"),
    ("郵便番号わからないです", "utter_postal_code_from_address"),
    ("えっと", "utter_ask_postal_code_again"),
])
async def test_a_postal_code_not_known_is_looked_up_from_the_address(dispatcher, domain, text, response):
    tracker = make_tracker([*asked("postal_code", 1), user(text, "nlu_fallback")], active_loop="catalog_form",
                           requested_slot="postal_code", slots={"person_name": "佐々木 つや子"})
    assert ValidateCatalogForm().validate_postal_code(text, dispatcher, tracker, domain) == {"postal_code": None}
    assert said(dispatcher) == ([] if response == "utter_postal_code_from_address" else ["utter_postal_code_invalid"])
    dispatcher.messages.clear()
    await ActionAskCatalogPostalCode().run(dispatcher, tracker, domain)
    assert said(dispatcher) == [response]
    assert response in domain["responses"]


@pytest.mark.parametrize("times, response", [
    (0, "utter_ask_address"), (1, "utter_ask_address_again"), (2, "utter_ask_address_or_person"),
])
async def test_the_house_number_is_asked_in_new_words_then_with_a_way_to_a_person(dispatcher, domain, times, response):
    """Round 2026-12-07i tatsuji-mele-01: the town's question three times in the same words, a phone
    given and a yes between them; the second time it says how to write a number or none."""
    tracker = make_tracker([*asked("address", times), user("はい それで たのみます", "affirm")], active_loop="catalog_form",
                           requested_slot="address", slots={"address_base": "広島県江田島市大柿町大原"})
    await ActionAskCatalogAddress().run(dispatcher, tracker, domain)
    assert said(dispatcher) == [response]
