"""What the pipeline's own components that learn nothing share: Rasa makes each from its
configuration, laid over the component's defaults."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

from madoguchi.rasa.components.fingerprint import CodeFingerprinted


class UntrainedComponent(CodeFingerprinted, GraphComponent):
    """A graph component that learns nothing, made from its configuration alone."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        """The component of this configuration, over the defaults."""
        return cls({**cls.get_default_config(), **config})
