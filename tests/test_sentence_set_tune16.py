"""Checks that the tune16 tuning set (tests/data/sentences_tune16.jsonl) is well formed and does what it is
for: measure, then widen, the tagger's recall on registers the earlier sets used little (a buyer's cover
e-mail to bidders, project-board minutes with "Action: ..." lines, slide bullets without verbs, clarification
Q&A logs, evaluation criteria that restate needs, a vision statement, tenders written by non-native English
writers, Australian, Canadian, Indian, Singaporean and Gulf public-sector wording), with every tag of icp.md
stated often, many times without its textbook words, and imitated by traps and negations. Valid tag ids,
modality and kind, ids numbered in order, the labelling invariants of tests/data/README.md, the coverage
minimums of its README section, and no sentence (or near copy of one) shared with any other sentence set.
No failure prints another set's text."""

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

from triage.types import ALL_TAGS

# Coverage minimums, as written in the README section "tune16: ...".
SPEC = Spec(
    path=DATA / "sentences_tune16.jsonl",
    prefix="t16-",
    section="## tune16: recall on registers and words the rules never met",
    min_sentences=690,
    min_positives=30,
    min_traps=6,
    min_negations=5,
    min_per_modality=25,
    min_paraphrase_share=0.17,
    untagged_share=(0.28, 0.38),
    min_multi_tag=70,
    min_with_number=150,
)
MIN_NEGATIONS = 85
MIN_NEGATION_FORMS = 12  # distinct NEGATION_FORMS among the negations
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
# The registers this set is written in, each at least this often.
REGISTERS = {
    "minutes actions": (re.compile(r"^Action: "), 15),
    "Q&A answers": (re.compile(r"^(Q|Query )\d+: .+\? (A|Reply): "), 50),
    "evaluation criteria": (re.compile(r"^Criterion \d"), 12),
    "slide bullets (no closing stop)": (re.compile(r"[^.?!]$"), 70),
    "non-native phrasing": (
        re.compile(
            r"\b(permit to|in the frame of|foreseen|foresee|dispose of|has to happen|shall can|must can"
            r"|it is requested|in conformity with|the respect of|according to their profile|realised on"
            r"|realise their|is admitted|will not be retained|actual system)\b",
            flags=re.IGNORECASE,
        ),
        20,
    ),
    "vision statement": (re.compile(r"\b(vision|imagine|in 2030|by 2030)\b", flags=re.IGNORECASE), 15),
}
# Words that look like a tag in another sense, each present as a trap about it without it.
NAMED_TRAPS = {
    "scale of": "scale",
    "procurement portal": "b2b_portal",
    "bank account": "account_services",
    "into account": "account_services",
    "roles and responsibilities": "user_roles",
    "bid security": "security_ops",
    "card access": "access_control",
    "board approval": "workflow",
    "evaluation panel": "workflow",
    "site visit": "multi_site",
}
# Negations take many forms, not only "is not required".
NEGATION_FORMS = (
    "not required",
    "no ",
    "not ",
    "none",
    "need not",
    "out of scope",
    "excluded",
    "not part of",
    "without",
    "nor ",
    "never",
    "do not",
    "does not",
    "is not",
    "not in scope",
    "will not",
    "rather than",
    "instead of",
    "no longer",
    "not needed",
)
NEED_NOT = re.compile(r"\bneed not\b", flags=re.IGNORECASE)
STRONGER_CUE = re.compile(r"\b(shall|must|required|should)\b", flags=re.IGNORECASE)
# Non-native writers' words for "must" count as mandatory cues here (README, the tune16 decisions).
ANY_CUE = re.compile(
    sentence_checks.ANY_CUE.pattern + r"|\b(obligatory|compulsory|is requested|are requested)\b",
    flags=re.IGNORECASE,
)


@pytest.fixture(scope="module")
def spec() -> Spec:
    return SPEC


def about(rec: dict) -> list[str]:
    return rec.get("about", [])


def without_keywords(recs: list[dict], tag: str) -> list[str]:
    """Ids of the sentences carrying `tag` that hold none of its textbook words."""
    pattern = re.compile(KEYWORDS[tag], flags=re.IGNORECASE)
    return [rec["id"] for rec in recs if tag in rec["tags"] and not pattern.search(rec["text"])]


@pytest.mark.parametrize("tag", sorted(KEYWORDS))
def test_each_tag_is_often_stated_without_its_words(records: list[dict], tag: str) -> None:  # noqa: F811
    """ "Orders keyed twice, once in the shop and again in Navision": the needs a keyword rule cannot find."""
    found = without_keywords(records, tag)
    assert len(found) >= MIN_WITHOUT_KEYWORDS, (tag, len(found))


@pytest.mark.parametrize("register", sorted(REGISTERS))
def test_each_register_is_there(records: list[dict], register: str) -> None:  # noqa: F811
    pattern, minimum = REGISTERS[register]
    found = sum(bool(pattern.search(rec["text"])) for rec in records)
    assert found >= minimum, (register, found)


def test_boilerplate_carries_no_tag(records: list[dict]) -> None:  # noqa: F811
    """Salutations, dates, attendance, tender rules: plain sentences with no tag that imitate none."""
    boilerplate = [rec for rec in records if rec["kind"] == "plain" and not rec["tags"] and not about(rec)]
    assert len(boilerplate) >= MIN_BOILERPLATE, len(boilerplate)


def test_long_sentences_state_several_tags(records: list[dict]) -> None:  # noqa: F811
    assert sum(len(rec["tags"]) >= 3 for rec in records) >= MIN_THREE_TAGS


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


def test_negations_are_many_varied_and_follow_the_modality_rules(records: list[dict]) -> None:  # noqa: F811
    kinds = Counter(rec["kind"] for rec in records)
    assert kinds["negation"] >= MIN_NEGATIONS, kinds
    sentence_checks.check_negation_forms(records, NEGATION_FORMS, MIN_NEGATION_FORMS)
    sentence_checks.check_negation_modality(records)
    sentence_checks.check_modality_where(
        records, "optional", lambda text: NEED_NOT.search(text) and not STRONGER_CUE.search(text)
    )


def test_paraphrases_carry_a_tag(records: list[dict]) -> None:  # noqa: F811
    sentence_checks.check_paraphrases_tagged(records, minimum=1)


def test_sentences_without_a_modal_cue_are_info(records: list[dict]) -> None:  # noqa: F811
    """A slide bullet ("One login for staff, dealers and service partners"), a minutes action ("Action: IT
    to confirm ...") and an evaluation criterion have no requirement word: `info`."""
    sentence_checks.check_modality_where(records, "info", lambda text: not ANY_CUE.search(text))


def test_bidders_obligations_are_mandatory(records: list[dict]) -> None:  # noqa: F811
    """ "Tenderers must ...", "The bidder shall ...": boilerplate keeps its modality."""
    sentence_checks.check_modality_where(
        records,
        "mandatory",
        lambda text: re.match(
            r"(Tenderers|Bidders|The bidder|Proponents|Respondents)\b[^.;]*\b(shall|must)\b", text
        ),
    )


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    extra = [
        (register, sum(bool(pattern.search(r["text"])) for r in recs))
        for register, (pattern, _) in sorted(REGISTERS.items())
    ]
    extra += [("three or more tags", sum(len(r["tags"]) >= 3 for r in recs))]
    extra += [("boilerplate", sum(r["kind"] == "plain" and not r["tags"] and not about(r) for r in recs))]

    def per_tag(tag: str) -> list[tuple[str, int]]:
        rows = [(f"`{tag}` paraphrase", sum(r["kind"] == "paraphrase" and tag in r["tags"] for r in recs))]
        if tag in KEYWORDS:
            rows.append((f"`{tag}` without its keywords", len(without_keywords(recs, tag))))
        return rows

    return sentence_checks.count_rows(recs, extra=extra, per_tag=per_tag)


def test_readme_table_matches_every_count(records: list[dict]) -> None:  # noqa: F811
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))


def test_file_is_plain_json_lines() -> None:
    sentence_checks.check_plain_json_lines(SPEC.path)


def test_every_tag_id_is_stated(records: list[dict]) -> None:  # noqa: F811
    assert {tag for rec in records for tag in rec["tags"]} == set(ALL_TAGS)
