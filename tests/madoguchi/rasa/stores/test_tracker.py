"""`KeptStateTracker` holds and gives exactly what Rasa's tracker does, after every event."""

from __future__ import annotations

import itertools

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted, ActiveLoop, ConversationPaused, ConversationResumed, FollowupAction, SlotSet,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

from madoguchi.rasa.stores.tracker import KeptStateTracker
from madoguchi.rasa.stores.tracker_store import UrlTrackerStore
from madoguchi.settings import ROOT
from tests.madoguchi.rasa.conversations import CONVERSATION, user, whole_state

RASA_STATES = Domain.states_for_tracker_history


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain"))


OPTIONS = list(itertools.product([False, True], [False, True], [None, {"slots": ["in_hurry"], "loops": ["catalog_form"]}]))


@pytest.mark.parametrize("tracker_class, stride", [
    (DialogueStateTracker, 1), (KeptStateTracker, 1), (KeptStateTracker, 3), (KeptStateTracker, 4),
])
@pytest.mark.parametrize("omit_unset, ignore_rule_only, rule_only_data", OPTIONS)
def test_kept_states_equal_rasas_after_every_event(
    domain, omit_unset, ignore_rule_only, rule_only_data, tracker_class, stride
):
    """The states after every event, or after every few (so that an undo may be followed by
    more); on Rasa's tracker (`replayed` compares the events), or ours (it knows from its
    kept applied events when an undo or a restart happened)."""
    options = dict(omit_unset_slots=omit_unset, ignore_rule_only_turns=ignore_rule_only, rule_only_data=rule_only_data)
    tracker = tracker_class("c1", domain.slots)
    for i, event in enumerate(CONVERSATION, 1):
        tracker.update(event)
        if i % stride:
            continue
        kept = KeptStateTracker.past_states(tracker, domain, **options)
        assert kept == RASA_STATES(domain, tracker, **options), f"after {event}"
        for state in kept:  # callers change what they are given; the kept states must not change
            state.get("user", {}).clear()
        kept[-1].clear()
        assert KeptStateTracker.past_states(tracker, domain, **options) == RASA_STATES(domain, tracker, **options)


def test_kept_applied_events_equal_rasas_after_every_event(domain):
    tracker = KeptStateTracker("c1", domain.slots)
    for event in CONVERSATION:
        tracker.update(event)
        kept = tracker.applied_events()
        assert kept == DialogueStateTracker.applied_events(tracker), f"after {event}"
        kept.clear()  # a caller's change must not reach the kept list
        assert tracker.applied_events() == DialogueStateTracker.applied_events(tracker)


def test_a_copy_holds_all_that_rasas_replayed_copy_holds(domain):
    tracker = KeptStateTracker("c1", domain.slots)
    events = [*CONVERSATION, FollowupAction("action_answer_gift"), ConversationPaused(), SlotSet("order_id", "A-1"),
              user("greet"), ConversationResumed(), ActionExecuted("action_listen")]
    for event in events:
        tracker.update(event)
        tracker.applied_events(), tracker.past_states(domain)  # with something kept
        kept, rasas = tracker.copy(), DialogueStateTracker.copy(tracker)
        assert type(kept) is KeptStateTracker
        assert whole_state(kept) == whole_state(rasas), f"after {event}"
        # What is done to the copy leaves the tracker as it was.
        before = whole_state(tracker), tracker.current_state(EventVerbosity.ALL)
        if kept.active_loop:
            kept.active_loop.rejected = True
        kept.update_with_events([SlotSet("order_id", "B-2"), ActiveLoop("order_verification_form")], domain)
        assert (whole_state(tracker), tracker.current_state(EventVerbosity.ALL)) == before


def test_a_tracker_with_a_maximum_history_is_copied_and_read_rasas_way(domain):
    tracker = KeptStateTracker("c1", domain.slots, max_event_history=5)
    for event in CONVERSATION:
        tracker.update(event)
        assert tracker.applied_events() == DialogueStateTracker.applied_events(tracker)
        assert whole_state(tracker.copy()) == whole_state(DialogueStateTracker.copy(tracker))


async def test_the_tracker_store_gives_kept_state_trackers(tmp_path, domain):
    store = UrlTrackerStore(domain=domain, url=f"sqlite:///{tmp_path / 'tracker.db'}")
    new = await store.get_or_create_tracker("c1")
    assert type(new) is KeptStateTracker
    for event in CONVERSATION:
        new.update(event)
    await store.save(new)
    other = UrlTrackerStore(domain=domain, url=f"sqlite:///{tmp_path / 'tracker.db'}")
    for all_sessions in (False, True):
        again = await other._retrieve("c1", fetch_events_from_all_sessions=all_sessions)
        rasas = await SQLTrackerStore._retrieve(other, "c1", fetch_events_from_all_sessions=all_sessions)
        assert type(again) is KeptStateTracker and type(rasas) is DialogueStateTracker
        assert whole_state(again) == whole_state(rasas)
    assert await other._retrieve("c2", fetch_events_from_all_sessions=False) is None
