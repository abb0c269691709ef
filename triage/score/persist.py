"""A model on disk: a folder with the fitted pipeline (skops), its card (JSON and Markdown) and a
reliability curve (SVG).

```
models/default/
  model.skops      the fitted scikit-learn pipeline, saved with skops.io (never pickle: loading a
                   pickle can run code; skops rebuilds only the types listed in TRUSTED_TYPES)
  scorer.json      the same model compiled for scoring: feature parameters, training ceiling and
                   the exact linear map of the calibrated log-odds (plain numbers, no code)
  model.json       the card: data, counts, date, versions, CV metrics, feature names, sha256 of
                   model.skops and of scorer.json
  MODEL_CARD.md    the same in words
  reliability.svg  predicted probability against the share of deals won, out of fold
```
At load, the sha256 of each file must match the one in `model.json`: a changed file is refused.

Scoring (`triage score`, the inbox) loads `scorer.json` only, so it never imports scikit-learn or
skops (about 1.5 s of a command's start-up on these machines). `load_model(full=True)` (train,
evaluate) loads the skops pipeline as well and checks that the scorer is the pipeline's own map; so
does `save_model`, before anything is written.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

from triage.atomic import write_atomic
from triage.errors import ModelError
from triage.hashing import sha256_file
from triage.score.metrics import json_safe
from triage.score.model import FitModel

MODEL_FILE = "model.skops"
SCORER_FILE = "scorer.json"
CARD_FILE = "model.json"
CARD_MD = "MODEL_CARD.md"
CURVE_FILE = "reliability.svg"

# Types skops may rebuild beyond its own defaults (scikit-learn's estimators, numpy arrays).
TRUSTED_TYPES = [
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "triage.score.estimator.TagFeatures",
    "triage.score.estimator.DetailWeights",
]


def default_model_dir() -> Path:
    """`$TRIAGE_MODEL` if set, else `models/default` beside the package."""
    import triage

    if env := os.environ.get("TRIAGE_MODEL"):
        return Path(env)
    return Path(triage.__file__).resolve().parent.parent / "models" / "default"


def save_model(model: FitModel, directory: str | Path) -> Path:
    """Write `model` into `directory` (created if needed; an existing model there is replaced)."""
    import skops.io as sio

    from triage.score.model import LinearMap

    if model.pipeline is None:
        raise ModelError("only a model that holds its pipeline can be saved (load it with full=True)")
    if not LinearMap.of(model.pipeline).same_as(model.linear):
        raise ModelError("the model's scorer is not its pipeline's own linear map; it is not saved")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    write_atomic(directory / MODEL_FILE, sio.dumps(model.pipeline))
    write_atomic(directory / SCORER_FILE, (json.dumps(json_safe(model.scorer())) + "\n").encode())
    card = {
        **model.card,
        "model_file": MODEL_FILE,
        "sha256": sha256_file(directory / MODEL_FILE),
        "scorer_file": SCORER_FILE,
        "scorer_sha256": sha256_file(directory / SCORER_FILE),
    }
    write_atomic(
        directory / CURVE_FILE, reliability_svg(card.get("metrics", {}).get("reliability", [])).encode()
    )
    write_atomic(directory / CARD_MD, card_markdown(card).encode())
    # the JSON card last: a folder whose card names the right sha256 is complete
    write_atomic(directory / CARD_FILE, (json.dumps(json_safe(card), indent=2) + "\n").encode())
    model.card = card
    model.path = str(directory)
    return directory


def load_model(directory: str | Path | None = None, *, full: bool = False) -> FitModel:
    """Load the model in `directory` (default: `default_model_dir()`), refusing a changed file.

    By default only the compiled scorer is read (what scoring needs, no scikit-learn); with `full`
    the skops pipeline too, refusing one that holds types outside TRUSTED_TYPES or whose linear map
    is not the scorer's.
    """
    directory = Path(directory) if directory is not None else default_model_dir()
    card_path, model_path, scorer_path = (
        directory / CARD_FILE,
        directory / MODEL_FILE,
        directory / SCORER_FILE,
    )
    if not card_path.is_file() or not model_path.is_file():
        raise ModelError(
            f"no model in {directory}; train one with `triage train DEALS --out {directory}`",
            path=str(directory),
        )
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"the model card {CARD_FILE} cannot be read ({exc})", path=str(directory)) from exc
    if not isinstance(card, dict) or not scorer_path.is_file() or "scorer_sha256" not in card:
        raise ModelError(
            "the model folder is incomplete or was made by an older triage; retrain it with `triage train`",
            path=str(directory),
        )
    for path, key in ((model_path, "sha256"), (scorer_path, "scorer_sha256")):
        if sha256_file(path) != card.get(key):
            raise ModelError(
                f"{path.name} does not match the sha256 in {CARD_FILE}: the model file was changed after "
                "it was saved, so it is refused; retrain the model or restore the original file",
                path=str(directory),
            )
    try:
        scorer = json.loads(scorer_path.read_text(encoding="utf-8"))
        compiled = FitModel.from_scorer(scorer, card, path=str(directory))
    except ModelError as exc:
        exc.path = exc.path or str(directory)
        raise
    except (OSError, ValueError) as exc:
        raise ModelError(f"{SCORER_FILE} cannot be read ({exc})", path=str(directory)) from exc
    if not full:
        return compiled
    return _load_pipeline(directory, model_path, card, compiled)


def _load_pipeline(directory: Path, model_path: Path, card: dict, compiled: FitModel) -> FitModel:
    import skops.io as sio

    try:
        untrusted = sio.get_untrusted_types(file=model_path)
    except Exception as exc:
        raise ModelError(f"the model file cannot be read ({exc})", path=str(directory)) from exc
    if unexpected := sorted(set(untrusted) - set(TRUSTED_TYPES)):
        raise ModelError(
            f"the model file holds types triage does not trust: {', '.join(unexpected[:5])}",
            path=str(directory),
        )
    try:
        model = FitModel(sio.load(model_path, trusted=TRUSTED_TYPES), card, path=str(directory))
    except ModelError:
        raise
    except Exception as exc:
        raise ModelError(
            f"the model cannot be loaded ({type(exc).__name__}: {exc}); retrain it", path=str(directory)
        ) from exc
    if not model.linear.same_as(compiled.linear):
        raise ModelError(
            f"{SCORER_FILE} is not the model's own scorer; retrain the model", path=str(directory)
        )
    return model


# --- the card in words and the reliability curve --------------------------------------------------


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return "-" if math.isnan(value) else f"{value:.3f}"
    return str(value)


def card_markdown(card: dict) -> str:
    """The model card in words, from the JSON card."""
    from triage.score.features import describe_feature

    m = card.get("metrics", {})
    lines = [
        f"# Fit model {card.get('version', '?')}",
        "",
        "Scores how well an RFP fits the ideal customer profile: the calibrated probability of winning, "
        "learned from won and lost deals, with every score explained by its features' contributions.",
        "",
        "## Data",
        f"- Trained on **{card.get('trained_on')} deals** ({card.get('won')} won, {card.get('lost')} lost) "
        f"from `{card.get('source') or 'unknown'}`.",
        f"- Created {card.get('created')} with triage {card.get('triage_version')}.",
        "- If the deals are the synthetic seed corpus (`corpus/`), the scores show how the model works, not "
        "how your market behaves: retrain on your own won and lost deals (`triage train`).",
        "",
        "## Model",
        "- One scikit-learn pipeline: tag features -> standard scaler -> weights (features of one tag or "
        "vertical weigh `detail_weight`, the dimension totals and signals 1) -> logistic regression "
        f"(recipe {card.get('recipe')}), calibrated with a sigmoid fitted on out-of-fold decision "
        "values (`CalibratedClassifierCV(method='sigmoid', ensemble=False)`), so that the calibrated "
        "log-odds stay linear and each score splits exactly into per-feature contributions.",
        f"- Saved with skops (`{card.get('model_file', MODEL_FILE)}`, sha256 `{card.get('sha256', '?')}`), "
        "checked at load.",
        "- Libraries: " + ", ".join(f"{k} {v}" for k, v in card.get("libraries", {}).items()) + ".",
        "",
        "## Cross-validated metrics",
    ]
    if m:
        lines += [
            f"{m.get('folds')}-fold stratified cross-validation on the training deals:",
            "",
            "| ROC AUC | Brier score | log loss |",
            "|---:|---:|---:|",
            f"| {_fmt(m.get('auc'))} | {_fmt(m.get('brier'))} | {_fmt(m.get('log_loss'))} |",
            "",
            "Reliability (out of fold): ![reliability curve](reliability.svg)",
            "",
            "| predicted | deals | mean predicted | share won |",
            "|---|---:|---:|---:|",
        ]
        lines += [
            f"| {r['low']:.1f}-{r['high']:.1f} | {r['n']} | {r['predicted']:.2f} | {r['observed']:.2f} |"
            for r in m.get("reliability", [])
        ]
    else:
        lines.append("Not measured.")
    if change := card.get("comparison"):
        lines += ["", "## What changed", change.get("summary", "")]
        if change.get("old") and change.get("new"):
            lines += [
                "",
                "| model | ROC AUC | Brier score | log loss |",
                "|---|---:|---:|---:|",
                *(
                    f"| {label} ({change[key].get('version', '')}) | {_fmt(change[key].get('auc'))} | "
                    f"{_fmt(change[key].get('brier'))} | {_fmt(change[key].get('log_loss'))} |"
                    for label, key in (("previous", "old"), ("this", "new"))
                ),
            ]
    rules = card.get("rules", {})
    lines += [
        "",
        "## How to read a score",
        "- The score is round(100 x calibrated probability of winning). Its log-odds are the intercept (a "
        "document average in every feature) plus one contribution per feature, measured against the "
        "average training deal; the complexity, security and enterprise sub-scores are the sums of their "
        "features' contributions (log-odds units). Every contribution lists the sentences it came from.",
        f"- Recommendation: `pursue` at a score of {rules.get('pursue_at')} or more, unless another platform "
        "is mandated or part of the work is out of scope (stated as a requirement, or three times), or a "
        f"dimension sums to {rules.get('weak_dimension')} or less: then `pursue_with_partner`; `walk_away` "
        f"below {rules.get('walk_away_below')}; `qualify_further` in between, with fewer than "
        f"{rules.get('min_evidence')} requirement mentions, or when {rules.get('max_outside')} or more features "
        "lie well outside the training range (low confidence).",
        "- Features are capped at the largest value seen in training, so a document unlike the training "
        "deals cannot push the score beyond what the model learned.",
    ]
    lines += ["", "## Features", ""]
    lines += [f"- `{n}`: {describe_feature(n)}" for n in card.get("feature_names", [])]
    return "\n".join(lines) + "\n"


def reliability_svg(rows: list[dict], size: int = 320) -> str:
    """The reliability curve as a small standalone SVG: predicted probability (x) against the share
    of deals won (y), one dot per bin sized by its number of deals, and the diagonal of perfect
    calibration."""
    pad, inner = 40, size - 60

    def xy(px: float, py: float) -> tuple[float, float]:
        return pad + px * inner, pad / 2 + (1 - py) * inner

    total = sum(r["n"] for r in rows) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
        'font-family="sans-serif" font-size="10">',
        "<title>Reliability curve: predicted probability against share of deals won</title>",
        f'<rect x="{pad}" y="{pad / 2}" width="{inner}" height="{inner}" fill="white" stroke="#999"/>',
        '<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#bbb" stroke-dasharray="4 3"/>'.format(
            *xy(0, 0), *xy(1, 1)
        ),
    ]
    for t in (0.0, 0.5, 1.0):
        x, y = xy(t, 0)
        parts.append(f'<text x="{x:.1f}" y="{y + 14:.1f}" text-anchor="middle">{t:.1f}</text>')
        x, y = xy(0, t)
        parts.append(f'<text x="{x - 6:.1f}" y="{y + 3:.1f}" text-anchor="end">{t:.1f}</text>')
    parts.append(
        f'<text x="{pad + inner / 2}" y="{size - 6}" text-anchor="middle">predicted probability</text>'
    )
    parts.append(
        f'<text x="10" y="{pad / 2 + inner / 2}" text-anchor="middle" transform="rotate(-90 10 {pad / 2 + inner / 2})">share won</text>'
    )
    points = [xy(r["predicted"], r["observed"]) for r in rows]
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#1f6feb" stroke-width="1.5"/>')
    for (x, y), r in zip(points, rows, strict=True):
        radius = 2.5 + 8 * math.sqrt(r["n"] / total)
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="#1f6feb" fill-opacity="0.6">'
            f"<title>{r['n']} deals: predicted {r['predicted']:.2f}, won {r['observed']:.2f}</title></circle>"
        )
    if not rows:
        parts.append(
            f'<text x="{pad + inner / 2}" y="{pad / 2 + inner / 2}" text-anchor="middle">not measured</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
