"""`make check-rasa`'s own logic: what it extracts and swaps, reading pytest's results, comparing the two runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from madoguchi.rasa import peer_check, peer_swap
from madoguchi.rasa.peer_check import MODULES, SUPPORT, PeerCheckError, Run, differences, read_junit

JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest">
 <testcase classname="tests.core.test_policies" name="test_supported_data[CachingRulePolicy-x]"/>
 <testcase classname="tests.a" name="test_fails"><failure message="no"/></testcase>
 <testcase classname="tests.a" name="test_fails"><error message="teardown"/></testcase>
 <testcase classname="tests.a" name="test_skipped"><skipped message="s"/></testcase>
 <testcase classname="tests.a" name="test_setup"><error message="fixture"/></testcase>
</testsuite></testsuites>
"""


def test_outcomes_are_read_by_rasas_test_ids(tmp_path: Path) -> None:
    path = tmp_path / "r.xml"
    path.write_text(JUNIT, encoding="utf-8")
    assert read_junit(path) == {
        "tests.core.test_policies::test_supported_data[RulePolicy-x]": "passed",
        "tests.a::test_fails": "failed",
        "tests.a::test_skipped": "skipped",
        "tests.a::test_setup": "error",
    }


def test_a_difference_is_a_test_passing_only_with_rasas_classes() -> None:
    stock = Run({"a": "passed", "b": "passed", "c": "failed", "d": "passed"})
    project = Run({"a": "passed", "b": "failed", "c": "passed"})
    assert differences(stock, project) == (["b", "d"], ["c"])


def test_without_a_rasa_copy_it_says_where_to_get_one(tmp_path: Path) -> None:
    with pytest.raises(PeerCheckError, match="RASA_SOURCE"):
        peer_check.materialise(tmp_path, None, "python")
    with pytest.raises(PeerCheckError, match=peer_check.RASA_COMMIT):
        peer_check.materialise(tmp_path, str(tmp_path), "python")  # not a git copy of Rasa


def test_a_copy_lacking_what_the_lists_gained_is_extracted_again(tmp_path: Path, monkeypatch) -> None:
    import subprocess

    source = tmp_path / "rasa"
    for path in ("tests/__init__.py", "tests/test_a.py", "tests/test_b.py"):
        (source / path).parent.mkdir(parents=True, exist_ok=True)
        (source / path).write_text("", encoding="utf-8")
    git = ["git", "-C", str(source), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(["git", "init", "-q", str(source)], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "tests"], check=True)
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    monkeypatch.setattr(peer_check, "RASA_COMMIT", commit)
    monkeypatch.setattr(peer_check, "MODULES", {"tests/test_a.py": "A"})
    monkeypatch.setattr(peer_check, "SUPPORT", ["tests/__init__.py"])
    monkeypatch.setattr(peer_check, "TEST_REQUIREMENTS", [])
    cache = tmp_path / "cache"
    root = peer_check.materialise(cache, str(source), "true")  # `true`: no test library to install
    assert (root / "tests/test_a.py").exists() and not (root / "tests/test_b.py").exists()
    assert peer_check.materialise(cache, None, "true") == root  # complete: no source needed

    peer_check.MODULES["tests/test_b.py"] = "B"
    with pytest.raises(PeerCheckError, match="lacks tests/test_b.py"):
        peer_check.materialise(cache, None, "true")
    assert peer_check.materialise(cache, str(source), "true") == root and (root / "tests/test_b.py").exists()


def test_a_test_library_pinned_anew_is_missing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(peer_check, "MODULES", {})
    monkeypatch.setattr(peer_check, "SUPPORT", [])
    monkeypatch.setattr(peer_check, "TEST_REQUIREMENTS", ["aioresponses==0.7.6", "toml==0.10.2"])
    for installed in ("aioresponses-0.7.4", "toml-0.10.2"):
        (tmp_path / "deps" / f"{installed}.dist-info").mkdir(parents=True)
    assert peer_check.missing(tmp_path) == ["deps/aioresponses-0.7.6.dist-info"]


def test_each_module_is_extracted_with_the_packages_it_is_in() -> None:
    for module in MODULES:
        packages = [p for p in Path(module).parents if p != Path(".")]
        assert [p for p in packages if f"{p}/__init__.py" not in SUPPORT] == [], module


def test_the_project_way_installs_the_action_client_patch(monkeypatch) -> None:
    """Rasa's action tests run the patch only if the swap installs it."""
    import importlib

    from rasa.core.actions.action import RemoteAction
    from rasa.utils.endpoints import EndpointConfig

    from madoguchi.rasa import action_client

    rasas = action_client.rasas()
    for name, original in [("_validate_action_result", "validate_action_result"),
                           ("_action_call_format", "action_call_format"), ("run", "remote_run")]:
        monkeypatch.setattr(RemoteAction, name, rasas[original])
    monkeypatch.setattr(EndpointConfig, "session", rasas["session"])
    for module, name in peer_swap.SWAPS:
        rasa_module = importlib.import_module(module)
        monkeypatch.setattr(rasa_module, name, getattr(rasa_module, name))  # Rasa's class back afterwards
    monkeypatch.setattr(peer_swap, "_originals", {})
    peer_swap._swap_in()
    assert action_client.installed()


@pytest.mark.parametrize("rasas, ours", list(peer_swap.SWAPS.items()), ids=[name for _, name in peer_swap.SWAPS])
def test_each_swapped_class_is_a_subclass_of_rasas(rasas: tuple[str, str], ours: str) -> None:
    module, name = rasas
    assert issubclass(peer_swap._load(ours), peer_swap._load(f"{module}:{name}"))


def test_a_test_library_is_found_by_its_wheels_name(tmp_path: Path, monkeypatch) -> None:
    """pip writes `sanic_testing-22.6.0.dist-info` for `sanic-testing==22.6.0`: not missing."""
    monkeypatch.setattr(peer_check, "MODULES", {})
    monkeypatch.setattr(peer_check, "SUPPORT", [])
    monkeypatch.setattr(peer_check, "TEST_REQUIREMENTS", ["sanic-testing==22.6.0", "pytest-sanic==1.9.1"])
    (tmp_path / "deps" / "sanic_testing-22.6.0.dist-info").mkdir(parents=True)
    assert peer_check.missing(tmp_path) == ["deps/pytest_sanic-1.9.1.dist-info"]
