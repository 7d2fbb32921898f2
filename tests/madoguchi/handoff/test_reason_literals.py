"""The rules file is the one list of handoff reasons: every reason the actions and the handoff
package write as a literal is one it lists (a typo would open a ticket the desk cannot rank)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Iterator

from madoguchi.settings import ROOT

SCANNED = (ROOT / "actions", ROOT / "madoguchi" / "handoff")


def _is_reason(name: str) -> bool:
    """A name that holds a handoff reason: `reason`, `handoff_reason`, `OFFER_REASON`."""
    return name.lower() == "reason" or name.lower().endswith("_reason")


def _strings(node: ast.AST | None) -> Iterator[ast.Constant]:
    """The string literals an expression may be: itself, either branch of a conditional or a
    boolean, the items of a tuple (`reason in (None, "customer_request")`)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node
    elif isinstance(node, ast.IfExp):
        yield from _strings(node.body)
        yield from _strings(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _strings(value)
    elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        for item in node.elts:
            yield from _strings(item)


def _name(node: ast.AST) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _reason_positions(trees: dict[Path, ast.Module]) -> dict[str, int]:
    """Functions of the scanned code that take a `reason`, by name: where it stands among
    the positional arguments of a call (`hand_off(dispatcher, tracker, "needs_operator")`)."""
    positions = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                names = [a.arg for a in node.args.posonlyargs + node.args.args if a.arg not in ("self", "cls")]
                if "reason" in names:
                    positions[node.name] = names.index("reason")
    return positions


def reason_literals(trees: dict[Path, ast.Module]) -> Iterator[tuple[str, str]]:
    """(file:line, literal) for each string written where a handoff reason goes: a `reason=`
    keyword or argument, a value given to or compared with a reason name, INTENT_REASONS."""
    positions = _reason_positions(trees)
    for path, tree in trees.items():
        for node in ast.walk(tree):
            found: list[ast.AST | None] = []
            if isinstance(node, ast.Call):
                found += [k.value for k in node.keywords if k.arg and _is_reason(k.arg)]
                at = positions.get(_name(node.func))
                if at is not None and at < len(node.args):
                    found.append(node.args[at])
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(_is_reason(_name(t)) for t in targets):
                    found.append(node.value)
                elif any(_name(t) == "INTENT_REASONS" for t in targets) and isinstance(node.value, ast.Dict):
                    found += node.value.values
            elif isinstance(node, ast.Compare) and _is_reason(_name(node.left)):
                found += node.comparators
            for expression in found:
                for literal in _strings(expression):
                    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                    yield f"{where}:{literal.lineno}", literal.value


def _trees() -> dict[Path, ast.Module]:
    return {
        path: ast.parse(path.read_text(encoding="utf-8"), str(path))
        for folder in SCANNED for path in sorted(folder.rglob("*.py"))
    }


def test_every_reason_written_in_the_actions_and_the_handoff_package_is_in_the_rules_file(rules):
    found = list(reason_literals(_trees()))
    unknown = [(where, reason) for where, reason in found if reason not in rules.handoff_reasons]
    assert unknown == []
    assert {"needs_operator", "distress", "complaint", "bot_failure", "customer_request"} <= {r for _, r in found}


def test_the_scan_finds_a_reason_the_rules_file_does_not_list(rules):
    code = (
        'INTENT_REASONS = {"complain": "complaint", "sulk": "sulking"}\n'
        "def hand_off(dispatcher, tracker, reason, goods=None): ...\n"
        'hand_off(d, t, "lost_parcel")\n'
        'open_handoff(db, reason="disstress" if sad else "complaint")\n'
        'if reason in (None, "vip"):\n'
        '    reason = "urgentish"\n'
    )
    found = reason_literals({Path("bogus.py"): ast.parse(code)})
    unknown = [where_reason for where_reason in found if where_reason[1] not in rules.handoff_reasons]
    assert sorted(unknown) == [("bogus.py:1", "sulking"), ("bogus.py:3", "lost_parcel"), ("bogus.py:4", "disstress"),
                       ("bogus.py:5", "vip"), ("bogus.py:6", "urgentish")]
