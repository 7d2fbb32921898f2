"""Operators' canned replies (定型文): read from the shop's YAML file, served at `GET /api/canned`.

The file (`MADOGUCHI_CANNED_FILE`, `shop/canned_replies.yml`) holds a `replies:` list of
`{title, text}`; it is read again when it changes, and a missing or broken file gives none.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

import yaml
from aiohttp import web

from madoguchi.desk.http import authenticated, json_response
from madoguchi.web.keys import SETTINGS_KEY

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=8)
def _canned_cached(path: str, mtime: float) -> tuple[tuple[str, str], ...]:
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    items = data.get("replies", []) if isinstance(data, dict) else data
    replies = []
    for item in items or []:
        if isinstance(item, dict) and str(item.get("text") or "").strip():
            text = str(item["text"]).strip()
            replies.append((str(item.get("title") or text[:12]).strip(), text))
    return tuple(replies)


def canned_replies(path: Path) -> list[dict[str, str]]:
    """Canned replies `[{title, text}]` of a YAML file (`replies:` list); [] when missing or bad."""
    try:
        replies = _canned_cached(str(path), path.stat().st_mtime)
    except FileNotFoundError:
        return []
    except (OSError, yaml.YAMLError, AttributeError, TypeError):
        logger.exception("canned replies file %s cannot be read", path)
        return []
    return [{"title": title, "text": text} for title, text in replies]


@authenticated
async def canned(request: web.Request, operator: str) -> web.Response:
    """GET /api/canned: the canned replies (定型文) of the shop's file."""
    path = request.app[SETTINGS_KEY].canned_file
    return json_response(canned_replies(path))
