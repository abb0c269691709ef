"""Checks that the tune5 training sentence set (tests/data/sentences_tune5.jsonl) is well formed and
covers what the trained tag classifier learns from: valid tag ids, modality and kind, ids numbered in
order, the labelling invariants of tests/data/README.md, the coverage minimums of its README section,
negations of many forms, prohibitions that keep their tags, and no sentence (or near copy of one) shared
with any other sentence set. No failure prints another set's text.

This file holds the checks that are this set's own. Its Spec (`SPECS["tune5"]` in tests/sentence_sets.py:
its coverage minimums and which shared checks it takes) drives the checks it shares with other sets,
run by tests/test_sentence_sets.py (`pytest tests/test_sentence_sets.py -k tune5`)."""

from __future__ import annotations

import re
from collections import Counter

from sentence_sets import README, SPECS, records_of

from triage.types import ALL_TAGS

SPEC = SPECS["tune5"]
records = records_of("tune5")

MIN_PROHIBITIONS = 20
MIN_MIXED_NEGATIONS = 30
# A negative word that does not negate the tag: a prohibition is itself the requirement.
PROHIBITION = re.compile(r"\b(must|shall|should|will|may) (not|never)\b|\bmust never\b", re.IGNORECASE)


def test_prohibitions_are_traps_that_keep_their_tags(records: list[dict]) -> None:
    """ "The system shall not store card numbers in clear text" states a security need: such sentences are
    traps whose decoy ("not") is also their label, so a classifier learns that "not" alone negates nothing."""
    prohibitions = [rec for rec in records if rec["kind"] == "trap" and PROHIBITION.search(rec["text"])]
    kept = [rec for rec in prohibitions if rec["tags"] and set(rec["about"]) <= set(rec["tags"])]
    assert len(kept) >= MIN_PROHIBITIONS, len(kept)


def test_some_negations_keep_another_tag(records: list[dict]) -> None:
    """ "SSO is not required, but the portal must serve 5,000 users" negates one tag and states another."""
    mixed = [rec["id"] for rec in records if rec["kind"] == "negation" and rec["tags"]]
    assert len(mixed) >= MIN_MIXED_NEGATIONS, mixed


def test_about_only_on_traps_and_negations(records: list[dict]) -> None:
    """A plain or paraphrase sentence says what it states; `about` belongs to traps and negations."""
    stray = [rec["id"] for rec in records if rec["kind"] in ("plain", "paraphrase") and "about" in rec]
    assert not stray, stray


def counts_table(records: list[dict]) -> dict[str, int]:
    """The rows of the README section's counts table, computed from the file."""
    rows = {"sentences": len(records), "no tag": sum(not r["tags"] for r in records)}
    rows["two or more tags"] = sum(len(r["tags"]) >= 2 for r in records)
    rows["with a number"] = sum(bool(re.search(r"\d[\d,.]*\s*(%|[a-z])", r["text"].lower())) for r in records)
    rows |= {f"kind `{k}`": n for k, n in sorted(Counter(r["kind"] for r in records).items())}
    rows |= {f"modality `{m}`": n for m, n in sorted(Counter(r["modality"] for r in records).items())}
    for tag in ALL_TAGS:
        rows[f"`{tag}` positive"] = sum(tag in r["tags"] for r in records)
        rows[f"`{tag}` trap"] = sum(r["kind"] == "trap" and tag in r.get("about", []) for r in records)
        rows[f"`{tag}` negation"] = sum(
            r["kind"] == "negation" and tag in r.get("about", []) for r in records
        )
    return rows


def test_readme_table_matches_every_row(records: list[dict]) -> None:
    """Every row of the section's table (traps, negations, modalities and kinds too), not only the rows
    the shared check reads."""
    section = README.read_text(encoding="utf-8").split(SPEC.section, 1)[1].split("\n## ", 1)[0]
    table = {name: int(n) for name, n in re.findall(r"^\| (.+?) \| (\d+) \|$", section, flags=re.MULTILINE)}
    assert table == counts_table(records)
