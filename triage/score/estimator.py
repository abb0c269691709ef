"""`TagFeatures`: the feature maker as a scikit-learn transformer, the first step of the model's
pipeline. Kept apart from `features.py` so that scoring never imports scikit-learn."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from triage.score.features import FeatureMaker, feature_dimension, feature_names
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
