"""docs/benchmarks.md and its plots, from one run's results. Every figure is computed."""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from madoguchi.bench import load
from madoguchi.bench.speed import Speed
from madoguchi.evaluation.nlu import NluResult
from madoguchi.evaluation.report import provenance

# The targets of issue 5, in one place.
TARGETS = {
    "macro_f1": 0.95, "entity_accuracy": 0.97, "recall": 0.97, "false_handoffs": 0.03,
    "p95_at_20": 0.150, "saturation": 60.0, "parse_ratio": 2.5, "rasa_rss": 1.8e9,
    "cold_start": 45.0, "training": 300.0,
}
NAMES = {
    "shipped": "madoguchi (shipped: GiNZA + DIET + triage)",
    "no_triage": "madoguchi without triage",
    "plain": "plain Rasa (no GiNZA: whitespace tokens, char 1-4-grams, DIET)",
    "keyword": "keyword table",
}
SHORT = {"shipped": "shipped", "no_triage": "without triage", "plain": "plain Rasa", "keyword": "keywords"}


@dataclass
class Results:
    """What one `make bench` run measured."""

    quick: bool
    model: Path
    model_bytes: int = 0
    ginza_bytes: dict[str, int] = field(default_factory=dict)
    nlu: dict[str, NluResult] = field(default_factory=dict)  # shipped, no_triage, plain, keyword
    keyword_table: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    cv: Any = None  # understanding.CrossValidation
    epochs: int = 0
    cv_epochs: int = 0
    handoff: dict[str, Any] = field(default_factory=dict)  # shipped, no_triage: handoff.BotResult
    conversations_used: int = 0
    same_classifier: int | None = None
    trainings: dict[str, float] = field(default_factory=dict)  # no_triage, plain, fresh: seconds
    speed: Speed | None = None
    speed_workers: Speed | None = None  # saturation and memory again, with more Rasa workers
    failures: list[str] = field(default_factory=list)
    wall: float = 0.0


# ---------------------------------------------------------------------------- helpers


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.1f} ms" if seconds < 0.01 else f"{seconds * 1000:.0f} ms"


def _mb(n: int | None) -> str:
    return "-" if not n else f"{n / 2**20:,.0f} MB"


def _met(ok: bool | None) -> str:
    return "not measured" if ok is None else ("**met**" if ok else "**missed**")


def _p(values: list[float], q: float) -> float | None:
    return load.percentile(values, q)


def _at_least(value: float, target: float) -> bool:
    """Compared as shown: three decimals."""
    return round(value, 3) >= target


def _wrong(result: NluResult) -> int:
    return sum(g != p for g, p in zip(result.gold, result.predicted))


def _clients(n: int | None) -> str:
    return f"{n} client" + ("" if n == 1 else "s")


def machine() -> str:
    """CPU model, cores and memory of this machine."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory = next(
            int(line.split()[1]) * 1024 for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        )
    except (OSError, StopIteration):
        memory = 0
    return f"{model}, {os.cpu_count()} cores, {memory / 2**30:.0f} GB RAM, {platform.system()} {platform.release()}"


def _open(speed: Speed, channel: str, rate: float) -> load.Run | None:
    return next((r for r in speed.open_loop if r.channel == channel and r.offered == rate), None)


def _long_windows(run: load.Run, period: int = len(load.ROUTINE)) -> tuple[tuple[int, int], tuple[int, int]]:
    """The first turns and the last ones that say the same messages in the same order (the
    conversation repeats `period` messages), so that only the turn number differs."""
    last = int(max((s.due for s in run.samples), default=0))
    width = min(20, max(1, last // 3))
    start = last - width + 1
    if start - (start - 1) % period > width:  # else too short a conversation: its last turns
        start -= (start - 1) % period
    return (1, width), (start, start + width - 1)


def _long_title(run: load.Run) -> str:
    turns = int(max((s.due for s in run.samples), default=0))
    count = len(run.samples) // turns if turns else 0
    if count <= 1:
        return f"One conversation of {turns} turns"
    return f"{count} conversations of {turns} turns, one after another"


# ---------------------------------------------------------------------------- targets


def target_rows(r: Results) -> list[tuple[str, str, bool | None]]:
    """(target, what was reached, met) for every target of the issue."""
    rows: list[tuple[str, str, bool | None]] = []
    shipped = r.nlu.get("shipped")
    if shipped:
        rows.append(("intent macro-F1 >= 0.95 (held-out)", f"{shipped.macro_f1:.3f}", _at_least(shipped.macro_f1, TARGETS["macro_f1"])))
        rows.append(("entity accuracy >= 0.97 (held-out)", f"{shipped.entity_accuracy:.3f}",
                     _at_least(shipped.entity_accuracy, TARGETS["entity_accuracy"])))
    h = r.handoff.get("shipped")
    if h and h.outcomes:
        s = h.scores
        rows.append(("handoff recall >= 0.97", f"{s['recall']:.3f}", _at_least(s["recall"], TARGETS["recall"])))
        rows.append(("false handoffs <= 3%", f"{s['false_handoff_rate']:.1%}", s["false_handoff_rate"] <= TARGETS["false_handoffs"]))
    sp = r.speed
    if sp:
        for channel in ("REST", "socket.io"):
            run = _open(sp, channel, 20)
            if run:
                p95 = run.percentile(95)
                rows.append((f"open loop 20 msg/s, {channel}: p95 <= 150 ms, no errors",
                             f"p95 {_ms(p95)}, {run.errors} errors of {max(run.planned, len(run.samples))}",
                             p95 is not None and p95 <= TARGETS["p95_at_20"] and run.errors == 0))
            else:
                rows.append((f"open loop 20 msg/s, {channel}: p95 <= 150 ms, no errors",
                             "not run: a lower rate already overloaded the server", False))
        rows.append(_saturation_row(sp, r.speed_workers))
        if sp.long and sp.long.latencies:
            (a0, a1), (b0, b1) = _long_windows(sp.long)
            early, late = _p(load.turn_window(sp.long, a0, a1), 95), _p(load.turn_window(sp.long, b0, b1), 95)
            rows.append((f"turn {sp.plan.turns} no slower than turn 10 at p95",
                         f"turns {b0}-{b1}: p95 {_ms(late)}; turns {a0}-{a1}: {_ms(early)}",
                         late is not None and early is not None and late <= early))
        whole, parse = _p(sp.whole, 50), _p(sp.parse, 50)
        if whole and parse:
            rows.append(("whole-message p50 within 2.5x of /model/parse",
                         f"{_ms(whole)} / {_ms(parse)} = {whole / parse:.2f}x", whole / parse <= TARGETS["parse_ratio"]))
        rasa = max(sp.rss_idle.get("rasa", 0), sp.rss_peak.get("rasa", 0))
        if rasa:
            rows.append(("Rasa server RSS <= 1.8 GB", f"{rasa / 1e9:.2f} GB (peak)", rasa <= TARGETS["rasa_rss"]))
        cold = sp.target.cold_start
        rows.append(("cold start <= 45 s", f"{cold:.1f} s" if cold is not None else "not measured (stack given with --url)",
                     None if cold is None else cold <= TARGETS["cold_start"]))
    fresh = r.trainings.get("fresh")
    rows.append(("training <= 5 min", f"{fresh / 60:.1f} min" if fresh else "not measured (quick run)",
                 None if fresh is None else fresh <= TARGETS["training"]))
    return rows


def _workers(n: int) -> str:
    return "one worker" if n == 1 else f"{n} workers"


def _saturation_row(sp: Speed, more: Speed | None) -> tuple[str, str, bool]:
    """The saturation target, met when the stack reaches it with one worker or with more."""
    reached, met = [], False
    for speed in (sp, more):
        if speed is None:
            continue
        best = speed.sustained()
        label = _workers(speed.target.workers)
        if best:
            rate = best.throughput(skip=1.0)
            reached.append(f"{rate:.1f} msg/s with {label} ({_clients(best.concurrency)})")
            met = met or rate >= TARGETS["saturation"]
        else:
            reached.append(f"no error-free run with {label}")
    return "saturation >= 60 msg/s", "; ".join(reached), met


def headline(r: Results) -> list[str]:
    return [f"{name}: {reached} ({_met(ok).strip('*')})" for name, reached, ok in target_rows(r)]


# ---------------------------------------------------------------------------- sections


def _summary(r: Results) -> str:
    rows = "\n".join(f"| {name} | {reached} | {_met(ok)} |" for name, reached, ok in target_rows(r))
    return f"| target (issue 5) | reached | |\n| --- | --- | --- |\n{rows}"


def _understanding(r: Results) -> str:
    names = [n for n in ("shipped", "no_triage", "plain", "keyword") if n in r.nlu]
    if not names:
        return "Not measured."
    shipped = r.nlu.get("shipped")
    table = ["| pipeline | intent macro-F1 | intent accuracy | entity accuracy | entity precision |",
             "| --- | --- | --- | --- | --- |"]
    for n in names:
        x = r.nlu[n]
        entity = f"{x.entity_accuracy:.3f} ({x.entity_correct}/{x.entity_total})"
        table.append(f"| {NAMES[n]} | {x.macro_f1:.3f} | {x.accuracy:.3f} | {entity} | {x.entity_precision:.3f} |")
    lines = ["\n".join(table), ""]
    if shipped:
        for n in ("plain", "keyword"):
            if n in r.nlu:
                x = r.nlu[n]
                entities = (
                    "(the keyword table extracts no entities)" if not x.entity_predicted else
                    f"and **{shipped.entity_accuracy - x.entity_accuracy:+.3f}** entity accuracy "
                    f"({x.entity_accuracy:.3f} -> {shipped.entity_accuracy:.3f})"
                )
                lines.append(
                    f"- Against the {SHORT[n]} baseline the shipped pipeline gains "
                    f"**{shipped.macro_f1 - x.macro_f1:+.3f}** intent macro-F1 "
                    f"({x.macro_f1:.3f} -> {shipped.macro_f1:.3f}) {entities}; it misclassifies "
                    f"{_wrong(shipped)} of {len(shipped.gold)} held-out messages where the baseline misclassifies {_wrong(x)}."
                )
        if "no_triage" in r.nlu:
            x = r.nlu["no_triage"]
            lines.append(f"- The triage component's intent corrections change macro-F1 by "
                         f"{shipped.macro_f1 - x.macro_f1:+.3f} ({x.macro_f1:.3f} without, {shipped.macro_f1:.3f} with).")
        if "plain" not in r.nlu:
            stopped = next((f for f in r.failures if f.startswith("plain Rasa baseline")), None)
            lines.append(f"- Plain Rasa baseline: not measured ({stopped.splitlines()[0].partition(': ')[2]})." if stopped
                         else "- Plain Rasa baseline: not trained in a quick run.")
    if any(n in r.nlu for n in ("shipped", "plain", "keyword")):
        lines += ["", "![per-intent F1](bench-understanding.png)", ""]
    if shipped:
        head = "| intent | support | " + " | ".join(SHORT[n] for n in names) + " |"
        lines += [head, "| --- | --- |" + " --- |" * len(names)]
        per = {n: r.nlu[n].per_intent() for n in names}
        for intent, row in per[names[0]].items():
            cells = " | ".join(f"{per[n].get(intent, {}).get('f1', 0.0):.2f}" for n in names)
            lines.append(f"| {intent} | {row['support']} | {cells} |")
    if r.cv:
        (mean, sd), (emean, esd) = r.cv.macro_f1, r.cv.entity_accuracy
        folds = ", ".join(f"{f.macro_f1:.3f}" for f in r.cv.folds)
        pooled = r.cv.pooled()
        lines += [
            "", f"### {len(r.cv.folds)}-fold cross-validation on the training data (data/nlu)", "",
            f"The shipped pipeline, trained on {len(r.cv.folds) - 1} of {len(r.cv.folds)} parts of data/nlu and "
            f"scored on the remaining part, once for each part (stratified by intent). "
            + ("The pipeline has no DIET: the folds are trained as the shipped model is." if not r.epochs else
               f"DIET epochs: **{r.cv.epochs}** (the shipped model: {r.epochs})")
            + (f" - fewer, to keep `make bench` within its time budget. The folds are trained less than the "
               f"shipped model: compare them with each other and with earlier runs, not with the held-out "
               f"figures above. `--cv-epochs 0` trains them like the shipped model (a longer run)."
               if r.epochs and r.cv.epochs != r.epochs else "." if r.epochs else ""), "",
            "| measure | value |", "| --- | --- |",
            f"| intent macro-F1, mean ± sd over folds | {mean:.3f} ± {sd:.3f} ({folds}) |",
            f"| entity accuracy, mean ± sd | {emean:.3f} ± {esd:.3f} |",
            f"| intent accuracy, all folds pooled | {pooled.accuracy:.3f} ({len(pooled.gold)} examples) |",
            f"| training time per fold | {min(r.cv.train_seconds):.0f}-{max(r.cv.train_seconds):.0f} s |",
        ]
    elif r.quick:
        lines += ["", "Cross-validation: not run in a quick run."]
    if r.keyword_table:
        lines += ["", "### The keyword table", "",
                  "Derived from data/nlu alone: for each intent, character strings chosen greedily for covering "
                  "the intent's examples with high precision. The first three of each:", "",
                  "| intent | keywords (precision in the training data) |", "| --- | --- |"]
        for intent, keywords in r.keyword_table.items():
            shown = ", ".join(f"「{k}」 {p:.2f}" for k, p in keywords[:3]) or "(none)"
            lines.append(f"| {intent} | {shown} |")
    return "\n".join(lines)


def _handoff(r: Results) -> str:
    bots = [n for n in ("shipped", "no_triage") if n in r.handoff and r.handoff[n].outcomes]
    if not bots:
        return "Not measured."
    label = {"shipped": "madoguchi (shipped)", "no_triage": "intent alone (without HandoffTriage and EscalationPolicy)"}
    lines = ["| bot | recall | false handoffs | reason accuracy | conversations (handoff / routine) |",
             "| --- | --- | --- | --- | --- |"]
    for n in bots:
        s = r.handoff[n].scores
        lines.append(f"| {label[n]} | {s['recall']:.3f} | {s['false_handoff_rate']:.3f} | {s['reason_accuracy']:.3f} | "
                     f"{s['conversations']} ({s['handoff_expected']} / {s['routine']}) |")
    if len(bots) == 2:
        a, b = r.handoff["shipped"].scores, r.handoff["no_triage"].scores
        lines += ["", f"- Triage adds **{a['recall'] - b['recall']:+.3f}** recall and changes false handoffs by "
                      f"**{a['false_handoff_rate'] - b['false_handoff_rate']:+.3f}** and reason accuracy by "
                      f"{a['reason_accuracy'] - b['reason_accuracy']:+.3f}."]
        if r.same_classifier is not None:
            total = len(r.nlu["shipped"].gold) if "shipped" in r.nlu else 0
            same = r.same_classifier == total
            lines.append(
                f"- The baseline's classifier ranks the {total} held-out messages "
                + ("exactly as the shipped one does: the two bots differ only by the triage." if same else
                   f"like the shipped one for {r.same_classifier} of them only: Rasa's cache did not hold every "
                   "trained component, so part of the difference is a new training.")
            )
    elif r.quick:
        lines += ["", "The intent-alone baseline is not trained in a quick run."]
    if r.quick and r.conversations_used:
        lines += ["", f"Quick run: every third conversation ({r.conversations_used})."]
    reasons = sorted({reason for n in bots for reason in r.handoff[n].per_reason})
    short = {"shipped": "shipped", "no_triage": "intent alone"}
    lines += ["", "| expected | conversations | " + " | ".join(f"{short[n]}: handed off / right reason" for n in bots) + " |",
              "| --- | --- |" + " --- |" * len(bots)]
    for reason in reasons:
        first = r.handoff[bots[0]].per_reason[reason]
        cells = " | ".join(
            f"{r.handoff[n].per_reason[reason]['handed_off']} / {r.handoff[n].per_reason[reason]['right_reason']}" for n in bots
        )
        lines.append(f"| {reason} | {first['conversations']} | {cells} |")
    return "\n".join(lines)


def _speed(r: Results) -> str:
    sp = r.speed
    if not sp:
        return "Not measured."
    t = sp.target
    workers = "one Rasa worker" if t.workers == 1 else f"{t.workers} Rasa workers (MADOGUCHI_RASA_WORKERS)"
    how = (f"a stack started by the benchmark (free ports, temporary SQLite database, {workers})"
           if t.started_here else f"the stack already running at {t.rasa_url}")
    lines = [
        f"Against {how}. Load generated by this process (asyncio; aiohttp and python-socketio) on the same "
        f"machine. During the speed runs ({sp.wall / 60:.1f} min) processes other than the stack and the "
        f"benchmark kept **{sp.others_cores:.2f} cores** busy on average"
        + (" - the figures are pessimistic by that much." if sp.others_cores >= 0.25 else "."),
        "", "### One message at a time (the floor)", "",
        "| what | p50 | p95 | messages |", "| --- | --- | --- | --- |",
        f"| GiNZA alone, as the pipeline runs it (tokens, lemmas, vectors) | {_ms(_p(sp.ginza, 50))} | {_ms(_p(sp.ginza, 95))} | {len(sp.ginza)} |",
        f"| GiNZA's whole neural analysis (only for a distress cue to check) | {_ms(_p(sp.ginza_full, 50))} | {_ms(_p(sp.ginza_full, 95))} | {len(sp.ginza_full)} |",
        f"| `/model/parse` alone (the whole NLU pipeline over HTTP) | {_ms(_p(sp.parse, 50))} | {_ms(_p(sp.parse, 95))} | {len(sp.parse)} |",
        f"| whole message on the REST channel (NLU, dialogue, actions, tracker store, transcript) | {_ms(_p(sp.whole, 50))} | {_ms(_p(sp.whole, 95))} | {len(sp.whole)} |",
        "",
        f"### Open loop: customers writing every {sp.plan.interval:g} s", "",
        f"Each rate is offered for {sp.plan.open_seconds:g} s by `rate x {sp.plan.interval:g}` conversations; a customer "
        f"waits for the answer before writing again and gives up after {load.TIMEOUT:g} s without one (the rest of "
        "their messages count as errors). Latency counts from when a message was due. socket.io: time to the "
        "first bot message.", "",
        "| channel | offered | conversations | messages | errors | p50 | p95 | p99 | answered/s |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for run in sp.open_loop:
        conversations = max(1, round((run.offered or 0) * sp.plan.interval))
        lines.append(
            f"| {run.channel} | {run.offered:g} msg/s | {conversations} | {max(run.planned, len(run.samples))} | "
            f"{run.errors} | {_ms(run.percentile(50))} | {_ms(run.percentile(95))} | {_ms(run.percentile(99))} | "
            f"{run.throughput():.1f} |"
        )
    lines += [f"- {s}" for s in sp.skipped]
    if sp.open_loop:
        lines += ["", "![open-loop latency](bench-open-loop.png)"]
    lines += ["", "### Saturation: clients writing back to back (REST)", ""]
    lines += _saturation(sp, "stock Rasa 3.6, one worker, on such a machine: about 24")
    more = r.speed_workers
    if more:
        lines += ["", f"### Saturation with {more.target.workers} Rasa workers (REST)", "",
                  f"A second stack, started the same way with MADOGUCHI_RASA_WORKERS={more.target.workers} and no Redis: "
                  "Rasa's ticket locks and the socket.io messages go through the SQLite database "
                  f"(docs/deployment.md). Cold start {more.target.cold_start:.1f} s.", ""]
        lines += _saturation(more, "stock Rasa 3.6, two workers and Redis, on such a machine: about 49")
        largest, whole = more.rss_largest.get("rasa"), more.rss_peak.get("rasa")
        if largest and whole:
            lines += ["", f"Memory: each worker is a process of its own with its own model: the largest Rasa process "
                          f"peaked at {_mb(largest)}, the Rasa server's {more.target.workers + 1} processes "
                          f"(the workers and Sanic's manager) at {_mb(whole)} together."]
    if sp.saturation:
        lines += ["", "![saturation](bench-saturation.png)"]
    lines += [""]
    if sp.long and sp.long.latencies:
        (a0, a1), (b0, b1) = _long_windows(sp.long)
        early, late = load.turn_window(sp.long, a0, a1), load.turn_window(sp.long, b0, b1)
        lines += [f"### {_long_title(sp.long)} (REST)", "",
                  f"Turns {a0}-{a1}: p50 {_ms(_p(early, 50))}, p95 {_ms(_p(early, 95))}; turns {b0}-{b1}: "
                  f"p50 {_ms(_p(late, 50))}, p95 {_ms(_p(late, 95))} (the same messages in the same order); "
                  f"{sp.long.errors} errors.", "",
                  "![latency by turn](bench-long-conversation.png)", ""]
    lines += ["### Cold start and training", ""]
    lines.append(f"- Cold start (processes started to the first answer, trained model): "
                 + (f"**{t.cold_start:.1f} s**." if t.cold_start is not None else "not measured (stack given with --url)."))
    fresh = r.trainings.get("fresh")
    lines.append("- Training (`rasa train` of config.yml, domain and data from scratch: empty cache, temporary folder): "
                 + (f"**{fresh / 60:.1f} min**, at normal priority while the benchmark's other trainings and "
                    "evaluations ran beside it at a lower one (`nice`): close to what it takes alone, if anything slower."
                    if fresh else "not measured in a quick run."))
    for name, label in (("plain", "plain Rasa baseline (`rasa train nlu`)"),
                        ("no_triage", "intent-alone baseline (from the project's training cache)")):
        if name in r.trainings:
            lines.append(f"- Training the {label}: {r.trainings[name]:.0f} s.")
    return "\n".join(lines)


def _saturation(sp: Speed, stock: str) -> list[str]:
    """The saturation table, the best sustained rate and the CPU a message took."""
    lines = ["| clients | answered/s | p50 | p95 | errors |", "| --- | --- | --- | --- | --- |"]
    for run in sp.saturation:
        lines.append(f"| {run.concurrency} | {run.throughput(skip=1.0):.1f} | {_ms(run.percentile(50))} | "
                     f"{_ms(run.percentile(95))} | {run.errors} |")
    best = sp.sustained()
    lines += ["", f"Highest sustained: **{best.throughput(skip=1.0):.1f} messages/s** with {_clients(best.concurrency)} "
                  f"({stock}; the target: 60)." if best else "No saturation run finished without errors."]
    return lines + _cpu_per_message(sp)


def _cpu_per_message(sp: Speed) -> list[str]:
    if not sp.cpu_per_message:
        return []
    cost = ", ".join(f"{name} {seconds * 1000:.1f} ms" for name, seconds in sp.cpu_per_message.items())
    rasa = sp.cpu_per_message.get("rasa")
    if not rasa:
        return ["", f"CPU time per answered message during the saturation runs: {cost}."]
    # A Rasa worker runs its messages one at a time in one Python thread: about one core.
    cores = min(sp.target.workers, os.cpu_count() or 1)
    return ["", f"CPU time per answered message during the saturation runs: {cost}. At {rasa * 1000:.1f} ms of CPU "
                f"a message, the Rasa server with {_workers(sp.target.workers)} (about {cores} "
                f"core{'s' if cores > 1 else ''}) could answer at most {cores / rasa:.0f} messages/s; 60 messages/s "
                f"needs under {cores / TARGETS['saturation'] * 1000:.1f} ms a message."]


def _footprint(r: Results) -> str:
    lines = []
    sp = r.speed
    if sp and (sp.rss_idle or sp.rss_peak):
        lines += ["Resident memory (VmRSS from /proc, the process and its children):", "",
                  "| service | idle | peak under load |", "| --- | --- | --- |"]
        for name in ("rasa", "actions", "web"):
            if name in sp.rss_idle or name in sp.rss_peak:
                lines.append(f"| {name} | {_mb(sp.rss_idle.get(name))} | {_mb(sp.rss_peak.get(name))} |")
        total_idle, total_peak = sum(sp.rss_idle.values()), sum(sp.rss_peak.values())
        lines += [f"| all three | {_mb(total_idle)} | {_mb(total_peak)} |", "",
                  "Peaks are sampled every half second during the speed runs.", "", "![memory](bench-memory.png)", ""]
    lines.append(f"Model on disk: `{r.model.name}` **{_mb(r.model_bytes)}**; beside it the model needs "
                 + ", ".join(f"{k} ({_mb(v)})" for k, v in r.ginza_bytes.items()) + " installed.")
    return "\n".join(lines)


def _method(r: Results) -> str:
    run = "a quick run (`make bench QUICK=1`): shorter speed runs, no trained baselines, no cross-validation, " \
          "every third handoff conversation; indicative only" if r.quick else "a full run (`make bench`)"
    return "\n".join([
        f"- This is {run}; the whole run took {r.wall / 60:.1f} min.",
        "- Held-out sets: tests/nlu/heldout.yml and tests/handoff/conversations.yml, never read by training. "
        "Entity accuracy: gold entities found with their canonical value (width, case and spaces ignored).",
        "- Baselines are trained into temporary folders, never into models/. Plain Rasa: "
        "bench/configs/baseline_plain.yml (Rasa refuses the WhitespaceTokenizer for `language: ja`, so it runs "
        "as `en`; Japanese has no spaces, so character n-grams carry the meaning). Intent alone: config.yml "
        "without `HandoffTriage` and `EscalationPolicy`, trained from a copy of the project's training cache so "
        "that its other components are the shipped ones.",
        "- The speed runs come first, with nothing else of the benchmark running; the server is left to finish "
        "its backlog between runs.",
        "- Regenerate with `make bench` or `make bench QUICK=1` (under 3 minutes); against a running stack: "
        "`.venv/bin/python -m madoguchi.bench --url http://127.0.0.1:5005` (token from .env).",
    ])


def markdown(r: Results) -> str:
    failures = "\n".join(f"- **not measured**: {f.splitlines()[0]}" for f in r.failures)
    return f"""# Benchmarks

Generated by `make bench`{' (quick run)' if r.quick else ''}. {provenance(r.model.name)}
Machine: {machine()}.

## Against the targets

{_summary(r)}
{failures}

## 1. Understanding (tests/nlu/heldout.yml)

{_understanding(r)}

## 2. Handoff (tests/handoff/conversations.yml)

{_handoff(r)}

## 3. Speed

{_speed(r)}

## 4. Footprint

{_footprint(r)}

## How this was measured

{_method(r)}
"""


# ---------------------------------------------------------------------------- plots


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_understanding(r: Results, path: Path) -> bool:
    names = [n for n in ("shipped", "plain", "keyword") if n in r.nlu]
    if not names:
        return False
    import numpy as np

    plt = _pyplot()
    intents = sorted(set(r.nlu[names[0]].gold))
    per = {n: r.nlu[n].per_intent() for n in names}
    x = np.arange(len(intents))
    width = 0.8 / len(names)
    fig, ax = plt.subplots(figsize=(12, 5))
    for i, n in enumerate(names):
        ax.bar(x + i * width, [per[n].get(t, {}).get("f1", 0.0) for t in intents], width,
               label=f"{SHORT[n]} (macro-F1 {r.nlu[n].macro_f1:.3f})")
    ax.set_xticks(x + width * (len(names) - 1) / 2, intents, rotation=50, ha="right", fontsize=8)
    ax.set_ylabel("F1 on the held-out set")
    ax.set_ylim(0, 1.05)
    ax.axhline(TARGETS["macro_f1"], color="grey", linestyle=":", linewidth=1)
    ax.legend(loc="lower left", fontsize=8)
    ax.set_title("Per-intent F1: shipped pipeline and baselines")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


def plot_open_loop(sp: Speed, path: Path) -> bool:
    if not sp.open_loop:
        return False
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 5))
    for channel, marker in (("REST", "o"), ("socket.io", "s")):
        runs = [r for r in sp.open_loop if r.channel == channel and r.latencies]
        for q, style in ((50, "-"), (95, "--")):
            ax.plot([r.offered for r in runs], [r.percentile(q) * 1000 for r in runs], style, marker=marker,
                    label=f"{channel} p{q}")
    for values, label, color in ((sp.parse, "/model/parse p50", "grey"), (sp.ginza, "GiNZA alone p50", "silver")):
        if values:
            ax.axhline(_p(values, 50) * 1000, color=color, linewidth=1, label=label)
    ax.axhline(TARGETS["p95_at_20"] * 1000, color="red", linestyle=":", linewidth=1, label="target p95 at 20 msg/s")
    ax.set_yscale("log")
    ax.set_xlabel("messages/s offered")
    ax.set_ylabel("latency (ms, log scale)")
    ax.set_title("Open loop: latency by offered load")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


def plot_saturation(sp: Speed, path: Path, more: Speed | None = None) -> bool:
    if not sp.saturation:
        return False
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 5))
    levels = sorted({r.concurrency for r in sp.saturation + (more.saturation if more else [])})
    ax.plot([r.concurrency for r in sp.saturation], [r.throughput(skip=1.0) for r in sp.saturation], marker="o",
            label=f"answered messages/s, {_workers(sp.target.workers)}")
    if more and more.saturation:
        ax.plot([r.concurrency for r in more.saturation], [r.throughput(skip=1.0) for r in more.saturation],
                marker="^", color="tab:green", label=f"answered messages/s, {_workers(more.target.workers)}")
    ax.axhline(TARGETS["saturation"], color="red", linestyle=":", linewidth=1, label="target 60 msg/s")
    ax.set_xscale("log", base=2)
    ax.set_xticks(levels, [str(n) for n in levels])
    ax.set_xlabel("clients writing back to back")
    ax.set_ylabel("messages/s")
    ax.set_ylim(bottom=0)
    right = ax.twinx()
    right.plot([r.concurrency for r in sp.saturation], [(r.percentile(95) or 0) * 1000 for r in sp.saturation], color="tab:orange", marker="s",
               linestyle="--", label="p95 latency (ms)")
    right.set_ylabel("p95 latency (ms)")
    lines = ax.get_legend_handles_labels()
    more = right.get_legend_handles_labels()
    ax.legend(lines[0] + more[0], lines[1] + more[1], fontsize=8, loc="upper left")
    ax.set_title("Saturation (REST)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


def plot_long(sp: Speed, path: Path) -> bool:
    if not sp.long or not sp.long.latencies:
        return False
    plt = _pyplot()
    turns = [s.due for s in sp.long.samples if s.latency is not None]
    values = [s.latency * 1000 for s in sp.long.samples if s.latency is not None]
    window = 15
    by_turn = sorted(set(turns))
    rolling = []
    for turn in by_turn:  # the median of every sample of the last `window` turns
        recent = sorted(v for t, v in zip(turns, values) if turn - window < t <= turn)
        rolling.append(recent[len(recent) // 2])
    fig, ax = plt.subplots(figsize=(9, 4.5))
    ax.plot(turns, values, ".", markersize=3, alpha=0.5, label="each turn")
    ax.plot(by_turn, rolling, "-", label=f"median of the last {window} turns")
    ax.set_xlabel("turn")
    ax.set_ylabel("latency (ms)")
    ax.set_ylim(bottom=0)
    ax.set_title(f"{_long_title(sp.long)} (REST)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


def plot_memory(sp: Speed, path: Path) -> bool:
    if not (sp.rss_idle or sp.rss_peak):
        return False
    import numpy as np

    plt = _pyplot()
    names = [n for n in ("rasa", "actions", "web") if n in sp.rss_idle or n in sp.rss_peak]
    x = np.arange(len(names))
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.bar(x - 0.2, [sp.rss_idle.get(n, 0) / 2**20 for n in names], 0.4, label="idle")
    ax.bar(x + 0.2, [sp.rss_peak.get(n, 0) / 2**20 for n in names], 0.4, label="peak under load")
    ax.axhline(TARGETS["rasa_rss"] / 2**20, color="red", linestyle=":", linewidth=1, label="Rasa target 1.8 GB")
    ax.set_xticks(x, names)
    ax.set_ylabel("resident memory (MB)")
    ax.set_title("Resident memory by service")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


def write(r: Results, out: Path) -> Path:
    """Write benchmarks.md and the plots into `out`; returns the report's path."""
    out.mkdir(parents=True, exist_ok=True)
    plot_understanding(r, out / "bench-understanding.png")
    if r.speed:
        plot_open_loop(r.speed, out / "bench-open-loop.png")
        plot_saturation(r.speed, out / "bench-saturation.png", r.speed_workers)
        plot_long(r.speed, out / "bench-long-conversation.png")
        plot_memory(r.speed, out / "bench-memory.png")
    path = out / "benchmarks.md"
    path.write_text(markdown(r), encoding="utf-8")
    return path
