"""The reports say from which commit they were measured, and whether it was changed."""

from __future__ import annotations

import subprocess
from pathlib import Path

from madoguchi.evaluation import report


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout.strip()


def test_a_changed_report_is_not_a_changed_commit_but_changed_code_is(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "benchmarks.md").write_text("old figures\n")
    (tmp_path / "config.yml").write_text("pipeline: []\n")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "first")
    commit = git(tmp_path, "rev-parse", "--short", "HEAD")
    monkeypatch.setattr(report, "ROOT", tmp_path)

    (tmp_path / "docs" / "benchmarks.md").write_text("new figures\n")  # what a run itself rewrites
    assert f"commit {commit}, model" in report.provenance("m.tar.gz")

    (tmp_path / "config.yml").write_text("pipeline: [changed]\n")
    assert f"commit {commit} (with uncommitted changes), model" in report.provenance("m.tar.gz")
