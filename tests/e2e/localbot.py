"""The trained model and the real action server in-process (LocalBot), shared by the
end-to-end conversation suites: the demo shop, Friday 10:00."""

from __future__ import annotations

from pathlib import Path

import pytest
import pytest_asyncio

from madoguchi.evaluation.bot import LocalBot
from madoguchi.model import model_path
from madoguchi.store.db import Database


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot():
    model = model_path()
    if not model.exists():
        pytest.skip(f"no trained model ({model.name}): `make test` trains it first")
    async with LocalBot(model) as local:
        yield local


def shop_db(bot: LocalBot) -> Database:
    return Database(f"sqlite:///{Path(bot._tmp.name) / 'eval.db'}")


async def talk(bot: LocalBot, sender: str, texts: list[str]) -> list[str]:
    """Send the customer's messages; everything the bot said, in order."""
    said: list[str] = []
    for text in texts:
        before = len(said)
        await bot.agent.handle_text(text, sender_id=sender)
        tracker = await bot.agent.tracker_store.get_or_create_tracker(sender)
        said = [e.text for e in tracker.events if getattr(e, "type_name", "") == "bot" and e.text]
        assert len(said) >= before
    return said


async def tracker_of(bot: LocalBot, sender: str):
    return await bot.agent.tracker_store.get_or_create_tracker(sender)
