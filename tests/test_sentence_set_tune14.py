"""Checks that the tune14 training set (tests/data/sentences_tune14.jsonl) is well formed and does what it is
for: teach the per-tag text classifier plain software-requirements-specification wording ("The system shall
…", "Users must be able to …", "Only managers shall …", "As a dispatcher, I want …", `SEC-3` lines, short
imperative backlog lines) for many kinds of systems, where the four security tags are often stated without
their obvious words ("only staff of the ward can open a patient's chart") and where most requirements
(usability, look and feel, maintainability, portability, operations, legal clauses naming no law, plain
features) carry no tag at all. Valid tag ids, modality and kind, ids numbered in order, the labelling
invariants of tests/data/README.md, the coverage minimums of its README section, and no sentence (or near
copy of one) shared with any other sentence set. No failure prints another set's text."""

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

from triage.types import SECURITY_TAGS

# Coverage minimums, as written in the README section "tune14: the register of software requirements
# specifications".
SPEC = Spec(
    path=DATA / "sentences_tune14.jsonl",
    prefix="t14-",
    section="## tune14: the register of software requirements specifications",
    min_sentences=640,
    min_positives=15,
    min_traps=4,
    min_negations=3,
    min_per_modality=25,
    min_paraphrase_share=0.10,
    untagged_share=(0.28, 0.38),
    min_multi_tag=60,
    min_with_number=100,
)
MIN_SECURITY_POSITIVES = 55  # tagged sentences per security tag
MIN_SECURITY_TRAPS = 9  # traps whose `about` names the security tag
MIN_SECURITY_DECOYS = 8  # of them, untagged (access for lorries, a bank account, a style guide, an error log)
MIN_WITHOUT_KEYWORDS = 20  # per security tag: positives holding none of its KEYWORDS
MIN_UNTAGGED_REQUIREMENTS = 70  # plain / paraphrase "shall" / "must" sentences with no tag
MIN_NEGATIONS = 50

# The obvious words of each security tag: a positive without any of them is one a keyword rule misses.
KEYWORDS = {
    "access_control": r"access|authori[sz]|authenticat|permission|privilege|role|single sign|sso\b|saml|oauth"
    r"|openid|ldap|active directory|entra|multi-factor|two-factor|second factor|mfa\b",
    "account_services": r"account|regist|sign[ -]?(up|in|on)|log[ -]?(in|on)|password|profile",
    "compliance": r"complian|comply|gdpr|hipaa|pci|wcag|section 508|regulat|\blaw|legal|privacy|consent"
    r"|retention|retain|accessib|iso \d|soc 2|audit",
    "security_ops": r"secur|encrypt|audit|\blog|penetration|vulnerab|malware|virus|firewall|intrusion"
    r"|incident|attack|monitor|breach|tls\b|hash",
}
# The registers of a specification or a backlog, each at least this often.
REGISTERS = {
    "system / product / application shall or must": (
        re.compile(
            r"\bThe (system|product|application|app|platform|site|portal|software)\b[^.]*?\b(shall|must)\b"
        ),
        50,
    ),
    "users able to": (re.compile(r"\b(shall|must|should|may) be able to\b"), 50),
    "only X shall / can": (re.compile(r"\bOnly\b[^.]*?\b(shall|must|can|may)\b"), 12),
    "user stories": (re.compile(r"^As an? [^,]+, I want\b", flags=re.IGNORECASE), 30),
    "numbered lines": (re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z][A-Z0-9]*)*-\d+[a-z]?\b"), 50),
    "imperative backlog lines": (
        re.compile(
            r"^(?:[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d+:? )?(Add|Allow|Let|Show|Send|Lock|Keep|Hide|Record"
            r"|Store|Remove|Limit|Notify|Block|Encrypt|Export|Import|Support|Provide|Display|Log|Make|Offer"
            r"|Ask|Require|Delete|Mask|Warn|Email|E-mail|Print|Check|Use|Give|Translate|Sync|Route|Flag)\b"
        ),
        20,
    ),
}
# Words that look like a security tag in another sense, each present as a trap about it without it.
NAMED_TRAPS = {
    "step-free access": "access_control",
    "key fob": "access_control",
    "bank account": "account_services",
    "sign in at reception": "account_services",
    "style guide": "compliance",
    "tone-of-voice guide": "compliance",
    "error log": "security_ops",
    "security guard": "security_ops",
}
# A response-time target is a performance target, so `scale` (icp.md), however few the users.
RESPONSE_TIME = re.compile(
    r"\bwithin \d+(\.\d+)? ?(seconds?|ms|milliseconds?)\b|\bunder \d+ ?(seconds?|ms)\b"
)
NEED_NOT = re.compile(r"\bneed not\b", flags=re.IGNORECASE)
STRONGER_CUE = re.compile(r"\b(shall|must|required|should)\b", flags=re.IGNORECASE)
ANY_CUE = sentence_checks.ANY_CUE
MANDATORY_CUE = sentence_checks.MANDATORY_CUE
USER_STORY = REGISTERS["user stories"][0]


@pytest.fixture(scope="module")
def spec() -> Spec:
    return SPEC


def about(rec: dict) -> list[str]:
    return rec.get("about", [])


def without_keywords(recs: list[dict], tag: str) -> list[str]:
    """Ids of the sentences carrying `tag` that hold none of its obvious words."""
    pattern = re.compile(KEYWORDS[tag], flags=re.IGNORECASE)
    return [rec["id"] for rec in recs if tag in rec["tags"] and not pattern.search(rec["text"])]


@pytest.mark.parametrize("tag", SECURITY_TAGS)
def test_each_security_tag_is_stated_often_and_imitated(records: list[dict], tag: str) -> None:  # noqa: F811
    positives = sum(tag in rec["tags"] for rec in records)
    traps = [rec for rec in records if rec["kind"] == "trap" and tag in about(rec)]
    decoys = [rec for rec in traps if not rec["tags"]]
    assert positives >= MIN_SECURITY_POSITIVES, (tag, positives)
    assert len(traps) >= MIN_SECURITY_TRAPS, (tag, len(traps))
    assert len(decoys) >= MIN_SECURITY_DECOYS, (tag, len(decoys))


@pytest.mark.parametrize("tag", SECURITY_TAGS)
def test_each_security_tag_is_often_stated_without_its_words(records: list[dict], tag: str) -> None:  # noqa: F811
    """ "Records shall be kept for seven years", "every change to a fee shall be traceable to the person who
    made it": the needs a keyword rule cannot find."""
    found = without_keywords(records, tag)
    assert len(found) >= MIN_WITHOUT_KEYWORDS, (tag, len(found))


@pytest.mark.parametrize("register", sorted(REGISTERS))
def test_each_register_is_there(records: list[dict], register: str) -> None:  # noqa: F811
    pattern, minimum = REGISTERS[register]
    found = sum(bool(pattern.search(rec["text"])) for rec in records)
    assert found >= minimum, (register, found)


def test_many_requirements_carry_no_tag(records: list[dict]) -> None:  # noqa: F811
    """Usability, look and feel, maintainability, portability, operations, legal clauses naming no law and
    plain features: requirement language, no tag, and `mandatory` by their "shall" / "must"."""
    untagged = [
        rec
        for rec in records
        if not rec["tags"]
        and rec["kind"] in ("plain", "paraphrase")
        and re.search(r"\b(shall|must)\b", rec["text"])
    ]
    assert len(untagged) >= MIN_UNTAGGED_REQUIREMENTS, len(untagged)
    assert [rec["id"] for rec in untagged if rec["modality"] != "mandatory"] == []


def test_response_time_targets_are_scale(records: list[dict]) -> None:  # noqa: F811
    """icp.md puts performance targets under `scale`: "within 2 seconds" counts at any number of users."""
    wrong = [
        rec["id"]
        for rec in records
        if rec["kind"] != "negation" and RESPONSE_TIME.search(rec["text"]) and "scale" not in rec["tags"]
    ]
    assert not wrong, wrong


@pytest.mark.parametrize("phrase", sorted(NAMED_TRAPS))
def test_the_named_traps_are_there_untagged(records: list[dict], phrase: str) -> None:  # noqa: F811
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


def test_negations_are_many_and_follow_the_modality_rules(records: list[dict]) -> None:  # noqa: F811
    kinds = Counter(rec["kind"] for rec in records)
    assert kinds["negation"] >= MIN_NEGATIONS, kinds
    sentence_checks.check_negation_modality(records)
    sentence_checks.check_modality_where(
        records, "optional", lambda text: NEED_NOT.search(text) and not STRONGER_CUE.search(text)
    )


def test_paraphrases_carry_a_tag(records: list[dict]) -> None:  # noqa: F811
    sentence_checks.check_paraphrases_tagged(records, minimum=1)


def test_sentences_without_a_modal_cue_are_info(records: list[dict]) -> None:  # noqa: F811
    """A backlog line "Add CSV export to the reports page" has no requirement word: `info` (the README's rule
    for table rows without requirement words)."""
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
        if tag not in SECURITY_TAGS:
            return []
        return [(f"`{tag}` without its keywords", len(without_keywords(recs, tag)))]

    return sentence_checks.count_rows(recs, extra=extra, per_tag=per_tag)


def test_readme_table_matches_every_count(records: list[dict]) -> None:  # noqa: F811
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))


def test_file_is_plain_json_lines() -> None:
    sentence_checks.check_plain_json_lines(SPEC.path)
