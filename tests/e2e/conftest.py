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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from madoguchi.model import model_path
from madoguchi.settings import ROOT
from madoguchi.stack import Stack
from madoguchi.store import catalog_requests, orders
from madoguchi.store.db import Database

TOKEN = "e2e-test-token"
NOW = "2026-11-20T10:00:00+09:00"  # Friday morning, operators at work


@dataclass
class StackClient:
    """What a test needs to talk to the running stack."""

    rasa: str
    web: str
    db: Database

    def say(self, sender: str, text: Any) -> list[dict[str, Any]]:
        """Send a message on the REST channel; the bot's answers."""
        return post_json(f"{self.rasa}/webhooks/rest/webhook", {"sender": sender, "message": text})

    def tracker(self, sender: str) -> dict[str, Any]:
        """The conversation's tracker from Rasa's HTTP API."""
        with urllib.request.urlopen(f"{self.rasa}/conversations/{sender}/tracker?token={TOKEN}") as r:
            return json.load(r)


def post_json(url: str, body: Any, headers: dict[str, str] | None = None) -> Any:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json", **(headers or {})}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def keep_logs(log_dir: Path, under: str = "") -> None:
    """Copy the services' logs where MADOGUCHI_KEEP_E2E_LOGS says, when it is set."""
    keep = os.environ.get("MADOGUCHI_KEEP_E2E_LOGS")
    if keep and log_dir.exists():
        shutil.copytree(log_dir, Path(keep) / under, dirs_exist_ok=True)


def demo_stack(tmp: Path) -> tuple[Stack, Database]:
    """The three services (not started) on free ports, on a fresh SQLite shop database in
    `tmp` with the demo orders, a fixed clock in operator hours and the test token; skips
    the test when there is no trained model."""
    model = model_path()
    if not model.exists():
        pytest.skip(f"no trained model ({model.name}): `make test` trains it first")
    db_url = f"sqlite:///{tmp / 'shop.db'}"
    db = Database(db_url)
    orders.import_csv(db, ROOT / "shop" / "demo_orders.csv")
    catalog_requests.import_demo(db, catalog_requests.DEMO_FILE, NOW)
    env = {"RASA_API_TOKEN": TOKEN, "MADOGUCHI_DATABASE_URL": db_url, "MADOGUCHI_NOW": NOW}
    return Stack.on_free_ports(model, tmp, env), db


@pytest.fixture(scope="session")
def stack(tmp_path_factory) -> Iterator[StackClient]:
    started, db = demo_stack(tmp_path_factory.mktemp("stack"))
    try:
        with started:
            ports = started.ports
            yield StackClient(f"http://127.0.0.1:{ports.rasa}", f"http://127.0.0.1:{ports.web}", db)
    finally:
        keep_logs(started.log_dir)
