"""The project's modules (the product in madoguchi/, the action server in actions/) import
one another without circles, imports inside functions included (a circle hidden in a
function still ties two rooms into one)."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from madoguchi.settings import ROOT

PACKAGES = (ROOT / "madoguchi", ROOT / "actions")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The project's modules that `path` imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return found & modules


def circle_among(paths: dict[str, Path]) -> list[str] | None:
    """One import circle among the modules at `paths` (by name), each importing the next, or None."""
    modules = set(paths)
    graph = {name: imports_of(path, modules) - {name} for name, path in paths.items()}
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as circle:
        return list(reversed(circle.args[1]))  # graphlib lists each module before its importer
    return None


def test_no_import_circles():
    paths = {module_name(p): p for package in PACKAGES for p in package.rglob("*.py")}
    assert {"madoguchi.settings", "actions.common"} <= set(paths)  # both packages scanned
    circle = circle_among(paths)
    assert circle is None, f"an import circle: {' -> '.join(circle)}"


def test_a_circle_inside_a_function_is_found(tmp_path):
    """`from actions.b import g` written inside a function of a, and b importing a at the top."""
    (tmp_path / "a.py").write_text("def f():\n    from actions.b import g\n    return g()\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("from actions import a\n\ng = a.f\n", encoding="utf-8")
    paths = {"actions.a": tmp_path / "a.py", "actions.b": tmp_path / "b.py"}
    assert circle_among(paths) in (["actions.a", "actions.b", "actions.a"], ["actions.b", "actions.a", "actions.b"])

