"""Checks that the seventh held-out sentence set (tests/data/sentences_holdout7.jsonl) is well formed and
covers what the tagger is judged on: valid tag ids, modality and kind, ids numbered in order, the
labelling invariants of tests/data/README.md, the coverage minimums of its README section (registers of
real procurement documents included: user stories, statements of work, RFI questions, US federal wording,
boilerplate), and no sentence (or near copy of one) shared with any other sentence set. These checks read
the file's shape and counts only; nothing here tunes the tagger on its text, and no failure prints
another set's text."""

from __future__ import annotations

import re

import pytest
from sentence_checks import (
    check_negation_forms,
    check_negation_modality,
    check_paraphrases_tagged,
    check_prohibitions_tagged,
    check_readme_table,
    check_refusals_turnkey,
    count_rows,
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

README = DATA / "README.md"

# Coverage minimums, as written in the README section "The seventh held-out set".
SPEC = Spec(
    path=DATA / "sentences_holdout7.jsonl",
    prefix="h7-",
    section="## The seventh held-out set (sentences_holdout7.jsonl)",
    min_sentences=520,
    min_positives=20,  # every tag, walk-away signals included
    min_traps=5,
    min_negations=4,
    min_per_modality=30,
    untagged_share=(0.20, 0.30),
    min_multi_tag=70,
    min_with_number=130,
)
MIN_REQUIREMENT_POSITIVES = 28
MIN_PARAPHRASES = 135
MIN_NEGATION_FORMS = 17
MIN_PROHIBITIONS = 15
MIN_REFUSALS = 8
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
# The registers of real procurement documents this set holds, each with the least it must hold.
USER_STORY = re.compile(r"^(\S+ \| )*as an? [^,]+, i (want|need|would like)\b", re.IGNORECASE)
STATEMENT_OF_WORK = re.compile(r"\bthe contractor (shall|will)\b", re.IGNORECASE)
RFI_QUESTION = re.compile(r"^(rfi )?q\d*[:.]|^(describe|please (explain|describe|give))\b", re.IGNORECASE)
US_FEDERAL = re.compile(
    r"\b(fedramp|section 508|nist|login\.gov|offerors?|contracting officer|far \d|cor\b|clin)", re.IGNORECASE
)
REGISTER_MINIMUMS = {"user story": 25, "statement of work": 30, "RFI question": 20, "US federal wording": 35}
MIN_UNTAGGED_BOILERPLATE = 40  # untagged plain sentences: instructions, invoicing, clauses, evaluation
MODAL_CUES = re.compile(
    r"\b(shall|must|should|will|may|need|needs|needed|required|requires|require|is to be|are to be|preferred"
    r"|ideally|want|wants|would like|we'd like|would rather|looking for|mandatory|could|won't|optional"
    r"|desirable|has to|have to|expected|nice to have|nice-to-have|prefers)\b",
    re.IGNORECASE,
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
    """ "A broker must never see another firm's clients" states a need; the set holds enough of these,
    labelled with their tags, to catch a tagger that drops every sentence with "not"."""
    check_prohibitions_tagged(records, MIN_PROHIBITIONS)


def test_negations_keep_the_modality_of_their_words(records: list[dict]) -> None:  # noqa: F811
    """The README's modality rules hold on negations: "need not" is optional, a bare scope statement
    ("is out of scope", "is excluded", "is not part of this lot") with no requirement word is info."""
    check_negation_modality(records)


def test_refused_customisation_is_labelled_turnkey(records: list[dict]) -> None:  # noqa: F811
    """A refusal of customisation ("no custom development will be funded") is a negation about
    extensibility with a positive turnkey (README, "Labelling rules and decisions")."""
    check_refusals_turnkey(records, MIN_REFUSALS)


def test_registers_of_real_procurement_documents(records: list[dict]) -> None:  # noqa: F811
    """The set is written in the registers real documents use, not only numbered clauses and pains:
    user stories, statement-of-work task lists, RFI questions and US federal wording."""
    texts = [rec["text"] for rec in records]
    found = {
        "user story": sum(bool(USER_STORY.search(t)) for t in texts),
        "statement of work": sum(bool(STATEMENT_OF_WORK.search(t)) for t in texts),
        "RFI question": sum(bool(RFI_QUESTION.search(t)) for t in texts),
        "US federal wording": sum(bool(US_FEDERAL.search(t)) for t in texts),
    }
    short = {name: n for name, n in found.items() if n < REGISTER_MINIMUMS[name]}
    assert not short, short


def test_boilerplate_without_tags(records: list[dict]) -> None:  # noqa: F811
    """Instructions to offerors, invoicing, contract clauses and evaluation criteria fill real documents;
    the set holds enough of them, untagged and stated plainly, to count a tagger's false alarms."""
    boilerplate = [rec for rec in records if rec["kind"] == "plain" and not rec["tags"]]
    assert len(boilerplate) >= MIN_UNTAGGED_BOILERPLATE, len(boilerplate)


def test_user_stories_take_the_modality_of_their_verb(records: list[dict]) -> None:  # noqa: F811
    """README (holdout2, holdout4): a user story's "I want" / "I would like" is desirable, "I need" is
    mandatory, unless a stronger cue (shall, must) stands in the sentence."""
    for rec in records:
        match = USER_STORY.search(rec["text"])
        if not match or re.search(r"\b(shall|must)\b", rec["text"], re.IGNORECASE):
            continue
        expected = "mandatory" if match.group(2).lower() == "need" else "desirable"
        assert rec["modality"] == expected, rec["id"]


def test_sentences_without_any_modal_cue_are_info(records: list[dict]) -> None:  # noqa: F811
    """A background sentence, a scope line or a question with no requirement word carries no obligation."""
    wrong = [rec["id"] for rec in records if not MODAL_CUES.search(rec["text"]) and rec["modality"] != "info"]
    assert not wrong, wrong


def test_every_row_of_the_readme_table_matches_the_file(records: list[dict], spec: Spec) -> None:  # noqa: F811
    """Every row of the section's counts table (kinds, modalities, traps and negations per tag included),
    not only the rows the holdout3 check reads, so the table a reader trusts cannot drift."""
    check_readme_table(README, spec.section, count_rows(records))
