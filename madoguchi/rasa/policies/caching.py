"""Rasa's RulePolicy and MemoizationPolicy, with what they compute for every turn kept.

Named in config.yml in their place. They predict exactly what Rasa's predict (the
differential tests in tests/madoguchi/rasa/), sooner; four fixes, measured
by `make bench` (docs/benchmarks.md):

- The RulePolicy finds the rules that fit a conversation by checking every rule against
  every turn of it, back to the first: several hundred checks a prediction, more as the
  conversation grows. Here the rules that fit one turn's state are kept, keyed by the
  state and how far back the turn is, and the turns older than the longest rule are not
  checked (every rule fits them).
- For a debug message, the RulePolicy writes out the whole conversation's states, and
  copies them, on every prediction, whatever the log level. Here it does so only when
  its debug messages are logged.
- The RulePolicy and the MemoizationPolicy get fresh copies of every dialogue state of
  the conversation, several times per message, and strip each of the text the intent
  stands for. Both only read them: the states before the latest are copied and stripped
  once, kept with the tracker and shared (`prediction_states`).
- When no rule applies, the RulePolicy writes out every state of the conversation as JSON,
  sorted, for a key it looks up once: half a millisecond at turn 300. The JSON of each
  kept state is written once and kept; the key is those joined, as `json.dumps` joins them.

Their class names differ from Rasa's because Rasa's recipe registers components by class
name: a subclass named `RulePolicy` would replace Rasa's own for every configuration.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Callable

from rasa.core.featurizers.tracker_featurizers import (
    MaxHistoryTrackerFeaturizer, _is_prev_action_unlikely_intent_in_state,
)
from rasa.core.policies.memoization import MemoizationPolicy
from rasa.core.policies.policy import Policy, SupportedData
from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT, TEXT

from madoguchi.rasa.stores.tracker import Replay, copy_state, replayed

State = dict[str, Any]
RULE_POLICY_LOG = "rasa.core.policies.rule_policy"


class _KeptStates(list):
    """Dialogue states whose first `kept` are the kept `replay.processed` ones."""

    replay: Replay
    kept: int


def prediction_states(
    policy: MemoizationPolicy, rasas: Callable[..., list[State]], tracker: Any, domain: Domain,
    use_text_for_last_user_input: bool = False, rule_only_data: dict[str, Any] | None = None,
) -> list[State]:
    """`Policy._prediction_states` of the two policies below (`rasas`: Rasa's).

    Rasa's featurizer gets a fresh copy of every state of the conversation, then deletes the
    text of each user turn that has an intent. These two policies only read the states
    they get: here the states before the latest are copied and stripped once, kept with
    the tracker, and shared; the latest, which depends on the call, is made as Rasa does.
    (Rasa's states of rule-only turns share their user part with the turn before, so that
    choosing the last user text changes both: never for the MemoizationPolicy, which Rasa
    asks without the text, and the RulePolicy's states have no rule-only turns removed.)
    """
    featurizer = policy.featurizer
    if (
        type(policy) not in (CachingRulePolicy, CachingMemoizationPolicy)  # subclasses may change what they get
        or type(featurizer) is not MaxHistoryTrackerFeaturizer
        or isinstance(tracker, TrackerWithCachedStates)
    ):
        return rasas(tracker, domain, use_text_for_last_user_input, rule_only_data)
    ml_data = policy.supported_data() == SupportedData.ML_DATA
    replay, last = replayed(domain, tracker, False, ml_data, rule_only_data)
    for state in replay.states[len(replay.processed) :]:
        state = copy_state(state)
        user = state.get("user", {})
        if user.get(INTENT) and user.get(TEXT):  # Rasa's `_remove_user_text_if_intent`
            del state["user"][TEXT]
        replay.processed.append(state)
    states: list[State] = _KeptStates(replay.processed + ([last] if last is not None else []))
    states.replay, states.kept = replay, len(replay.processed)
    if ml_data:  # without `action_unlikely_intent` states, before slicing (as Rasa)
        wanted = featurizer.max_history or len(states)
        kept: list[State] = []
        for state in reversed(states):
            if len(kept) == wanted:
                break
            if not _is_prev_action_unlikely_intent_in_state(state):
                kept.append(state)
        states = kept[::-1]
    states = featurizer.slice_state_history(states, featurizer.max_history)
    if states:
        # Rasa's last-user-input choice changes the last state only: a copy of it.
        states[-1] = copy_state(states[-1])
        featurizer._choose_last_user_input([states[-1:]], use_text_for_last_user_input)
        if isinstance(states, _KeptStates):
            states.kept = min(states.kept, len(states) - 1)
    return states


class _KeptPredictionStates:
    """The `_prediction_states` of both policies below: `prediction_states`."""

    def _prediction_states(
        self, tracker: DialogueStateTracker, domain: Domain, use_text_for_last_user_input: bool = False,
        rule_only_data: dict[str, Any] | None = None,
    ) -> list[State]:
        rasas = super()._prediction_states  # type: ignore[misc]
        return prediction_states(self, rasas, tracker, domain, use_text_for_last_user_input, rule_only_data)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class CachingMemoizationPolicy(_KeptPredictionStates, MemoizationPolicy):
    """Rasa's MemoizationPolicy, reading the dialogue states kept with the tracker."""


_KEPT_RULES = "_madoguchi_rules"
_KEPT_RULE_STATES = 20_000  # per rule lookup; forgotten all at once beyond


def _frozen(state: State) -> Any:
    """A hashable key of a dialogue state; the type is kept (a tuple is not a list)."""
    return tuple(sorted((name, tuple(sorted((k, type(v), v) for k, v in sub.items()))) for name, sub in state.items()))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class CachingRulePolicy(_KeptPredictionStates, RulePolicy):
    """Rasa's RulePolicy, keeping which rules fit each turn and the states' JSON, and reading
    the dialogue states kept with the tracker."""

    def _get_possible_keys(self, lookup: dict[str, Any], states: list[State]) -> set[str]:
        """Rasa's: the rules of `lookup` that fit every turn of `states`."""
        kept = self.__dict__.setdefault(_KEPT_RULES, {})
        per_lookup = kept.get(id(lookup))
        if per_lookup is None or per_lookup[0] is not lookup or per_lookup[1] != len(lookup):
            longest = max((len(self._rule_key_to_state(key)) for key in lookup), default=0)
            per_lookup = kept[id(lookup)] = (lookup, len(lookup), longest, {})
        _, _, longest, fits = per_lookup
        possible = set(lookup)
        for turn, state in enumerate(reversed(states)):
            if turn >= longest or not possible:  # every rule fits the turns before its first
                break
            try:
                key = (turn, _frozen(state))
                fitting = fits.get(key)
            except TypeError:  # a value that cannot be a key: checked each time
                key, fitting = None, None
            if fitting is None:
                fitting = frozenset(k for k in lookup if self._is_rule_applicable(k, turn, state))
                if key is not None:
                    if len(fits) >= _KEPT_RULE_STATES:
                        fits.clear()
                    fits[key] = fitting
            possible &= fitting
        return possible

    def _create_feature_key(self, states: list[State]) -> str | None:
        """Rasa's, with the kept states written out once.

        The key is the JSON of the states since the last rule snippet: when no rule applies, all
        of the conversation's. A JSON list is its items' JSON, joined.
        """
        replay = getattr(states, "replay", None)
        kept = getattr(states, "kept", 0)
        if (
            replay is None
            or kept == 0
            or states[0] is not replay.processed[0]
            or states[kept - 1] is not replay.processed[kept - 1]
            or any(self._is_rule_snippet_state(s) for s in states[kept:])
        ):
            return super()._create_feature_key(states)
        encoded = replay.encoded
        for state in replay.processed[len(encoded) : kept]:
            encoded.append(json.dumps(state, sort_keys=True))
            if self._is_rule_snippet_state(state):
                replay.after_snippet = len(encoded)
        parts = encoded[replay.after_snippet : kept] + [json.dumps(s, sort_keys=True) for s in states[kept:]]
        return "[" + ", ".join(parts) + "]" if parts else None

    @staticmethod
    def format_tracker_states(states: list[State]) -> str:
        """Rasa's, for the RulePolicy's debug log: only when it is logged."""
        if not logging.getLogger(RULE_POLICY_LOG).isEnabledFor(logging.DEBUG):
            return ""
        return Policy.format_tracker_states(states)
