"""Print the text of one document as passages, each with its location.

The format is found from the file's content, not its name: PDF, DOCX, TXT and MD are read; other
files are refused with a reason.

examples:
  triage extract rfp.pdf                 one block per passage: id, kind, location, section, text
  triage extract rfp.docx --format json  the whole Document as JSON
  triage extract locked.pdf --password s3cret
"""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a PDF, DOCX, TXT or MD document")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    parser.add_argument("--password", metavar="PW", default=None, help="the password of an encrypted PDF")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from triage.errors import ExtractionError
    from triage.extract import extract

    path = Path(args.file)
    if not path.is_file():
        raise ExtractionError(
            "no such file" if not path.exists() else "not a file", path=args.file, code="unsupported"
        )
    document = extract(path, password=args.password)
    out = sys.stdout
    if args.format == "json":
        json.dump(document_json(document), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    title = document.title or document.name
    pages = f", {document.pages} pages" if document.pages else ""
    out.write(f"# {_safe(title)} ({document.format}{pages}, {len(document.passages)} passages)\n\n")
    for p in document.passages:
        where = p.location if p.region == "body" else f"{p.region}, {p.location}"
        section = f" [{_safe(p.section)}]" if p.section and p.kind != "heading" else ""
        out.write(f"{p.id}  {p.kind}  {where}{section}\n{_safe(p.text)}\n\n")
    return 0


def document_json(document) -> dict:
    """The Document as plain JSON: its fields, and every passage with all its fields and location."""
    return {
        "file": document.name,
        "path": document.path,
        "sha256": document.sha256,
        "format": document.format,
        "pages": document.pages,
        "metadata": dict(document.metadata),
        "words": document.words,
        "passages": [
            {
                "id": p.id,
                "text": p.text,
                "kind": p.kind,
                "location": p.location,
                "page": p.page,
                "paragraph": p.paragraph,
                "table": p.table,
                "row": p.row,
                "cell": p.cell,
                "line": p.line,
                "section": p.section,
                "region": p.region,
            }
            for p in document.passages
        ],
    }


def _safe(text: str) -> str:
    """Text from a document for a terminal: control characters (escape sequences) removed."""
    return "".join(ch if ch >= " " or ch in "\n\t" else " " for ch in text).replace("\x7f", " ")
