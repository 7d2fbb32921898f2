"""Fixtures shared by every suite: a fresh SQLite shop database, the shop rules, a clock;
and what is slow to load, loaded once per session: GiNZA and the trained model."""

from __future__ import annotations

import copy
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
os.environ["RASA_TELEMETRY_ENABLED"] = "false"  # nothing leaves the machine

from madoguchi.clock import JST  # noqa: E402
from madoguchi.shop.rules import Rules, shop_rules  # noqa: E402
from madoguchi.settings import ROOT  # noqa: E402
from madoguchi.store.db import Database  # noqa: E402

DEMO_ORDERS = ROOT / "shop" / "demo_orders.csv"


@pytest.fixture
def db(tmp_path: Path) -> Database:
    """An empty shop database in a temporary SQLite file."""
    return Database(f"sqlite:///{tmp_path / 'shop.db'}")


@pytest.fixture
def demo_db(db: Database) -> Database:
    """The shop database with the demo orders imported."""
    from madoguchi.store import orders

    orders.import_csv(db, DEMO_ORDERS)
    return db


@pytest.fixture
def shop(demo_db: Database, monkeypatch) -> Database:
    """The database the actions use (`madoguchi.store.db.database()`) is a fresh one with
    the demo orders; the clock is fixed at a Friday 10:00, Japan time, inside operator hours."""
    from madoguchi.settings import settings
    from madoguchi.store.db import database

    monkeypatch.setenv("MADOGUCHI_DATABASE_URL", demo_db.url)
    monkeypatch.setenv("MADOGUCHI_NOW", "2026-11-20T10:00:00+09:00")
    settings.cache_clear()
    database.cache_clear()
    yield demo_db
    settings.cache_clear()
    database.cache_clear()


@pytest.fixture
def rules() -> Rules:
    """The shop's real rules file."""
    return shop_rules(str(ROOT / "shop" / "rules.yml"))


def jst(text: str) -> datetime:
    """An aware Japan-time datetime from 'YYYY-MM-DDTHH:MM'."""
    return datetime.fromisoformat(text).replace(tzinfo=JST)


# --- loaded once per session ----------------------------------------------------------------


def trained_model() -> Path:
    """The model of the current data (`make test` trains it first), or else the newest
    earlier one; skips the test when there is none."""
    from madoguchi.model import model_path

    models = [model_path()] + sorted((ROOT / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)[::-1]
    found = next((p for p in models if p.exists()), None)
    if found is None:
        pytest.skip("no trained model (make train)")
    return found


@pytest.fixture(scope="session")
def current_model() -> Path:
    """The model of the current training inputs. The tests that compare the project's Rasa
    plug-ins with Rasa's own fail without it (`make train`) rather than skip."""
    from madoguchi.model import model_path

    path = model_path()
    if not path.exists():
        pytest.fail(f"no model of the current config and data ({path.relative_to(ROOT)}): run `make train`")
    return path


@pytest.fixture(scope="session")
def ginza_model():
    """GiNZA as `GinzaNLP` loads it (tokenizer, vocabulary and the neural pipes the triage
    runs), held for the session: every `GinzaNLP` and model loaded in this process meanwhile
    shares it instead of loading its own (about 0.3 GiB and several seconds each)."""
    from madoguchi.rasa.components.ginza import GinzaNLP

    return GinzaNLP.load_model("ja_ginza")


@pytest.fixture(scope="session")
def served_agent(ginza_model):
    """The trained model loaded once, as the Rasa server loads and runs it (with what
    `madoguchi.rasa_server` adds: the action client patch, JAX hidden), without an action
    server.
    `agent_on` gives a test its own conversations and action server on it."""
    from rasa.core.agent import Agent

    from madoguchi import rasa_server

    model = trained_model()
    rasa_server.as_served()
    return Agent.load(str(model))


def agent_on(loaded: Any, action_endpoint: Any = None) -> Any:
    """A new agent on an already loaded model: the same graph (DIET, policies, GiNZA), its
    own tracker store, lock store and responses, calling `action_endpoint`."""
    from rasa.core.agent import Agent

    agent = Agent(domain=loaded.domain, action_endpoint=action_endpoint)
    processor = copy.copy(loaded.processor)
    processor.tracker_store, processor.lock_store = agent.tracker_store, agent.lock_store
    processor.nlg, processor.action_endpoint = agent.nlg, action_endpoint
    agent.processor = processor
    return agent
