"""`make eval`: the model on the newest blind set first, then on the team's own held-out
sets, into docs/ (blind-report.md, nlu-report.md, handoff-report.md).

    python -m madoguchi.evaluation [--nlu-only] [--model PATH] [--round NAME]
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from madoguchi.logs import hide_warnings, quiet_rasa

hide_warnings()  # the libraries' deprecations on import: the reports are the output

from pathlib import Path  # noqa: E402

from madoguchi.evaluation import blind, goals, handoff, nlu, report  # noqa: E402
from madoguchi.evaluation.bot import LocalBot  # noqa: E402
from madoguchi.model import model_path
from madoguchi.settings import ROOT

HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
CONVERSATIONS = ROOT / "tests" / "handoff" / "conversations.yml"
DOCS = ROOT / "docs"


async def evaluate(nlu_only: bool, model: Path | None = None, round_name: str | None = None) -> int:
    model = model or model_path()
    if not model.exists():
        print(f"no model at {model}: run `make train` first", file=sys.stderr)
        return 1
    chosen = blind.Round(blind.BLIND / round_name) if round_name else blind.newest()
    async with LocalBot(model) as bot:
        own = await nlu.evaluate("madoguchi (GiNZA + DIET)", nlu.load_examples(HELDOUT), bot.parse)
        if chosen is not None:
            result = await nlu.evaluate(chosen.name, chosen.messages(), bot.parse)
            judged = [] if nlu_only else await goals.run(
                chosen.conversations(), bot.say, bot.catalog_requests, prefix=chosen.name, desk_reason=bot.desk_reason)
            outcomes = goals.outcomes(judged)
            (DOCS / "blind-report.md").write_text(
                report.blind_markdown(chosen.describe(), result, outcomes, own, model.name, judged), encoding="utf-8"
            )
            print(f"{chosen.describe()}:")
            print(f"  intent macro-F1 {result.macro_f1:.3f} (own held-out {own.macro_f1:.3f}), "
                  f"acted on {result.acted_share:.3f}, right when acting {result.acted_accuracy:.3f}, "
                  f"entity accuracy {result.entity_accuracy:.3f} ({len(result.gold)} messages)")
            if outcomes:
                b = handoff.scores(outcomes)
                print(f"  handoff recall {b['recall']:.3f}, false handoffs {b['false_handoff_rate']:.3f}, "
                      f"reason accuracy {b['reason_accuracy']:.3f} ({b['conversations']} conversations)")
                reached = sum(j.reached for j in judged)
                print(f"  conversations that reached their goal: {reached} of {len(judged)}")
            print("  -> docs/blind-report.md")
        else:
            print("no blind round that has not joined training: write one (tests/blind/README.md)")
        nlu.confusion_png(own, DOCS / "nlu-confusion.png")
        (DOCS / "nlu-report.md").write_text(report.nlu_markdown(own, model.name), encoding="utf-8")
        print(f"own held-out set: intent macro-F1 {own.macro_f1:.3f}, entity accuracy {own.entity_accuracy:.3f} "
              f"({len(own.gold)} messages) -> docs/nlu-report.md")
        if nlu_only:
            return 0
        outcomes = await handoff.run(handoff.load_conversations(CONVERSATIONS), bot.send)
        (DOCS / "handoff-report.md").write_text(report.handoff_markdown(outcomes, model.name), encoding="utf-8")
        s = handoff.scores(outcomes)
        print(f"own handoff set: recall {s['recall']:.3f}, false handoffs {s['false_handoff_rate']:.3f}, "
              f"reason accuracy {s['reason_accuracy']:.3f} ({s['conversations']} conversations) "
              "-> docs/handoff-report.md")
    return 0


def main(argv: list[str] | None = None) -> int:
    quiet_rasa()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nlu-only", action="store_true")
    parser.add_argument("--model", type=Path, help="a model other than the current one (default: trained from data/)")
    parser.add_argument("--round", help="a blind round other than the newest still blind")
    args = parser.parse_args(argv)
    return asyncio.run(evaluate(args.nlu_only, args.model, args.round))


if __name__ == "__main__":
    sys.exit(main())
