"""Intent F1 and normalized entity accuracy on the held-out set (tests/nlu/)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Awaitable, Callable

Parser = Callable[[str], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class Example:
    """A held-out message with its gold intent and entities (canonical values)."""

    text: str
    intent: str
    entities: tuple[tuple[str, str], ...]


@dataclass
class NluResult:
    """Predictions of one pipeline on the held-out set, and the scores."""

    name: str
    gold: list[str] = field(default_factory=list)
    predicted: list[str] = field(default_factory=list)
    entity_total: int = 0
    entity_correct: int = 0
    entity_predicted: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # text, gold, predicted

    @property
    def labels(self) -> list[str]:
        return sorted(set(self.gold))

    def per_intent(self) -> dict[str, dict[str, float]]:
        """Precision, recall, F1 and support of every gold intent."""
        from sklearn.metrics import precision_recall_fscore_support

        p, r, f, s = precision_recall_fscore_support(
            self.gold, self.predicted, labels=self.labels, zero_division=0
        )
        return {
            label: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
            for i, label in enumerate(self.labels)
        }

    @property
    def macro_f1(self) -> float:
        scores = self.per_intent()
        return sum(v["f1"] for v in scores.values()) / len(scores) if scores else 0.0

    @property
    def accuracy(self) -> float:
        return sum(g == p for g, p in zip(self.gold, self.predicted)) / len(self.gold) if self.gold else 0.0

    @property
    def entity_accuracy(self) -> float:
        return self.entity_correct / self.entity_total if self.entity_total else 0.0

    @property
    def entity_precision(self) -> float:
        return self.entity_correct / self.entity_predicted if self.entity_predicted else 0.0


def load_examples(path: Path) -> list[Example]:
    """Held-out examples from a Rasa NLU file or folder."""
    from rasa.shared.nlu.training_data.loading import load_data

    examples = []
    for message in load_data(str(path)).intent_examples:
        entities = tuple(
            (e["entity"], normalize_value(str(e.get("value", "")))) for e in message.get("entities") or []
        )
        examples.append(Example(message.get("text"), message.get("intent"), entities))
    return examples


def normalize_value(value: str) -> str:
    """Entity values compared without width, case or space differences."""
    return "".join(unicodedata.normalize("NFKC", value).lower().split())


def score_entities(gold: tuple[tuple[str, str], ...], predicted: list[dict[str, Any]]) -> tuple[int, int]:
    """(gold entities found with their canonical value, entities predicted)."""
    found = Counter((e["entity"], normalize_value(str(e.get("value", "")))) for e in predicted)
    correct = 0
    for item in gold:
        if found[item] > 0:
            found[item] -= 1
            correct += 1
    return correct, len(predicted)


async def evaluate(name: str, examples: list[Example], parse: Parser) -> NluResult:
    """Parse every example and score it."""
    result = NluResult(name)
    for example in examples:
        parsed = await parse(example.text)
        intent = (parsed.get("intent") or {}).get("name") or "nlu_fallback"
        result.gold.append(example.intent)
        result.predicted.append(intent)
        if intent != example.intent:
            result.errors.append((example.text, example.intent, intent))
        correct, predicted = score_entities(example.entities, parsed.get("entities") or [])
        result.entity_total += len(example.entities)
        result.entity_correct += correct
        result.entity_predicted += predicted
    return result


def confusion_png(result: NluResult, path: Path) -> None:
    """A confusion matrix image of a result (rows: gold, columns: predicted)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import confusion_matrix

    labels = sorted(set(result.gold) | set(result.predicted))
    matrix = confusion_matrix(result.gold, result.predicted, labels=labels)
    fig, ax = plt.subplots(figsize=(11, 9))
    ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    for i in range(len(labels)):
        for j in range(len(labels)):
            if matrix[i, j]:
                color = "white" if matrix[i, j] > matrix.max() / 2 else "black"
                ax.text(j, i, str(matrix[i, j]), ha="center", va="center", fontsize=7, color=color)
    ax.set_xlabel("predicted intent")
    ax.set_ylabel("gold intent (held-out set)")
    ax.set_title(f"{result.name}: intent confusion, macro-F1 {result.macro_f1:.3f}")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
