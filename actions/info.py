"""Answers about shipping, gifts and products, from the shop's rules and product files."""

from __future__ import annotations

from collections.abc import Sequence

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from madoguchi import answers, memorial
from madoguchi.products import product_catalog


def earlier_texts(tracker: Tracker) -> list[str]:
    """What the customer wrote before the latest message (as far as the action was sent)."""
    texts = [e.get("text") or "" for e in tracker.events if isinstance(e, dict) and e.get("event") == "user"]
    return texts[:-1]


def answer_memorial(dispatcher: CollectingDispatcher, text: str, earlier: Sequence[str] = ()) -> bool:
    """Answers a memorial gift question, or a gift question after the customer spoke of a
    memorial (のし, products that keep, quantities, a person offered without forcing);
    False when the conversation is about something else."""
    context = memorial.memorial_context(text, earlier)
    if context is None:
        return False
    answer = memorial.memorial_answer(product_catalog(), context, condole=memorial.mentions_death(text))
    dispatcher.utter_message(text=answer, buttons=[memorial.PERSON_BUTTON])
    return True


def answer_question(dispatcher: CollectingDispatcher, intent: str, text: str, earlier: Sequence[str] = ()) -> None:
    """Answers a shipping, gift or product question (a memorial one in full, also when an
    earlier message told of the memorial: a gift question, or a product one with a quantity)."""
    if intent == "ask_shipping":
        dispatcher.utter_message(text=answers.shipping_answer(common.rules(), text, common.now()))
        return
    if intent != "ask_gift" and not memorial.quantity(text):
        earlier = ()
    if not answer_memorial(dispatcher, text, earlier):
        compose = answers.gift_answer if intent == "ask_gift" else answers.product_answer
        dispatcher.utter_message(text=compose(product_catalog(), text))


class ActionAnswerShipping(Action):
    """Tells fees, the same-day cutoff and when an order placed now would arrive."""

    def name(self) -> str:
        return "action_answer_shipping"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        answer_question(dispatcher, "ask_shipping", common.latest_text(tracker))
        return []


class ActionAnswerGift(Action):
    """Explains のし, wrapping, bags and message cards for the occasion asked about (a memorial
    gift in full: のし, products that keep, quantities)."""

    def name(self) -> str:
        return "action_answer_gift"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        answer_question(dispatcher, "ask_gift", common.latest_text(tracker), earlier_texts(tracker))
        return []


class ActionAnswerProduct(Action):
    """Describes products: shelf life, storage, allergens, or suggestions."""

    def name(self) -> str:
        return "action_answer_product"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        answer_question(dispatcher, "ask_product", common.latest_text(tracker), earlier_texts(tracker))
        return []
