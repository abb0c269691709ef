"""Checks that the second held-out sentence set (tests/data/sentences_holdout2.jsonl) is well formed
and covers what the tagger is judged on: valid tag ids, modality and kind, unique ids, the labelling
invariants of tests/data/README.md, the coverage minimums of its README section, and no sentence (or
near copy of one) shared with the dev and first holdout sets. These checks read the file's shape and
counts only; nothing here tunes the tagger on its text."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from sentence_checks import (
    OtherTexts,
    check_no_copies,
    check_numbered,
    check_traps_and_negations,
    check_well_formed,
)
from test_sentence_set import DATA, KINDS, MODALITIES, load

from triage.types import ALL_TAGS

HOLDOUT2 = DATA / "sentences_holdout2.jsonl"
OTHERS = ("sentences_dev.jsonl", "sentences_holdout.jsonl", "sentences_tune.jsonl")
ID_PATTERN = re.compile(r"h2-\d{4}")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return load(HOLDOUT2)


@pytest.fixture(scope="module")
def other_texts() -> list[str]:
    texts = OtherTexts()
    for name in OTHERS:
        path = DATA / name
        if path.exists():
            texts += [rec["text"] for rec in load(path)]
    return texts


def test_records_are_well_formed(records: list[dict]) -> None:
    check_well_formed(records, ID_PATTERN)


def test_ids_are_unique_and_numbered_in_order(records: list[dict]) -> None:
    check_numbered(records, "h2-")


def test_traps_and_negations_say_what_they_are_about(records: list[dict]) -> None:
    check_traps_and_negations(records)


def test_no_sentence_is_repeated_or_copied_from_another_set(
    records: list[dict], other_texts: list[str]
) -> None:
    """Independent wording: no sentence twice, none from the other sets, none sharing 80 % of its
    words with one of theirs."""
    check_no_copies(records, other_texts)


def test_size_and_shares(records: list[dict]) -> None:
    assert len(records) >= 260
    untagged = sum(not rec["tags"] for rec in records) / len(records)
    assert 0.15 <= untagged <= 0.25
    modalities = Counter(rec["modality"] for rec in records)
    assert all(modalities[m] >= 25 for m in MODALITIES), modalities
    kinds = Counter(rec["kind"] for rec in records)
    assert all(kinds[k] >= 25 for k in KINDS), kinds
    assert sum(len(rec["tags"]) >= 2 for rec in records) >= 60
    with_number = sum(bool(re.search(r"\d[\d,.]*\s*(%|[a-z])", rec["text"].lower())) for rec in records)
    assert with_number >= 60


@pytest.mark.parametrize("tag", ALL_TAGS)
def test_every_tag_is_covered(records: list[dict], tag: str) -> None:
    assert sum(tag in rec["tags"] for rec in records) >= 10
    assert sum(rec["kind"] == "trap" and tag in rec.get("about", []) for rec in records) >= 3
    assert sum(rec["kind"] == "negation" and tag in rec.get("about", []) for rec in records) >= 2
