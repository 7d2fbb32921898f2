"""The project's RulePolicy and MemoizationPolicy predict what Rasa's predict, after every event."""

from __future__ import annotations

import logging

import pytest
from rasa.core.policies.memoization import MemoizationPolicy
from rasa.core.policies.policy import Policy
from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy
from rasa.shared.core.constants import RULE_SNIPPET_ACTION_NAME
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker

from madoguchi.rasa.policies.caching import CachingMemoizationPolicy, CachingRulePolicy
from madoguchi.rasa.stores.tracker import KeptStateTracker
from tests.madoguchi.rasa.conftest import load_as, nodes_of
from tests.madoguchi.rasa.conversations import CONVERSATION, long_conversation, user

PAIRS = [(CachingRulePolicy, RulePolicy), (CachingMemoizationPolicy, MemoizationPolicy)]


@pytest.fixture(scope="module")
def policies(agent, model_storage):
    """Each of the project's policies in the model, and Rasa's class loaded from the same training."""
    found = []
    for ours, rasas in PAIRS:
        [node] = nodes_of(agent, ours)
        found.append((node._component, load_as(node, rasas, model_storage)))
    assert [type(r) for _, r in found] == [RulePolicy, MemoizationPolicy]
    return found


def conversation(domain, turns: int) -> list:
    return [*CONVERSATION, *list(long_conversation(domain, turns).events)[3:]]


def prediction(policy: Policy, tracker: DialogueStateTracker, domain, rule_only_data: dict) -> dict:
    """All a policy's prediction says, but the policy's name."""
    predicted = policy.predict_action_probabilities(tracker, domain, rule_only_data=rule_only_data)
    return {k: v for k, v in vars(predicted).items() if k != "policy_name"}


def test_the_policies_predict_what_rasas_predict_after_every_event(agent, policies):
    domain = agent.domain
    rule_only = policies[0][0]._get_rule_only_data()  # what the graph gives every policy
    for ours, rasas in policies:
        kept, plain = KeptStateTracker("c1", domain.slots), DialogueStateTracker("c1", domain.slots)
        predicted = 0
        for event in conversation(domain, 12) * 2:  # the second time, the kept rules answer
            kept.update(event)
            plain.update(event)
            expected = prediction(rasas, plain, domain, rule_only)
            assert prediction(ours, kept, domain, rule_only) == expected, f"{type(ours).__name__} after {event}"
            assert prediction(ours, plain, domain, rule_only) == expected, f"{type(ours).__name__} after {event}"
            predicted += max(expected["probabilities"]) > 0
        assert predicted > 10  # the policy predicted something along the way


def test_the_rule_policy_finds_the_rules_rasas_finds(agent, policies):
    policy = policies[0][0]
    domain = agent.domain
    tracker = KeptStateTracker("c1", domain.slots)
    for event in conversation(domain, 12) * 2:
        tracker.update(event)
        states = policy._prediction_states(tracker, domain)
        for lookup in (policy.lookup[RULES], policy.lookup.get(RULES_FOR_LOOP_UNHAPPY_PATH, {})):
            assert policy._get_possible_keys(lookup, states) == RulePolicy._get_possible_keys(policy, lookup, states), (
                f"after {event}")


def test_the_rule_policy_writes_out_the_states_only_for_its_debug_log(agent, caplog):
    domain = agent.domain
    states = domain.states_for_tracker_history(long_conversation(domain, 3))
    rasas = Policy.format_tracker_states(states)
    assert "user intent: ask_product" in rasas
    caplog.set_level(logging.INFO, logger="rasa.core.policies.rule_policy")
    assert CachingRulePolicy.format_tracker_states(states) == ""
    caplog.set_level(logging.DEBUG, logger="rasa.core.policies.rule_policy")
    assert CachingRulePolicy.format_tracker_states(states) == rasas


@pytest.mark.parametrize("tracker_class", [KeptStateTracker, DialogueStateTracker])
def test_the_policies_read_the_states_rasas_featurizer_gives(agent, policies, tracker_class):
    """As Rasa calls them: the RulePolicy with and without the last user text, the
    MemoizationPolicy without. (With it, Rasa's states of rule-only turns share their user
    part with the turn before, and choosing the text changes both; Rasa never asks so.)"""
    domain = agent.domain
    tracker = tracker_class("c1", domain.slots)
    for event in conversation(domain, 6):
        tracker.update(event)
        plain = DialogueStateTracker.from_events("c1", list(tracker.events), domain.slots)
        for policy, _ in policies:
            is_rule_policy = isinstance(policy, RulePolicy)
            rule_only = policy._get_rule_only_data() if is_rule_policy else None
            texts = (False, True) if is_rule_policy else (False,)
            for use_text in texts:
                expected = Policy._prediction_states(policy, plain, domain, use_text, rule_only)
                assert policy._prediction_states(tracker, domain, use_text, rule_only) == expected, (
                    f"{type(policy).__name__} after {event}")
                # What a call was given does not change what the next call gets.
                for other in texts:
                    again = policy._prediction_states(tracker, domain, other, rule_only)
                    assert again == Policy._prediction_states(policy, plain, domain, other, rule_only)
                assert policy._prediction_states(tracker, domain, use_text, rule_only) == expected


def test_the_rule_policy_keys_the_states_as_rasa_does(agent, policies):
    policy = policies[0][0]
    domain = agent.domain
    snippet = [ActionExecuted(RULE_SNIPPET_ACTION_NAME), ActionExecuted("action_listen")]
    tracker = KeptStateTracker("c1", domain.slots)
    written = 0
    for event in [*conversation(domain, 4), *snippet, user("greet")]:
        tracker.update(event)
        for use_text in (False, True):
            states = policy._prediction_states(tracker, domain, use_text, policy._get_rule_only_data())
            expected = RulePolicy._create_feature_key(policy, list(states))
            assert policy._create_feature_key(states) == expected, f"after {event}"
            assert policy._create_feature_key(states) == expected  # once written out
            written += expected is not None
    assert written > 20
