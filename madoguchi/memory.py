"""Less resident memory for the Rasa server, with the same answers (docs/deployment.md, *Memory*).

Two of what the Rasa server held were never used to answer a message (a third, GiNZA loaded
twice, is in `madoguchi/nlu/ginza.py`):

- **DIET's training step.** Rasa 3.6 loads a TensorFlow model by compiling it with an Adam
  optimizer and training it on one example (`RasaModel.load`), only to create its weights
  before reading them from the checkpoint. Tracing and running that training step leaves
  about 0.5 GiB with TensorFlow and takes most of the server's start. Here the weights are
  created by one prediction, run eagerly (no graph is traced), then read from the checkpoint,
  which must hold every one of them; the prediction graph is traced afterwards as Rasa does.
  The weights, and so the predictions, are the same. Loading for fine-tuning (`rasa train
  --finetune`) and every other model keep Rasa's way.
- **JAX.** TensorFlow 2.12 imports JAX at start (about 70 MiB), for TensorFlow Lite's
  conversion of JAX functions only; the server never converts anything. `install()` hides
  JAX from imports before TensorFlow is imported.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

logger = logging.getLogger(__name__)

UNUSED_MODULES = ("jax",)  # imported by TensorFlow for TensorFlow Lite only

_RASA_LOAD = None  # Rasa's own `RasaModel.load`, set by `install()`


def hide_unused_modules() -> None:
    """Makes `import jax` fail as if JAX were not installed (before TensorFlow is imported)."""
    for name in UNUSED_MODULES:
        if name not in sys.modules:
            sys.modules[name] = None  # type: ignore[assignment]


def _predicts_like_diet(cls: type) -> bool:
    from rasa.nlu.classifiers.diet_classifier import DIET

    return issubclass(cls, DIET)


def load_for_prediction(
    cls: Any,
    model_file_name: str,
    model_data_example: Any,
    predict_data_example: Any = None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> Any:
    """`RasaModel.load`, creating the weights by one eager prediction instead of a training step."""

    def rasas() -> Any:
        return _RASA_LOAD(cls, model_file_name, model_data_example, predict_data_example, finetune_mode, *args, **kwargs)

    if finetune_mode or predict_data_example is None or not _predicts_like_diet(cls):
        return rasas()
    model = cls(*args, **kwargs)
    run_eagerly = model._run_eagerly
    model._run_eagerly = True  # creates the weights without tracing a graph
    model.run_inference(predict_data_example)
    status = model.load_weights(model_file_name)
    status.expect_partial()  # the optimizer's state in the checkpoint is not needed
    try:
        status.assert_existing_objects_matched()  # every weight created was read from the checkpoint
    except AssertionError as error:
        logger.warning("%s: weights missing from %s (%s); loading it Rasa's way.", cls.__name__, model_file_name, error)
        return rasas()
    model._run_eagerly = run_eagerly
    # What the first prediction computed from the initial weights (DIET's label embeddings).
    model.prepared_for_prediction = False
    model.run_inference(predict_data_example)  # traces the prediction graph, as Rasa does
    logger.debug("Loaded %s for prediction without a training step.", cls.__name__)
    return model


def install() -> None:
    """Installs both (idempotent); before TensorFlow is imported, or JAX stays loaded."""
    global _RASA_LOAD

    hide_unused_modules()
    from rasa.utils.tensorflow.models import RasaModel

    if _RASA_LOAD is None:
        _RASA_LOAD = RasaModel.load.__func__
    RasaModel.load = classmethod(load_for_prediction)
