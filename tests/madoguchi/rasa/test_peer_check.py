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


def test_each_module_is_extracted_with_the_packages_it_is_in() -> None:
    for module in MODULES:
        packages = [p for p in Path(module).parents if p != Path(".")]
        assert [p for p in packages if f"{p}/__init__.py" not in SUPPORT] == [], module


@pytest.mark.parametrize("rasas, ours", list(peer_swap.SWAPS.items()), ids=[name for _, name in peer_swap.SWAPS])
def test_each_swapped_class_is_a_subclass_of_rasas(rasas: tuple[str, str], ours: str) -> None:
    module, name = rasas
    assert issubclass(peer_swap._load(ours), peer_swap._load(f"{module}:{name}"))
