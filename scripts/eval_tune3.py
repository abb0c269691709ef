"""Tag figures on the third tuning set (tests/data/sentences_tune3.jsonl), in its two parts, next to
dev, tune and tune2.

tune3's first part (t3-0001 … t3-0301) is tuned on; its last 80 sentences (the "aside" part) are a
check that is scored before and after each round but whose errors are never printed: `--errors` shows
the first part's wrong sentences only. Tagging goes through the same path as `triage tag --jsonl`
(scripts/eval_tagger.py's `tag_texts`), so the figures compare with `eval_tagger.py --tuning-only`.
It never reads a held-out set.

    .venv/bin/python scripts/eval_tune3.py [--errors] [--all]
    # --errors: print the tuned part's wrong sentences; --all: also dev, tune and tune2 (macro figures)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_tagger import DATA, score_items, score_sentences, tag_texts

TUNE3 = DATA / "sentences_tune3.jsonl"
ASIDE = 80  # the last 80 sentences: scored, never read for errors


def print_table(name: str, result: dict) -> None:
    print(f"\n== {name} ({result['sentences']} sentences)")
    print(f"{'tag':18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for tag, m in result["per_tag"].items():
        if m["tp"] + m["fp"] + m["fn"]:
            print(
                f"{tag:18} {m['precision']:6.2f} {m['recall']:6.2f} {m['f1']:6.2f} "
                f"{m['tp']:4} {m['fp']:4} {m['fn']:4}"
            )
    print(
        f"{'macro':18} {result['macro_precision']:6.3f} {result['macro_recall']:6.3f} {result['macro_f1']:6.3f}"
    )
    print(
        f"modality accuracy {result['modality_accuracy']:.3f}; negation sentences "
        f"{result['negation_sentences']}, negated tag still counted in {result['negated_counted']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="print the tuned part's wrong sentences")
    parser.add_argument("--all", action="store_true", help="also score dev, tune and tune2 (macro figures)")
    args = parser.parse_args(argv)
    items = [json.loads(line) for line in TUNE3.read_text(encoding="utf-8").splitlines() if line.strip()]
    predicted = tag_texts([it["text"] for it in items])
    cut = len(items) - ASIDE
    parts = {
        f"tune3 t3-0001 … {items[cut - 1]['id']} (tuned on)": score_items(
            items[:cut], predicted[:cut], show_errors=args.errors
        ),
        f"tune3 {items[cut]['id']} … {items[-1]['id']} (aside: scored, errors never read)": score_items(
            items[cut:], predicted[cut:]
        ),
        f"tune3 all {len(items)}": score_items(items, predicted),
    }
    for name, result in parts.items():
        print_table(name, result)
    rows = [(name, r) for name, r in parts.items()]
    if args.all:
        rows = [
            (name, score_sentences(DATA / f"sentences_{name}.jsonl")) for name in ("dev", "tune", "tune2")
        ] + rows
    print("\n| set | macro P | macro R | macro F1 |\n|---|---:|---:|---:|")
    for name, r in rows:
        print(f"| {name} | {r['macro_precision']:.3f} | {r['macro_recall']:.3f} | {r['macro_f1']:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
