"""Tag figures on the second tuning set (tests/data/sentences_tune2.jsonl), next to dev and tune.

Reuses the scorer of scripts/eval_tagger.py (same path as `triage tag --jsonl`), so the figures are
comparable with what `eval_tagger.py --tuning-only` prints. It never reads a held-out set.

    .venv/bin/python scripts/eval_tune2.py [--errors] [--all]
    # --errors: print tune2's wrong sentences; --all: also print the dev and tune macro figures
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_tagger import DATA, print_sentence_table, score_sentences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="print tune2's wrong sentences")
    parser.add_argument("--all", action="store_true", help="also score dev and tune (macro figures)")
    args = parser.parse_args(argv)
    result = score_sentences(DATA / "sentences_tune2.jsonl", show_errors=args.errors)
    print_sentence_table("tune2 (written from the definitions before tuning; rules tuned on it)", result)
    if args.all:
        print("\n| set | macro P | macro R | macro F1 |\n|---|---:|---:|---:|")
        for name in ("dev", "tune", "tune2"):
            r = result if name == "tune2" else score_sentences(DATA / f"sentences_{name}.jsonl")
            print(f"| {name} | {r['macro_precision']:.3f} | {r['macro_recall']:.3f} | {r['macro_f1']:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
