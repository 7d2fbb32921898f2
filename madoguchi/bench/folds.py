"""k-fold cross-validation of an NLU pipeline, as one worker process.

    python -m madoguchi.bench.folds CONFIG DATA OUT [--folds 5] [--only 1,3,5] [--epochs N]

Trains its folds in this one process (Rasa and GiNZA are imported once), scores each
held-back part with `madoguchi.evaluation.nlu`, and writes OUT/folds.json. The split is
the same in every worker (a fixed seed), so several workers can share the folds
(`--only`). The benchmark runs them beside its own evaluations; models and Rasa's cache
stay under OUT.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path

from madoguchi.logs import quiet_rasa


async def cross_validate(config: Path, data: Path, out: Path, k: int, epochs: int | None, only: set[int]) -> list[dict]:
    from rasa.model_training import train_nlu

    from madoguchi.bench import training
    from madoguchi.bench.understanding import examples_of, load_agent, score, split, training_messages, write_nlu

    settings = training.read_config(config)
    if epochs:
        settings = training.with_epochs(settings, epochs)
    config_file = training.write_config(settings, out / "config.yml")
    folds = []
    for i, (train, test) in enumerate(split(training_messages(data), k), start=1):
        if only and i not in only:
            continue
        folder = out / f"fold{i}"
        started = time.monotonic()
        model = train_nlu(str(config_file), str(write_nlu(train, folder / "train.yml")), str(folder), f"fold{i}")
        seconds = time.monotonic() - started
        parsed = await score(f"fold {i}", examples_of(test), load_agent(Path(model)).parse_message)
        Path(model).unlink(missing_ok=True)
        folds.append({**asdict(parsed.result), "fold": i, "seconds": seconds})
        print(f"fold {i}/{k}: macro-F1 {parsed.result.macro_f1:.3f}, trained in {seconds:.0f} s", flush=True)
    return folds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config", type=Path)
    parser.add_argument("data", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--only", default="", help="the folds to run, e.g. 1,3,5 (default: all)")
    parser.add_argument("--epochs", type=int, default=None)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ["RASA_CACHE_DIRECTORY"] = str(args.out / "cache")
    quiet_rasa()
    only = {int(n) for n in args.only.split(",") if n.strip()}
    folds = asyncio.run(cross_validate(args.config, args.data, args.out, args.folds, args.epochs, only))
    (args.out / "folds.json").write_text(json.dumps(folds, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
