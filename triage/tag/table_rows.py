"""Table rows whose answer stands in a cell of its own: "No" under "In scope" excludes the row's needs.

A DOCX or Markdown table reaches the tagger one cell at a time (each cell is a passage, so that its
evidence can be found again), so a row such as

    | Ref  | Requirement                          | In scope |
    | R-17 | Partner ordering portal with pricing | No       |

puts the need and the buyer's answer to it in different passages, and the negation component, which
reads one sentence, never sees them together (a row written on one line, "Partner ordering portal |
In scope: No", it reads itself: answers.py). This pass runs on the tagged spans of a whole document
and reads each row with its table's header row:

- an answer cell ("No", "None", "N/A", "Not required", "Out of scope", "Excluded", "N" under a "Y/N"
  header, with or without a short reason after it: "No (staff use local accounts)") under a header
  that asks whether the need is wanted ("In scope", "Required?", "Applicable", "Included", "Phase 1")
  negates every tag of the row's other cells, unless another such column of the row says yes
  ("Phase 1 | No", "Phase 2 | Yes": wanted, later);
- the same answer under a header about priority ("Mandatory", "Must have", "M/O") does not exclude the
  need: it makes it optional (a mandatory span of the row becomes `optional`), as "Mandatory: No"
  does in a sentence;
- a header that is the bidder's to answer ("Compliant (Y/N)", "Supplier response", "Supported") or
  that says nothing of either is left alone: a "No" there says nothing of what the buyer wants;
- a table without such a header (two columns, "Single sign-on required | No") is read by the cell
  before the answer: when it ends by asking ("... required?", "... in scope:"), its tags are negated.

Only table cells of the same table and row are read together; a span negated here is still a span,
marked negated, as the evidence of what the buyer left out.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from triage.types import Passage, TagSpan

# An answer that says no, alone in its cell or followed by a short reason in brackets or after a mark
_NO_ANSWER = re.compile(
    r"(?:no|none|n/a|n\.a\.|not (?:required|applicable|needed|in scope|included|requested|wanted)"
    r"|out of scope|excluded|not at this (?:stage|time))"
    r"(?:\s*[.;,:\-\u2013\u2014(].*)?",
    re.IGNORECASE | re.DOTALL,
)
_NUMBER_SIGN = re.compile(r"no\.?\s*\d", re.IGNORECASE)  # "No. 5" numbers a thing, it answers nothing
_YES_ANSWER = re.compile(
    r"(?:yes|y|x|\u2713|\u2714|required|included|in scope|mandatory)(?:\s*[.;,:\-\u2013\u2014(].*)?",
    re.IGNORECASE | re.DOTALL,
)
_YES_NO_HEADER = re.compile(r"\by\s*/\s*n\b", re.IGNORECASE)
# Headers that are the bidder's to fill in: a "No" there is a bid's answer, not a buyer's
_RESPONSE = re.compile(
    r"\b(?:complian\w*|compl(?:y|ies)|respon\w*|bidder|tenderer|offeror|respondent|supported|supports"
    r"|meets?|met|available|proposed|comments?|notes?)\b",
    re.IGNORECASE,
)
# Headers about how much a need matters: "No" there makes it optional
_PRIORITY = re.compile(
    r"\b(?:mandatory|must(?:\s+have)?|essential|compulsory|priority|m\s*/\s*o|moscow|critical)\b",
    re.IGNORECASE,
)
# Headers (or the end of a label cell) that ask whether the need is wanted at all
_ASKS = re.compile(
    r"\b(?:in\s+scope|scope|required|requested|needed|wanted|applicable|applies|included|include"
    r"|in\s+this\s+(?:phase|procurement|contract|release)|phase\s+\d+|lot\s+\d+|base\s+year)\b",
    re.IGNORECASE,
)
_LABEL_ASKS = re.compile(_ASKS.pattern + r"\s*[?:]?\s*$", re.IGNORECASE)


def is_no_answer(text: str, yes_no: bool = False) -> bool:
    """Whether a cell's text answers no: "No", "N/A", "Not required (handled by IT)"; "N" only in a
    Y/N column; "No. 5" is a number, not an answer."""
    cell = text.strip()
    if not cell or len(cell.split()) > 12 or _NUMBER_SIGN.match(cell):
        return False
    if yes_no and cell.rstrip(".").lower() == "n":
        return True
    return _NO_ANSWER.fullmatch(cell) is not None


def header_kind(header: str) -> str | None:
    """What a column header asks: ``scope`` (is the need wanted), ``priority`` (how much), or None
    (the bidder's column, or a header that says neither)."""
    if _RESPONSE.search(header):
        return None
    if _PRIORITY.search(header):
        return "priority"
    if _ASKS.search(header):
        return "scope"
    return None


def _header_row(rows: dict[int, dict[int, Passage]]) -> dict[int, str]:
    """The cells of the table's header: its first row, or its second when the first is one title
    cell (merged across the table)."""
    first = min(rows)
    header = rows[first]
    if len(header) == 1 and len(rows) > 2 and first + 1 in rows:
        header = rows[first + 1]
    return {c: p.text for c, p in header.items()}


def answered_rows(body: Sequence[Passage], spans: Iterable[TagSpan]) -> list[TagSpan]:
    """`spans` with the tags of table rows answered no negated (or made optional), as above."""
    spans = list(spans)
    tables: dict[int, dict[int, dict[int, Passage]]] = defaultdict(lambda: defaultdict(dict))
    for p in body:
        if p.kind == "table_cell" and p.table is not None and p.row is not None and p.cell is not None:
            tables[p.table][p.row][p.cell] = p
    if not tables:
        return spans
    negate: set[str] = set()  # passage ids whose tags are negated
    optional: set[str] = set()  # passage ids whose mandatory tags become optional
    for rows in tables.values():
        header = _header_row(rows)
        header_rows = {min(rows)} | ({min(rows) + 1} if len(rows[min(rows)]) == 1 else set())
        for r, cells in rows.items():
            ordered = sorted(cells.items())
            for i, (c, cell) in enumerate(ordered):
                # a header row is read only as a row that may answer its own label ("SSO required? | No")
                head = "" if r in header_rows else header.get(c, "")
                if not is_no_answer(cell.text, yes_no=bool(_YES_NO_HEADER.search(head))):
                    continue
                kind = header_kind(head) if head else None
                others = {p.id for k, p in cells.items() if k != c}
                if kind == "scope":
                    # "Phase 1 | No" beside "Phase 2 | Yes": the need is wanted, later
                    if not any(
                        k != c
                        and header_kind(header.get(k, "")) == "scope"
                        and _YES_ANSWER.fullmatch(p.text.strip())
                        for k, p in cells.items()
                    ):
                        negate |= others
                elif kind == "priority":
                    optional |= others
                elif kind is None and not _RESPONSE.search(head) and i > 0:
                    label = ordered[i - 1][1]
                    if _LABEL_ASKS.search(label.text.strip()):
                        negate.add(label.id)
    if not negate and not optional:
        return spans
    out = []
    for s in spans:
        if s.passage_id in negate and not s.negated:
            s = dataclasses.replace(s, negated=True)
        elif s.passage_id in optional and s.modality == "mandatory" and not s.negated:
            s = dataclasses.replace(s, modality="optional")
        out.append(s)
    return out
