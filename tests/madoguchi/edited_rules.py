"""The real shop rules with some values changed, as a shop would edit its rules file."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

import yaml

from madoguchi.shop.rules import Rules
from madoguchi.settings import ROOT


def edited_rules(**changes) -> Rules:
    """Rules from the real file with `section__key=value` changes (any depth)."""
    data = yaml.safe_load((ROOT / "shop" / "rules.yml").read_text(encoding="utf-8"))
    _apply(data, changes)
    return Rules.from_dict(data)


def _apply(data: dict, changes: dict) -> None:
    for dotted, value in changes.items():
        node = data
        *path, last = dotted.split("__")
        for key in path:
            node = node[key]
        node[last] = value


@contextlib.contextmanager
def rules_file_in_use(path: Path, **changes) -> Iterator[Rules]:
    """The shop's rules, with changes, written to `path` and read by the process as its
    rules file (MADOGUCHI_RULES_FILE) until the block ends."""
    from madoguchi.shop.rules import shop_rules
    from madoguchi.settings import settings

    data = yaml.safe_load((ROOT / "shop" / "rules.yml").read_text(encoding="utf-8"))
    _apply(data, changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    before = os.environ.get("MADOGUCHI_RULES_FILE")
    os.environ["MADOGUCHI_RULES_FILE"] = str(path)
    settings.cache_clear()
    shop_rules.cache_clear()
    try:
        yield shop_rules()
    finally:
        if before is None:
            os.environ.pop("MADOGUCHI_RULES_FILE", None)
        else:
            os.environ["MADOGUCHI_RULES_FILE"] = before
        settings.cache_clear()
        shop_rules.cache_clear()
