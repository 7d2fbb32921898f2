"""Answers about shipping, gifts and products, from the shop's rules and product files."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from madoguchi import answers
from madoguchi.products import product_catalog


class ActionAnswerShipping(Action):
    """Tells fees, the same-day cutoff and when an order placed now would arrive."""

    def name(self) -> str:
        return "action_answer_shipping"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = common.latest_text(tracker)
        dispatcher.utter_message(text=answers.shipping_answer(common.rules(), text, common.now()))
        return []


class ActionAnswerGift(Action):
    """Explains のし, wrapping, bags and message cards for the occasion asked about."""

    def name(self) -> str:
        return "action_answer_gift"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(text=answers.gift_answer(product_catalog(), common.latest_text(tracker)))
        return []


class ActionAnswerProduct(Action):
    """Describes products: shelf life, storage, allergens, or suggestions."""

    def name(self) -> str:
        return "action_answer_product"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(text=answers.product_answer(product_catalog(), common.latest_text(tracker)))
        return []
