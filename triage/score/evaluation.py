"""Side-by-side evaluation on the same folds: our recipe, a saved model, the TF-IDF baseline and,
for the synthetic corpus, the Bayes-optimal scores from the generator's true probabilities; and the
rule that decides whether a newly trained model may replace the current one."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from triage.score import metrics
from triage.score.model import FitModel, cross_validated
from triage.types import TaggedDocument

# A new model replaces the current one unless it is worse by more than this (noise allowance)
REPLACE_TOLERANCE = {"auc": 0.005, "brier": 0.005}
# The old model is compared on the deals it has not seen only if at least this many of each outcome
MIN_UNSEEN = 10


def document_text(tagged: TaggedDocument) -> str:
    """The raw body text of a document, for the plain-text baseline."""
    return "\n".join(p.text for p in tagged.document.body)


def true_probabilities(rows: Sequence[dict[str, str]]) -> np.ndarray | None:
    """The `p_win` column (true win probabilities of synthetic deals), if every row has one."""
    try:
        values = np.asarray([float(r["p_win"]) for r in rows], dtype=float)
    except (KeyError, TypeError, ValueError):
        return None
    return values if len(values) and np.all((values >= 0) & (values <= 1)) else None


def evaluate_deals(
    docs: Sequence[TaggedDocument],
    y: Sequence[bool],
    *,
    folds: int = 5,
    seed: int = 0,
    recipe: dict | None = None,
    model: FitModel | None = None,
    p_true: np.ndarray | None = None,
    baseline: bool = True,
) -> dict:
    """Metrics of every contender on the same stratified folds, as a dict (JSON-ready)."""
    docs, y = list(docs), np.asarray(y, dtype=int)
    split = metrics.splits(y, folds, seed)
    ours, _ = cross_validated(docs, y, recipe=recipe, split=split, seed=seed)
    rows: dict[str, dict] = {"triage model (CV)": {k: v for k, v in ours.items() if k != "reliability"}}
    if model is not None:
        seen = set(model.card.get("training_sha256", []))
        overlap = sum(d.document.sha256 in seen for d in docs)
        p_model = model.predict_proba(docs)
        rows[f"saved model {model.info.version}"] = {
            **metrics.binary_metrics(y, p_model),
            "saw_in_training": overlap,
        }
    if baseline:
        texts = [document_text(d) for d in docs]
        p_base = metrics.out_of_fold(metrics.baseline_fit_predict(texts, y), len(y), split)
        rows["TF-IDF + logistic regression (CV)"] = metrics.binary_metrics(y, p_base)
    if p_true is not None:
        rows["Bayes-optimal (true p_win)"] = metrics.binary_metrics(y, p_true)
    return {
        "deals": len(y),
        "won": int(y.sum()),
        "folds": len(split),
        "seed": seed,
        "results": rows,
        "reliability": ours["reliability"],
    }


def format_evaluation(result: dict) -> str:
    """The evaluation as a plain text table and the reliability table of our model."""
    table = metrics.format_table(
        [[name, r["auc"], r["brier"], r["log_loss"]] for name, r in result["results"].items()],
        ["model", "ROC AUC", "Brier", "log loss"],
    )
    lines = [
        f"{result['deals']} deals ({result['won']} won), {result['folds']}-fold stratified cross-validation "
        f"(seed {result['seed']}), every model on the same folds:",
        "",
        table,
    ]
    notes = [
        f"  {n}: saw {r['saw_in_training']} of these deals in training, so its figures are optimistic"
        for n, r in result["results"].items()
        if r.get("saw_in_training")
    ]
    lines += notes
    lines += ["", "Reliability of the triage model (out of fold):", ""]
    lines.append(
        metrics.format_table(
            [
                [f"{r['low']:.1f}-{r['high']:.1f}", r["n"], r["predicted"], r["observed"]]
                for r in result["reliability"]
            ],
            ["predicted", "deals", "mean predicted", "share won"],
        )
    )
    return "\n".join(lines)


def compare_models(
    new: FitModel,
    new_p: np.ndarray,
    old: FitModel,
    docs: Sequence[TaggedDocument],
    y: Sequence[bool],
) -> dict:
    """Should `new` replace `old`? Only if it is not worse (AUC and Brier, within REPLACE_TOLERANCE).

    The new model is judged by its out-of-fold probabilities `new_p` on the new deals (each deal
    scored by a model that did not see it). The old model is judged on the same deals, scored as it
    is, but only on those it was not trained on (its scores on the others would flatter it), when at
    least MIN_UNSEEN of each outcome are left. Otherwise (the usual case when retraining on the same
    deals plus a few more) no fair comparison on the same deals exists, and the new cross-validated
    figures are set against the old model's own cross-validated figures from its card."""
    y = np.asarray(y, dtype=int)
    seen = set(old.card.get("training_sha256", []))
    unseen = np.asarray([d.document.sha256 not in seen for d in docs])
    ys = y[unseen]
    if ys.sum() >= MIN_UNSEEN and len(ys) - ys.sum() >= MIN_UNSEEN:
        m_old = metrics.binary_metrics(
            ys, old.predict_proba([d for d, u in zip(docs, unseen, strict=True) if u])
        )
        m_new = metrics.binary_metrics(ys, np.asarray(new_p)[unseen])
        basis = f"on the {int(unseen.sum())} deals the previous model had not seen"
    elif old.card.get("metrics"):
        m_old = {k: old.card["metrics"].get(k, math.nan) for k in ("auc", "brier", "log_loss", "n", "won")}
        m_old = {k: math.nan if v is None else v for k, v in m_old.items()}
        m_new = metrics.binary_metrics(y, new_p)
        basis = (
            f"cross-validated, set against the previous model's own cross-validated figures "
            f"(it was trained on {int((~unseen).sum())} of these {len(y)} deals, so scoring them again would flatter it)"
        )
    else:
        return {
            "replace": True,
            "summary": f"Replaces {old.info.version}, whose card holds no metrics to compare with.",
            "old": {"version": old.info.version, "trained_on": old.info.trained_on},
            "new": {
                **metrics.binary_metrics(y, new_p),
                "version": new.info.version,
                "trained_on": new.info.trained_on,
            },
        }
    worse = []
    if not math.isnan(m_old["auc"]) and m_new["auc"] < m_old["auc"] - REPLACE_TOLERANCE["auc"]:
        worse.append(f"AUC {m_new['auc']:.3f} < {m_old['auc']:.3f}")
    if not math.isnan(m_old["brier"]) and m_new["brier"] > m_old["brier"] + REPLACE_TOLERANCE["brier"]:
        worse.append(f"Brier {m_new['brier']:.3f} > {m_old['brier']:.3f}")
    verdict = (
        f"worse than the previous model ({'; '.join(worse)})"
        if worse
        else f"not worse than the previous model (AUC {m_new['auc']:.3f} vs {m_old['auc']:.3f}, "
        f"Brier {m_new['brier']:.3f} vs {m_old['brier']:.3f})"
    )
    return {
        "replace": not worse,
        "summary": f"{'Replaces' if not worse else 'Compared with'} {old.info.version}: the new model is {verdict}, {basis}.",
        "old": {**m_old, "version": old.info.version, "trained_on": old.info.trained_on},
        "new": {**m_new, "version": new.info.version, "trained_on": new.info.trained_on},
        "basis": basis,
    }
