"""Every setting of madoguchi, read once from the environment (and `.env`).

| variable | default | what |
| --- | --- | --- |
| MADOGUCHI_DATABASE_URL | sqlite:///var/madoguchi.db | shop data, desk, and Rasa's tracker store |
| MADOGUCHI_RULES_FILE | shop/rules.yml | the shop rules |
| MADOGUCHI_PRODUCTS_FILE | shop/products.yml | products, のし and wrapping |
| MADOGUCHI_CANNED_FILE | shop/canned_replies.yml | operators' canned replies (定型文) |
| RASA_URL | http://localhost:5005 | the Rasa server, as the desk reaches it |
| RASA_API_TOKEN | (none) | token of Rasa's HTTP API |
| MADOGUCHI_WEB_PORT | 8000 | the web chat and the desk |
| MADOGUCHI_SOCKET_URL | (same host, port 5005) | where the chat page finds Rasa's socket.io |
| MADOGUCHI_SESSION_HOURS | 12 | how long an operator's login lasts |
| MADOGUCHI_NOW | (none) | a fixed clock, ISO 8601, for demos and tests |
| LINE_CHANNEL_SECRET / LINE_CHANNEL_ACCESS_TOKEN | (none) | the LINE channel |
| LINE_API_BASE | https://api.line.me | the LINE platform (a stand-in in tests) |
| REDIS_URL | (none) | lock store and socket.io messages for several Rasa instances |
| MADOGUCHI_RASA_WORKERS | 1 (or SANIC_WORKERS) | Sanic workers of the Rasa server; more than 1 without Redis: locks and socket.io messages go through the database |
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a .env file (comments and blank lines skipped)."""
    values: dict[str, str] = {}
    if not path.exists():
        return values
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip().strip('"').strip("'")
    return values


@dataclass(frozen=True)
class Settings:
    """madoguchi's configuration."""

    database_url: str
    rules_file: Path
    products_file: Path
    canned_file: Path
    rasa_url: str
    rasa_token: str
    web_port: int
    socket_url: str
    session_hours: float
    fixed_now: str
    line_channel_secret: str
    line_access_token: str
    line_api_base: str
    redis_url: str
    rasa_workers: int

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        """Settings from a mapping (the process environment over `.env` by default)."""
        if env is None:
            env = {**read_dotenv(ROOT / ".env"), **os.environ}

        def path(key: str, default: str) -> Path:
            p = Path(env.get(key) or default)
            return p if p.is_absolute() else ROOT / p

        return cls(
            database_url=env.get("MADOGUCHI_DATABASE_URL")
            or f"sqlite:///{ROOT / 'var' / 'madoguchi.db'}",
            rules_file=path("MADOGUCHI_RULES_FILE", "shop/rules.yml"),
            products_file=path("MADOGUCHI_PRODUCTS_FILE", "shop/products.yml"),
            canned_file=path("MADOGUCHI_CANNED_FILE", "shop/canned_replies.yml"),
            rasa_url=(env.get("RASA_URL") or "http://localhost:5005").rstrip("/"),
            rasa_token=env.get("RASA_API_TOKEN", ""),
            web_port=int(env.get("MADOGUCHI_WEB_PORT") or 8000),
            socket_url=env.get("MADOGUCHI_SOCKET_URL", ""),
            session_hours=float(env.get("MADOGUCHI_SESSION_HOURS") or 12),
            fixed_now=env.get("MADOGUCHI_NOW", ""),
            line_channel_secret=env.get("LINE_CHANNEL_SECRET", ""),
            line_access_token=env.get("LINE_CHANNEL_ACCESS_TOKEN", ""),
            line_api_base=(env.get("LINE_API_BASE") or "https://api.line.me").rstrip("/"),
            redis_url=env.get("REDIS_URL", ""),
            rasa_workers=max(1, int(env.get("MADOGUCHI_RASA_WORKERS") or env.get("SANIC_WORKERS") or 1)),
        )


@functools.lru_cache(maxsize=None)
def settings() -> Settings:
    """The process's settings, read on first use."""
    return Settings.from_env()
