"""Blind test sets: written by people who never saw the training data, scored once.

Each round is a folder `tests/blind/<round>/` (rounds sort by name: `2026-11-30a` before
`2026-11-30b`) holding its writers' `*.messages.yml` (Rasa NLU YAML, every entity annotated
with its value) and `*.conversations.yml` (customer turns with the expected handoff), and
`round.yml`: when and by whom it was written, and `joined`, the date its messages joined
the training data (after its first score was reported). A round that joined training is no
longer blind: the evaluation reports the newest round that has not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from madoguchi.evaluation.handoff import Conversation, load_conversations
from madoguchi.evaluation.nlu import Example, load_examples
from madoguchi.settings import ROOT

BLIND = ROOT / "tests" / "blind"


@dataclass(frozen=True)
class Round:
    """One blind round: its folder and what `round.yml` says of it."""

    path: Path

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def about(self) -> dict[str, Any]:
        meta = self.path / "round.yml"
        if not meta.exists():
            return {}
        return yaml.safe_load(meta.read_text(encoding="utf-8")) or {}

    @property
    def joined(self) -> bool:
        """Whether its messages joined the training data (so it measures nothing now)."""
        return bool(self.about.get("joined"))

    def message_files(self) -> list[Path]:
        return sorted(self.path.glob("*.messages.yml"))

    def conversation_files(self) -> list[Path]:
        return sorted(self.path.glob("*.conversations.yml"))

    def messages(self) -> list[Example]:
        return [e for f in self.message_files() for e in load_examples(f)]

    def conversations(self) -> list[Conversation]:
        return [c for f in self.conversation_files() for c in load_conversations(f)]

    def describe(self) -> str:
        """A line for reports: the round, when it was written, by how many writers and personas."""
        about = self.about
        personas = about.get("personas") or []
        return (
            f"blind round `{self.name}`, written {about.get('written', '?')} by {len(about.get('writers') or [])} "
            f"writers ({len(personas)} personas: {', '.join(personas)})"
        )


def rounds(root: Path = BLIND) -> list[Round]:
    return [Round(p) for p in sorted(root.iterdir()) if p.is_dir()] if root.exists() else []


def newest(root: Path = BLIND) -> Round | None:
    """The newest round that is still blind (has not joined training)."""
    blind = [r for r in rounds(root) if not r.joined and r.message_files()]
    return blind[-1] if blind else None


# Where each intent's training examples are kept (data/nlu/<topic>/).
TOPICS = {
    "smalltalk": ("greet", "goodbye", "thank", "bot_challenge", "out_of_scope"),
    "answers": ("affirm", "deny", "inform"),
    "catalog": ("request_catalog",),
    "orders": ("ask_delivery_status", "change_order"),
    "info": ("ask_shipping", "ask_gift", "ask_product"),
    "handoff": ("request_human", "complain", "express_distress", "request_exception"),
}
# The rule-based extractor finds these; training data leaves them unannotated.
_RULE_ENTITY = re.compile(
    r'\[([^\]]+)\](?:\{"entity":\s*"(?:order_id|phone|postal_code)"[^}]*\}|\((?:order_id|phone|postal_code)\))'
)


def training_lines(round_: Round) -> dict[str, dict[str, list[str]]]:
    """The round's messages as training examples, by topic and intent (rule entities bare)."""
    topic_of = {intent: topic for topic, intents in TOPICS.items() for intent in intents}
    out: dict[str, dict[str, list[str]]] = {}
    for path in round_.message_files():
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            intent = block.get("intent")
            if intent not in topic_of:
                continue
            for line in str(block.get("examples") or "").splitlines():
                if line.strip().startswith("- "):
                    example = _RULE_ENTITY.sub(r"\1", line.strip()[2:])
                    out.setdefault(topic_of[intent], {}).setdefault(intent, []).append(example)
    return out


def join(round_: Round, data: Path = ROOT / "data" / "nlu", on: str | None = None) -> int:
    """Copy a scored round's messages into the training data and mark it joined; how many."""
    if not round_.about.get("scored"):
        raise ValueError(f"{round_.name} has no recorded score: score it and write the score down first")
    written = 0
    for topic, intents in training_lines(round_).items():
        lines = [f'# Blind round {round_.name}, joined after its score was reported (tests/blind/).\nversion: "3.1"\nnlu:\n']
        for intent, examples in intents.items():
            lines.append(f"- intent: {intent}\n  examples: |\n")
            lines += [f"    - {e}\n" for e in examples]
            written += len(examples)
        (data / topic).mkdir(parents=True, exist_ok=True)
        (data / topic / f"blind-{round_.name}.yml").write_text("".join(lines), encoding="utf-8")
    meta = round_.path / "round.yml"
    text = meta.read_text(encoding="utf-8")
    joined = f"joined: {on or date.today().isoformat()}"
    if re.search(r"^joined:", text, flags=re.M):
        text = re.sub(r"^joined:.*$", joined, text, flags=re.M)
    else:  # a round.yml written without the empty `joined:` line
        text = text.rstrip("\n") + f"\n{joined}\n"
    meta.write_text(text, encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    """`python -m madoguchi.evaluation.blind join ROUND`: a scored round joins training."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("action", choices=["join"])
    parser.add_argument("round")
    args = parser.parse_args(argv)
    n = join(Round(BLIND / args.round))
    print(f"{n} messages of {args.round} joined data/nlu/<topic>/blind-{args.round}.yml")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
