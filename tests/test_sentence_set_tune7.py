"""Checks that the tune7 training set (tests/data/sentences_tune7.jsonl) is well formed and does what it is
for: teach the per-tag text classifier the register of software requirement specifications of small and
medium products ("The product shall ...", "Only the administrator shall ..."), where security needs are
often stated without security words and most requirements are functional or non-functional needs that
carry no security tag. Valid tag ids, modality and kind, ids numbered in order, the labelling invariants
of tests/data/README.md, the coverage minimums of its README section, the checks of what the set exists
for, and no sentence (or near copy of one) shared with any other sentence set. No failure prints another
set's text."""

from __future__ import annotations

import re

import pytest
import sentence_checks
from test_sentence_set import DATA

# the checks of the third held-out set, run here with this set's Spec (their fixtures come along)
from test_sentence_set_holdout3 import (  # noqa: F401
    README,
    Spec,
    other_texts,
    records,
    test_every_tag_is_covered,
    test_ids_are_unique_and_numbered_in_order,
    test_no_sentence_is_a_near_copy_of_another_in_this_set,
    test_no_sentence_is_repeated_or_copied_from_another_set,
    test_readme_counts_match_the_file,
    test_records_are_well_formed,
    test_size_and_shares,
    test_traps_and_negations_say_what_they_are_about,
)

from triage.types import SECURITY_TAGS

# Coverage minimums, as written in the README section "tune7: software requirement specifications ...".
SPEC = Spec(
    path=DATA / "sentences_tune7.jsonl",
    prefix="t7-",
    section="## tune7: software requirement specifications (SRS) register",
    min_sentences=650,
    min_positives=6,
    min_traps=2,
    min_negations=1,
    min_per_modality=30,
    min_paraphrase_share=0.10,
    untagged_share=(0.30, 0.50),
    min_multi_tag=50,
    min_with_number=80,
)
SECURITY_SHARE = (0.38, 0.50)  # sentences that state a security need or negate one
MIN_SECURITY_POSITIVES = 60  # each security tag
MIN_SECURITY_DECOYS = 8  # untagged traps about each security tag (access to a screen, a match log, ...)
MIN_WITHOUT_KEYWORDS = 200  # security-tagged sentences that use none of the words below
SECURITY_WORDS = re.compile(
    r"secur|access|authori|authent|permission|password|login|log[ -]?in|sign[ -]?in|signed in|sign[ -]?on",
    flags=re.IGNORECASE,
)
MIN_UNTAGGED_SHALL = 110  # plain / paraphrase "shall" requirements that carry no tag (usability, ...)
MIN_NEGATIONS = 40
NEED_NOT = re.compile(r"\bneed not\b", flags=re.IGNORECASE)
STRONGER_CUE = re.compile(r"\b(shall|must|required|should)\b", flags=re.IGNORECASE)


@pytest.fixture(scope="module")
def spec() -> Spec:
    return SPEC


def is_security_related(rec: dict) -> bool:
    """States a security need, or negates one (a decoy trap with no security tag is not)."""
    if set(rec["tags"]) & set(SECURITY_TAGS):
        return True
    return rec["kind"] == "negation" and bool(set(rec["about"]) & set(SECURITY_TAGS))


def test_security_share_is_close_to_the_brief(records: list[dict]) -> None:  # noqa: F811 (imported fixture)
    share = sum(is_security_related(rec) for rec in records) / len(records)
    low, high = SECURITY_SHARE
    assert low <= share <= high, share


@pytest.mark.parametrize("tag", SECURITY_TAGS)
def test_each_security_tag_has_positives_and_untagged_decoys(records: list[dict], tag: str) -> None:  # noqa: F811
    positives = sum(tag in rec["tags"] for rec in records)
    decoys = sum(rec["kind"] == "trap" and not rec["tags"] and tag in rec["about"] for rec in records)
    assert positives >= MIN_SECURITY_POSITIVES, (tag, positives)
    assert decoys >= MIN_SECURITY_DECOYS, (tag, decoys)


def test_security_is_often_stated_without_security_words(records: list[dict]) -> None:  # noqa: F811
    """ "Only managers shall see salary figures": the set exists so the classifier learns these."""
    plain_words = [
        rec["id"]
        for rec in records
        if set(rec["tags"]) & set(SECURITY_TAGS) and not SECURITY_WORDS.search(rec["text"])
    ]
    assert len(plain_words) >= MIN_WITHOUT_KEYWORDS, len(plain_words)


def test_many_shall_requirements_carry_no_tag(records: list[dict]) -> None:  # noqa: F811
    """Usability, look and feel, maintainability, portability ...: requirement language but no tag."""
    untagged = [
        rec["id"]
        for rec in records
        if not rec["tags"] and rec["kind"] in ("plain", "paraphrase") and re.search(r"\bshall\b", rec["text"])
    ]
    assert len(untagged) >= MIN_UNTAGGED_SHALL, len(untagged)
    assert all(rec["modality"] == "mandatory" for rec in records if rec["id"] in set(untagged))


def test_negations_are_many_and_need_not_is_optional(records: list[dict]) -> None:  # noqa: F811
    negations = [rec for rec in records if rec["kind"] == "negation"]
    assert len(negations) >= MIN_NEGATIONS, len(negations)
    wrong = [
        rec["id"]
        for rec in records
        if NEED_NOT.search(rec["text"])
        and not STRONGER_CUE.search(rec["text"])
        and rec["modality"] != "optional"
    ]
    assert not wrong, wrong


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    return sentence_checks.count_rows(recs, extra=[("security-related", sum(map(is_security_related, recs)))])


def test_readme_table_matches_every_count(records: list[dict]) -> None:  # noqa: F811
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))


def test_file_is_plain_json_lines() -> None:
    sentence_checks.check_plain_json_lines(SPEC.path)
