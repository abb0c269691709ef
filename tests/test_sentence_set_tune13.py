"""Checks that the tune13 training set (tests/data/sentences_tune13.jsonl) is well formed and does what it is
for: teach the per-tag text classifier the five tags it still gets wrong most on validation data
(`account_services`, `workflow`, `user_roles`, `b2b_portal`, `out_of_scope`), each stated often in many
registers (UK / EU tenders, US SOW / PWS / SOO, requirement-matrix rows, user stories, the buyer's own
words, Q&A answers) and each imitated by traps in its procurement sense (the tender portal bidders register
on, the evaluation panel, the bidder's delivery method, a web project that merely mentions printing).
Valid tag ids, modality and kind, ids numbered in order, the labelling invariants of tests/data/README.md,
the coverage minimums of its README section, the named traps, the kinds of non-software procurement,
modality that follows the written cues, and no sentence (or near copy of one) shared with any other
sentence set. No failure prints another set's text.

This file holds the checks that are this set's own. Its Spec (`SPECS["tune13"]` in tests/sentence_sets.py:
its coverage minimums and which shared checks it takes) drives the checks it shares with other sets,
run by tests/test_sentence_sets.py (`pytest tests/test_sentence_sets.py -k tune13`)."""

from __future__ import annotations

import pytest
import sentence_checks
from sentence_checks import about
from sentence_sets import README, SPECS, records_of

SPEC = SPECS["tune13"]
records = records_of("tune13")

FOCUS_TAGS = ("account_services", "workflow", "user_roles", "b2b_portal", "out_of_scope")
MIN_FOCUS_POSITIVES = 60  # tagged sentences per focus tag
MIN_FOCUS_TRAPS = 20  # traps whose `about` names the focus tag
MIN_FOCUS_NEGATIONS = 5  # negations whose `about` names the focus tag
MIN_BUYER_WORDS = 15  # per focus tag: paraphrases (today's pain, the buyer's own words) carrying it


@pytest.mark.parametrize("tag", FOCUS_TAGS)
def test_each_focus_tag_is_stated_imitated_and_negated_often(records: list[dict], tag: str) -> None:
    positives = sum(tag in rec["tags"] for rec in records)
    traps = sum(rec["kind"] == "trap" and tag in about(rec) for rec in records)
    negations = sum(rec["kind"] == "negation" and tag in about(rec) for rec in records)
    assert positives >= MIN_FOCUS_POSITIVES, (tag, positives)
    assert traps >= MIN_FOCUS_TRAPS, (tag, traps)
    assert negations >= MIN_FOCUS_NEGATIONS, (tag, negations)


@pytest.mark.parametrize("tag", FOCUS_TAGS)
def test_each_focus_tag_is_said_in_the_buyers_own_words(records: list[dict], tag: str) -> None:
    """ "Customers phone us to change their delivery address": the need without the feature's name."""
    found = sum(rec["kind"] == "paraphrase" and tag in rec["tags"] for rec in records)
    assert found >= MIN_BUYER_WORDS, (tag, found)


def test_side_mentions_of_non_software_are_traps_without_out_of_scope(records: list[dict]) -> None:
    """A web project that merely mentions printing, devices or staff: a trap about `out_of_scope`, and at
    least half of them carrying the real need they stand beside."""
    side = [
        rec
        for rec in records
        if rec["kind"] == "trap" and "out_of_scope" in about(rec) and "out_of_scope" not in rec["tags"]
    ]
    assert len(side) >= 12, len(side)
    assert sum(bool(rec["tags"]) for rec in side) >= len(side) // 2


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    extra = sentence_checks.register_rows(recs, SPEC.registers)

    def per_tag(tag: str) -> list[tuple[str, int]]:
        return [(f"`{tag}` paraphrase", sum(r["kind"] == "paraphrase" and tag in r["tags"] for r in recs))]

    return sentence_checks.count_rows(recs, extra=extra, per_tag=per_tag)


def test_readme_table_matches_every_count(records: list[dict]) -> None:
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))
