"""What every part of the web service finds on its app: the database, the settings, and
where the static files are (the desk's routes read them as the chat's do)."""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from madoguchi.settings import Settings
from madoguchi.store.db import Database

STATIC = Path(__file__).parent / "static"
DB_KEY = web.AppKey("db", Database)
SETTINGS_KEY = web.AppKey("settings", Settings)
