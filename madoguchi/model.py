"""The trained Rasa model: named by a fingerprint of what it is trained from.

`make run` and `make test` train only when the fingerprint has no model yet, so an
unchanged project starts at once and a changed one never runs a stale model.
"""

from __future__ import annotations

import functools
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from madoguchi.settings import ROOT

# The code of our NLU components: the plug-ins Rasa runs and the logic they call.
PIPELINE_CODE = ("madoguchi/nlu", "madoguchi/rasa/components", "madoguchi/text.py")
# What a model is made of: Rasa's files, the training data, and that code.
TRAINING_INPUTS = ("config.yml", "domain", "data", *PIPELINE_CODE, "requirements.lock")
KEEP_MODELS = 3


@functools.lru_cache(maxsize=None)
def code_fingerprint(root: Path = ROOT) -> str:
    """The fingerprint of `PIPELINE_CODE`, for Rasa's training cache: Rasa keys a cached
    component's output by its class's own source, so a change in the logic it calls
    (`fold_width`, the triage's cues) would otherwise bring back outputs of the old code."""
    return fingerprint(root, PIPELINE_CODE)


def _files(root: Path, inputs: tuple[str, ...] = TRAINING_INPUTS) -> list[Path]:
    files: list[Path] = []
    for name in inputs:
        path = root / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files += [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return sorted(files)


def fingerprint(root: Path = ROOT, inputs: tuple[str, ...] = TRAINING_INPUTS) -> str:
    """12 hex digits that change when any training input changes."""
    digest = hashlib.sha256()
    for path in _files(root, inputs):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:12]


def model_path(root: Path = ROOT) -> Path:
    """Where the model of the current training inputs is (or will be)."""
    return root / "models" / f"madoguchi-{fingerprint(root)}.tar.gz"


def train(root: Path = ROOT, force: bool = False, validated: bool = False) -> Path:
    """Train when the inputs changed since the last model; returns the model's path.

    `rasa train` validates the domain and data before training, as `rasa data validate`
    does; `validated` skips that when `python -m madoguchi.validate` (stricter) just did."""
    target = model_path(root)
    if target.exists() and not force:
        print(f"model up to date: {target.relative_to(root)}")
        return target
    print(f"training {target.relative_to(root)} (the training data or config changed)...", flush=True)
    rasa = Path(sys.executable).with_name("rasa")
    subprocess.run(
        [
            str(rasa), "train",
            "--config", "config.yml", "--domain", "domain", "--data", "data",
            "--out", "models", "--fixed-model-name", target.name.removesuffix(".tar.gz"),
            *(["--skip-validation"] if validated else []),
        ],
        cwd=root,
        check=True,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
    )
    _prune(root / "models", keep=target)
    return target


def _prune(folder: Path, keep: Path) -> None:
    """Remove all but the newest few madoguchi models."""
    models = sorted(folder.glob("madoguchi-*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [m for m in models if m != keep][KEEP_MODELS - 1 :]:
        old.unlink(missing_ok=True)
