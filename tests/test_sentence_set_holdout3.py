"""Checks that the third held-out sentence set (tests/data/sentences_holdout3.jsonl) is well formed and
covers what the tagger is judged on: valid tag ids, modality and kind, ids numbered in order, the
labelling invariants of tests/data/README.md, the coverage minimums of its README section, and no
sentence (or near copy of one) shared with any other sentence set. These checks read the file's shape
and counts only; nothing here tunes the tagger on its text, and no failure prints another set's text."""

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
    words,
)
from test_sentence_set import DATA, KINDS, MODALITIES, load

from triage.types import ALL_TAGS

HOLDOUT3 = DATA / "sentences_holdout3.jsonl"
ID_PATTERN = re.compile(r"h3-\d{4}")

# Coverage minimums, as written in the README section "The third held-out set".
MIN_SENTENCES = 420
MIN_POSITIVES = 18
MIN_TRAPS = 5
MIN_NEGATIONS = 3
MIN_PER_MODALITY = 25
MIN_PARAPHRASE_SHARE = 0.25
UNTAGGED_SHARE = (0.15, 0.30)
MIN_MULTI_TAG = 50
MIN_WITH_NUMBER = 80
README = DATA / "README.md"
SECTION = "## The third held-out set (sentences_holdout3.jsonl)"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return load(HOLDOUT3)


@pytest.fixture(scope="module")
def other_texts() -> list[str]:
    """Every other sentences_*.jsonl beside this one (dev, holdout, holdout2, tune and any later set)."""
    texts = OtherTexts()
    for path in sorted(DATA.glob("sentences_*.jsonl")):
        if path != HOLDOUT3:
            texts += [rec["text"] for rec in load(path)]
    return texts


def test_records_are_well_formed(records: list[dict]) -> None:
    check_well_formed(records, ID_PATTERN)


def test_ids_are_unique_and_numbered_in_order(records: list[dict]) -> None:
    check_numbered(records, "h3-")


def test_traps_and_negations_say_what_they_are_about(records: list[dict]) -> None:
    check_traps_and_negations(records)


def test_no_sentence_is_repeated_or_copied_from_another_set(
    records: list[dict], other_texts: list[str]
) -> None:
    """Independent wording: no sentence twice, none from the other sets, none sharing 80 % of its
    words with one of theirs."""
    check_no_copies(records, other_texts)


def test_no_sentence_is_a_near_copy_of_another_in_this_set(records: list[dict]) -> None:
    bags = [(rec["id"], words(rec["text"])) for rec in records]
    close = [
        (a, b)
        for i, (a, own) in enumerate(bags)
        for b, other in bags[i + 1 :]
        if len(own & other) / len(own | other) >= 0.8
    ]
    assert not close, close


def test_size_and_shares(records: list[dict]) -> None:
    assert len(records) >= MIN_SENTENCES
    untagged = sum(not rec["tags"] for rec in records) / len(records)
    low, high = UNTAGGED_SHARE
    assert low <= untagged <= high, untagged
    modalities = Counter(rec["modality"] for rec in records)
    assert all(modalities[m] >= MIN_PER_MODALITY for m in MODALITIES), modalities
    kinds = Counter(rec["kind"] for rec in records)
    assert set(kinds) == KINDS, kinds
    assert kinds["paraphrase"] / len(records) >= MIN_PARAPHRASE_SHARE, kinds
    assert sum(len(rec["tags"]) >= 2 for rec in records) >= MIN_MULTI_TAG
    with_number = sum(bool(re.search(r"\d[\d,.]*\s*(%|[a-z])", rec["text"].lower())) for rec in records)
    assert with_number >= MIN_WITH_NUMBER


def test_readme_counts_match_the_file(records: list[dict]) -> None:
    """The README section's counts table is regenerated when sentences are added, so it cannot drift."""
    text = README.read_text(encoding="utf-8")
    assert SECTION in text
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    table = dict(re.findall(r"^\| (.+?) \| (\d+) \|$", section, flags=re.MULTILINE))
    assert table.get("sentences") == str(len(records)), table.get("sentences")
    for tag in ALL_TAGS:
        assert table.get(f"`{tag}` positive") == str(sum(tag in rec["tags"] for rec in records)), tag
    assert table.get("no tag") == str(sum(not rec["tags"] for rec in records))


@pytest.mark.parametrize("tag", ALL_TAGS)
def test_every_tag_is_covered(records: list[dict], tag: str) -> None:
    assert sum(tag in rec["tags"] for rec in records) >= MIN_POSITIVES
    assert sum(rec["kind"] == "trap" and tag in rec.get("about", []) for rec in records) >= MIN_TRAPS
    assert sum(rec["kind"] == "negation" and tag in rec.get("about", []) for rec in records) >= MIN_NEGATIONS
