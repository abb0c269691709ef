"""Checks that the tune11 training set (tests/data/sentences_tune11.jsonl) is well formed and does what it is
for: teach the per-tag text classifier the register of real procurement documents (US federal and state
RFPs, RFQs, PWS / SOW / SOO documents), where most sentences are boilerplate and the requirements come as
"The Contractor shall …" tasks, "The system shall …" rows, user stories and descriptions of how an office
works today. Valid tag ids, modality and kind, ids numbered in order, the labelling invariants of
tests/data/README.md, the coverage minimums of its README section, the six tags the tagger misses most in
that register (`workflow`, `security_ops`, `integration`, `multi_site`, `compliance`, `out_of_scope`) stated
often, the traps the task named, modality that follows the written cues, and no sentence (or near copy of
one) shared with any other sentence set. No failure prints another set's text.

This file holds the checks that are this set's own. Its Spec (`SPECS["tune11"]` in tests/sentence_sets.py:
its coverage minimums and which shared checks it takes) drives the checks it shares with other sets,
run by tests/test_sentence_sets.py (`pytest tests/test_sentence_sets.py -k tune11`)."""

from __future__ import annotations

import re

import pytest
import sentence_checks
from sentence_checks import about
from sentence_sets import README, SPECS, records_of

SPEC = SPECS["tune11"]
records = records_of("tune11")

FOCUS_TAGS = ("workflow", "security_ops", "integration", "multi_site", "compliance", "out_of_scope")
MIN_FOCUS_POSITIVES = 40  # tagged sentences per focus tag
MIN_FOCUS_TRAPS = 5  # traps whose `about` names the focus tag
MIN_PROCESS_DESCRIPTIONS = 20  # how an office works today: `workflow` stated as background (`info`)

USER_STORY = re.compile(r"^As an? [^,]+, I want\b", flags=re.IGNORECASE)


@pytest.mark.parametrize("tag", FOCUS_TAGS)
def test_each_focus_tag_is_stated_often_and_imitated(records: list[dict], tag: str) -> None:
    positives = sum(tag in rec["tags"] for rec in records)
    traps = sum(rec["kind"] == "trap" and tag in about(rec) for rec in records)
    assert positives >= MIN_FOCUS_POSITIVES, (tag, positives)
    assert traps >= MIN_FOCUS_TRAPS, (tag, traps)


def test_process_descriptions_of_today_carry_workflow(records: list[dict]) -> None:
    """ "The Calendar Section schedules cases for trial and issues notices": a process told as background."""
    described = [rec["id"] for rec in records if "workflow" in rec["tags"] and rec["modality"] == "info"]
    assert len(described) >= MIN_PROCESS_DESCRIPTIONS, len(described)


def count_rows(recs: list[dict]) -> list[tuple[str, int]]:
    """The rows of the README's counts table, computed as the snippet in that section computes them."""
    extra = [
        ("user stories", sum(bool(USER_STORY.match(r["text"])) for r in recs)),
        ("`workflow` in `info`", sum("workflow" in r["tags"] and r["modality"] == "info" for r in recs)),
    ]
    return sentence_checks.count_rows(recs, extra=extra)


def test_readme_table_matches_every_count(records: list[dict]) -> None:
    sentence_checks.check_readme_table(README, SPEC.section, count_rows(records))
