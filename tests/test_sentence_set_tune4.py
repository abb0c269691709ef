"""Checks that the tune4 training set (tests/data/sentences_tune4.jsonl) is well formed and varied enough
to train the per-tag text classifier: valid tag ids, modality and kind, ids numbered in order, the
labelling invariants of tests/data/README.md, the coverage minimums of its README section (positives,
traps and negations per tag, the share of each kind), negations of many forms, prohibitions that keep
their tags, and no sentence (or near copy of one) shared with any other sentence set. No failure prints
another set's text."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import sentence_checks
from sentence_checks import check_negation_forms
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

# Coverage minimums, as written in the README section "tune4: a training set ...".
SPEC = Spec(
    path=DATA / "sentences_tune4.jsonl",
    prefix="t4-",
    section="## tune4: a training set for the trained tag classifier",
    min_sentences=600,
    min_positives=25,
    min_traps=6,
    min_negations=5,
    min_per_modality=40,
    min_paraphrase_share=0.20,
    untagged_share=(0.15, 0.25),
    min_multi_tag=80,
    min_with_number=80,
)
TRAP_SHARE = (0.15, 0.20)
NEGATION_SHARE = (0.12, 0.15)
MIN_MIXED_NEGATIONS = 20  # a negation that states another tag beside the one it negates
MIN_PROHIBITIONS = 20  # "must never approve their own claims": a trap that keeps its tags
MIN_NEGATION_FORMS = 15
# Forms a negation takes in this set: a classifier that only ever saw "is not required" learns little.
NEGATION_FORMS = (
    "not required",
    "out of scope",
    "need not",
    "will not",
    "excluded",
    "not part of",
    "deferred",
    "procured separately",
    "n/a",
    "won't have",
    "no longer",
    "neither",
    "falls outside",
    "do not want",
    "no requirement",
    "handled by",
    "not in scope",
    "not sought",
    "should not",
)
PROHIBITION = re.compile(r"\b(must|shall|should|may|will|can) (not|never)\b|\bmust never\b|\bcannot\b", re.I)


@pytest.fixture(scope="module")
def spec() -> Spec:
    return SPEC


def test_kinds_are_balanced(records: list[dict]) -> None:  # noqa: F811 (the imported fixture)
    kinds = Counter(rec["kind"] for rec in records)
    for kind, (low, high) in (("trap", TRAP_SHARE), ("negation", NEGATION_SHARE)):
        assert low <= kinds[kind] / len(records) <= high, (kind, kinds[kind], len(records))


def test_negations_vary_in_form(records: list[dict]) -> None:  # noqa: F811
    check_negation_forms(records, NEGATION_FORMS, MIN_NEGATION_FORMS)


def test_mixed_negations_keep_the_stated_tag(records: list[dict]) -> None:  # noqa: F811
    """ "SSO is not required, but the portal must serve 5,000 users" negates one tag and states another."""
    mixed = [rec for rec in records if rec["kind"] == "negation" and rec["tags"]]
    assert len(mixed) >= MIN_MIXED_NEGATIONS, len(mixed)


def test_prohibitions_keep_their_tags(records: list[dict]) -> None:  # noqa: F811
    """A prohibition ("users must never approve their own claims") is the requirement itself: such a
    sentence is a trap whose decoy tag is also among its labels, never a negation of it."""
    prohibitions = [
        rec
        for rec in records
        if rec["kind"] == "trap" and PROHIBITION.search(rec["text"]) and set(rec["about"]) & set(rec["tags"])
    ]
    assert len(prohibitions) >= MIN_PROHIBITIONS, len(prohibitions)


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    return sentence_checks.count_rows(recs)


def test_readme_table_matches_every_count(records: list[dict]) -> None:  # noqa: F811
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))


def test_file_is_plain_json_lines() -> None:
    sentence_checks.check_plain_json_lines(SPEC.path)
