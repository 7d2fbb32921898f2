"""A bot for evaluation: the trained model in-process, the real action server beside it.

The action server runs as a subprocess on a free port with its own temporary shop
database (the demo orders) and a fixed clock inside operator hours, so results do not
depend on when or where they are measured.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from madoguchi.children import die_with_parent
from madoguchi.evaluation.goals import DEMO_ORDERS
from madoguchi.free_ports import free_port
from madoguchi.settings import ROOT
from madoguchi.store.db import Database

EVAL_NOW = "2026-11-20T10:00:00+09:00"  # a Friday morning: operators at work


class LocalBot:
    """`async with LocalBot(model) as bot:` then `await bot.parse(text)` / `await bot.send(sender, text)`."""

    def __init__(self, model: Path, now: str = EVAL_NOW) -> None:
        self.model = model
        self.now = now
        self.agent = None
        self._server: subprocess.Popen | None = None
        self._tmp = tempfile.TemporaryDirectory(prefix="madoguchi-eval-")
        self._db_url = f"sqlite:///{Path(self._tmp.name) / 'eval.db'}"
        self._catalogs_seen: dict[int, Any] = {}  # the catalog requests at the last look
        self._met: set[str] = set()  # the senders that have written

    async def __aenter__(self) -> "LocalBot":
        from rasa.utils.endpoints import EndpointConfig

        from madoguchi.store import catalog_requests, orders

        db_url = self._db_url
        orders.import_csv(Database(db_url), DEMO_ORDERS)
        catalog_requests.import_demo(Database(db_url), catalog_requests.DEMO_FILE, self.now)
        self._catalogs_seen = self._catalog_rows()
        port = free_port()
        env = {**os.environ, "MADOGUCHI_DATABASE_URL": db_url, "MADOGUCHI_NOW": self.now,
               "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"}
        rasa = Path(sys.executable).with_name("rasa")
        self._server = subprocess.Popen(
            [str(rasa), "run", "actions", "--actions", "actions", "--port", str(port)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=die_with_parent,  # a killed evaluation leaves no action server behind
        )
        _wait_http(f"http://127.0.0.1:{port}/health", self._server)
        self.agent = self.load_agent(EndpointConfig(f"http://127.0.0.1:{port}/webhook"))
        return self

    def load_agent(self, action_endpoint: Any) -> Any:
        """The model, loaded and run as the Rasa server does, calling the action server, with
        the server's tracker store and event broker on the evaluation's database (what a
        customer writes while waiting for a person reaches their ticket, as on the desk)."""
        from rasa.core.agent import Agent

        from madoguchi import rasa_server
        from madoguchi.rasa.broker import TranscriptBroker
        from madoguchi.rasa.stores.tracker_store import UrlTrackerStore

        rasa_server.as_served()
        store = UrlTrackerStore(url=self._db_url, event_broker=TranscriptBroker(Database(self._db_url)))
        return Agent.load(str(self.model), action_endpoint=action_endpoint, tracker_store=store)

    async def __aexit__(self, *exc: Any) -> None:
        if self._server and self._server.poll() is None:
            self._server.terminate()
            self._server.wait(timeout=15)
        self._tmp.cleanup()

    async def parse(self, text: str) -> dict[str, Any]:
        """What /model/parse would answer."""
        return await self.agent.parse_message(text)

    async def send(self, sender_id: str, text: str) -> dict[str, Any]:
        """Send a customer message; the tracker's state afterwards."""
        return (await self.say(sender_id, text))[1]

    async def say(self, sender_id: str, text: str) -> tuple[list[str], dict[str, Any]]:
        """Send a customer message; what the bot answered, and the tracker's state."""
        self.meet(sender_id)
        answers = await self.agent.handle_text(text, sender_id=sender_id) or []
        tracker = await self.agent.tracker_store.get_or_create_tracker(sender_id)
        return [a.get("text") or "" for a in answers], tracker.current_state()

    def desk_reason(self, sender_id: str) -> str | None:
        """The reason of the conversation's open ticket on the desk, None without one."""
        from madoguchi.handoff.presence import with_person

        handoff = with_person(Database(self._db_url), sender_id)
        return handoff.reason if handoff is not None else None

    def meet(self, sender_id: str) -> None:
        """Before a customer's first message: the demo orders and catalog requests as the
        writers were told them (an order one conversation cancelled is not cancelled for the
        next customer, nor is a catalog request another customer made found for them)."""
        from madoguchi.store import catalog_requests, orders

        if sender_id not in self._met:
            self._met.add(sender_id)
            orders.import_csv(Database(self._db_url), DEMO_ORDERS)
            catalog_requests.reset_to_demo(Database(self._db_url), catalog_requests.DEMO_FILE, self.now)
            self._catalogs_seen = self._catalog_rows()

    def catalog_requests(self, sender_id: str, held: Any = None) -> list[tuple[str, str]]:
        """The catalog requests stored for a sender (name, method label): its own, the one
        its conversation holds (`held`, an id), and those changed since the last call (a late
        catalog switched to new details keeps the sender of the request it was: conversations
        are played one after the other)."""
        from madoguchi.shop.rules import shop_rules

        labels = {k: m.label for k, m in shop_rules().catalog_methods.items()}
        rows = self._catalog_rows()
        changed = {i for i, row in rows.items() if self._catalogs_seen.get(i) != row}
        self._catalogs_seen = rows
        found = []
        for i, (sender, (name, method, _address, _phone)) in rows.items():
            if sender == sender_id or i in changed or str(i) == str(held):
                found.append((name, labels.get(method, method)))
        return found

    def _catalog_rows(self) -> dict[int, tuple[str | None, tuple[str, str, str, str]]]:
        from madoguchi.store import catalog_requests

        return {
            r.id: (r.sender_id, (r.name, r.shipping_method, r.address, r.phone))
            for r in catalog_requests.recent(Database(self._db_url), limit=10_000)
        }


def _wait_http(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the action server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer in {timeout} s")


def run(coro):
    """Run a coroutine to completion (for command-line entry points)."""
    return asyncio.run(coro)
