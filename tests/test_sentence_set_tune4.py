"""Checks that the tune4 training set (tests/data/sentences_tune4.jsonl) is well formed and varied enough
to train the per-tag text classifier: valid tag ids, modality and kind, ids numbered in order, the
labelling invariants of tests/data/README.md, the coverage minimums of its README section (positives,
traps and negations per tag, the share of each kind), negations of many forms, prohibitions that keep
their tags, and no sentence (or near copy of one) shared with any other sentence set. No failure prints
another set's text.

This file holds the checks that are this set's own. Its Spec (`SPECS["tune4"]` in tests/sentence_sets.py:
its coverage minimums and which shared checks it takes) drives the checks it shares with other sets,
run by tests/test_sentence_sets.py (`pytest tests/test_sentence_sets.py -k tune4`)."""

from __future__ import annotations

import re
from collections import Counter

import sentence_checks
from sentence_sets import README, SPECS, records_of

SPEC = SPECS["tune4"]
records = records_of("tune4")

TRAP_SHARE = (0.15, 0.20)
NEGATION_SHARE = (0.12, 0.15)
MIN_MIXED_NEGATIONS = 20  # a negation that states another tag beside the one it negates
MIN_PROHIBITIONS = 20  # "must never approve their own claims": a trap that keeps its tags
PROHIBITION = re.compile(r"\b(must|shall|should|may|will|can) (not|never)\b|\bmust never\b|\bcannot\b", re.I)


def test_kinds_are_balanced(records: list[dict]) -> None:
    kinds = Counter(rec["kind"] for rec in records)
    for kind, (low, high) in (("trap", TRAP_SHARE), ("negation", NEGATION_SHARE)):
        assert low <= kinds[kind] / len(records) <= high, (kind, kinds[kind], len(records))


def test_mixed_negations_keep_the_stated_tag(records: list[dict]) -> None:
    """ "SSO is not required, but the portal must serve 5,000 users" negates one tag and states another."""
    mixed = [rec for rec in records if rec["kind"] == "negation" and rec["tags"]]
    assert len(mixed) >= MIN_MIXED_NEGATIONS, len(mixed)


def test_prohibitions_keep_their_tags(records: list[dict]) -> None:
    """A prohibition ("users must never approve their own claims") is the requirement itself: such a
    sentence is a trap whose decoy tag is also among its labels, never a negation of it."""
    prohibitions = [
        rec
        for rec in records
        if rec["kind"] == "trap" and PROHIBITION.search(rec["text"]) and set(rec["about"]) & set(rec["tags"])
    ]
    assert len(prohibitions) >= MIN_PROHIBITIONS, len(prohibitions)


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    return sentence_checks.count_rows(recs)


def test_readme_table_matches_every_count(records: list[dict]) -> None:
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))
