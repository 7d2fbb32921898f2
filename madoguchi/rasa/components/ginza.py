"""GiNZA as the pipeline's spaCy model: Rasa's `SpacyNLP`, tokenizing only.

`GinzaNLP` gives the components after it GiNZA's tokenizer and vocabulary, which is all the
classifier's features need; the neural parse is run only when the triage asks for it
(`madoguchi.nlu.ginza.parse`), and GiNZA's own named entities are not loaded
(`madoguchi.nlu.ginza`).

Rasa's graph makes two `GinzaNLP` components of one: the one that provides the model to
the components after it, and the one that processes each message, which receives that model
and never uses its own. Each loaded GiNZA (about 0.3 GiB), so `GinzaNLP.load_model` gives
both the same one while either holds it.

Sudachi refuses what it cannot read (`madoguchi.nlu.ginza.tokenizable`); `GinzaNLP`
tokenizes nothing else.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

from madoguchi.nlu.ginza import load, tokenizable
from madoguchi.rasa.components.fingerprint import CodeFingerprinted

_LOADED: weakref.WeakValueDictionary[str, SpacyModel] = weakref.WeakValueDictionary()
_LOADING = threading.Lock()


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.MODEL_LOADER,
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
    ],
    is_trainable=False,
    model_from="GinzaNLP",
)
class GinzaNLP(CodeFingerprinted, SpacyNLP):
    """Rasa's `SpacyNLP` for GiNZA, tokenizing only; see the module docstring."""

    @staticmethod
    def load_model(spacy_model_name: Text) -> SpacyModel:
        """GiNZA without its entity recognizer and bunsetu components, loaded once while in use."""
        if not spacy_model_name:
            spacy_model_name = "ja_ginza"
        with _LOADING:
            model = _LOADED.get(spacy_model_name)
            if model is None:
                model = SpacyModel(model=load(spacy_model_name), model_name=f"{spacy_model_name}:tokens")
                _LOADED[spacy_model_name] = model
            return model

    def _doc_for_text(self, model: Any, text: Text):
        return model.make_doc(tokenizable(self._preprocess_text(text)))

    @staticmethod
    def _process_content_bearing_samples(model: Any, samples_to_pipe: list[tuple[int, Text]]):
        return [(index, model.make_doc(tokenizable(text))) for index, text in samples_to_pipe]
