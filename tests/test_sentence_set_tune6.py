"""Checks that the tune6 training set (tests/data/sentences_tune6.jsonl) is well formed and does what it is
for: teach the per-tag text classifier to leave the rest of a real RFP alone (boilerplate, contract
clauses, instructions to offerors, staffing, headings, table cells, addresses) while keeping enough
document-style requirements that it does not unlearn the tags. Valid tag ids, modality and kind, ids
numbered in order, the labelling invariants of tests/data/README.md, the coverage minimums of its README
section, the procurement-sense decoy words it exists to cover, and no sentence (or near copy of one)
shared with any other sentence set. No failure prints another set's text."""

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

# Coverage minimums, as written in the README section "tune6: document-like text ...".
SPEC = Spec(
    path=DATA / "sentences_tune6.jsonl",
    prefix="t6-",
    section="## tune6: document-like text for the trained tag classifier",
    min_sentences=650,
    min_positives=6,
    min_traps=4,
    min_negations=2,
    min_per_modality=25,
    min_paraphrase_share=0.02,
    untagged_share=(0.60, 0.80),
    min_multi_tag=30,
    min_with_number=120,
)
MIN_TRAPS = 200  # sentences whose decoy word is a tag word in its procurement sense (tagged or not)
MIN_NEGATIONS = 40  # the README's forms: "is not required", "not part of", "need not", "excluded", Q&A "No"
MIN_FRAGMENTS = 60  # headings, table cells, page numbers: at most eight words and untagged
MIN_UNTAGGED_PER_DECOY = 5  # untagged sentences holding each procurement-sense word below
MIN_TAGGED_PER_DECOY = 3  # tagged sentences holding it, so the word is not learnt as "never a tag"
BOILERPLATE_OBLIGATION = re.compile(
    r"(The )?(Offerors?|Bidders?|Proposers?|Tenderers?|Respondents?|Vendors?|Contractor|Supplier|SI)"
    r"('s [a-z ]+)? (shall|must)\b",
    flags=re.IGNORECASE,
)
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


@pytest.fixture(scope="module")
def spec() -> Spec:
    return SPEC


def has_stem(text: str, stem: str) -> bool:
    return re.search(r"\b" + stem, text, flags=re.IGNORECASE) is not None


def test_enough_traps_and_negations(records: list[dict]) -> None:  # noqa: F811 (the imported fixture)
    kinds = Counter(rec["kind"] for rec in records)
    assert kinds["trap"] >= MIN_TRAPS, kinds
    assert kinds["negation"] >= MIN_NEGATIONS, kinds


def test_boilerplate_keeps_its_modality(records: list[dict]) -> None:  # noqa: F811
    """ "Offerors shall submit ..." is boilerplate, untagged as a rule, but still `mandatory` (README)."""
    sentence_checks.check_modality_where(records, "mandatory", BOILERPLATE_OBLIGATION.match)


def test_document_fragments_are_there_and_untagged(records: list[dict]) -> None:  # noqa: F811
    """Real documents are full of headings and table cells; the set must hold enough of them, untagged."""
    fragments = [rec for rec in records if len(rec["text"].split()) <= 8 and not rec["tags"]]
    assert len(fragments) >= MIN_FRAGMENTS, len(fragments)


@pytest.mark.parametrize("stem", DECOYS)
def test_each_decoy_word_is_seen_in_both_senses(records: list[dict], stem: str) -> None:  # noqa: F811
    untagged = sum(has_stem(rec["text"], stem) and not rec["tags"] for rec in records)
    tagged = sum(has_stem(rec["text"], stem) and bool(rec["tags"]) for rec in records)
    assert untagged >= MIN_UNTAGGED_PER_DECOY, (stem, untagged)
    assert tagged >= MIN_TAGGED_PER_DECOY, (stem, tagged)


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    return sentence_checks.count_rows(recs)


def test_readme_table_matches_every_count(records: list[dict]) -> None:  # noqa: F811
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))


def test_file_is_plain_json_lines() -> None:
    sentence_checks.check_plain_json_lines(SPEC.path)
