"""Checks that the tune13 training set (tests/data/sentences_tune13.jsonl) is well formed and does what it is
for: teach the per-tag text classifier the five tags it still gets wrong most on validation data
(`account_services`, `workflow`, `user_roles`, `b2b_portal`, `out_of_scope`), each stated often in many
registers (UK / EU tenders, US SOW / PWS / SOO, requirement-matrix rows, user stories, the buyer's own
words, Q&A answers) and each imitated by traps in its procurement sense (the tender portal bidders register
on, the evaluation panel, the bidder's delivery method, a web project that merely mentions printing).
Valid tag ids, modality and kind, ids numbered in order, the labelling invariants of tests/data/README.md,
the coverage minimums of its README section, the named traps, the kinds of non-software procurement,
modality that follows the written cues, and no sentence (or near copy of one) shared with any other
sentence set. No failure prints another set's text."""

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

# Coverage minimums, as written in the README section "tune13: account services, workflow, user roles,
# B2B portals and out-of-scope procurements".
SPEC = Spec(
    path=DATA / "sentences_tune13.jsonl",
    prefix="t13-",
    section="## tune13: account services, workflow, user roles, B2B portals and out-of-scope procurements",
    min_sentences=490,
    min_positives=5,
    min_traps=1,
    min_negations=1,
    min_per_modality=25,
    min_paraphrase_share=0.10,
    untagged_share=(0.30, 0.40),
    min_multi_tag=70,
    min_with_number=80,
)
FOCUS_TAGS = ("account_services", "workflow", "user_roles", "b2b_portal", "out_of_scope")
MIN_FOCUS_POSITIVES = 60  # tagged sentences per focus tag
MIN_FOCUS_TRAPS = 20  # traps whose `about` names the focus tag
MIN_FOCUS_NEGATIONS = 5  # negations whose `about` names the focus tag
MIN_NEGATIONS = 40
MIN_BUYER_WORDS = 15  # per focus tag: paraphrases (today's pain, the buyer's own words) carrying it

# The traps the task named, each present at least once as a trap about its tag that does not carry it.
NAMED_TRAPS = {
    "evaluation panel": "user_roles",
    "key personnel": "user_roles",
    "procurement portal": "b2b_portal",
    "tender portal": "b2b_portal",
    "portal frame": "b2b_portal",
    "register on": "account_services",
    "account manager": "account_services",
    "methodology": "workflow",
    "claims for payment": "workflow",
    "print style sheet": "out_of_scope",
}
# Procurements that are not portal software, each bought at least twice (`out_of_scope` positives).
NOT_PORTAL_SOFTWARE = {
    "hardware": r"laptop|hardware|tablets|desktop|printers\b|kiosk",
    "printing": r"\bprint",
    "staffing": r"staff augmentation|agency staff|temporary staff|staffing|labor only",
    "construction": r"construct|renovat|fit-out|refurbish",
    "janitorial": r"janitorial|cleaning",
    "call centre": r"call cent|contact cent|call-cent|contact-cent",
    "bottled water": r"bottle",
}
# The registers the task named, each at least this often.
REGISTERS = {
    "user stories": (re.compile(r"^As an? [^,]+, I want\b", flags=re.IGNORECASE), 25),
    "requirement-matrix rows": (re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-?\d+ \| "), 30),
    "Q&A answers": (re.compile(r"\bA\d*[:.] "), 15),
    "US SOW / PWS / SOO sentences": (re.compile(r"\b(Contractor|Offeror|Government|COR|Agency|State)\b"), 50),
}
BOILERPLATE_OBLIGATION = re.compile(
    r"(The )?(Offerors?|Bidders?|Tenderers?|Proposers?|Respondents?|Vendors?|Contractor|Supplier|Provider)"
    r"('s [a-z ]+)? (shall|must)\b",
    flags=re.IGNORECASE,
)
ANY_CUE = sentence_checks.ANY_CUE
MANDATORY_CUE = sentence_checks.MANDATORY_CUE
USER_STORY = REGISTERS["user stories"][0]


@pytest.fixture(scope="module")
def spec() -> Spec:
    return SPEC


def about(rec: dict) -> list[str]:
    return rec.get("about", [])


@pytest.mark.parametrize("tag", FOCUS_TAGS)
def test_each_focus_tag_is_stated_imitated_and_negated_often(records: list[dict], tag: str) -> None:  # noqa: F811
    positives = sum(tag in rec["tags"] for rec in records)
    traps = sum(rec["kind"] == "trap" and tag in about(rec) for rec in records)
    negations = sum(rec["kind"] == "negation" and tag in about(rec) for rec in records)
    assert positives >= MIN_FOCUS_POSITIVES, (tag, positives)
    assert traps >= MIN_FOCUS_TRAPS, (tag, traps)
    assert negations >= MIN_FOCUS_NEGATIONS, (tag, negations)


@pytest.mark.parametrize("tag", FOCUS_TAGS)
def test_each_focus_tag_is_said_in_the_buyers_own_words(records: list[dict], tag: str) -> None:  # noqa: F811
    """ "Customers phone us to change their delivery address": the need without the feature's name."""
    found = sum(rec["kind"] == "paraphrase" and tag in rec["tags"] for rec in records)
    assert found >= MIN_BUYER_WORDS, (tag, found)


def test_enough_negations(records: list[dict]) -> None:  # noqa: F811
    kinds = Counter(rec["kind"] for rec in records)
    assert kinds["negation"] >= MIN_NEGATIONS, kinds


def test_paraphrases_carry_a_tag(records: list[dict]) -> None:  # noqa: F811
    sentence_checks.check_paraphrases_tagged(records, minimum=1)


@pytest.mark.parametrize("phrase", sorted(NAMED_TRAPS))
def test_the_named_traps_are_there_untagged(records: list[dict], phrase: str) -> None:  # noqa: F811
    """ "The evaluation panel", "the tender portal", "a portal frame building" name the tag's word in another
    sense: a trap about the tag, without it."""
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


def test_side_mentions_of_non_software_are_traps_without_out_of_scope(records: list[dict]) -> None:  # noqa: F811
    """A web project that merely mentions printing, devices or staff: a trap about `out_of_scope`, and at
    least half of them carrying the real need they stand beside."""
    side = [
        rec
        for rec in records
        if rec["kind"] == "trap" and "out_of_scope" in about(rec) and "out_of_scope" not in rec["tags"]
    ]
    assert len(side) >= 12, len(side)
    assert sum(bool(rec["tags"]) for rec in side) >= len(side) // 2


@pytest.mark.parametrize("register", sorted(REGISTERS))
def test_each_register_is_there(records: list[dict], register: str) -> None:  # noqa: F811
    pattern, minimum = REGISTERS[register]
    found = sum(bool(pattern.search(rec["text"])) for rec in records)
    assert found >= minimum, (register, found)


def test_negations_follow_the_modality_rules(records: list[dict]) -> None:  # noqa: F811
    sentence_checks.check_negation_modality(records)


def test_boilerplate_keeps_its_modality(records: list[dict]) -> None:  # noqa: F811
    """ "Tenderers shall complete …" is boilerplate, untagged as a rule, but still `mandatory` (README)."""
    sentence_checks.check_modality_where(records, "mandatory", BOILERPLATE_OBLIGATION.match)


def test_sentences_without_a_modal_cue_are_info(records: list[dict]) -> None:  # noqa: F811
    sentence_checks.check_modality_where(records, "info", lambda text: not ANY_CUE.search(text))


def test_user_stories_are_desirable(records: list[dict]) -> None:  # noqa: F811
    """A user story's "I want" is `desirable` (holdout2's rule) unless a stronger cue stands in it."""
    sentence_checks.check_modality_where(
        records, "desirable", lambda text: USER_STORY.match(text) and not MANDATORY_CUE.search(text)
    )


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    extra = [
        (register, sum(bool(pattern.search(r["text"])) for r in recs))
        for register, (pattern, _) in sorted(REGISTERS.items())
    ]

    def per_tag(tag: str) -> list[tuple[str, int]]:
        return [(f"`{tag}` paraphrase", sum(r["kind"] == "paraphrase" and tag in r["tags"] for r in recs))]

    return sentence_checks.count_rows(recs, extra=extra, per_tag=per_tag)


def test_readme_table_matches_every_count(records: list[dict]) -> None:  # noqa: F811
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))


def test_file_is_plain_json_lines() -> None:
    sentence_checks.check_plain_json_lines(SPEC.path)
