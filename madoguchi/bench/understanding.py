"""Understanding: intent and entity scores of the shipped model and of two baselines.

- the shipped model (models/), parsed in-process;
- "plain Rasa": bench/configs/baseline_plain.yml (no GiNZA: whitespace tokens, character
  n-grams, the same DIET) trained on data/nlu into a temporary folder;
- a keyword table derived from data/nlu alone (`KeywordBaseline`).

Plus k-fold cross-validation of the shipped pipeline on data/nlu.
"""

from __future__ import annotations

import statistics
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Awaitable, Callable, Iterable

from madoguchi.evaluation.nlu import Example, NluResult, evaluate, example_of

FALLBACK = "nlu_fallback"


# ---------------------------------------------------------------------------- keywords


def _keytext(text: str) -> str:
    """Text as the keyword table sees it: NFKC, lower case, letters and digits only."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")


def _grams(text: str, sizes: Iterable[int]) -> set[str]:
    return {text[i : i + n] for n in sizes for i in range(len(text) - n + 1)}


class KeywordBaseline:
    """A tiny keyword -> intent table, the way a shop would first try it.

    For each intent, a few character strings (2 to 4 characters: Japanese has no spaces)
    chosen greedily from the training examples: each next keyword is the one that covers
    the most examples of the intent not yet covered, weighted by its precision (how
    often a training example containing it has this intent). A message gets the intent
    whose keywords it contains with the largest total precision; none: `nlu_fallback`.
    No entities.
    """

    def __init__(self, per_intent: int = 8, min_precision: float = 0.7, sizes: tuple[int, ...] = (2, 3, 4)) -> None:
        self.per_intent = per_intent
        self.min_precision = min_precision
        self.sizes = sizes
        self.table: dict[str, list[tuple[str, float]]] = {}

    def fit(self, examples: list[Example]) -> "KeywordBaseline":
        docs: dict[str, list[set[str]]] = defaultdict(list)
        for example in examples:
            docs[example.intent].append(_grams(_keytext(example.text), self.sizes))
        # gram -> intent -> indexes of the intent's examples that contain it
        postings: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        for intent, grams_of in docs.items():
            for i, grams in enumerate(grams_of):
                for gram in grams:
                    postings[gram][intent].add(i)
        totals = {gram: sum(len(s) for s in by_intent.values()) for gram, by_intent in postings.items()}
        self.table = {}
        for intent in sorted(docs):
            candidates = {
                gram: (by_intent[intent], len(by_intent[intent]) / totals[gram])
                for gram, by_intent in postings.items()
                if len(by_intent.get(intent, ())) >= 2 and len(by_intent[intent]) / totals[gram] >= self.min_precision
            }
            uncovered = set(range(len(docs[intent])))
            chosen: list[tuple[str, float]] = []
            while len(chosen) < self.per_intent and uncovered and candidates:
                gram, (covers, precision) = max(
                    candidates.items(),
                    key=lambda kv: (len(kv[1][0] & uncovered) * kv[1][1], len(kv[0]), kv[0]),
                )
                if not covers & uncovered:
                    break
                chosen.append((gram, round(precision, 3)))
                uncovered -= covers
                del candidates[gram]
            self.table[intent] = chosen
        return self

    def predict(self, text: str) -> tuple[str, float]:
        """The intent and its share of the matched keywords' weight."""
        key = _keytext(text)
        scores = {
            intent: sum(p for gram, p in keywords if gram in key) for intent, keywords in self.table.items()
        }
        total = sum(scores.values())
        if total <= 0:
            return FALLBACK, 0.0
        intent = max(sorted(scores), key=lambda i: scores[i])
        return intent, scores[intent] / total

    async def parse(self, text: str) -> dict[str, Any]:
        """A /model/parse-shaped answer, for `madoguchi.evaluation.nlu.evaluate`."""
        intent, confidence = self.predict(text)
        return {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": []}


# ---------------------------------------------------------------------------- data


def examples_of(messages: Iterable[Any]) -> list[Example]:
    """Examples (gold intent, canonical entity values) from Rasa training messages."""
    return [example_of(m) for m in messages]


def training_messages(path: Path) -> list[Any]:
    """The intent examples of Rasa NLU data (a file or a folder)."""
    from rasa.shared.nlu.training_data.loading import load_data

    return list(load_data(str(path)).intent_examples)


# ---------------------------------------------------------------------------- models


Parse = Callable[[str], Awaitable[dict[str, Any]]]


@dataclass
class Parsed:
    """A result and every raw parse behind it (to compare two classifiers)."""

    result: NluResult
    parses: list[dict[str, Any]] = field(default_factory=list)


async def score(name: str, examples: list[Example], parse: Parse) -> Parsed:
    """Parse every example, keeping the parses."""
    parses: list[dict[str, Any]] = []

    async def keep(text: str) -> dict[str, Any]:
        parsed = await parse(text)
        parses.append(parsed)
        return parsed

    return Parsed(await evaluate(name, examples, keep), parses)


def load_agent(model: Path):
    """A Rasa agent of a trained model, in this process (no action server needed to parse),
    loaded and run as the Rasa server does."""
    from rasa.core.agent import Agent

    from madoguchi import rasa_server

    rasa_server.as_served()

    return Agent.load(str(model))


async def score_model(name: str, model: Path, examples: list[Example]) -> Parsed:
    agent = load_agent(model)
    return await score(name, examples, agent.parse_message)


def same_classifier(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> int:
    """How many parses have the same classifier ranking (top three names, confidences to 4 places)."""

    def ranking(parse: dict[str, Any]) -> list[tuple[str, float]]:
        return [(r["name"], round(float(r["confidence"]), 4)) for r in (parse.get("intent_ranking") or [])[:3]]

    return sum(ranking(x) == ranking(y) for x, y in zip(a, b))


# ---------------------------------------------------------------------------- cross-validation


@dataclass
class CrossValidation:
    """k-fold cross-validation of one pipeline on the training data."""

    folds: list[NluResult]
    epochs: int
    train_seconds: list[float]

    @property
    def macro_f1(self) -> tuple[float, float]:
        """Mean and standard deviation of the folds' intent macro-F1."""
        values = [f.macro_f1 for f in self.folds]
        return statistics.fmean(values), statistics.pstdev(values)

    @property
    def entity_accuracy(self) -> tuple[float, float]:
        values = [f.entity_accuracy for f in self.folds]
        return statistics.fmean(values), statistics.pstdev(values)

    def pooled(self) -> NluResult:
        """All folds' predictions as one result (every training example predicted once)."""
        pooled = NluResult(f"{len(self.folds)}-fold pooled")
        for fold in self.folds:
            pooled.gold += fold.gold
            pooled.predicted += fold.predicted
            pooled.entity_total += fold.entity_total
            pooled.entity_correct += fold.entity_correct
            pooled.entity_predicted += fold.entity_predicted
            pooled.errors += fold.errors
        return pooled


def split(messages: list[Any], k: int, seed: int = 7) -> list[tuple[list[Any], list[Any]]]:
    """Stratified k folds (by intent): [(training messages, test messages)]."""
    from sklearn.model_selection import StratifiedKFold

    intents = [m.get("intent") for m in messages]
    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    return [
        ([messages[i] for i in train], [messages[i] for i in test])
        for train, test in folds.split(list(range(len(messages))), intents)
    ]


def write_nlu(messages: list[Any], path: Path) -> Path:
    """Rasa YAML NLU data of these messages."""
    from rasa.shared.nlu.training_data.training_data import TrainingData

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TrainingData(training_examples=messages).nlu_as_yaml(), encoding="utf-8")
    return path



async def cross_validate(config: Path, data: Path, k: int, epochs: int, out: Path, workers: int = 2) -> CrossValidation:
    """Run `madoguchi.bench.folds` in `workers` processes side by side (fold i in worker
    i mod workers) and gather their results."""
    import asyncio
    import json
    import os
    import sys

    from madoguchi.bench.training import run_logged
    from madoguchi.settings import ROOT

    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "RASA_TELEMETRY_ENABLED": "false", "PYTHONPATH": str(ROOT)}
    shares = [[i for i in range(1, k + 1) if i % workers == w] for w in range(workers)]
    shares = [share for share in shares if share]

    async def worker(n: int, folds: list[int]) -> list[dict]:
        folder = out / f"worker{n}"
        folder.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "madoguchi.bench.folds", str(config), str(data), str(folder),
                   "--folds", str(k), "--epochs", str(epochs), "--only", ",".join(map(str, folds))]
        code, _seconds = await run_logged(command, env, folder / "folds.log")
        if code != 0:
            tail = (folder / "folds.log").read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(f"cross-validation worker {n} failed ({code}):\n{tail}")
        return json.loads((folder / "folds.json").read_text(encoding="utf-8"))

    done = await asyncio.gather(*(worker(n, share) for n, share in enumerate(shares)))
    results, seconds = [], []
    for fold in sorted((f for share in done for f in share), key=lambda f: f["fold"]):
        result = NluResult(fold["name"])
        for key in ("gold", "predicted", "entity_total", "entity_correct", "entity_predicted"):
            setattr(result, key, fold[key])
        result.errors = [tuple(e) for e in fold["errors"]]
        results.append(result)
        seconds.append(fold["seconds"])
    return CrossValidation(results, epochs, seconds)
