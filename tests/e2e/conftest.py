"""The whole stack, started once for the end-to-end suites, on free ports.

Real processes: the action server, the Rasa server (the trained model, SQL tracker
store, transcript broker) and the web service, on a temporary SQLite database with the
demo orders, a fixed clock inside operator hours, and a test API token.
"""

from __future__ import annotations

import json
import os
import shutil
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from madoguchi.evaluation.bot import free_port
from madoguchi.model import model_path
from madoguchi.settings import ROOT
from madoguchi.stack import Ports, Service, services, stack_env, wait_ready
from madoguchi.store import orders
from madoguchi.store.db import Database

TOKEN = "e2e-test-token"
NOW = "2026-11-20T10:00:00+09:00"  # Friday morning, operators at work


@dataclass
class Stack:
    """What a test needs to talk to the running stack."""

    ports: Ports
    db: Database
    log_dir: Path
    processes: list[Service]

    @property
    def rasa(self) -> str:
        return f"http://127.0.0.1:{self.ports.rasa}"

    @property
    def web(self) -> str:
        return f"http://127.0.0.1:{self.ports.web}"

    def say(self, sender: str, text: Any) -> list[dict[str, Any]]:
        """Send a message on the REST channel; the bot's answers."""
        return post_json(f"{self.rasa}/webhooks/rest/webhook", {"sender": sender, "message": text})

    def tracker(self, sender: str) -> dict[str, Any]:
        """The conversation's tracker from Rasa's HTTP API."""
        with urllib.request.urlopen(f"{self.rasa}/conversations/{sender}/tracker?token={TOKEN}") as r:
            return json.load(r)

    def log(self, name: str) -> str:
        return (self.log_dir / f"{name}.log").read_text(encoding="utf-8", errors="replace")


def post_json(url: str, body: Any, headers: dict[str, str] | None = None) -> Any:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json", **(headers or {})}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Stack:
    model = model_path()
    if not model.exists():
        pytest.skip(f"no trained model ({model.name}): `make test` trains it first")
    tmp = tmp_path_factory.mktemp("stack")
    db_url = f"sqlite:///{tmp / 'shop.db'}"
    db = Database(db_url)
    orders.import_csv(db, ROOT / "shop" / "demo_orders.csv")
    ports = Ports(actions=free_port(), rasa=free_port(), web=free_port())
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(
        (ROOT / "endpoints.yml").read_text(encoding="utf-8").replace(
            "http://localhost:5055/webhook", f"http://127.0.0.1:{ports.actions}/webhook"
        ),
        encoding="utf-8",
    )
    env = stack_env()
    env.update({
        "RASA_API_TOKEN": TOKEN,
        "MADOGUCHI_DATABASE_URL": db_url,
        "MADOGUCHI_NOW": NOW,
        "MADOGUCHI_SOCKET_URL": f"http://127.0.0.1:{ports.rasa}",
        "LINE_CHANNEL_SECRET": env.get("LINE_CHANNEL_SECRET", ""),
        "LINE_CHANNEL_ACCESS_TOKEN": env.get("LINE_CHANNEL_ACCESS_TOKEN", ""),
    })
    env.pop("REDIS_URL", None)
    log_dir = tmp / "logs"
    log_dir.mkdir()
    started = services(model, env, ports, endpoints)
    for service in started:
        service.start(env, log_dir)
    failed = wait_ready(started, timeout=240)
    result = Stack(ports, db, log_dir, started)
    if failed:
        logs = result.log(failed.name)[-3000:]
        for service in started:
            service.stop()
        pytest.fail(f"{failed.name} did not start:\n{logs}")
    yield result
    for service in reversed(started):
        service.stop()
    keep = os.environ.get("MADOGUCHI_KEEP_E2E_LOGS")
    if keep:
        shutil.copytree(log_dir, keep, dirs_exist_ok=True)
