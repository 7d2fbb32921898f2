"""What the Rasa server does when a custom action cannot be run: never silence.

Rasa 3.6 logs a custom action that failed (the action server down, restarting, or
answering an error) with no events and predicts again; the RulePolicy's core fallback is
itself a custom action, so the turn ends at Rasa's limit of ten actions, with no answer and
no `action_listen`, and every later message of the conversation trips the same limit at
once. Here (called by the action client, `madoguchi.rasa.action_client`):

- an action server that refuses connections is tried again for a short while
  (`RETRY_SECONDS` from the first refusal of an outage), so a message that arrives while
  it restarts is answered when it is back;
- a handoff action (`IN_PROCESS`) that still cannot be run on the action server is run in
  the Rasa process itself, from the same request: the customer is told a person takes
  over, the desk ticket opens and the conversation is paused; so is the catalog form's
  next question;
- any other failed action apologises, once a turn, and ends the turn with `action_listen`
  (Rasa's `FollowupAction`), so the conversation goes on with the next message.

`heal` mends a tracker that an older version left without `action_listen` at the end.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from typing import Any, Awaitable, Callable

logger = logging.getLogger(__name__)

APOLOGY = (
    "申し訳ございません。ただいまシステムが混み合っており、お返事ができませんでした。"
    "少し時間をおいて、もう一度お書きください。"
)
# Inside a form, the form goes on with the details given so far and asks its next question.
FORM_APOLOGY = "申し訳ございません。ただいま確認の処理が遅れております。お書きいただいた内容はお預かりしました。"
MARK = {"madoguchi": "apology"}  # the apology's metadata, so that later turns can tell it
# Actions the customer must not be refused for lack of an action server: a person takes over, and
# the catalog form asks its next question (the form goes on with the details given so far).
IN_PROCESS = frozenset({
    "action_handoff", "action_session_start",
    *(f"action_ask_catalog_form_{slot}" for slot in ("person_name", "postal_code", "address", "phone")),
})
RETRY_SECONDS = 15.0
RETRY_PAUSE = 0.5
_APOLOGISED_TURNS = 2000

RunAction = Callable[..., Awaitable[list[Any]]]


class Outages:
    """When each action server was first refused in its current outage (monotonic seconds)."""

    def __init__(self, retry_seconds: float = RETRY_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.retry_seconds = retry_seconds
        self.clock = clock
        self._since: dict[str, float] = {}

    def refused(self, url: str) -> bool:
        """Note a refusal; whether to try again (still within the outage's first seconds)."""
        now = self.clock()
        since = self._since.setdefault(url, now)
        return now - since < self.retry_seconds

    def reached(self, url: str) -> None:
        self._since.pop(url, None)


OUTAGES = Outages()
_apologised: OrderedDict[tuple[str, Any], None] = OrderedDict()


def _refused(error: BaseException) -> bool:
    """Whether the action server could not be connected to (nothing was sent to it)."""
    import aiohttp

    cause = error.__cause__ or error.__context__
    return isinstance(cause, aiohttp.ClientConnectorError)


async def _comes_back(url: str) -> bool:
    """Wait, within the outage's retry time, until the action server accepts connections."""
    from urllib.parse import urlsplit

    address = urlsplit(url)
    while True:
        await asyncio.sleep(RETRY_PAUSE)
        try:
            _reader, writer = await asyncio.wait_for(
                asyncio.open_connection(address.hostname, address.port or 80), RETRY_PAUSE
            )
        except (OSError, asyncio.TimeoutError):
            if not OUTAGES.refused(url):
                return False
            continue
        writer.close()
        return True


def _turn(tracker: Any) -> tuple[str, Any]:
    message = tracker.latest_message
    return tracker.sender_id, (getattr(message, "message_id", None), getattr(message, "timestamp", None))


def apology_events(tracker: Any, action_name: str) -> list[Any]:
    """The apology (once a turn, even when several actions of it fail) and `action_listen`."""
    from rasa.shared.core.constants import ACTION_LISTEN_NAME
    from rasa.shared.core.events import BotUttered, FollowupAction

    events: list[Any] = []
    turn = _turn(tracker)
    if turn not in _apologised:
        _apologised[turn] = None
        while len(_apologised) > _APOLOGISED_TURNS:
            _apologised.popitem(last=False)
        text = FORM_APOLOGY if action_name.startswith("validate_") else APOLOGY
        events.append(BotUttered(text=text, metadata=dict(MARK)))
    return events + [FollowupAction(ACTION_LISTEN_NAME)]


def is_apology(event: dict[str, Any]) -> bool:
    """Whether a tracker event (as a dict) is this module's apology."""
    return event.get("event") == "bot" and (event.get("metadata") or {}).get("madoguchi") == MARK["madoguchi"]


class InProcessEndpoint:
    """An action endpoint that runs the project's actions in this process (rasa-sdk's
    executor), for the action client's own request; settings as `endpoint`'s."""

    url = "in-process"
    _executor: Any = None

    def __init__(self, endpoint: Any) -> None:
        self.kwargs = dict(getattr(endpoint, "kwargs", None) or {})

    @classmethod
    def executor(cls) -> Any:
        if cls._executor is None:
            from rasa_sdk.executor import ActionExecutor

            executor = ActionExecutor()
            executor.register_package("actions")
            cls._executor = executor
        return cls._executor

    async def request(self, json: dict[str, Any] | None = None, **_options: Any) -> dict[str, Any]:
        response = await self.executor().run(json or {})
        return response or {"events": [], "responses": []}


async def run(
    action: Any, rasa_run: RunAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any,
    answer: bool = True,
) -> list[Any]:
    """`RemoteAction.run` (`rasa_run`) that never leaves the customer without an answer.
    With `answer=False` (for a caller that goes on without the action, as Rasa's slot
    extraction does with a `RasaException`) a refused call is still tried again, but a
    failure is raised, as a `RasaException` whatever it was (an invalid response too)."""
    from rasa.core.actions.action import ActionExecutionRejection
    from rasa.shared.exceptions import RasaException

    url = getattr(action.action_endpoint, "url", "") or ""
    while True:
        try:
            events = await rasa_run(action, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except Exception as error:  # noqa: BLE001 - whatever failed, the customer gets an answer
            if _refused(error) and OUTAGES.refused(url) and await _comes_back(url):
                continue
            if not answer:
                if isinstance(error, RasaException):
                    raise
                raise RasaException(f"Failed to execute custom action '{action.name()}': {error}") from error
            logger.error("custom action %s failed for %s: %s", action.name(), tracker.sender_id, error)
            break
        OUTAGES.reached(url)
        return events
    if action.name() in IN_PROCESS:
        local = type(action)(action.name(), InProcessEndpoint(action.action_endpoint))
        try:
            events = await rasa_run(local, output_channel, nlg, tracker, domain)
            logger.warning("ran %s in the Rasa process for %s", action.name(), tracker.sender_id)
            return events
        except Exception:  # noqa: BLE001
            logger.exception("%s failed in the Rasa process too", action.name())
    return apology_events(tracker, action.name())


def heal(tracker: Any) -> bool:
    """Append `action_listen` to a tracker whose last turn ended without one (and is not
    paused: Rasa's switch that follows `madoguchi.handoff.presence.with_person`, kept as
    Rasa left it): Rasa would count its actions into the next turn and stop at once."""
    from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
    from rasa.shared.core.events import ActionExecuted

    if tracker.is_paused():
        return False
    for event in reversed(tracker.events):
        if isinstance(event, ActionExecuted):
            if event.action_name in (ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME):
                return False
            tracker.update(ActionExecuted(ACTION_LISTEN_NAME))
            return True
    return False
