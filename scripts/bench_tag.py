"""Words per second of the whole tag stage (`triage.tag.tag` on a Document), on one core.

The text is RFP-like: requirement sentences written for this script (not the labelled sets) mixed
with filler prose, about 80,000 words (the text of a 200-page RFP), one paragraph per passage. The
floor is `spacy.blank("en")` with only a sentencizer over the same paragraphs; both run side by
side, interleaved, and the medians are reported with their ratio.

    .venv/bin/python scripts/bench_tag.py [--words 80000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REQUIREMENTS = [
    "The portal shall integrate with the {sys} for orders, invoices and delivery notes.",
    "Users shall sign in once through single sign-on against the corporate directory.",
    "The solution must support {n} concurrent users with a response time under two seconds.",
    "Content should be published in {k} languages across the country sites.",
    "Dealers should be able to place orders and see their contract prices online.",
    "Applications shall be routed to a case officer and escalated after ten working days.",
    "All personal data shall be processed in accordance with the GDPR.",
    "Data shall be encrypted at rest and in transit, and an audit log shall be kept.",
    "The vendor may offer a knowledge base and discussion forums for staff.",
    "The platform should expose documented REST APIs for our own developers.",
    "Customers must be able to register, reset their password and manage their profile.",
    "Single sign-on is not required for public visitors.",
    "No integration with the legacy billing system is in scope for this phase.",
    "The service shall be available 99.9 % of the time, measured monthly.",
    "Residents, businesses and visitors each need their own journey through the site.",
    "Section 3.2 (e.g. the interface list) gives approx. {n} records per day.",
]
FILLER = [
    "The Authority was established in {year} and serves a population of about {n} people.",
    "This document describes the background, the current situation and the objectives of the project.",
    "Bidders are reminded that the timetable in the invitation may change at short notice.",
    "The project board meets monthly and reports to the executive committee.",
    "Further details are given in the annexes, which form part of this invitation.",
    "The current website was launched several years ago and has grown without a clear structure.",
    "Questions about this document should be sent through the procurement portal before the deadline.",
    "The successful bidder will work closely with the communications team throughout the contract.",
    "Prices shall be quoted in euro and include all costs, fees and expenses.",
    "Our teams are spread over several offices and meet in person once a quarter.",
]
SYSTEMS = ["ERP", "CRM", "SAP system", "billing system", "document management system"]


def paragraphs(words: int, seed: int = 7) -> list[str]:
    """RFP-like paragraphs of 2 to 6 sentences, about `words` words in all, deterministic."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < words:
        sentences = []
        for _ in range(rng.randint(2, 6)):
            pool = REQUIREMENTS if rng.random() < 0.35 else FILLER
            sentences.append(
                rng.choice(pool).format(
                    sys=rng.choice(SYSTEMS),
                    n=f"{rng.randint(2, 400) * 1000:,}",
                    k=rng.randint(2, 30),
                    year=rng.randint(1950, 2015),
                )
            )
        text = " ".join(sentences)
        out.append(text)
        total += len(text.split())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=80_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "bench_tag.json")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    import spacy

    from triage.tag import load_pipeline, tag
    from triage.types import Document, Passage

    texts = paragraphs(args.words)
    words = sum(len(t.split()) for t in texts)
    document = Document(
        path="bench.txt",
        sha256="0" * 64,
        format="txt",
        pages=None,
        passages=tuple(Passage(id=f"l{i}", text=t, kind="paragraph", line=i) for i, t in enumerate(texts)),
    )
    floor = spacy.blank("en")
    floor.add_pipe("sentencizer")
    load_pipeline()
    tag(document)  # warm up: the vocabulary learns the words once
    list(floor.pipe(texts, batch_size=256))
    gc.freeze()
    times: dict[str, list[float]] = {"floor": [], "triage": [], "floor_cpu": [], "triage_cpu": []}
    spans = 0
    for _ in range(args.repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        list(floor.pipe(texts, batch_size=256))
        times["floor"].append(time.perf_counter() - t0)
        times["floor_cpu"].append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        spans = len(tag(document).spans)
        times["triage"].append(time.perf_counter() - t0)
        times["triage_cpu"].append(time.process_time() - c0)
    floor_s = statistics.median(times["floor"])
    triage_s = statistics.median(times["triage"])
    floor_cpu = statistics.median(times["floor_cpu"])
    triage_cpu = statistics.median(times["triage_cpu"])
    result = {
        "words": words,
        "passages": len(texts),
        "spans": spans,
        "repeats": args.repeats,
        "floor_words_per_s": round(words / floor_s),
        "triage_words_per_s": round(words / triage_s),
        "triage_over_floor_time": round(triage_s / floor_s, 2),
        "floor_words_per_cpu_s": round(words / floor_cpu),
        "triage_words_per_cpu_s": round(words / triage_cpu),
        "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "target_words_per_s": 150_000,
        "target_met": words / triage_s >= 150_000,
    }
    print(f"text: {words:,} words in {len(texts):,} passages; {spans:,} tag spans; median of {args.repeats}")
    print(f"{'spacy.blank(en) + sentencizer':40} {result['floor_words_per_s']:>10,} words/s")
    print(
        f"{'triage.tag.tag (whole pipeline)':40} {result['triage_words_per_s']:>10,} words/s   target >= 150,000"
    )
    print(f"{'time ratio triage / floor':40} {result['triage_over_floor_time']:>10.2f} x")
    print(f"{'floor, per CPU second':40} {result['floor_words_per_cpu_s']:>10,} words/s")
    print(f"{'triage, per CPU second':40} {result['triage_words_per_cpu_s']:>10,} words/s")
    print(f"load average (1 min) while measuring: {result['load_average_1min']} on {os.cpu_count()} cores")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
