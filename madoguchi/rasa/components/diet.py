"""DIET as the Rasa server runs it: the same weights and answers, loaded and run leaner.

`LeanDIETClassifier` (named in config.yml in place of `DIETClassifier`) is Rasa's
classifier with another model class (its `model_class()` hook), `LeanDIET`, whose two
changes are measured by `make bench` (docs/benchmarks.md, docs/deployment.md, *Memory*):

- **DIET's training step.** Rasa 3.6 loads a TensorFlow model by compiling it with an Adam
  optimizer and training it on one example (`RasaModel.load`), only to create its weights
  before reading them from the checkpoint. Tracing and running that training step leaves
  about 0.5 GiB with TensorFlow and takes most of the server's start. Here the weights are
  created by one prediction, run eagerly (no graph is traced), then read from the checkpoint,
  which must hold every one of them; the prediction graph is traced afterwards as Rasa does.
  The weights, and so the predictions, are the same, and so is the configuration's
  `run_eagerly` (which Rasa gives the model through `compile`). Loading for fine-tuning
  (`rasa train --finetune`) keeps Rasa's way.
- **The traced graph, called directly.** DIET predicts through a `tf.function`, which checks
  and converts its inputs and looks up its traced graph on every call: a fifth of DIET's
  time per message. After the first call, the traced graph is called directly with the same
  inputs, converted once; inputs that do not fit its signature still go through the
  `tf.function`.

The class name differs from Rasa's because Rasa's recipe registers components by class
name: a subclass named `DIETClassifier` would replace Rasa's own for every configuration.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import tensorflow as tf
from keras.utils import tf_utils
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.diet_classifier import DIET, DIETClassifier
from rasa.shared.constants import DIAGNOSTIC_DATA
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import INTENT_CLASSIFICATION, RUN_EAGERLY
from rasa.utils.tensorflow.models import RasaModel

from madoguchi.rasa.components.examples import entity_training_examples
from madoguchi.rasa.components.fingerprint import CodeFingerprinted

logger = logging.getLogger(__name__)

EXAMPLES_WITHOUT_ENTITIES = "examples_without_entities"
_KEPT_GRAPH = "_madoguchi_predict_graph"  # in the model's __dict__: Keras does not track it


@dataclass
class _Graph:
    """A model's traced prediction graph, and the inputs it takes."""

    function: Any  # the ConcreteFunction
    specs: list[Any]  # its flat input TensorSpecs

    def takes(self, flat: list[Any]) -> bool:
        return len(flat) == len(self.specs) and all(
            x.dtype == s.dtype and s.shape.is_compatible_with(x.shape) for x, s in zip(flat, self.specs)
        )


class LeanDIET(DIET):
    """Rasa's DIET model, loaded without a training step, predicting through its graph directly."""

    @classmethod
    def load(
        cls,
        model_file_name: str,
        model_data_example: Any,
        predict_data_example: Any = None,
        finetune_mode: bool = False,
        *args: Any,
        **kwargs: Any,
    ) -> RasaModel:
        """Rasa's, creating the weights by one eager prediction instead of a training step."""

        def rasas() -> RasaModel:
            return super(LeanDIET, cls).load(
                model_file_name, model_data_example, predict_data_example, finetune_mode, *args, **kwargs
            )

        if finetune_mode or predict_data_example is None:
            return rasas()
        model = cls(*args, **kwargs)
        model._run_eagerly = True  # creates the weights without tracing a graph
        model.run_inference(predict_data_example)
        status = model.load_weights(model_file_name)
        status.expect_partial()  # the optimizer's state in the checkpoint is not needed
        try:
            status.assert_existing_objects_matched()  # every weight created was read from the checkpoint
        except AssertionError as error:
            logger.warning("%s: weights missing from %s (%s); loading it Rasa's way.", cls.__name__, model_file_name, error)
            return rasas()
        # What Rasa's `compile` sets: the configuration's choice (the graph unless it asks otherwise).
        model._run_eagerly = kwargs.get("config", {}).get(RUN_EAGERLY)
        # What the first prediction computed from the initial weights (DIET's label embeddings).
        model.prepared_for_prediction = False
        model.run_inference(predict_data_example)  # traces the prediction graph, as Rasa does
        logger.debug("Loaded %s for prediction without a training step.", cls.__name__)
        return model

    def _rasa_predict(self, batch_in: Any) -> dict[str, Any]:
        """Rasa's, calling the traced graph directly after the first time."""
        graph = self.__dict__.get(_KEPT_GRAPH)
        if graph is None:
            outputs = super()._rasa_predict(batch_in)
            if not self._run_eagerly and self._tf_predict_step is not None:
                function = self._tf_predict_step.get_concrete_function()
                specs = tf.nest.flatten(function.structured_input_signature)
                self.__dict__[_KEPT_GRAPH] = _Graph(function, specs)
            return outputs
        flat = [tf.convert_to_tensor(x) for x in tf.nest.flatten(batch_in)]
        if not graph.takes(flat):
            return super()._rasa_predict(batch_in)
        self._training = False
        outputs = tf_utils.sync_to_numpy_or_python_type(graph.function._call_flat(flat, graph.function.captured_inputs))
        if DIAGNOSTIC_DATA in outputs:
            outputs[DIAGNOSTIC_DATA] = self._empty_lists_to_none_in_dict(outputs[DIAGNOSTIC_DATA])
        return outputs


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR],
    is_trainable=True,
)
class LeanDIETClassifier(CodeFingerprinted, DIETClassifier):
    """Rasa's DIETClassifier, whose model is `LeanDIET`.

    With `intent_classification: false` it learns entities only, and `examples_without_entities`
    caps how many messages without any entity it learns from (all of those with one are kept):
    the intents come from another classifier, and most of DIET's training time went to messages
    that teach it only that there is nothing to find.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**DIETClassifier.get_default_config(), EXAMPLES_WITHOUT_ENTITIES: None}

    @staticmethod
    def model_class() -> type[RasaModel]:
        return LeanDIET

    def train(self, training_data: TrainingData) -> Resource:
        """Rasa's, on the examples `examples_without_entities` keeps."""
        cap = self.component_config.get(EXAMPLES_WITHOUT_ENTITIES)
        if cap is not None and not self.component_config[INTENT_CLASSIFICATION]:
            kept = entity_training_examples(training_data.nlu_examples, int(cap))
            logger.info("%s learns entities from %d of %d examples.", self.__class__.__name__,
                        len(kept), len(training_data.nlu_examples))
            training_data = TrainingData(
                training_examples=kept, entity_synonyms=training_data.entity_synonyms,
                regex_features=training_data.regex_features, lookup_tables=training_data.lookup_tables,
            )
        return super().train(training_data)

