"""Markdown reports of the evaluations, every figure computed, none typed."""

from __future__ import annotations

import platform
import subprocess
from datetime import datetime, timezone

from madoguchi.evaluation.goals import Judged, by_situation, invariants
from madoguchi.evaluation.handoff import Outcome, per_reason, scores
from madoguchi.evaluation.nlu import NluResult
from madoguchi.settings import ROOT


def provenance(model_name: str) -> str:
    """When, where and from what the figures were measured."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        # The reports themselves (docs/) are rewritten by the runs: not a change to what was measured.
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", ".", ":(exclude)docs"], cwd=ROOT, capture_output=True, text=True
        ).stdout
        commit += " (with uncommitted changes)" if dirty.strip() else ""
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"Measured {now} on {platform.machine()} ({platform.node() or 'unknown host'}, "
        f"Python {platform.python_version()}), commit {commit}, model `{model_name}`."
    )


def _intent_rows(result: NluResult) -> str:
    return "\n".join(
        f"| {intent} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['support']} |"
        for intent, v in result.per_intent().items()
    )


def understanding_rows(result: NluResult) -> str:
    """The table rows every NLU report shows: F1, calibration, acting, entities by type."""
    lowest = min(result.per_intent().items(), key=lambda kv: kv[1]["f1"]) if result.gold else ("-", {"f1": 0.0})
    types = ", ".join(f"{t} {a:.2f}" for t, a in result.entity_type_accuracy().items()) or "-"
    return f"""| intent macro-F1 | {result.macro_f1:.3f} | >= 0.95 |
| lowest intent F1 | {lowest[1]['f1']:.3f} ({lowest[0]}) | >= 0.90 |
| intent accuracy | {result.accuracy:.3f} | |
| messages the bot acts on without asking | {result.acted_share:.3f} | |
| of those, read right | {result.acted_accuracy:.3f} | >= 0.97 |
| wrong readings at confidence >= 0.9 | {result.confident_errors()} | |
| expected calibration error (10 bins) | {result.calibration_error():.3f} | |
| entity accuracy (canonical values; names and addresses as written) | {result.entity_accuracy:.3f} ({result.entity_correct}/{result.entity_total}) | |
| entity accuracy by type | {types} | ids >= 0.98, names/addresses >= 0.90 |
| messages | {len(result.gold)} | |"""


def error_rows(result: NluResult) -> str:
    return "\n".join(
        f"| {text.strip()} | {gold} | {pred} | {c:.2f} |"
        for (text, gold, pred), c in zip(result.errors, result.error_confidences)
    ) or "| (none) | | | |"


def goals_markdown(judged: list[Judged]) -> str:
    """Conversations by situation: how many reached their goal, the hard lines, the misses."""
    if not judged:
        return ""
    reached = sum(j.reached for j in judged)
    rows = "\n".join(f"| {s} | {r} / {n} |" for s, (r, n) in by_situation(judged).items())
    lines = "\n".join(f"| {k} | {h} / {n} |" for k, (h, n) in invariants(judged).items())
    misses = "\n".join(
        f"| {j.conversation.id} | {j.conversation.situation or ''} | {'; '.join(j.failures)} |"
        for j in judged if not j.reached
    ) or "| (none) | | |"
    return f"""
## Conversations judged by outcome

{reached} of {len(judged)} conversations reached their goal ({reached / len(judged):.3f}; target >= 0.95):
the right handoff or none, the catalog stored with the full name and method, the answer
holding what the shop rules require, the form released, and no order detail before
verification (`madoguchi/evaluation/goals.py`).

| situation | reached / conversations |
| --- | --- |
{rows}

| hard line | held / conversations |
| --- | --- |
{lines}

| id | situation | what went wrong |
| --- | --- | --- |
{misses}
"""


def blind_markdown(round_line: str, blind: NluResult, outcomes: list[Outcome], own: NluResult | None,
                   model_name: str, judged: list[Judged] | None = None) -> str:
    """The blind round's report: its figures first, the team's own held-out set beside them."""
    s = scores(outcomes) if outcomes else None
    side = ""
    if own is not None:
        side = f"""
## Blind against the team's own held-out set (`tests/nlu/`)

| measure | blind | own held-out | difference |
| --- | --- | --- | --- |
| intent macro-F1 | {blind.macro_f1:.3f} | {own.macro_f1:.3f} | {own.macro_f1 - blind.macro_f1:+.3f} |
| intent accuracy | {blind.accuracy:.3f} | {own.accuracy:.3f} | {own.accuracy - blind.accuracy:+.3f} |
| of the messages acted on, read right | {blind.acted_accuracy:.3f} | {own.acted_accuracy:.3f} | {own.acted_accuracy - blind.acted_accuracy:+.3f} |
| entity accuracy | {blind.entity_accuracy:.3f} | {own.entity_accuracy:.3f} | {own.entity_accuracy - blind.entity_accuracy:+.3f} |

A large difference means the training data still learns its authors.
"""
    conversations = ""
    if s is not None:
        conversations = f"""
## Conversations (handoff decisions)

| measure | value | target |
| --- | --- | --- |
| recall (handed off when it should) | {s['recall']:.3f} | >= 0.95 |
| false handoffs (routine conversations handed off) | {s['false_handoff_rate']:.3f} | <= 0.03 |
| reason accuracy (of those handed off) | {s['reason_accuracy']:.3f} | >= 0.95 |
| conversations (handoff expected / routine) | {s['conversations']} ({s['handoff_expected']} / {s['routine']}) | |

{_per_reason_table(outcomes)}

{_misses_table(outcomes)}
{goals_markdown(judged or [])}"""
    return f"""# Understanding on the newest blind set

Generated by `make eval` from the {round_line}; its writers never read the training data
or the other test sets. {provenance(model_name)}

| measure | value | target |
| --- | --- | --- |
{understanding_rows(blind)}
{side}{conversations}
## Per intent

| intent | precision | recall | F1 | support |
| --- | --- | --- | --- | --- |
{_intent_rows(blind)}

## Misread messages

| message | gold | predicted | confidence |
| --- | --- | --- | --- |
{error_rows(blind)}
"""


def nlu_markdown(result: NluResult, model_name: str) -> str:
    """The NLU report on the team's own held-out set: headline, per-intent table, errors."""
    return f"""# NLU on the team's own held-out set

Generated by `make eval` from `tests/nlu/` (never used in training, but written by the
same team as the training data: the blind report, `docs/blind-report.md`, is the figure
that counts). {provenance(model_name)}

| measure | value | target |
| --- | --- | --- |
{understanding_rows(result)}

![confusion matrix](nlu-confusion.png)

## Per intent

| intent | precision | recall | F1 | support |
| --- | --- | --- | --- | --- |
{_intent_rows(result)}

## Misclassified messages

| message | gold | predicted | confidence |
| --- | --- | --- | --- |
{error_rows(result)}
"""


def _per_reason_table(outcomes: list[Outcome]) -> str:
    rows = "\n".join(
        f"| {reason} | {row['conversations']} | {row['handed_off']} | {row['right_reason']} |"
        for reason, row in sorted(per_reason(outcomes).items())
    )
    return f"""| expected | conversations | handed off | right reason |
| --- | --- | --- | --- |
{rows}"""


def _misses_table(outcomes: list[Outcome]) -> str:
    rows = "\n".join(
        f"| {o.conversation.id} | {o.conversation.expect} | {o.reason or 'none'} | "
        f"{' / '.join(t.strip() for t in o.conversation.turns)} |"
        for o in outcomes
        if (o.reason or "none") != o.conversation.expect
    ) or "| (none) | | | |"
    return f"""Conversations the bot got wrong:

| id | expected | got | turns |
| --- | --- | --- | --- |
{rows}"""


def handoff_markdown(outcomes: list[Outcome], model_name: str) -> str:
    """The handoff report: headline scores, per reason, and every miss."""
    s = scores(outcomes)
    return f"""# Handoff decisions on the team's own held-out conversations

Generated by `make eval` from `tests/handoff/conversations.yml`: each conversation is sent turn
by turn to the bot as a new customer. {provenance(model_name)}

| measure | value | target |
| --- | --- | --- |
| recall (handed off when it should) | {s['recall']:.3f} | >= 0.97 |
| false handoffs (routine conversations handed off) | {s['false_handoff_rate']:.3f} | <= 0.03 |
| reason accuracy (of those handed off) | {s['reason_accuracy']:.3f} | >= 0.9 |
| conversations (handoff expected / routine) | {s['conversations']} ({s['handoff_expected']} / {s['routine']}) | |

## Per expected reason

{_per_reason_table(outcomes)}

## Misses

{_misses_table(outcomes)}
"""
