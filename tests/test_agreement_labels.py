"""The second annotators' labels that scripts/agreement.py measures agreement with: well formed, free of
any text (the written sentences stay in their sets, PROMISE in ../shared), and pointing at the
sentences and requirements they label; and the agreement figures computed as documented."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from typing import get_args  # noqa: E402

import agreement  # noqa: E402

from triage.types import ALL_TAGS, SECURITY_TAGS, Modality  # noqa: E402


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_promise_labels_carry_ids_and_security_tags_only() -> None:
    rows = read(agreement.PROMISE_LABELS)
    assert len(rows) == 370
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids, key=int)
    for r in rows:
        assert r.keys() == {"id", "tags"}, r  # no text: PROMISE stays in ../shared
        assert r["tags"] == [t for t in SECURITY_TAGS if t in r["tags"]], r


def test_promise_labels_are_the_non_functional_requirements(shared: Path) -> None:
    with (shared / "bench" / "promise_nfr.csv").open(encoding="utf-8", newline="") as fh:
        non_functional = {r["id"] for r in csv.DictReader(fh) if r["label"].strip() != "F"}
    assert {r["id"] for r in read(agreement.PROMISE_LABELS)} == non_functional


def test_second_labels_point_at_tuning_sentences() -> None:
    if not agreement.SECOND.is_file():
        pytest.skip("no second labels of the written sentences")
    rows = read(agreement.SECOND)
    known = {
        item["id"] for name in agreement.SOURCES for item in read(agreement.DATA / f"sentences_{name}.jsonl")
    }
    assert len(rows) >= 300
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r.keys() == {"id", "tags", "modality"}, r
        assert r["id"] in known
        assert r["tags"] == [t for t in ALL_TAGS if t in r["tags"]], r
        assert r["modality"] in get_args(Modality)


def test_agreement_figures() -> None:
    first = [{"scale"}, {"scale", "compliance"}, set(), {"workflow"}]
    second = [{"scale"}, {"compliance"}, {"workflow"}, set()]
    figures = agreement.per_tag(first, second, ("scale", "compliance", "workflow", "turnkey"))
    assert (figures["scale"]["tp"], figures["scale"]["fp"], figures["scale"]["fn"]) == (1, 0, 1)
    assert figures["compliance"]["f1"] == 1.0
    assert (figures["workflow"]["tp"], figures["workflow"]["fp"], figures["workflow"]["fn"]) == (0, 1, 1)
    both = agreement.summary(figures)
    assert both["macro_f1"] == pytest.approx((2 / 3 + 1.0 + 0.0) / 3, abs=1e-4)  # turnkey: on neither side
    assert both["micro_f1"] == pytest.approx(2 * 2 / (2 * 2 + 1 + 2), abs=1e-4)
