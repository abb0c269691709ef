"""Checks that the fourth held-out sentence set (tests/data/sentences_holdout4.jsonl) is well formed and
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

HOLDOUT4 = DATA / "sentences_holdout4.jsonl"
ID_PATTERN = re.compile(r"h4-\d{4}")

# Coverage minimums, as written in the README section "The fourth held-out set".
MIN_SENTENCES = 450
MIN_POSITIVES = 20
MIN_TRAPS = 5
MIN_NEGATIONS = 4
MIN_PER_MODALITY = 25
MIN_PARAPHRASE_SHARE = 0.25
UNTAGGED_SHARE = (0.15, 0.30)
MIN_MULTI_TAG = 50
MIN_WITH_NUMBER = 80
MIN_NEGATION_FORMS = 7
MIN_PROHIBITIONS = 8
# Forms a negation takes in this set; a set whose negations all read "is not required" would test little.
NEGATION_FORMS = (
    "not required",
    "out of scope",
    "need not",
    "will not",
    "excluded",
    "not part of",
    "should not",
    "no ",
    "not needed",
    "not mandated",
    "not in scope",
)
# A negative word that does not negate the tag: a prohibition is itself the requirement.
PROHIBITION = re.compile(r"\b(must|shall|should) (not|never)\b|\bmust never\b|\bcannot have\b", re.IGNORECASE)
README = DATA / "README.md"
SECTION = "## The fourth held-out set (sentences_holdout4.jsonl)"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return load(HOLDOUT4)


@pytest.fixture(scope="module")
def other_texts() -> list[str]:
    """Every other sentences_*.jsonl beside this one (dev, tune and holdout sets, and any later set)."""
    texts = OtherTexts()
    for path in sorted(DATA.glob("sentences_*.jsonl")):
        if path != HOLDOUT4:
            texts += [rec["text"] for rec in load(path)]
    return texts


def test_records_are_well_formed(records: list[dict]) -> None:
    check_well_formed(records, ID_PATTERN)


def test_ids_are_unique_and_numbered_in_order(records: list[dict]) -> None:
    check_numbered(records, "h4-")


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


def test_negations_vary_in_form(records: list[dict]) -> None:
    negations = [rec["text"].lower() for rec in records if rec["kind"] == "negation"]
    forms = {form for form in NEGATION_FORMS if any(form in text for text in negations)}
    assert len(forms) >= MIN_NEGATION_FORMS, sorted(forms)


def test_prohibitions_keep_their_tags(records: list[dict]) -> None:
    """ "Users must not see other users' data" states an access-control need; the set holds enough of these,
    labelled with their tags, to catch a tagger that drops every sentence with "not" in it."""
    prohibitions = [
        rec for rec in records if rec["kind"] in ("plain", "paraphrase") and PROHIBITION.search(rec["text"])
    ]
    assert len(prohibitions) >= MIN_PROHIBITIONS, len(prohibitions)
    untagged = [rec["id"] for rec in prohibitions if not rec["tags"]]
    assert not untagged, untagged
