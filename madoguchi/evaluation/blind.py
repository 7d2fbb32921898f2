"""Blind test sets: written by people who never saw the training data, scored once.

Each round is a folder `tests/blind/<round>/` (rounds sort by name: `2026-11-30a` before
`2026-11-30b`) holding its writers' `*.messages.yml` (Rasa NLU YAML, every entity annotated
with its value) and `*.conversations.yml` (customer turns with the expected handoff), and
`round.yml`: when and by whom it was written, and `joined`, the date its messages joined
the training data (after its first score was reported). A round that joined training is no
longer blind: the evaluation reports the newest round that has not.
"""

from __future__ import annotations

from dataclasses import dataclass
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
