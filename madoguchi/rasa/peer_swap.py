"""pytest plugin of `make check-rasa`: Rasa's own tests, with madoguchi's classes in Rasa's place.

Loaded with `-p madoguchi.rasa.peer_swap` by `madoguchi.rasa.peer_check` in both of its runs;
it changes nothing unless MADOGUCHI_PEER=project. Then, while pytest imports Rasa's conftests
and test modules, the names below (Rasa's classes) are madoguchi's subclasses, so a test that
says `RulePolicy(...)`, parametrizes over `DIETClassifier` or builds a
`DialogueStateTracker.from_events(...)` gets madoguchi's class. When collection is over, every
module of Rasa and of madoguchi gets Rasa's own classes back: only the tests see the swap,
as only `config.yml` and `endpoints.yml` name the classes in the product. The action client
patch (`madoguchi.rasa.action_client`), which replaces methods of Rasa's `RemoteAction` and
`EndpointConfig` rather than classes, is installed before the swap and stays for the run,
as the project's tracker store installs it in the product.

Not swapped: Rasa's recipe registry (a configuration naming `RulePolicy` still trains Rasa's)
and names a test imports inside a function body.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from typing import Any

import pytest

PEER_ENV = "MADOGUCHI_PEER"
REPORT_ENV = "MADOGUCHI_PEER_SWAPPED"  # where to write which test modules got which classes

# Rasa's class (module, name) -> madoguchi's, as "module:name".
SWAPS: dict[tuple[str, str], str] = {
    ("rasa.core.policies.rule_policy", "RulePolicy"): "madoguchi.rasa.policies.caching:CachingRulePolicy",
    ("rasa.core.policies.memoization", "MemoizationPolicy"): (
        "madoguchi.rasa.policies.caching:CachingMemoizationPolicy"
    ),
    ("rasa.nlu.classifiers.diet_classifier", "DIETClassifier"): (
        "madoguchi.rasa.components.diet:LeanDIETClassifier"
    ),
    ("rasa.nlu.extractors.crf_entity_extractor", "CRFEntityExtractor"): (
        "madoguchi.rasa.components.crf:ShopCRFEntityExtractor"
    ),
    ("rasa.shared.core.trackers", "DialogueStateTracker"): "madoguchi.rasa.stores.tracker:KeptStateTracker",
    ("rasa.core.tracker_store", "SQLTrackerStore"): "madoguchi.rasa.peer_swap:PeerSQLTrackerStore",
}

_originals: dict[type, type] = {}  # madoguchi's class -> Rasa's


def _load(spec: str) -> Any:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def peer_sql_tracker_store() -> type:
    """`UrlTrackerStore` (madoguchi's tracker store) taking `SQLTrackerStore`'s arguments."""
    from rasa.core.tracker_store import SQLTrackerStore

    from madoguchi.rasa.stores.tracker_store import UrlTrackerStore

    class PeerSQLTrackerStore(UrlTrackerStore):
        """madoguchi's tracker store, built from the arguments Rasa's tests give Rasa's."""

        def __init__(
            self, domain: Any = None, dialect: str = "sqlite", host: str | None = None, port: int | None = None,
            db: str = "rasa.db", username: str | None = None, password: str | None = None,
            event_broker: Any = None, login_db: str | None = None, query: dict[str, Any] | None = None,
            **kwargs: Any,
        ) -> None:
            url = SQLTrackerStore.get_db_url(dialect, host, port, db, username, password, login_db, query)
            url = url.render_as_string(hide_password=False) if hasattr(url, "render_as_string") else str(url)
            super().__init__(domain=domain, event_broker=event_broker, url=url, login_db=login_db, **kwargs)

    return PeerSQLTrackerStore


def __getattr__(name: str) -> Any:  # `PeerSQLTrackerStore`, built when first asked for
    if name == "PeerSQLTrackerStore":
        cls = peer_sql_tracker_store()
        globals()[name] = cls
        return cls
    raise AttributeError(name)


def swapping() -> bool:
    return os.environ.get(PEER_ENV) == "project"


def _swap_in() -> None:
    from madoguchi.rasa import action_client

    action_client.install()
    for (module, name), spec in SWAPS.items():
        rasa_module = importlib.import_module(module)
        ours = _load(spec)  # imported before the swap, so it subclasses Rasa's own class
        _originals[ours] = getattr(rasa_module, name)
    for (module, name), spec in SWAPS.items():
        setattr(importlib.import_module(module), name, _load(spec))


def _swap_out() -> int:
    """Rasa's classes back in every module of Rasa and madoguchi; how many names were put back."""
    restored = 0
    for module_name, module in list(sys.modules.items()):
        if module is None or module_name.split(".")[0] not in ("rasa", "madoguchi"):
            continue
        for attr, value in list(vars(module).items()):
            rasas = _originals.get(value) if isinstance(value, type) else None
            if rasas is None or (module_name.startswith("madoguchi") and attr != rasas.__name__):
                continue  # not swapped, or madoguchi's own name for its class
            setattr(module, attr, rasas)
            restored += 1
    return restored


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: Any, parser: Any, args: Any) -> None:
    """Swaps before Rasa's conftests are imported."""
    if swapping():
        _swap_in()


def swapped_in_tests() -> dict[str, list[str]]:
    """For each of Rasa's test modules and conftests, the madoguchi classes its names hold."""
    found: dict[str, list[str]] = {}
    for module_name, module in list(sys.modules.items()):
        if module is None or not (module_name.startswith("tests") or module_name.endswith("conftest")):
            continue
        names = sorted({v.__name__ for v in vars(module).values() if isinstance(v, type) and v in _originals})
        if names:
            found[module_name] = names
    return found


def pytest_collection_finish(session: Any) -> None:
    if not swapping():
        return
    _swap_out()
    report = os.environ.get(REPORT_ENV)
    if report:
        with open(report, "w", encoding="utf-8") as file:
            json.dump(swapped_in_tests(), file, indent=1, sort_keys=True)


def pytest_report_header(config: Any) -> str:
    if not swapping():
        return "madoguchi peer check: Rasa's own classes"
    pairs = ", ".join(f"{name} -> {spec.split(':')[1]}" for (_, name), spec in SWAPS.items())
    return f"madoguchi peer check: {pairs}; the action client patch installed"
