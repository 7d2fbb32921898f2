"""The shop's own dialogue policies: each is sure of one action in the situations it reads
(from `madoguchi.dialogue`), and has no opinion otherwise.

- `EscalationPolicy` hands off when distress builds up over the conversation, or when the
  customer takes up, in their own words, a person the bot offered.
- `PatiencePolicy` lets the customer take their time: 「ちょっと待ってください」,
  「メール見てみるわ」 get a short 「ごゆっくりどうぞ」 and the bot listens again, a form still
  waiting for its answer.
"""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from madoguchi.dialogue.escalation import (
    answers_verification, escalation_events, takes_up_person_offered, wrong_noshi_told_across,
)
from madoguchi.dialogue.patience import asks_to_wait
from madoguchi.handoff.escalation import escalates

HANDOFF_ACTION = "action_handoff"
TAKE_YOUR_TIME = "utter_take_your_time"


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
    that asks in its own words for the person the bot offered, or that tells what a wrong
    のし reported before was for.

    The distress threshold comes from the shop rules.
    """

    def predict_action_probabilities(
        self, tracker: DialogueStateTracker, domain: Domain, rule_only_data: dict | None = None, **kwargs: Any
    ) -> PolicyPrediction:
        from madoguchi.shop.rules import shop_rules

        probabilities = self._default_predictions(domain)
        listening = tracker.latest_action_name == ACTION_LISTEN_NAME and HANDOFF_ACTION in domain.action_names_or_texts
        if listening and (takes_up_person_offered(tracker) or wrong_noshi_told_across(tracker)):
            probabilities[domain.index_for_action(HANDOFF_ACTION)] = 1.0
            # Inside a form, the RulePolicy's "the form goes on" is a prediction of no user
            # turn, which Rasa's ensemble prefers to any other: this one is marked alike to be
            # weighed against it by priority (a wrong のし told inside the order verification).
            return self._prediction(probabilities, is_no_user_prediction=tracker.active_loop_name is not None)
        if answers_verification(tracker):
            return self._prediction(probabilities)
        if listening:
            if escalates(escalation_events(tracker.applied_events()), shop_rules().distress_threshold):
                probabilities[domain.index_for_action(HANDOFF_ACTION)] = 1.0
        return self._prediction(probabilities)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class PatiencePolicy(ShopPolicy):
    """Predicts `utter_take_your_time` after a message that asks the bot to wait (the NLU
    triage read it so: `triage.waiting` on a message it took for a yes), then listening."""

    def predict_action_probabilities(
        self, tracker: DialogueStateTracker, domain: Domain, rule_only_data: dict | None = None, **kwargs: Any
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        if TAKE_YOUR_TIME not in domain.action_names_or_texts:
            return self._prediction(probabilities)
        if tracker.latest_action_name == TAKE_YOUR_TIME:
            probabilities[domain.index_for_action(ACTION_LISTEN_NAME)] = 1.0
        elif tracker.latest_action_name == ACTION_LISTEN_NAME and asks_to_wait(tracker):
            probabilities[domain.index_for_action(TAKE_YOUR_TIME)] = 1.0
        return self._prediction(probabilities)
