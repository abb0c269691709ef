"""The hand labels of sentences sampled from the real RFPs (tests/data/realdocs_labels.jsonl, made with
scripts/real_sentences.py): well formed, free of the RFPs' text (which stays in ../shared), split into
a validation and a test half, and, where ../shared is there, still pointing at the sentences that were
labelled."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import real_sentences  # noqa: E402

FIELDS = {"id", "file", "sha256", "passage", "start", "end", "text_sha1", "tags", "modality", "kind"}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return real_sentences.read_jsonl(real_sentences.LABELS)


def test_records_are_well_formed_and_carry_no_text(records: list[dict]) -> None:
    assert len(records) >= 700
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids)
    for rec in records:
        assert FIELDS <= rec.keys() <= FIELDS | {"about", "note"}, rec["id"]  # no "text": no copy of an RFP
        assert re.fullmatch(r"r-\d{4}", rec["id"])
        assert re.fullmatch(r"[0-9a-f]{64}", rec["sha256"]) and re.fullmatch(
            r"[0-9a-f]{40}", rec["text_sha1"]
        )
        assert 0 <= rec["start"] < rec["end"]
        # the labelling rules `merge` checks a new batch by: tags known and in order, a modality and a
        # kind, what a trap or negation is about, no negated tag also carried
        label = {k: rec[k] for k in ("id", *real_sentences.LABEL_FIELDS) if k in rec}
        assert real_sentences.label_problem(label) is None, rec["id"]


def test_the_halves_are_fixed_and_near_even(records: list[dict]) -> None:
    halves = [real_sentences.half(r["id"]) for r in records]
    assert 0.4 < halves.count("test") / len(halves) < 0.6
    assert real_sentences.half("r-0001") == real_sentences.half("r-0001")


def test_every_label_still_points_at_its_sentence(shared: Path) -> None:
    rows = real_sentences.labelled(shared)
    assert all(row["text"] and len(row["text"].split()) >= 3 for row in rows)


def test_merge_adds_labels_without_text_and_refuses_a_sentence_labelled_twice(tmp_path: Path) -> None:
    sample = tmp_path / "sample.jsonl"
    sentence = {"file": "a.pdf", "sha256": "0" * 64, "passage": "p1", "start": 0, "end": 20}
    rows = [
        {"id": "r-0002", **sentence, "text": "SSO shall be used."},
        {"id": "r-0003", **sentence, "text": "Bid by noon."},
    ]
    sample.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    labels.write_text(
        json.dumps({"id": "r-0003", "tags": [], "modality": "mandatory", "kind": "plain"})
        + "\n"
        + json.dumps({"id": "r-0002", "tags": ["access_control"], "modality": "mandatory", "kind": "plain"})
        + "\n",
        encoding="utf-8",
    )
    target = tmp_path / "realdocs.jsonl"
    first = {"id": "r-0001", **sentence, "start": 40, "text_sha1": "0" * 40, "tags": [], "modality": "info"}
    target.write_text(json.dumps(first), encoding="utf-8")  # no newline at the end: merge adds one

    real_sentences.merge(sample, [labels], target)

    merged = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in merged] == ["r-0001", "r-0002", "r-0003"]
    assert merged[1]["tags"] == ["access_control"] and "text" not in merged[1]
    assert merged[1]["text_sha1"] == real_sentences.sha1("SSO shall be used.")
    with pytest.raises(SystemExit, match="already in"):
        real_sentences.merge(sample, [labels], target)
    with pytest.raises(SystemExit, match="labelled twice"):
        real_sentences.merge(sample, [labels, labels], tmp_path / "other.jsonl")


@pytest.mark.parametrize(
    ("label", "refusal"),
    [
        ({"tags": ["scale", "integration"], "modality": "info", "kind": "plain"}, "out of order"),
        ({"tags": [], "modality": "must", "kind": "plain"}, "needs a modality"),
        ({"tags": [], "modality": "info", "kind": "negation"}, "without the tags"),
        ({"tags": ["scale"], "modality": "info", "kind": "negation", "about": ["scale"]}, "negates a tag"),
        ({"tags": [], "modality": "info", "kind": "plain", "text": "SSO shall be used."}, "fields other"),
        ({"tags": [], "modality": "info", "kind": "plain", "note": "as in 'SSO shall be used.'"}, "quotes"),
    ],
)
def test_merge_refuses_a_label_that_breaks_the_rules(tmp_path: Path, label: dict, refusal: str) -> None:
    sample = tmp_path / "sample.jsonl"
    row = {"id": "r-0002", "file": "a.pdf", "sha256": "0" * 64, "passage": "p1", "start": 0, "end": 18}
    sample.write_text(json.dumps({**row, "text": "SSO shall be used."}) + "\n", encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps({"id": "r-0002", **label}) + "\n", encoding="utf-8")
    target = tmp_path / "realdocs.jsonl"

    with pytest.raises(SystemExit, match=refusal):
        real_sentences.merge(sample, [labels], target)
    assert not target.exists()  # nothing written


def test_merge_refuses_a_sentence_already_labelled_or_another_version_of_a_file(tmp_path: Path) -> None:
    row = {"file": "a.pdf", "sha256": "0" * 64, "passage": "p1", "start": 0, "end": 18}
    target = tmp_path / "realdocs.jsonl"
    target.write_text(json.dumps({"id": "r-0001", **row}) + "\n", encoding="utf-8")
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps({"id": "r-0002", "tags": [], "modality": "info", "kind": "plain"}) + "\n")
    sample = tmp_path / "sample.jsonl"
    for changed, refusal in (
        ({}, "already labelled"),
        ({"start": 30, "sha256": "1" * 64}, "not the version"),
    ):
        sample.write_text(json.dumps({"id": "r-0002", **row, **changed, "text": "SSO shall be used."}) + "\n")
        with pytest.raises(SystemExit, match=refusal):
            real_sentences.merge(sample, [labels], target)


def test_an_attachment_is_judged_with_its_main_document() -> None:
    import train_tag_classifier as trainer

    for attachment, main in real_sentences.FAMILY.items():
        assert trainer.real_fold(attachment) == trainer.real_fold(main)
