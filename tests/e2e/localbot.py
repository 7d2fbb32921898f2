"""The trained model and the real action server in-process (LocalBot), shared by the
end-to-end conversation suites: the demo shop, Friday 10:00."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from madoguchi.evaluation.bot import LocalBot
from madoguchi.model import model_path
from madoguchi.store.db import Database
from tests.conftest import agent_on


class SharedModelBot(LocalBot):
    """A LocalBot on the session's loaded model (`served_agent`): its own action server,
    shop database and conversations, without loading the model again."""

    def __init__(self, loaded: Any) -> None:
        super().__init__(Path(loaded.processor.model_path))
        self._loaded = loaded

    def load_agent(self, action_endpoint: Any) -> Any:
        return agent_on(self._loaded, action_endpoint)


def current_model() -> Path:
    """The model of the current data; skips the test when it is not trained yet."""
    model = model_path()
    if not model.exists():
        pytest.skip(f"no trained model ({model.name}): `make test` trains it first")
    return model


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot(request):
    current_model()
    async with SharedModelBot(request.getfixturevalue("served_agent")) as local:
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
