"""How far two careful people agree on the tag set: the ceiling the tagger's accuracy figures sit under.

The held-out sets are each labelled by one author, and the targets ask the tagger to agree with that
author. Two people reading the same definitions also differ; how much says what a figure can mean.
Two measures, both labelled blind by a second annotator who saw the text and the definitions only
(never the first labels, the tagger or its output):

(a) written sentences: 320 sentences drawn at random (seed 20261127) from the tuning sets (dev, tune,
    tune2 … tune11) and labelled again, tags and modality (tests/data/agreement_second.jsonl: the
    original id and the second labels, no text). Printed: per tag, the second annotator scored against
    the first (precision, recall, F1), micro and macro F1 over the tags, and modality agreement.
(b) PROMISE NFR: its 370 non-functional requirements (../shared/bench/promise_nfr.csv, label != F)
    labelled with our four security tags by icp.md (tests/data/promise_icp_labels.jsonl: PROMISE's id
    and the tags, no text). Printed: PROMISE's SE label against "a security tag is stated" as that
    person reads the definitions -- the F1 a tagger that follows icp.md exactly would reach on the
    benchmark's own labels -- and the shipped tagger against the person's labels, per tag. These
    labels were made for this measure only: no rule, pattern or model was written or chosen from them.

    .venv/bin/python scripts/agreement.py
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_tagger import DATA, SHARED, prf, read_items, tag_texts  # noqa: E402

from triage.types import ALL_TAGS, SECURITY_TAGS  # noqa: E402

SECOND = DATA / "agreement_second.jsonl"
PROMISE_LABELS = DATA / "promise_icp_labels.jsonl"
SOURCES = ("dev", "tune", *(f"tune{n}" for n in range(2, 12)))


def confusion(reference: Sequence[bool], other: Sequence[bool]) -> dict[str, float]:
    """`other` scored against `reference`, item by item (precision, recall, F1, counts)."""
    pairs = list(zip(reference, other, strict=True))
    return prf(
        sum(a and b for a, b in pairs), sum(b and not a for a, b in pairs), sum(a and not b for a, b in pairs)
    )


def per_tag(
    reference: Sequence[set[str]], other: Sequence[set[str]], tags: Iterable[str] = ALL_TAGS
) -> dict[str, dict[str, float]]:
    """Per tag, `other` scored against `reference` (precision, recall, F1, counts)."""
    return {tag: confusion([tag in a for a in reference], [tag in b for b in other]) for tag in tags}


def summary(figures: dict[str, dict[str, float]]) -> dict[str, float]:
    """Micro F1 over all tags' counts and macro F1 over the tags that occur on either side."""
    tp, fp, fn = (sum(int(f[k]) for f in figures.values()) for k in ("tp", "fp", "fn"))
    present = [f["f1"] for f in figures.values() if f["tp"] + f["fp"] + f["fn"]]
    return {
        "micro_f1": prf(tp, fp, fn)["f1"],
        "macro_f1": round(sum(present) / len(present), 4) if present else 0.0,
    }


def print_table(figures: dict[str, dict[str, float]]) -> None:
    print(f"{'tag':20} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for tag, f in figures.items():
        print(
            f"{tag:20} {f['precision']:6.2f} {f['recall']:6.2f} {f['f1']:6.2f} {f['tp']:4} {f['fp']:4} {f['fn']:4}"
        )


def written() -> None:
    if not SECOND.is_file():
        print(f"(written sentences skipped: {SECOND} is absent)")
        return
    first = {item["id"]: item for name in SOURCES for item in read_items(DATA / f"sentences_{name}.jsonl")}
    second = read_items(SECOND)
    missing = [row["id"] for row in second if row["id"] not in first]
    if missing:
        raise SystemExit(f"{SECOND}: ids not in the tuning sets: {', '.join(missing[:5])}")
    a = [set(first[row["id"]]["tags"]) for row in second]
    b = [set(row["tags"]) for row in second]
    figures = per_tag(a, b)
    both = summary(figures)
    modality = sum(first[row["id"]]["modality"] == row["modality"] for row in second) / len(second)
    print(
        f"\n== written sentences, second annotator against the first ({len(second)} sentences, {SECOND.name})"
    )
    print_table(figures)
    print(
        f"micro F1 {both['micro_f1']:.3f}, macro F1 {both['macro_f1']:.3f}; modality agreement {modality:.3f};"
        f" identical tag sets {sum(x == y for x, y in zip(a, b, strict=True)) / len(a):.3f}"
    )


def promise() -> None:
    bench = SHARED / "bench" / "promise_nfr.csv"
    if not PROMISE_LABELS.is_file() or not bench.is_file():
        print(f"(PROMISE agreement skipped: {PROMISE_LABELS.name} or {bench} is absent)")
        return
    with bench.open(encoding="utf-8", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    labelled = read_items(PROMISE_LABELS)
    unknown = [item["id"] for item in labelled if item["id"] not in rows]
    if unknown:
        raise SystemExit(f"{PROMISE_LABELS}: ids not in {bench.name}: {', '.join(unknown[:5])}")
    security = frozenset(SECURITY_TAGS)
    person = [set(item["tags"]) & security for item in labelled]
    se = [rows[item["id"]]["label"].strip() == "SE" for item in labelled]
    tagged = [
        set(row["tags"]) & security for row in tag_texts([rows[item["id"]]["text"] for item in labelled])
    ]

    ceiling, shipped = confusion(se, [bool(p) for p in person]), confusion(se, [bool(t) for t in tagged])
    print(f"\n== PROMISE NFR, non-functional ({len(labelled)} requirements, {sum(se)} labelled SE)")
    print(f"{'SE against a security tag':42} {'P':>6} {'R':>6} {'F1':>6}")
    for name, f in (
        ("as a person reads icp.md (the ceiling)", ceiling),
        ("as the shipped tagger finds them", shipped),
    ):
        print(f"{name:42} {f['precision']:6.2f} {f['recall']:6.2f} {f['f1']:6.2f}")
    print("the shipped tagger against the person's security tags:")
    figures = per_tag(person, tagged, SECURITY_TAGS)
    print_table(figures)
    anyf = confusion([bool(p) for p in person], [bool(t) for t in tagged])
    print(f"any security tag: P {anyf['precision']:.2f} R {anyf['recall']:.2f} F1 {anyf['f1']:.2f}")
    print(
        "requirements the person tags but PROMISE does not label SE, by PROMISE label: "
        + ", ".join(
            f"{label}: {n}"
            for label, n in Counter(
                rows[item["id"]]["label"].strip()
                for item, p, g in zip(labelled, person, se, strict=True)
                if p and not g
            ).most_common()
        )
    )


def main() -> int:
    written()
    promise()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
