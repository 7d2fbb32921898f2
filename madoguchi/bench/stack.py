"""The stack the speed runs talk to: started here on free ports, or one already running.

Started here the way tests/e2e/conftest.py does it: the three services of
`madoguchi.stack` on a temporary SQLite database with the demo orders, a fixed clock
inside operator hours and a benchmark token. Cold start is measured from starting the
processes to the first answer on the REST channel.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from madoguchi.bench.footprint import pid_listening_on
from madoguchi.evaluation.bot import EVAL_NOW, free_port
from madoguchi.settings import ROOT
from madoguchi.stack import Ports, Service, services, stack_env, wait_ready

TOKEN = "bench-token"


@dataclass
class Target:
    """Where the speed runs send messages, and which processes serve them."""

    rasa_url: str
    token: str
    pids: dict[str, int] = field(default_factory=dict)  # service name -> pid (when known)
    cold_start: float | None = None  # seconds from process start to the first answer
    started_here: bool = False


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


class LocalStack:
    """`with LocalStack(model) as target:` the three services, stopped on exit."""

    def __init__(self, model: Path, timeout: float = 240, keep_logs: Path | None = None) -> None:
        self.model = model
        self.timeout = timeout
        self.keep_logs = keep_logs
        self._tmp = Path(tempfile.mkdtemp(prefix="madoguchi-bench-stack-"))
        self._started: list[Service] = []

    def __enter__(self) -> Target:
        from madoguchi.store import orders
        from madoguchi.store.db import Database

        db_url = f"sqlite:///{self._tmp / 'shop.db'}"
        orders.import_csv(Database(db_url), ROOT / "shop" / "demo_orders.csv")
        ports = Ports(actions=free_port(), rasa=free_port(), web=free_port())
        endpoints = self._tmp / "endpoints.yml"
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
            "MADOGUCHI_NOW": EVAL_NOW,
            "MADOGUCHI_SOCKET_URL": f"http://127.0.0.1:{ports.rasa}",
            "LINE_CHANNEL_SECRET": env.get("LINE_CHANNEL_SECRET", ""),
            "LINE_CHANNEL_ACCESS_TOKEN": env.get("LINE_CHANNEL_ACCESS_TOKEN", ""),
        })
        env.pop("REDIS_URL", None)
        self.log_dir = self._tmp / "logs"
        self.log_dir.mkdir()
        self._started = services(self.model, env, ports, endpoints)
        started = time.monotonic()
        for service in self._started:
            service.start(env, self.log_dir)
        failed = wait_ready(self._started, self.timeout)
        if failed:
            log = (self.log_dir / f"{failed.name}.log").read_text(encoding="utf-8", errors="replace")[-3000:]
            self.__exit__(None, None, None)
            raise RuntimeError(f"{failed.name} did not start:\n{log}")
        rasa_url = f"http://127.0.0.1:{ports.rasa}"
        first_answer(rasa_url, started + self.timeout)
        cold_start = time.monotonic() - started
        pids = {s.name: s.process.pid for s in self._started}
        return Target(rasa_url, TOKEN, pids, cold_start, started_here=True)

    def __exit__(self, *exc) -> None:
        for service in reversed(self._started):
            service.stop()
        if self.keep_logs:
            shutil.copytree(self._tmp / "logs", self.keep_logs, dirs_exist_ok=True)
        shutil.rmtree(self._tmp, ignore_errors=True)


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
