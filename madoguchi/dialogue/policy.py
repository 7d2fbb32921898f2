"""A dialogue policy that hands off when distress builds up over the conversation."""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from madoguchi.handoff.escalation import escalates

HANDOFF_ACTION = "action_handoff"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class EscalationPolicy(Policy):
    """Predicts `action_handoff` right after a customer message that completes an escalation.

    Its priority is above the RulePolicy's, so it wins when both are sure; it has no
    opinion otherwise. The distress threshold comes from the shop rules.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 7}

    def train(self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        return self._resource

    def predict_action_probabilities(
        self, tracker: DialogueStateTracker, domain: Domain, rule_only_data: dict | None = None, **kwargs: Any
    ) -> PolicyPrediction:
        from madoguchi.policy.rules import shop_rules

        probabilities = self._default_predictions(domain)
        if tracker.latest_action_name == ACTION_LISTEN_NAME and HANDOFF_ACTION in domain.action_names_or_texts:
            events = [e.as_dict() for e in tracker.applied_events()]
            if escalates(events, shop_rules().distress_threshold):
                probabilities[domain.index_for_action(HANDOFF_ACTION)] = 1.0
        return self._prediction(probabilities)
