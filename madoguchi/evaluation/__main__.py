"""`make eval`: held-out NLU and handoff evaluation of the current model, into docs/.

    python -m madoguchi.evaluation [--nlu-only]
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from madoguchi.logs import hide_warnings, quiet_rasa

hide_warnings()  # the libraries' deprecations on import: the reports are the output

from madoguchi.evaluation import handoff, nlu, report  # noqa: E402
from madoguchi.evaluation.bot import LocalBot  # noqa: E402
from madoguchi.model import model_path
from madoguchi.settings import ROOT

HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
CONVERSATIONS = ROOT / "tests" / "handoff" / "conversations.yml"
DOCS = ROOT / "docs"


async def evaluate(nlu_only: bool) -> int:
    model = model_path()
    if not model.exists():
        print(f"no model at {model}: run `make train` first", file=sys.stderr)
        return 1
    async with LocalBot(model) as bot:
        result = await nlu.evaluate("madoguchi (GiNZA + DIET)", nlu.load_examples(HELDOUT), bot.parse)
        nlu.confusion_png(result, DOCS / "nlu-confusion.png")
        (DOCS / "nlu-report.md").write_text(report.nlu_markdown(result, model.name), encoding="utf-8")
        print(f"intent macro-F1 {result.macro_f1:.3f}, entity accuracy {result.entity_accuracy:.3f} "
              f"({len(result.gold)} held-out messages) -> docs/nlu-report.md")
        if nlu_only:
            return 0
        outcomes = await handoff.run(handoff.load_conversations(CONVERSATIONS), bot.send)
        (DOCS / "handoff-report.md").write_text(report.handoff_markdown(outcomes, model.name), encoding="utf-8")
        s = handoff.scores(outcomes)
        print(f"handoff recall {s['recall']:.3f}, false handoffs {s['false_handoff_rate']:.3f}, "
              f"reason accuracy {s['reason_accuracy']:.3f} ({s['conversations']} conversations) "
              "-> docs/handoff-report.md")
    return 0


def main(argv: list[str] | None = None) -> int:
    quiet_rasa()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nlu-only", action="store_true")
    args = parser.parse_args(argv)
    return asyncio.run(evaluate(args.nlu_only))


if __name__ == "__main__":
    sys.exit(main())
