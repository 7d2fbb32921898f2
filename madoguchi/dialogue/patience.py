"""A dialogue policy that lets the customer take their time: 「ちょっと待ってください」,
「メール見てみるわ」 get a short 「ごゆっくりどうぞ」 and the bot listens again, a form
still waiting for its answer."""

from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from madoguchi.dialogue.policy import ShopPolicy

TAKE_YOUR_TIME = "utter_take_your_time"


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


def asks_to_wait(tracker: DialogueStateTracker) -> bool:
    """The latest message asks the bot to wait, and nothing else in it called for more."""
    message = tracker.latest_message
    parse = (message.parse_data or {}) if message else {}
    triage = parse.get("triage") or {}
    return bool(triage.get("waiting")) and triage.get("changed_from") is not None and (
        (parse.get("intent") or {}).get("name") == "affirm"
    )
