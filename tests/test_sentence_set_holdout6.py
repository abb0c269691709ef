"""Checks that the sixth held-out sentence set (tests/data/sentences_holdout6.jsonl) is well formed and
covers what the tagger is judged on: valid tag ids, modality and kind, ids numbered in order, the
labelling invariants of tests/data/README.md, the coverage minimums of its README section, and no
sentence (or near copy of one) shared with any other sentence set. These checks read the file's shape
and counts only; nothing here tunes the tagger on its text, and no failure prints another set's text."""

from __future__ import annotations

import pytest
from sentence_checks import (
    check_negation_forms,
    check_negation_modality,
    check_paraphrases_tagged,
    check_prohibitions_tagged,
    check_refusals_turnkey,
)
from test_sentence_set import DATA

# the checks of the third held-out set, run here with this set's Spec (their fixtures come along)
from test_sentence_set_holdout3 import (  # noqa: F401
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

from triage.types import REQUIREMENT_TAGS

# Coverage minimums, as written in the README section "The sixth held-out set".
SPEC = Spec(
    path=DATA / "sentences_holdout6.jsonl",
    prefix="h6-",
    section="## The sixth held-out set (sentences_holdout6.jsonl)",
    min_sentences=520,
    min_positives=20,  # every tag, walk-away signals included
    min_traps=5,
    min_negations=4,
    min_per_modality=30,
    untagged_share=(0.20, 0.30),
    min_multi_tag=65,
    min_with_number=120,
)
MIN_REQUIREMENT_POSITIVES = 28
MIN_PARAPHRASES = 135
MIN_NEGATION_FORMS = 16
MIN_PROHIBITIONS = 15
# Forms a negation takes in this set; a set whose negations all read "is not required" would test little.
NEGATION_FORMS = (
    "not required",
    "out of scope",
    "need not",
    "will not",
    "excluded",
    "not part of",
    "deferred",
    "procured separately",
    "won't have",
    "no requirement",
    "not sought",
    "not needed",
    "not in scope",
    "should not",
    "falls outside",
    "no longer",
    "neither",
    "no ",
)


@pytest.fixture(scope="module")
def spec() -> Spec:
    return SPEC


@pytest.mark.parametrize("tag", REQUIREMENT_TAGS)
def test_requirement_tags_have_more_positives(records: list[dict], tag: str) -> None:  # noqa: F811
    """The twelve requirement tags carry the score, so each has more positives than the signals need."""
    assert sum(tag in rec["tags"] for rec in records) >= MIN_REQUIREMENT_POSITIVES


def test_paraphrases_in_the_buyers_words(records: list[dict]) -> None:  # noqa: F811
    """Buyers' own words are where wording is newest; paraphrases carry tags (they are not traps)."""
    check_paraphrases_tagged(records, MIN_PARAPHRASES)


def test_negations_vary_in_form(records: list[dict]) -> None:  # noqa: F811 (the imported fixture)
    check_negation_forms(records, NEGATION_FORMS, MIN_NEGATION_FORMS)


def test_prohibitions_keep_their_tags(records: list[dict]) -> None:  # noqa: F811
    """ "A dealer must never be able to see another dealer's prices" states a need; the set holds enough
    of these, labelled with their tags, to catch a tagger that drops every sentence with "not"."""
    check_prohibitions_tagged(records, MIN_PROHIBITIONS)


def test_negations_keep_the_modality_of_their_words(records: list[dict]) -> None:  # noqa: F811
    """The README's modality rules hold on negations: "need not" is optional, a bare scope statement
    ("is out of scope", "is excluded", "is not part of this lot") with no requirement word is info."""
    check_negation_modality(records)


def test_refused_customisation_is_labelled_turnkey(records: list[dict]) -> None:  # noqa: F811
    """A refusal of customisation ("configured as delivered", "no bespoke code") is a negation about
    extensibility with a positive turnkey (README, "Labelling rules and decisions"); the set holds enough
    of them to show whether the tagger both drops the one and keeps the other."""
    check_refusals_turnkey(records, 8)
