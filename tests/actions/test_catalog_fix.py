"""A detail of the catalog form put right before the read-back stays in the form."""

from __future__ import annotations

from actions.orders import ActionBeginOrderTask
from tests.actions.conftest import make_tracker, said, slot_sets, user

ADDRESS = "愛媛県松山市久万ノ台一丁目五番地の二十 県営久万ノ台団地 三号棟 二〇四号"


def in_form(text: str, intent: str = "change_order"):
    return make_tracker([user(text, intent)], active_loop="catalog_form", requested_slot="phone",
                        slots={"person_name": "越智勇", "postal_code": "791-8016", "address": ADDRESS})


async def test_a_room_put_right_in_the_catalog_form_fixes_the_address_and_the_form_goes_on(dispatcher, domain):
    """Round n isamu-lisa-02: read as a change of an order, it had asked for an order number."""
    events = await ActionBeginOrderTask().run(dispatcher, in_form("さっきの号室、二〇四じゃのうて二〇六でした。すまんことです。"), domain)
    assert slot_sets(events)["address"] == ADDRESS.replace("二〇四号", "二〇六号")
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["catalog_form"]
    assert said(dispatcher) == ["utter_catalog_detail_fixed"]


async def test_what_the_form_does_not_hold_is_no_fix(shop, dispatcher, domain):
    for text in ("四じゃなくて五です", "カタログじゃなくて注文の変更です"):  # 四 only inside 二〇四; nothing held
        events = await ActionBeginOrderTask().run(dispatcher, in_form(text), domain)
        assert "address" not in slot_sets(events), text
