"""Sentences of the real RFPs in ../shared/rfps, sampled at random and labelled by hand: how the tagger
does on the text it will really meet (mostly boilerplate, few requirements), not only on labelled
sentence sets written to be rich in requirements.

The labels live in `tests/data/realdocs_labels.jsonl` WITHOUT the text (the RFPs stay in ../shared and
are never copied into the project): each line names the file, its sha256, the passage id and the
character offsets of the sentence in that passage, a sha1 of the sentence text (to notice an
extractor change that moved it), and its tags by the rules of tests/data/README.md.

    .venv/bin/python scripts/real_sentences.py sample OUT.jsonl [--n 800]   # the sentences to label, with text
    .venv/bin/python scripts/real_sentences.py extend OUT.jsonl [--n 800]   # more, none already labelled
    .venv/bin/python scripts/real_sentences.py merge SAMPLE.jsonl LABELS.jsonl ...  # add labelled ones to the file
    .venv/bin/python scripts/real_sentences.py check                         # do the labels still point at their text?

The sample is deterministic: every passage of every readable RFP is split with the tagger's own
sentence splitter, sentences of fewer than 3 words are dropped, at most `--per-file` are drawn from one
file, and the rest are drawn at random with a fixed seed. Each labelled sentence goes to the
validation half or the test half by a hash of its id (`half`), so either half stays put when
sentences are added.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from triage.atomic import write_atomic  # noqa: E402

SHARED = Path(os.environ.get("TRIAGE_SHARED", ROOT.parent / "shared"))
LABELS = ROOT / "tests" / "data" / "realdocs_labels.jsonl"
SEED = 11


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# Files of ../shared/rfps that belong to one procurement or programme (an attachment and its main
# document, two statements of work of one programme): they share wording, so a model judged on one
# must not have learned from the other (train_tag_classifier.real_fold).
FAMILY = {
    "alaska-ies-m2-submittal-forms.docx": "alaska-ies-milestone2-rfp.md",
    "gsa-smartpay-pws-attachment-f.docx": "gsa-smartpay-agile-dev-rfq.md",
    "usfs-epermit-api-soo.docx": "usfs-epermit-intake-soo.md",
}


def document_family(file_name: str) -> str:
    """The main document of the procurement `file_name` belongs to (itself if none is known)."""
    return FAMILY.get(file_name, file_name)


def read_jsonl(path: Path = LABELS) -> list[dict]:
    """The records of a JSON-lines file (by default the labels, without their text)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def half(sentence_id: str) -> str:
    """`validation` or `test`: a fixed pseudo-random half that does not depend on the text."""
    return (
        "validation"
        if int(hashlib.sha256(f"realdocs:{sentence_id}".encode()).hexdigest(), 16) % 2
        else "test"
    )


def documents(shared: Path) -> Iterator:
    """Each readable RFP of `shared/rfps` as an extracted Document (unreadable ones are skipped)."""
    from triage.errors import TriageError
    from triage.extract import extract

    for path in sorted((shared / "rfps").iterdir()):
        if path.suffix.lower() not in (".pdf", ".docx", ".md", ".txt") or path.name == "README.md":
            continue
        try:
            yield extract(path)
        except TriageError as exc:
            print(f"skipped {path.name}: {exc}", file=sys.stderr)


def sentences(document) -> Iterator[tuple[str, int, int, str]]:
    """(passage id, start, end, text) of every sentence of the document's body, as the tagger splits."""
    from triage.tag import load_pipeline

    nlp = load_pipeline()
    passages = [p for p in document.body if p.text.strip()]
    with nlp.select_pipes(enable=["rfp_sentences"]):
        for passage, doc in zip(passages, nlp.pipe(p.text for p in passages), strict=True):
            for sent in doc.sents:
                start, end = sent.start_char, sent.end_char
                text = passage.text[start:end].strip()
                if len(text.split()) >= 3:
                    lead = len(passage.text[start:end]) - len(passage.text[start:end].lstrip())
                    yield passage.id, start + lead, start + lead + len(text), text


def sample(
    shared: Path, n: int, per_file: int, seed: int = SEED, taken: frozenset = frozenset(), first_id: int = 1
) -> list[dict]:
    """`n` sentences drawn at random (at most `per_file` from one file), none of those `taken`
    (`(file, passage, start)`), numbered from `first_id` in file order."""
    rng = random.Random(seed)
    pool: list[dict] = []
    for document in documents(shared):
        name = Path(document.path).name
        found = [
            {"file": name, "sha256": document.sha256, "passage": pid, "start": a, "end": b, "text": t}
            for pid, a, b, t in sentences(document)
            if (name, pid, a) not in taken
        ]
        rng.shuffle(found)
        pool.extend(found[:per_file])
    rng.shuffle(pool)
    chosen = sorted(pool[:n], key=lambda r: (r["file"], r["passage"], r["start"]))
    for k, rec in enumerate(chosen, first_id):
        rec["id"] = f"r-{k:04d}"
    return chosen


def extend(shared: Path, n: int, per_file: int, seed: int, path: Path = LABELS) -> list[dict]:
    """`n` more sentences to label, none of them already in `path`, numbered on from its last id:
    drawn like `sample`, with another seed."""
    records = read_jsonl(path)
    taken = frozenset((r["file"], r["passage"], r["start"]) for r in records)
    return sample(shared, n, per_file, seed, taken, max(int(r["id"][2:]) for r in records) + 1)


LABEL_FIELDS = ("tags", "modality", "kind", "about", "note")


def merge(sample_path: Path, label_paths: list[Path], path: Path = LABELS) -> list[dict]:
    """The sentences of `sample_path` (written by `sample` / `extend`, with text) labelled in
    `label_paths` (JSON lines of id, tags, modality, kind and, where wanted, about and note), as records
    without their text, appended to `path` in id order. Refused, before anything is written: a sampled
    id or sentence already in `path` (a batch cannot be added twice), a sample naming one file with
    another sha256 than `path` does, a sentence with no label or two, and a label that breaks the
    labelling rules (tests/data/README.md)."""
    sample = read_jsonl(sample_path)
    sampled = {r["id"]: r for r in sample}
    if len(sampled) != len(sample):
        raise SystemExit(f"{sample_path}: an id is sampled twice")
    existing = read_jsonl(path) if path.is_file() else []
    have = {r["id"] for r in existing}
    if have & set(sampled):
        raise SystemExit(f"already in {path}: {sorted(have & set(sampled))[:5]} ...")
    places = {(r["file"], r["passage"], r["start"]) for r in existing}
    versions = {r["file"]: r["sha256"] for r in existing}
    for r in sample:
        if (r["file"], r["passage"], r["start"]) in places:
            raise SystemExit(f"{r['id']}: its sentence is already labelled in {path} under another id")
        if versions.setdefault(r["file"], r["sha256"]) != r["sha256"]:
            raise SystemExit(f"{r['id']}: {r['file']} is not the version of the file labelled so far")
    labels: dict[str, dict] = {}
    for label_path in label_paths:
        for rec in read_jsonl(label_path):
            if rec.get("id") in labels:
                raise SystemExit(f"{label_path}: {rec['id']} is labelled twice; keep one label per sentence")
            if rec.get("id") not in sampled:
                raise SystemExit(f"{label_path}: {rec.get('id')} is not a sentence of {sample_path}")
            problem = label_problem(rec)
            if problem:
                raise SystemExit(f"{label_path}: {rec['id']} {problem}")
            labels[rec["id"]] = rec
    missing = sorted(set(sampled) - set(labels))
    if missing:
        raise SystemExit(f"{len(missing)} sampled sentences have no label, e.g. {missing[:5]}")
    added = []
    for sid in sorted(sampled):
        s = sampled[sid]
        rec = {k: s[k] for k in ("id", "file", "sha256", "passage", "start", "end")}
        rec["text_sha1"] = sha1(s["text"])
        rec |= {k: labels[sid][k] for k in LABEL_FIELDS if k in labels[sid]}
        if s["text"] in str(rec.get("note", "")):
            raise SystemExit(f"{sid}: its note quotes the sentence; the project keeps no text of the RFPs")
        added.append(rec)
    head = path.read_bytes() if path.is_file() else b""
    if head and not head.endswith(b"\n"):
        head += b"\n"
    body = "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in added).encode("utf-8")
    write_atomic(path, head + body)
    return added


MODALITIES = ("mandatory", "desirable", "optional", "info")
KINDS = ("plain", "paraphrase", "trap", "negation")


def label_problem(rec: dict) -> str | None:
    """What is wrong with one label by the rules of tests/data/README.md, or None."""
    from triage.types import ALL_TAGS

    tags = rec.get("tags")
    if not re.fullmatch(r"r-\d{4}", str(rec.get("id"))):
        return "has no id of the form r-NNNN"
    if not isinstance(tags, list) or tags != [t for t in ALL_TAGS if t in tags]:
        return "has unknown tags or tags out of order"
    if rec.get("modality") not in MODALITIES or rec.get("kind") not in KINDS:
        return f"needs a modality of {MODALITIES} and a kind of {KINDS}"
    about = rec.get("about")
    if rec["kind"] in ("trap", "negation") and not (about and set(about) <= set(ALL_TAGS)):
        return "is a trap or negation without the tags it is 'about'"
    if rec["kind"] == "negation" and set(about) & set(tags):
        return "negates a tag it also carries"
    if set(rec) - {"id", *LABEL_FIELDS}:
        return f"has fields other than id and {LABEL_FIELDS}"
    return None


def labelled(shared: Path = SHARED, path: Path = LABELS) -> list[dict]:
    """The labelled real sentences, each with its text read back from the RFP it came from.

    Raises SystemExit naming the sentences whose file or text no longer matches."""
    from triage.extract import extract

    records = read_jsonl(path)
    by_file: dict[str, dict[str, str]] = {}
    problems = []
    for rec in records:
        if rec["file"] not in by_file:
            document = extract(shared / "rfps" / rec["file"])
            if document.sha256 != rec["sha256"]:
                problems.append(f"{rec['file']}: not the file that was labelled (sha256 differs)")
            by_file[rec["file"]] = {p.id: p.text for p in document.passages}
        text = by_file[rec["file"]].get(rec["passage"], "")[rec["start"] : rec["end"]]
        if sha1(text) != rec["text_sha1"]:
            problems.append(
                f"{rec['id']}: {rec['file']} {rec['passage']} no longer holds the labelled sentence"
            )
        rec["text"] = text
        rec["half"] = half(rec["id"])
    if problems:
        raise SystemExit("real sentence labels out of date:\n  " + "\n  ".join(problems))
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser(
        "sample", help="write the sentences to label, with their text (keep it out of the project)"
    )
    s.add_argument("out", type=Path)
    s.add_argument("--n", type=int, default=800)
    s.add_argument("--per-file", type=int, default=45)
    e = sub.add_parser("extend", help="write more sentences to label, none already labelled (with text)")
    e.add_argument("out", type=Path)
    e.add_argument("--n", type=int, default=800)
    e.add_argument("--per-file", type=int, default=45)
    e.add_argument("--seed", type=int, default=SEED + 1)
    m = sub.add_parser("merge", help="add the labels of sampled sentences to the labels file (without text)")
    m.add_argument("sample", type=Path, help="the file `sample` or `extend` wrote")
    m.add_argument("labels", type=Path, nargs="+", help="JSON lines: id, tags, modality, kind[, about, note]")
    sub.add_parser("check", help="check that every label still points at its sentence")
    args = parser.parse_args(argv)
    if args.command in ("sample", "extend"):
        if args.command == "sample":
            rows = sample(SHARED, args.n, args.per_file)
        else:
            rows = extend(SHARED, args.n, args.per_file, args.seed)
        with args.out.open("w", encoding="utf-8") as fh:
            for rec in rows:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"wrote {len(rows)} sentences from {len({r['file'] for r in rows})} files to {args.out}")
    elif args.command == "merge":
        rows = merge(args.sample, args.labels)
        print(f"added {len(rows)} labelled sentences to {LABELS}")
    else:
        rows = labelled()
        print(f"{len(rows)} labelled real sentences, all in place")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
