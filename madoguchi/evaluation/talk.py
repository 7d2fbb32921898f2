"""Play conversations of a blind round and print them whole: what the customer wrote, how
each message was read, what the bot answered, and the verdict on the goal.

    python -m madoguchi.evaluation.talk --round 2026-12-01d [ID ...] [--failed]

For looking into a round that is already scored; never for a round still blind.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from madoguchi.logs import hide_warnings, quiet_rasa

hide_warnings()

from pathlib import Path  # noqa: E402

from madoguchi.evaluation import blind, goals  # noqa: E402
from madoguchi.evaluation.bot import LocalBot  # noqa: E402
from madoguchi.model import model_path  # noqa: E402


def _reading(data: dict) -> str:
    intent = data.get("intent") or {}
    entities = ", ".join(f"{e['entity']}={e.get('value')}" for e in data.get("entities") or [])
    return f"{intent.get('name')} {intent.get('confidence', 0):.2f}" + (f" [{entities}]" if entities else "")


async def play(round_name: str, ids: list[str], failed_only: bool, model: Path) -> int:
    chosen = blind.Round(blind.BLIND / round_name)
    conversations = [c for c in chosen.conversations() if not ids or c.id in ids]
    async with LocalBot(model) as bot:
        for conversation in conversations:
            lines: list[str] = []

            async def say(sender: str, text: str) -> tuple[list[str], dict]:
                answers, state = await bot.say(sender, text)
                tracker = await bot.agent.tracker_store.get_or_create_tracker(sender)
                users = [e for e in tracker.events if e.type_name == "user"]  # latest_message lags in a form
                lines.append(f"  客: {text}\n      ({_reading(users[-1].parse_data) if users else '?'})")
                lines.extend(f"  窓: {a}" for a in answers if a)  # buttons alone carry no text
                return answers, state

            played = await goals.run([conversation], say, bot.catalog_requests, prefix="talk", desk_reason=bot.desk_reason)
            judged = played[0]
            if failed_only and judged.reached:
                continue
            verdict = "reached" if judged.reached else "; ".join(judged.failures)
            print(f"== {conversation.id} ({conversation.situation}, expect {conversation.expect}): {verdict}")
            print("\n".join(lines), end="\n\n", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--round", required=True, help="a blind round already scored")
    parser.add_argument("--failed", action="store_true", help="print only the conversations that missed their goal")
    parser.add_argument("--model", type=Path, help="a model other than the current one")
    parser.add_argument("ids", nargs="*", help="conversation ids (default: all)")
    args = parser.parse_args(argv)
    quiet_rasa()
    model = args.model or model_path()
    if not model.exists():
        print(f"no model at {model}: run `make train` first", file=sys.stderr)
        return 1
    return asyncio.run(play(args.round, args.ids, args.failed, model))


if __name__ == "__main__":
    sys.exit(main())
