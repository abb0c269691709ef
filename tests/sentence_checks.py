"""Checks every held-out sentence set shares (tests/test_sentence_set_holdout2.py, ..._holdout3.py):
well-formed records, ids numbered in order, traps and negations that say what they are about, and the
other sets' sentences kept out of failure messages."""

from __future__ import annotations

import re

from test_sentence_set import KEYS, KINDS, MODALITIES, OPTIONAL_KEYS

from triage.types import ALL_TAGS


class OtherTexts(list):
    """The sentences of the other sets; its repr hides them so a failure never prints their wording."""

    def __repr__(self) -> str:
        return f"<{len(self)} sentences of the other sets>"


def normalised(text: str) -> str:
    """Lower case with runs of white space folded, so trivial re-spacing does not hide a copy."""
    return " ".join(text.lower().split())


def check_well_formed(records: list[dict], id_pattern: re.Pattern[str]) -> None:
    for rec in records:
        where = rec.get("id")
        assert KEYS <= rec.keys() <= KEYS | OPTIONAL_KEYS, where
        assert id_pattern.fullmatch(rec["id"]), where
        assert isinstance(rec["text"], str) and rec["text"] and rec["text"].strip() == rec["text"], where
        assert rec["modality"] in MODALITIES, where
        assert rec["kind"] in KINDS, where
        for field in ("tags", *(["about"] if "about" in rec else [])):
            values = rec[field]
            assert isinstance(values, list), where
            assert set(values) <= set(ALL_TAGS), f"{where}: unknown tag in {values}"
            assert values == [t for t in ALL_TAGS if t in values], f"{where}: {field} not in ALL_TAGS order"


def check_numbered(records: list[dict], prefix: str) -> None:
    ids = [rec["id"] for rec in records]
    assert ids == [f"{prefix}{n:04d}" for n in range(1, len(ids) + 1)]


def check_traps_and_negations(records: list[dict]) -> None:
    for rec in records:
        if rec["kind"] in ("trap", "negation"):
            assert rec.get("about"), f"{rec['id']}: a {rec['kind']} needs 'about'"
        if rec["kind"] == "negation":
            negated_and_tagged = set(rec["about"]) & set(rec["tags"])
            assert not negated_and_tagged, f"{rec['id']}: negated tag also labelled {negated_and_tagged}"


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def check_no_copies(records: list[dict], other_texts: list[str]) -> None:
    """No sentence twice, none shared with the other sets, none sharing 80 % of its words with one."""
    mine = [normalised(rec["text"]) for rec in records]
    repeated = [rec["id"] for rec, text in zip(records, mine, strict=True) if mine.count(text) > 1]
    assert not repeated, repeated
    theirs = {normalised(t) for t in other_texts}
    shared = [rec["id"] for rec, text in zip(records, mine, strict=True) if text in theirs]
    assert not shared, shared
    bags = [words(t) for t in other_texts]
    close = []
    for rec in records:
        own = words(rec["text"])
        if any(own and other and len(own & other) / len(own | other) >= 0.8 for other in bags):
            close.append(rec["id"])
    assert not close, close
