"""Checks that the tune8 training set (tests/data/sentences_tune8.jsonl) is well formed and does what it is
for: teach the tagger where negation ends. More than half of it negates or excludes tags in many forms
("need not", "in lieu of", "falls outside", "Q: ... A: No", a list head "Not in scope: ..."), and
the rest holds negative-looking words that do NOT negate a need ("no later than", "not less than",
"without manual re-keying", "none of our systems talk to each other", prohibitions that are
requirements), labelled as traps that keep their tag. Valid tag ids, modality and kind, ids numbered in
order, the labelling invariants of tests/data/README.md, the coverage minimums of its README section,
the forms it exists to cover, and no sentence (or near copy of one) shared with any other sentence set.
No failure prints another set's text.

This file holds the checks that are this set's own. Its Spec (`SPECS["tune8"]` in tests/sentence_sets.py:
its coverage minimums and which shared checks it takes) drives the checks it shares with other sets,
run by tests/test_sentence_sets.py (`pytest tests/test_sentence_sets.py -k tune8`)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import sentence_checks
from sentence_sets import README, SPECS, records_of

from triage.types import ALL_TAGS, REQUIREMENT_TAGS

SPEC = SPECS["tune8"]
records = records_of("tune8")

NEGATION_SHARE = (0.50, 0.60)
TRAP_SHARE = (0.36, 0.47)
MIN_NEGATIONS_PER_REQUIREMENT_TAG = 15  # counted from `about`
MIN_MIXED_NEGATIONS = 55  # a negation that states another tag beside the one it negates
MIN_MULTI_TAG_NEGATIONS = 15  # one sentence negating two or more tags (list heads, neither ... nor)

# Forms a negation takes here (regexes on the lower-cased text). Each must appear in at least two
# negations, and at least MIN_NEGATION_FORMS of them must: a model that only ever saw "is not
# required" learns little.
NEGATION_FORMS = {
    "not required": r"\bnot (be )?required\b",
    "not needed": r"\bnot (be )?needed\b",
    "need not": r"\bneed not\b",
    "does not need (to)": r"\b(does|do|will) not need\b|\bdon't need\b",
    "no requirement for": r"\bno requirement\b",
    "no ... is needed / required": r"\bno\b[^.;:]*\b(is|are|will be) (needed|required)\b",
    "without": r"\bwithout\b",
    "excluding / excluded": r"\bexclud(ing|ed)\b",
    "except": r"\bexcept\b",
    "other than": r"\bother than\b",
    "rather than / rather not": r"\brather (than|not)\b",
    "instead of": r"\binstead of\b",
    "in lieu of": r"\bin lieu of\b",
    "neither ... nor": r"\bneither\b",
    "nor (alone)": r"^(?!.*\bneither\b).*\bnor\b",
    "not ... either": r"\bnot\b.*\beither\b",
    "no longer": r"\bno longer\b",
    "retired / switched off, not replaced": r"\b(retired|switched off|abolished)\b",
    "falls outside": r"\bfalls? outside\b",
    "out of scope": r"\bout of scope\b",
    "outside the scope": r"\boutside the scope\b",
    "not part of": r"\bnot part of\b",
    "not in scope": r"\bnot in scope\b",
    "another contract / framework": r"\b(another|separate|its own|an existing) (contract|agreement|framework)\b",
    "separate lot / project": r"\bseparate (lot|project)\b|\bunder lot \d\b",
    "deferred / later phase": r"\bdeferred\b|\blater phase\b|\bphase 2\b",
    "does not intend to": r"\b(does|do) not intend\b",
    "not looking for / not after": r"\bnot (looking for|after)\b",
    "is not a requirement": r"\bnot a requirement\b",
    "will not be evaluated / scored": r"\bwill not be (evaluated|scored)\b",
    "should not": r"\bshould not\b",
    "must / shall not (an exclusion)": r"\b(must|shall) not\b",
    "there will / shall be no": r"\bthere (will|shall) be no\b",
    "not want / not wanted": r"\b(not want|not wanted|don't want)\b",
    "does not apply": r"\bdoes not apply\b",
    "not mandated": r"\bnot mandated\b|\bno particular\b",
    "unless": r"\bunless\b",
    "q&a answered no": r"\b(a|answer):? (no|not)\b|\| (no|not required)\b",
    "list head": r"^(the following [^:]*|excluded[^:]*|not in scope|out of scope[^:]*):",
    "will not": r"\bwill not\b",
}
MIN_NEGATION_FORMS = 36

# Negative-looking forms that do NOT negate the need: each needs this many traps that keep their tag.
TRAP_FORMS = {
    "deadline: no later than": (r"\bno later than\b", 8),
    "minimum: not less than / no fewer than": (r"\b(not less|no fewer|not fewer|no less) than\b", 12),
    "maximum: not exceed / no more than": (r"\b(not exceed|no more than|not more than|no longer than)\b", 12),
    "without (delay, re-keying, downtime ...)": (r"\bwithout\b", 20),
    "prohibition: must / shall not, never": (r"\b(must|shall|should) (not|never)\b|\bnever\b", 40),
    "pain: cannot, none of, nobody, no ... today": (
        r"\b(cannot|can't|none of|nobody|no one|no idea|no place|no area|not yet|does not travel)\b",
        25,
    ),
    "nothing in / nothing beyond": (r"\bnothing\b", 15),
    "not applicable in an unrelated field": (r"\bnot applicable\b", 10),
    "not only ... but also": (r"\bnot only\b", 8),
    "conditional: unless / if no / where no": (r"\bunless\b|\b(if|where) no\b", 12),
    "except / other than adding something": (r"\bexcept\b|\bother than\b|\bnot limited to\b", 6),
    "double negation": (r"\bnot the case\b|\bwrong to assume\b", 2),
    "one list item negated, the tag stays": (r"\bthough not\b|\bbut not\b", 5),
}
PROHIBITION = re.compile(r"\b(must|shall|should|may|will|can) (not|never)\b|\bmust never\b|\bcannot\b", re.I)
MIN_PROHIBITIONS = 60
# Modality of bare scope statements and of "need not" (README: "is out of scope" is info, "need not"
# optional): checked where no other requirement word stands in the sentence.
CUES = re.compile(
    r"\b(shall|must|required?|requires|need|needs|needed|has to|have to|is to be|mandatory|mandated|"
    r"will|should|prefer|preferred|ideally|would|want|wants|wanted|may|optional|expected)\b"
)
SCOPE = re.compile(
    r"\b(out of scope|outside the scope|falls? outside|not part of|not in scope|excluded|deferred)\b"
)


def negations(recs: list[dict]) -> list[dict]:
    return [rec for rec in recs if rec["kind"] == "negation"]


def traps(recs: list[dict]) -> list[dict]:
    return [rec for rec in recs if rec["kind"] == "trap"]


def test_kinds_are_balanced(records: list[dict]) -> None:
    kinds = Counter(rec["kind"] for rec in records)
    for kind, (low, high) in (("negation", NEGATION_SHARE), ("trap", TRAP_SHARE)):
        assert low <= kinds[kind] / len(records) <= high, (kind, kinds[kind], len(records))


@pytest.mark.parametrize("tag", REQUIREMENT_TAGS)
def test_every_requirement_tag_is_negated_often(records: list[dict], tag: str) -> None:
    negated = sum(tag in rec["about"] for rec in negations(records))
    assert negated >= MIN_NEGATIONS_PER_REQUIREMENT_TAG, (tag, negated)


@pytest.mark.parametrize("tag", ALL_TAGS)
def test_negated_tags_are_never_labelled(records: list[dict], tag: str) -> None:
    """Only the negated part loses its tag: a tag in `about` of a negation is never in its `tags`."""
    wrong = [rec["id"] for rec in negations(records) if tag in rec["about"] and tag in rec["tags"]]
    assert not wrong, wrong


def test_traps_keep_the_tag_they_look_negated_about(records: list[dict]) -> None:
    """Here a trap is a negative-looking word that does not negate: the tag it seems to negate is stated."""
    wrong = [rec["id"] for rec in traps(records) if not set(rec["about"]) <= set(rec["tags"])]
    assert not wrong, wrong


def test_about_only_on_traps_and_negations(records: list[dict]) -> None:
    wrong = [rec["id"] for rec in records if "about" in rec and rec["kind"] not in ("trap", "negation")]
    assert not wrong, wrong


def negation_form_counts(recs: list[dict]) -> dict[str, int]:
    texts = [rec["text"].lower() for rec in negations(recs)]
    return {name: sum(bool(re.search(rx, t)) for t in texts) for name, rx in NEGATION_FORMS.items()}


def test_negations_vary_in_form(records: list[dict]) -> None:
    counts = negation_form_counts(records)
    used = sorted(name for name, n in counts.items() if n >= 2)
    assert len(used) >= MIN_NEGATION_FORMS, (len(used), sorted(set(counts) - set(used)))


@pytest.mark.parametrize("form", sorted(TRAP_FORMS))
def test_each_negative_looking_form_has_traps(records: list[dict], form: str) -> None:
    pattern, minimum = TRAP_FORMS[form]
    found = sum(bool(re.search(pattern, rec["text"].lower())) for rec in traps(records))
    assert found >= minimum, (form, found)


def test_prohibitions_keep_their_tags(records: list[dict]) -> None:
    """ "must not let one policyholder see another's documents" is the requirement itself."""
    kept = [rec for rec in traps(records) if PROHIBITION.search(rec["text"])]
    assert len(kept) >= MIN_PROHIBITIONS, len(kept)


def test_negations_that_keep_another_tag(records: list[dict]) -> None:
    """ "SSO is not required, but the portal must serve 5,000 users": one tag goes, the other stays."""
    mixed = [rec for rec in negations(records) if rec["tags"]]
    assert len(mixed) >= MIN_MIXED_NEGATIONS, len(mixed)
    several = [rec for rec in negations(records) if len(rec["about"]) >= 2]
    assert len(several) >= MIN_MULTI_TAG_NEGATIONS, len(several)


def test_scope_statements_and_need_not_keep_the_readme_modality(records: list[dict]) -> None:
    wrong = []
    for rec in negations(records):
        text = rec["text"].lower()
        rest = text.replace("need not", "")
        if "need not" in text and not CUES.search(rest) and rec["modality"] != "optional":
            wrong.append(rec["id"])
        if SCOPE.search(text) and not CUES.search(text) and rec["modality"] != "info":
            wrong.append(rec["id"])
    assert not wrong, wrong


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    return sentence_checks.count_rows(recs)


def test_readme_table_matches_every_count(records: list[dict]) -> None:
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))
