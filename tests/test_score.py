"""The fit model: features, exact explanations, recommendations, training limits and persistence.

Trains on hand-built tagged documents (triage.score.testing), so no spaCy and no files are needed."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from triage.errors import ModelError, TrainingError
from triage.score import TagFeatures, feature_names, load_model, recommend, save_model, train
from triage.score.model import DEFAULT_RECIPE, DEFAULT_RULES
from triage.score.persist import default_model_dir, sha256_file
from triage.score.testing import synthetic_deals, tagged_document


@pytest.fixture(scope="module")
def deals():
    return synthetic_deals(90, seed=3)


@pytest.fixture(scope="module")
def model(deals):
    return train([(d, w) for d, w, _ in deals], source="synthetic", folds=3)


@pytest.fixture(scope="module")
def saved(model, tmp_path_factory):
    directory = tmp_path_factory.mktemp("model") / "m"
    save_model(model, directory)
    return directory


def column(name: str) -> int:
    return feature_names().index(name)


# --- features -------------------------------------------------------------------------------


def test_negated_mentions_do_not_count():
    plain = tagged_document([("access_control", "mandatory")] * 3)
    negated = tagged_document([("access_control", "mandatory", {"negated": True})] * 3)
    X = TagFeatures().fit([plain]).transform([plain, negated])
    assert X[0, column("access_control.mandatory")] > 0
    assert X[1, column("access_control.mandatory")] == 0


def test_boilerplate_mentions_weigh_less_than_requirements():
    req = tagged_document([("compliance", "mandatory")] * 4)
    legal = tagged_document([("compliance", "mandatory", {"boilerplate": True})] * 4)
    X = TagFeatures().fit([req]).transform([req, legal])
    assert 0 < X[1, column("compliance.mandatory")] < X[0, column("compliance.mandatory")]


def test_mentions_are_scaled_by_length():
    short = tagged_document([("workflow", "mandatory")] * 5, words=1000)
    long = tagged_document([("workflow", "mandatory")] * 5, words=20000)
    X = TagFeatures().fit([short]).transform([short, long])
    assert X[0, column("workflow.mandatory")] > X[1, column("workflow.mandatory")]


def test_distinct_systems_and_largest_quantity():
    doc = tagged_document(
        [
            ("integration", "mandatory", {"text": "SAP"}),
            ("integration", "mandatory", {"text": "sap"}),
            ("integration", "desirable", {"text": "Salesforce"}),
            ("scale", "mandatory", {"text": "concurrent users", "quantity": 12000}),
            ("scale", "mandatory", {"text": "uptime", "quantity": 99.9}),
        ]
    )
    features = TagFeatures().fit([doc])
    x = features.transform([doc])[0]
    assert x[column("integration.systems")] == pytest.approx(math.log1p(2))
    assert x[column("scale.quantity")] == pytest.approx(math.log1p(12000))
    evidence = features.evidence(doc)
    assert [s.text for s in evidence["integration.systems"]] == ["SAP", "Salesforce"]
    assert evidence["scale.quantity"][0].quantity.value == 12000


def test_features_are_capped_at_the_training_ceiling():
    train_docs = [tagged_document([("scale", "mandatory", {"quantity": q})]) for q in (100, 5000)]
    features = TagFeatures().fit(train_docs)
    huge = tagged_document([("scale", "mandatory", {"quantity": 10**9})])
    assert features.raw_transform([huge])[0, column("scale.quantity")] == pytest.approx(math.log1p(10**9))
    assert features.transform([huge])[0, column("scale.quantity")] == pytest.approx(math.log1p(5000))


def test_a_quantity_that_is_not_a_number_is_ignored():
    doc = tagged_document(
        [("scale", "mandatory", {"quantity": float("nan")}), ("scale", "mandatory", {"quantity": 40})]
    )
    features = TagFeatures().fit([doc])
    assert features.transform([doc])[0, column("scale.quantity")] == pytest.approx(math.log1p(40))
    assert features.evidence(doc)["scale.quantity"][0].quantity.value == 40


def test_every_feature_has_a_name_and_a_dimension():
    features = TagFeatures().fit([tagged_document([])])
    names = list(features.get_feature_names_out())
    assert len(names) == len(set(names)) == features.transform([tagged_document([])]).shape[1]
    assert set(features.dimensions_) == {"complexity", "security", "enterprise", "signals", "context"}


# --- the model and its explanations ---------------------------------------------------------


def test_contributions_add_up_to_the_logit_of_the_probability(model, deals):
    docs = [d for d, _, _ in deals[:25]]
    probabilities = model.predict_proba(docs)
    for doc, p in zip(docs, probabilities, strict=True):
        report = model.score(doc)
        total = report.intercept + sum(c.logit for c in report.contributions)
        assert total == pytest.approx(math.log(p / (1 - p)), abs=1e-6)
        assert report.probability == pytest.approx(p, abs=1e-9)
        assert report.score == round(100 * p)
        dims = {d: sum(c.logit for c in report.contributions if c.dimension == d) for d in report.dimensions}
        assert report.dimensions == pytest.approx(dims)


def test_features_of_one_tag_or_vertical_weigh_less_than_dimension_totals(model):
    from triage.score.estimator import DetailWeights

    weights = DetailWeights(0.25).fit(np.zeros((1, len(feature_names())))).weights_
    named = dict(zip(feature_names(), weights, strict=True))
    assert named["integration.mandatory"] == named["scale.quantity"] == named["vertical.government"] == 0.25
    assert named["complexity.mandatory"] == named["signal.turnkey"] == named["context.log_words"] == 1.0
    assert model.card["recipe"]["detail_weight"] == DEFAULT_RECIPE["detail_weight"]
    with pytest.raises(ValueError, match="above 0"):
        DetailWeights(0).fit(np.zeros((1, len(feature_names()))))


def test_a_smaller_detail_weight_shrinks_the_tags_own_weights(deals):
    pairs = [(d, w) for d, w, _ in deals]
    detail = [i for i, n in enumerate(feature_names()) if n.startswith(("integration.", "workflow."))]
    spread = {}
    for weight in (1.0, 0.1):
        fitted = train(pairs, source="synthetic", cross_validate=False, recipe={"detail_weight": weight})
        scale = fitted.pipeline.named_steps["features"].raw_transform([d for d, _ in pairs]).std(axis=0)
        spread[weight] = (
            np.abs(fitted.linear.coef[detail] * scale[detail]).sum()
            / np.abs(fitted.linear.coef * scale).sum()
        )
    assert spread[0.1] < 0.5 * spread[1.0]


def test_a_model_made_before_detail_weights_still_explains_its_scores(deals):
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    from triage.score.model import LinearMap, card_recipe

    old = Pipeline(
        [
            ("features", TagFeatures()),
            (
                "classifier",
                CalibratedClassifierCV(
                    Pipeline([("scale", StandardScaler()), ("logreg", LogisticRegression(C=0.01))]),
                    method="sigmoid",
                    ensemble=False,
                    cv=3,
                ),
            ),
        ]
    )
    docs, y = [d for d, _, _ in deals], [int(w) for _, w, _ in deals]
    old.fit(docs, y)
    p = old.predict_proba(docs)[:, 1]
    linear = LinearMap.of(old)
    X = old.named_steps["features"].transform(docs)
    assert np.allclose(linear.logits(X), np.log(p / (1 - p)), atol=1e-6)
    assert card_recipe({"recipe": {"C": 0.01}})["detail_weight"] == 1.0
    assert card_recipe({})["detail_weight"] == 1.0
    with pytest.raises(ModelError, match="does not know"):
        card_recipe({"recipe": {"C": 0.01, "depth": 3}})


def test_the_model_learns_the_direction_of_fit(model):
    strong = tagged_document(
        [(t, "mandatory") for t in ("integration", "workflow", "access_control", "compliance", "scale")] * 6,
        vertical="government",
    )
    weak = tagged_document([("simple_site", "mandatory"), ("turnkey", "mandatory"), ("integration", "info")])
    assert model.score(strong).probability > model.score(weak).probability


def test_contributions_carry_their_evidence(model):
    doc = tagged_document(
        [("access_control", "mandatory", {"text": "SAML single sign-on"}), ("workflow", "mandatory")] * 3
    )
    report = model.score(doc)
    by_name = {c.feature: c for c in report.contributions}
    sso = by_name["access_control.mandatory"]
    assert sso.dimension == "security"
    assert [s.text for s in sso.evidence] == ["SAML single sign-on"] * 3
    assert sso.evidence[0].location == "p. 1"
    assert by_name["vertical.other"].dimension == "context"
    assert not any(
        c.feature.startswith("vertical.") and c.feature != "vertical.other" for c in report.contributions
    )


def test_training_refuses_too_few_deals_and_says_how_many_more(deals):
    with pytest.raises(TrainingError, match=r"20 deals .* add 10 more deals"):
        train([(d, w) for d, w, _ in deals[:20]])
    lopsided = [(d, True) for d, _, _ in deals[:37]] + [(d, False) for d, _, _ in deals[37:40]]
    with pytest.raises(TrainingError, match=r"add 5 more deals \(at least 5 lost\)"):
        train(lopsided)


# --- recommendations --------------------------------------------------------------------------

DIMS_OK = {"complexity": 0.8, "security": 0.5, "enterprise": 0.2}
PLENTY = [("integration", "mandatory")] * 5


@pytest.mark.parametrize(
    ("probability", "dims", "mentions", "expected", "words_in_reason"),
    [
        (0.85, DIMS_OK, PLENTY, "pursue", "strongest on complexity"),
        (
            0.85,
            DIMS_OK,
            [*PLENTY, ("platform_mandate", "mandatory", {"text": "built on Drupal"})],
            "pursue_with_partner",
            "built on Drupal",
        ),
        (0.85, DIMS_OK, [*PLENTY, ("out_of_scope", "mandatory")], "pursue_with_partner", "outside our scope"),
        (0.85, DIMS_OK, [*PLENTY, ("out_of_scope", "info", {"text": "desktops"})], "pursue", "Fit is high"),
        (
            0.85,
            DIMS_OK,
            [*PLENTY, *[("out_of_scope", "info")] * 3],
            "pursue_with_partner",
            "outside our scope",
        ),
        (0.85, {**DIMS_OK, "security": -1.6}, PLENTY, "pursue_with_partner", "security is weak"),
        (0.45, DIMS_OK, PLENTY, "qualify_further", "middle"),
        (0.85, DIMS_OK, [("integration", "mandatory")], "qualify_further", "Only 1 requirement"),
        (0.10, DIMS_OK, PLENTY, "walk_away", "Fit is low (10)"),
        (
            0.10,
            DIMS_OK,
            [("simple_site", "mandatory", {"text": "brochure site"})],
            "walk_away",
            "brochure site",
        ),
    ],
)
def test_recommendation(probability, dims, mentions, expected, words_in_reason):
    doc = tagged_document(mentions)
    n = sum(1 for m in mentions if m[0] in ("integration", "workflow"))
    recommendation, reason = recommend(probability, dims, doc, n_evidence=n)
    assert recommendation == expected
    assert words_in_reason in reason


def test_unusual_documents_are_low_confidence(model):
    report = model.score(tagged_document([("integration", "info")]))
    assert report.low_confidence and report.recommendation == "qualify_further"
    odd = tagged_document(
        [("integration", "mandatory", {"text": f"system {i}"}) for i in range(400)], words=400
    )
    unusual = model.unusual_features(model.features.raw_transform([odd])[0])
    assert len(unusual) >= DEFAULT_RULES["max_outside"]
    assert model.score(odd).low_confidence


# --- persistence -----------------------------------------------------------------------------


def test_a_saved_model_loads_and_scores_the_same(model, saved, deals):
    loaded = load_model(saved)
    full = load_model(saved, full=True)
    docs = [d for d, _, _ in deals[:15]]
    assert loaded.pipeline is None and full.pipeline is not None
    assert np.array_equal(full.predict_proba(docs), model.predict_proba(docs))
    # the compiled scorer is the pipeline's own map: the same probabilities to rounding
    assert np.allclose(loaded.predict_proba(docs), model.predict_proba(docs), rtol=0, atol=1e-12)
    for doc in docs[:5]:
        a, b = model.score(doc), loaded.score(doc)
        assert (a.score, a.probability, a.recommendation, a.contributions) == (
            b.score,
            b.probability,
            b.recommendation,
            b.contributions,
        )
    assert loaded.info.trained_on == 90 and loaded.info.path == str(saved)
    card = json.loads((saved / "model.json").read_text())
    assert card["sha256"] == sha256_file(saved / "model.skops")
    assert card["feature_names"] == feature_names()
    assert {"auc", "brier", "log_loss", "reliability"} <= set(card["metrics"])
    assert "scikit-learn" in card["libraries"]
    svg = ET.fromstring((saved / "reliability.svg").read_text())
    assert svg.tag.endswith("svg") and svg.findall(".//{http://www.w3.org/2000/svg}circle")
    assert "90 deals" in (saved / "MODEL_CARD.md").read_text()


def test_a_tampered_model_file_is_refused(saved, tmp_path):
    copy = tmp_path / "m"
    copy.mkdir()
    for f in saved.iterdir():
        (copy / f.name).write_bytes(f.read_bytes())
    data = bytearray((copy / "model.skops").read_bytes())
    data[len(data) // 2] ^= 0xFF
    (copy / "model.skops").write_bytes(bytes(data))
    with pytest.raises(ModelError, match="sha256"):
        load_model(copy)


def test_a_tampered_scorer_is_refused(saved, tmp_path):
    copy = tmp_path / "m"
    copy.mkdir()
    for f in saved.iterdir():
        (copy / f.name).write_bytes(f.read_bytes())
    scorer = json.loads((copy / "scorer.json").read_text())
    scorer["linear"]["intercept"] += 3.0  # every score would rise
    (copy / "scorer.json").write_text(json.dumps(scorer))
    with pytest.raises(ModelError, match=r"scorer\.json does not match the sha256"):
        load_model(copy)
    card = json.loads((copy / "model.json").read_text())
    card["scorer_sha256"] = sha256_file(copy / "scorer.json")  # someone also edits the card
    (copy / "model.json").write_text(json.dumps(card))
    assert load_model(copy).linear.intercept != load_model(saved).linear.intercept
    with pytest.raises(ModelError, match="not the model's own scorer"):
        load_model(copy, full=True)


def test_scoring_never_imports_scikit_learn(saved):
    code = (
        "import sys; from triage.score import load_model; "
        f"load_model({str(saved)!r}); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sklearn', 'skops', 'scipy')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_a_model_file_with_untrusted_types_is_refused(model, tmp_path):
    import skops.io as sio
    from sklearn.preprocessing import FunctionTransformer

    directory = save_model(model, tmp_path / "m")
    sio.dump(FunctionTransformer(func=os.system), directory / "model.skops")  # code a load would run
    card = json.loads((directory / "model.json").read_text())
    card["sha256"] = sha256_file(directory / "model.skops")
    (directory / "model.json").write_text(json.dumps(card))
    with pytest.raises(ModelError, match="does not trust"):
        load_model(directory, full=True)


def test_a_missing_model_says_how_to_train_one(tmp_path):
    with pytest.raises(ModelError, match="triage train"):
        load_model(tmp_path / "nothing")


def test_the_default_model_folder_follows_triage_model(monkeypatch, tmp_path):
    monkeypatch.setenv("TRIAGE_MODEL", str(tmp_path))
    assert default_model_dir() == tmp_path
    monkeypatch.delenv("TRIAGE_MODEL")
    assert default_model_dir().parts[-2:] == ("models", "default")


def test_a_model_made_with_other_features_is_refused(saved, tmp_path):
    copy = tmp_path / "m"
    copy.mkdir()
    for f in saved.iterdir():
        (copy / f.name).write_bytes(f.read_bytes())
    card = json.loads((copy / "model.json").read_text())
    card["features_version"] = card["features_version"] - 1
    (copy / "model.json").write_text(json.dumps(card))
    with pytest.raises(ModelError, match="retrain it"):
        load_model(copy)
