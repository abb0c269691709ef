"""Checks that the tune6 training set (tests/data/sentences_tune6.jsonl) is well formed and does what it is
for: teach the per-tag text classifier to leave the rest of a real RFP alone (boilerplate, contract
clauses, instructions to offerors, staffing, headings, table cells, addresses) while keeping enough
document-style requirements that it does not unlearn the tags. Valid tag ids, modality and kind, ids
numbered in order, the labelling invariants of tests/data/README.md, the coverage minimums of its README
section, the procurement-sense decoy words it exists to cover, and no sentence (or near copy of one)
shared with any other sentence set. No failure prints another set's text.

This file holds the checks that are this set's own. Its Spec (`SPECS["tune6"]` in tests/sentence_sets.py:
its coverage minimums and which shared checks it takes) drives the checks it shares with other sets,
run by tests/test_sentence_sets.py (`pytest tests/test_sentence_sets.py -k tune6`)."""

from __future__ import annotations

import re

import pytest
import sentence_checks
from sentence_sets import README, SPECS, records_of

SPEC = SPECS["tune6"]
records = records_of("tune6")

MIN_UNTAGGED_PER_DECOY = 5  # untagged sentences holding each procurement-sense word below
MIN_TAGGED_PER_DECOY = 3  # tagged sentences holding it, so the word is not learnt as "never a tag"
# Words the classifier fired on in their procurement sense (stems, matched at a word start).
DECOYS = (
    "develop",
    "suppl",
    "service",
    "provide",
    "application",
    "case",
    "claim",
    "office",
    "submi",
    "review",
    "approv",
    "request",
    "standard",
    "product",
    "portal",
    "access",
    "integrat",
    "secur",
    "scale",
    "site",
    "platform",
)


def has_stem(text: str, stem: str) -> bool:
    return re.search(r"\b" + stem, text, flags=re.IGNORECASE) is not None


@pytest.mark.parametrize("stem", DECOYS)
def test_each_decoy_word_is_seen_in_both_senses(records: list[dict], stem: str) -> None:
    untagged = sum(has_stem(rec["text"], stem) and not rec["tags"] for rec in records)
    tagged = sum(has_stem(rec["text"], stem) and bool(rec["tags"]) for rec in records)
    assert untagged >= MIN_UNTAGGED_PER_DECOY, (stem, untagged)
    assert tagged >= MIN_TAGGED_PER_DECOY, (stem, tagged)


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    return sentence_checks.count_rows(recs)


def test_readme_table_matches_every_count(records: list[dict]) -> None:
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))
