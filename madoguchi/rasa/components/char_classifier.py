"""The intent classifier: character n-grams and a logistic regression.

`CharNgramClassifier` reads the text as the normalizer left it (widths folded, digits masked,
romaji read as kana), weighs its character 1- to 4-grams by TF-IDF and classifies them with a
multinomial logistic regression. Its probabilities are the message's intent ranking; with
`diet_weight` over 0 they are mixed with a ranking DIET gave (DIET, in config.yml, learns
entities only).

Why: on blind rounds it did not train on, this simple model reads more messages right than
DIET did and is far less often wrong with confidence, which is what lets the bot ask rather
than guess (docs/nlu-data.md, "The intent classifier"). It trains in about four minutes (66,000 examples).

The model is kept as plain arrays and JSON, not as a pickle (`char_ngrams`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from madoguchi.nlu.greeting import after_greeting
from madoguchi.rasa.components import char_ngrams
from madoguchi.rasa.components.fingerprint import CodeFingerprinted

# How sure the reading of the part after a greeting must be to replace the greeting's.
AFTER_GREETING_SURE = 0.5
# Readings of the part after a greeting that leave the message a greeting.
KEEPS_THE_GREETING = ("greet", "out_of_scope")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class CharNgramClassifier(CodeFingerprinted, char_ngrams.CharNgramComponent, IntentClassifier):
    """Intent from character n-grams (TF-IDF, logistic regression)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "max_ngram": 4,
            "min_df": 2,  # an n-gram seen once is a writer's, not a customer's
            "C": 30.0,  # little regularization: many examples, few intents
            # lbfgs stops here, not at convergence (about 370 iterations on 66,000 examples): the same
            # readings of the held-out set and of round 2026-12-07p, in half the training time
            # (docs/nlu-data.md, "The intent classifier")
            "max_iter": 200,
            "diet_weight": 0.0,  # 0: this model's ranking alone; 1: DIET's alone
        }

    STORED = "char_classifier"

    def train(self, training_data: TrainingData) -> Resource:
        """Fits the vectorizer and the regression on every example with an intent."""
        examples = [m for m in training_data.intent_examples if m.get(TEXT) and m.get(INTENT)]
        return self._fit([m.get(TEXT) for m in examples], [m.get(INTENT) for m in examples])

    def process(self, messages: list[Message]) -> list[Message]:
        """Sets (or mixes into an earlier classifier's) the intent and ranking of each message."""
        for message in messages:
            text = message.get(TEXT) or ""
            if self._classifier is None or not text.strip():
                if message.get(INTENT) is None:  # what DIET gives a message with nothing to read
                    message.set(INTENT, {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0}, add_to_output=True)
                    message.set(INTENT_RANKING_KEY, [], add_to_output=True)
                continue
            ranking = mixed(self._probabilities(text), message.get(INTENT_RANKING_KEY) or [], float(self._config["diet_weight"]))
            # (こんにちは。この前 注文した ギフト、いつ くる？: the greeting ranked close second)
            greeted = any(r[INTENT_NAME_KEY] == "greet" for r in ranking[:2])
            request = after_greeting(text) if greeted else None
            if request is not None:
                # こんにちは。ちゅうもん した おかし が まだ きません: the request after the greeting
                after = mixed(self._probabilities(request), [], 0.0)
                # (こんにちは。岡山の 者じゃが: who greets, out of scope alone, is still a greeting)
                if after[0][INTENT_NAME_KEY] not in KEEPS_THE_GREETING and after[0][PREDICTED_CONFIDENCE_KEY] >= AFTER_GREETING_SURE:
                    ranking = after
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking[:10], add_to_output=True)
        return messages

    def _probabilities(self, text: str) -> dict[str, float]:
        """What scikit-learn's `predict_proba` gives on the TF-IDF row."""
        scores = self._scores(text)
        exp = np.exp(scores - scores.max())  # the multinomial regression's softmax
        return dict(zip(self._classifier.classes_, exp / exp.sum()))


def mixed(own: dict[str, float], diet: list[dict[str, Any]], diet_weight: float) -> list[dict[str, Any]]:
    """The two rankings mixed, `diet_weight` for DIET's, best first."""
    theirs = {r[INTENT_NAME_KEY]: float(r[PREDICTED_CONFIDENCE_KEY]) for r in diet}
    names = set(own) | (set(theirs) if diet_weight > 0 else set())
    scores = {n: (1 - diet_weight) * float(own.get(n, 0.0)) + diet_weight * theirs.get(n, 0.0) for n in names}
    return [{INTENT_NAME_KEY: n, PREDICTED_CONFIDENCE_KEY: s} for n, s in sorted(scores.items(), key=lambda kv: -kv[1])]
