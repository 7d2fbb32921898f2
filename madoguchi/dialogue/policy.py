"""A dialogue policy that hands off when distress builds up over the conversation, or when
the customer takes up, in their own words, a person the bot offered."""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, ConversationResumed, Event, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from madoguchi.dialogue.recovery import MARK
from madoguchi.dialogue.verification import asks_for_person, only_not_knowing
from madoguchi.handoff.escalation import escalates

HANDOFF_ACTION = "action_handoff"
VERIFICATION_FORM = "order_verification_form"


class ShopPolicy(Policy):
    """A policy that learns nothing: it is sure of one action in the situations it reads,
    and has no opinion otherwise. Its priority is above the RulePolicy's, so it wins when
    both are sure."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 7}

    def train(self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        return self._resource


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class EscalationPolicy(ShopPolicy):
    """Predicts `action_handoff` right after a customer message that completes an escalation,
    or that asks in its own words for the person the bot offered.

    The distress threshold comes from the shop rules.
    """

    def predict_action_probabilities(
        self, tracker: DialogueStateTracker, domain: Domain, rule_only_data: dict | None = None, **kwargs: Any
    ) -> PolicyPrediction:
        from madoguchi.shop.rules import shop_rules

        probabilities = self._default_predictions(domain)
        listening = tracker.latest_action_name == ACTION_LISTEN_NAME and HANDOFF_ACTION in domain.action_names_or_texts
        if listening and takes_up_person_offered(tracker):
            probabilities[domain.index_for_action(HANDOFF_ACTION)] = 1.0
            return self._prediction(probabilities)
        if answers_verification(tracker):
            return self._prediction(probabilities)
        if listening:
            if escalates(escalation_events(tracker.applied_events()), shop_rules().distress_threshold):
                probabilities[domain.index_for_action(HANDOFF_ACTION)] = 1.0
        return self._prediction(probabilities)


def takes_up_person_offered(tracker: DialogueStateTracker) -> bool:
    """The bot offered a person who can find the order, and the customer asks for one in
    their own words (お店の人に探してもらえませんか), whatever intent the message was read as."""
    message = tracker.latest_message
    return bool(tracker.get_slot("person_offered")) and bool(message) and asks_for_person(message.text or "")


def answers_verification(tracker: DialogueStateTracker) -> bool:
    """Inside the order verification, "I do not know the number" answers the question:
    saying it twice is no distress building up (action_verification_turn reads it)."""
    if tracker.active_loop_name != VERIFICATION_FORM:
        return False
    triage = (tracker.latest_message.parse_data or {}).get("triage") if tracker.latest_message else None
    return bool(triage and triage.get("cues")) and only_not_knowing(triage)


def escalation_events(applied: list[Event]) -> list[dict[str, Any]]:
    """The events `escalates` reads, as dicts: the last two customer messages that are not
    empty (and the empty ones between, and the bot's apologies for a failure), none from
    before the latest resume.

    Serialising the whole conversation instead made every message slower as it grew.
    """
    tail: list[dict[str, Any]] = []
    written = 0
    for event in reversed(applied):
        if isinstance(event, ConversationResumed) or written == 2:
            break
        if isinstance(event, UserUttered):
            tail.append(event.as_dict())
            written += bool((event.text or "").strip())
        elif isinstance(event, BotUttered) and (event.metadata or {}).get("madoguchi") == MARK["madoguchi"]:
            tail.append(event.as_dict())
    return tail[::-1]
