"""Starting, supervising and stopping the three services together: actions, Rasa, and the
web/desk. A service that dies is restarted, with backoff, while the others keep serving."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from madoguchi.children import die_with_parent
from madoguchi.free_ports import free_port
from madoguchi.settings import ROOT, Settings, read_dotenv

ACTIONS_PORT = 5055
RASA_PORT = 5005
WEB_PORT = 8000


@dataclass(frozen=True)
class Ports:
    """Where the three services listen (the contract's ports by default)."""

    actions: int = ACTIONS_PORT
    rasa: int = RASA_PORT
    web: int = WEB_PORT


FIRST_RESTART_SECONDS = 1.0
LAST_RESTART_SECONDS = 30.0  # the longest wait between restarts of a service that keeps dying
STEADY_SECONDS = 60.0  # a service up this long is healthy again: its next restart is at once


@dataclass
class Service:
    """A child process and the URL that answers when it is ready."""

    name: str
    command: list[str]
    health_url: str
    process: subprocess.Popen | None = field(default=None, repr=False)
    started_at: float = field(default=0.0, repr=False)  # monotonic
    backoff: float = field(default=FIRST_RESTART_SECONDS, repr=False)
    restart_at: float | None = field(default=None, repr=False)  # when a dead one is started again
    restarts: int = field(default=0, repr=False)

    def start(self, env: dict[str, str], log_dir: Path) -> None:
        with open(log_dir / f"{self.name}.log", "ab") as log:
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True, preexec_fn=die_with_parent,
            )
        self.started_at = time.monotonic()

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(self.health_url, timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def stop(self, timeout: float = 15) -> None:
        if not self.alive():
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def stack_env() -> dict[str, str]:
    """The process environment over `.env`, as the services should see it."""
    env = {**read_dotenv(ROOT / ".env"), **os.environ}
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env.setdefault("MALLOC_ARENA_MAX", "2")  # fewer glibc arenas: less resident memory under load
    # TensorFlow on one thread per operation and one operation at a time (Rasa's own settings,
    # read by `rasa run`): DIET's small graph runs faster so than split over the cores, which
    # the other workers and services need (docs/benchmarks.md).
    env.setdefault("TF_INTRA_OP_PARALLELISM_THREADS", "1")
    env.setdefault("TF_INTER_OP_PARALLELISM_THREADS", "1")
    env["RASA_TELEMETRY_ENABLED"] = "false"  # no telemetry or error reports leave the machine
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def services(
    model: Path, env: dict[str, str], ports: Ports = Ports(), endpoints: Path = ROOT / "endpoints.yml"
) -> list[Service]:
    """The action server, the Rasa server and the web service, in start order.

    `env` is completed with the web service's port and where it reaches Rasa.
    """
    bin_dir = Path(sys.executable).parent
    env.setdefault("MADOGUCHI_WEB_PORT", str(ports.web))
    env.setdefault("RASA_URL", f"http://127.0.0.1:{ports.rasa}")
    env["SANIC_WORKERS"] = str(Settings.from_env(env).rasa_workers)  # Rasa's workers (the others ignore it)
    return [
        Service(
            "actions",
            [str(bin_dir / "rasa"), "run", "actions", "--actions", "actions", "--port", str(ports.actions)],
            f"http://127.0.0.1:{ports.actions}/health",
        ),
        Service(
            "rasa",
            [
                sys.executable, "-m", "madoguchi.rasa_server", "run", "--enable-api",
                "--auth-token", env["RASA_API_TOKEN"],
                "--model", str(model), "--port", str(ports.rasa), "--cors", "*",
                "--endpoints", str(endpoints), "--credentials", str(ROOT / "credentials.yml"),
            ],
            f"http://127.0.0.1:{ports.rasa}/",
        ),
        Service(
            "web",
            [sys.executable, "-m", "madoguchi.web"],
            f"http://127.0.0.1:{env['MADOGUCHI_WEB_PORT']}/healthz",
        ),
    ]


def wait_ready(all_services: list[Service], timeout: float) -> Service | None:
    """Wait until every service answers; returns the first that died or timed out."""
    deadline = time.monotonic() + timeout
    pending = list(all_services)
    while pending and time.monotonic() < deadline:
        for service in list(pending):
            if not service.alive():
                return service
            if service.ready():
                pending.remove(service)
        time.sleep(0.5)
    return pending[0] if pending else None


@dataclass
class Stack:
    """Services started together: `with stack:` starts them, waits until each answers and
    stops them all on the way out. When one dies or does not answer within `timeout`
    seconds, entering stops them all and raises RuntimeError with its log's path and end."""

    services: list[Service]
    env: dict[str, str]
    log_dir: Path
    ports: Ports = Ports()
    endpoints: Path = ROOT / "endpoints.yml"
    timeout: float = 240
    stop_timeout: float = 15
    stopping: threading.Event = field(default_factory=threading.Event, repr=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)  # stop vs restart

    @classmethod
    def on_free_ports(cls, model: Path, workdir: Path, env: dict[str, str], **options: float) -> Stack:
        """The three services on free ports, not started yet: `env` over `stack_env()` (no
        Redis unless `env` names one), endpoints.yml and the logs in `workdir`. `options`:
        `timeout` and `stop_timeout`."""
        ports = Ports(actions=free_port(), rasa=free_port(), web=free_port())
        endpoints = workdir / "endpoints.yml"
        endpoints.write_text(
            (ROOT / "endpoints.yml").read_text(encoding="utf-8").replace(
                "http://localhost:5055/webhook", f"http://127.0.0.1:{ports.actions}/webhook"
            ),
            encoding="utf-8",
        )
        full_env = stack_env()
        full_env.pop("REDIS_URL", None)
        rasa_url = f"http://127.0.0.1:{ports.rasa}"
        full_env.update({
            "MADOGUCHI_WEB_PORT": str(ports.web),
            "RASA_URL": rasa_url,
            "MADOGUCHI_SOCKET_URL": rasa_url,
            "LINE_CHANNEL_SECRET": full_env.get("LINE_CHANNEL_SECRET", ""),
            "LINE_CHANNEL_ACCESS_TOKEN": full_env.get("LINE_CHANNEL_ACCESS_TOKEN", ""),
            **env,
        })
        started = services(model, full_env, ports, endpoints)
        return cls(started, full_env, workdir / "logs", ports, endpoints, **options)

    def start(self) -> Service | None:
        """Start the services and wait until they answer; the first that died or timed out."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        for service in self.services:
            service.start(self.env, self.log_dir)
        return wait_ready(self.services, self.timeout)

    def stop(self) -> None:
        """Stop the services together; one still running after `stop_timeout` seconds is killed."""
        self.stopping.set()
        with self._lock, ThreadPoolExecutor(len(self.services)) as pool:
            list(pool.map(lambda service: service.stop(self.stop_timeout), self.services))

    def supervise(self, report: Callable[[str], None] = print) -> None:
        """Restart each service that died, the others serving meanwhile: at once the first
        time, then after twice as long each time it dies again (at most
        `LAST_RESTART_SECONDS`), at once again after it ran `STEADY_SECONDS`. Each death
        and restart is told to `report` and written to the service's own log."""
        with self._lock:
            for service in self.services:
                if not self.stopping.is_set() and service.process is not None and not service.alive():
                    self._revive(service, report)

    def _revive(self, service: Service, report: Callable[[str], None]) -> None:
        """Schedule a dead service's restart, or restart it when its time has come."""
        now = time.monotonic()
        if service.restart_at is None:
            if now - service.started_at >= STEADY_SECONDS:
                service.backoff = FIRST_RESTART_SECONDS
            service.restart_at = now + service.backoff
            code = service.process.returncode if service.process else None
            self._note(service, report, f"{service.name} stopped unexpectedly (exit code {code}); "
                       f"restarting it in {service.backoff:.0f} s")
            service.backoff = min(service.backoff * 2, LAST_RESTART_SECONDS)
        elif now >= service.restart_at:
            service.restart_at = None
            service.restarts += 1
            service.start(self.env, self.log_dir)
            self._note(service, report, f"{service.name} restarted (restart {service.restarts})")

    def _note(self, service: Service, report: Callable[[str], None], text: str) -> None:
        stamp = datetime.now().astimezone().isoformat(timespec="seconds")
        report(text)
        with open(self.log_dir / f"{service.name}.log", "a", encoding="utf-8") as log:
            log.write(f"{stamp} madoguchi: {text}\n")

    @contextmanager
    def supervised(self, every: float = 0.5, report: Callable[[str], None] = print) -> Iterator[Stack]:
        """`with stack.supervised():` a thread runs `supervise` every `every` seconds."""
        done = threading.Event()

        def loop() -> None:
            while not done.wait(every):
                self.supervise(report)

        thread = threading.Thread(target=loop, name="madoguchi-supervisor", daemon=True)
        thread.start()
        try:
            yield self
        finally:
            done.set()
            thread.join()

    def __enter__(self) -> Stack:
        failed = self.start()
        if failed:
            self.stop()
            log = self.log_dir / f"{failed.name}.log"
            end = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.exists() else ""
            raise RuntimeError(f"{failed.name} did not start; see {log}\n{end}")
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def run_stack(train_first: bool = True, startup_timeout: float = 180) -> int:
    """Start everything, print where to go, and stop everything on Ctrl-C."""
    from madoguchi.first_run import prepare
    from madoguchi.model import model_path, train

    prepare()
    model = train() if train_first else model_path()
    if not model.exists():
        print(f"no trained model at {model}; run `make train` first", file=sys.stderr)
        return 1
    env = stack_env()
    log_dir = ROOT / "var" / "log"
    stack = Stack(services(model, env), env, log_dir, timeout=startup_timeout)
    stopping = False

    def stop_all(*_args) -> None:
        nonlocal stopping
        if stopping:
            return
        stopping = True
        print("\nstopping...", flush=True)
        stack.stop()

    signal.signal(signal.SIGINT, stop_all)
    signal.signal(signal.SIGTERM, stop_all)
    print("starting the action server, the Rasa server and the web service...", flush=True)
    failed = stack.start()
    if failed:
        print(f"{failed.name} did not start; see {log_dir / (failed.name + '.log')}", file=sys.stderr)
        stop_all()
        return 1
    port = env["MADOGUCHI_WEB_PORT"]
    print(
        "\nmadoguchi is running:\n"
        f"  customer chat    http://localhost:{port}/\n"
        f"  operator desk    http://localhost:{port}/desk/   (add an operator: .venv/bin/madoguchi operator add NAME)\n"
        f"  Rasa HTTP API    http://localhost:{RASA_PORT}/   (token: RASA_API_TOKEN in .env)\n"
        f"  logs             {log_dir.relative_to(ROOT)}/\n"
        "Press Ctrl-C to stop.",
        flush=True,
    )
    while not stopping:
        stack.supervise(lambda text: print(f"{text}; see {log_dir}/", file=sys.stderr, flush=True))
        time.sleep(0.5)
    return 0
