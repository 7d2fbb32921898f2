"""Rasa's CRF entity extractor, loaded as it was trained (`ShopCRFEntityExtractor`, named in
config.yml in place of `CRFEntityExtractor`).

Rasa 3.6's `CRFEntityExtractor` stores its whole training set (every example, with each word's
dense features written out as JSON) and trains its CRFs again at every load: minutes at each
start of the server, and more memory than the machine has for 25,000 examples. This subclass
keeps dense features only when a feature of the configuration reads them, and stores the
trained CRFs (sklearn-crfsuite pickles a CRF with its model file): loading reads them and
trains nothing. Training and prediction are Rasa's own.
"""

from __future__ import annotations

import pickle
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.crf_entity_extractor import CRFEntityExtractor, CRFEntityExtractorOptions
from rasa.nlu.utils import bilou_utils
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import BILOU_FLAG, FEATURIZERS

from madoguchi.rasa.components.fingerprint import CodeFingerprinted

_TAGGERS = "crf_taggers.pkl"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class ShopCRFEntityExtractor(CodeFingerprinted, CRFEntityExtractor):
    """Rasa's CRF, stored trained and loaded without training."""

    def train(self, training_data: TrainingData) -> Resource:
        """Rasa's training, without the dense features no feature reads; the trained CRFs stored."""
        if not training_data.entity_examples:
            return self._resource
        self.check_correct_entity_annotations(training_data)
        if self.component_config[BILOU_FLAG]:
            bilou_utils.apply_bilou_schema(training_data)
        self._update_crf_order(training_data)
        examples = self.filter_trainable_entities(training_data.nlu_examples)
        featurizers = self.component_config.get(FEATURIZERS)
        dataset = [
            self._convert_to_crf_tokens(m) for m in examples if m.features_present(attribute=TEXT, featurizers=featurizers)
        ]
        self.entity_taggers = self.train_model(dataset, self.component_config, self.crf_order)
        with self._model_storage.write_to(self._resource) as folder:
            (folder / _TAGGERS).write_bytes(pickle.dumps((self.crf_order, self.entity_taggers)))
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> ShopCRFEntityExtractor:
        """The trained CRFs as stored; none (no entities found) when the model holds none."""
        try:
            with model_storage.read_from(resource) as folder:
                crf_order, taggers = pickle.loads((folder / _TAGGERS).read_bytes())
        except (ValueError, FileNotFoundError):  # trained on data without any entity
            return cls(config, model_storage, resource)
        extractor = cls(config, model_storage, resource, taggers)
        extractor.crf_order = crf_order
        return extractor

    def _get_dense_features(self, message: Message) -> np.ndarray | None:
        """The word vectors, only when a configured feature reads them."""
        wanted = CRFEntityExtractorOptions.TEXT_DENSE_FEATURES
        if not any(wanted in window for window in self.component_config["features"]):
            return None
        return super()._get_dense_features(message)
