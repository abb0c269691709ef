"""The compliance matrix: every requirement sentence of a document as a CSV row (id, section, page,
text, modality, tags), the table a bid team otherwise builds by hand.

The rows come from the tagger's evidence (its sentences and modality are authoritative) and from the
document's other body sentences that use requirement language (shall, must, should, may, ...). The
file opens in a spreadsheet, so a cell that starts like a formula is quoted."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from triage.report.text import one_line
from triage.types import FitReport, Passage

COLUMNS = ("id", "section", "page", "text", "modality", "tags", "location")

_MANDATORY = re.compile(
    r"\b(shall|must|is required|are required|required to|mandatory|will be required|has to|have to)\b", re.I
)
_DESIRABLE = re.compile(r"\b(should|preferred|preferably|desired|desirable|ideally)\b", re.I)
_OPTIONAL = re.compile(r"\b(may|nice to have|optional|optionally|could)\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[\"'(\[]?[A-Z0-9])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def sentence_modality(sentence: str) -> str:
    """The requirement language of a sentence: mandatory, desirable, optional or info."""
    if _MANDATORY.search(sentence):
        return "mandatory"
    if _DESIRABLE.search(sentence):
        return "desirable"
    if _OPTIONAL.search(sentence):
        return "optional"
    return "info"


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: one line, and a leading = + - @ neutralised with a quote."""
    text = one_line(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


@dataclass
class _Row:
    order: tuple[int, int]
    passage: Passage | None
    sentence: str
    modality: str
    page: int | None
    location: str
    tags: list[str] = field(default_factory=list)


def requirement_rows(report: FitReport) -> list[dict[str, str]]:
    """One dict per requirement sentence, in reading order, with the columns of COLUMNS."""
    document = report.document
    index = {p.id: i for i, p in enumerate(document.passages)}
    passages = {p.id: p for p in document.passages}
    rows: dict[tuple[str, str], _Row] = {}
    rank = {"mandatory": 0, "desirable": 1, "optional": 2, "info": 3}
    for span in report.tagged.spans:
        key = (span.passage_id, " ".join(span.sentence.split()))
        passage = passages.get(span.passage_id)
        row = rows.get(key)
        if row is None:
            at = passage.text.find(span.sentence) if passage else -1
            row = rows[key] = _Row(
                (index.get(span.passage_id, len(index)), max(at, 0)),
                passage,
                span.sentence,
                span.modality,
                span.page,
                span.location,
            )
        elif rank.get(span.modality, 9) < rank.get(row.modality, 9):
            row.modality = span.modality
        if not span.negated and span.tag not in row.tags:
            row.tags.append(span.tag)
    covered: dict[str, list[str]] = {}
    for pid, sentence in rows:
        covered.setdefault(pid, []).append(sentence)
    for passage in document.body:
        for sentence in split_sentences(passage.text):
            flat = " ".join(sentence.split())
            if any(flat in s or s in flat for s in covered.get(passage.id, [])):
                continue
            modality = sentence_modality(sentence)
            if modality == "info":
                continue
            rows[(passage.id, flat)] = _Row(
                (index.get(passage.id, len(index)), max(passage.text.find(sentence), 0)),
                passage,
                sentence,
                modality,
                passage.page,
                passage.location,
            )
    ordered = sorted((r for r in rows.values() if r.modality != "info"), key=lambda r: r.order)
    out = []
    for n, row in enumerate(ordered, start=1):
        out.append(
            {
                "id": f"R{n:04d}",
                "section": row.passage.section or "" if row.passage else "",
                "page": "" if row.page is None else str(row.page),
                "text": row.sentence,
                "modality": row.modality,
                "tags": " ".join(row.tags),
                "location": row.location,
            }
        )
    return out


def requirements_csv(report: FitReport) -> str:
    """The compliance matrix as CSV text (header row first, CRLF line ends as spreadsheets expect)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in requirement_rows(report):
        writer.writerow([safe_cell(row[c]) for c in COLUMNS])
    return buffer.getvalue()
