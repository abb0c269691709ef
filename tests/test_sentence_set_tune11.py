"""Checks that the tune11 training set (tests/data/sentences_tune11.jsonl) is well formed and does what it is
for: teach the per-tag text classifier the register of real procurement documents (US federal and state
RFPs, RFQs, PWS / SOW / SOO documents), where most sentences are boilerplate and the requirements come as
"The Contractor shall …" tasks, "The system shall …" rows, user stories and descriptions of how an office
works today. Valid tag ids, modality and kind, ids numbered in order, the labelling invariants of
tests/data/README.md, the coverage minimums of its README section, the six tags the tagger misses most in
that register (`workflow`, `security_ops`, `integration`, `multi_site`, `compliance`, `out_of_scope`) stated
often, the traps the task named, modality that follows the written cues, and no sentence (or near copy of
one) shared with any other sentence set. No failure prints another set's text."""

from __future__ import annotations

import re
from collections import Counter

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

# Coverage minimums, as written in the README section "tune11: the register of real procurement documents".
SPEC = Spec(
    path=DATA / "sentences_tune11.jsonl",
    prefix="t11-",
    section="## tune11: the register of real procurement documents",
    min_sentences=650,
    min_positives=8,
    min_traps=1,
    min_negations=1,
    min_per_modality=25,
    min_paraphrase_share=0.05,
    untagged_share=(0.35, 0.45),
    min_multi_tag=55,
    min_with_number=150,
)
FOCUS_TAGS = ("workflow", "security_ops", "integration", "multi_site", "compliance", "out_of_scope")
MIN_FOCUS_POSITIVES = 40  # tagged sentences per focus tag
MIN_FOCUS_TRAPS = 5  # traps whose `about` names the focus tag
MIN_TRAPS = 110  # procurement words in their other sense: panel workflow, staff clearances, badges, ...
MIN_NEGATIONS = 20
MIN_FRAGMENTS = 60  # headings, table headers and cells, clause titles: at most eight words and untagged
MIN_PROCESS_DESCRIPTIONS = 20  # how an office works today: `workflow` stated as background (`info`)

# The traps the task named, each present at least once as a trap about its tag that does not carry it.
NAMED_TRAPS = {
    "workflow of the evaluation": "workflow",
    "security clearance": "security_ops",
    "integration of the": "integration",
    "access badges": "access_control",
    "scale of the effort": "scale",
}
# Procurements that are not portal software, each bought at least once (`out_of_scope` positives).
NOT_PORTAL_SOFTWARE = {
    "bottled water": r"bottle",
    "infrastructure hosting only": r"\bIaaS\b|Infrastructure as a Service",
    "managed security services": r"managed security|\bMSSP\b|Security Operations Center as a service",
    "staff augmentation": r"staff augmentation|labor only|qualified labor",
    "office support": r"\bmail\b|visitor badges?",
    "construction": r"construct|renovat",
}
BOILERPLATE_OBLIGATION = re.compile(
    r"(The )?(Offerors?|Bidders?|Proposers?|Respondents?|Vendors?|Contractor|Provider|Consultant)"
    r"('s [a-z ]+)? (shall|must)\b",
    flags=re.IGNORECASE,
)
ANY_CUE = sentence_checks.ANY_CUE
MANDATORY_CUE = sentence_checks.MANDATORY_CUE
USER_STORY = re.compile(r"^As an? [^,]+, I want\b", flags=re.IGNORECASE)


@pytest.fixture(scope="module")
def spec() -> Spec:
    return SPEC


def about(rec: dict) -> list[str]:
    return rec.get("about", [])


@pytest.mark.parametrize("tag", FOCUS_TAGS)
def test_each_focus_tag_is_stated_often_and_imitated(records: list[dict], tag: str) -> None:  # noqa: F811
    positives = sum(tag in rec["tags"] for rec in records)
    traps = sum(rec["kind"] == "trap" and tag in about(rec) for rec in records)
    assert positives >= MIN_FOCUS_POSITIVES, (tag, positives)
    assert traps >= MIN_FOCUS_TRAPS, (tag, traps)


def test_enough_traps_and_negations(records: list[dict]) -> None:  # noqa: F811
    kinds = Counter(rec["kind"] for rec in records)
    assert kinds["trap"] >= MIN_TRAPS, kinds
    assert kinds["negation"] >= MIN_NEGATIONS, kinds


@pytest.mark.parametrize("phrase", sorted(NAMED_TRAPS))
def test_the_named_traps_are_there_untagged(records: list[dict], phrase: str) -> None:  # noqa: F811
    """ "Workflow of the evaluation panel", "security clearance of personnel" … name the tag's word in its
    procurement sense: a trap about the tag, without it."""
    tag = NAMED_TRAPS[phrase]
    found = [
        rec["id"]
        for rec in records
        if phrase in rec["text"].lower()
        and rec["kind"] == "trap"
        and tag in about(rec)
        and tag not in rec["tags"]
    ]
    assert found, phrase


@pytest.mark.parametrize("what", sorted(NOT_PORTAL_SOFTWARE))
def test_each_kind_of_non_software_procurement_is_out_of_scope(records: list[dict], what: str) -> None:  # noqa: F811
    pattern = re.compile(NOT_PORTAL_SOFTWARE[what], flags=re.IGNORECASE)
    bought = [rec["id"] for rec in records if pattern.search(rec["text"]) and "out_of_scope" in rec["tags"]]
    assert len(bought) >= 2, what


def test_process_descriptions_of_today_carry_workflow(records: list[dict]) -> None:  # noqa: F811
    """ "The Calendar Section schedules cases for trial and issues notices": a process told as background."""
    described = [rec["id"] for rec in records if "workflow" in rec["tags"] and rec["modality"] == "info"]
    assert len(described) >= MIN_PROCESS_DESCRIPTIONS, len(described)


def test_boilerplate_keeps_its_modality(records: list[dict]) -> None:  # noqa: F811
    """ "Offerors shall submit …" is boilerplate, untagged as a rule, but still `mandatory` (README)."""
    sentence_checks.check_modality_where(records, "mandatory", BOILERPLATE_OBLIGATION.match)


def test_sentences_without_a_modal_cue_are_info(records: list[dict]) -> None:  # noqa: F811
    sentence_checks.check_modality_where(records, "info", lambda text: not ANY_CUE.search(text))


def test_user_stories_are_desirable(records: list[dict]) -> None:  # noqa: F811
    """A user story's "I want" is `desirable` (holdout2's rule) unless a stronger cue stands in it."""
    sentence_checks.check_modality_where(
        records, "desirable", lambda text: USER_STORY.match(text) and not MANDATORY_CUE.search(text)
    )


def test_document_fragments_are_there_and_untagged(records: list[dict]) -> None:  # noqa: F811
    """Real documents are full of headings and table cells; the set must hold enough of them, untagged."""
    fragments = [rec for rec in records if len(rec["text"].split()) <= 8 and not rec["tags"]]
    assert len(fragments) >= MIN_FRAGMENTS, len(fragments)


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    extra = [
        ("user stories", sum(bool(USER_STORY.match(r["text"])) for r in recs)),
        ("`workflow` in `info`", sum("workflow" in r["tags"] and r["modality"] == "info" for r in recs)),
    ]
    return sentence_checks.count_rows(recs, extra=extra)


def test_readme_table_matches_every_count(records: list[dict]) -> None:  # noqa: F811
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))


def test_file_is_plain_json_lines() -> None:
    sentence_checks.check_plain_json_lines(SPEC.path)
