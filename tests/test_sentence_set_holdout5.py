"""Checks that the fifth held-out sentence set (tests/data/sentences_holdout5.jsonl) is well formed and
covers what the tagger is judged on: valid tag ids, modality and kind, ids numbered in order, the
labelling invariants of tests/data/README.md, the coverage minimums of its README section, and no
sentence (or near copy of one) shared with any other sentence set. These checks read the file's shape
and counts only; nothing here tunes the tagger on its text, and no failure prints another set's text."""

from __future__ import annotations

import pytest
from sentence_checks import check_negation_forms, check_negation_modality, check_prohibitions_tagged
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

# Coverage minimums, as written in the README section "The fifth held-out set".
SPEC = Spec(
    path=DATA / "sentences_holdout5.jsonl",
    prefix="h5-",
    section="## The fifth held-out set (sentences_holdout5.jsonl)",
    min_sentences=500,
    min_positives=20,
    min_traps=5,
    min_negations=4,
    min_multi_tag=60,
    min_with_number=80,
)
MIN_NEGATION_FORMS = 14
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


def test_negations_vary_in_form(records: list[dict]) -> None:  # noqa: F811 (the imported fixture)
    check_negation_forms(records, NEGATION_FORMS, MIN_NEGATION_FORMS)


def test_prohibitions_keep_their_tags(records: list[dict]) -> None:  # noqa: F811
    """ "A broker's users must never see another firm's quotes" states an access-control need; the set holds
    enough of these, labelled with their tags, to catch a tagger that drops every sentence with "not"."""
    check_prohibitions_tagged(records, MIN_PROHIBITIONS)


def test_negations_keep_the_modality_of_their_words(records: list[dict]) -> None:  # noqa: F811
    """The README's modality rules hold on negations: "need not" is optional, a bare scope statement
    ("is out of scope", "is excluded", "is not part of this lot") with no requirement word is info."""
    check_negation_modality(records)
