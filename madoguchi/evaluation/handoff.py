"""Handoff recall, false handoffs and reason accuracy on held-out conversations.

Each conversation of tests/handoff/conversations.yml is sent turn by turn to the bot as
a new customer; the outcome is whether the tracker ended paused and its handoff_reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Awaitable, Callable

import yaml

# Sends one message of a customer and returns the tracker's state afterwards.
Send = Callable[[str, str], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class Conversation:
    """A scripted customer: what they write, and whether a person should take over."""

    id: str
    expect: str  # a handoff reason or "none"
    turns: tuple[str, ...]
    near_miss: str | None = None
    situation: str | None = None  # what the customer came for (blind rounds from 2026-12-01d)
    goal: dict[str, Any] | None = field(default=None, compare=False)  # see evaluation/goals.py


@dataclass(frozen=True)
class Outcome:
    """What the bot did with a conversation."""

    conversation: Conversation
    reason: str | None  # the handoff reason, None when the bot kept the conversation
    turn: int | None  # the 1-based turn at which it handed off

    @property
    def expected_handoff(self) -> bool:
        return self.conversation.expect != "none"


def load_conversations(path: Path) -> list[Conversation]:
    """The conversation set (YAML: version, conversations: [{id, expect, turns, near_miss,
    situation, goal}])."""
    source = Path(path).read_text(encoding="utf-8")
    data = yaml.safe_load(source)
    return [
        Conversation(c["id"], c["expect"], turns, c.get("near_miss"), c.get("situation"), c.get("goal"))
        for c, turns in zip(data["conversations"], _turns_as_written(source))
    ]


def _turns_as_written(source: str) -> list[tuple[str, ...]]:
    """Each conversation's turns as the writer typed them: YAML would make 07033445566 an octal
    number, yes a boolean and "Order number: a-234-5678" a mapping (round 2026-12-05zzw)."""
    root = yaml.compose(source)
    conversations = next(value for key, value in root.value if key.value == "conversations")
    written = []
    for conversation in conversations.value:
        turns = next((value for key, value in conversation.value if key.value == "turns"), None)
        written.append(tuple(
            node.value if isinstance(node, yaml.ScalarNode) else source[node.start_mark.index:node.end_mark.index].strip()
            for node in (turns.value if turns is not None else [])
        ))
    return written


async def run(conversations: list[Conversation], send: Send, prefix: str = "eval") -> list[Outcome]:
    """Play every conversation as a new customer; stop a conversation once handed off."""
    outcomes = []
    for conversation in conversations:
        sender = f"{prefix}-{conversation.id}"
        reason, at = None, None
        for i, text in enumerate(conversation.turns, start=1):
            state = await send(sender, text)
            if state.get("paused"):
                reason, at = (state.get("slots") or {}).get("handoff_reason") or "unknown", i
                break
        outcomes.append(Outcome(conversation, reason, at))
    return outcomes


def scores(outcomes: list[Outcome]) -> dict[str, float]:
    """recall, false_handoff_rate, reason_accuracy, and the counts behind them."""
    should = [o for o in outcomes if o.expected_handoff]
    should_not = [o for o in outcomes if not o.expected_handoff]
    caught = [o for o in should if o.reason]
    false = [o for o in should_not if o.reason]
    right_reason = [o for o in caught if o.reason == o.conversation.expect]
    return {
        "conversations": len(outcomes),
        "handoff_expected": len(should),
        "routine": len(should_not),
        "recall": len(caught) / len(should) if should else 0.0,
        "false_handoff_rate": len(false) / len(should_not) if should_not else 0.0,
        "reason_accuracy": len(right_reason) / len(caught) if caught else 0.0,
    }


def per_reason(outcomes: list[Outcome]) -> dict[str, dict[str, int]]:
    """For each expected reason: conversations, handed off, with the right reason."""
    table: dict[str, dict[str, int]] = {}
    for o in outcomes:
        row = table.setdefault(o.conversation.expect, {"conversations": 0, "handed_off": 0, "right_reason": 0})
        row["conversations"] += 1
        row["handed_off"] += bool(o.reason)
        row["right_reason"] += o.reason == o.conversation.expect
    return table
