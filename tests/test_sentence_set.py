"""Checks that the labelled sentence sets in tests/data are well formed and cover what the tagger is
judged on: valid tag ids, modality and kind, unique ids, no sentence in both files, and the coverage
minimums written in tests/data/README.md. Reading the holdout file here is fine: these checks look at
its shape and counts, never tune anything on its text."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from triage.types import ALL_TAGS

DATA = Path(__file__).resolve().parent / "data"
FILES = {"dev": DATA / "sentences_dev.jsonl", "holdout": DATA / "sentences_holdout.jsonl"}
MODALITIES = {"mandatory", "desirable", "optional", "info"}
KINDS = {"plain", "paraphrase", "trap", "negation"}
KEYS = {"id", "text", "tags", "modality", "kind"}
OPTIONAL_KEYS = {"about"}


def load(path: Path) -> list[dict]:
    """The records of one JSON-lines file, failing with the line number of a broken line."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{path.name}:{number}: blank line"
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:  # pragma: no cover - only on a broken file
            pytest.fail(f"{path.name}:{number}: not JSON: {exc}")
    return records


@pytest.fixture(scope="module")
def sets() -> dict[str, list[dict]]:
    return {name: load(path) for name, path in FILES.items()}


@pytest.mark.parametrize("name", sorted(FILES))
def test_records_are_well_formed(sets: dict[str, list[dict]], name: str) -> None:
    for rec in sets[name]:
        where = f"{name} {rec.get('id')}"
        assert KEYS <= rec.keys() <= KEYS | OPTIONAL_KEYS, where
        assert isinstance(rec["text"], str) and rec["text"].strip() == rec["text"] and rec["text"], where
        assert rec["modality"] in MODALITIES, where
        assert rec["kind"] in KINDS, where
        for field in ("tags", *(["about"] if "about" in rec else [])):
            values = rec[field]
            assert isinstance(values, list), where
            assert set(values) <= set(ALL_TAGS), f"{where}: unknown tag in {values}"
            assert len(set(values)) == len(values), f"{where}: repeated tag in {values}"


def test_ids_are_unique_across_both_files(sets: dict[str, list[dict]]) -> None:
    ids = [rec["id"] for recs in sets.values() for rec in recs]
    duplicated = [i for i, n in Counter(ids).items() if n > 1]
    assert not duplicated, duplicated
    assert all(len(i) == 5 and i[0] == "s" and i[1:].isdigit() for i in ids)


def test_no_text_is_in_both_files_or_twice(sets: dict[str, list[dict]]) -> None:
    texts = [" ".join(rec["text"].lower().split()) for recs in sets.values() for rec in recs]
    duplicated = [t for t, n in Counter(texts).items() if n > 1]
    assert not duplicated, duplicated


def test_sizes_and_split(sets: dict[str, list[dict]]) -> None:
    total = len(sets["dev"]) + len(sets["holdout"])
    assert total >= 420
    assert len(sets["holdout"]) >= 140
    assert 0.25 <= len(sets["holdout"]) / total <= 0.45


@pytest.mark.parametrize("tag", ALL_TAGS)
def test_every_tag_is_covered(sets: dict[str, list[dict]], tag: str) -> None:
    every = sets["dev"] + sets["holdout"]
    assert sum(tag in rec["tags"] for rec in every) >= 18
    assert sum(tag in rec["tags"] for rec in sets["holdout"]) >= 6
    assert sum(rec["kind"] == "trap" and tag in rec.get("about", []) for rec in every) >= 5
    assert sum(rec["kind"] == "negation" and tag in rec.get("about", []) for rec in every) >= 3


def test_negated_tags_are_not_labelled(sets: dict[str, list[dict]]) -> None:
    """A negation names in `about` the tag it negates; that tag must not also be among its labels."""
    for rec in sets["dev"] + sets["holdout"]:
        if rec["kind"] == "negation":
            assert rec.get("about"), rec["id"]
            assert not set(rec["about"]) & set(rec["tags"]), rec["id"]


def test_modalities_kinds_and_untagged_share(sets: dict[str, list[dict]]) -> None:
    every = sets["dev"] + sets["holdout"]
    modalities = Counter(rec["modality"] for rec in every)
    kinds = Counter(rec["kind"] for rec in every)
    assert all(modalities[m] >= 30 for m in MODALITIES), modalities
    assert all(kinds[k] >= 60 for k in KINDS), kinds
    untagged = sum(not rec["tags"] for rec in every) / len(every)
    assert 0.10 <= untagged <= 0.30, untagged
    for name in FILES:  # every modality and kind appears on both sides of the split
        assert {rec["modality"] for rec in sets[name]} == MODALITIES, name
        assert {rec["kind"] for rec in sets[name]} == KINDS, name
