"""Operator actions applied once: an `Idempotency-Key` per action, reused on retry.

The console sends a fresh key with each thing the operator does (a reply, a release, a
close) and the same key when it tries that thing again. The first request with a key
records it (`madoguchi.store.operations`) with the timestamp of the Rasa events it will
send; a retry sends nothing new and is answered with the first outcome. A first attempt
that never learned whether Rasa applied its events (no answer in time, or the web
service stopped meanwhile) is settled by the retry: the same events, checked against the
conversation's tracker before they are sent.

Actions run as tasks that outlive the request: an operator who gives up waiting, or a
browser that drops the connection, does not stop an action half-way. The answer comes
within `answer_within` seconds: the outcome, or 202 while Rasa is still at it (a retry
with the same key later gets the outcome). Failures that surely applied nothing (Rasa
out of reach, or refusing the events) are not kept: a retry of their key tries afresh.
Requests without a key run the same way, once each, as before keys existed.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

from aiohttp import web

from madoguchi.desk.http import DeskError, json_response
from madoguchi.desk.locks import KeyedLocks
from madoguchi.store import operations
from madoguchi.store.db import Database

logger = logging.getLogger(__name__)

KEY_HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
ANSWER_WITHIN_SECONDS = 10.0
DRAIN_SECONDS = 5.0
_KEY = re.compile(r"[\x21-\x7e]{1,100}")  # printable ASCII, as a UUID or a random token

PENDING_MESSAGE = "処理しています。完了すると画面に反映されます。"
UNKNOWN_MESSAGE = "ボット（Rasa）からの応答がなく、完了したかどうか確認できませんでした。画面を更新して状態をご確認ください。"
UNKNOWN_RETRY = "同じ操作をもう一度行っても、二重に送られることはありません。"


class NotKnown(Exception):
    """Rasa gave no answer: the action may or may not have been applied."""


@dataclass(frozen=True)
class Attempt:
    """One try of an action: the timestamp of its Rasa events, and whether to check first."""

    timestamp: float
    check_first: bool  # an earlier try may have applied the events already


Outcome = tuple[int, dict[str, Any]]  # HTTP status and JSON body
Work = Callable[[Attempt], Awaitable[Outcome]]


def fingerprint(*parts: object) -> str:
    """What an action asks for, so a key reused for something else is told apart."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()


class Operations:
    """The web service's running operator actions, keyed by operator and Idempotency-Key."""

    def __init__(self, db: Database, answer_within: float = ANSWER_WITHIN_SECONDS) -> None:
        self.db = db
        self.answer_within = answer_within
        self.running: dict[tuple[str, str], tuple[str, asyncio.Task]] = {}
        self.tasks: set[asyncio.Task] = set()
        self.locks = KeyedLocks()

    async def run(
        self,
        request: web.Request,
        *,
        operator: str,
        action: str,
        handoff_id: int,
        asks: str,
        plan: Callable[[], float],
        work: Work,
    ) -> web.Response:
        """Run `work` once for the request's key; answer with its (first) outcome.

        `asks` is the action's fingerprint; `plan` gives the timestamp of new Rasa events.
        """
        key = request.headers.get(KEY_HEADER)
        if key is None:
            return await self._answer(self._spawn(work(Attempt(plan(), False))), keyed=False)
        key = key.strip()
        if not _KEY.fullmatch(key):
            raise DeskError(400, "bad_idempotency_key", "Idempotency-Key は英数字と記号で100文字以内にしてください。")
        async with self.locks.hold((operator, key)):
            running = self.running.get((operator, key))
            if running is not None:
                _refuse_other(running[0], asks)  # a retry while the first try runs: its outcome
                return await self._answer(running[1], keyed=True, replayed=True)
            found = await asyncio.to_thread(operations.find, self.db, operator, key)
            created = False
            if found is None:
                timestamp = plan()
                found, created = await asyncio.to_thread(
                    lambda: operations.begin(
                        self.db, operator=operator, key=key, action=action,
                        handoff_id=handoff_id, fingerprint=asks, timestamp=timestamp,
                    )
                )
            check_first = not created  # a try before this one may have applied it
            _refuse_other(found.fingerprint, asks)
            if found.state == operations.DONE:
                return json_response(found.body, found.status or 200, headers={REPLAYED_HEADER: "true"})
            task = self._spawn(self._keyed(found, check_first, work))
            self.running[(operator, key)] = (asks, task)
            task.add_done_callback(lambda _: self.running.pop((operator, key), None))
        return await self._answer(task, keyed=True)

    async def _keyed(self, operation: operations.Operation, check_first: bool, work: Work) -> Outcome:
        """Try the action and keep what is known of it for the retries of its key."""
        try:
            status, body = await work(Attempt(operation.timestamp, check_first))
        except DeskError:  # refused, or Rasa surely applied nothing this time
            keep = operations.mark_unknown if check_first else operations.forget
            await asyncio.to_thread(keep, self.db, operation.id)
            raise
        except BaseException:  # no answer, or cut off: it may have been applied
            await asyncio.shield(asyncio.to_thread(operations.mark_unknown, self.db, operation.id))
            raise
        await asyncio.to_thread(operations.settle, self.db, operation.id, status, body)
        return status, body

    def _spawn(self, coroutine: Awaitable[Outcome]) -> asyncio.Task:
        task = asyncio.ensure_future(coroutine)
        self.tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and isinstance(task.exception(), Exception):
            error = task.exception()
            if not isinstance(error, (DeskError, NotKnown)):
                logger.error("operator action failed", exc_info=error)

    async def _answer(self, task: asyncio.Task, *, keyed: bool, replayed: bool = False) -> web.Response:
        """The action's outcome, or 202 when it is still running after `answer_within` seconds."""
        done, _ = await asyncio.wait({task}, timeout=self.answer_within)
        if not done:
            return json_response({"pending": True, "message": PENDING_MESSAGE}, status=202)
        try:
            status, body = task.result()
        except NotKnown:
            message = f"{UNKNOWN_MESSAGE}{UNKNOWN_RETRY}" if keyed else UNKNOWN_MESSAGE
            raise DeskError(504, "rasa_no_answer", message) from None
        return json_response(body, status, headers={REPLAYED_HEADER: "true"} if replayed else None)

    async def drain(self, timeout: float = DRAIN_SECONDS) -> None:
        """Give running actions a little time to finish (the web service is stopping)."""
        if self.tasks:
            await asyncio.wait(set(self.tasks), timeout=timeout)


def _refuse_other(recorded: str, asks: str) -> None:
    if recorded != asks:
        raise DeskError(
            422, "idempotency_key_reused",
            "この操作キー（Idempotency-Key）はすでに別の操作に使われています。画面を更新してからもう一度お試しください。",
        )
