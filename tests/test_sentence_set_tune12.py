"""Checks that the tune12 training set (tests/data/sentences_tune12.jsonl) is well formed and does what it is
for: teach the tagger negation in the register of real procurement documents (US statements of work and
PWS, requirement tables with answer cells, RFI questions and answers, scope and exclusion lists, phased
scope), where a need that a sentence negates or excludes must not count, and a need that only looks negated
("shall not be granted without a second factor", "no less than 12,000 sessions", "staff cannot see …")
must. Valid tag ids, modality and kind, ids numbered in order, the labelling invariants of
tests/data/README.md, the coverage minimums of its README section, every tag negated often, the register's
forms present, the decisions of the section ("Mandatory: No" keeps the need as optional, "need not" is
optional, bare scope statements are `info`, today's pain is tagged), modality that follows the written cues,
and no sentence (or near copy of one) shared with any other sentence set. No failure prints another set's
text.

This file holds the checks that are this set's own. Its Spec (`SPECS["tune12"]` in tests/sentence_sets.py:
its coverage minimums and which shared checks it takes) drives the checks it shares with other sets,
run by tests/test_sentence_sets.py (`pytest tests/test_sentence_sets.py -k tune12`)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import sentence_checks
from sentence_checks import about
from sentence_sets import SPECS, records_of

SPEC = SPECS["tune12"]
records = records_of("tune12")

MIN_NEGATION_SHARE = 0.5  # of the set: most sentences negate or exclude something
MIN_NEGATIONS_KEEPING_A_TAG = 85  # "SSO is not required, but the portal shall …" keeps the other tag
MIN_MULTI_NEGATIONS = 10  # scope lists that exclude two or more tags at once

# The register's forms the task named, each present at least this often (case-insensitive).
FORMS = {
    "statement of work: the Contractor shall not / is not required": (
        r"\b(Contractor|Offerors?|Vendors?) (shall not|is not required|need not|will not)",
        10,
    ),
    "answer cells: Required / Mandatory / In scope / Applicable answered": (
        r"(Required|Mandatory|In scope|Applicable|Optional|Desirable|Phase \d)\W{0,3}\s*(No|Yes|N/A)\b",
        10,
    ),
    "not applicable / N/A": (r"\bN/A\b|not applicable", 2),
    "RFI question and answer": (r"^(Q\d*|Question \d+):.*\b(A\d*|Answer):", 8),
    "scope lists": (
        r"^(Out of scope|Excluded|Exclusions|Scope exclusions|The following are|Not included|Items excluded)",
        8,
    ),
    "phased scope": (r"phase|later release|future (years|phase)|deferred", 8),
    "reluctance": (r"would rather not|would prefer not|rather not", 5),
    "double negatives": (
        r"not without|cannot be done without|no less than|not true that|without a|unless it",
        5,
    ),
    "conditionals": (r"^(If no|Unless)\b|\bunless\b", 5),
    "today's pain": (r"cannot|no way|nobody|none of|there is no", 10),
}
NEED_NOT = re.compile(r"\bneed not\b", flags=re.IGNORECASE)
# cues of the README's rules stronger than "need not" (mandatory or desirable)
STRONGER_CUE = re.compile(
    r"\b(shall|must|requir\w*|needs|needed|has to|is to be|mandat\w*|should|prefer\w*|desir\w*|ideally"
    r"|would rather|wants?)\b",
    flags=re.IGNORECASE,
)
ANY_CUE = sentence_checks.ANY_CUE
BARE_SCOPE = re.compile(r"^(Out of scope|Excluded|Exclusions|Scope exclusions|Not included|Items excluded)\b")
MANDATORY_NO = re.compile(r"Mandatory: No\b(?!.*In scope: No)")


def test_most_sentences_negate_and_many_keep_another_tag(records: list[dict]) -> None:
    negations = [rec for rec in records if rec["kind"] == "negation"]
    assert len(negations) / len(records) >= MIN_NEGATION_SHARE, len(negations)
    keeping = [rec["id"] for rec in negations if rec["tags"]]
    assert len(keeping) >= MIN_NEGATIONS_KEEPING_A_TAG, len(keeping)
    several = [rec["id"] for rec in negations if len(about(rec)) >= 2]
    assert len(several) >= MIN_MULTI_NEGATIONS, len(several)


@pytest.mark.parametrize("form", sorted(FORMS))
def test_each_form_of_the_register_is_there(records: list[dict], form: str) -> None:
    pattern, minimum = FORMS[form]
    found = [rec["id"] for rec in records if re.search(pattern, rec["text"], flags=re.IGNORECASE)]
    assert len(found) >= minimum, (form, len(found))


def test_mandatory_no_keeps_the_need_as_optional_or_desirable(records: list[dict]) -> None:
    """A requirement row marked "Mandatory: No" is still asked for, just not mandatory (the section's
    decision): it keeps its tag and is `optional` or `desirable`, never a negation."""
    rows = [rec for rec in records if MANDATORY_NO.search(rec["text"])]
    assert len(rows) >= 5, len(rows)
    wrong = [
        rec["id"]
        for rec in rows
        if rec["kind"] == "negation" or not rec["tags"] or rec["modality"] not in ("optional", "desirable")
    ]
    assert not wrong, wrong


def test_need_not_alone_is_optional(records: list[dict]) -> None:
    wrong = [
        rec["id"]
        for rec in records
        if NEED_NOT.search(rec["text"])
        and not STRONGER_CUE.search(NEED_NOT.sub("", rec["text"]))
        and rec["modality"] != "optional"
    ]
    assert not wrong, wrong


def test_bare_scope_lists_are_info_negations(records: list[dict]) -> None:
    """ "Out of scope: …", "Excluded: …" state scope, not a requirement: `info`, negating what they list."""
    lists = [rec for rec in records if BARE_SCOPE.match(rec["text"]) and not ANY_CUE.search(rec["text"])]
    assert lists
    wrong = [rec["id"] for rec in lists if rec["modality"] != "info" or rec["kind"] != "negation"]
    assert not wrong, wrong


def test_negative_words_that_do_not_negate_keep_their_tags(records: list[dict]) -> None:
    """Prohibitions, today's pain and double negatives state a need: every plain, paraphrase and trap
    sentence of this set carries a tag, and a trap carries the tag it looks negated about."""
    untagged = [rec["id"] for rec in records if rec["kind"] != "negation" and not rec["tags"]]
    assert not untagged, untagged
    traps = [rec for rec in records if rec["kind"] == "trap"]
    wrong = [rec["id"] for rec in traps if not set(about(rec)) <= set(rec["tags"])]
    assert not wrong, wrong
    kinds = Counter(rec["kind"] for rec in records)
    assert kinds["plain"] + kinds["paraphrase"] + kinds["trap"] >= len(records) // 5, kinds
