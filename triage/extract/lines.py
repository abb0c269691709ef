"""Turning the raw lines of PDF pages into passages: the cleanup that runs after any PDF engine.

A PDF has no paragraphs, only lines placed on a page. This module rebuilds blocks from the text
alone (so pypdf and pdfium give the same result): it drops the page furniture that repeats at the
top and bottom of pages ("Page 3 of 40", running headers), joins the lines of a paragraph, repairs
words hyphenated across line ends, and starts a new passage at every heading, list item and
numbered clause ("3.2.1 The system shall ...").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from triage.types import Passage, PassageKind

EDGE_LINES = 3  # lines at the top and at the bottom of a page that may be furniture

_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|pg\.?|p\.)\s*)?[-–—(\[]?\s*\d{1,5}\s*[-–—)\]]?(?:\s*(?:of|/|de|von)\s*\d{1,5})?$"
    r"|^(?:page\s+)?[ivxlc]{1,7}$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[•●▪■◦○·‣⁃∙►➢✓\uf0b7\uf0a7\uf0d8\uf0fc]|[-–—*](?=\s)|o(?=\s+\S))\s*")
_ENUM = re.compile(
    r"^(?:\(?[a-zA-Z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\)|(?:ii|iii|iv|vi|vii|viii|ix|xi|xii)\.|\(\d{1,3}\)|\d{1,3}\)|[a-z]\.)\s+\S"
)
_CLAUSE = re.compile(r"^(?:[A-Z]{1,3}[.-])?\d{1,3}(?:\.\d{1,3})+\.?\s+\S")
_NUMBERED = re.compile(r"^\d{1,3}\.\s+\S|^(?:section|article|part|chapter)\s+[\dIVX]+\b", re.IGNORECASE)
_WEAK = re.compile(r"^\(?[a-zA-Z0-9]{1,4}\)|^[a-z]{1,4}\.\s")  # enumerators that also occur mid-sentence
_TOC = re.compile(r"(?:\.\s?){5,}\s*(?:\d{1,4}|[ivxlc]{1,6})$|(?:…){2,}\s*\d{1,4}$")
_END = (".", "!", "?", ":", ";")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_UPPER = re.compile(r"[A-Z]+")
_NEWLINES = re.compile(r"\r\n|\r|\n")
# zero-width characters, soft hyphens and control characters (text from a document is untrusted:
# an escape sequence must not reach a terminal or a log line)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")
_SMALL = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "vs"}


class Block:
    """A passage being built: its lines so far (joined once, at the end, so a block of many lines
    costs linear time), what kind it is and the page it starts on."""

    __slots__ = ("kind", "page", "parts")

    def __init__(self, text: str, kind: PassageKind, page: int) -> None:
        self.parts = [text]
        self.kind = kind
        self.page = page

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @property
    def last(self) -> str:
        return self.parts[-1]

    def add(self, line: str) -> None:
        """Continue with the next line, repairing a word hyphenated across the line end."""
        last = self.parts[-1]
        if len(last) > 1 and last.endswith("-") and last[-2].isalpha() and line[:1].islower():
            self.parts[-1] = last[:-1]
            self.parts.append(line)
        else:
            self.parts.append(" " + line)

    def __repr__(self) -> str:
        return f"Block({self.text!r}, {self.kind!r}, {self.page})"


def valid_unicode(text: str) -> str:
    """`text` with every lone surrogate (a broken ToUnicode map gives pypdf one) as U+FFFD: such
    text cannot be written as UTF-8, so no report, JSON line or terminal could show it."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def page_lines(text: str) -> list[str]:
    """The lines of one page's extracted text, stripped; blank lines kept as "" (paragraph breaks).

    Some producers (Google Docs exports) put a blank line after every line; where most lines are
    followed by exactly one blank line, single blanks are dropped and only longer gaps break."""
    text = valid_unicode(text)
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in _NEWLINES.split(text)]
    filled = sum(1 for line in lines if line)
    if filled >= 6:
        single = sum(1 for i in range(1, len(lines) - 1) if not lines[i] and lines[i - 1] and lines[i + 1])
        if single >= 0.4 * filled:
            out: list[str] = []
            blanks = 0
            for line in lines:
                if line:
                    if blanks >= 2 and out:
                        out.append("")
                    out.append(line)
                    blanks = 0
                else:
                    blanks += 1
            return out
    return lines


def furniture(pages: list[tuple[int, list[str]]]) -> set[str]:
    """The keys (see `_key`) of lines that repeat at the top or bottom of many pages.

    A line counts when it stands among the first or last `EDGE_LINES` non-blank lines of a page.
    Exact repeats on at least half the pages (at least 2) are furniture. A line that repeats only
    once its numbers are masked ("Page 3 of 40", "RFP 24-1 | 7") is furniture when one of its
    numbers follows the page number (page + a fixed offset) on at least half the pages (at least 3).
    """
    n = len(pages)
    if n < 2:
        return set()
    exact: Counter[str] = Counter()
    counters: Counter[tuple[str, int, int]] = Counter()  # (masked key, which number, offset)
    for page, lines in pages:
        edge = set(_edges(lines))
        exact.update(_key(line) for line in edge)
        for line in edge:
            masked = _key(line, mask=True)
            numbers = _DIGITS.findall(line)
            counters.update(
                {(masked, i, int(num) - page) for i, num in enumerate(numbers[:4]) if len(num) < 6}
            )
    need = max(2, (n + 1) // 2)
    found = {k for k, c in exact.items() if c >= need}
    found |= {masked for (masked, _, _), c in counters.items() if c >= max(3, need)}
    return found


def _edges(lines: list[str]) -> list[str]:
    filled = [line for line in lines if line]
    if len(filled) <= 2 * EDGE_LINES:
        return filled
    return filled[:EDGE_LINES] + filled[-EDGE_LINES:]


def _key(line: str, *, mask: bool = False) -> str:
    key = line.lower()
    return _DIGITS.sub("#", key) if mask else key


def strip_furniture(lines: list[str], drop: set[str]) -> list[str]:
    """`lines` without page numbers and repeated furniture at the page's top and bottom edges."""
    filled = [i for i, line in enumerate(lines) if line]
    edge = set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])
    out = []
    for i, line in enumerate(lines):
        if i in edge and (_PAGE_NUMBER.match(line) or _key(line) in drop or _key(line, mask=True) in drop):
            continue
        out.append(line)
    return out


def _all_caps(line: str) -> bool:
    """At least 4 letters, 90 % of them capitals (counted on the words, fast on long lines)."""
    words = _WORD.findall(line)
    letters = sum(map(len, words))
    if letters < 4:
        return False
    upper = sum(map(len, _UPPER.findall(line)))
    return upper >= 0.9 * letters


def heading_like(line: str) -> bool:
    """A short line that reads as a title: ALL CAPS, or a numbered / Title Case line without a
    sentence's final punctuation."""
    if not line or len(line) > 90 or line.endswith((".", ",", ";")) or line[-1] == "-":
        return False
    words = _WORD.findall(line)
    if not words or len(line.split()) > 12 or line[0] in "([{\"'“‘" or words[-1].lower() in _SMALL:
        return False
    if _all_caps(line):
        return True
    if line.endswith(":"):
        return False
    significant = [w for w in words if w.lower() not in _SMALL]
    if not significant:
        return False
    capital = sum(w[0].isupper() for w in significant) / len(significant)
    numbered = bool(_CLAUSE.match(line) or _NUMBERED.match(line))
    if not numbered and ("," in line or ": " in line or len(line) > 60):  # addresses, dates, table rows
        return False
    return capital >= 0.75


def _marker(line: str) -> PassageKind | None:
    """The kind a line announces by its start: a bullet or enumerator (list item), a numbered clause
    (paragraph), or nothing."""
    if _BULLET.match(line) or _ENUM.match(line):
        return "list_item"
    if _CLAUSE.match(line):
        return "paragraph"
    if _NUMBERED.match(line):
        return "list_item"
    return None


def typical_width(lines: Iterable[str]) -> int:
    """The length of a full line of text: the 90th percentile of line lengths in characters."""
    lengths = sorted(len(line) for line in lines if line)
    return lengths[int(len(lengths) * 0.9)] if lengths else 0


def blocks(lines: list[str], page: int, width: int | None = None) -> list[Block]:
    """The blocks of one page's cleaned lines, in reading order.

    Table-of-contents lines (dot leaders and a page number) are dropped; a run of three or more
    plain (unnumbered, not ALL CAPS) headings in a row is a table or an address block, not a
    series of sections, and becomes paragraphs."""
    if width is None or sum(1 for line in lines if line) >= 15:
        width = typical_width(lines) or width or 0
    out: list[Block] = []
    current: Block | None = None
    prev = ""
    for line in lines:
        if not line or (
            len(line) < 300 and ("..." in line or ". ." in line or "…" in line) and _TOC.search(line)
        ):
            if current:
                out.append(current)
            current, prev = None, ""
            continue
        marker = _marker(line)
        ended = not prev or (prev.endswith(_END) and (width < 40 or len(prev) < 0.8 * width))
        # "(2) years from ...", "a) ..." at the start of a line may just continue a sentence
        continues = not (ended or prev.endswith(_END) or len(prev) < 0.7 * width)
        if marker and _WEAK.match(line) and current is not None and current.kind != "list_item" and continues:
            marker = None
        title = heading_like(line)
        if (
            current is not None
            and current.kind == "heading"
            and marker is None
            and len(current.parts) == 1
            and len(prev) >= 0.55 * width
            and (_CLAUSE.match(prev) or _NUMBERED.match(prev))
            and title
            and len(line) < 0.5 * width
        ):  # a numbered heading wrapped onto a second, short line
            current.add(line)
            prev = line
            continue
        starts_new = current is None or current.kind == "heading" or marker is not None
        if not starts_new and prev.endswith(_END) and len(prev) < 0.85 * width and line[:1].isupper():
            starts_new = True
        if not starts_new and title and (ended or len(prev) < 0.6 * width):
            starts_new = True
        if starts_new:
            if current:
                out.append(current)
            if (title and marker != "list_item") or (
                marker == "list_item" and title and _NUMBERED.match(line)
            ):
                kind: PassageKind = "heading"
            else:
                kind = marker or "paragraph"
            text = _BULLET.sub("", line, count=1) if kind == "list_item" and _BULLET.match(line) else line
            current = Block(text, kind, page)
        else:
            assert current is not None
            current.add(line)
        prev = line
    if current:
        out.append(current)
    _demote_heading_runs(out)
    return out


def _demote_heading_runs(found: list[Block], run: int = 3) -> None:
    start = 0
    while start < len(found):
        end = start
        while end < len(found) and found[end].kind == "heading" and _plain_heading(found[end].text):
            end += 1
        if end - start >= run:
            for block in found[start:end]:
                block.kind = "paragraph"
        start = max(end, start + 1)


def _plain_heading(text: str) -> bool:
    return not _all_caps(text) and not (_CLAUSE.match(text) or _NUMBERED.match(text))


def join(text: str, line: str) -> str:
    """`text` continued by the next `line`, repairing a word hyphenated across the line end."""
    block = Block(text, "paragraph", 0)
    block.add(line)
    return block.text


def passages(pages: list[tuple[int, list[str]]], drop: set[str]) -> Iterator[Passage]:
    """Passages with ids `p{page}.{n}` and the heading they stand under (a heading stands under
    itself), from each page's raw lines and the furniture keys to drop.

    A paragraph cut by a page break (no final punctuation, next page goes on in lower case) is kept
    whole, on the page where it starts."""
    section: str | None = None
    pending: tuple[Block, str | None] | None = None
    counts: Counter[int] = Counter()

    def emit(block: Block, under: str | None) -> Passage:
        counts[block.page] += 1
        return Passage(
            id=f"p{block.page}.{counts[block.page]}",
            text=block.text,
            kind=block.kind,
            page=block.page,
            section=under,
        )

    cleaned = [(page, strip_furniture(raw, drop)) for page, raw in pages]
    width = typical_width(line for _, lines in cleaned for line in lines)
    for page, lines in cleaned:
        for block in blocks(lines, page, width):
            if pending is not None:
                last = pending[0]
                if (
                    block.page != last.page
                    and block.kind == "paragraph"
                    and last.kind in ("paragraph", "list_item")
                    and not last.last.endswith(_END)
                    and block.parts[0][:1].islower()
                ):
                    last.add(block.text)
                    continue
                yield emit(*pending)
            if block.kind == "heading":
                section = block.text
            pending = (block, section)
    if pending is not None:
        yield emit(*pending)
