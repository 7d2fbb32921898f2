"""Fixtures of the LINE channel tests: the stand-in platform, the bot, channels and servers."""

from __future__ import annotations

from typing import Any, AsyncIterator, Callable

import pytest

from madoguchi.channels.line import LineInput
from madoguchi.store.db import Database
from tests.madoguchi.channels.line_harness import NAMES, SECRET, TOKEN, LineServer, StandInBot
from tests.madoguchi.channels.line_platform import LinePlatform


@pytest.fixture
async def platform() -> AsyncIterator[LinePlatform]:
    """The stand-in LINE platform, knowing the test users' display names."""
    stand_in = await LinePlatform(TOKEN, NAMES).start()
    yield stand_in
    await stand_in.stop()


@pytest.fixture
def bot() -> StandInBot:
    return StandInBot()


@pytest.fixture
def make_channel(platform: LinePlatform, db: Database) -> Callable[..., LineInput]:
    """A LINE channel on the test database, its SDK pointed at the stand-in platform."""

    def make(**options: Any) -> LineInput:
        options.setdefault("retry_delay", 0.05)
        return LineInput(SECRET, TOKEN, api_base=platform.base_url, db=db, **options)

    return make


@pytest.fixture
async def start_server() -> AsyncIterator[Callable[..., Any]]:
    """Starts servers for channels; stops them all at the end."""
    servers: list[LineServer] = []

    async def start(channel: LineInput, bot: StandInBot) -> LineServer:
        server = await LineServer(channel, bot).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        await server.stop()


@pytest.fixture
async def server(
    make_channel: Callable[..., LineInput], bot: StandInBot, start_server: Callable[..., Any]
) -> LineServer:
    """A running channel with the stand-in bot."""
    return await start_server(make_channel(), bot)
