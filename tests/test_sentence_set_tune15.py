"""Checks that the tune15 tuning set (tests/data/sentences_tune15.jsonl) is well formed and does what it is
for: state the tags the tagger misses most on new writers' sentences (`b2b_portal`, `user_roles`,
`access_control`, `scale`, `turnkey`, `out_of_scope`) in as many words, registers and sentence shapes as
buyers use, many of them without the textbook keyword ("our 300 merchants should see their own prices and
reorder by themselves"), beside traps and negations of each, and `account_services` beside the accounts
that are not a user's own (bank accounts, account managers, "take into account", ledger accounts). Valid
tag ids, modality and kind, ids numbered in order, the labelling invariants of tests/data/README.md, the
coverage minimums of its README section, and no sentence (or near copy of one) shared with any other
sentence set. No failure prints another set's text.

This file holds the checks that are this set's own. Its Spec (`SPECS["tune15"]` in tests/sentence_sets.py:
its coverage minimums and which shared checks it takes) drives the checks it shares with other sets,
run by tests/test_sentence_sets.py (`pytest tests/test_sentence_sets.py -k tune15`)."""

from __future__ import annotations

import pytest
import sentence_checks
from sentence_checks import about
from sentence_sets import README, SPECS, records_of

SPEC = SPECS["tune15"]
records = records_of("tune15")

FOCUS = ("b2b_portal", "user_roles", "access_control", "scale", "turnkey", "out_of_scope")
MIN_FOCUS_POSITIVES = 60
MIN_FOCUS_PARAPHRASES = 8  # the buyer's own words, carrying the tag
MIN_FOCUS_TRAPS = 10
MIN_FOCUS_NEGATIONS = 8
MIN_FOCUS_NEGATION_FORMS = 4  # distinct NEGATION_FORMS among one tag's negations
MIN_WITHOUT_KEYWORDS = 20  # per focus tag: positives holding none of its KEYWORDS
MIN_ACCOUNT_SENTENCES = 80  # positives, traps and negations of account_services together
MIN_ACCOUNT_POSITIVES = 45
MIN_ACCOUNT_DECOYS = 25  # untagged-for-it traps about account_services

# The textbook words of each focus tag: a positive without any of them is one a keyword rule misses.
KEYWORDS = {
    "b2b_portal": r"portal|extranet|\bb2b\b|business-to-business|self-service|punch-out|contract pric",
    "user_roles": r"\broles?\b|persona|audiences?\b|user types?\b|user groups?\b",
    "access_control": r"access|authori[sz]|authenticat|permission|privilege|\broles?\b|single sign|sso\b|saml"
    r"|oauth|openid|ldap|active directory|entra|multi-factor|two-factor|two-step|second factor|mfa\b",
    "scale": r"scal|concurren|simultaneous|availab|uptime|failover|fail over|cluster|\bload|performance"
    r"|peak|latency|disaster recovery|\brto\b|\brpo\b",
    "turnkey": r"out[- ]of[- ]the[- ]box|off[- ]the[- ]shelf|\bcots\b|turn-?key|ready[- ](to[- ]use|made)"
    r"|\bsaas\b|software[- ]as[- ]a[- ]service|standard (product|package|configuration|edition)"
    r"|plug and play|no (custom|bespoke)",
    "out_of_scope": r"hardware|construction|\bworks\b|clean|cater|guard|print|staffing|furniture|laptop"
    r"|devices?\b",
}
# The ways a need is negated here; each focus tag's negations take several of them.
NEGATION_FORMS = (
    "not required",
    "not needed",
    "not part of",
    "out of scope",
    "excluded",
    "need not",
    "will not",
    "shall not",
    "no ",
    "not ",
    "rather not",
    "prefer not",
    "only ",
)
# Accounts that are not the user's own, each present as a trap about account_services without it.
ACCOUNT_DECOYS = (
    "bank account",
    "account manager",
    "take into account",
    "key accounts",
    "ledger",
    "accountab",
    "annual accounts",
    "register on",
    "sign in at reception",
)


@pytest.mark.parametrize("tag", FOCUS)
def test_each_focus_tag_is_stated_often_imitated_and_negated(records: list[dict], tag: str) -> None:
    positives = sum(tag in rec["tags"] for rec in records)
    paraphrases = sum(rec["kind"] == "paraphrase" and tag in rec["tags"] for rec in records)
    traps = sum(rec["kind"] == "trap" and tag in about(rec) and tag not in rec["tags"] for rec in records)
    negations = [rec for rec in records if rec["kind"] == "negation" and tag in about(rec)]
    assert positives >= MIN_FOCUS_POSITIVES, (tag, positives)
    assert paraphrases >= MIN_FOCUS_PARAPHRASES, (tag, paraphrases)
    assert traps >= MIN_FOCUS_TRAPS, (tag, traps)
    assert len(negations) >= MIN_FOCUS_NEGATIONS, (tag, len(negations))
    sentence_checks.check_negation_forms(negations, NEGATION_FORMS, MIN_FOCUS_NEGATION_FORMS)


@pytest.mark.parametrize("tag", FOCUS)
def test_each_focus_tag_is_often_stated_without_its_textbook_words(records: list[dict], tag: str) -> None:
    """ "Our merchants should see their own prices and reorder by themselves", "38,000 students try to reach
    the site in the first hour": the needs a keyword rule cannot find."""
    found = sentence_checks.ids_without_keywords(records, tag, KEYWORDS)
    assert len(found) >= MIN_WITHOUT_KEYWORDS, (tag, len(found))


def test_account_services_is_there_beside_accounts_that_are_not(records: list[dict]) -> None:
    """The user's own account (sign-up, profile, reset, colleagues, closing it) against bank accounts, account
    managers, "take into account", key accounts, ledger accounts and accountability."""
    tag = "account_services"
    mine = [rec for rec in records if tag in rec["tags"] or tag in about(rec)]
    positives = [rec for rec in mine if tag in rec["tags"]]
    decoys = [rec for rec in mine if rec["kind"] == "trap" and tag not in rec["tags"]]
    assert len(mine) >= MIN_ACCOUNT_SENTENCES, len(mine)
    assert len(positives) >= MIN_ACCOUNT_POSITIVES, len(positives)
    assert len(decoys) >= MIN_ACCOUNT_DECOYS, len(decoys)
    missing = [
        phrase for phrase in ACCOUNT_DECOYS if not any(phrase in rec["text"].lower() for rec in decoys)
    ]
    assert not missing, missing


def test_no_decoy_carries_the_tag_it_imitates(records: list[dict]) -> None:
    """A trap whose text holds one of the account decoys is never labelled `account_services`."""
    wrong = [
        rec["id"]
        for rec in records
        if rec["kind"] == "trap"
        and "account_services" in rec["tags"]
        and any(phrase in rec["text"].lower() for phrase in ACCOUNT_DECOYS)
    ]
    assert not wrong, wrong


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    extra = sentence_checks.register_rows(recs, SPEC.registers)

    def per_tag(tag: str) -> list[tuple[str, int]]:
        if tag not in FOCUS:
            return []
        return [
            (f"`{tag}` paraphrase", sum(r["kind"] == "paraphrase" and tag in r["tags"] for r in recs)),
            (f"`{tag}` without its keywords", len(sentence_checks.ids_without_keywords(recs, tag, KEYWORDS))),
        ]

    return sentence_checks.count_rows(recs, extra=extra, per_tag=per_tag)


def test_readme_table_matches_every_count(records: list[dict]) -> None:
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))
