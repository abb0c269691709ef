"""Checks that the tune9 training set (tests/data/sentences_tune9.jsonl) is well formed and does what it is
for: teach the per-tag text classifier needs that buyers state INDIRECTLY, in their own words (today's
situation, pains, numbers, hopes), without naming the feature, and the background sentences in the same
register that state no need at all. Valid tag ids, modality and kind, ids numbered in order, the labelling
invariants of tests/data/README.md, the coverage minimums of its README section, enough tagged sentences
per tag that hold none of the tag's obvious keywords, modality that follows the written cues, and no
sentence (or near copy of one) shared with any other sentence set. No failure prints another set's text.

This file holds the checks that are this set's own. Its Spec (`SPECS["tune9"]` in tests/sentence_sets.py:
its coverage minimums and which shared checks it takes) drives the checks it shares with other sets,
run by tests/test_sentence_sets.py (`pytest tests/test_sentence_sets.py -k tune9`)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import sentence_checks
from sentence_sets import README, SPECS, records_of

from triage.types import ALL_TAGS, REQUIREMENT_TAGS, SIGNAL_TAGS

SPEC = SPECS["tune9"]
records = records_of("tune9")

MIN_PARAPHRASES_PER_REQUIREMENT_TAG = 25  # tagged sentences of kind `paraphrase`, per requirement tag
MIN_PARAPHRASES_PER_SIGNAL = 12  # the same for each walk-away signal
MIN_TRAP_SHARE = 0.25  # indirect-sounding sentences that state no need, or another one than they seem to
MIN_TRAPS_WITH_ANOTHER_TAG = 15  # traps that carry a real tag other than the one they look like
MAX_PLAIN_SHARE = 0.05  # the set is about indirect wording; direct statements are rare here
MIN_WITHOUT_KEYWORDS = {tag: 18 for tag in REQUIREMENT_TAGS}  # tagged, none of the tag's KEYWORDS
MIN_WITHOUT_KEYWORDS.update({tag: 12 for tag in SIGNAL_TAGS})
MIN_THOUSANDS = 65  # numbers written the way buyers write them: "2,300 brokers", "40,000 claims"

# The obvious words of each tag (stems, matched at a word start, case-insensitive): what a keyword rule
# would look for. A sentence tagged without any of them is one a keyword rule cannot find.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "integration": (
        "integrat",
        "interface",
        "api",
        "erp",
        "crm",
        "sap",
        "salesforce",
        "dynamics",
        "sync",
        "connect",
        "middleware",
        "feed",
        "web service",
        "import",
        "export",
    ),
    "user_roles": ("role", "persona", "audience", "user type", "user group", "stakeholder"),
    "workflow": (
        "workflow",
        "approv",
        "routing",
        "route",
        "escalat",
        "case management",
        "business rule",
        "process",
    ),
    "b2b_portal": (
        "portal",
        "extranet",
        "b2b",
        "self-service",
        "self service",
        "punch-out",
        "punchout",
        "e-commerce",
        "ecommerce",
    ),
    "collaboration": (
        "collaborat",
        "knowledge base",
        "knowledge-base",
        "wiki",
        "forum",
        "communit",
        "document librar",
        "intranet",
        "co-author",
        "share",
        "sharing",
    ),
    "access_control": (
        "single sign-on",
        "sso",
        "saml",
        "oauth",
        "openid",
        "ldap",
        "active directory",
        "entra",
        "multi-factor",
        "mfa",
        "two-factor",
        "permission",
        "role",
        "authenticat",
        "access control",
    ),
    "account_services": (
        "registr",
        "register",
        "login",
        "log in",
        "log-in",
        "sign in",
        "sign-in",
        "signin",
        "password",
        "profile",
        "account",
        "self-service",
    ),
    "compliance": (
        "gdpr",
        "hipaa",
        "pci",
        "soc 2",
        "iso",
        "fedramp",
        "wcag",
        "section 508",
        "complian",
        "regulat",
        "privacy",
        "accessib",
        "retention",
        "audit",
        "data protection",
    ),
    "security_ops": (
        "encrypt",
        "penetration",
        "pen test",
        "vulnerab",
        "firewall",
        "waf",
        "ddos",
        "siem",
        "security",
        "audit log",
        "audit trail",
        "incident",
        "malware",
        "secur",
    ),
    "scale": (
        "scal",
        "concurren",
        "availab",
        "uptime",
        "failover",
        "cluster",
        "performance",
        "load",
        "peak",
        "sla",
        "response time",
        "resilien",
    ),
    "multi_site": (
        "multi-site",
        "multisite",
        "multilingual",
        "language",
        "translat",
        "locali",
        "brand",
        "countr",
        "market",
        "sites",
        "websites",
    ),
    "extensibility": (
        "api",
        "extens",
        "extend",
        "custom",
        "plug-in",
        "plugin",
        "sdk",
        "headless",
        "low-code",
        "graphql",
        "rest",
    ),
    "simple_site": (
        "brochure",
        "static",
        "landing page",
        "simple",
        "basic",
        "blog",
        "one-page",
        "microsite",
    ),
    "turnkey": (
        "out of the box",
        "out-of-the-box",
        "off the shelf",
        "off-the-shelf",
        "cots",
        "turnkey",
        "turn-key",
        "saas",
        "ready-to-use",
        "ready to use",
        "standard",
        "package",
    ),
    "platform_mandate": ("mandat", "must be built", "standardis", "standardiz", "platform"),
    "out_of_scope": (
        "hardware",
        "construction",
        "printing",
        "cleaning",
        "catering",
        "guarding",
        "staffing",
        "out of scope",
    ),
}


def has_stem(text: str, stem: str) -> bool:
    return re.search(r"\b" + re.escape(stem), text, flags=re.IGNORECASE) is not None


def without_keywords(rec: dict, tag: str) -> bool:
    return not any(has_stem(rec["text"], stem) for stem in KEYWORDS[tag])


@pytest.mark.parametrize("tag", ALL_TAGS)
def test_each_tag_has_enough_indirect_statements(records: list[dict], tag: str) -> None:
    """The set exists for paraphrases: each tag stated often in the buyer's own words."""
    paraphrases = sum(rec["kind"] == "paraphrase" and tag in rec["tags"] for rec in records)
    least = MIN_PARAPHRASES_PER_REQUIREMENT_TAG if tag in REQUIREMENT_TAGS else MIN_PARAPHRASES_PER_SIGNAL
    assert paraphrases >= least, (tag, paraphrases)


@pytest.mark.parametrize("tag", ALL_TAGS)
def test_each_tag_is_stated_without_its_keywords(records: list[dict], tag: str) -> None:
    """What a keyword rule misses is what this set must teach: tagged sentences holding none of the tag's
    obvious words."""
    found = sum(tag in rec["tags"] and without_keywords(rec, tag) for rec in records)
    assert found >= MIN_WITHOUT_KEYWORDS[tag], (tag, found)


def test_keyword_lists_find_the_direct_wording() -> None:
    """The keyword lists are not empty words: each finds the tag's own plain wording."""
    direct = {
        "integration": "The portal shall integrate with SAP.",
        "user_roles": "Each user role gets its own home page.",
        "workflow": "Requests are routed for approval.",
        "b2b_portal": "A dealer portal is required.",
        "collaboration": "Staff share documents on the intranet.",
        "access_control": "Single sign-on with Entra ID is required.",
        "account_services": "Users can reset their password.",
        "compliance": "The site must meet WCAG 2.2 AA.",
        "security_ops": "Data shall be encrypted at rest.",
        "scale": "Availability of 99.9 % is required.",
        "multi_site": "The site is published in 12 languages.",
        "extensibility": "The platform exposes REST APIs.",
        "simple_site": "We need a simple brochure site.",
        "turnkey": "An off-the-shelf product is preferred.",
        "platform_mandate": "The solution is mandated to run on Drupal.",
        "out_of_scope": "This lot covers printing only.",
    }
    for tag, text in direct.items():
        assert not without_keywords({"text": text}, tag), tag


def test_enough_traps_and_few_direct_statements(records: list[dict]) -> None:
    kinds = Counter(rec["kind"] for rec in records)
    assert kinds["trap"] / len(records) >= MIN_TRAP_SHARE, kinds
    assert kinds["plain"] / len(records) <= MAX_PLAIN_SHARE, kinds
    other_tag = [
        rec["id"]
        for rec in records
        if rec["kind"] == "trap" and rec["tags"] and set(rec["tags"]) - set(rec["about"])
    ]
    assert len(other_tag) >= MIN_TRAPS_WITH_ANOTHER_TAG, len(other_tag)


def test_numbers_are_written_as_buyers_write_them(records: list[dict]) -> None:
    thousands = sum(bool(re.search(r"\b\d{1,3}(,\d{3})+\b", rec["text"])) for rec in records)
    assert thousands >= MIN_THOUSANDS, thousands


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""

    def per_tag(tag: str) -> list[tuple[str, int]]:
        return [
            (f"`{tag}` paraphrase", sum(r["kind"] == "paraphrase" and tag in r["tags"] for r in recs)),
            (f"`{tag}` without keywords", sum(tag in r["tags"] and without_keywords(r, tag) for r in recs)),
        ]

    return sentence_checks.count_rows(recs, per_tag=per_tag)


def test_readme_table_matches_every_count(records: list[dict]) -> None:
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))
