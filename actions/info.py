"""Answers about shipping, gifts and products, from the shop's rules and product files."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.catalog_unasked import let_go
from actions.takeover import hand_off
from madoguchi import answers, memorial
from madoguchi.handoff.noshi import wrong_noshi_told_before
from madoguchi.products import product_catalog


def earlier_texts(tracker: Tracker) -> list[str]:
    """What the customer wrote before the latest message (as far as the action was sent)."""
    texts = [e.get("text") or "" for e in tracker.events if isinstance(e, dict) and e.get("event") == "user"]
    return texts[:-1]


def memorial_told(tracker: Tracker) -> bool:
    """Whether the bot already gave the memorial answer (as far as the action was sent)."""
    return any(
        memorial.ANSWER_MARK in (e.get("text") or "")
        for e in tracker.events if isinstance(e, dict) and e.get("event") == "bot"
    )


def answer_memorial(dispatcher: CollectingDispatcher, tracker: Tracker, quantity_only: bool = False) -> bool:
    """Answers a memorial gift question, or a gift question after the customer spoke of a
    memorial: in full the first time (のし, products that keep, quantities, a person offered
    without forcing), only the のし when it was given already and the customer asks about it;
    False when the conversation is about something else (or, with `quantity_only`, when the
    latest message brings no number of people)."""
    text = common.latest_text(tracker)
    earlier = earlier_texts(tracker) if not quantity_only or memorial.quantity(text) else []
    context = memorial.memorial_context(text, earlier)
    if context is None:
        return False
    catalog = product_catalog()
    if memorial_told(tracker) and memorial.asks_noshi_detail(text) and not memorial.quantity(text):
        dispatcher.utter_message(text=memorial.noshi_answer(catalog, text))
        return True
    answer = memorial.memorial_answer(catalog, context, condole=memorial.mentions_death(text))
    dispatcher.utter_message(text=answer, buttons=[memorial.PERSON_BUTTON])
    return True


def answer_question(dispatcher: CollectingDispatcher, intent: str, tracker: Tracker) -> None:
    """Answers the latest message as a shipping, gift or product question (a memorial one in
    full, also when an earlier message told of the memorial: a gift question, or a product
    one with a number of people)."""
    text = common.latest_text(tracker)
    if intent == "ask_shipping":
        dispatcher.utter_message(text=answers.shipping_answer(common.rules(), text, common.now()))
    elif not answer_memorial(dispatcher, tracker, quantity_only=intent != "ask_gift"):
        compose = answers.gift_answer if intent == "ask_gift" else answers.product_answer
        unlisted = intent != "ask_gift" and answers.asks_unlisted(text)  # halal, gelatin: a person offered
        dispatcher.utter_message(text=compose(product_catalog(), text), buttons=[memorial.PERSON_BUTTON] if unlisted else [])


class ActionAnswerShipping(Action):
    """Tells fees, the same-day cutoff and when an order placed now would arrive."""

    def name(self) -> str:
        return "action_answer_shipping"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        answer_question(dispatcher, "ask_shipping", tracker)
        return let_go(dispatcher, tracker)


class ActionAnswerGift(Action):
    """Explains のし, wrapping, bags and message cards for the occasion asked about (a memorial
    gift in full: のし, products that keep, quantities)."""

    def name(self) -> str:
        return "action_answer_gift"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if wrong_noshi_told_before(common.rules(), common.latest_text(tracker), earlier_texts(tracker)):
            # Not a question: the のし on the memorial gift told of before came wrong.
            return hand_off(dispatcher, tracker, "needs_operator", goods=True)
        answer_question(dispatcher, "ask_gift", tracker)
        return let_go(dispatcher, tracker)


class ActionAnswerProduct(Action):
    """Describes products: shelf life, storage, allergens, or suggestions."""

    def name(self) -> str:
        return "action_answer_product"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        answer_question(dispatcher, "ask_product", tracker)
        return let_go(dispatcher, tracker)

