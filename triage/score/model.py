"""The fit model: one scikit-learn Pipeline from tagged documents to a calibrated probability of
winning, with an exact explanation of every score.

The pipeline is `TagFeatures -> CalibratedClassifierCV(StandardScaler -> LogisticRegression,
method="sigmoid", ensemble=False)`. With `ensemble=False` the calibrator is ONE sigmoid fitted on
out-of-fold decision values, applied to ONE linear model fitted on all deals, so the calibrated
log-odds are still a linear function of the raw features:

    logit(p) = -(a * (w . (x - mean) / scale + b0) + b)
             = intercept + sum_j coef_j * (x_j - mean_j)

Each term `coef_j * (x_j - mean_j)` is feature j's contribution, measured against the average
training deal; `intercept` is the log-odds of a document that is average in every feature. (With the
default `ensemble=True`, the probability would be an average of several sigmoids, and no sum of
per-feature terms would equal its log-odds.) The tests check the sum to 1e-6.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from triage.errors import ModelError, TrainingError
from triage.score.features import FEATURES_VERSION, FeatureMaker, feature_dimension
from triage.types import (
    DIMENSIONS,
    REQUIREMENT_TAGS,
    Contribution,
    FitReport,
    ModelInfo,
    Recommendation,
    TaggedDocument,
)

MIN_DEALS = 30
MIN_PER_CLASS = 8
DEFAULT_C = 0.003
DEFAULT_DETAIL_WEIGHT = 0.2
# The recipe: the pipeline's hyper-parameters (chosen by cross-validation on the seed deals)
DEFAULT_RECIPE = {
    "C": DEFAULT_C,
    "length_exponent": 0.5,
    "boilerplate_weight": 0.2,
    "detail_weight": DEFAULT_DETAIL_WEIGHT,
}
# What a recipe key meant before it existed: a card that lacks it was made with this value
RECIPE_BEFORE = {"detail_weight": 1.0}
CALIBRATION_FOLDS = 5

# The recommendation rules (stored in each model's card, so a model keeps the rules it was made with)
DEFAULT_RULES = {
    "pursue_at": 60,  # score at or above which a deal is worth pursuing
    "walk_away_below": 30,  # score below which a deal is not worth the bid
    "min_evidence": 3,  # fewer requirement mentions than this: too little to judge
    "weak_dimension": -1.0,  # a dimension whose contributions sum below this needs someone else
    "outside_range": 0.5,  # a feature further than this share of its training range outside it is odd
    "max_outside": 2,  # this many odd features make the score low-confidence
}
PARTNER_SIGNALS = ("platform_mandate", "out_of_scope")


def build_pipeline(
    C: float = DEFAULT_C,
    length_exponent: float = 0.5,
    boilerplate_weight: float = 0.2,
    detail_weight: float = DEFAULT_DETAIL_WEIGHT,
    calibration_folds: int = CALIBRATION_FOLDS,
):
    """The unfitted pipeline: features -> (scaler -> detail weights -> logistic regression),
    sigmoid-calibrated."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    from triage.score.estimator import DetailWeights, TagFeatures

    linear = Pipeline(
        [
            ("scale", StandardScaler()),
            ("weights", DetailWeights(detail_weight)),
            ("logreg", LogisticRegression(C=C, max_iter=5000)),
        ]
    )
    return Pipeline(
        [
            ("features", TagFeatures(boilerplate_weight=boilerplate_weight, length_exponent=length_exponent)),
            (
                "classifier",
                CalibratedClassifierCV(linear, method="sigmoid", ensemble=False, cv=calibration_folds),
            ),
        ]
    )


@dataclass(frozen=True)
class LinearMap:
    """The fitted pipeline as one linear map on raw features: logit = intercept + coef . (x - mean)."""

    coef: np.ndarray
    mean: np.ndarray
    intercept: float

    @classmethod
    def of(cls, pipeline) -> LinearMap:
        calibrated = pipeline.named_steps["classifier"]
        if len(calibrated.calibrated_classifiers_) != 1:
            raise ModelError(
                "the model was calibrated as an ensemble; its scores cannot be explained exactly"
            )
        fitted = calibrated.calibrated_classifiers_[0]
        sigmoid = fitted.calibrators[0]
        a, b = float(sigmoid.a_), float(sigmoid.b_)
        scaler = fitted.estimator.named_steps["scale"]
        logreg = fitted.estimator.named_steps["logreg"]
        if list(logreg.classes_) != [0, 1] and list(logreg.classes_) != [False, True]:
            raise ModelError(f"the model was trained on unexpected classes {list(logreg.classes_)}")
        w, b0 = logreg.coef_[0], float(logreg.intercept_[0])
        if (weights := fitted.estimator.named_steps.get("weights")) is not None:  # not in older models
            w = w * weights.weights_
        return cls(
            coef=-a * w / scaler.scale_, mean=np.asarray(scaler.mean_, dtype=float), intercept=-a * b0 - b
        )

    def to_dict(self) -> dict:
        return {"intercept": self.intercept, "coef": self.coef.tolist(), "mean": self.mean.tolist()}

    @classmethod
    def from_dict(cls, data: dict) -> LinearMap:
        return cls(
            coef=np.asarray(data["coef"], dtype=float),
            mean=np.asarray(data["mean"], dtype=float),
            intercept=float(data["intercept"]),
        )

    def same_as(self, other: LinearMap) -> bool:
        return bool(
            np.allclose(self.coef, other.coef, rtol=1e-9, atol=1e-12)
            and np.allclose(self.mean, other.mean, rtol=1e-9, atol=1e-12)
            and math.isclose(self.intercept, other.intercept, rel_tol=1e-9, abs_tol=1e-12)
        )

    def terms(self, X: np.ndarray) -> np.ndarray:
        return self.coef * (np.asarray(X, dtype=float) - self.mean)

    def logits(self, X: np.ndarray) -> np.ndarray:
        return self.intercept + self.terms(X).sum(axis=1)


def expit(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


class FitModel:
    """A fitted model and its card: scores tagged documents with explanations.

    `card` is the content of `model.json`: version, how many deals it was trained on, feature names
    and training ranges, the recommendation rules, metrics. A model made by `train` or loaded with
    `load_model(full=True)` holds its scikit-learn `pipeline`; one loaded for scoring holds only its
    compiled scorer (the feature maker and the exact linear map, see `scorer()`), which gives the
    same scores without importing scikit-learn.
    """

    def __init__(self, pipeline, card: dict, path: str = ""):
        self.pipeline = pipeline
        self._features: FeatureMaker = pipeline.named_steps["features"]
        self._setup(LinearMap.of(pipeline), card, path)

    @classmethod
    def from_scorer(cls, scorer: dict, card: dict, path: str = "") -> FitModel:
        """The model as its compiled scorer (`scorer()` of a trained model): no scikit-learn needed."""
        model = cls.__new__(cls)
        model.pipeline = None
        try:
            model._features = FeatureMaker.fitted(scorer["features"], scorer["ceiling"])
            linear = LinearMap.from_dict(scorer["linear"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"the model's scorer is incomplete ({exc}); retrain the model") from exc
        if scorer.get("feature_names") != card.get("feature_names"):
            raise ModelError("the model's scorer does not match its card; retrain the model")
        model._setup(linear, card, path)
        return model

    def _setup(self, linear: LinearMap, card: dict, path: str) -> None:
        self.card = card
        self.path = path
        if card.get("features_version") != FEATURES_VERSION:
            raise ModelError(
                "the model was made by another version of triage (its features differ); "
                "retrain it with `triage train`"
            )
        self._map = linear
        self._names = [str(n) for n in self.features.get_feature_names_out()]
        if card.get("feature_names") and card["feature_names"] != self._names:
            raise ModelError("the model's features do not match this version of triage; retrain it")
        if len(self._map.coef) != len(self._names):
            raise ModelError("the model's coefficients do not match its features; retrain it")
        self.rules = {**DEFAULT_RULES, **card.get("rules", {})}
        self.out_of_fold: np.ndarray | None = None

    def scorer(self) -> dict:
        """Everything scoring needs, as plain JSON-ready data: feature parameters, the training
        ceiling and the linear map (equal, to rounding, to the pipeline's calibrated log-odds)."""
        return {
            "feature_names": self._names,
            "features": self._features.params(),
            "ceiling": np.asarray(self._features.ceiling_, dtype=float).tolist(),
            "linear": self._map.to_dict(),
        }

    @property
    def linear(self) -> LinearMap:
        return self._map

    @property
    def features(self) -> FeatureMaker:
        return self._features

    @property
    def info(self) -> ModelInfo:
        return ModelInfo(
            version=str(self.card["version"]), trained_on=int(self.card["trained_on"]), path=self.path
        )

    @property
    def feature_names(self) -> list[str]:
        return list(self._names)

    def predict_proba(self, docs: Sequence[TaggedDocument]) -> np.ndarray:
        """The calibrated probabilities of winning: from the scikit-learn pipeline where this model
        holds it, else from the compiled scorer (the same numbers, see `LinearMap`)."""
        if self.pipeline is not None:
            return self.pipeline.predict_proba(list(docs))[:, 1]
        return 1.0 / (1.0 + np.exp(-self.logits(docs)))

    def logits(self, docs: Sequence[TaggedDocument]) -> np.ndarray:
        """The log-odds of winning, from the explained linear map (equal to the pipeline's)."""
        return self._map.logits(self.features.transform(list(docs)))

    def score(self, tagged: TaggedDocument) -> FitReport:
        """The fit report of one tagged document (facts left empty: the pipeline adds them)."""
        raw = self.features.raw_transform([tagged])
        x = self.features.cap(raw)[0]
        terms = self._map.terms(x[None, :])[0]
        evidence = self.features.evidence(tagged)
        contributions = _contributions(self._names, x, terms, evidence, tagged.vertical.id)
        logit = self._map.intercept + float(sum(c.logit for c in contributions))
        probability = expit(logit)
        dimensions = {
            dim: float(sum(c.logit for c in contributions if c.dimension == dim)) for dim in DIMENSIONS
        }
        odd = self.unusual_features(raw[0])
        n_evidence = sum(len(tagged.active(t)) for t in REQUIREMENT_TAGS)
        low_confidence = n_evidence < self.rules["min_evidence"] or len(odd) >= self.rules["max_outside"]
        recommendation, reason = recommend(
            probability, dimensions, tagged, n_evidence=n_evidence, unusual=odd, rules=self.rules
        )
        return FitReport(
            tagged=tagged,
            score=round(100 * probability),
            probability=probability,
            recommendation=recommendation,
            reason=reason,
            dimensions=dimensions,
            contributions=contributions,
            facts={},
            model=self.info,
            low_confidence=low_confidence,
            intercept=self._map.intercept,
        )

    def unusual_features(self, x: np.ndarray) -> list[str]:
        """The features of `x` that lie well outside the range seen in training."""
        ranges = self.card.get("feature_ranges")
        if not ranges:
            return []
        low, high = np.asarray(ranges["min"], dtype=float), np.asarray(ranges["max"], dtype=float)
        margin = self.rules["outside_range"] * np.maximum(high - low, 1e-9)
        outside = (x < low - margin) | (x > high + margin)
        # a walk-away signal stated more often than in training is no reason to doubt the score (it is
        # capped, and a firmly stated one has its own rule)
        return [
            n
            for n, o in zip(self._names, outside, strict=True)
            if o and not n.startswith(("vertical.", "signal."))
        ]


def _contributions(names, x, terms, evidence, vertical: str) -> tuple[Contribution, ...]:
    """One Contribution per feature, the one-hot vertical folded into one, largest first."""
    out: list[Contribution] = []
    vertical_logit = 0.0
    for name, value, term in zip(names, x, terms, strict=True):
        if name.startswith("vertical."):
            vertical_logit += float(term)
            continue
        out.append(
            Contribution(
                feature=name,
                dimension=feature_dimension(name),
                value=float(value),
                logit=float(term),
                evidence=evidence.get(name, ()),
            )
        )
    out.append(
        Contribution(
            feature=f"vertical.{vertical}",
            dimension="context",
            value=1.0,
            logit=vertical_logit,
            evidence=evidence.get(f"vertical.{vertical}", ()),
        )
    )
    return tuple(sorted(out, key=lambda c: -abs(c.logit)))


def _stated_firmly(tagged: TaggedDocument, tag: str) -> bool:
    """A walk-away signal stated as a requirement outside boilerplate, or at least three times
    (a single passing mention is not enough to send a deal to a partner)."""
    spans = [s for s in tagged.active(tag) if not s.boilerplate]
    return any(s.modality == "mandatory" for s in spans) or len(spans) >= 3


def _quote(tagged: TaggedDocument, tag: str) -> str:
    spans = [s for s in tagged.active(tag) if not s.boilerplate] or list(tagged.active(tag))
    span = next((s for s in spans if s.modality == "mandatory"), spans[0])
    return f'"{span.text}", {span.location}'


def recommend(
    probability: float,
    dimensions: dict[str, float],
    tagged: TaggedDocument,
    *,
    n_evidence: int,
    unusual: Sequence[str] = (),
    rules: dict | None = None,
) -> tuple[Recommendation, str]:
    """The recommendation and the one sentence that says why.

    - `qualify_further`: the document is unlike the training deals, holds too little evidence, or the
      probability is in the middle;
    - `pursue_with_partner`: the fit is high but the buyer mandates another platform, part of the
      procurement is out of scope, or one dimension is clearly weak;
    - `pursue`: the fit is high; `walk_away`: the fit is low.
    """
    rules = {**DEFAULT_RULES, **(rules or {})}
    score = round(100 * probability)
    strongest = max(dimensions, key=dimensions.get)
    weakest = min(dimensions, key=dimensions.get)
    signals = [s for s in ("platform_mandate", "out_of_scope", "turnkey", "simple_site") if tagged.active(s)]
    if len(unusual) >= rules["max_outside"]:
        odd = ", ".join(unusual[:3])
        return (
            "qualify_further",
            f"Score {score}, but the document is unlike the deals the model learned from ({odd}); read it before deciding.",
        )
    if n_evidence < rules["min_evidence"] and not (signals and score < rules["walk_away_below"]):
        return (
            "qualify_further",
            f"Only {n_evidence} requirement mention(s) found, too little to judge the fit either way; ask the buyer for the detailed requirements.",
        )
    if score >= rules["pursue_at"]:
        partner = [s for s in PARTNER_SIGNALS if _stated_firmly(tagged, s)]
        if partner:
            what = (
                "mandates another platform"
                if partner[0] == "platform_mandate"
                else "includes work outside our scope"
            )
            return (
                "pursue_with_partner",
                f"Fit is high ({score}), but the buyer {what} ({_quote(tagged, partner[0])}); bid with a partner who covers it.",
            )
        if dimensions[weakest] <= rules["weak_dimension"]:
            return (
                "pursue_with_partner",
                f"Fit is high ({score}), but {weakest} is weak ({dimensions[weakest]:+.1f}); bid with a partner who covers it.",
            )
        return "pursue", f"Fit is high ({score}), strongest on {strongest} ({dimensions[strongest]:+.1f})."
    if score < rules["walk_away_below"]:
        if signals:
            return (
                "walk_away",
                f"Fit is low ({score}) and the buyer signals {signals[0].replace('_', ' ')} ({_quote(tagged, signals[0])}).",
            )
        return "walk_away", f"Fit is low ({score}), weakest on {weakest} ({dimensions[weakest]:+.1f})."
    return (
        "qualify_further",
        f"Fit is in the middle ({score}): strongest on {strongest} ({dimensions[strongest]:+.1f}), weakest on {weakest} ({dimensions[weakest]:+.1f}); qualify before bidding.",
    )


def check_enough(labels: Sequence[bool]) -> None:
    """Refuse, saying how many more deals are needed, when there are too few to train on."""
    n = len(labels)
    won = int(sum(bool(v) for v in labels))
    lost = n - won
    more_won, more_lost = max(0, MIN_PER_CLASS - won), max(0, MIN_PER_CLASS - lost)
    more = max(MIN_DEALS - n, more_won + more_lost)
    if more > 0:
        need = f"{more} more deal{'s' if more != 1 else ''}"
        parts = [
            p for p in (f"{more_won} won" if more_won else "", f"{more_lost} lost" if more_lost else "") if p
        ]
        detail = f" (at least {' and '.join(parts)})" if parts else ""
        raise TrainingError(
            f"{n} deals ({won} won, {lost} lost) are too few to train on: training needs at least "
            f"{MIN_DEALS} deals with {MIN_PER_CLASS} or more of each outcome; add {need}{detail}."
        )


def train(
    deals: Sequence[tuple[TaggedDocument, bool]],
    *,
    recipe: dict | None = None,
    source: str = "",
    folds: int = 5,
    seed: int = 0,
    cross_validate: bool = True,
    rules: dict | None = None,
) -> FitModel:
    """Train a fit model on (tagged document, won) pairs.

    With `cross_validate`, the card also holds out-of-fold metrics (AUC, Brier, log loss, reliability
    table) of the same recipe on the same deals. Raises TrainingError with too few deals.
    """
    from triage import __version__

    docs = [d for d, _ in deals]
    y = np.asarray([bool(w) for _, w in deals], dtype=int)
    check_enough(y.tolist())
    recipe = {**DEFAULT_RECIPE, **(recipe or {})}
    pipeline = build_pipeline(**recipe)
    pipeline.fit(docs, y)
    X = pipeline.named_steps["features"].raw_transform(docs)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    card = {
        "version": now.strftime("%Y%m%d-%H%M%S"),
        "created": now.isoformat(),
        "trained_on": len(docs),
        "won": int(y.sum()),
        "lost": int(len(y) - y.sum()),
        "source": source,
        "triage_version": __version__,
        "libraries": library_versions(),
        "recipe": recipe,
        "calibration": {"method": "sigmoid", "ensemble": False, "folds": CALIBRATION_FOLDS},
        "features_version": FEATURES_VERSION,
        "feature_names": [str(n) for n in pipeline.named_steps["features"].get_feature_names_out()],
        "feature_ranges": {
            "min": X.min(axis=0).tolist(),
            "max": X.max(axis=0).tolist(),
            "mean": X.mean(axis=0).tolist(),
        },
        "rules": {**DEFAULT_RULES, **(rules or {})},
        "training_sha256": sorted({d.document.sha256 for d in docs}),
    }
    out_of_fold = None
    if cross_validate:
        card["metrics"], out_of_fold = cross_validated(docs, y, recipe=recipe, folds=folds, seed=seed)
    model = FitModel(pipeline, card)
    model.out_of_fold = out_of_fold  # each training deal's probability from a model that did not see it
    return model


def card_recipe(card: dict) -> dict:
    """The recipe a model was made with, from its card: keys it predates get their old meaning, and
    keys this version does not know (a newer version's, a hand edit) are refused with a clear error."""
    recipe = card.get("recipe") or {}
    if not isinstance(recipe, dict) or (unknown := sorted(set(recipe) - set(DEFAULT_RECIPE))):
        raise ModelError(
            f"the model card's recipe has settings this version of triage does not know ({unknown or recipe!r}); "
            "upgrade triage or retrain the model"
        )
    return {**DEFAULT_RECIPE, **RECIPE_BEFORE, **recipe}


def cross_validated_metrics(
    docs, y, *, recipe: dict | None = None, folds: int = 5, seed: int = 0, split=None
) -> dict:
    """Out-of-fold AUC, Brier, log loss and reliability table of the recipe on these deals."""
    return cross_validated(docs, y, recipe=recipe, folds=folds, seed=seed, split=split)[0]


def cross_validated(docs, y, *, recipe: dict | None = None, folds: int = 5, seed: int = 0, split=None):
    """(metrics, out-of-fold probabilities) of the recipe on these deals, on `split` if given."""
    from triage.score import metrics

    y = np.asarray(y, dtype=int)
    split = split or metrics.splits(y, folds, seed)
    p = metrics.out_of_fold(recipe_fit_predict(docs, y, recipe=recipe), len(y), split)
    found = {
        **metrics.binary_metrics(y, p),
        "folds": len(split),
        "seed": seed,
        "reliability": metrics.reliability(y, p),
    }
    return found, p


def recipe_fit_predict(docs, y, *, recipe: dict | None = None):
    """`fit_predict(train, test)` for out-of-fold evaluation of this model's recipe."""
    docs = list(docs)
    y = np.asarray(y, dtype=int)

    def fit_predict(train_idx: np.ndarray, test_idx: np.ndarray) -> np.ndarray:
        pipeline = build_pipeline(**{**DEFAULT_RECIPE, **(recipe or {})})
        pipeline.fit([docs[i] for i in train_idx], y[train_idx])
        return pipeline.predict_proba([docs[i] for i in test_idx])[:, 1]

    return fit_predict


def library_versions() -> dict[str, str]:
    import platform
    from importlib.metadata import PackageNotFoundError, version

    versions = {"python": platform.python_version()}
    for name in ("scikit-learn", "numpy", "scipy", "skops", "joblib", "spacy"):
        with contextlib.suppress(PackageNotFoundError):
            versions[name] = version(name)
    return versions
