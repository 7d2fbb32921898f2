"""The stack the speed runs talk to: started here on free ports, or one already running.

Started here with `madoguchi.stack.Stack`, as the end-to-end tests do: the three services
on a temporary SQLite database with the demo orders, a fixed clock inside operator hours
and a benchmark token. Cold start is measured from starting the processes to the first
answer on the REST channel.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from madoguchi.bench.footprint import pid_listening_on
from madoguchi.evaluation.bot import EVAL_NOW
from madoguchi.settings import ROOT
from madoguchi.stack import Stack

TOKEN = "bench-token"


@dataclass
class Target:
    """Where the speed runs send messages, and which processes serve them."""

    rasa_url: str
    token: str
    pids: dict[str, int] = field(default_factory=dict)  # service name -> pid (when known)
    cold_start: float | None = None  # seconds from process start to the first answer
    started_here: bool = False
    workers: int = 1  # Sanic workers of the Rasa server started here


def first_answer(rasa_url: str, deadline: float, sender: str = "bench-cold-start") -> None:
    """Send a greeting on the REST channel until the bot answers it."""
    body = json.dumps({"sender": sender, "message": "こんにちは"}).encode()
    while time.monotonic() < deadline:
        request = urllib.request.Request(
            f"{rasa_url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                if json.load(response):
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{rasa_url} gave no answer")


@contextmanager
def LocalStack(model: Path, timeout: float = 240, workers: int | None = None) -> Iterator[Target]:  # noqa: N802
    """`with LocalStack(model) as target:` the three services, stopped on exit. Their
    temporary folder (database and logs) is removed unless something failed. `workers`:
    the Rasa server's (default: MADOGUCHI_RASA_WORKERS)."""
    from madoguchi.store import orders
    from madoguchi.store.db import Database

    tmp = Path(tempfile.mkdtemp(prefix="madoguchi-bench-stack-"))
    db_url = f"sqlite:///{tmp / 'shop.db'}"
    orders.import_csv(Database(db_url), ROOT / "shop" / "demo_orders.csv")
    env = {"RASA_API_TOKEN": TOKEN, "MADOGUCHI_DATABASE_URL": db_url, "MADOGUCHI_NOW": EVAL_NOW}
    if workers:
        env["MADOGUCHI_RASA_WORKERS"] = str(workers)
    stack = Stack.on_free_ports(model, tmp, env, timeout=timeout)
    started = time.monotonic()
    with stack:
        rasa_url = f"http://127.0.0.1:{stack.ports.rasa}"
        first_answer(rasa_url, started + timeout)
        pids = {service.name: service.process.pid for service in stack.services}
        workers = int(stack.env.get("SANIC_WORKERS", "1"))
        yield Target(rasa_url, TOKEN, pids, time.monotonic() - started, started_here=True, workers=workers)
    shutil.rmtree(tmp, ignore_errors=True)


def served_model(url: str, token: str) -> str | None:
    """The file name of the model a running Rasa server serves (from its /status)."""
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/status?token={token}", timeout=10) as response:
            return json.load(response).get("model_file")
    except (OSError, ValueError):
        return None


def running(url: str, token: str, actions_port: int = 5055, web_port: int = 8000) -> Target:
    """A stack already running at `url` (loopback); its processes found by their ports."""
    host = urlparse(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError(f"the benchmark only loads loopback addresses, not {host}")
    ports = {"rasa": urlparse(url).port or 80, "actions": actions_port, "web": web_port}
    pids = {name: pid for name, port in ports.items() if (pid := pid_listening_on(port))}
    return Target(url.rstrip("/"), token, pids)
