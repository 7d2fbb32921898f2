"""Checks of the NLU training and test data that Rasa does not make.

    python -m madoguchi.nlu.datacheck data/nlu [--heldout tests/nlu]

- entity annotations that cut a GiNZA token (Rasa drops them at training time);
- examples per intent (the bar is 40 for training data);
- held-out examples that also stand in the training data (after normalization).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from madoguchi.text import fold_width

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
        doc = nlp(fold_width(text))
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("training", type=Path, help="training data file or folder (data/nlu)")
    parser.add_argument("--heldout", type=Path, help="held-out test file or folder")
    args = parser.parse_args(argv)

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

    for name, messages in sets:
        problems = misaligned_entities(messages, nlp)
        print(f"{name}: {len(problems)} entity spans cut a token")
        for p in problems:
            print(f"  {p}")
        ok &= not problems
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
