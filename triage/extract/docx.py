"""DOCX text extraction with python-docx: body paragraphs and tables in document order, headings
from styles, list items, table cells (merged cells once), and header / footer text kept apart.

python-docx parses XML with lxml's `resolve_entities=False` parser: external entities are never
fetched and libxml2 refuses entity expansion bombs (a parse error, reported here as "damaged").
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from triage.errors import ExtractionError, RefusedFile, TriageError
from triage.extract.limits import ExtractLimits, clean_title, failure_reason
from triage.extract.lines import heading_like
from triage.types import Document, Passage, PassageKind, Region

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"\bheading\b|^title$|^subtitle$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^list\b|\blist (bullet|number|paragraph)", re.IGNORECASE)


def extract_docx(
    path: str | os.PathLike[str], *, password: str | None = None, limits: ExtractLimits | None = None
) -> Document:
    """The passages of the Word file at `path`: `d{n}` for the n-th body paragraph (0-based),
    `t{table}.r{row}.c{cell}` for table cells, `h{section}.{n}` / `f{section}.{n}` for header and
    footer paragraphs (region "header" / "footer"). `password` is accepted for a common signature;
    encrypted Word files are refused before this point (see `sniff`)."""
    limits = limits or ExtractLimits.from_env()
    where = str(path)
    data = Path(path).read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        import io

        import docx

        document = docx.Document(io.BytesIO(data))
        reader = _Reader(document, limits, where)
        passages = tuple(reader.body()) + tuple(reader.headers_footers())
        metadata = _metadata(document)
    except TriageError:
        raise
    except MemoryError as exc:
        raise ExtractionError(
            "reading the Word file needed more memory than allowed", path=where, code="out_of_memory"
        ) from exc
    except Exception as exc:  # any parser failure is a damaged file to the user
        raise ExtractionError(
            f"the Word file is damaged and cannot be read ({failure_reason(exc)})", path=where, code="damaged"
        ) from exc
    return Document(
        path=where, sha256=sha256, format="docx", pages=None, passages=passages, metadata=metadata
    )


class _Reader:
    """Walks one python-docx Document and yields its passages."""

    def __init__(self, document, limits: ExtractLimits, where: str) -> None:
        self.document = document
        self.limits = limits
        self.where = where
        self.chars = 0
        self.section: str | None = None
        self.styles: dict[str, str] = {}
        self.heading_styles: set[str] = set()  # ids of styles named, or based on, a heading style
        self.bold_styles: set[str] = set()
        try:
            for style in document.styles:
                if not style.style_id:
                    continue
                self.styles[style.style_id] = style.name or style.style_id
                chain, base = [], style
                while base is not None and len(chain) < 6:  # a style and the styles it is based on
                    chain.append(base)
                    base = getattr(base, "base_style", None)
                if any(_HEADING_STYLE.search(b.name or "") for b in chain):
                    self.heading_styles.add(style.style_id)
                bold = next(
                    (b.font.bold for b in chain if getattr(b, "font", None) and b.font.bold is not None), None
                )
                if bold:
                    self.bold_styles.add(style.style_id)
        except Exception:  # a damaged style list only costs the heading detection
            pass

    def _count(self, text: str) -> None:
        self.chars += len(text)
        if self.chars > self.limits.max_chars:
            raise RefusedFile(
                f"the Word file holds more than {self.limits.max_chars:,} characters of text, the limit",
                path=self.where,
                code="too_large",
            )

    def body(self) -> Iterator[Passage]:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        body = self.document.element.body
        n_par = 0
        n_table = 0
        for el in _blocks(body):
            if el.tag == _W + "p":
                paragraph = Paragraph(el, self.document)
                index = n_par
                n_par += 1
                text = _clean(paragraph_text(el))
                if not text:
                    continue
                self._count(text)
                kind = self._kind(paragraph, text)
                if kind == "heading":
                    self.section = text
                yield Passage(id=f"d{index}", text=text, kind=kind, paragraph=index, section=self.section)
            elif el.tag == _W + "tbl":
                table = Table(el, self.document)
                index = n_table
                n_table += 1
                yield from self._table(table, index)

    def _table(self, table, index: int) -> Iterator[Passage]:
        seen: set = set()  # lxml elements; kept referenced, so one proxy per element stays alive
        for r, row in enumerate(table.rows):
            # `row.cells` has one cell per grid column (a merged cell repeated), so `position` is the
            # grid column: the cells of one column line up under its header whatever is merged
            for position, cell in enumerate(row.cells):
                if cell._tc in seen:  # a merged cell spans grid columns or rows: read it once
                    continue
                seen.add(cell._tc)
                text = _clean("\n".join(_cell_texts(cell._tc, self.document)))
                if not text:
                    continue
                self._count(text)
                yield Passage(
                    id=f"t{index}.r{r}.c{position}",
                    text=text,
                    kind="table_cell",
                    table=index,
                    row=r,
                    cell=position,
                    section=self.section,
                )

    def _kind(self, paragraph, text: str) -> PassageKind:
        ppr = paragraph._p.pPr
        style = style_id = ""
        if ppr is not None and ppr.pStyle is not None:
            style_id = ppr.pStyle.val
            style = self.styles.get(style_id, style_id)
        styled = style_id in self.heading_styles or bool(_HEADING_STYLE.search(style))
        outline = ppr is not None and ppr.find(_W + "outlineLvl") is not None
        # a heading style put on whole sentences (it happens) does not make them headings
        sentence = len(text) > 150 or (text.endswith((".", ";")) and len(text.split()) > 10)
        if (styled or outline) and not sentence:
            return "heading"
        if (ppr is not None and ppr.numPr is not None) or _LIST_STYLE.search(style):
            return "list_item"
        if len(text) <= 90 and heading_like(text):
            style_bold = style_id in self.bold_styles
            runs = [run for run in paragraph.runs if run.text.strip()]
            if runs and all(style_bold if run.bold is None else run.bold for run in runs):
                return "heading"
        return "paragraph"

    def headers_footers(self) -> Iterator[Passage]:
        seen: set[str] = set()
        for s, section in enumerate(self.document.sections, start=1):
            for region, parts in (
                ("header", ("header", "first_page_header", "even_page_header")),
                ("footer", ("footer", "first_page_footer", "even_page_footer")),
            ):
                n = 0
                for attr in parts:
                    try:
                        part = getattr(section, attr)
                        if part.is_linked_to_previous:
                            continue
                        element = part._element
                    except Exception:  # a broken header part is skipped, not fatal
                        continue
                    for p in element.iter(_W + "p"):
                        text = _clean(paragraph_text(p))
                        if not text or (region, text) in seen:
                            continue
                        seen.add((region, text))  # type: ignore[arg-type]
                        self._count(text)
                        n += 1
                        r: Region = region  # type: ignore[assignment]
                        yield Passage(
                            id=f"{region[0]}{s}.{n}", text=text, kind="paragraph", region=r, section=None
                        )


def _blocks(body) -> Iterator:
    """The paragraphs and tables of the body in document order, looking inside content controls."""
    for child in body.iterchildren():
        if child.tag in (_W + "p", _W + "tbl"):
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml"):
            content = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
            if content is not None:
                yield from _blocks(content)


def _cell_texts(tc, parent) -> Iterator[str]:
    for p in tc.iter(_W + "p"):
        yield paragraph_text(p)


_TEXT_NODES = None


def paragraph_text(p) -> str:
    """The visible text of a `w:p` element: runs, hyperlinks, tracked insertions and text boxes
    (once, not their fallback copy); deleted text and field codes are left out. python-docx's own
    `Paragraph.text` skips text inside tracked insertions (`w:ins`)."""
    global _TEXT_NODES
    if _TEXT_NODES is None:
        from lxml import etree

        _TEXT_NODES = etree.XPath(
            ".//w:t[not(ancestor::mc:Fallback)] | .//w:tab[not(ancestor::w:tabs)][not(ancestor::mc:Fallback)]"
            " | .//w:br[not(ancestor::mc:Fallback)] | .//w:cr[not(ancestor::mc:Fallback)]"
            " | .//w:noBreakHyphen[not(ancestor::mc:Fallback)]",
            namespaces={
                "w": _W[1:-1],
                "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
            },
        )
    parts: list[str] = []
    for node in _TEXT_NODES(p):
        tag = node.tag
        if tag == _W + "t":
            parts.append(node.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        else:
            parts.append("\n")
    return "".join(parts)


_SPACE = re.compile(r"[ \t\u00a0]+")


def _clean(text: str) -> str:
    lines = (_SPACE.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _metadata(document) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        core = document.core_properties
        for name in ("title", "author", "subject", "keywords"):
            value = getattr(core, name, None)
            text = clean_title(str(value)) if name == "title" and value else str(value or "").strip()
            if text:
                out[name] = text[:500]
        if core.created:
            out["created"] = core.created.isoformat()
    except Exception:  # damaged properties are no reason to refuse the text
        pass
    return {k: v for k, v in out.items() if v}
