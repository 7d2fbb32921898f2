"""`make check-rasa`: Rasa 3.6's own tests, run with Rasa's classes and with madoguchi's.

Rasa's tests are not in its PyPI package. This takes the few modules that test what
madoguchi subclasses (the rule and memoization policies, the tracker, the SQL tracker store,
DIET, the CRF entity extractor) or patches (the action client: Rasa's action tests), those
of Rasa's processor, agent, HTTP server, domain, tracker featurizers, TED policy and NLU
evaluation, which build madoguchi's tracker or go through the patch, their conftests and
the data they read from one pinned commit of a git copy of Rasa
(`RASA_SOURCE`: a clone of https://github.com/RasaHQ/rasa, bare or not, holding
`RASA_COMMIT`) into `.rasa-tests/<commit>/` (git-ignored, never committed), with the test
libraries they import (`TEST_REQUIREMENTS`, pinned, into `.rasa-tests/<commit>/deps`). It
then runs each module twice against the installed Rasa: as it is, and with madoguchi's
classes in place of Rasa's and the action client patch installed
(`madoguchi.rasa.peer_swap`), and reports every test that passes with Rasa's classes and not
with madoguchi's. Any such test makes it exit with 1.

    RASA_SOURCE=~/src/rasa make check-rasa            # the first time (or any time)
    make check-rasa PEER_K='rule and not finetune'    # pytest -k, both ways

`RASA_COMMIT` is the newest commit of Rasa's 3.6.x branch the project could get with its
tests: the merge of 3.6.13's release into the 3.6.x branch (RasaHQ/rasa PR #12933,
2023-10-23), which any full clone of RasaHQ/rasa holds; the copy used was a fork's
(caire-health/rasa), whose history carries the branch no further. Of the Rasa modules these
tests exercise, only `rasa/core/tracker_store.py` (events ordered by id),
`diet_classifier.py` (`drop_small_last_batch`, persistence without pickle),
`crf_entity_extractor.py` (persistence without pickle, `_crf_tokens_to_features` taking the
configuration), `rasa/utils/endpoints.py` (structlog; `EndpointConfig.session` a method,
which the action client patch replaces as 3.6.21 has it), `rasa/core/agent.py` (pulls models
through that method), `rasa/core/processor.py` (a retrieval intent's full name in the parse
data) and the tracker featurizers and TED policy (persistence without pickle) changed by
3.6.21: two of DIET's batch tests fail with Rasa's own classes for that, and so in both runs.
`rasa/core/actions/action.py`, `rasa/server.py`, the domain, the tracker and
`rasa/nlu/test.py` are the same in both. Failing both ways: the CRF's three spaCy tests (their
fixtures load the `en_core_web_md` model, not on PyPI), the twelve action and processor tests
that call `pytest.warns(None)`, which the installed pytest 8 refuses, four reminder tests of
the processor (the installed pytest-asyncio gives each test its own event loop, and Rasa's
scheduler stays on the first), and the agent's two model-server tests (they need
pytest-sanic's plugin, not loaded: it would run every async test its own way). Not run: a
Rasa configuration naming `RulePolicy` still trains Rasa's class (the recipe registry is not
swapped).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

RASA_REPOSITORY = "https://github.com/RasaHQ/rasa"
RASA_COMMIT = "936a8ed6609a32200e293c4de44d5d5649eefbf4"  # 3.6.x: "prepared release of version 3.6.13"
RASA_COMMIT_VERSION = "3.6.13"

# Rasa's test modules, with the madoguchi class each one puts to the test.
MODULES = {
    "tests/core/policies/test_rule_policy.py": "CachingRulePolicy",
    "tests/core/test_policies.py": "CachingMemoizationPolicy (and CachingRulePolicy in its data tests)",
    "tests/shared/core/test_trackers.py": "KeptStateTracker",
    "tests/core/test_tracker_stores.py": "UrlTrackerStore (as SQLTrackerStore) and KeptStateTracker",
    "tests/nlu/classifiers/test_diet_classifier.py": "LeanDIETClassifier",
    "tests/nlu/extractors/test_crf_entity_extractor.py": "ShopCRFEntityExtractor",
    "tests/core/test_actions.py": "the action client patch (madoguchi.rasa.action_client) on RemoteAction",
    # The rest use those through Rasa's machinery: the trackers the tests build are
    # KeptStateTrackers, and every custom action the processor runs, every model the agent
    # pulls and every HTTP interpreter request goes through the action client patch
    # (`EndpointConfig.session`). Not here, as they exercise none of it (run once, the same
    # both ways; docs/deployment.md): Rasa's single-state featurizer tests (states built by
    # hand) and tests/core/test_evaluation.py (story trackers and models of Rasa's classes).
    "tests/core/test_processor.py": "the action client patch and KeptStateTracker, under Rasa's MessageProcessor",
    "tests/core/test_agent.py": "the action client patch (its HTTP interpreter requests), under Rasa's Agent",
    "tests/shared/core/test_domain.py": "KeptStateTracker (the domain's and a featurizer's states of it)",
    "tests/core/featurizers/test_tracker_featurizer.py": "KeptStateTracker.past_states (madoguchi's kept states)",
    "tests/core/featurizers/test_precomputation.py": "KeptStateTracker, in Rasa's lookup of precomputed features",
    "tests/core/policies/test_ted_policy.py": "KeptStateTracker (and test_policies' trackers) under TEDPolicy",
    "tests/nlu/test_evaluation.py": "ShopCRFEntityExtractor, by its name, in Rasa's NLU evaluation",
    "tests/test_server.py": "the action client patch and KeptStateTracker, behind Rasa's HTTP API",
}
# What those import and read, besides themselves.
SUPPORT = [
    "tests/__init__.py", "tests/conftest.py", "tests/utilities.py", "tests/dialogues.py",
    "tests/core/__init__.py", "tests/core/conftest.py", "tests/core/utilities.py", "tests/core/test_utils.py",
    "tests/core/policies/__init__.py", "tests/shared/__init__.py", "tests/shared/core/__init__.py",
    "tests/nlu/__init__.py", "tests/nlu/conftest.py", "tests/nlu/utilities.py",
    "tests/nlu/classifiers/__init__.py", "tests/nlu/extractors/__init__.py",
    "tests/core/featurizers/__init__.py",
    "data", "examples/rules", "examples/formbot",
]
# Rasa 3.6's test libraries these modules import (its dev dependencies), without their
# dependencies: the project's environment has those already. aioresponses as Rasa 3.6.21 pins
# it: 3.6.13's 0.7.4 mocks a response that aiohttp 3.9 (3.6.21's) cannot read, and every
# test of a mocked action server fails with Rasa's own classes.
TEST_REQUIREMENTS = [
    "fakeredis==2.20.1", "sortedcontainers==2.4.0", "mongomock==4.1.2", "sentinels==1.0.0",
    "moto==4.1.14", "responses==0.22.0", "xmltodict==0.13.0", "toml==0.10.2",
    "freezegun==1.2.2", "aioresponses==0.7.6",
    # Rasa's HTTP API tests (`rasa_app`: Sanic's test client), as Rasa 3.6's lock has them,
    # with the httpx their client needs; h11 below the venv's, as httpcore 0.16 requires.
    "sanic-testing==22.6.0", "httpx==0.23.3", "httpcore==0.16.3", "rfc3986==1.5.0", "sniffio==1.3.0",
    "h11==0.14.0",
    # For `from pytest_sanic.utils import TestClient` in the agent's tests; its pytest plugin,
    # which would run every async test of every module its own way, is not loaded (PYTEST_INI).
    "pytest-sanic==1.9.1",
]
# Differences understood and accepted, with why: three come from the swap itself (a test
# comparing classes, one passing a class's name to Rasa), one is a choice of madoguchi's
# store, five the action client's recovery
# (`madoguchi.dialogue.recovery`): where Rasa's RemoteAction raises to the processor, which
# logs the error and predicts again (up to its ten-action limit, with no answer), the patched
# one apologises once a turn and ends the turn with `action_listen`. Reported, not failed.
RECOVERED = (
    "a custom action that cannot be run is apologised for and the turn ends with action_listen "
    "(madoguchi.dialogue.recovery), where Rasa raises: the test expects the exception"
)
KNOWN = {
    "tests.core.test_actions::test_remote_action_without_endpoint": RECOVERED + " (no action endpoint)",
    "tests.core.test_actions::test_remote_action_endpoint_not_running": (
        RECOVERED + " (a refused connection, after waiting up to recovery.RETRY_SECONDS for the server)"
    ),
    "tests.core.test_actions::test_remote_action_endpoint_responds_500": RECOVERED + " (an answer of 500)",
    **{
        f"tests.core.test_actions::test_remote_action_invalid_entities_payload[event{i}]": (
            RECOVERED + " (a response the schema refuses: the patched validator raises Rasa's ValidationError, "
            "with Rasa's message, and recovery apologises for it)"
        )
        for i in range(2)
    },
    "tests.shared.core.test_trackers::test_dump_and_restore_as_json": (
        "compares a KeptStateTracker with the TrackerWithCachedStates Rasa's story reader made: "
        "Rasa's `==` holds only when one tracker's class is the other's or a subclass of it"
    ),
    "tests.core.test_tracker_stores::test_create_tracker_store_from_endpoints_file"
    "[data/test_endpoints/endpoints_sql.yml-SQLTrackerStore]": (
        "Rasa's factory builds Rasa's SQLTrackerStore for `type: sql`; the test expects the swapped class"
    ),
    "tests.nlu.test_evaluation::test_determine_token_labels_throws_error": (
        "passes `CRFEntityExtractor.__name__` (swapped: 'ShopCRFEntityExtractor') to Rasa's NLU evaluation, "
        "which knows CRF and DIET by the names 'CRFEntityExtractor' and 'DIETClassifier' only: it does not "
        "check that madoguchi's extractor's entities do not overlap (a CRF's never do); the same names make "
        "`rasa test nlu` count its entity confidences as 0 and plot no histogram of them (reports only)"
    ),
    "tests.core.test_tracker_stores::test_sql_tracker_store_logs_do_not_show_password": (
        "madoguchi's store creates its tables before Rasa's does, and so refuses to start when the "
        "database cannot be reached (here a PostgreSQL that is not there), where Rasa's logs it and goes on"
    ),
}
# Test ids name the class a test is parametrized with: madoguchi's names, as Rasa's.
RASA_NAMES = {
    "CachingRulePolicy": "RulePolicy", "CachingMemoizationPolicy": "MemoizationPolicy",
    "LeanDIETClassifier": "DIETClassifier", "KeptStateTracker": "DialogueStateTracker",
    "PeerSQLTrackerStore": "SQLTrackerStore",
}
PYTEST_INI = """\
[pytest]
# Rasa 3.6's pytest settings (its pyproject.toml), for its tests as madoguchi runs them.
python_functions = test_
asyncio_mode = auto
addopts = -p no:cacheprovider -p no:sanic
filterwarnings = ignore
markers =
    skip_on_windows
    skip_on_ci
    sequential
    category_cli
    category_core_featurizers
    category_policies
    category_nlu_featurizers
    category_nlu_predictors
    category_full_model_training
    category_other_unit_tests
    category_performance
    flaky
    timeout
"""
WAYS = ("stock", "project")


class PeerCheckError(RuntimeError):
    """The peer check cannot run (no Rasa source, no commit, a failed extraction)."""


def dist_info(requirement: str) -> str:
    """Where pip puts a pinned requirement's metadata: `sanic-testing==22.6.0` ->
    `sanic_testing-22.6.0.dist-info` (the wheel's escaped name)."""
    name, _, version = requirement.partition("==")
    return f"{re.sub(r'[-_.]+', '_', name)}-{version}.dist-info"


def missing(root: Path) -> list[str]:
    """What `MODULES`, `SUPPORT` and `TEST_REQUIREMENTS` name that the copy in `root` lacks."""
    paths = [*MODULES, *SUPPORT, *(f"deps/{dist_info(r)}" for r in TEST_REQUIREMENTS)]
    return [path for path in paths if not (root / path).exists()]



def materialise(cache: Path, source: str | None, python: str) -> Path:
    """`.rasa-tests/<commit>/`, extracted from `source` (a git copy of Rasa) if not there yet,
    or again if it lacks something the lists above have gained since."""
    root = cache / RASA_COMMIT
    lacking = missing(root) if (root / ".complete").exists() else None
    if lacking == []:
        return root
    if not source:
        state = f"{root} lacks {', '.join(lacking)}" if lacking else f"{root} does not exist yet"
        raise PeerCheckError(
            f"Rasa's tests are not in its PyPI package and {state}. Set RASA_SOURCE to a "
            f"git clone of Rasa that holds commit {RASA_COMMIT} (Rasa {RASA_COMMIT_VERSION}'s release on "
            f"its 3.6.x branch), e.g.\n    git clone --bare {RASA_REPOSITORY} ~/src/rasa.git\n"
            f"    RASA_SOURCE=~/src/rasa.git make check-rasa"
        )
    git = ["git", "-C", source]
    found = subprocess.run([*git, "cat-file", "-e", f"{RASA_COMMIT}^{{commit}}"], capture_output=True)
    if found.returncode != 0:
        raise PeerCheckError(
            f"RASA_SOURCE={source} is not a git copy of Rasa holding commit {RASA_COMMIT} "
            f"(Rasa {RASA_COMMIT_VERSION}; fetch its 3.6.x branch or tags from {RASA_REPOSITORY})."
        )
    cache.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f"{RASA_COMMIT}.", dir=cache))
    paths = [*MODULES, *SUPPORT]
    archive = subprocess.run([*git, "archive", "--format=tar", RASA_COMMIT, "--", *paths], capture_output=True)
    if archive.returncode != 0:
        shutil.rmtree(building)
        raise PeerCheckError(f"git archive of {RASA_COMMIT} failed: {archive.stderr.decode(errors='replace')}")
    subprocess.run(["tar", "-x", "-C", str(building)], input=archive.stdout, check=True)
    (building / "pytest.ini").write_text(PYTEST_INI, encoding="utf-8")
    install = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
         "--target", str(building / "deps"), *TEST_REQUIREMENTS],
    )
    if install.returncode != 0:
        shutil.rmtree(building)
        raise PeerCheckError("could not install Rasa's test libraries: " + " ".join(TEST_REQUIREMENTS))
    (building / ".complete").write_text(f"{RASA_REPOSITORY} {RASA_COMMIT} (Rasa {RASA_COMMIT_VERSION})\n")
    if root.exists():
        shutil.rmtree(root)
    building.rename(root)
    return root


@dataclass
class Run:
    """One way's outcomes, by test id (`passed`, `failed`, `error`, `skipped`)."""

    outcomes: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def count(self, outcome: str) -> int:
        return sum(1 for o in self.outcomes.values() if o == outcome)

    def summary(self) -> str:
        return ", ".join(f"{self.count(o)} {o}" for o in ("passed", "failed", "error", "skipped")) + (
            f" in {self.seconds / 60:.1f} min"
        )


def rasa_id(name: str) -> str:
    for ours, rasas in RASA_NAMES.items():
        name = name.replace(ours, rasas)
    return name


def read_junit(path: Path) -> dict[str, str]:
    """Each test's outcome from pytest's JUnit XML (a setup error counts as `error`), by
    its id with Rasa's class names."""
    outcomes: dict[str, str] = {}
    for case in ET.parse(path).getroot().iter("testcase"):
        name = rasa_id(f"{case.get('classname', '')}::{case.get('name', '')}")
        tags = {child.tag for child in case}
        if "error" in tags:
            outcome = "error"
        elif "failure" in tags:
            outcome = "failed"
        elif "skipped" in tags:
            outcome = "skipped"
        else:
            outcome = "passed"
        if outcomes.get(name) in ("failed", "error"):
            continue  # an error in teardown after a failure: the failure stands
        outcomes[name] = outcome
    return outcomes


def differences(stock: Run, project: Run) -> tuple[list[str], list[str]]:
    """(tests passing with Rasa's classes but not madoguchi's, the other way round)."""
    worse = sorted(t for t, o in stock.outcomes.items() if o == "passed" and project.outcomes.get(t) != "passed")
    better = sorted(t for t, o in project.outcomes.items() if o == "passed" and stock.outcomes.get(t) != "passed")
    return worse, better


def run_way(root: Path, way: str, modules: list[str], k: str | None, python: str, project: Path) -> Run:
    results = root / "results"
    results.mkdir(exist_ok=True)
    junit = results / f"{way}.xml"
    junit.unlink(missing_ok=True)
    env = dict(os.environ)
    env.update(
        MADOGUCHI_PEER=way,
        MADOGUCHI_PEER_SWAPPED=str(results / "swapped.json"),
        PYTHONPATH=os.pathsep.join([str(root / "deps"), str(project), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        TF_CPP_MIN_LOG_LEVEL="2",
        RASA_TELEMETRY_ENABLED="false",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
    )
    command = [python, "-m", "pytest", "-q", "-p", "madoguchi.rasa.peer_swap", f"--junitxml={junit}", *modules]
    if k:
        command += ["-k", k]
    print(f"== {way}: {' '.join(command[3:])}", flush=True)
    started = time.monotonic()
    with open(results / f"{way}.log", "w", encoding="utf-8") as log:
        done = subprocess.run(command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
    # 0: all passed, 1: some failed, 5: none selected; anything else stopped the run.
    if done.returncode not in (0, 1, 5) or not junit.exists():
        raise PeerCheckError(f"pytest stopped ({way}, exit {done.returncode}); see {results / f'{way}.log'}")
    return Run(read_junit(junit), time.monotonic() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", default=os.environ.get("RASA_SOURCE"), help="a git copy of Rasa (RASA_SOURCE)")
    parser.add_argument("--cache", default=os.environ.get("PEER_CACHE", ".rasa-tests"), type=Path)
    parser.add_argument("-k", default=os.environ.get("PEER_K") or None, help="pytest -k, both ways (PEER_K)")
    parser.add_argument("modules", nargs="*", help=f"of {', '.join(MODULES)} (all by default)")
    args = parser.parse_args(argv)
    project = Path(__file__).resolve().parents[2]
    python = sys.executable
    try:
        root = materialise(args.cache.resolve(), args.source, python)
        modules = args.modules or list(MODULES)
        runs = {way: run_way(root, way, modules, args.k, python, project) for way in WAYS}
    except PeerCheckError as error:
        print(f"check-rasa: {error}", file=sys.stderr)
        return 2
    print(f"\nRasa's tests from {RASA_REPOSITORY} at {RASA_COMMIT} (Rasa {RASA_COMMIT_VERSION}), "
          f"run on the installed Rasa; logs in {root / 'results'}")
    for way in WAYS:
        print(f"  {way:8} {runs[way].summary()}")
    worse, better = differences(runs["stock"], runs["project"])
    for name in better:
        print(f"  passes only with madoguchi's classes: {name}")
    known = [name for name in worse if name in KNOWN]
    worse = [name for name in worse if name not in KNOWN]
    for name in known:
        print(f"  known difference: {name}: {KNOWN[name]}")
    for name in worse:
        print(f"  DIFFERENCE, passes only with Rasa's classes: {name} ({runs['project'].outcomes.get(name, 'absent')})")
    print(f"{len(worse)} difference(s), {len(known)} known")
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main())
