"""`make bench`: understanding, handoff, speed and footprint, measured in one run.

    python -m madoguchi.bench [--quick] [--url http://127.0.0.1:5005 --token TOKEN]

Writes docs/benchmarks.md and docs/bench-*.png. Without --url it starts the three
services itself (free ports, a temporary database); with --url it loads a stack already
running on this machine. --quick: shorter speed runs, no trained baselines, no
cross-validation, every third handoff conversation (for use while developing). A full
run started here measures saturation a second time with two Rasa workers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

from madoguchi.settings import ROOT

DOCS = ROOT / "docs"
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
CONVERSATIONS = ROOT / "tests" / "handoff" / "conversations.yml"
TRAINING = ROOT / "data" / "nlu"
CONFIG = ROOT / "config.yml"
PLAIN = ROOT / "bench" / "configs" / "baseline_plain.yml"
MORE_WORKERS = 2


def _quiet() -> None:
    from madoguchi.logs import quiet_rasa

    quiet_rasa()


def _nice(increment: int) -> None:
    """Lower this process's priority (and its children's from now on)."""
    try:
        os.nice(increment)
    except OSError:
        pass


def _why(error: Exception) -> str:
    return f"{type(error).__name__}: {error}".strip().rstrip(":")


def say(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


async def run(args: argparse.Namespace, model: Path) -> "report.Results":
    """Speed and footprint first, alone; then understanding and handoff with the trainings."""
    from madoguchi.bench import report
    from madoguchi.bench.footprint import ginza_packages, size_on_disk

    started = time.monotonic()
    results = report.Results(quick=args.quick, model=model)
    results.model_bytes = size_on_disk(model)
    results.ginza_bytes = ginza_packages()
    await measure_speed(args, model, results)
    await measure_quality(args, model, results)
    results.wall = time.monotonic() - started
    return results


async def measure_speed(args: argparse.Namespace, model: Path, results: "report.Results") -> None:
    """The speed runs and the footprint, with nothing else of the benchmark running."""
    from madoguchi.bench import speed
    from madoguchi.bench.stack import LocalStack, running

    plan = speed.Plan.quick() if args.quick else speed.Plan()
    try:
        if args.url:
            say(f"speed: the stack at {args.url}")
            target = running(args.url, args.token, args.actions_port, args.web_port)
            results.speed = await speed.measure(target, plan, say)
        else:
            say(f"speed: starting the stack with {model.name}")
            with LocalStack(model) as target:
                say(f"  first answer {target.cold_start:.1f} s after the processes started")
                results.speed = await speed.measure(target, plan, say)
    except Exception as e:  # the rest of the benchmark still runs and says what is missing
        say(f"  speed runs failed: {_why(e)}")
        results.failures.append(f"speed and footprint: {_why(e)}")
    if args.url or args.quick or (results.speed and results.speed.target.workers > 1):
        return
    try:
        say(f"speed: saturation again with {MORE_WORKERS} Rasa workers (no Redis: locks and socket.io through SQLite)")
        with LocalStack(model, workers=MORE_WORKERS) as target:
            say(f"  first answer {target.cold_start:.1f} s after the processes started")
            results.speed_workers = await speed.measure_saturation(target, speed.Plan(levels=(4, 8, 16, 32)), say)
    except Exception as e:
        say(f"  saturation with {MORE_WORKERS} workers failed: {_why(e)}")
        results.failures.append(f"saturation with {MORE_WORKERS} workers: {_why(e)}")



async def measure_quality(args: argparse.Namespace, model: Path, results: "report.Results") -> None:
    """Understanding and handoff. The trainings run in the background, in three lanes, while
    this process scores what is ready: the two baselines one after the other, the
    cross-validation folds (both niced, like this process from here on), and the timed
    training from scratch at normal priority."""
    from madoguchi.bench import handoff, training, understanding
    from madoguchi.evaluation.handoff import load_conversations
    from madoguchi.evaluation.nlu import load_examples

    heldout = load_examples(HELDOUT)
    conversations = load_conversations(CONVERSATIONS)
    if args.quick:
        conversations = conversations[::3]
    results.conversations_used = len(conversations)
    config = training.read_config(CONFIG)
    results.epochs = training.classifier_epochs(config)
    results.cv_epochs = args.cv_epochs or results.epochs

    with tempfile.TemporaryDirectory(prefix="madoguchi-bench-") as tmp:
        work = Path(tmp)
        jobs: dict[str, asyncio.Future] = {}

        async def job(name, make) -> None:
            say(f"  training: {name} (background)")
            try:
                jobs[name].set_result(await make())
            except Exception as e:  # reported, and the rest goes on
                jobs[name].set_exception(e)

        async def lane_baselines() -> None:
            if "no_triage" in jobs:
                variant = training.write_config(handoff.no_triage_config(config), work / "no_triage.yml")
                await job("no_triage", lambda: training.train_full(
                    variant, work / "no_triage", "no_triage", training.copy_cache(work / "cache-project")))
            if "plain" in jobs:
                await job("plain", lambda: training.train_nlu(
                    PLAIN, TRAINING, work / "plain", "plain", work / "cache-plain", limit=args.plain_minutes * 60))

        async def lane_folds() -> None:
            if "cv" in jobs:
                await job("cv", lambda: understanding.cross_validate(CONFIG, TRAINING, args.folds, results.cv_epochs, work / "cv"))

        async def lane_timed() -> None:
            if "fresh" in jobs:
                await job("fresh", lambda: training.train_full(CONFIG, work / "fresh", "fresh", work / "cache-empty", niceness=0))

        loop = asyncio.get_running_loop()
        if not args.quick:
            for name in ("no_triage", "plain", "cv", "fresh"):
                jobs[name] = loop.create_future()
            _nice(10)
        lanes = [asyncio.create_task(lane()) for lane in (lane_timed, lane_baselines, lane_folds)]
        await asyncio.sleep(0.1)  # let the lanes start their first trainings before the work below

        say("understanding: keyword baseline")
        keywords = understanding.KeywordBaseline().fit(understanding.examples_of(understanding.training_messages(TRAINING)))
        results.keyword_table = keywords.table
        results.nlu["keyword"] = (await understanding.score("keyword table", heldout, keywords.parse)).result

        say(f"understanding and handoff: shipped model ({len(heldout)} messages, {len(conversations)} conversations)")
        shipped = await handoff.run("shipped", model, heldout, conversations)
        results.nlu["shipped"] = shipped.nlu.result
        results.handoff["shipped"] = shipped

        if "no_triage" in jobs:
            try:
                trained = await jobs["no_triage"]
                results.trainings["no_triage"] = trained.seconds
                say("understanding and handoff: shipped model without triage")
                variant = await handoff.run("no-triage", trained.model, heldout, conversations)
                results.nlu["no_triage"] = variant.nlu.result
                results.handoff["no_triage"] = variant
                results.same_classifier = understanding.same_classifier(shipped.nlu.parses, variant.nlu.parses)
            except Exception as e:
                results.failures.append(f"baseline without triage: {_why(e)}")
        if "plain" in jobs:
            try:
                trained = await jobs["plain"]
                results.trainings["plain"] = trained.seconds
                say("understanding: plain Rasa baseline")
                results.nlu["plain"] = (await understanding.score_model("plain Rasa", trained.model, heldout)).result
            except Exception as e:
                results.failures.append(f"plain Rasa baseline: {_why(e)}")
        if "cv" in jobs:
            try:
                say(f"understanding: waiting for the {args.folds}-fold cross-validation")
                results.cv = await jobs["cv"]
            except Exception as e:
                results.failures.append(f"cross-validation: {_why(e)}")
        if "fresh" in jobs:
            try:
                say("training time: waiting for `rasa train` of the shipped config from scratch")
                results.trainings["fresh"] = (await jobs["fresh"]).seconds
            except Exception as e:
                results.failures.append(f"training from scratch: {_why(e)}")
        await asyncio.gather(*lanes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run for development (under 3 minutes)")
    parser.add_argument("--url", help="a running stack's Rasa server (loopback), instead of starting one")
    parser.add_argument("--token", default=os.environ.get("RASA_API_TOKEN", ""), help="its RASA_API_TOKEN")
    parser.add_argument("--actions-port", type=int, default=5055, help="with --url: the action server's port")
    parser.add_argument("--web-port", type=int, default=8000, help="with --url: the web service's port")
    parser.add_argument("--model", type=Path, help="the model to measure (default: the current one in models/)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--plain-minutes", type=float, default=45,
                        help="stop the plain Rasa baseline's training after this long (its sparse features of "
                             "Japanese character n-grams train slowly: over 65 minutes on 2026-12-05's data)")
    parser.add_argument("--cv-epochs", type=int, default=20,
                        help="DIET epochs in cross-validation (default 20 to stay within the time budget; "
                             "0: the same as config.yml)")
    parser.add_argument("--out", type=Path, default=DOCS, help="where benchmarks.md and the plots go")
    args = parser.parse_args(argv)
    if args.url and not args.token:
        from madoguchi.settings import read_dotenv

        args.token = read_dotenv(ROOT / ".env").get("RASA_API_TOKEN", "")
    _quiet()
    from madoguchi.bench import report
    from madoguchi.model import model_path

    from madoguchi.bench import training

    epochs = training.classifier_epochs(training.read_config(CONFIG))
    if epochs and training.classifier_epochs(training.read_config(PLAIN)) != epochs:
        print(f"{PLAIN.relative_to(ROOT)}: the DIET epochs differ from config.yml's {epochs}", file=sys.stderr)
        return 1
    model = args.model or model_path()
    if args.url and not args.model:  # measure the model the running stack serves, when it is here
        from madoguchi.bench.stack import served_model

        served = served_model(args.url, args.token)
        if served and (ROOT / "models" / served).exists():
            model = ROOT / "models" / served
    if not model.exists():
        print(f"no model at {model}: run `make train` first (or pass --model)", file=sys.stderr)
        return 1
    say(f"madoguchi bench{' (quick)' if args.quick else ''}: {model.name}")
    results = asyncio.run(run(args, model))
    written = report.write(results, args.out)
    say(f"done in {results.wall / 60:.1f} min -> {written.relative_to(ROOT) if written.is_relative_to(ROOT) else written}")
    for line in report.headline(results):
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
