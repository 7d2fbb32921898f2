"""Handoff decisions on the held-out conversations, for the shipped bot and a baseline.

The baseline is the shipped config without `HandoffTriage` (the distress score, goods
problems, gibberish) and without `EscalationPolicy` (distress building up, the same
question again): it hands off on the classifier's intent alone. It is trained from a
copy of the project's Rasa training cache, so every other component (GiNZA, DIET, the
rule and memoization policies) is the very one the shipped model was trained with, not
a new training that differs by chance.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from madoguchi.bench.understanding import Parsed, score
from madoguchi.evaluation import handoff
from madoguchi.evaluation.bot import LocalBot
from madoguchi.evaluation.nlu import Example

TRIAGE = {"madoguchi.rasa.components.triage.HandoffTriage", "madoguchi.rasa.policies.shop.EscalationPolicy"}


@dataclass
class BotResult:
    """One bot's parses of the held-out messages and its outcomes on the conversation set."""

    name: str
    nlu: Parsed
    outcomes: list[handoff.Outcome]

    @property
    def scores(self) -> dict[str, float]:
        return handoff.scores(self.outcomes)

    @property
    def per_reason(self) -> dict[str, dict[str, int]]:
        return handoff.per_reason(self.outcomes)


async def run(name: str, model: Path, heldout: list[Example], conversations: list[handoff.Conversation]) -> BotResult:
    """Parse the held-out NLU messages with the model, then play the conversation set
    against it (in-process, with the real action server beside it)."""
    async with LocalBot(model) as bot:
        nlu = await score(name, heldout, bot.parse)
        outcomes = await handoff.run(conversations, bot.send, prefix=f"bench-{name}") if conversations else []
    return BotResult(name, nlu, outcomes)


def no_triage_config(config: dict[str, Any]) -> dict[str, Any]:
    """The shipped config without the triage component and the escalation policy."""
    from madoguchi.bench.training import without

    missing = TRIAGE - {c["name"] for c in [*config.get("pipeline", []), *config.get("policies", [])]}
    if missing:
        raise ValueError(f"the config has no {', '.join(sorted(missing))} to remove")
    return without(config, TRIAGE)
