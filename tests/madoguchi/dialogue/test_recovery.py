"""A custom action that cannot be run: retried, run in process for a handoff, or apologised
for, and the turn ends with `action_listen`; a tracker left stuck heals."""

from __future__ import annotations

import aiohttp
import pytest
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    ConversationPaused,
    FollowupAction,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

from madoguchi.dialogue import recovery
from madoguchi.dialogue.escalation import escalation_events
from madoguchi.handoff.escalation import escalates
from madoguchi.settings import ROOT


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain"))


def conversation(domain: Domain, *texts: str, sender: str = "c1") -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, domain.slots)
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(ActionExecuted("action_listen"))
    for text in texts:
        tracker.update(UserUttered(text, {"name": "request_catalog", "confidence": 1.0}, message_id=text))
    return tracker


def refused() -> RasaException:
    """What Rasa's action client raises when the action server refuses the connection."""
    try:
        try:
            raise aiohttp.ClientConnectorError(None, OSError(111, "Connection refused"))  # type: ignore[arg-type]
        except aiohttp.ClientConnectionError:
            raise RasaException("Failed to execute custom action. Couldn't connect")
    except RasaException as e:
        return e


def texts(events: list) -> list[str]:
    return [e.text for e in events if isinstance(e, BotUttered)]


async def test_a_failed_action_apologises_once_a_turn_and_listens(domain):
    tracker = conversation(domain, "カタログを送ってください")
    action = RemoteAction("action_begin_catalog", EndpointConfig("http://127.0.0.1:9/webhook"))

    async def broken(*_args):
        raise RasaException("the action server answered 500")

    first = await recovery.run(action, broken, None, None, tracker, domain)
    assert texts(first) == [recovery.APOLOGY]
    assert first[-1] == FollowupAction("action_listen")
    again = await recovery.run(action, broken, None, None, tracker, domain)  # another action, same turn
    assert texts(again) == [] and again == [FollowupAction("action_listen")]
    tracker.update(UserUttered("もう一度", {"name": "request_catalog", "confidence": 1.0}, message_id="2"))
    assert texts(await recovery.run(action, broken, None, None, tracker, domain)) == [recovery.APOLOGY]


async def test_a_form_that_cannot_validate_says_the_detail_was_taken(domain):
    tracker = conversation(domain, "山田 太郎です", sender="form")
    action = RemoteAction("validate_catalog_form", EndpointConfig("http://127.0.0.1:9/webhook"))

    async def broken(*_args):
        raise RasaException("down")

    assert texts(await recovery.run(action, broken, None, None, tracker, domain)) == [recovery.FORM_APOLOGY]


async def test_a_rejection_is_left_to_rasa(domain):
    action = RemoteAction("validate_catalog_form", EndpointConfig("http://127.0.0.1:9/webhook"))

    async def rejects(*_args):
        raise ActionExecutionRejection("validate_catalog_form")

    with pytest.raises(ActionExecutionRejection):
        await recovery.run(action, rejects, None, None, conversation(domain, "x"), domain)


async def test_a_refused_call_waits_for_the_action_server_to_come_back(domain, monkeypatch):
    monkeypatch.setattr(recovery, "OUTAGES", recovery.Outages(retry_seconds=5))
    calls: list[int] = []
    came_back: list[str] = []

    async def restarting(*_args):
        calls.append(1)
        if len(calls) < 3:
            raise refused()
        return [BotUttered("お届け先のお名前を教えてください。")]

    async def comes_back(url: str) -> bool:
        came_back.append(url)
        return True

    monkeypatch.setattr(recovery, "_comes_back", comes_back)
    action = RemoteAction("action_begin_catalog", EndpointConfig("http://127.0.0.1:9/webhook"))
    events = await recovery.run(action, restarting, None, None, conversation(domain, "x", sender="r"), domain)
    assert texts(events) == ["お届け先のお名前を教えてください。"]
    assert len(calls) == 3 and came_back == ["http://127.0.0.1:9/webhook"] * 2


async def test_a_long_outage_is_not_waited_for_again(domain):
    now = [0.0]
    outages = recovery.Outages(retry_seconds=15, clock=lambda: now[0])
    assert outages.refused("u")
    now[0] = 14.0
    assert outages.refused("u")
    now[0] = 16.0
    assert not outages.refused("u")  # every later call fails fast until one gets through
    outages.reached("u")
    assert outages.refused("u")  # a new outage is waited for again


async def test_the_action_server_that_does_not_come_back_is_given_up(monkeypatch):
    monkeypatch.setattr(recovery, "RETRY_PAUSE", 0.01)
    now = [0.0]
    monkeypatch.setattr(recovery, "OUTAGES", recovery.Outages(retry_seconds=1, clock=lambda: now[0]))
    recovery.OUTAGES.refused("http://127.0.0.1:9/webhook")
    now[0] = 2.0
    assert not await recovery._comes_back("http://127.0.0.1:9/webhook")  # port 9: nothing listens


async def test_a_handoff_is_run_in_the_rasa_process_when_the_action_server_is_down(domain, shop, monkeypatch):
    monkeypatch.setattr(recovery, "OUTAGES", recovery.Outages(retry_seconds=0))
    tracker = conversation(domain, "オペレーターと話したい", sender="h1")
    tracker.latest_message.parse_data["intent"] = {"name": "request_human", "confidence": 1.0}
    action = RemoteAction("action_handoff", EndpointConfig("http://127.0.0.1:9/webhook"))

    from rasa.core.nlg import TemplatedNaturalLanguageGenerator

    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    from rasa.core.channels.channel import CollectingOutputChannel

    events = await recovery.run(action, RemoteAction.run, CollectingOutputChannel(), nlg, tracker, domain)
    assert SlotSet("handoff_reason", "customer_request") in events
    assert any(isinstance(e, ConversationPaused) for e in events)
    assert any("担当者" in (t or "") for t in texts(events))

    from madoguchi.store import handoffs

    assert handoffs.open_for(shop, "h1").reason == "customer_request"


def test_a_stuck_tracker_heals_and_a_sound_one_is_left_alone(domain):
    stuck = conversation(domain, "カタログを送ってください")
    for _ in range(10):  # what Rasa's circuit breaker left behind
        stuck.update(ActionExecuted("action_fallback"))
    assert recovery.heal(stuck)
    assert stuck.latest_action_name == "action_listen"
    assert not recovery.heal(stuck)

    sound = conversation(domain)
    assert not recovery.heal(sound)

    handed_off = conversation(domain, "オペレーターと話したい")
    handed_off.update(ActionExecuted("action_handoff"))
    handed_off.update(ConversationPaused())
    assert not recovery.heal(handed_off)  # a person has it: the bot does not listen


def test_asking_again_after_an_apology_is_no_sign_of_distress(domain):
    tracker = conversation(domain)
    question = {"name": "ask_shipping", "confidence": 1.0}
    for text in ("送料はいくらですか", "だから送料はいくらですか"):
        tracker.update(UserUttered(text, question, parse_data={
            "text": text, "intent": question, "triage": {"distress": 0.0}}))
        tracker.update(ActionExecuted("action_answer_shipping"))
    assert escalates(escalation_events(tracker.applied_events()), 0.6)  # the answer did not help

    apologised = conversation(domain)
    apologised.update(UserUttered("送料はいくらですか", question, parse_data={
        "text": "送料はいくらですか", "intent": question, "triage": {"distress": 0.0}}))
    apologised.update(BotUttered(recovery.APOLOGY, metadata=dict(recovery.MARK)))
    apologised.update(UserUttered("送料はいくらですか", question, parse_data={
        "text": "送料はいくらですか", "intent": question, "triage": {"distress": 0.0}}))
    assert not escalates(escalation_events(apologised.applied_events()), 0.6)
    assert not escalates([e.as_dict() for e in apologised.events], 0.6)  # as the action server reads it
