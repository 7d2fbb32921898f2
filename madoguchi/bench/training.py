"""Models the benchmark trains: baselines and cross-validation folds, in temporary folders.

Never into models/: every model here is written under the caller's work folder, with
its own Rasa training cache (`RASA_CACHE_DIRECTORY`), and timed.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from madoguchi.settings import ROOT

# DIET, as Rasa names it (the plain baseline) and as config.yml does (the same model, run leaner).
CLASSIFIERS = frozenset({"DIETClassifier", "madoguchi.rasa.components.diet.LeanDIETClassifier"})


class TrainingFailed(RuntimeError):
    """`rasa train` exited with an error; the message ends with its log."""


@dataclass(frozen=True)
class Trained:
    """A model trained by the benchmark and how long `rasa train` took (wall clock)."""

    model: Path
    seconds: float


def read_config(path: Path) -> dict[str, Any]:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def write_config(config: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def without(config: dict[str, Any], names: set[str]) -> dict[str, Any]:
    """The config with the pipeline components and policies of these names removed."""
    return {
        **config,
        "pipeline": [c for c in config.get("pipeline") or [] if c["name"] not in names],
        "policies": [p for p in config.get("policies") or [] if p["name"] not in names],
    }


def classifier_epochs(config: dict[str, Any]) -> int:
    """The DIETClassifier's epochs in a config (Rasa's default, 300, when unset; 0 when the
    pipeline has no DIET, as config.yml since 2026-12-03)."""
    for component in config.get("pipeline") or []:
        if component["name"] in CLASSIFIERS:
            return int(component.get("epochs", 300))
    return 0


def with_epochs(config: dict[str, Any], epochs: int) -> dict[str, Any]:
    """The config with the DIETClassifier trained for `epochs` epochs."""
    pipeline = [
        {**c, "epochs": epochs} if c["name"] in CLASSIFIERS else c for c in config.get("pipeline") or []
    ]
    return {**config, "pipeline": pipeline}


def copy_cache(destination: Path, source: Path = ROOT / ".rasa" / "cache") -> Path:
    """A private copy of the project's Rasa training cache (components trained for the
    shipped model are found there by fingerprint and not trained again)."""
    if source.is_dir():
        shutil.copytree(source, destination, dirs_exist_ok=True)
    else:
        destination.mkdir(parents=True, exist_ok=True)
    return destination


def _priority(niceness: int):
    """A preexec_fn setting the child's scheduling priority (raising it needs root; else unchanged)."""

    def set_priority() -> None:
        try:
            os.setpriority(os.PRIO_PROCESS, 0, niceness)
        except OSError:
            pass

    return set_priority


async def run_logged(
    command: list[str], env: dict[str, str], log: Path, niceness: int | None = None, limit: float | None = None
) -> tuple[int, float]:
    """Run a command from the project root, its output into `log`; (exit code, wall seconds).
    A command still running after `limit` seconds is stopped (`TrainingFailed`).

    A plain subprocess waited on in a thread: Rasa installs uvloop's event loop policy when
    imported, under which asyncio's own subprocesses have no child watcher. The thread
    notes the end at once, however busy this process's event loop is.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as sink:
        started = time.monotonic()
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT,
            preexec_fn=None if niceness is None else _priority(niceness),
        )

        def wait() -> tuple[int, float]:
            try:
                code = process.wait(timeout=limit)
            except subprocess.TimeoutExpired:
                process.terminate()
                process.wait()
                raise TrainingFailed(f"stopped after {limit / 60:.0f} minutes of training") from None
            return code, time.monotonic() - started

        try:
            return await asyncio.to_thread(wait)
        except asyncio.CancelledError:
            process.terminate()
            raise


async def rasa_train(
    args: list[str], out: Path, name: str, cache: Path, log: Path, niceness: int | None = None,
    limit: float | None = None,
) -> Trained:
    """Run `rasa <args> --out <out> --fixed-model-name <name>` from the project root.

    `niceness`: the training's scheduling priority (0 for the one that is timed while the
    benchmark, niced, does other work); `limit`: seconds after which it is stopped."""
    rasa = Path(sys.executable).with_name("rasa")
    environment = {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p),
        "RASA_CACHE_DIRECTORY": str(cache),
    }
    out.mkdir(parents=True, exist_ok=True)
    command = [str(rasa), *args, "--out", str(out), "--fixed-model-name", name]
    code, seconds = await run_logged(command, environment, log, niceness, limit)
    model = out / f"{name}.tar.gz"
    if code != 0 or not model.exists():
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise TrainingFailed(f"rasa {' '.join(args[:2])} for {name} failed ({code}):\n{tail}")
    return Trained(model, seconds)


async def train_nlu(config: Path, nlu: Path, out: Path, name: str, cache: Path, limit: float | None = None) -> Trained:
    """`rasa train nlu` of one config on one NLU data file or folder, stopped after `limit` seconds."""
    return await rasa_train(
        ["train", "nlu", "--config", str(config), "--nlu", str(nlu)], out, name, cache, out / f"{name}.log", limit=limit
    )


async def train_full(config: Path, out: Path, name: str, cache: Path, niceness: int | None = None) -> Trained:
    """`rasa train` (NLU and dialogue) of one config on the project's domain and data."""
    return await rasa_train(
        ["train", "--config", str(config), "--domain", str(ROOT / "domain"), "--data", str(ROOT / "data")],
        out, name, cache, out / f"{name}.log", niceness,
    )
