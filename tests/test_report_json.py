"""The JSON fit report keeps the promise of cli.md: every key, the right types, valid JSON."""

from __future__ import annotations

import json
from dataclasses import replace

from test_report_samples import make_report

from triage.report import render, to_dict
from triage.types import ALL_TAGS, SIGNAL_TAGS

PROMISED = [
    "file",
    "sha256",
    "score",
    "probability",
    "recommendation",
    "reason",
    "dimensions",
    "vertical",
    "signals",
    "tags",
    "evidence",
    "facts",
    "model",
]


def test_promised_keys_come_first_in_the_promised_order():
    data = to_dict(make_report())
    assert list(data)[: len(PROMISED)] == PROMISED


def test_every_key_has_the_promised_type():
    data = json.loads(render(make_report(), "json"))
    assert data["file"] == "acme-portal-rfp.pdf"
    assert isinstance(data["sha256"], str) and len(data["sha256"]) == 64
    assert isinstance(data["score"], int) and 0 <= data["score"] <= 100
    assert isinstance(data["probability"], float) and 0 <= data["probability"] <= 1
    assert data["recommendation"] in {"pursue", "pursue_with_partner", "qualify_further", "walk_away"}
    assert isinstance(data["reason"], str) and data["reason"]
    assert set(data["dimensions"]) == {"complexity", "security", "enterprise"}
    assert all(isinstance(v, float | int) for v in data["dimensions"].values())
    assert data["vertical"]["id"] == "healthcare"
    assert data["vertical"]["evidence"][0]["text"] == "Department of Health"
    assert data["model"] == {"version": "2026.11-test", "trained_on": 33}
    for key in ("deadline", "budget", "pages", "words"):
        assert key in data["facts"]
    assert data["facts"]["deadline"] == "2026-03-15"
    assert data["facts"]["pages"] == 5 and isinstance(data["facts"]["words"], int)


def test_tags_list_every_tag_id_with_counts_that_skip_negated_mentions():
    tags = to_dict(make_report())["tags"]
    assert set(tags) == set(ALL_TAGS)
    assert tags["integration"]["count"] == 2 and tags["integration"]["mandatory"] == 2
    assert tags["access_control"]["count"] == 0  # "Single sign-on is not required"
    assert tags["access_control"]["negated"] == 1
    assert tags["multi_site"] == {"count": 1, "mandatory": 0, "negated": 0}
    assert tags["compliance"]["count"] == 0


def test_evidence_items_carry_the_promised_fields():
    data = to_dict(make_report())
    assert len(data["evidence"]) == 8
    for item in data["evidence"]:
        for key in ("tag", "text", "sentence", "page", "location", "modality", "negated", "quantity"):
            assert key in item
        assert item["sentence"][item["start"] : item["end"]] == item["text"]
    first = data["evidence"][0]
    assert first["quantity"] == {"value": 14.0, "unit": "systems", "text": "14 other systems"}
    negated = [e for e in data["evidence"] if e["negated"]]
    assert [e["tag"] for e in negated] == ["access_control"]


def test_signals_are_the_walk_away_mentions_that_count():
    signals = to_dict(make_report())["signals"]
    assert [s["tag"] for s in signals] == ["platform_mandate"]
    assert signals[0]["text"] == "built on WordPress" and signals[0]["page"] == 3
    assert all(s["tag"] in SIGNAL_TAGS for s in signals)


def test_extra_keys_explain_the_score():
    data = to_dict(make_report(low_confidence=True))
    assert data["low_confidence"] is True
    features = {c["feature"]: c for c in data["contributions"]}
    assert features["signal.platform_mandate"]["logit"] == -1.2
    assert features["integration.mandatory"]["evidence"] == 2


def test_json_is_one_line_and_survives_names_that_are_not_utf8():
    report = make_report()
    odd = replace(report.document, path="/inbox/caf\udce9 \udcff.pdf", metadata={"title": "x\ud800y"})
    report = replace(report, tagged=replace(report.tagged, document=odd))
    text = render(report, "json")
    assert "\n" not in text
    text.encode("utf-8")  # raises on a lone surrogate
    data = json.loads(text)
    assert data["file"].startswith("caf") and "\ufffd" in data["file"]


def test_non_finite_numbers_become_null_not_invalid_json():
    report = replace(make_report(), probability=float("nan"))
    data = json.loads(render(report, "json"))
    assert data["probability"] == 0.0
