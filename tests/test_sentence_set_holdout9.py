"""Checks that the ninth held-out sentence set (tests/data/sentences_holdout9.jsonl) is well formed and
covers what the tagger is judged on, with the coverage minimums of the seventh set (its README section
says so): valid tag ids, modality and kind, ids numbered in order, the labelling invariants of
tests/data/README.md, the registers of real procurement documents (user stories, statements of work, RFI
questions, US federal wording, boilerplate), and no sentence (or near copy of one) shared with any other
sentence set. The checks themselves are those of the third and seventh sets, run here on this file with
this set's Spec; they read the file's shape and counts only, and no failure prints another set's text."""

from __future__ import annotations

import dataclasses

import pytest
from sentence_checks import check_modality_where
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

# the seventh set's own checks and minimums (registers, negation forms, prohibitions, refusals, user
# stories, the full counts table), run here on this set
from test_sentence_set_holdout7 import (  # noqa: F401
    MODAL_CUES,
    test_boilerplate_without_tags,
    test_every_row_of_the_readme_table_matches_the_file,
    test_negations_keep_the_modality_of_their_words,
    test_negations_vary_in_form,
    test_paraphrases_in_the_buyers_words,
    test_prohibitions_keep_their_tags,
    test_refused_customisation_is_labelled_turnkey,
    test_registers_of_real_procurement_documents,
    test_requirement_tags_have_more_positives,
    test_user_stories_take_the_modality_of_their_verb,
)
from test_sentence_set_holdout7 import SPEC as HOLDOUT7

# Coverage minimums: those of the seventh held-out set, as the README section "The ninth held-out set"
# says; only the file, the id prefix and the section whose table is compared differ.
SPEC = dataclasses.replace(
    HOLDOUT7,
    path=DATA / "sentences_holdout9.jsonl",
    prefix="h9-",
    section="## The ninth held-out set (sentences_holdout9.jsonl)",
)


@pytest.fixture(scope="module")
def spec() -> Spec:
    return SPEC


def test_the_minimums_are_the_seventh_sets() -> None:
    """Only the file, prefix and section differ from holdout7's Spec: the two figures are comparable."""
    differ = {f.name for f in dataclasses.fields(Spec) if getattr(SPEC, f.name) != getattr(HOLDOUT7, f.name)}
    assert differ == {"path", "prefix", "section"}


def test_sentences_without_any_modal_cue_are_info(records: list[dict]) -> None:  # noqa: F811
    """A background sentence, a scope line or a question with no requirement word carries no obligation."""
    check_modality_where(records, "info", lambda text: not MODAL_CUES.search(text))
