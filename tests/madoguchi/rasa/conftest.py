"""The trained model of the current config, loaded as the server loads it: the plug-ins'
tests compare it with Rasa's own classes, and fail (not skip) when it is missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="module")
def agent(current_model: Path, served_agent: Any) -> Any:
    assert Path(served_agent.processor.model_path) == current_model
    return served_agent


def nodes_of(agent: Any, component_class: type) -> list[Any]:
    """The graph nodes of the agent's model that run this class exactly."""
    return [n for n in agent.processor.graph_runner._instantiated_nodes.values() if type(n._component) is component_class]


@pytest.fixture(scope="module")
def model_storage(agent: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The trained resources of the agent's model (Rasa deletes its own copy once loaded)."""
    from rasa.engine.storage.local_model_storage import LocalModelStorage

    storage, _ = LocalModelStorage.from_model_archive(tmp_path_factory.mktemp("model"), agent.processor.model_path)
    return storage


def load_as(node: Any, component_class: type, model_storage: Any, **config: Any) -> Any:
    """The component of a graph node, loaded again from the same trained resource as `component_class`."""
    return component_class.load(
        {**node._component_config, **config}, model_storage, node._existing_resource, node._execution_context
    )
