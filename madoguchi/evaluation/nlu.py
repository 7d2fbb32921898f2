"""Intent F1, calibration and entity accuracy on a test set (blind sets, tests/nlu/).

Entities are compared normalized (width, case, spaces) for `order_id`, `phone` and
`postal_code`, whose values are canonical, and exactly as written for the others: a name or
an address stored shorter than the customer wrote it is wrong.
"""

from __future__ import annotations

import re
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
    confidences: list[float] = field(default_factory=list)  # of the top intent, per message
    entity_types: dict[str, list[int]] = field(default_factory=dict)  # type: [correct, total]
    error_confidences: list[float] = field(default_factory=list)  # parallel to `errors`

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

    @property
    def acted(self) -> list[bool]:
        """Which messages the bot acted on without asking (anything but `nlu_fallback`)."""
        return [p != FALLBACK for p in self.predicted]

    @property
    def acted_share(self) -> float:
        return sum(self.acted) / len(self.acted) if self.acted else 0.0

    @property
    def acted_accuracy(self) -> float:
        """Of the messages acted on, the share read right."""
        pairs = [(g, p) for g, p, a in zip(self.gold, self.predicted, self.acted) if a]
        return sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0

    def calibration_error(self, bins: int = 10) -> float:
        """Expected calibration error of the top intent's confidence (equal-width bins)."""
        total, error = len(self.confidences), 0.0
        for b in range(bins):
            low, high = b / bins, (b + 1) / bins
            members = [
                (c, g == p) for c, g, p in zip(self.confidences, self.gold, self.predicted)
                if low < c <= high or (b == 0 and c == 0)
            ]
            if members:
                mean_confidence = sum(c for c, _ in members) / len(members)
                accuracy = sum(ok for _, ok in members) / len(members)
                error += len(members) / total * abs(mean_confidence - accuracy)
        return error

    def confident_errors(self, at_least: float = 0.9) -> int:
        """Wrong readings at `at_least` confidence or more: no threshold catches them."""
        return sum(c >= at_least for c in self.error_confidences)

    def entity_type_accuracy(self) -> dict[str, float]:
        return {t: correct / total for t, (correct, total) in sorted(self.entity_types.items()) if total}


def load_examples(path: Path) -> list[Example]:
    """Held-out examples from a Rasa NLU file or folder."""
    from rasa.shared.nlu.training_data.loading import load_data

    return [example_of(message) for message in load_data(str(path)).intent_examples]


def example_of(message: Any) -> Example:
    """An example from a Rasa message: its gold intent and entity values."""
    text = message.get("text")
    entities = tuple(
        (e["entity"], str(e.get("value") or text[e["start"] : e["end"]])) for e in message.get("entities") or []
    )
    return Example(text, message.get("intent"), entities)


FALLBACK = "nlu_fallback"
CANONICAL = frozenset({"order_id", "phone", "postal_code"})  # values normalized by the extractor


def normalize_value(value: str) -> str:
    """Entity values compared without width, case or space differences."""
    return "".join(unicodedata.normalize("NFKC", value).lower().split())


def entity_key(entity: str, value: str) -> tuple[str, str]:
    """How an entity's value is compared: canonical types normalized, the rest as written
    (but for width, so that 山田　太郎 and 山田 太郎 are one name)."""
    text = unicodedata.normalize("NFKC", value)
    if entity == "date":  # the 22nd and 22nd name one day: writers differ on the article (round 2026-12-05zzy)
        text = re.sub(r"(?i)^the\s+", "", text.strip())
    return entity, normalize_value(text) if entity in CANONICAL else " ".join(text.split())


def score_entities(gold: tuple[tuple[str, str], ...], predicted: list[dict[str, Any]]) -> list[bool]:
    """For each gold entity, whether it was predicted with its value."""
    found = Counter(entity_key(e["entity"], str(e.get("value", ""))) for e in predicted)
    hits = []
    for entity, value in gold:
        key = entity_key(entity, value)
        hits.append(found[key] > 0)
        if found[key] > 0:
            found[key] -= 1
    return hits


async def evaluate(name: str, examples: list[Example], parse: Parser) -> NluResult:
    """Parse every example and score it."""
    result = NluResult(name)
    for example in examples:
        parsed = await parse(example.text)
        intent = (parsed.get("intent") or {}).get("name") or FALLBACK
        confidence = _top_confidence(parsed)
        result.gold.append(example.intent)
        result.predicted.append(intent)
        result.confidences.append(confidence)
        if intent != example.intent:
            result.errors.append((example.text, example.intent, intent))
            result.error_confidences.append(confidence)
        predicted = parsed.get("entities") or []
        hits = score_entities(example.entities, predicted)
        for (entity, _value), hit in zip(example.entities, hits):
            counts = result.entity_types.setdefault(entity, [0, 0])
            counts[0] += hit
            counts[1] += 1
        result.entity_total += len(example.entities)
        result.entity_correct += sum(hits)
        result.entity_predicted += len(predicted)
    return result


def _top_confidence(parsed: dict[str, Any]) -> float:
    """The confidence of the best real intent (behind `nlu_fallback`, the one it stood for)."""
    ranking = [r for r in parsed.get("intent_ranking") or [] if r.get("name") != FALLBACK]
    if ranking:
        return float(ranking[0].get("confidence") or 0.0)
    return float((parsed.get("intent") or {}).get("confidence") or 0.0)


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
