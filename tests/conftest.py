"""Fixtures shared by every suite: a fresh SQLite shop database, the shop rules, a clock."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
os.environ["RASA_TELEMETRY_ENABLED"] = "false"  # nothing leaves the machine

from madoguchi.clock import JST  # noqa: E402
from madoguchi.policy.rules import Rules, shop_rules  # noqa: E402
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
