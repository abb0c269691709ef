"""Checks that the tune10 training set (tests/data/sentences_tune10.jsonl) is well formed and does what it is
for: teach the per-tag text classifier the eight tags that generalised worst on sentences written apart from
it (`account_services`, `access_control`, `b2b_portal`, `simple_site`, `out_of_scope`, `scale`, `turnkey`,
`extensibility`), with indirect statements of each and traps that use their words in another sense. Valid
tag ids, modality and kind, ids numbered in order, the labelling invariants of tests/data/README.md, the
coverage minimums of its README section, enough positives and traps per focus tag, side mentions of
hardware / printing / staff that do not make a procurement `out_of_scope`, numbers that are not load,
modality that follows the written cues, and no sentence (or near copy of one) shared with any other
sentence set. No failure prints another set's text.

This file holds the checks that are this set's own. Its Spec (`SPECS["tune10"]` in tests/sentence_sets.py:
its coverage minimums and which shared checks it takes) drives the checks it shares with other sets,
run by tests/test_sentence_sets.py (`pytest tests/test_sentence_sets.py -k tune10`)."""

from __future__ import annotations

import re

import pytest
import sentence_checks
from sentence_checks import about
from sentence_sets import README, SPECS, records_of

SPEC = SPECS["tune10"]
records = records_of("tune10")

FOCUS_TAGS = (
    "account_services",
    "access_control",
    "b2b_portal",
    "simple_site",
    "out_of_scope",
    "scale",
    "turnkey",
    "extensibility",
)
MIN_FOCUS_POSITIVES = 30  # tagged sentences per focus tag
MIN_FOCUS_TRAPS = 14  # traps whose `about` names the focus tag
MIN_FOCUS_SHARE = 0.80  # sentences that carry a focus tag or are a trap / negation about one
MIN_TRAPS_WITH_ANOTHER_TAG = 50  # traps that carry a real tag other than the one they look like

MIN_OOS_SIDE_MENTIONS = 20  # traps about `out_of_scope`: hardware, printing, staff beside a software need
MIN_OOS_SIDE_MENTIONS_WITH_A_NEED = 12  # ... of which carry the real need they stand beside
MIN_OOS_DRESSED_AS_ANOTHER_TAG = (
    10  # non-software procurements in another tag's words ("turnkey", "security")
)
MIN_SCALE_TRAPS_WITH_A_NUMBER = 20  # numbers that are not load: population, headcount, articles, parcels


@pytest.mark.parametrize("tag", FOCUS_TAGS)
def test_each_focus_tag_has_positives_and_traps(records: list[dict], tag: str) -> None:
    """The set exists for these tags: each stated often, and each imitated often by sentences that are not it."""
    positives = sum(tag in rec["tags"] for rec in records)
    traps = sum(rec["kind"] == "trap" and tag in about(rec) for rec in records)
    assert positives >= MIN_FOCUS_POSITIVES, (tag, positives)
    assert traps >= MIN_FOCUS_TRAPS, (tag, traps)


def test_the_set_is_about_the_focus_tags(records: list[dict]) -> None:
    focus = set(FOCUS_TAGS)
    on_focus = sum(bool(focus & (set(rec["tags"]) | set(about(rec)))) for rec in records)
    assert on_focus / len(records) >= MIN_FOCUS_SHARE, on_focus


def test_traps_often_carry_another_real_tag(records: list[dict]) -> None:
    """A decoy word beside a real need: the classifier must keep the need and drop the decoy."""
    other_tag = [rec["id"] for rec in records if rec["kind"] == "trap" and set(rec["tags"]) - set(about(rec))]
    assert len(other_tag) >= MIN_TRAPS_WITH_ANOTHER_TAG, len(other_tag)


def test_out_of_scope_is_the_procurement_not_a_side_mention(records: list[dict]) -> None:
    """`out_of_scope` says what is bought. Hardware, printing, cleaning or staff that only stand beside a
    software need are traps without it, and a procurement of such things keeps it in a decoy's words."""
    side = [
        rec
        for rec in records
        if rec["kind"] == "trap" and "out_of_scope" in about(rec) and "out_of_scope" not in rec["tags"]
    ]
    assert len(side) >= MIN_OOS_SIDE_MENTIONS, len(side)
    with_a_need = sum(bool(rec["tags"]) for rec in side)
    assert with_a_need >= MIN_OOS_SIDE_MENTIONS_WITH_A_NEED, with_a_need
    dressed = sum(
        rec["kind"] == "trap" and "out_of_scope" in rec["tags"] and bool(set(about(rec)) - {"out_of_scope"})
        for rec in records
    )
    assert dressed >= MIN_OOS_DRESSED_AS_ANOTHER_TAG, dressed


def test_numbers_that_are_not_load_are_not_scale(records: list[dict]) -> None:
    """Counts of people, things or money that the system does not serve are traps about `scale`."""
    traps = [
        rec["id"]
        for rec in records
        if rec["kind"] == "trap"
        and "scale" in about(rec)
        and "scale" not in rec["tags"]
        and re.search(r"\d", rec["text"])
    ]
    assert len(traps) >= MIN_SCALE_TRAPS_WITH_A_NUMBER, len(traps)


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""

    def per_tag(tag: str) -> list[tuple[str, int]]:
        return [(f"`{tag}` paraphrase", sum(r["kind"] == "paraphrase" and tag in r["tags"] for r in recs))]

    return sentence_checks.count_rows(recs, per_tag=per_tag)


def test_readme_table_matches_every_count(records: list[dict]) -> None:
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))
