"""The services supervised: one that dies is restarted with backoff, the others keep
running, and stopping the stack stops them all for good."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from madoguchi import stack as stack_module
from madoguchi.stack import Service, Stack

SLEEPER = [sys.executable, "-c", "import time; time.sleep(600)"]


def sleepers(tmp_path: Path, *names: str) -> Stack:
    services = [Service(name, SLEEPER, "http://127.0.0.1:9/") for name in names]
    s = Stack(services, dict(os.environ), tmp_path / "logs")
    s.log_dir.mkdir(parents=True)
    for service in services:
        service.start(s.env, s.log_dir)
    return s


def kill(service: Service) -> None:
    os.killpg(service.process.pid, signal.SIGKILL)
    service.process.wait()


def supervise_until(s: Stack, done, seconds: float = 10) -> list[str]:
    said: list[str] = []
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        s.supervise(said.append)
        time.sleep(0.05)
    return said


def test_a_killed_service_is_restarted_and_the_others_keep_running(tmp_path):
    s = sleepers(tmp_path, "actions", "rasa")
    actions, rasa = s.services
    actions.backoff = 0.2
    rasa_pid = rasa.process.pid
    try:
        kill(actions)
        said = supervise_until(s, lambda: actions.alive())
        assert actions.alive() and actions.restarts == 1
        assert rasa.alive() and rasa.process.pid == rasa_pid
        assert said[0].startswith("actions stopped unexpectedly (exit code -9)")
        assert said[1] == "actions restarted (restart 1)"
        assert "actions restarted (restart 1)" in (s.log_dir / "actions.log").read_text(encoding="utf-8")
    finally:
        s.stop()


def test_a_service_that_keeps_dying_waits_longer_each_time(tmp_path):
    s = sleepers(tmp_path, "actions")
    (actions,) = s.services
    actions.backoff = 0.1
    waits: list[float] = []
    try:
        for _ in range(3):
            kill(actions)
            started = time.monotonic()
            supervise_until(s, lambda: actions.alive())
            waits.append(time.monotonic() - started)
        assert actions.restarts == 3
        assert waits[0] < waits[1] < waits[2]  # 0.1, 0.2, 0.4 s
        assert actions.backoff == 0.8
    finally:
        s.stop()


def test_a_service_that_ran_long_enough_is_restarted_at_once(tmp_path):
    s = sleepers(tmp_path, "web")
    (web,) = s.services
    web.backoff = 30.0  # it had died often, long ago
    web.started_at -= stack_module.STEADY_SECONDS
    try:
        kill(web)
        s.supervise(lambda _text: None)
        assert web.restart_at is not None and web.restart_at - time.monotonic() <= stack_module.FIRST_RESTART_SECONDS
    finally:
        s.stop()


def test_nothing_is_restarted_once_the_stack_stops(tmp_path):
    s = sleepers(tmp_path, "actions", "rasa", "web")
    for service in s.services:
        service.backoff = 0.0
    s.stop()
    said = supervise_until(s, lambda: False, seconds=0.5)
    assert said == [] and not any(service.alive() for service in s.services)


def test_the_supervising_thread_restarts_a_killed_service(tmp_path):
    s = sleepers(tmp_path, "actions")
    (actions,) = s.services
    actions.backoff = 0.1
    try:
        with s.supervised(every=0.05, report=lambda _text: None):
            kill(actions)
            deadline = time.monotonic() + 10
            while not actions.alive() and time.monotonic() < deadline:
                time.sleep(0.05)
            assert actions.alive() and actions.restarts == 1
    finally:
        s.stop()


def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as status:
            return any(line.startswith("State:") and "Z" in line for line in status)  # a zombie: dead
    except FileNotFoundError:
        return True


def test_no_service_outlives_a_killed_supervisor(tmp_path):
    """A `make run` or a test run killed outright (SIGKILL, no clean-up) takes its services with it."""
    import subprocess

    parent = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from madoguchi.stack import Service; "
         f"s = Service('sleeper', {SLEEPER!r}, 'http://127.0.0.1:9/'); "
         f"s.start({{}}, __import__('pathlib').Path({str(tmp_path)!r})); "
         "print(s.process.pid, flush=True); time.sleep(600)"],
        stdout=subprocess.PIPE, text=True,
    )
    child = int(parent.stdout.readline())
    assert not _gone(child)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(child)


def test_the_rasa_server_runs_tensorflow_on_one_thread_unless_told_otherwise(monkeypatch):
    from madoguchi.stack import stack_env

    monkeypatch.delenv("TF_INTRA_OP_PARALLELISM_THREADS", raising=False)
    monkeypatch.delenv("TF_INTER_OP_PARALLELISM_THREADS", raising=False)
    env = stack_env()
    assert (env["TF_INTRA_OP_PARALLELISM_THREADS"], env["TF_INTER_OP_PARALLELISM_THREADS"]) == ("1", "1")
    monkeypatch.setenv("TF_INTRA_OP_PARALLELISM_THREADS", "2")
    assert stack_env()["TF_INTRA_OP_PARALLELISM_THREADS"] == "2"
