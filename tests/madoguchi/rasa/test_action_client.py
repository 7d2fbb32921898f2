"""The action client patch: Rasa's answers, sooner, and only on the Rasa it was written for."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain

from madoguchi.rasa import action_client
from madoguchi.settings import ROOT
from tests.madoguchi.rasa.conversations import long_conversation

RASAS = action_client.rasas()


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain"))


def test_any_other_rasa_version_is_refused():
    action_client.check_rasa_version("3.6.21")
    action_client.check_rasa_version()  # the installed one
    for other in ("3.6.20", "3.7.0", "3.6.21rc1"):
        with pytest.raises(action_client.RasaVersionError, match=f"Rasa {other} is installed.*rasa==3.6.21"):
            action_client.check_rasa_version(other)


def test_installing_refuses_another_rasa_before_replacing_anything(monkeypatch):
    import rasa

    monkeypatch.setattr(rasa, "__version__", "3.6.20")
    before = RemoteAction.run
    with pytest.raises(action_client.RasaVersionError):
        action_client.install()
    assert RemoteAction.run is before


def test_the_tracker_store_installs_it(tmp_path, domain, monkeypatch):
    """`rasa run` with endpoints.yml, without `python -m madoguchi.rasa_server`, runs it too."""
    from rasa.utils.endpoints import EndpointConfig

    from madoguchi.rasa.stores.tracker_store import UrlTrackerStore

    for name, rasas in [("_validate_action_result", "validate_action_result"), ("_action_call_format", "action_call_format"),
                        ("run", "remote_run")]:
        monkeypatch.setattr(RemoteAction, name, RASAS[rasas])
    monkeypatch.setattr(EndpointConfig, "session", RASAS["session"])
    assert not action_client.installed()
    UrlTrackerStore(domain=domain, url=f"sqlite:///{tmp_path / 'tracker.db'}")
    assert action_client.installed() and EndpointConfig.session is action_client.endpoint_session


def test_an_invalid_action_response_is_still_refused():
    action = RemoteAction("action_answer_gift", None)
    valid = {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": [{"text": "はい"}]}
    assert action_client.validate_action_result(action, valid) and RASAS["validate_action_result"](action, valid)
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action_client.validate_action_result(action, {"events": [{"name": "no event type"}]})


def test_an_answering_action_is_sent_the_latest_turns_only(domain):
    tracker = long_conversation(domain, 40)
    action = RemoteAction("action_answer_product", None)
    sent = action_client.action_call_format(action, tracker, domain)
    rasas = RASAS["action_call_format"](action, tracker, domain)
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
        assert action_client.action_call_format(action, tracker, domain) == RASAS["action_call_format"](
            action, tracker, domain)
    short = long_conversation(domain, 3)
    action = RemoteAction("action_answer_product", None)
    assert action_client.action_call_format(action, short, domain) == RASAS["action_call_format"](
        action, short, domain)


def test_action_calls_reuse_one_connection_and_survive_a_closed_one(aiohttp_unused_port, monkeypatch):
    import asyncio

    from aiohttp import web
    from rasa.utils.endpoints import EndpointConfig

    monkeypatch.setattr(EndpointConfig, "session", action_client.endpoint_session)
    monkeypatch.setattr(action_client, "IDLE_CONNECTION_SECONDS", 0.3)
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


@pytest.fixture
def failing_action_server(monkeypatch):
    """The patch installed over an action server whose actions fail; the names it was asked to run."""
    from rasa.shared.exceptions import RasaException

    asked = []

    async def broken(action, *_args):
        asked.append(action.name())
        raise RasaException(f"the action server answered 500 for {action.name()}")

    monkeypatch.setattr(RemoteAction, "run", action_client.run_remote_action)
    monkeypatch.setitem(action_client.rasas(), "remote_run", broken)
    return asked


async def test_a_failed_slot_mapping_action_leaves_the_apology_to_the_turns_action(domain, failing_action_server, caplog):
    """The late-catalog check runs with every message about a delivery, inside Rasa's slot
    extraction, which keeps only the slots it sets: an apology there would never be sent and
    would still count as the turn's. Rasa fills the other slots and logs the failure; the
    action the turn then runs, failing too, apologises."""
    from rasa.core.actions.action import ActionExtractSlots
    from rasa.core.channels import CollectingOutputChannel
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig

    from madoguchi.dialogue import recovery
    from tests.madoguchi.rasa.conversations import user

    endpoint = EndpointConfig("http://127.0.0.1:9/webhook")
    tracker = DialogueStateTracker.from_events("late", [user("ask_delivery_status", date="12月3日")], domain.slots)
    events = await ActionExtractSlots(endpoint).run(
        CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(domain.responses), tracker, domain)
    assert failing_action_server == ["action_notice_late_catalog"]
    assert events == [SlotSet("date", "12月3日")]
    assert "failed to fill slots with custom mappings" in caplog.text
    answered = await RemoteAction("action_begin_catalog_status", endpoint).run(
        CollectingOutputChannel(), None, tracker, domain)
    assert [e.text for e in answered if hasattr(e, "text")] == [recovery.APOLOGY]


async def test_an_invalid_answer_to_slot_extraction_is_a_failure_rasa_handles(domain):
    """Rasa's extraction goes on after a `RasaException` only: an invalid response is one too."""
    from rasa.shared.exceptions import RasaException

    from madoguchi.dialogue import recovery

    async def invalid(*_args):
        raise ValidationError("{} is not of type 'array'")

    action = RemoteAction("action_notice_late_catalog", None)
    with pytest.raises(RasaException, match="is not of type 'array'"):
        await recovery.run(action, invalid, None, None, None, domain, answer=False)
