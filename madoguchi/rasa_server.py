"""`python -m madoguchi.rasa_server ...`: Rasa's command line with madoguchi's fixes to Rasa 3.6.

Eleven fixes, measured by `make bench` (docs/benchmarks.md):

- Rasa validates every action server response with `jsonschema.validate`, which checks
  the schema itself and builds a new validator each time: about 19 ms of CPU per custom
  action on this machine, a third of the server's time under load. The same schema is
  checked once here and its validator kept (0.5 ms); a response that does not fit still
  raises the same `ValidationError` with Rasa's explanation.
- Every policy prediction turns the whole conversation into dialogue states again, by
  replaying every event on an empty tracker: a message of turn 300 cost 4 times one of
  turn 10. Since madoguchi keeps trackers in memory between messages, the states of the
  events seen before are kept with the tracker and only the new events are replayed. The
  kept part is used only while the conversation's applied events still start with the
  same event objects (an undo or a restart computes everything again); when they come
  from the kept applied events below, which were only extended since, that is known
  without comparing them.
- `DialogueStateTracker.applied_events()`, called several times per prediction, walks
  every event of the conversation; its result is kept with the tracker and extended
  with the events appended since, while the tracker's event list is the same one and
  no new form name appeared (Rasa's rule for form actions depends on all of them).
- Rasa sends the action server every event of the conversation with every custom
  action. Actions that read only the latest turns get the events of the last few
  customer messages; those that summarise the conversation get all of them
  (`madoguchi.dialogue.history`). The rest of the request is Rasa's own.
- Before every action, Rasa copies the tracker by replaying all its events on a new one.
  The copy here takes the tracker's state as it is: its slots, form and latest events.
  The two differ only where Rasa's processor changed a tracker without an event (it
  clears a follow-up action it is about to run); the copy keeps that change.
- DIET predicts through a `tf.function`, which checks and converts its inputs and looks
  up its traced graph on every call: a fifth of DIET's time per message. After the first
  call, the traced graph is called directly with the same inputs, converted once; inputs
  that do not fit its signature still go through the `tf.function`.
- Rasa opens a new HTTP session, and a new connection, for every custom action it asks
  the action server to run. The session here is kept per endpoint and event loop and
  keeps idle connections for 2 seconds: less than the 5 seconds the action server (Sanic)
  keeps them, so a connection is never reused just as the server closes it.
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

And one that is not about speed: a custom action that cannot be run (the action server
down or restarting) is tried again, run in this process if it hands off, or apologised
for, and the turn ends with `action_listen` (`madoguchi.dialogue.recovery`).
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import itertools
import sys
from dataclasses import dataclass, field
from typing import Any


@functools.lru_cache(maxsize=1)
def _response_validator() -> Any:
    from jsonschema import validators
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    error = best_match(_response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from "
        f"the Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


@dataclass
class _Replay:
    """How far the states of one tracker were computed, for one set of options."""

    events: list[Any]  # the applied events replayed so far
    tracker: Any  # the replay tracker after them
    states: list[dict[str, Any]]  # the state before each ActionExecuted among them
    last_ml_action: Any = None
    turn_was_hidden: bool = False
    processed: list[dict[str, Any]] = field(default_factory=list)  # `states` as the policies read them
    source: Any = None  # the kept `_Applied` that `events` were taken from, while it was only extended
    rewrites: int = 0  # how many times `source` had been rewritten then
    encoded: list[str] = field(default_factory=list)  # `processed` as JSON, as far as needed
    after_snippet: int = 0  # the index in `encoded` after its last rule snippet state


_KEPT_REPLAYS = "_madoguchi_replays"


def _copy(state: dict[str, Any]) -> dict[str, Any]:
    # Rasa's featurizers delete keys of the states they are given, and of their user part.
    copied = dict(state)
    if isinstance(copied.get("user"), dict):
        copied["user"] = dict(copied["user"])
    return copied


def states_for_tracker_history(
    self: Any,
    tracker: Any,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """`Domain.states_for_tracker_history`, replaying only the events it has not seen."""
    replay, last = _replayed(self, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
    states = [_copy(s) for s in replay.states]
    return states + [last] if last is not None else states


def _replayed(
    self: Any, tracker: Any, omit_unset_slots: bool, ignore_rule_only_turns: bool, rule_only_data: dict[str, Any] | None
) -> tuple[_Replay, dict[str, Any] | None]:
    """The kept replay of `tracker`'s states (extended), and the state after its last event."""
    from rasa.shared.core.constants import PREVIOUS_ACTION
    from rasa.shared.core.events import ActionExecuted

    applied = tracker.applied_events()
    # The kept list `applied` was copied from, if it was (then, unless it was rewritten since,
    # it still starts with the events replayed before).
    source = tracker.__dict__.get(_KEPT_APPLIED) if type(tracker).applied_events is applied_events else None
    replays = tracker.__dict__.setdefault(_KEPT_REPLAYS, {})
    key = (id(self), omit_unset_slots, ignore_rule_only_turns, repr(rule_only_data))
    replay = replays.get(key)
    if (
        replay is None
        or len(replay.events) > len(applied)
        or not (source is not None and replay.source is source and replay.rewrites == source.rewrites)
        and any(a is not b for a, b in zip(replay.events, applied))
    ):
        replay = _Replay(events=[], tracker=tracker.init_copy(), states=[])
        replays[key] = replay
    replay.source, replay.rewrites = source, (source.rewrites if source is not None else 0)

    def state_of(tr: Any, hide_rule_turn: bool, states: list[dict[str, Any]]) -> dict[str, Any] | None:
        # The body of Rasa's loop, for the tracker before one action.
        if ignore_rule_only_turns:
            if not replay.turn_was_hidden:
                replay.last_ml_action = self._get_prev_action_sub_state(tr)
            if not tr.followup_action and not tr.latest_action_name == tr.active_loop_name:
                replay.turn_was_hidden = hide_rule_turn
            if replay.turn_was_hidden:
                return None
        state = self.get_active_state(tr, omit_unset_slots=omit_unset_slots)
        if ignore_rule_only_turns:
            self._remove_rule_only_features(state, rule_only_data)
            if states:
                self._substitute_rule_only_user_input(state, states[-1])
            if replay.last_ml_action:
                state[PREVIOUS_ACTION] = replay.last_ml_action
        return self._clean_state(state)

    for event in applied[len(replay.events) :]:
        if isinstance(event, ActionExecuted):
            state = state_of(replay.tracker, event.hide_rule_turn, replay.states)
            if state is not None:
                replay.states.append(state)
        replay.tracker.update(event)
        replay.events.append(event)
    # The state after the last event changes with the next one: computed, not kept.
    kept_ml_action, kept_hidden = replay.last_ml_action, replay.turn_was_hidden
    last = state_of(replay.tracker, False, replay.states)
    replay.last_ml_action, replay.turn_was_hidden = kept_ml_action, kept_hidden
    # Rasa may give the last state the user part of the state before it (rule-only turns):
    # a copy, so that what callers change in it does not reach the kept state.
    return replay, (_copy(last) if last is not None else None)


def prediction_states(
    self: Any, tracker: Any, domain: Any, use_text_for_last_user_input: bool = False,
    rule_only_data: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """`Policy._prediction_states` of the RulePolicy and the MemoizationPolicy.

    Rasa's featurizer gets a fresh copy of every state of the conversation, then deletes the
    text of each user turn that has an intent. These two policies only read the states
    they get: here the states before the latest are copied and stripped once, kept with
    the tracker, and shared; the latest, which depends on the call, is made as Rasa does.
    """
    from rasa.core.featurizers.tracker_featurizers import (
        MaxHistoryTrackerFeaturizer, _is_prev_action_unlikely_intent_in_state,
    )
    from rasa.core.policies.memoization import MemoizationPolicy
    from rasa.core.policies.policy import SupportedData
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.shared.core.generator import TrackerWithCachedStates
    from rasa.shared.nlu.constants import INTENT, TEXT

    featurizer = self.featurizer
    if (
        type(self) not in (RulePolicy, MemoizationPolicy)  # others may change what they get
        or type(featurizer) is not MaxHistoryTrackerFeaturizer
        or isinstance(tracker, TrackerWithCachedStates)
    ):
        return rasas()["prediction_states"](self, tracker, domain, use_text_for_last_user_input, rule_only_data)
    ml_data = self.supported_data() == SupportedData.ML_DATA
    replay, last = _replayed(domain, tracker, False, ml_data, rule_only_data)
    for state in replay.states[len(replay.processed) :]:
        state = _copy(state)
        user = state.get("user", {})
        if user.get(INTENT) and user.get(TEXT):  # Rasa's `_remove_user_text_if_intent`
            del state["user"][TEXT]
        replay.processed.append(state)
    states: list[dict[str, Any]] = _KeptStates(replay.processed + ([last] if last is not None else []))
    states.replay, states.kept = replay, len(replay.processed)
    if ml_data:  # without `action_unlikely_intent` states, before slicing (as Rasa)
        wanted = featurizer.max_history or len(states)
        kept: list[dict[str, Any]] = []
        for state in reversed(states):
            if len(kept) == wanted:
                break
            if not _is_prev_action_unlikely_intent_in_state(state):
                kept.append(state)
        states = kept[::-1]
    states = featurizer.slice_state_history(states, featurizer.max_history)
    if states:
        # Rasa's last-user-input choice changes the last state only: a copy of it.
        states[-1] = _copy(states[-1])
        featurizer._choose_last_user_input([states[-1:]], use_text_for_last_user_input)
        if isinstance(states, _KeptStates):
            states.kept = min(states.kept, len(states) - 1)
    return states


class _KeptStates(list):
    """Dialogue states whose first `kept` are the kept `replay.processed` ones."""

    replay: _Replay
    kept: int


def create_feature_key(self: Any, states: list[dict[str, Any]]) -> str | None:
    """`RulePolicy._create_feature_key`, with the kept states written out once.

    The key is the JSON of the states since the last rule snippet: when no rule applies, all
    of the conversation's. A JSON list is its items' JSON, joined.
    """
    import json

    from rasa.core.policies.rule_policy import RulePolicy

    replay = getattr(states, "replay", None)
    kept = getattr(states, "kept", 0)
    if (
        replay is None
        or kept == 0
        or states[0] is not replay.processed[0]
        or states[kept - 1] is not replay.processed[kept - 1]
        or any(RulePolicy._is_rule_snippet_state(s) for s in states[kept:])
    ):
        return rasas()["create_feature_key"](self, states)
    encoded = replay.encoded
    for state in replay.processed[len(encoded) : kept]:
        encoded.append(json.dumps(state, sort_keys=True))
        if RulePolicy._is_rule_snippet_state(state):
            replay.after_snippet = len(encoded)
    parts = encoded[replay.after_snippet : kept] + [json.dumps(s, sort_keys=True) for s in states[kept:]]
    return "[" + ", ".join(parts) + "]" if parts else None


@dataclass
class _Applied:
    """Rasa's `applied_events()` of a tracker, as far as its events were seen."""

    events: Any  # the tracker's event deque
    seen: int
    last: Any
    loop_names: set[str]
    applied: list[Any]
    rewrites: int = 0  # how many times `applied` was changed other than by appending


_KEPT_APPLIED = "_madoguchi_applied"
def applied_events(self: Any) -> list[Any]:
    """`DialogueStateTracker.applied_events`, extending the result kept with the tracker."""
    from rasa.shared.core.events import (
        ActionExecuted, ActionReverted, ActiveLoop, Restarted, SessionStarted, UserUttered,
        UserUtteranceReverted,
    )

    events = self.events
    if getattr(events, "maxlen", None) is not None:  # old events drop out: no prefix to keep
        return rasas()["applied_events"](self)
    kept = self.__dict__.get(_KEPT_APPLIED)
    if (
        kept is None
        or kept.events is not events
        or kept.seen > len(events)
        or (kept.seen and events[kept.seen - 1] is not kept.last)
    ):
        kept = _Applied(events, 0, None, set(), [])
    new = list(itertools.islice(events, kept.seen, None))
    names = {e.name for e in new if isinstance(e, ActiveLoop) and e.name}
    if not names <= kept.loop_names:
        # Rasa decides on form actions knowing every form name of the conversation.
        kept = _Applied(events, 0, None, kept.loop_names | names, [])
        new = list(events)
    applied = kept.applied
    for event in new:
        if isinstance(event, (Restarted, SessionStarted)):
            applied.clear()
        elif isinstance(event, ActionReverted):
            self._undo_till_previous(ActionExecuted, applied)
        elif isinstance(event, UserUtteranceReverted):
            self._undo_till_previous(UserUttered, applied)
            self._undo_till_previous(ActionExecuted, applied)
        elif (
            isinstance(event, ActionExecuted)
            and event.action_name in kept.loop_names
            and not self._first_loop_execution_or_unhappy_path(event.action_name, applied)
        ):
            self._undo_till_previous_loop_execution(event.action_name, applied)
        else:
            applied.append(event)
            continue
        kept.rewrites += 1
    kept.seen, kept.last = len(events), (events[-1] if events else None)
    self.__dict__[_KEPT_APPLIED] = kept
    return list(applied)


class _RecentEvents:
    """A tracker as an action sees it: Rasa's tracker, with only its recent events."""

    def __init__(self, tracker: Any) -> None:
        self._tracker = tracker

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tracker, name)

    def current_state(self, event_verbosity: Any = None) -> dict[str, Any]:
        from rasa.shared.core.trackers import EventVerbosity

        from madoguchi.dialogue.history import window

        state = self._tracker.current_state(EventVerbosity.NONE)
        state["events"] = [e.as_dict() for e in window(self._tracker.events)]
        return state


async def run_remote_action(self: Any, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> list[Any]:
    """`RemoteAction.run`, never leaving the customer without an answer when the action
    server is down (`madoguchi.dialogue.recovery`)."""
    from madoguchi.dialogue import recovery

    return await recovery.run(self, rasas()["remote_run"], output_channel, nlg, tracker, domain)


def _action_call_format(self: Any, tracker: Any, domain: Any) -> dict[str, Any]:
    """`RemoteAction._action_call_format`, with the recent events only where they suffice."""
    from madoguchi.dialogue.history import needs_whole_conversation

    if not needs_whole_conversation(self.name()):
        tracker = _RecentEvents(tracker)
    return rasas()["action_call_format"](self, tracker, domain)


_KEPT_GRAPH = "_madoguchi_predict_graph"
@dataclass
class _Graph:
    """A model's traced prediction graph, and the inputs it takes."""

    function: Any  # the ConcreteFunction
    specs: list[Any]  # its flat input TensorSpecs

    def takes(self, flat: list[Any]) -> bool:
        return len(flat) == len(self.specs) and all(
            x.dtype == s.dtype and s.shape.is_compatible_with(x.shape) for x, s in zip(flat, self.specs)
        )


def rasa_predict(self: Any, batch_in: Any) -> dict[str, Any]:
    """`RasaModel._rasa_predict`, calling the traced graph directly after the first time."""
    import tensorflow as tf
    from keras.utils import tf_utils
    from rasa.shared.constants import DIAGNOSTIC_DATA

    graph = self.__dict__.get(_KEPT_GRAPH)
    if graph is None:
        outputs = rasas()["rasa_predict"](self, batch_in)
        if not self._run_eagerly and self._tf_predict_step is not None:
            function = self._tf_predict_step.get_concrete_function()
            specs = tf.nest.flatten(function.structured_input_signature)
            self.__dict__[_KEPT_GRAPH] = _Graph(function, specs)
        return outputs
    flat = [tf.convert_to_tensor(x) for x in tf.nest.flatten(batch_in)]
    if not graph.takes(flat):
        return rasas()["rasa_predict"](self, batch_in)
    self._training = False
    outputs = tf_utils.sync_to_numpy_or_python_type(graph.function._call_flat(flat, graph.function.captured_inputs))
    if DIAGNOSTIC_DATA in outputs:
        outputs[DIAGNOSTIC_DATA] = self._empty_lists_to_none_in_dict(outputs[DIAGNOSTIC_DATA])
    return outputs


def copy_tracker(self: Any) -> Any:
    """`DialogueStateTracker.copy`, without replaying every event."""
    if getattr(self.events, "maxlen", None) is not None:  # its state came from dropped events too
        return rasas()["copy"](self)
    clone = self.init_copy()
    clone.events.extend(self.events)
    clone.slots.update({name: copy.copy(slot) for name, slot in self.slots.items()})
    clone._paused = self._paused
    clone.followup_action = self.followup_action
    clone.latest_action = dict(self.latest_action) if self.latest_action is not None else None
    clone.latest_message = self.latest_message
    clone.latest_bot_utterance = self.latest_bot_utterance
    clone.active_loop = dataclasses.replace(self.active_loop) if self.active_loop else None
    return clone


IDLE_CONNECTION_SECONDS = 2.0
_SESSIONS: dict[tuple[Any, ...], Any] = {}


class _KeptSession:
    """`async with` a session that stays open after the block (Rasa closes each one)."""

    def __init__(self, session: Any) -> None:
        self.session = session

    async def __aenter__(self) -> Any:
        return self.session

    async def __aexit__(self, *_exc: Any) -> None:
        return None


def endpoint_session(self: Any) -> _KeptSession:
    """`EndpointConfig.session`, kept for the endpoint in the running event loop."""
    import asyncio

    import aiohttp
    from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT

    loop = asyncio.get_running_loop()
    key = (self.url, repr(self.headers), repr(self.basic_auth), id(loop))
    session = _SESSIONS.get(key)
    if session is None or session.closed:
        auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) if self.basic_auth else None
        session = aiohttp.ClientSession(
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=IDLE_CONNECTION_SECONDS),
        )
        _SESSIONS[key] = session
    return _KeptSession(session)


_KEPT_RULES = "_madoguchi_rules"
_KEPT_RULE_STATES = 20_000  # per rule lookup; forgotten all at once beyond


def _frozen(state: dict[str, Any]) -> Any:
    """A hashable key of a dialogue state; the type is kept (a tuple is not a list)."""
    return tuple(sorted((name, tuple(sorted((k, type(v), v) for k, v in sub.items()))) for name, sub in state.items()))


def get_possible_keys(self: Any, lookup: dict[str, Any], states: list[dict[str, Any]]) -> set[str]:
    """`RulePolicy._get_possible_keys`: the rules of `lookup` that fit every turn of `states`."""
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


def format_tracker_states(states: list[dict[str, Any]]) -> str:
    """`Policy.format_tracker_states`, for the RulePolicy's debug log: only when it is logged."""
    import logging

    if not logging.getLogger("rasa.core.policies.rule_policy").isEnabledFor(logging.DEBUG):
        return ""
    return rasas()["format_tracker_states"](states)


_RASAS: dict[str, Any] = {}


def rasas() -> dict[str, Any]:
    """Rasa's own versions of what `install()` replaces, kept on first use, before it does."""
    if not _RASAS:
        from rasa.core.actions.action import RemoteAction
        from rasa.core.policies.policy import Policy
        from rasa.core.policies.rule_policy import RulePolicy
        from rasa.shared.core.trackers import DialogueStateTracker
        from rasa.utils.tensorflow.models import RasaModel

        _RASAS.update(
            prediction_states=Policy._prediction_states,
            get_possible_keys=RulePolicy._get_possible_keys,
            create_feature_key=RulePolicy._create_feature_key,
            format_tracker_states=RulePolicy.format_tracker_states,
            applied_events=DialogueStateTracker.applied_events,
            copy=DialogueStateTracker.copy,
            action_call_format=RemoteAction._action_call_format,
            remote_run=RemoteAction.run,
            rasa_predict=RasaModel._rasa_predict,
        )
    return _RASAS


def install() -> None:
    """Installs the fixes (idempotent)."""
    from rasa.core.actions.action import RemoteAction
    from rasa.core.policies.memoization import MemoizationPolicy
    from rasa.core.policies.rule_policy import RulePolicy
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.tensorflow.models import RasaModel

    rasas()
    RemoteAction._validate_action_result = _validate_action_result
    RemoteAction._action_call_format = _action_call_format
    RemoteAction.run = run_remote_action
    EndpointConfig.session = endpoint_session
    Domain.states_for_tracker_history = states_for_tracker_history
    DialogueStateTracker.applied_events = applied_events
    DialogueStateTracker.copy = copy_tracker
    RasaModel._rasa_predict = rasa_predict
    RulePolicy._get_possible_keys = get_possible_keys
    RulePolicy._create_feature_key = create_feature_key
    RulePolicy.format_tracker_states = staticmethod(format_tracker_states)
    MemoizationPolicy._prediction_states = RulePolicy._prediction_states = prediction_states


def lean_memory() -> None:
    """The memory fixes of `madoguchi.memory`; first, since they must precede TensorFlow."""
    from madoguchi import memory

    memory.install()


def as_served() -> None:
    """The server's fixes, the memory ones first: for an agent loaded in this process too."""
    lean_memory()
    install()


def main() -> None:
    as_served()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
