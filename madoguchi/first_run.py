"""What a fresh clone needs before anything runs: `.env` with an API token, the database,
the demo orders and catalog requests (`madoguchi setup`, and `madoguchi run` first)."""

from __future__ import annotations

import secrets
from pathlib import Path

from madoguchi.settings import ROOT, read_dotenv

DEMO_ORDERS = ROOT / "shop" / "demo_orders.csv"


def ensure_dotenv(path: Path = ROOT / ".env") -> dict[str, str]:
    """Create `.env` with a fresh RASA_API_TOKEN if it has none; return its values."""
    values = read_dotenv(path)
    if not values.get("RASA_API_TOKEN"):
        token = secrets.token_urlsafe(32)
        with open(path, "a", encoding="utf-8") as f:
            if not path.exists() or path.stat().st_size == 0:
                f.write("# Local settings of madoguchi (never committed). See README.\n")
            f.write(f"RASA_API_TOKEN={token}\n")
        path.chmod(0o600)
        values["RASA_API_TOKEN"] = token
        print(f"created {path.name} with a new RASA_API_TOKEN")
    return values


def prepare() -> None:
    """`.env`, the database, and the demo data when the shop has no orders yet."""
    from madoguchi import clock
    from madoguchi.store import catalog_requests, orders
    from madoguchi.store.db import database

    ensure_dotenv()
    db = database()
    if orders.count(db) == 0 and DEMO_ORDERS.exists():
        n = orders.import_csv(db, DEMO_ORDERS)
        print(f"imported {n} demo orders from {DEMO_ORDERS.relative_to(ROOT)}")
        n = catalog_requests.import_demo(db, catalog_requests.DEMO_FILE, clock.now())
        print(f"imported {n} demo catalog requests from {catalog_requests.DEMO_FILE.relative_to(ROOT)}")
