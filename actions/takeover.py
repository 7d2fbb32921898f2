"""A person takes over: the customer told so, the desk ticket opened, the bot paused.

Every handoff the actions open goes through `hand_off`; which reason a message calls for
is decided by its callers (actions/handoff.py for most messages).
"""

from __future__ import annotations

import logging

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, ConversationPaused, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from madoguchi.handoff import callback, service
from madoguchi.handoff.reasons import reports_arrival_calmly
from madoguchi.handoff.transcript import madoguchi_custom
from madoguchi.store import channel_events

logger = logging.getLogger(__name__)


def hand_off(
    dispatcher: CollectingDispatcher, tracker: Tracker, reason: str, goods: bool | None = None
) -> list[EventType]:
    """Tell the customer a person takes over, open the desk ticket, pause the bot.

    Goods that came wrong or damaged get an apology first; the order number is then asked
    for as help for the operator (never as a condition: the person takes over anyway).
    `goods` says so when the latest message alone does not show it.
    """
    now = common.now()
    text = common.latest_text(tracker)
    if goods is None:
        rules = common.rules()
        # distress too: 息子がもう１個食べてしもた😭 卵アレルギーあるのに (the goods harmed someone)
        reported = common.reports_goods(tracker)
        goods = (reason in ("needs_operator", "distress") and reported) or (
            reason == "needs_operator" and reports_arrival_calmly(rules, text)
        )
    ticket = service.open_ticket(
        common.db(),
        common.rules(),
        now,
        sender_id=tracker.sender_id,
        channel=common.channel(tracker),
        reason=reason,
        events=common.event_dicts(tracker),
        slots=tracker.current_slot_values(),
        customer_name=channel_events.display_name(common.db(), tracker.sender_id),
    )
    care = service.care_response(reason, text, goods=goods)
    if care:
        dispatcher.utter_message(response=care)
    if ticket.operators_available:
        dispatcher.utter_message(response="utter_handoff_queue", position=ticket.position)
    else:
        dispatcher.utter_message(
            response="utter_handoff_closed_hours", opening=service.opening_text(ticket, now)
        )
    if goods and not (tracker.get_slot("order_id") or tracker.get_slot("verified_order_id")):
        dispatcher.utter_message(response="utter_handoff_goods_order_id")
    # Many would rather talk: a phone callback, offered with a button the channels answer.
    offer, buttons = callback.offer()
    dispatcher.utter_message(text=offer, buttons=buttons)
    dispatcher.utter_message(json_message=madoguchi_custom("status", state="handoff"))
    logger.info("handoff %s for %s: %s", ticket.handoff_id, tracker.sender_id, reason)
    events: list[EventType] = [SlotSet("handoff_reason", reason), SlotSet("person_offered", None)]
    if tracker.active_loop_name:
        events += [ActiveLoop(None), SlotSet("requested_slot", None)]
    return events + [ConversationPaused()]
