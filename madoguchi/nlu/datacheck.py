"""Checks of the NLU training and test data that Rasa does not make.

    python -m madoguchi.nlu.datacheck data/nlu [--heldout tests/nlu] [--test-sets] [--drop-overlap]

- entity annotations that cut a GiNZA token (Rasa drops them at training time);
- examples per intent (the bar is 40 for training data);
- test messages that also stand in the training data (after normalization): the held-out
  file given, or with --test-sets every test set (`test_texts`).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from madoguchi.text import fold_for_nlu

MIN_TRAINING_EXAMPLES = 40


def load_examples(path: Path) -> list:
    """Every training example (a Rasa Message) in a file or below a folder."""
    from rasa.shared.nlu.training_data.loading import load_data

    return list(load_data(str(path)).intent_examples)


def misaligned_entities(messages: list, nlp) -> list[str]:
    """Entities whose start or end falls inside a GiNZA token of the folded text."""
    problems = []
    for message in messages:
        text = message.get("text")
        entities = message.get("entities") or []
        if not entities:
            continue
        doc = nlp(fold_for_nlu(text))
        starts = {t.idx for t in doc}
        ends = {t.idx + len(t.text) for t in doc}
        for e in entities:
            if e["start"] not in starts or e["end"] not in ends:
                tokens = " | ".join(t.text for t in doc)
                problems.append(f"{e['entity']} {text[e['start']:e['end']]!r} in {text!r} -> {tokens}")
    return problems


def key(text: str) -> str:
    """A text as compared for duplicates: NFKC, no spaces, no closing punctuation."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if not ch.isspace()).rstrip("。.!！?？…")


def test_texts(root: Path | None = None) -> dict[str, list[str]]:
    """Every customer text of every test set, by set: the team's held-out messages and
    conversations, and each blind round not yet joined to training (messages and turns)."""
    import yaml

    from madoguchi.evaluation import blind
    from madoguchi.settings import ROOT

    root = root or ROOT
    sets = {"tests/nlu": [m.get("text") for m in load_examples(root / "tests" / "nlu" / "heldout.yml")]}
    conversations = yaml.safe_load((root / "tests" / "handoff" / "conversations.yml").read_text(encoding="utf-8"))
    sets["tests/handoff"] = [str(t) for c in conversations["conversations"] for t in c["turns"]]
    for r in blind.rounds(root / "tests" / "blind"):
        if r.joined:
            continue
        sets[f"tests/blind/{r.name}"] = [e.text for e in r.messages()] + [
            t for c in r.conversations() for t in c.turns
        ]
    return sets


def leaked_in(training: list, sets: dict[str, list[str]]) -> dict[str, list[str]]:
    """The test texts, by set, that also stand in the training data."""
    seen = {key(m.get("text")) for m in training}
    return {name: [t for t in texts if key(t) in seen] for name, texts in sets.items()}


def conflicting(training: list) -> list[str]:
    """Texts that writers labelled with different intents (Rasa refuses to train on them)."""
    intents: dict[str, set[str]] = {}
    for m in training:
        intents.setdefault(key(m.get("text")), set()).add(m.get("intent"))
    return sorted(k for k, labels in intents.items() if len(labels) > 1)


def drop_overlap(training: Path, texts: list[str]) -> int:
    """Remove from the training files below `training` every example that stands in a test
    set (the test sets are written blind; training gives way), and every text that writers
    labelled with different intents (ごきげんよう: greet or goodbye). Returns how many."""
    from rasa.shared.nlu.training_data.entities_parser import replace_entities

    banned = {key(t) for t in texts} | set(conflicting(load_examples(training)))
    dropped = 0
    for path in sorted(training.rglob("*.yml")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [
            line for line in lines
            if not (line.lstrip().startswith("- ") and key(replace_entities(line.lstrip()[2:].rstrip("\n"))) in banned)
        ]
        if len(kept) != len(lines):
            dropped += len(lines) - len(kept)
            path.write_text("".join(kept), encoding="utf-8")
    return dropped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("training", type=Path, help="training data file or folder (data/nlu)")
    parser.add_argument("--heldout", type=Path, help="held-out test file or folder")
    parser.add_argument("--test-sets", action="store_true", help="compare with every test set")
    parser.add_argument("--drop-overlap", action="store_true",
                        help="remove from the training files the examples that stand in a test set")
    args = parser.parse_args(argv)
    if args.drop_overlap:
        n = drop_overlap(args.training, [t for texts in test_texts().values() for t in texts])
        print(f"removed {n} training examples that stand in a test set")

    import spacy

    nlp = spacy.load("ja_ginza", exclude=["parser", "ner", "compound_splitter", "bunsetu_recognizer"])
    ok = True
    training = load_examples(args.training)
    counts = Counter(m.get("intent") for m in training)
    print("training examples per intent:")
    for intent, n in sorted(counts.items()):
        flag = "" if n >= MIN_TRAINING_EXAMPLES else f"  (< {MIN_TRAINING_EXAMPLES})"
        print(f"  {intent:22} {n}{flag}")
        ok &= n >= MIN_TRAINING_EXAMPLES

    sets = [("training", training)]
    if args.heldout:
        heldout = load_examples(args.heldout)
        sets.append(("held-out", heldout))
        seen = {key(m.get("text")) for m in training}
        leaked = [m.get("text") for m in heldout if key(m.get("text")) in seen]
        print(f"held-out examples: {len(heldout)}; also in training: {len(leaked)}")
        for text in leaked:
            print(f"  leaked: {text}")
        ok &= not leaked
    both = conflicting(training)
    print(f"training: {len(both)} texts labelled with different intents")
    for text in both:
        print(f"  conflicting: {text}")
    ok &= not both
    if args.test_sets:
        for name, texts in leaked_in(training, test_texts()).items():
            print(f"{name}: {len(texts)} test texts also in training")
            for text in texts:
                print(f"  leaked: {text}")
            ok &= not texts

    for name, messages in sets:
        problems = misaligned_entities(messages, nlp)
        print(f"{name}: {len(problems)} entity spans cut a token")
        for p in problems:
            print(f"  {p}")
        ok &= not problems
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
