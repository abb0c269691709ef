"""`TagFeatures`: the feature maker as a scikit-learn transformer, the first step of the model's
pipeline; `DetailWeights`: the step between scaler and logistic regression that weighs the features
of detail down. Kept apart from `features.py` so that scoring never imports scikit-learn."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from triage.score.features import FeatureMaker, detail_feature, feature_dimension, feature_names
from triage.types import TaggedDocument


class TagFeatures(FeatureMaker, TransformerMixin, BaseEstimator):
    """A `FeatureMaker` that scikit-learn can fit, clone and cross-validate (see its parameters)."""

    def __init__(
        self,
        boilerplate_weight: float = 0.2,
        length_exponent: float = 0.5,
        min_words: int = 300,
        clip: bool = True,
    ):
        self.boilerplate_weight = boilerplate_weight
        self.length_exponent = length_exponent
        self.min_words = min_words
        self.clip = clip

    def fit(self, X: Sequence[TaggedDocument], y: object = None) -> TagFeatures:
        self.feature_names_ = np.asarray(feature_names(), dtype=object)
        self.dimensions_ = np.asarray([feature_dimension(n) for n in self.feature_names_], dtype=object)
        self.n_documents_ = len(X)
        raw = self.raw_transform(X)
        self.ceiling_ = raw.max(axis=0) if len(raw) else np.zeros(raw.shape[1])
        return self


class DetailWeights(TransformerMixin, BaseEstimator):
    """Multiplies the standardised features of detail (`features.detail_feature`: each tag's own
    mentions and quantities, each vertical) by `detail_weight`, the others by 1.

    Between the scaler and the logistic regression, a weight w below 1 is the same as an L2 penalty
    1 / w**2 times stronger on those features: the model leans on the dimension totals and the
    walk-away signals, and gives a single tag or vertical its own weight only where the deals show it
    clearly. With a few hundred deals this predicts better than treating all 64 features alike (the
    recipe search in `scripts/eval_model.py --search`). 1 leaves every feature as it is.
    """

    def __init__(self, detail_weight: float = 1.0):
        self.detail_weight = detail_weight

    def fit(self, X: np.ndarray, y: object = None) -> DetailWeights:
        if not self.detail_weight > 0:
            raise ValueError(f"detail_weight must be above 0, not {self.detail_weight}")
        names = feature_names()
        if np.shape(X)[1] != len(names):
            raise ValueError(f"expected {len(names)} features, got {np.shape(X)[1]}")
        self.weights_ = np.asarray([self.detail_weight if detail_feature(n) else 1.0 for n in names])
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        return np.asarray(X, dtype=float) * self.weights_
