"""Conversations judged by outcome: did the customer get what they came for?

A blind conversation may carry a `situation` (late_catalog, wrong_goods, …) and a `goal`
besides the handoff it must end with (`expect`):

- `catalog: {name, shipping}`: a catalog request was stored for that name (as written,
  spaces folded), by that method (メール便 / 宅配便);
- `says: [[word, …], …]`: the bot's answers, together, hold a word of each group;
- `left_form: true`: at the end no question is pending and no person was called.

Every conversation is also checked for the verification rule: no demo order's tracking
number is said before the customer gave both its number and its phone; and for loops: no
turn answered with the same message twice. (Item names are
not secrets: they are the shop's products, which the bot names when it recommends.)
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Awaitable, Callable

from madoguchi.evaluation.handoff import Conversation, Outcome
from madoguchi.nlu import spoken_digits
from madoguchi.settings import ROOT

# Sends one customer message: (what the bot said, the tracker's state afterwards).
Say = Callable[[str, str], Awaitable[tuple[list[str], dict[str, Any]]]]
# The catalog requests stored for a sender, or the one its conversation holds (the
# `catalog_request_id` slot: a late catalog not sent yet, confirmed again): (name, method label).
Catalogs = Callable[[str, Any], list[tuple[str, str]]]
# The reason of a sender's open ticket on the desk at the end, None without one.
DeskReason = Callable[[str], str | None]

DEMO_ORDERS = ROOT / "shop" / "demo_orders.csv"


@dataclass(frozen=True)
class Secret:
    """What must not be told about an order before verification, and what unlocks it."""

    order_id: str
    phone: str
    words: tuple[str, ...]


@dataclass
class Judged:
    """One conversation's outcome against its goal."""

    conversation: Conversation
    reason: str | None
    turn: int | None  # the 1-based turn at which it handed off
    failures: list[str] = field(default_factory=list)

    @property
    def reached(self) -> bool:
        return not self.failures


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


# Digits written in kanji, one for one, as customers write a phone (〇九〇-一二三四-五六七八).
_KANJI_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")


def _digits(text: str) -> str:
    """The digits and capitals of `text`, numbers read out in kana (ぜろろくの…) included."""
    spoken = spoken_digits.read(text)
    text = spoken.text if spoken else text
    text = re.sub(r"(?:エー|エイ|えー|えい)(?=\s?[0-9０-９〇一二三四五六七八九])", "A", text)  # エー1234567, エー一二三…: the A as said
    return re.sub(r"[^0-9A-Z]", "", _plain(text).translate(_KANJI_DIGITS).upper())


def secrets(path: Path = DEMO_ORDERS) -> list[Secret]:
    """The demo orders' tracking numbers, with the order number and phone that unlock them."""
    found = []
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            words = tuple(w for w in [row.get("tracking_number", "")] if w)
            found.append(Secret(row["order_id"], _digits(row["phone"]), words))
    return found


def leaks(customer: list[str], said: str, orders: list[Secret]) -> list[str]:
    """Orders whose details `said` tells although `customer` has not given number and phone."""
    given = _digits(" ".join(customer))
    return [
        o.order_id for o in orders
        if any(w in said for w in o.words) and not (o.order_id in given and o.phone in given)
    ]


def judge(conversation: Conversation, reason: str | None, turn: int | None, said: list[str],
          state: dict[str, Any], catalogs: list[tuple[str, str]], leaked: list[str],
          looped: tuple[int, ...] = ()) -> Judged:
    """Every check of the conversation's goal, failed ones named. `looped`: the turns
    answered with the same message twice or more (a loop Rasa's circuit breaker stops)."""
    failures = [f"the same answer repeated within turn {t}" for t in looped]
    expect = conversation.expect
    if (reason or "none") != expect:
        failures.append(f"ended {reason or 'without a person'}, expected {expect}")
    goal = conversation.goal or {}
    wanted = goal.get("catalog")
    if wanted:
        name, method = _plain(str(wanted.get("name", ""))), str(wanted.get("shipping", ""))
        if not any(_plain(n) == name and (not method or m == method) for n, m in catalogs):
            failures.append(f"no catalog request for {name} by {method} (stored: {catalogs or 'none'})")
    text = _plain(" ".join(said))
    for group in goal.get("says") or []:
        if not any(_plain(str(w)) in text for w in group):
            failures.append(f"never said any of {'/'.join(map(str, group))}")
    if goal.get("left_form") and (state.get("active_loop") or {}).get("name"):
        failures.append(f"a question still pending ({state['active_loop']['name']})")
    if leaked:
        failures.append(f"order details told before verification ({', '.join(sorted(set(leaked)))})")
    return Judged(conversation, reason, turn, failures)


async def run(
    conversations: list[Conversation], say: Say, catalogs: Catalogs, prefix: str = "goal",
    desk_reason: DeskReason | None = None,
) -> list[Judged]:
    """Play every conversation as a new customer to its last turn. After a handoff the
    customer goes on writing to the person, and the conversation ends with the reason its
    ticket holds then (a wrong parcel told calmly, then anger: a complaint); without
    `desk_reason`, with the reason it was handed off for."""
    orders = secrets()
    judged = []
    for conversation in conversations:
        sender = f"{prefix}-{conversation.id}"
        said: list[str] = []
        leaked: list[str] = []
        reason, turn, state = None, None, {}
        looped: list[int] = []
        for i, text in enumerate(conversation.turns):
            texts, state = await say(sender, text)
            said += texts
            if len([t for t in texts if t]) > len({t for t in texts if t}):
                looped.append(i + 1)
            leaked += leaks(list(conversation.turns[: i + 1]), " ".join(texts), orders)
            if state.get("paused") and turn is None:
                reason, turn = (state.get("slots") or {}).get("handoff_reason") or "unknown", i + 1
                if desk_reason is None:
                    break
        if turn is not None and desk_reason is not None:
            reason = desk_reason(sender) or reason
        held = (state.get("slots") or {}).get("catalog_request_id")
        judged.append(judge(conversation, reason, turn, said, state, catalogs(sender, held), leaked, tuple(looped)))
    return judged


def outcomes(judged: list[Judged]) -> list[Outcome]:
    """The handoff decisions of judged conversations (for `handoff.scores`)."""
    return [Outcome(j.conversation, j.reason, j.turn) for j in judged]


def by_situation(judged: list[Judged]) -> dict[str, tuple[int, int]]:
    """situation -> (reached, conversations)."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for j in judged:
        row = table[j.conversation.situation or "(none)"]
        row[0] += j.reached
        row[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(table.items())}


def invariants(judged: list[Judged]) -> dict[str, tuple[int, int]]:
    """The issue's hard lines: (held, conversations) for each."""
    goods = [j for j in judged if j.conversation.situation == "wrong_goods"]
    memorial = [j for j in judged if j.conversation.situation == "memorial_gift" and j.conversation.expect == "none"]
    return {
        "goods problems handed to a person with needs_operator": (sum(j.reason == "needs_operator" for j in goods), len(goods)),
        "memorial gift questions answered without a handoff": (sum(j.reason is None for j in memorial), len(memorial)),
        "conversations with no order detail before verification": (
            sum(not any("before verification" in f for f in j.failures) for j in judged), len(judged)),
    }
