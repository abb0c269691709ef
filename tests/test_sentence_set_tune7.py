"""Checks that the tune7 training set (tests/data/sentences_tune7.jsonl) is well formed and does what it is
for: teach the per-tag text classifier the register of software requirement specifications of small and
medium products ("The product shall ...", "Only the administrator shall ..."), where security needs are
often stated without security words and most requirements are functional or non-functional needs that
carry no security tag. Valid tag ids, modality and kind, ids numbered in order, the labelling invariants
of tests/data/README.md, the coverage minimums of its README section, the checks of what the set exists
for, and no sentence (or near copy of one) shared with any other sentence set. No failure prints another
set's text.

This file holds the checks that are this set's own. Its Spec (`SPECS["tune7"]` in tests/sentence_sets.py:
its coverage minimums and which shared checks it takes) drives the checks it shares with other sets,
run by tests/test_sentence_sets.py (`pytest tests/test_sentence_sets.py -k tune7`)."""

from __future__ import annotations

import re

import pytest
import sentence_checks
from sentence_sets import README, SPECS, records_of

from triage.types import SECURITY_TAGS

SPEC = SPECS["tune7"]
records = records_of("tune7")

SECURITY_SHARE = (0.38, 0.50)  # sentences that state a security need or negate one
MIN_SECURITY_POSITIVES = 60  # each security tag
MIN_SECURITY_DECOYS = 8  # untagged traps about each security tag (access to a screen, a match log, ...)
MIN_WITHOUT_KEYWORDS = 200  # security-tagged sentences that use none of the words below
SECURITY_WORDS = re.compile(
    r"secur|access|authori|authent|permission|password|login|log[ -]?in|sign[ -]?in|signed in|sign[ -]?on",
    flags=re.IGNORECASE,
)
MIN_UNTAGGED_SHALL = 110  # plain / paraphrase "shall" requirements that carry no tag (usability, ...)


def is_security_related(rec: dict) -> bool:
    """States a security need, or negates one (a decoy trap with no security tag is not)."""
    if set(rec["tags"]) & set(SECURITY_TAGS):
        return True
    return rec["kind"] == "negation" and bool(set(rec["about"]) & set(SECURITY_TAGS))


def test_security_share_is_close_to_the_brief(records: list[dict]) -> None:
    share = sum(is_security_related(rec) for rec in records) / len(records)
    low, high = SECURITY_SHARE
    assert low <= share <= high, share


@pytest.mark.parametrize("tag", SECURITY_TAGS)
def test_each_security_tag_has_positives_and_untagged_decoys(records: list[dict], tag: str) -> None:
    positives = sum(tag in rec["tags"] for rec in records)
    decoys = sum(rec["kind"] == "trap" and not rec["tags"] and tag in rec["about"] for rec in records)
    assert positives >= MIN_SECURITY_POSITIVES, (tag, positives)
    assert decoys >= MIN_SECURITY_DECOYS, (tag, decoys)


def test_security_is_often_stated_without_security_words(records: list[dict]) -> None:
    """ "Only managers shall see salary figures": the set exists so the classifier learns these."""
    plain_words = [
        rec["id"]
        for rec in records
        if set(rec["tags"]) & set(SECURITY_TAGS) and not SECURITY_WORDS.search(rec["text"])
    ]
    assert len(plain_words) >= MIN_WITHOUT_KEYWORDS, len(plain_words)


def test_many_shall_requirements_carry_no_tag(records: list[dict]) -> None:
    """Usability, look and feel, maintainability, portability ...: requirement language but no tag."""
    untagged = [
        rec["id"]
        for rec in records
        if not rec["tags"] and rec["kind"] in ("plain", "paraphrase") and re.search(r"\bshall\b", rec["text"])
    ]
    assert len(untagged) >= MIN_UNTAGGED_SHALL, len(untagged)
    assert all(rec["modality"] == "mandatory" for rec in records if rec["id"] in set(untagged))


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    return sentence_checks.count_rows(recs, extra=[("security-related", sum(map(is_security_related, recs)))])


def test_readme_table_matches_every_count(records: list[dict]) -> None:
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))
