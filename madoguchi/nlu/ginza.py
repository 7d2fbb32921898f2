"""GiNZA as the pipeline needs it: cheap tokens for every message, the neural parse on demand.

Every feature the classifier sees (tokens, lemmas, Sudachi's tags, static word vectors)
comes from GiNZA's tokenizer and vocabulary alone, which takes about 0.1 ms a message.
GiNZA's neural part (an 8-layer CNN `tok2vec`, then the morphologizer and the dependency
parser) takes about 12 ms and is needed only by the triage, and only for a message with a
distress cue whose negation must be checked. The pipeline's GiNZA component
(`madoguchi.rasa.components.ginza.GinzaNLP`) therefore tokenizes only, and `parse()`
completes a document when asked. GiNZA's own named entities are not loaded (`load()`):
on the held-out set they found three dates (which `patterns.find_dates` finds by rule)
and six wrong person names.

Sudachi refuses what it cannot read: a text over 49,149 bytes of UTF-8, or one with a lone
surrogate (half of a UTF-16 pair, which a JSON body can carry as `\\ud800`). `tokenizable`
makes any text one it reads. Whatever a customer sends, the NLU reads at most its first
characters, as Sudachi accepts them (`for_understanding`).
"""

from __future__ import annotations

import re

# Run in this order by `parse()`; the rest of ja_ginza is not loaded.
NEURAL_PIPES = ("tok2vec", "morphologizer", "parser")
NOT_LOADED = ("ner", "compound_splitter", "bunsetu_recognizer")

# Sudachi's limit: the UTF-8 bytes of a text it tokenizes.
SUDACHI_MAX_BYTES = 49_149
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def tokenizable(text: str) -> str:
    """`text` as Sudachi reads it: each lone surrogate as U+FFFD (one character for one),
    and cut to Sudachi's limit when longer. An ordinary text comes back unchanged."""
    text = _LONE_SURROGATE.sub("\ufffd", text)
    if len(text) * 4 > SUDACHI_MAX_BYTES:  # a character is at most 4 bytes
        text = text.encode("utf-8")[:SUDACHI_MAX_BYTES].decode("utf-8", "ignore")
    return text


def for_understanding(text: str, max_chars: int) -> str:
    """The part of a message the NLU reads: its first `max_chars` characters, as GiNZA's
    tokenizer accepts them (`tokenizable`). Offsets on it are offsets on the original."""
    return tokenizable(text[:max_chars])


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
