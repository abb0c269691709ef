"""Checks that the third held-out sentence set (tests/data/sentences_holdout3.jsonl) is well formed and
covers what the tagger is judged on: valid tag ids, modality and kind, ids numbered in order, the
labelling invariants of tests/data/README.md, the coverage minimums of its README section, and no
sentence (or near copy of one) shared with any other sentence set. These checks read the file's shape
and counts only; nothing here tunes the tagger on its text, and no failure prints another set's text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class Spec:
    """One held-out set and the coverage minimums its README section promises."""

    path: Path
    prefix: str  # of its ids: "h3-"
    section: str  # its README section's heading
    min_sentences: int
    min_positives: int
    min_traps: int
    min_negations: int
    min_per_modality: int = 25
    min_paraphrase_share: float = 0.25
    untagged_share: tuple[float, float] = (0.15, 0.30)
    min_multi_tag: int = 50
    min_with_number: int = 80


# Coverage minimums, as written in the README section "The third held-out set".
SPEC = Spec(
    path=DATA / "sentences_holdout3.jsonl",
    prefix="h3-",
    section="## The third held-out set (sentences_holdout3.jsonl)",
    min_sentences=420,
    min_positives=18,
    min_traps=5,
    min_negations=3,
)
README = DATA / "README.md"


@pytest.fixture(scope="module")
def spec() -> Spec:
    return SPEC


@pytest.fixture(scope="module")
def records(spec: Spec) -> list[dict]:
    return load(spec.path)


@pytest.fixture(scope="module")
def other_texts(spec: Spec) -> list[str]:
    """Every other sentences_*.jsonl beside this one (dev, holdout, holdout2, tune and any later set)."""
    texts = OtherTexts()
    for path in sorted(DATA.glob("sentences_*.jsonl")):
        if path != spec.path:
            texts += [rec["text"] for rec in load(path)]
    return texts


def test_records_are_well_formed(records: list[dict], spec: Spec) -> None:
    check_well_formed(records, re.compile(re.escape(spec.prefix) + r"\d{4}"))


def test_ids_are_unique_and_numbered_in_order(records: list[dict], spec: Spec) -> None:
    check_numbered(records, spec.prefix)


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


def test_size_and_shares(records: list[dict], spec: Spec) -> None:
    assert len(records) >= spec.min_sentences
    untagged = sum(not rec["tags"] for rec in records) / len(records)
    low, high = spec.untagged_share
    assert low <= untagged <= high, untagged
    modalities = Counter(rec["modality"] for rec in records)
    assert all(modalities[m] >= spec.min_per_modality for m in MODALITIES), modalities
    kinds = Counter(rec["kind"] for rec in records)
    assert set(kinds) == KINDS, kinds
    assert kinds["paraphrase"] / len(records) >= spec.min_paraphrase_share, kinds
    assert sum(len(rec["tags"]) >= 2 for rec in records) >= spec.min_multi_tag
    with_number = sum(bool(re.search(r"\d[\d,.]*\s*(%|[a-z])", rec["text"].lower())) for rec in records)
    assert with_number >= spec.min_with_number


def test_readme_counts_match_the_file(records: list[dict], spec: Spec) -> None:
    """The README section's counts table is regenerated when sentences are added, so it cannot drift."""
    text = README.read_text(encoding="utf-8")
    assert spec.section in text
    section = text.split(spec.section, 1)[1].split("\n## ", 1)[0]
    table = dict(re.findall(r"^\| (.+?) \| (\d+) \|$", section, flags=re.MULTILINE))
    assert table.get("sentences") == str(len(records)), table.get("sentences")
    for tag in ALL_TAGS:
        assert table.get(f"`{tag}` positive") == str(sum(tag in rec["tags"] for rec in records)), tag
    assert table.get("no tag") == str(sum(not rec["tags"] for rec in records))


@pytest.mark.parametrize("tag", ALL_TAGS)
def test_every_tag_is_covered(records: list[dict], spec: Spec, tag: str) -> None:
    assert sum(tag in rec["tags"] for rec in records) >= spec.min_positives
    assert sum(rec["kind"] == "trap" and tag in rec.get("about", []) for rec in records) >= spec.min_traps
    negations = sum(rec["kind"] == "negation" and tag in rec.get("about", []) for rec in records)
    assert negations >= spec.min_negations
