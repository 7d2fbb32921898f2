"""The model's name follows what it is trained from: it changes exactly when an input changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from madoguchi.model import TRAINING_INPUTS, code_fingerprint, fingerprint, model_path
from madoguchi.settings import ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's training inputs, and a file that is not one of them."""
    for name in TRAINING_INPUTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tmp_path / name)
    (tmp_path / "README.md").write_text("madoguchi\n", encoding="utf-8")
    return tmp_path


def first_file(folder: Path) -> Path:
    return sorted(p for p in folder.rglob("*.yml") if p.is_file())[0]


def test_the_fingerprint_is_twelve_hex_digits_and_stable(project):
    first = fingerprint(project)
    assert len(first) == 12 and int(first, 16) >= 0
    assert fingerprint(project) == first


def test_the_fingerprint_does_not_depend_on_where_the_project_lies(project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "checkout"
    shutil.copytree(project, elsewhere)
    assert fingerprint(elsewhere) == fingerprint(project)


@pytest.mark.parametrize("where", ["data", "domain", "madoguchi/nlu", "madoguchi/rasa/components"])
def test_changing_a_training_file_changes_the_fingerprint(project, where):
    before = fingerprint(project)
    folder = project / where
    code = {"madoguchi/nlu": "patterns.py", "madoguchi/rasa/components": "ginza.py"}
    target = folder / code[where] if where in code else first_file(folder)
    target.write_text(target.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert fingerprint(project) != before


def test_changing_the_text_folding_changes_the_fingerprint(project):
    before = fingerprint(project)
    with open(project / "madoguchi" / "text.py", "a", encoding="utf-8") as f:
        f.write("\n# changed\n")
    assert fingerprint(project) != before


def test_the_code_fingerprint_changes_with_the_pipelines_code_not_its_data(project):
    before = code_fingerprint(project)
    with open(first_file(project / "data"), "a", encoding="utf-8") as f:
        f.write("\n# changed\n")
    assert code_fingerprint.__wrapped__(project) == before
    with open(project / "madoguchi" / "nlu" / "patterns.py", "a", encoding="utf-8") as f:
        f.write("\n# changed\n")
    assert code_fingerprint.__wrapped__(project) != before


@pytest.mark.parametrize("component", ["normalizer.WidthNormalizer", "ginza.GinzaNLP", "entities.ShopEntityExtractor",
                                       "char_classifier.CharNgramClassifier", "triage.HandoffTriage"])
def test_every_component_keys_rasas_training_cache_by_that_code(component):
    import importlib

    module, name = component.rsplit(".", 1)
    cls = getattr(importlib.import_module(f"madoguchi.rasa.components.{module}"), name)
    assert cls.fingerprint_addon({}) == code_fingerprint()


@pytest.mark.parametrize("name", ["config.yml", "requirements.lock"])
def test_changing_the_config_or_the_lock_changes_the_fingerprint(project, name):
    before = fingerprint(project)
    with open(project / name, "a", encoding="utf-8") as f:
        f.write("\n# changed\n")
    assert fingerprint(project) != before


def test_adding_a_training_file_changes_the_fingerprint(project):
    before = fingerprint(project)
    (project / "data" / "nlu" / "extra.yml").write_text('version: "3.1"\nnlu: []\n', encoding="utf-8")
    assert fingerprint(project) != before


def test_renaming_a_training_file_changes_the_fingerprint(project):
    before = fingerprint(project)
    # Same content, same place in the order of files: only the name differs.
    target = first_file(project / "data")
    target.rename(target.with_name(target.stem + "_renamed" + target.suffix))
    assert fingerprint(project) != before


def test_other_files_do_not_change_the_fingerprint(project):
    before = fingerprint(project)
    (project / "README.md").write_text("something else\n", encoding="utf-8")
    (project / "models").mkdir()
    (project / "models" / "old.tar.gz").write_bytes(b"old model")
    cache = project / "madoguchi" / "nlu" / "__pycache__"
    cache.mkdir()
    (cache / "patterns.cpython-310.pyc").write_bytes(b"\0compiled")
    assert fingerprint(project) == before


def test_undoing_a_change_gives_back_the_fingerprint(project):
    before = fingerprint(project)
    target = first_file(project / "domain")
    text = target.read_text(encoding="utf-8")
    target.write_text(text + "\n", encoding="utf-8")
    assert fingerprint(project) != before
    target.write_text(text, encoding="utf-8")
    assert fingerprint(project) == before


def test_the_model_path_carries_the_fingerprint(project):
    assert model_path(project) == project / "models" / f"madoguchi-{fingerprint(project)}.tar.gz"


@pytest.mark.parametrize("validated", [False, True])
def test_training_skips_rasas_validation_only_when_the_data_was_just_validated(project, monkeypatch, validated):
    import subprocess

    from madoguchi import model

    commands = []
    monkeypatch.setattr(subprocess, "run", lambda command, **_: commands.append(command))
    assert model.train(project, validated=validated) == model_path(project)
    [command] = commands
    assert command[1:3] == ["train", "--config"]
    assert ("--skip-validation" in command) is validated


def test_a_trained_model_is_not_trained_again(project, monkeypatch):
    import subprocess

    from madoguchi import model

    monkeypatch.setattr(subprocess, "run", lambda *_, **__: pytest.fail("trained again"))
    model_path(project).parent.mkdir()
    model_path(project).write_bytes(b"")
    assert model.train(project, validated=True) == model_path(project)
