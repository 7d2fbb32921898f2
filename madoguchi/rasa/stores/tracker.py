"""The tracker the Rasa server keeps between messages: Rasa's, with what it recomputes kept.

`madoguchi.rasa.stores.tracker_store.UrlTrackerStore` (named in endpoints.yml) returns this
class, so the Rasa server, and everything it copies a tracker for, use it. Three fixes,
measured by `make bench` (docs/benchmarks.md):

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
- Before every action, Rasa copies the tracker by replaying all its events on a new one.
  The copy here takes the tracker's state as it is: its slots, form and latest events.
  The two differ only where Rasa's processor changed a tracker without an event (it
  clears a follow-up action it is about to run); the copy keeps that change.

`replayed` is also what `madoguchi.rasa.policies.caching` reads the states from, on any
tracker.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
from dataclasses import dataclass, field
from typing import Any

from rasa.shared.constants import DEFAULT_SENDER_ID
from rasa.shared.core.constants import PREVIOUS_ACTION
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted, ActionReverted, ActiveLoop, Restarted, SessionStarted, UserUttered, UserUtteranceReverted,
)
from rasa.shared.core.trackers import DialogueStateTracker


@dataclass
class Replay:
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
_KEPT_APPLIED = "_madoguchi_applied"


def copy_state(state: dict[str, Any]) -> dict[str, Any]:
    """A copy a caller may change: Rasa's featurizers delete keys of the states they are
    given, and of their user part."""
    copied = dict(state)
    if isinstance(copied.get("user"), dict):
        copied["user"] = dict(copied["user"])
    return copied


def replayed(
    domain: Domain, tracker: Any, omit_unset_slots: bool, ignore_rule_only_turns: bool,
    rule_only_data: dict[str, Any] | None,
) -> tuple[Replay, dict[str, Any] | None]:
    """The kept replay of `tracker`'s states (extended), and the state after its last event:
    `Domain.states_for_tracker_history`, replaying only the events it has not seen."""
    applied = tracker.applied_events()
    # The kept list `applied` was copied from, if it was (then, unless it was rewritten since,
    # it still starts with the events replayed before).
    kept_applied = type(tracker).applied_events is KeptStateTracker.applied_events
    source = tracker.__dict__.get(_KEPT_APPLIED) if kept_applied else None
    replays = tracker.__dict__.setdefault(_KEPT_REPLAYS, {})
    key = (id(domain), omit_unset_slots, ignore_rule_only_turns, repr(rule_only_data))
    replay = replays.get(key)
    if (
        replay is None
        or len(replay.events) > len(applied)
        or not (source is not None and replay.source is source and replay.rewrites == source.rewrites)
        and any(a is not b for a, b in zip(replay.events, applied))
    ):
        replay = Replay(events=[], tracker=tracker.init_copy(), states=[])
        replays[key] = replay
    replay.source, replay.rewrites = source, (source.rewrites if source is not None else 0)

    def state_of(tr: Any, hide_rule_turn: bool, states: list[dict[str, Any]]) -> dict[str, Any] | None:
        # The body of Rasa's loop, for the tracker before one action.
        if ignore_rule_only_turns:
            if not replay.turn_was_hidden:
                replay.last_ml_action = domain._get_prev_action_sub_state(tr)
            if not tr.followup_action and not tr.latest_action_name == tr.active_loop_name:
                replay.turn_was_hidden = hide_rule_turn
            if replay.turn_was_hidden:
                return None
        state = domain.get_active_state(tr, omit_unset_slots=omit_unset_slots)
        if ignore_rule_only_turns:
            domain._remove_rule_only_features(state, rule_only_data)
            if states:
                domain._substitute_rule_only_user_input(state, states[-1])
            if replay.last_ml_action:
                state[PREVIOUS_ACTION] = replay.last_ml_action
        return domain._clean_state(state)

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
    return replay, (copy_state(last) if last is not None else None)


@dataclass
class _Applied:
    """Rasa's `applied_events()` of a tracker, as far as its events were seen."""

    events: Any  # the tracker's event deque
    seen: int
    last: Any
    loop_names: set[str]
    applied: list[Any]
    rewrites: int = 0  # how many times `applied` was changed other than by appending


class KeptStateTracker(DialogueStateTracker):
    """`DialogueStateTracker`, keeping its applied events and dialogue states between calls."""

    def init_copy(self) -> KeptStateTracker:
        """Rasa's, of this class (Rasa's always makes a `DialogueStateTracker`)."""
        return KeptStateTracker(
            self.sender_id or DEFAULT_SENDER_ID,
            self.slots.values(),
            self._max_event_history,
            is_rule_tracker=self.is_rule_tracker,
        )

    def past_states(
        self,
        domain: Domain,
        omit_unset_slots: bool = False,
        ignore_rule_only_turns: bool = False,
        rule_only_data: dict[str, Any] | None = None,
    ) -> list[dict[str, Any]]:
        """Rasa's, replaying only the events not seen before (`replayed`)."""
        replay, last = replayed(domain, self, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        states = [copy_state(s) for s in replay.states]
        return states + [last] if last is not None else states

    def applied_events(self) -> list[Any]:
        """Rasa's, extending the result kept with the tracker."""
        events = self.events
        if getattr(events, "maxlen", None) is not None:  # old events drop out: no prefix to keep
            return super().applied_events()
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

    def copy(self) -> DialogueStateTracker:
        """Rasa's, without replaying every event."""
        if getattr(self.events, "maxlen", None) is not None:  # its state came from dropped events too
            return super().copy()
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
