"""Checks that the tune14 training set (tests/data/sentences_tune14.jsonl) is well formed and does what it is
for: teach the per-tag text classifier plain software-requirements-specification wording ("The system shall
…", "Users must be able to …", "Only managers shall …", "As a dispatcher, I want …", `SEC-3` lines, short
imperative backlog lines) for many kinds of systems, where the four security tags are often stated without
their obvious words ("only staff of the ward can open a patient's chart") and where most requirements
(usability, look and feel, maintainability, portability, operations, legal clauses naming no law, plain
features) carry no tag at all. Valid tag ids, modality and kind, ids numbered in order, the labelling
invariants of tests/data/README.md, the coverage minimums of its README section, and no sentence (or near
copy of one) shared with any other sentence set. No failure prints another set's text.

This file holds the checks that are this set's own. Its Spec (`SPECS["tune14"]` in tests/sentence_sets.py:
its coverage minimums and which shared checks it takes) drives the checks it shares with other sets,
run by tests/test_sentence_sets.py (`pytest tests/test_sentence_sets.py -k tune14`)."""

from __future__ import annotations

import re

import pytest
import sentence_checks
from sentence_checks import about
from sentence_sets import README, SPECS, records_of

from triage.types import SECURITY_TAGS

SPEC = SPECS["tune14"]
records = records_of("tune14")

MIN_SECURITY_POSITIVES = 55  # tagged sentences per security tag
MIN_SECURITY_TRAPS = 9  # traps whose `about` names the security tag
MIN_SECURITY_DECOYS = 8  # of them, untagged (access for lorries, a bank account, a style guide, an error log)
MIN_WITHOUT_KEYWORDS = 20  # per security tag: positives holding none of its KEYWORDS
MIN_UNTAGGED_REQUIREMENTS = 70  # plain / paraphrase "shall" / "must" sentences with no tag

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
# A response-time target is a performance target, so `scale` (icp.md), however few the users.
RESPONSE_TIME = re.compile(
    r"\bwithin \d+(\.\d+)? ?(seconds?|ms|milliseconds?)\b|\bunder \d+ ?(seconds?|ms)\b"
)


@pytest.mark.parametrize("tag", SECURITY_TAGS)
def test_each_security_tag_is_stated_often_and_imitated(records: list[dict], tag: str) -> None:
    positives = sum(tag in rec["tags"] for rec in records)
    traps = [rec for rec in records if rec["kind"] == "trap" and tag in about(rec)]
    decoys = [rec for rec in traps if not rec["tags"]]
    assert positives >= MIN_SECURITY_POSITIVES, (tag, positives)
    assert len(traps) >= MIN_SECURITY_TRAPS, (tag, len(traps))
    assert len(decoys) >= MIN_SECURITY_DECOYS, (tag, len(decoys))


@pytest.mark.parametrize("tag", SECURITY_TAGS)
def test_each_security_tag_is_often_stated_without_its_words(records: list[dict], tag: str) -> None:
    """ "Records shall be kept for seven years", "every change to a fee shall be traceable to the person who
    made it": the needs a keyword rule cannot find."""
    found = sentence_checks.ids_without_keywords(records, tag, KEYWORDS)
    assert len(found) >= MIN_WITHOUT_KEYWORDS, (tag, len(found))


def test_many_requirements_carry_no_tag(records: list[dict]) -> None:
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


def test_response_time_targets_are_scale(records: list[dict]) -> None:
    """icp.md puts performance targets under `scale`: "within 2 seconds" counts at any number of users."""
    wrong = [
        rec["id"]
        for rec in records
        if rec["kind"] != "negation" and RESPONSE_TIME.search(rec["text"]) and "scale" not in rec["tags"]
    ]
    assert not wrong, wrong


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    extra = sentence_checks.register_rows(recs, SPEC.registers)

    def per_tag(tag: str) -> list[tuple[str, int]]:
        if tag not in SECURITY_TAGS:
            return []
        return [
            (f"`{tag}` without its keywords", len(sentence_checks.ids_without_keywords(recs, tag, KEYWORDS)))
        ]

    return sentence_checks.count_rows(recs, extra=extra, per_tag=per_tag)


def test_readme_table_matches_every_count(records: list[dict]) -> None:
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))
