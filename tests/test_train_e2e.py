"""End to end on a tiny generated corpus: the real extraction and tagger, `triage train`, the saved
model loaded again, `triage evaluate`, and a fit report of one of the documents."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    """scripts/make_corpus.generate, or a skip saying which stage is missing."""
    for module in ("triage.extract", "triage.tag"):
        try:
            importlib.import_module(module)
        except ImportError as exc:
            pytest.skip(f"{module} is not importable yet ({exc})")
    from triage import tag

    if not hasattr(tag, "tag"):
        pytest.skip("triage.tag.tag is not there yet")
    script = ROOT / "scripts" / "make_corpus.py"
    if not script.is_file():
        pytest.skip("scripts/make_corpus.py is not there yet")
    sys.path.insert(0, str(script.parent))
    return importlib.import_module("make_corpus").generate


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory):
    generate = _generator()
    out = tmp_path_factory.mktemp("corpus")
    return generate(out, n=30, seed=7, max_pages=2)


def test_train_evaluate_and_score_a_generated_corpus(tiny_corpus, tmp_path, monkeypatch, capsys):
    from triage.cli import main
    from triage.score import load_model
    from triage.score.data import load_deals

    monkeypatch.setenv("TRIAGE_CACHE", str(tmp_path / "cache"))
    model_dir = tmp_path / "model"
    assert main(["train", str(tiny_corpus), "--out", str(model_dir), "--folds", "3", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert "Trained on 30 deals" in out

    model = load_model(model_dir)
    card = json.loads((model_dir / "model.json").read_text())
    assert card["trained_on"] == 30 and 0.0 <= card["metrics"]["auc"] <= 1.0

    assert (
        main(["evaluate", str(tiny_corpus), "--model", str(model_dir), "--folds", "3", "--format", "json"])
        == 0
    )
    result = json.loads(capsys.readouterr().out)
    assert {"triage model (CV)", "TF-IDF + logistic regression (CV)", "Bayes-optimal (true p_win)"} <= set(
        result["results"]
    )

    from triage.extract import extract
    from triage.tag import tag

    deal = load_deals(tiny_corpus)[0]
    report = model.score(tag(extract(deal.path)))
    assert 0 <= report.score <= 100
    assert report.recommendation in ("pursue", "pursue_with_partner", "qualify_further", "walk_away")
    total = report.intercept + sum(c.logit for c in report.contributions)
    assert total == pytest.approx(float(model.logits([report.tagged])[0]), abs=1e-9)
    assert any(c.evidence for c in report.contributions)
