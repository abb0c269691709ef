"""Checks that the tune16 tuning set (tests/data/sentences_tune16.jsonl) is well formed and does what it is
for: measure, then widen, the tagger's recall on registers the earlier sets used little (a buyer's cover
e-mail to bidders, project-board minutes with "Action: ..." lines, slide bullets without verbs, clarification
Q&A logs, evaluation criteria that restate needs, a vision statement, tenders written by non-native English
writers, Australian, Canadian, Indian, Singaporean and Gulf public-sector wording), with every tag of icp.md
stated often, many times without its textbook words, and imitated by traps and negations. Valid tag ids,
modality and kind, ids numbered in order, the labelling invariants of tests/data/README.md, the coverage
minimums of its README section, and no sentence (or near copy of one) shared with any other sentence set.
No failure prints another set's text.

This file holds the checks that are this set's own. Its Spec (`SPECS["tune16"]` in tests/sentence_sets.py:
its coverage minimums and which shared checks it takes) drives the checks it shares with other sets,
run by tests/test_sentence_sets.py (`pytest tests/test_sentence_sets.py -k tune16`)."""

from __future__ import annotations

import pytest
import sentence_checks
from sentence_checks import about
from sentence_sets import README, SPECS, records_of

from triage.types import ALL_TAGS

SPEC = SPECS["tune16"]
records = records_of("tune16")

MIN_BOILERPLATE = 60  # untagged plain sentences that imitate no tag: salutations, dates, rules of the tender
MIN_THREE_TAGS = 20  # long sentences stating three or four tags
MIN_WITHOUT_KEYWORDS = 12  # per tag of KEYWORDS: positives holding none of its textbook words

# The textbook words of each tag (icp.md's table): a positive without any of them is one a keyword rule
# misses. `platform_mandate` has none here: it needs a named platform, which is its keyword.
KEYWORDS = {
    "integration": r"integrat|interface|\bapi|connect|sync|feed|exchange|erp\b|crm\b|middleware|esb\b"
    r"|web service|import|export",
    "user_roles": r"\brole|persona|audience|user (type|group)|different users",
    "workflow": r"workflow|approv|routing|rout(e|ed)\b|case management|escalat|business rule|process",
    "b2b_portal": r"portal|extranet|b2b|self-service|partner|supplier|dealer|reseller|broker|quote"
    r"|contract pric|ordering",
    "collaboration": r"collaborat|knowledge|document librar|librar|forum|wiki|communit|co-author|intranet"
    r"|social",
    "access_control": r"access|authori[sz]|authenticat|permission|privilege|role|single sign|sso\b|saml|oauth"
    r"|openid|ldap|active directory|entra|multi-factor|two-factor|second factor|mfa\b",
    "account_services": r"account|regist|sign[ -]?(up|in|on)|log[ -]?(in|on)|password|profile",
    "compliance": r"complian|comply|gdpr|hipaa|pci|wcag|section 508|regulat|\blaw|legal|privacy|consent"
    r"|retention|retain|accessib|iso \d|soc 2|audit",
    "security_ops": r"secur|encrypt|audit|\blog|penetration|vulnerab|malware|virus|firewall|intrusion"
    r"|incident|attack|monitor|breach|tls\b|hash|ddos|waf\b",
    "scale": r"concurren|availab|uptime|cluster|failover|performance|scal|load|\d[\d,.]* ?(users|visitors"
    r"|transactions|sessions|requests)",
    "multi_site": r"multi-?site|sites\b|languages?|translat|locali[sz]|countr|market|brand|bilingual"
    r"|multilingual",
    "extensibility": r"extensib|extend|extension|custom|\bapis?\b|rest\b|graphql|headless|sdk|low-code"
    r"|plug-?in",
    "simple_site": r"brochure|static|landing page|microsite|blog|simple|basic|one-page|informational",
    "turnkey": r"out[- ]of[- ]the[- ]box|off[- ]the[- ]shelf|cots\b|saas|turnkey|ready[- ]to|no custom"
    r"|standard (package|product)",
    "out_of_scope": r"hardware|construction|works\b|printing|cleaning|catering|guard|staffing|furniture"
    r"|out of scope",
}


@pytest.mark.parametrize("tag", sorted(KEYWORDS))
def test_each_tag_is_often_stated_without_its_words(records: list[dict], tag: str) -> None:
    """ "Orders keyed twice, once in the shop and again in Navision": the needs a keyword rule cannot find."""
    found = sentence_checks.ids_without_keywords(records, tag, KEYWORDS)
    assert len(found) >= MIN_WITHOUT_KEYWORDS, (tag, len(found))


def test_boilerplate_carries_no_tag(records: list[dict]) -> None:
    """Salutations, dates, attendance, tender rules: plain sentences with no tag that imitate none."""
    boilerplate = [rec for rec in records if rec["kind"] == "plain" and not rec["tags"] and not about(rec)]
    assert len(boilerplate) >= MIN_BOILERPLATE, len(boilerplate)


def test_long_sentences_state_several_tags(records: list[dict]) -> None:
    assert sum(len(rec["tags"]) >= 3 for rec in records) >= MIN_THREE_TAGS


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    extra = sentence_checks.register_rows(recs, SPEC.registers)
    extra += [("three or more tags", sum(len(r["tags"]) >= 3 for r in recs))]
    extra += [("boilerplate", sum(r["kind"] == "plain" and not r["tags"] and not about(r) for r in recs))]

    def per_tag(tag: str) -> list[tuple[str, int]]:
        rows = [(f"`{tag}` paraphrase", sum(r["kind"] == "paraphrase" and tag in r["tags"] for r in recs))]
        if tag in KEYWORDS:
            rows.append(
                (
                    f"`{tag}` without its keywords",
                    len(sentence_checks.ids_without_keywords(recs, tag, KEYWORDS)),
                )
            )
        return rows

    return sentence_checks.count_rows(recs, extra=extra, per_tag=per_tag)


def test_readme_table_matches_every_count(records: list[dict]) -> None:
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))


def test_every_tag_id_is_stated(records: list[dict]) -> None:
    assert {tag for rec in records for tag in rec["tags"]} == set(ALL_TAGS)
