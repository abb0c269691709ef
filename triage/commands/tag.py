"""Print the ICP tags found in one document, each with its evidence.

Every mention shows its tag, the words that matched, the sentence, where it stands (page, paragraph
or table cell), its modality (mandatory / desirable / optional / info), whether it is negated or in
boilerplate, a quantity when one belongs to it, and the taxonomy rule that fired. The document's
vertical is shown with its evidence.

With --jsonl, reads JSON lines {"text": "..."} on standard input and writes one JSON line per input
line: {"text", "tags", "modality", "spans": [{"tag", "start", "end", "text", "negated"}]}, where
`tags` lists every tag the text states and does not negate. A bad input line gets an error line on
standard error naming its line number, and the rest go on.

The rules are in triage/tag/taxonomy.yaml; --taxonomy (or TRIAGE_TAXONOMY) merges your own YAML
file over them.

examples:
  triage tag rfp.pdf                       the tags, grouped by tag, with evidence
  triage tag rfp.docx --format json        the TaggedDocument as JSON
  echo '{"text": "SSO is not required."}' | triage tag --jsonl
  triage tag rfp.pdf --taxonomy my-rules.yaml
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", nargs="?", help="a PDF, DOCX, TXT or MD document")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    parser.add_argument(
        "--jsonl",
        action="store_true",
        help='read JSON lines {"text": ...} on standard input, write one JSON line of tags per line',
    )
    parser.add_argument(
        "--taxonomy", metavar="YAML", default=None, help="your taxonomy file, merged over the default rules"
    )


def run(args: argparse.Namespace) -> int:
    from triage.errors import UsageError

    if args.jsonl:
        if args.file:
            raise UsageError("give either FILE or --jsonl (which reads standard input), not both")
        return run_jsonl(
            getattr(sys.stdin, "buffer", sys.stdin), sys.stdout, sys.stderr, taxonomy=args.taxonomy
        )
    if not args.file:
        raise UsageError("name a document to tag (or use --jsonl to tag JSON lines from standard input)")
    return run_file(args.file, args.format, taxonomy=args.taxonomy)


def run_jsonl(stdin, stdout, stderr, taxonomy: str | None = None) -> int:
    """Tag every JSON line of `stdin` (text or bytes lines); returns 1 if any line was bad (the others
    are still written)."""
    from triage.tag import tag_text

    bad = 0
    for number, raw in enumerate(stdin, start=1):
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError:
            bad += 1
            stderr.write(f"triage: error: line {number}: not UTF-8 text\n")
            continue
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"] if isinstance(item, dict) else None
            if not isinstance(text, str):
                raise ValueError('expected an object with a "text" string')
        except (ValueError, KeyError) as exc:
            bad += 1
            reason = 'missing "text"' if isinstance(exc, KeyError) else str(exc)
            stderr.write(f"triage: error: line {number}: {reason}".replace("\r", " ") + "\n")
            continue
        stdout.write(json.dumps(tag_text(text, taxonomy), ensure_ascii=False) + "\n")
        stdout.flush()
    return 1 if bad else 0


def run_file(file: str, fmt: str, taxonomy: str | None = None) -> int:
    from pathlib import Path

    from triage.errors import ExtractionError
    from triage.extract import extract
    from triage.tag import tag

    path = Path(file)
    if not path.is_file():
        raise ExtractionError(
            "no such file" if not path.exists() else "not a file", path=file, code="unsupported"
        )
    tagged = tag(extract(path), taxonomy)
    if fmt == "json":
        json.dump(tagged_json(tagged), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(tagged_text(tagged))
    return 0


def span_json(span: Any) -> dict[str, Any]:
    """A TagSpan as plain JSON."""
    q = span.quantity
    return {
        "tag": span.tag,
        "text": span.text,
        "sentence": span.sentence,
        "start": span.start,
        "end": span.end,
        "passage_id": span.passage_id,
        "location": span.location,
        "page": span.page,
        "modality": span.modality,
        "negated": span.negated,
        "boilerplate": span.boilerplate,
        "rule_id": span.rule_id,
        "quantity": None if q is None else {"value": q.value, "unit": q.unit, "text": q.text},
    }


def tagged_json(tagged: Any) -> dict[str, Any]:
    """A TaggedDocument as plain JSON: file, counts per tag, vertical, and every span."""
    from triage.types import ALL_TAGS

    counts = {}
    for tag_id in ALL_TAGS:
        active = tagged.active(tag_id)
        if active:
            counts[tag_id] = {
                "count": len(active),
                "mandatory": sum(s.modality == "mandatory" for s in active),
            }
    v = tagged.vertical
    return {
        "file": tagged.document.name,
        "sha256": tagged.document.sha256,
        "sentences": tagged.sentences,
        "boilerplate_share": tagged.boilerplate_share,
        "vertical": {"id": v.id, "confidence": v.confidence, "evidence": [span_json(s) for s in v.evidence]},
        "tags": counts,
        "spans": [span_json(s) for s in tagged.spans],
    }


def _safe(text: str) -> str:
    """Text from a document, made safe for a terminal: no control characters."""
    return "".join(c if c.isprintable() or c == " " else " " for c in text)


def tagged_text(tagged: Any) -> str:
    """A readable listing: the vertical, then per tag its mentions with evidence."""
    from triage.types import ALL_TAGS

    v = tagged.vertical
    lines = [f"# {_safe(tagged.document.name)}: {tagged.sentences} sentences"]
    evidence = ", ".join(f'"{_safe(s.text)}"' for s in v.evidence)
    lines.append(f"vertical: {v.id} (confidence {v.confidence:.2f}){': ' + evidence if evidence else ''}")
    lines.append("")
    for tag_id in ALL_TAGS:
        spans = [s for s in tagged.spans if s.tag == tag_id]
        if not spans:
            continue
        active = [s for s in spans if not s.negated]
        mandatory = sum(s.modality == "mandatory" for s in active)
        lines.append(f"{tag_id}: {len(active)} ({mandatory} mandatory, {len(spans) - len(active)} negated)")
        for s in spans:
            flags = [s.modality]
            if s.negated:
                flags.append("NEGATED")
            if s.boilerplate:
                flags.append("boilerplate")
            if s.quantity is not None:
                flags.append(f"quantity {s.quantity.text}")
            sentence = _safe(
                s.sentence[: s.start] + "[" + s.sentence[s.start : s.end] + "]" + s.sentence[s.end :]
            )
            lines.append(f"  {s.location}  {', '.join(flags)}  ({s.rule_id})")
            lines.append(f"    {sentence}")
        lines.append("")
    return "\n".join(lines) + "\n"
