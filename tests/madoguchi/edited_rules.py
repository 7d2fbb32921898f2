"""The real shop rules with some values changed, as a shop would edit its rules file."""

from __future__ import annotations

import yaml

from madoguchi.policy.rules import Rules
from madoguchi.settings import ROOT


def edited_rules(**changes) -> Rules:
    """Rules from the real file with `section__key=value` changes (any depth)."""
    data = yaml.safe_load((ROOT / "shop" / "rules.yml").read_text(encoding="utf-8"))
    for dotted, value in changes.items():
        node = data
        *path, last = dotted.split("__")
        for key in path:
            node = node[key]
        node[last] = value
    return Rules.from_dict(data)
