"""How good a model's probabilities are: ROC AUC, Brier score, log loss and a reliability table,
computed out of fold on the same stratified splits for every model that is compared."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np

Splits = list[tuple[np.ndarray, np.ndarray]]


def splits(y: Sequence[bool], folds: int = 5, seed: int = 0) -> Splits:
    """Stratified k-fold splits (shuffled with `seed`); fewer folds where a class is too small."""
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(y, dtype=int)
    smallest = int(min(y.sum(), len(y) - y.sum()))
    k = max(2, min(folds, smallest))
    cv = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    return [(train, test) for train, test in cv.split(np.zeros(len(y)), y)]


def out_of_fold(
    fit_predict: Callable[[np.ndarray, np.ndarray], np.ndarray], n: int, folds: Splits
) -> np.ndarray:
    """Probabilities for every deal from a model that did not see it: `fit_predict(train, test)`
    fits on the `train` indices and returns probabilities of winning for the `test` indices."""
    p = np.full(n, np.nan)
    for train, test in folds:
        p[test] = fit_predict(train, test)
    return p


def binary_metrics(y: Sequence[bool], p: Sequence[float]) -> dict[str, float]:
    """ROC AUC, Brier score and log loss of probabilities `p` of winning for outcomes `y`."""
    from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

    y = np.asarray(y, dtype=int)
    p = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
    both = 0 < y.sum() < len(y)
    return {
        "auc": float(roc_auc_score(y, p)) if both else math.nan,
        "brier": float(brier_score_loss(y, p)),
        "log_loss": float(log_loss(y, p, labels=[0, 1])),
        "n": len(y),
        "won": int(y.sum()),
    }


def reliability(y: Sequence[bool], p: Sequence[float], bins: int = 10) -> list[dict[str, float]]:
    """The reliability table: per bin of predicted probability, how many deals, the mean predicted
    probability and the share actually won. Empty bins are left out."""
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    edges = np.linspace(0, 1, bins + 1)
    index = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    rows = []
    for b in range(bins):
        mask = index == b
        if mask.any():
            rows.append(
                {
                    "low": float(edges[b]),
                    "high": float(edges[b + 1]),
                    "n": int(mask.sum()),
                    "predicted": float(p[mask].mean()),
                    "observed": float(y[mask].mean()),
                }
            )
    return rows


def baseline_fit_predict(
    texts: Sequence[str], y: Sequence[bool]
) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    """The plain-text baseline: TF-IDF of the raw words + logistic regression, as a `fit_predict`."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    texts = list(texts)
    y = np.asarray(y, dtype=int)

    def fit_predict(train: np.ndarray, test: np.ndarray) -> np.ndarray:
        model = make_pipeline(
            TfidfVectorizer(sublinear_tf=True, min_df=2, max_features=50000, ngram_range=(1, 2)),
            LogisticRegression(C=10.0, max_iter=2000),
        )
        model.fit([texts[i] for i in train], y[train])
        return model.predict_proba([texts[i] for i in test])[:, 1]

    return fit_predict


def format_table(rows: list[list[object]], header: list[str]) -> str:
    """A plain text table with aligned columns (numbers to 3 decimals)."""

    def cell(v: object) -> str:
        if isinstance(v, float):
            return "-" if math.isnan(v) else f"{v:.3f}"
        return str(v)

    text = [[cell(v) for v in row] for row in [header, *rows]]
    widths = [max(len(r[i]) for r in text) for i in range(len(header))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in text
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def json_safe(value: object) -> object:
    """`value` with every NaN replaced by None, so that it is valid JSON."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return value
