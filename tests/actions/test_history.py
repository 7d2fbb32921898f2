"""Every action that reads the conversation's history is sent all of it."""

from __future__ import annotations

import ast

from madoguchi.dialogue.history import RECENT_HISTORY, WHOLE_CONVERSATION
from madoguchi.settings import ROOT

def _called(node: ast.AST) -> set[str]:
    """The functions `node` calls, and "events" if it reads `tracker.events`."""
    names = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Call):
            func = n.func
            names.add(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
        elif isinstance(n, ast.Attribute) and n.attr == "events" and getattr(n.value, "id", "") == "tracker":
            names.add("events")
    return names


def actions_reading_history() -> set[str]:
    """Names of the actions whose code reads the events, directly or through a helper."""
    modules = [ast.parse(p.read_text()) for p in sorted((ROOT / "actions").glob("*.py"))]
    functions = {f.name: _called(f) for m in modules for f in m.body if isinstance(f, ast.FunctionDef)}
    readers = {"event_dicts"}
    while True:  # helpers that call helpers that read the events
        more = {name for name, calls in functions.items() if calls & (readers | {"events"})} - readers
        if not more:
            break
        readers |= more
    found = set()
    for module in modules:
        for cls in (n for n in module.body if isinstance(n, ast.ClassDef)):
            name = next(
                (r.value.value for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "name"
                 for r in ast.walk(f) if isinstance(r, ast.Return) and isinstance(r.value, ast.Constant)),
                None,
            )
            if name and _called(cls) & (readers | {"events"}):
                found.add(name)
    return found


def test_the_actions_that_read_history_get_the_whole_conversation():
    found = actions_reading_history()
    assert {"action_handoff", "action_order_result"} <= found  # the check sees through helpers
    sent = WHOLE_CONVERSATION | RECENT_HISTORY
    assert found <= sent, f"send these the whole conversation: {found - sent}"


def test_recent_readers_never_open_a_handoff():
    """An action sent only the latest turns must not summarise the conversation for a person."""
    assert not RECENT_HISTORY & WHOLE_CONVERSATION
    assert "action_handoff" not in RECENT_HISTORY
