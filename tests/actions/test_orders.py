"""Order verification, status and changes, as a customer meets them."""

from __future__ import annotations

from actions.orders import (
    ActionApplyOrderChange,
    ActionBeginOrderTask,
    ActionOrderResult,
    ValidateOrderChangeForm,
)
from actions.verification import ActionAskOrderId, ValidateOrderVerificationForm
from madoguchi.store import handoffs, orders
from tests.actions.conftest import make_tracker, said, slot_sets, user


async def verify(dispatcher, domain, order_id, phone, failures=0.0):
    events = [user(f"{order_id} {phone}", "inform")]
    tracker = make_tracker(
        events,
        slots={"verification_failures": failures},
        active_loop="order_verification_form",
        requested_slot="phone",
        candidates={"order_id": order_id, "phone": phone},
    )
    return await ValidateOrderVerificationForm().run(dispatcher, tracker, domain)


async def test_right_pair_verifies(shop, dispatcher, domain):
    events = await verify(dispatcher, domain, "A1234567", "09012345678")
    slots = slot_sets(events)
    assert slots["verified_order_id"] == "A1234567"
    assert slots["requested_slot"] is None  # the form is done
    assert dispatcher.messages == []


async def test_wrong_phone_reveals_nothing_and_counts(shop, dispatcher, domain):
    events = await verify(dispatcher, domain, "A1234567", "09099999999")
    slots = slot_sets(events)
    assert slots["verification_failures"] == 1
    assert slots["order_id"] is None and slots["phone"] is None
    assert "verified_order_id" not in slots or slots["verified_order_id"] is None
    assert said(dispatcher) == ["utter_verification_failed"]
    assert dispatcher.messages[0]["attempts_left"] == 2


async def test_unknown_order_answers_like_a_wrong_phone(shop, dispatcher, domain):
    await verify(dispatcher, domain, "A7777777", "09012345678")
    assert said(dispatcher) == ["utter_verification_failed"]


async def test_third_failure_ends_the_form_without_another_try(shop, dispatcher, domain):
    events = await verify(dispatcher, domain, "A1234567", "0312345678", failures=2.0)
    slots = slot_sets(events)
    assert slots["verification_failures"] == 3
    assert slots["requested_slot"] is None
    assert said(dispatcher) == []  # no "try again": a person takes over next


async def test_bad_order_number_shape_is_explained(shop, dispatcher, domain):
    tracker = make_tracker(
        [user("12345", "inform")], active_loop="order_verification_form",
        requested_slot="order_id", candidates={"order_id": "12345"},
    )
    events = await ValidateOrderVerificationForm().run(dispatcher, tracker, domain)
    assert slot_sets(events)["order_id"] is None
    asking = make_tracker([user("12345", "inform")], slots=slot_sets(events), active_loop="order_verification_form")
    await ActionAskOrderId().run(dispatcher, asking, domain)
    assert said(dispatcher) == ["utter_order_id_invalid"]


async def test_failed_verification_hands_off(shop, dispatcher, domain):
    tracker = make_tracker([user("A1234567 0311112222", "inform")], slots={"verification_failures": 3.0})
    events = await ActionOrderResult().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "verification_failed"
    assert {"event": "pause", "timestamp": None} in events
    ticket = handoffs.open_for(shop, "s1")
    assert ticket.reason == "verification_failed" and ticket.priority == 2


async def test_status_of_a_verified_order(shop, dispatcher, domain):
    tracker = make_tracker(
        [user("A1234567", "inform")],
        slots={"order_id": "A1234567", "verified_order_id": "A1234567", "order_task": "status"},
    )
    await ActionOrderResult().run(dispatcher, tracker, domain)
    text = dispatcher.messages[0]["text"]
    for expected in ("発送済み", "ヤマト運輸", "4321-5678-9012", "11月19日(木)", "11月21日(土)"):
        assert expected in text


async def test_shipped_order_change_goes_to_a_person(shop, dispatcher, domain):
    tracker = make_tracker(
        [user("届け先を変えたい", "change_order")],
        slots={"order_id": "A1234567", "verified_order_id": "A1234567", "order_task": "change"},
    )
    events = await ActionOrderResult().run(dispatcher, tracker, domain)
    assert slot_sets(events)["handoff_reason"] == "needs_operator"


async def test_unshipped_order_change_starts_the_change_form(shop, dispatcher, domain):
    tracker = make_tracker(
        [user("キャンセルしたい", "change_order")],
        slots={"order_id": "A2345678", "verified_order_id": "A2345678", "order_task": "change"},
    )
    events = await ActionOrderResult().run(dispatcher, tracker, domain)
    assert slot_sets(events)["order_change_allowed"] is True


async def test_confirmed_cancel_cancels_the_order(shop, dispatcher, domain):
    tracker = make_tracker(
        [user("はい", "affirm")],
        slots={"verified_order_id": "A2345678", "change_kind": "cancel", "change_confirmed": True},
    )
    await ActionApplyOrderChange().run(dispatcher, tracker, domain)
    assert orders.get(shop, "A2345678").status == "cancelled"
    assert "キャンセル" in dispatcher.messages[0]["text"]


async def test_declined_change_changes_nothing(shop, dispatcher, domain):
    tracker = make_tracker(
        [user("いいえ", "deny")],
        slots={"verified_order_id": "A2345678", "change_kind": "cancel", "change_confirmed": False},
    )
    await ActionApplyOrderChange().run(dispatcher, tracker, domain)
    assert orders.get(shop, "A2345678").status == "received"


async def test_delivery_date_outside_the_window_is_refused(shop, dispatcher, domain):
    tracker = make_tracker(
        [user("明日にしてください", "inform")],
        slots={"change_kind": "date"}, candidates={"change_detail": "明日にしてください"},
        active_loop="order_change_form", requested_slot="change_detail",
    )
    events = await ValidateOrderChangeForm().run(dispatcher, tracker, domain)
    assert slot_sets(events)["change_detail"] is None
    assert said(dispatcher) == ["utter_change_date_invalid"]


async def test_delivery_date_in_the_window_is_taken(shop, dispatcher, domain):
    tracker = make_tracker(
        [user("12月1日でお願いします", "inform")],
        slots={"change_kind": "date"}, candidates={"change_detail": "12月1日でお願いします"},
        active_loop="order_change_form", requested_slot="change_detail",
    )
    events = await ValidateOrderChangeForm().run(dispatcher, tracker, domain)
    assert slot_sets(events)["change_detail"] == "2026-12-01"


async def test_a_phone_from_another_flow_is_not_tried(shop, dispatcher, domain):
    tracker = make_tracker(
        [user("注文はどうなってますか", "ask_delivery_status")],
        slots={"phone": "09099999999"},
    )
    events = await ActionBeginOrderTask().run(dispatcher, tracker, domain)
    slots = slot_sets(events)
    assert slots["order_task"] == "status" and slots["phone"] is None
    assert slots["order_id_asks"] == 0 and slots["verification_refusals"] == 0  # a new verification
