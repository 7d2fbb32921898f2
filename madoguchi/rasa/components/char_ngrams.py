"""Character n-grams weighed by TF-IDF and a logistic regression over them, as the intent
classifier and the goods-problem detector both use them: made, stored as plain arrays and JSON
(vocabulary, IDF weights, coefficients; no pickle), loaded back into scikit-learn's own classes,
and applied to one message at a time without scikit-learn's per-call copies."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


def new_vectorizer(max_ngram: int, min_df: int, vocabulary: dict[str, int] | None = None) -> Any:
    """Scikit-learn's TF-IDF of character 1- to `max_ngram`-grams inside word boundaries."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        analyzer="char_wb", ngram_range=(1, max_ngram), sublinear_tf=True, min_df=min_df,
        lowercase=True, vocabulary=vocabulary,
    )


def save(directory: Path, stem: str, vectorizer: Any, classifier: Any) -> None:
    """Writes `stem`.npz (IDF, coefficients, intercepts) and `stem`.json (vocabulary, classes)."""
    np.savez_compressed(directory / f"{stem}.npz", idf=vectorizer.idf_, coef=classifier.coef_,
                        intercept=classifier.intercept_)
    words = {"vocabulary": {k: int(v) for k, v in vectorizer.vocabulary_.items()},
             "classes": [c if isinstance(c, str) else int(c) for c in classifier.classes_]}
    (directory / f"{stem}.json").write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")


def load(directory: Path, stem: str, max_ngram: int, min_df: int) -> tuple[Any, Any]:
    """The vectorizer and regression `save` wrote (FileNotFoundError when there are none)."""
    from sklearn.linear_model import LogisticRegression

    arrays = np.load(directory / f"{stem}.npz")
    words = json.loads((directory / f"{stem}.json").read_text(encoding="utf-8"))
    vectorizer = new_vectorizer(max_ngram, min_df, words["vocabulary"])
    vectorizer.idf_ = arrays["idf"]
    classifier = LogisticRegression()
    classifier.classes_ = np.array(words["classes"])
    classifier.coef_ = arrays["coef"]
    classifier.intercept_ = arrays["intercept"]
    return vectorizer, classifier


class FastScores:
    """The regression's decision scores of one text, computed on the text's few n-grams only:
    scikit-learn multiplies the whole transposed coefficient matrix, which it copies on every
    call (a third of a message's parse time)."""

    def __init__(self, vectorizer: Any, classifier: Any) -> None:
        self._vectorizer = vectorizer
        self._idf = np.asarray(vectorizer.idf_, dtype=np.float64)
        self._coef = np.ascontiguousarray(classifier.coef_, dtype=np.float64)
        self._intercept = np.asarray(classifier.intercept_, dtype=np.float64)

    def __call__(self, text: str) -> np.ndarray:
        from sklearn.feature_extraction.text import CountVectorizer

        counts = CountVectorizer.transform(self._vectorizer, [text])  # the n-grams, counted
        columns = counts.indices
        weights = (1.0 + np.log(counts.data.astype(np.float64))) * self._idf[columns]  # sublinear TF, IDF
        norm = np.sqrt(weights @ weights)
        return self._coef[:, columns] @ (weights / norm if norm else weights) + self._intercept


class CharNgramComponent(GraphComponent):
    """What the n-gram components share: their configuration and storage, fitting the regression
    and keeping it as arrays (`STORED`.npz and .json), loading it back, and scoring a text."""

    STORED = "char_ngrams"

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource) -> None:
        self._config = {**self.get_default_config(), **config}
        self._storage = model_storage
        self._resource = resource
        self._vectorizer: Any = None
        self._classifier: Any = None
        self._fast: FastScores | None = None

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> CharNgramComponent:
        return cls(config, model_storage, resource)

    @staticmethod
    def required_packages() -> list[str]:
        return ["sklearn"]

    def _fit(self, texts: list[str], labels: list[Any], **regression: Any) -> Resource:
        """Fits the vectorizer and the regression (C from the configuration) and stores them."""
        from sklearn.linear_model import LogisticRegression

        from sklearn.exceptions import ConvergenceWarning

        self._vectorizer = new_vectorizer(int(self._config["max_ngram"]), int(self._config["min_df"]))
        features = self._vectorizer.fit_transform(texts)
        max_iter = int(self._config.get("max_iter", 3000))
        self._classifier = LogisticRegression(C=float(self._config["C"]), max_iter=max_iter, **regression)
        with warnings.catch_warnings():
            # stopped at `max_iter` on purpose: a regression's readings no longer change by then
            warnings.simplefilter("ignore", ConvergenceWarning)
            self._classifier.fit(features, labels)
        self._fast = None
        with self._storage.write_to(self._resource) as directory:
            save(directory, self.STORED, self._vectorizer, self._classifier)
        return self._resource

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> CharNgramComponent:
        """The trained component, or an untrained one (`_classifier` None) when there is none."""
        component = cls(config, model_storage, resource)
        try:
            with model_storage.read_from(resource) as directory:
                component._vectorizer, component._classifier = load(
                    directory, cls.STORED, int(component._config["max_ngram"]), int(component._config["min_df"]))
        except (ValueError, FileNotFoundError):
            pass
        return component

    def _scores(self, text: str) -> np.ndarray:
        """The regression's decision scores of `text` (`FastScores`)."""
        if self._fast is None:
            self._fast = FastScores(self._vectorizer, self._classifier)
        return self._fast(text)
