"""GiNZA as the pipeline needs it: cheap tokens for every message, the neural parse on demand.

Every feature the classifier sees (tokens, lemmas, Sudachi's tags, static word vectors)
comes from GiNZA's tokenizer and vocabulary alone, which takes about 0.1 ms a message.
GiNZA's neural part (an 8-layer CNN `tok2vec`, then the morphologizer and the dependency
parser) takes about 12 ms and is needed only by the triage, and only for a message with a
distress cue whose negation must be checked. `GinzaNLP` therefore tokenizes only, and
`parse()` completes a document when asked. GiNZA's own named entities are not loaded:
on the held-out set they found three dates (which `patterns.find_dates` finds by rule)
and six wrong person names.

Rasa's graph makes two `GinzaNLP` components of one: the one that provides the model to
the components after it, and the one that processes each message, which receives that model
and never uses its own. Each loaded GiNZA (about 0.3 GiB), so `GinzaNLP.load_model` gives
both the same one while either holds it.

Sudachi refuses what it cannot read: a text over 49,149 bytes of UTF-8, or one with a lone
surrogate (half of a UTF-16 pair, which a JSON body can carry as `\\ud800`). `tokenizable`
makes any text one it reads; `GinzaNLP` tokenizes nothing else.
"""

from __future__ import annotations

import re
import threading
import weakref
from typing import Any, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

# Run in this order by `parse()`; the rest of ja_ginza is not loaded.
NEURAL_PIPES = ("tok2vec", "morphologizer", "parser")
NOT_LOADED = ("ner", "compound_splitter", "bunsetu_recognizer")

# Sudachi's limit: the UTF-8 bytes of a text it tokenizes.
SUDACHI_MAX_BYTES = 49_149
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

_LOADED: weakref.WeakValueDictionary[str, SpacyModel] = weakref.WeakValueDictionary()
_LOADING = threading.Lock()


def tokenizable(text: str) -> str:
    """`text` as Sudachi reads it: each lone surrogate as U+FFFD (one character for one),
    and cut to Sudachi's limit when longer. An ordinary text comes back unchanged."""
    text = _LONE_SURROGATE.sub("\ufffd", text)
    if len(text) * 4 > SUDACHI_MAX_BYTES:  # a character is at most 4 bytes
        text = text.encode("utf-8")[:SUDACHI_MAX_BYTES].decode("utf-8", "ignore")
    return text


def load(name: str = "ja_ginza"):
    """GiNZA's tokenizer and vocabulary, with the neural pipes `parse()` runs."""
    import spacy

    return spacy.load(name, exclude=list(NOT_LOADED))


def parse(nlp, doc):
    """`doc` with GiNZA's parts of speech and dependencies (done once per document)."""
    if doc.has_annotation("DEP"):
        return doc
    for name in NEURAL_PIPES:
        doc = nlp.get_pipe(name)(doc)
    return doc


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.MODEL_LOADER,
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
    ],
    is_trainable=False,
    model_from="GinzaNLP",
)
class GinzaNLP(SpacyNLP):
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
