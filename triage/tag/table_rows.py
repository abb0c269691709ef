"""Table rows whose answer stands in a cell of its own: "No" under "In scope" excludes the row's needs.

A DOCX or Markdown table reaches the tagger one cell at a time (each cell is a passage, so that its
evidence can be found again), so a row such as

    | Ref  | Requirement                          | In scope |
    | R-17 | Partner ordering portal with pricing | No       |

puts the need and the buyer's answer to it in different passages, and the negation component, which
reads one sentence, never sees them together (a row written on one line, "Partner ordering portal |
In scope: No", it reads itself: answers.py). This pass runs on the tagged spans of a whole document
and reads each row with its table's header row (its first row, or its second below a title cell
merged across the table; cells line up by grid column, merged cells included):

- a header that asks whether the need is wanted is short and ends with the asking word ("In scope",
  "Scope", "Required?", "Applicable (Y/N)", "Included", "Phase 1"; not "Scope description",
  "Required by", "Applicable standard"). A no under it ("No", "N", "None", "N/A", "Not required",
  "Out", "Out of scope", "Excluded", "✗", with or without a short reason: "No (staff use local
  accounts)") negates every tag of the row's other cells; unless the reason defers the need ("No
  (phase 2)", "No, but required at go-live") or another such column of the row does not say no
  ("Phase 1 | No", "Phase 2 | Optional": wanted, later);
- a header about priority ("Mandatory", "Priority", "MoSCoW", "M/O", "Must have") sets the modality of
  the row's tags from its value: "M" / "Must" / "Mandatory" mandatory, "S" / "Should" / "Desirable"
  desirable, "C" / "Could" / "O" / "Optional" / "No" optional (as "Mandatory: No" does in a
  sentence), and "W" / "Won't" / "Won't have" negates them;
- a header that is the bidder's to answer ("Compliant (Y/N)", "Supplier response", "Supported") or
  that says nothing of either is left alone: a "No" there says nothing of what the buyer wants;
- a row without such a header ("Single sign-on required? | No") is read by the cell before the
  answer: when it ends by asking ("... required?", "... in scope:"), its tags are negated.
- a label | value table, two columns whose first holds labels and whose rows are one requirement's
  fields ("| Requirement | Single sign-on for staff |" then "| In scope | No |"), is read by its
  rows: a no beside a bare asking label negates the other cells of its record (`transposed_answers`);
- an answer that carries its own bare label ("In scope: No", "Required? No") answers the need beside
  it: in a cell of the row ("Partner portal | In scope: No"), in a row of one cell right below it, or
  as a paragraph or list item right after a short one (`answered_before`). The rule is narrow: the
  label names no need of its own (not "SSO required: No", which answers itself), the answer comes
  after or beside its need, never before (an "In scope: No" above a requirement may head the next one
  too), and not in a column that is the bidder's to answer.

Only table cells of the same table and row are read together; a span negated here is still a span,
marked negated, as the evidence of what the buyer left out.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from triage.types import Passage, TagSpan

_MARKS = r"(?:\s*[.;,:\-\u2013\u2014(].*)?"  # a short reason may follow the answer
# An answer that says no, alone in its cell or followed by a short reason
_NO_ANSWER = re.compile(
    r"(?:no|n|none|n/a|n\.a\.|out|\u2717|\u2718|\u00d7|not (?:required|applicable|needed|in scope|included"
    r"|requested|wanted)|out of scope|excluded|not at this (?:stage|time))" + _MARKS,
    re.IGNORECASE | re.DOTALL,
)
_NUMBER_SIGN = re.compile(r"no\.?\s*\d", re.IGNORECASE)  # "No. 5" numbers a thing, it answers nothing
# A reason that puts the need off rather than out: "No (phase 2)", "No, but required at go-live"
_DEFERS = re.compile(
    r"\b(?:phase|release|lot|stage|year|later|future|tbc|tbd|but|until|initially|yet)\b", re.IGNORECASE
)
# a no that makes the need a wish, not an exclusion: "Required: No (desirable)", "No - nice to have"
_SOFTENS = re.compile(
    r"\b(?:desirable|desired|optional|nice[\s-]+to[\s-]+have|preferred|preferable|should[\s-]+have"
    r"|could[\s-]+have|wish(?:ed)?)\b",
    re.IGNORECASE,
)
# Headers that are the bidder's to fill in: a "No" there is a bid's answer, not a buyer's
_RESPONSE = re.compile(
    r"\b(?:complian\w*|compl(?:y|ies)|respon\w*|bidder|tenderer|offeror|respondent|supported|supports"
    r"|meets?|met|available|proposed|comments?|notes?)\b",
    re.IGNORECASE,
)
# Headers about how much a need matters, and what their values say
_PRIORITY = re.compile(
    r"\b(?:mandatory|must(?:\s+have)?|essential|compulsory|priority|m\s*/\s*o|moscow|critical)\b",
    re.IGNORECASE,
)
_PRIORITY_VALUES = {
    "mandatory": ("m", "must", "must have", "mandatory", "essential", "yes", "y"),
    "desirable": ("s", "should", "should have", "desirable", "d", "preferred", "highly desirable"),
    "optional": ("c", "could", "could have", "o", "optional", "may", "no", "n", "nice to have"),
    "negated": ("w", "won't", "won’t", "wont", "won't have", "won’t have", "will not have"),
}
_PRIORITY_OF = {v: kind for kind, values in _PRIORITY_VALUES.items() for v in values}
# The words that ask whether the need is wanted, and the "(Y/N)" that may follow them
_ASKING = (
    r"in[\s-]+scope|scope|required|requested|needed|wanted|applicable|included"
    r"|in\s+this\s+(?:phase|procurement|contract|release)|phase\s+\d+|lot\s+\d+|base\s+year"
)
_YES_NO = r"\(\s*y(?:es)?\s*/\s*n(?:o)?\s*\)"
# A header that asks whether the need is wanted: a few words that END with the asking word
_ASKS = re.compile(
    rf"(?:\S+\s+){{0,3}}?(?:{_ASKING}|applies)\s*(?:\?|{_YES_NO})?\s*:?",
    re.IGNORECASE,
)
_LABEL_ASKS = re.compile(
    r"\b(?:in\s+scope|required|requested|needed|wanted|applicable|included)\s*[?:]?\s*$", re.IGNORECASE
)


# A bare label that asks whether the need is wanted, naming no need of its own: "In scope", "Scope",
# "Required?", "Is it required?", "Included (Y/N)", "Phase 1" (not "SSO required?", "Scope description")
_BARE_ASKS = rf"(?:is\s+(?:it|this)\s+)?(?:{_ASKING})\s*(?:{_YES_NO})?"
_BARE_LABEL = re.compile(_BARE_ASKS + r"\s*[?:]?", re.IGNORECASE)
_LABELLED = re.compile(_BARE_ASKS + r"\s*[?:]\s*(?P<answer>\S.*)", re.IGNORECASE | re.DOTALL)
_ANSWERED_WORDS = 60  # a passage an "In scope: No" after it answers: one requirement, not a page
_LABEL_WORDS = 5  # a cell of the first column of a label | value table: "Requirement", "In scope"


def is_no_answer(text: str) -> bool:
    """Whether a cell's text answers no: "No", "N", "N/A", "Out", "Not required (handled by IT)";
    "No. 5" is a number, not an answer."""
    cell = text.strip()
    if not cell or len(cell.split()) > 12 or _NUMBER_SIGN.match(cell):
        return False
    return _NO_ANSWER.fullmatch(cell) is not None


# a label that asks about one period or lot of the contract: "Phase 1", "Lot 2", "Base year"
_PERIOD_LABEL = re.compile(r"\s*(?:(?:phase|lot)\s+\d+|base\s+year)\b", re.IGNORECASE)


def period_alone(labels: Sequence[str]) -> bool:
    """Whether the asking labels of one record are a single period or lot ("Phase 2 | No", "Lot 2:
    N/A", "Base year: N/A" beside "Option year 1: Yes"): a no there says when or in which lot the need
    is not, not that it is out of the procurement (it is wanted in another phase or lot), so it
    excludes nothing; two or more periods that all say no ("Phase 1 | No", "Phase 2 | No") do."""
    periods = [label for label in labels if _PERIOD_LABEL.match(label)]
    return len(periods) == 1 and len(periods) == len(labels)


def labelled_answer(text: str) -> str | None:
    """The answer of a cell or passage that is a bare asking label and its answer ("In scope: No",
    "Required? No", "Phase 2: Yes" -> "No", "No", "Yes"), else None."""
    m = _LABELLED.fullmatch(text.strip())
    return m["answer"].strip() if m else None


def labelled_no(text: str) -> bool:
    """Whether a cell or passage is a bare asking label answered no: "In scope: No", "Required? No",
    "In scope? N/A"; not "In scope: No (phase 2)", which puts the need off."""
    answer = labelled_answer(text)
    return answer is not None and _excluding_no(answer)


def _excluding_no(answer: str) -> bool:
    """Whether an answer is a no that puts the need out: not one that defers it ("No (phase 2)") or
    makes it a wish ("No - nice to have")."""
    return is_no_answer(answer) and not defers(answer) and not _SOFTENS.search(answer)


def defers(text: str) -> bool:
    """Whether a no-answer's reason puts the need off rather than out ("No (phase 2)")."""
    return bool(_DEFERS.search(text.strip()[2:]))


def header_kind(header: str) -> str | None:
    """What a column header asks: ``scope`` (is the need wanted), ``priority`` (how much), or None
    (the bidder's column, or a header that says neither)."""
    head = header.strip()
    if not head or _RESPONSE.search(head):
        return None
    if _PRIORITY.search(head):
        return "priority"
    if _ASKS.fullmatch(head):
        return "scope"
    return None


def priority_of(text: str) -> str | None:
    """The modality a priority cell gives its row (``mandatory`` .. ``optional``), ``negated`` for
    MoSCoW's Won't, or None for a value it does not know ("High", "2")."""
    value = re.sub(r"\s+", " ", text.strip().rstrip(".").lower())
    return _PRIORITY_OF.get(value)


def _header(rows: dict[int, dict[int, Passage]]) -> tuple[set[int], dict[int, str]]:
    """The rows that head the table and the header text of each column: the first row, or the
    second when the first is one title cell in column 0 above a row of several cells."""
    order = sorted(rows)
    first = rows[order[0]]
    if set(first) == {0} and len(order) > 2 and len(rows[order[1]]) > 1:
        return {order[0], order[1]}, {c: p.text for c, p in rows[order[1]].items()}
    return {order[0]}, {c: p.text for c, p in first.items()}


def _label_key(text: str) -> str:
    return " ".join(text.lower().strip(" \t:?").split())


def _is_label(text: str) -> bool:
    """Whether a first-column cell reads as a label: a few words, not a sentence."""
    words = text.split()
    return 0 < len(words) <= _LABEL_WORDS and not text.rstrip().endswith(".")


def transposed_answers(rows: dict[int, dict[int, Passage]]) -> set[str]:
    """The passage ids whose tags a label | value table answers no: a two-column table whose first
    column holds labels and whose rows are a requirement's fields, one per row,

        | Requirement | Single sign-on for staff |
        | In scope    | No                       |

    A no ("No", "N/A", "Out of scope", as under a column header) beside a bare asking label ("In
    scope", "Required?", "Included", "Phase 1": `_BARE_LABEL`, naming no need of its own) negates
    the other cells of its record: the rows from one occurrence of the table's first label
    ("Requirement", "Ref") to the next, so that a table of several requirements one after another
    answers each of them alone. Not when the reason defers the need ("No (phase 2)"), nor when
    another asking label of the record does not say no ("Phase 1 | No", "Phase 2 | Yes"). Narrow on
    purpose: every row has exactly two cells (a title row merged across the table aside), every
    first cell is a label, and the first row's second cell is no column header that asks, ranks or
    is the bidder's to answer ("| Item | In scope |", "| Requirement | Response |": the table is
    read by its columns then)."""
    order = [r for r in sorted(rows) if set(rows[r]) != {0}]
    if len(order) < 2 or any(set(rows[r]) != {0, 1} for r in order):
        return set()
    first = rows[order[0]]
    if header_kind(first[1].text) is not None or _RESPONSE.search(first[1].text):
        return set()
    if not all(_is_label(rows[r][0].text) for r in order):
        return set()
    start = _label_key(first[0].text)
    records: list[list[dict[int, Passage]]] = []
    for r in order:
        if not records or _label_key(rows[r][0].text) == start:
            records.append([])
        records[-1].append(rows[r])
    negate: set[str] = set()
    for record in records:
        labels = [cells[0].text for cells in record if _BARE_LABEL.fullmatch(cells[0].text.strip())]
        asked = [cells[1] for cells in record if _BARE_LABEL.fullmatch(cells[0].text.strip())]
        said_no = [p for p in asked if is_no_answer(p.text) and not defers(p.text)]
        if not said_no or not all(is_no_answer(p.text) for p in asked if p.text.strip()):
            continue
        if period_alone(labels):
            continue  # one period or lot answered no ("Lot 2 | N/A"): the need stands elsewhere
        wish_label = any(
            _SOFTENS.search(cells[0].text) and not is_no_answer(cells[1].text) for cells in record
        )
        if wish_label or any(_SOFTENS.search(p.text) for p in asked):
            continue  # "Required | No" beside "Desirable | Yes", "Required? | No - optional": a wish
        answers = {p.id for p in said_no}
        negate |= {p.id for cells in record for p in cells.values() if p.id not in answers}
    return negate


def _row_labelled_no(cells: dict[int, Passage], header: dict[int, str], is_header: bool) -> set[str]:
    """The cells of one row that a cell of its own answers no with its label: "Partner portal |
    In scope: No". The row's other cells are negated, as under an "In scope" column; not when the
    cell stands under a column that is the bidder's to answer ("Supplier response"), nor when another
    such cell of the row does not say no ("Phase 1: No | Phase 2: Yes")."""
    labelled = {
        c: answer
        for c, p in cells.items()
        if (answer := labelled_answer(p.text)) is not None
        and (is_header or not _RESPONSE.search(header.get(c, "")))
    }
    if not labelled:
        return set()
    said_no = {c for c, answer in labelled.items() if _excluding_no(answer)}
    if not said_no or not all(is_no_answer(answer) for answer in labelled.values()):
        return set()
    if period_alone([cells[c].text for c in labelled]):
        return set()  # "SAP integration | Lot 2: N/A": wanted in another lot
    return {p.id for c, p in cells.items() if c not in said_no}


def answered_before(body: Sequence[Passage]) -> set[str]:
    """The passage ids that a lone answer right after them answers no: a paragraph or list item that
    is only a bare asking label and a no ("In scope: No", "Required? No") answers the paragraph or list
    item just before it in the same section, when that one is a requirement (at most
    `_ANSWERED_WORDS` words, no answer itself); a table row of one cell that says so answers the row
    above it. The answer must come after its need: an "In scope: No" before a requirement may head
    the next one as well, so it is left alone."""
    out: set[str] = set()
    rows: dict[tuple[int, int], list[Passage]] = defaultdict(list)
    for p in body:
        if p.kind == "table_cell" and p.table is not None and p.row is not None:
            rows[(p.table, p.row)].append(p)
    for i, p in enumerate(body):
        if i == 0 or not labelled_no(p.text) or period_alone([p.text]):
            continue
        before = body[i - 1]
        if p.kind in ("paragraph", "list_item"):
            if (
                before.kind in ("paragraph", "list_item")
                and before.section == p.section
                and len(before.text.split()) <= _ANSWERED_WORDS
                and labelled_answer(before.text) is None
            ):
                out.add(before.id)
        elif (
            p.kind == "table_cell"
            and p.table is not None
            and len(rows[(p.table, p.row)]) == 1
            and before.table == p.table
            and before.row != p.row
        ):
            out |= {q.id for q in rows[(p.table, before.row)] if labelled_answer(q.text) is None}
    return out


def answered_rows(body: Sequence[Passage], spans: Iterable[TagSpan]) -> list[TagSpan]:
    """`spans` with the tags of table rows answered no negated, or given the row's priority, as above."""
    spans = list(spans)
    tables: dict[int, dict[int, dict[int, Passage]]] = defaultdict(lambda: defaultdict(dict))
    for p in body:
        if p.kind == "table_cell" and p.table is not None and p.row is not None and p.cell is not None:
            tables[p.table][p.row][p.cell] = p
    negate = answered_before(body)  # passage ids whose tags are negated
    modality: dict[str, str] = {}  # passage id -> the modality its row's priority gives its tags
    for rows in tables.values():
        negate |= transposed_answers(rows)
        header_rows, header = _header(rows)
        column_kinds = {c: header_kind(text) for c, text in header.items()}
        for r, cells in rows.items():
            ordered = sorted(cells.items())
            is_header = r in header_rows
            kinds = {} if is_header else {c: column_kinds.get(c) for c in cells}
            scope_answers = [cells[c].text for c, k in kinds.items() if k == "scope"]
            negate |= _row_labelled_no(cells, header, is_header)
            for i, (c, cell) in enumerate(ordered):
                others = {p.id for k, p in cells.items() if k != c}
                kind = kinds.get(c)
                head = "" if is_header else header.get(c, "")
                if kind == "priority":
                    given = priority_of(cell.text)
                    if given == "negated":
                        negate |= others
                    elif given is not None:
                        modality.update(dict.fromkeys(others, given))
                    continue
                if not is_no_answer(cell.text) or defers(cell.text):
                    continue
                if kind == "scope":
                    # "Phase 1 | No" beside "Phase 2 | Yes" (or "Optional"): the need is wanted, later
                    if all(is_no_answer(text) for text in scope_answers if text.strip()):
                        negate |= others
                elif i > 0 and not _RESPONSE.search(head):
                    label = ordered[i - 1][1]
                    if _LABEL_ASKS.search(label.text.strip()):
                        negate.add(label.id)
    if not negate and not modality:
        return spans
    out = []
    for s in spans:
        if s.negated:
            pass
        elif s.passage_id in negate:
            s = dataclasses.replace(s, negated=True)
        elif s.passage_id in modality:
            s = dataclasses.replace(s, modality=modality[s.passage_id])
        out.append(s)
    return out
