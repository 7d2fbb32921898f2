"""madoguchi's fixes to Rasa 3.6 give exactly what Rasa gives, only sooner."""

from __future__ import annotations

import itertools

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    BotUttered,
    ConversationPaused,
    ConversationResumed,
    FollowupAction,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
    UserUtteranceReverted,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

from madoguchi import rasa_server
from madoguchi.settings import ROOT

RASA_STATES = Domain.states_for_tracker_history


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain"))


def user(intent: str, **entities: str) -> UserUttered:
    found = [{"entity": k, "value": v, "start": 0, "end": 1} for k, v in entities.items()]
    return UserUttered(intent, {"name": intent, "confidence": 1.0}, found)


# A conversation with a form, a rule-only turn, corrections, an undo, a restart and a new session.
CONVERSATION = [
    ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
    user("greet"), ActionExecuted("utter_greet"), BotUttered("いらっしゃいませ"), ActionExecuted("action_listen"),
    user("request_catalog"), ActionExecuted("catalog_form"), ActiveLoop("catalog_form"),
    SlotSet("requested_slot", "person_name"), ActionExecuted("action_listen"),
    user("inform", person_name="山田"), ActionExecuted("catalog_form"), SlotSet("person_name", "山田"),
    SlotSet("requested_slot", "postal_code"), ActionExecuted("action_listen"),
    user("ask_shipping"), ActionExecuted("action_answer_shipping", hide_rule_turn=True),
    ActionExecuted("catalog_form"), ActionExecuted("action_listen"),
    user("deny"), UserUtteranceReverted(), ActionExecuted("action_listen"),
    user("inform", postal_code="100-0001"), ActionExecuted("catalog_form"), ActionReverted(),
    ActionExecuted("catalog_form"), ActiveLoop(None), SlotSet("requested_slot", None),
    ActionExecuted("action_listen"), user("thank"), ActionExecuted("utter_thank"),
    ActionExecuted("action_listen"), Restarted(), ActionExecuted("action_session_start"), SessionStarted(),
    ActionExecuted("action_listen"), user("ask_gift"), ActionExecuted("action_answer_gift"),
    ActionExecuted("action_listen"),
]
OPTIONS = list(itertools.product([False, True], [False, True], [None, {"slots": ["in_hurry"], "loops": ["catalog_form"]}]))


@pytest.mark.parametrize("kept_applied, stride", [(False, 1), (True, 1), (True, 3), (True, 4)])
@pytest.mark.parametrize("omit_unset, ignore_rule_only, rule_only_data", OPTIONS)
def test_kept_states_equal_rasas_after_every_event(
    domain, omit_unset, ignore_rule_only, rule_only_data, kept_applied, stride, monkeypatch
):
    """The states after every event, or after every few (so that an undo may be followed by more)."""
    options = dict(omit_unset_slots=omit_unset, ignore_rule_only_turns=ignore_rule_only, rule_only_data=rule_only_data)

    def kept_states() -> list[dict]:
        if kept_applied:  # then undoes and restarts are known from the kept applied events
            monkeypatch.setattr(DialogueStateTracker, "applied_events", rasa_server.applied_events)
        try:
            return rasa_server.states_for_tracker_history(domain, tracker, **options)
        finally:
            monkeypatch.undo()

    tracker = DialogueStateTracker("c1", domain.slots)
    for i, event in enumerate(CONVERSATION, 1):
        tracker.update(event)
        if i % stride:
            continue
        kept = kept_states()
        assert kept == RASA_STATES(domain, tracker, **options), f"after {event}"
        for state in kept:  # callers change what they are given; the kept states must not change
            state.get("user", {}).clear()
        kept[-1].clear()
        assert kept_states() == RASA_STATES(domain, tracker, **options)


def test_kept_applied_events_equal_rasas_after_every_event(domain):
    tracker = DialogueStateTracker("c1", domain.slots)
    for event in CONVERSATION:
        tracker.update(event)
        kept = rasa_server.applied_events(tracker)
        assert kept == DialogueStateTracker.applied_events(tracker), f"after {event}"
        kept.clear()  # a caller's change must not reach the kept list
        assert rasa_server.applied_events(tracker) == DialogueStateTracker.applied_events(tracker)


def test_an_invalid_action_response_is_still_refused():
    action = RemoteAction("action_answer_gift", None)
    valid = {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": [{"text": "はい"}]}
    assert rasa_server._validate_action_result(action, valid) and RemoteAction._validate_action_result(action, valid)
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        rasa_server._validate_action_result(action, {"events": [{"name": "no event type"}]})


def long_conversation(domain: Domain, turns: int) -> DialogueStateTracker:
    tracker = DialogueStateTracker("c1", domain.slots)
    for event in CONVERSATION[:3]:
        tracker.update(event)
    for i in range(turns):
        for event in [user("ask_product", product=f"商品{i}"), ActionExecuted("action_answer_product"),
                      BotUttered(f"答え{i}"), ActionExecuted("action_listen")]:
            tracker.update(event)
    return tracker


def test_an_answering_action_is_sent_the_latest_turns_only(domain):
    tracker = long_conversation(domain, 40)
    action = RemoteAction("action_answer_product", None)
    sent = rasa_server._action_call_format(action, tracker, domain)
    rasas = RemoteAction._action_call_format(action, tracker, domain)
    users = [e for e in sent["tracker"]["events"] if e["event"] == "user"]
    assert len(users) == 10 and users[-1]["parse_data"]["entities"][0]["value"] == "商品39"
    assert sent["tracker"]["events"] == rasas["tracker"]["events"][-len(sent["tracker"]["events"]):]
    assert sent["tracker"]["events"][0]["event"] == "user"
    # Everything else the action reads is Rasa's.
    del sent["tracker"]["events"], rasas["tracker"]["events"]
    assert sent == rasas


def test_an_action_that_may_hand_off_is_sent_the_whole_conversation(domain):
    tracker = long_conversation(domain, 40)
    for name in ["action_handoff", "action_fallback", "action_order_result"]:
        action = RemoteAction(name, None)
        assert rasa_server._action_call_format(action, tracker, domain) == RemoteAction._action_call_format(
            action, tracker, domain)
    short = long_conversation(domain, 3)
    action = RemoteAction("action_answer_product", None)
    assert rasa_server._action_call_format(action, short, domain) == RemoteAction._action_call_format(
        action, short, domain)


STATE = ["sender_id", "_paused", "followup_action", "latest_action", "latest_message", "latest_bot_utterance",
         "active_loop", "model_id", "assistant_id", "is_rule_tracker"]


def test_a_copy_has_the_state_rasas_replayed_copy_has(domain):
    tracker = DialogueStateTracker("c1", domain.slots)
    events = [*CONVERSATION, FollowupAction("action_answer_gift"), ConversationPaused(), SlotSet("order_id", "A-1"),
              user("greet"), ConversationResumed(), ActionExecuted("action_listen")]
    for event in events:
        tracker.update(event)
        kept, rasas = rasa_server.copy_tracker(tracker), DialogueStateTracker.copy(tracker)
        assert list(kept.events) == list(rasas.events), f"after {event}"
        assert {k: (s.value, s.has_been_set) for k, s in kept.slots.items()} == {
            k: (s.value, s.has_been_set) for k, s in rasas.slots.items()}, f"after {event}"
        assert {k: getattr(kept, k) for k in STATE} == {k: getattr(rasas, k) for k in STATE}, f"after {event}"
        # What is done to the copy leaves the tracker as it was.
        before = tracker.current_state(EventVerbosity.ALL)
        if kept.active_loop:
            kept.active_loop.rejected = True
        kept.update_with_events([SlotSet("order_id", "B-2"), ActiveLoop("order_verification_form")], domain)
        assert tracker.current_state(EventVerbosity.ALL) == before


@pytest.fixture(scope="module")
def agent(served_agent):
    """The trained model as the server loads it (once per session)."""
    return served_agent


TEXTS = ["カタログを送ってください", "注文番号Ａ１２３４５６７の荷物はどこですか", "", "🍡🍡", "あ" * 1000,
         "人と話したい", "商品が壊れていました。どうしてくれるんですか", "送料はいくら？", "ありがとう"]


def test_diet_predicts_through_its_graph_exactly_as_rasa_does(agent, monkeypatch):
    import asyncio

    from rasa.utils.tensorflow.models import RasaModel

    def parse_all() -> list[dict]:
        return [asyncio.run(agent.parse_message(text)) for text in TEXTS]

    monkeypatch.setattr(RasaModel, "_rasa_predict", rasa_server.rasas()["rasa_predict"])
    rasas = parse_all()
    monkeypatch.setattr(RasaModel, "_rasa_predict", rasa_server.rasa_predict)
    calls = []
    graph_call = rasa_server._Graph.takes
    monkeypatch.setattr(rasa_server._Graph, "takes", lambda self, flat: calls.append(1) or graph_call(self, flat))
    assert parse_all() == rasas
    assert len(calls) >= len(TEXTS) - 2  # called directly after the first (an empty text skips DIET)


def test_action_calls_reuse_one_connection_and_survive_a_closed_one(aiohttp_unused_port, monkeypatch):
    import asyncio

    from aiohttp import web
    from rasa.utils.endpoints import EndpointConfig

    monkeypatch.setattr(EndpointConfig, "session", rasa_server.endpoint_session)
    monkeypatch.setattr(rasa_server, "IDLE_CONNECTION_SECONDS", 0.3)
    peers = []

    async def webhook(request: web.Request) -> web.Response:
        peers.append(request.transport.get_extra_info("peername"))
        close = (await request.json()).get("close")
        return web.json_response({"events": []}, headers={"Connection": "close"} if close else None)

    async def scenario() -> list:
        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        port = aiohttp_unused_port()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
        answers = [await endpoint.request(json={"n": i}, method="post") for i in range(3)]
        answers.append(await endpoint.request(json={"close": True}, method="post"))  # the server closes
        answers.append(await endpoint.request(json={"n": 4}, method="post"))
        await asyncio.sleep(0.5)  # idle longer than the kept connections live
        answers.append(await endpoint.request(json={"n": 5}, method="post"))
        await runner.cleanup()
        return answers

    assert asyncio.run(scenario()) == [{"events": []}] * 6
    assert peers[0] == peers[1] == peers[2] == peers[3]  # one connection for back-to-back calls
    assert peers[4] != peers[3] and peers[5] != peers[4]  # new ones after a close or an idle time


def test_the_rule_policy_predicts_what_rasas_predicts(agent, monkeypatch):
    from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy

    nodes = agent.processor.graph_runner._instantiated_nodes.values()
    policy = next(n._component for n in nodes if isinstance(n._component, RulePolicy))
    domain = agent.domain
    rasas = rasa_server.rasas()["get_possible_keys"]
    conversation = [*CONVERSATION, *list(long_conversation(domain, 12).events)[3:]]
    tracker = DialogueStateTracker("c1", domain.slots)
    checked = 0
    for event in conversation * 2:  # the second time, the kept rules answer
        tracker.update(event)
        states = policy._prediction_states(tracker, domain)
        for lookup in (policy.lookup[RULES], policy.lookup.get(RULES_FOR_LOOP_UNHAPPY_PATH, {})):
            assert rasa_server.get_possible_keys(policy, lookup, states) == rasas(policy, lookup, states), f"after {event}"
        monkeypatch.setattr(RulePolicy, "_get_possible_keys", rasas)
        expected = policy.predict_action_probabilities(tracker, domain)
        monkeypatch.setattr(RulePolicy, "_get_possible_keys", rasa_server.get_possible_keys)
        predicted = policy.predict_action_probabilities(tracker, domain)
        assert (predicted.probabilities, predicted.events, predicted.is_no_user_prediction) == (
            expected.probabilities, expected.events, expected.is_no_user_prediction), f"after {event}"
        checked += max(predicted.probabilities) > 0
    assert checked > 20  # the rules predicted something along the way


def test_the_rule_policy_writes_out_the_states_only_for_its_debug_log(domain, caplog):
    import logging

    tracker = long_conversation(domain, 3)
    states = domain.states_for_tracker_history(tracker)
    rasas = rasa_server.rasas()["format_tracker_states"](states)
    assert "user intent: ask_product" in rasas
    caplog.set_level(logging.INFO, logger="rasa.core.policies.rule_policy")
    assert rasa_server.format_tracker_states(states) == ""
    caplog.set_level(logging.DEBUG, logger="rasa.core.policies.rule_policy")
    assert rasa_server.format_tracker_states(states) == rasas


def test_the_policies_read_the_states_rasas_featurizer_gives(agent, monkeypatch):
    from rasa.core.policies.memoization import MemoizationPolicy
    from rasa.core.policies.rule_policy import RulePolicy

    nodes = agent.processor.graph_runner._instantiated_nodes.values()
    policies = [n._component for n in nodes if type(n._component) in (RulePolicy, MemoizationPolicy)]
    assert {type(p) for p in policies} == {RulePolicy, MemoizationPolicy}
    rasas = rasa_server.rasas()["prediction_states"]
    monkeypatch.setattr(Domain, "states_for_tracker_history", rasa_server.states_for_tracker_history)
    domain = agent.domain
    tracker = DialogueStateTracker("c1", domain.slots)
    for event in [*CONVERSATION, *list(long_conversation(domain, 6).events)[3:]]:
        tracker.update(event)
        for policy in policies:
            rule_only = policy._get_rule_only_data() if isinstance(policy, RulePolicy) else None
            for use_text in (False, True):
                expected = rasas(policy, tracker, domain, use_text, rule_only)
                got = rasa_server.prediction_states(policy, tracker, domain, use_text, rule_only)
                assert got == expected, f"{type(policy).__name__} after {event}"
                # What a call was given does not change what the next call gets.
                again = rasa_server.prediction_states(policy, tracker, domain, not use_text, rule_only)
                assert again == rasas(policy, tracker, domain, not use_text, rule_only)
                assert rasa_server.prediction_states(policy, tracker, domain, use_text, rule_only) == expected


def test_the_rule_policy_keys_the_states_as_rasa_does(agent, monkeypatch):
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.shared.core.constants import RULE_SNIPPET_ACTION_NAME

    nodes = agent.processor.graph_runner._instantiated_nodes.values()
    policy = next(n._component for n in nodes if isinstance(n._component, RulePolicy))
    rasas = rasa_server.rasas()["create_feature_key"]
    monkeypatch.setattr(Domain, "states_for_tracker_history", rasa_server.states_for_tracker_history)
    domain = agent.domain
    snippet = [ActionExecuted(RULE_SNIPPET_ACTION_NAME), ActionExecuted("action_listen")]
    tracker = DialogueStateTracker("c1", domain.slots)
    written = 0
    for event in [*CONVERSATION, *list(long_conversation(domain, 4).events)[3:], *snippet, user("greet")]:
        tracker.update(event)
        for use_text in (False, True):
            states = rasa_server.prediction_states(policy, tracker, domain, use_text, policy._get_rule_only_data())
            expected = rasas(policy, list(states))
            assert rasa_server.create_feature_key(policy, states) == expected, f"after {event}"
            assert rasa_server.create_feature_key(policy, states) == expected  # once written out
            written += expected is not None
    assert written > 20
