"""The one patch of Rasa left: its action client, for Rasa 3.6.21 only.

Rasa 3.6 builds its action client (`RemoteAction`, over `EndpointConfig`) itself, with no
setting or extension point to give it another class, so these four changes replace
methods of Rasa's classes when `install()` is called: by the tracker store
(`madoguchi.rasa.stores.tracker_store.UrlTrackerStore`, named in endpoints.yml), which every
Rasa server of the project loads before it runs an action, and by
`python -m madoguchi.rasa_server`. They are checked against the Rasa version they were
written for: any other refuses to start (`RASA_VERSION`).

- Rasa validates every action server response with `jsonschema.validate`, which checks
  the schema itself and builds a new validator each time: about 19 ms of CPU per custom
  action on this machine, a third of the server's time under load. The same schema is
  checked once here and its validator kept (0.5 ms); a response that does not fit still
  raises the same `ValidationError` with Rasa's explanation.
- Rasa sends the action server every event of the conversation with every custom
  action. Actions that read only the latest turns get the events of the last few
  customer messages; those that summarise the conversation get all of them
  (`madoguchi.dialogue.history`). The rest of the request is Rasa's own.
- Rasa opens a new HTTP session, and a new connection, for every custom action it asks
  the action server to run. The session here is kept per endpoint and event loop and
  keeps idle connections for 2 seconds: less than the 5 seconds the action server (Sanic)
  keeps them, so a connection is never reused just as the server closes it.
- Not about speed: a custom action that cannot be run (the action server down or
  restarting) is tried again, run in this process if it hands off, or apologised for, and
  the turn ends with `action_listen` (`madoguchi.dialogue.recovery`). An action Rasa's slot
  extraction runs (a custom slot mapping's, `action_validate_slot_mappings`) is tried again
  the same way, but a failure is left to Rasa, which logs it and fills the other slots: an
  apology there would be dropped with the events extraction does not keep, and would still
  count as the turn's, so that the turn's own action, failing too, would end in silence.
"""

from __future__ import annotations

import functools
from typing import Any

RASA_VERSION = "3.6.21"  # the version whose RemoteAction and EndpointConfig these replace
IDLE_CONNECTION_SECONDS = 2.0
_SESSIONS: dict[tuple[Any, ...], Any] = {}
_RASAS: dict[str, Any] = {}


class RasaVersionError(RuntimeError):
    """The installed Rasa is not the one the action client patch was written for."""


def check_rasa_version(version: str | None = None) -> None:
    """Refuses any Rasa but `RASA_VERSION`, with what to do about it."""
    if version is None:
        import rasa

        version = rasa.__version__
    if version != RASA_VERSION:
        raise RasaVersionError(
            f"madoguchi's action client patch (madoguchi/rasa/action_client.py) replaces methods of "
            f"Rasa {RASA_VERSION}'s RemoteAction and EndpointConfig, but Rasa {version} is installed. "
            f"Install rasa=={RASA_VERSION} (requirements.lock), or check each replaced method against "
            f"Rasa {version}'s and change RASA_VERSION."
        )


@functools.lru_cache(maxsize=1)
def _response_validator() -> Any:
    from jsonschema import validators
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: Any, result: dict[str, Any]) -> bool:
    """`RemoteAction._validate_action_result`, with one validator checked once."""
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


def action_call_format(self: Any, tracker: Any, domain: Any) -> dict[str, Any]:
    """`RemoteAction._action_call_format`, with the recent events only where they suffice."""
    from madoguchi.dialogue.history import needs_whole_conversation

    if not needs_whole_conversation(self.name()):
        tracker = _RecentEvents(tracker)
    return rasas()["action_call_format"](self, tracker, domain)


def run_by_slot_extraction(caller: Any) -> bool:
    """Whether a frame is Rasa's slot extraction running a custom mapping's action or
    `action_validate_slot_mappings` (`ActionExtractSlots._run_custom_action`), which logs
    such an action's failure (a `RasaException`) and fills the other slots."""
    from rasa.core.actions.action import ActionExtractSlots

    return caller is not None and caller.f_code is ActionExtractSlots._run_custom_action.__code__


async def run_remote_action(self: Any, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> list[Any]:
    """`RemoteAction.run`, never leaving the customer without an answer when the action
    server is down (`madoguchi.dialogue.recovery`); within slot extraction, a failure is
    Rasa's to handle, after the same wait for an action server that restarts."""
    import sys

    from madoguchi.dialogue import recovery

    answer = not run_by_slot_extraction(sys._getframe(1))
    return await recovery.run(self, rasas()["remote_run"], output_channel, nlg, tracker, domain, answer=answer)


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


def rasas() -> dict[str, Any]:
    """Rasa's own versions of what `install()` replaces, kept on first use, before it does."""
    if not _RASAS:
        from rasa.core.actions.action import RemoteAction
        from rasa.utils.endpoints import EndpointConfig

        _RASAS.update(
            validate_action_result=RemoteAction._validate_action_result,
            action_call_format=RemoteAction._action_call_format,
            remote_run=RemoteAction.run,
            session=EndpointConfig.session,
        )
    return _RASAS


def install() -> None:
    """Replaces the action client's methods (idempotent); refuses another Rasa version."""
    check_rasa_version()
    from rasa.core.actions.action import RemoteAction
    from rasa.utils.endpoints import EndpointConfig

    rasas()
    RemoteAction._validate_action_result = validate_action_result
    RemoteAction._action_call_format = action_call_format
    RemoteAction.run = run_remote_action
    EndpointConfig.session = endpoint_session


def installed() -> bool:
    """Whether `install()` was called in this process."""
    from rasa.core.actions.action import RemoteAction

    return RemoteAction.run is run_remote_action
