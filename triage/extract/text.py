"""Plain text and Markdown: paragraphs split on blank lines, `#` headings, list items, and
Markdown table rows, each passage with the line it starts on (`l{line}`).

A Markdown table row becomes one `table_cell` passage per cell (`table` counts the tables from 0,
`row` the rows of that table from 0 without the `|---|` rule, `cell` the column); the passage id
stays `l{line}.c{cell}` so the line can be found in the file.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

from triage.errors import RefusedFile
from triage.extract.limits import ExtractLimits
from triage.types import Document, Passage, PassageKind

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(\S.*)$")  # closing #s are stripped in code, not by backtracking
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_LIST = re.compile(
    r"^\s*(?:[-*+•]\s+|\d{1,3}[.)]\s+|[a-zA-Z][.)]\s+|\((?:[a-z]|[ivx]{1,4}|\d{1,3})\)\s+)(?=\S)"
)
_STRONG_LIST = re.compile(r"^\s*(?:[-*+•]\s+|\d{1,3}[.)]\s+)(?=\S)")  # starts an item even mid-paragraph
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
_BULLET = re.compile(r"^\s*[-*+•]\s+")
_CHECKBOX = re.compile(r"^\[[ xX]\]\s+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\ufeff]")  # never shown to a user
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_MD_INLINE = re.compile(
    r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|`([^`]*)`|!?\[([^\]]*)\]\([^)]*\)"
)


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (a BOM dropped), UTF-16 with a BOM, else cp1252, else latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def extract_text(
    path: str | os.PathLike[str], *, password: str | None = None, limits: ExtractLimits | None = None
) -> Document:
    """The passages of a .txt or .md file; Markdown syntax (emphasis, links, code marks) is kept in
    .txt files and reduced to its words in .md files."""
    limits = limits or ExtractLimits.from_env()
    where = str(path)
    data = Path(path).read_bytes()
    text = _CONTROL.sub("", decode(data))
    if len(text) > limits.max_chars:
        raise RefusedFile(
            f"the file holds {len(text):,} characters, more than the limit of {limits.max_chars:,}",
            path=where,
            code="too_large",
        )
    markdown = Path(path).suffix.lower() in (".md", ".markdown")
    lines = text.splitlines()
    metadata: dict[str, str] = {}
    if markdown:
        lines, metadata = _front_matter(lines)
    passages = tuple(_passages(lines, markdown))
    title = next((p.text for p in passages if p.kind == "heading"), None)
    if markdown and title and "title" not in metadata:
        metadata["title"] = title
    return Document(
        path=where,
        sha256=hashlib.sha256(data).hexdigest(),
        format="md" if markdown else "txt",
        pages=None,
        passages=passages,
        metadata=metadata,
    )


_FRONT_KEY = re.compile(r"^(title|author|date|subject)\s*:\s*(.*)$", re.IGNORECASE)


def _front_matter(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Lines with a leading YAML front-matter block blanked (line numbers stay true), and the
    title / author / date it declares."""
    if not lines or lines[0].strip() != "---":
        return lines, {}
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in ("---", "..."):
            meta: dict[str, str] = {}
            for line in lines[1:end]:
                m = _FRONT_KEY.match(line.strip())
                if m and m.group(2).strip(" '\""):
                    meta[m.group(1).lower()] = m.group(2).strip().strip("'\"")[:500]
            return [""] * (end + 1) + lines[end + 1 :], meta
    return lines, {}


_MAX_INLINE = 4000  # characters of a passage whose Markdown marks are reduced to their words
_MAX_OPENERS = 100  # `*` and `[` in it: each unmatched one costs a scan to the end of the text


def _inline(text: str, markdown: bool) -> str:
    # the inline regexes go quadratic on hostile text (`*a *a *a ...`, `[[[[...`): beyond these
    # bounds the text is kept as written, as in a .txt file
    if not markdown or len(text) > _MAX_INLINE or text.count("*") + text.count("[") > _MAX_OPENERS:
        return text.strip()
    if "<" in text:
        text = _TAG.sub("", text)
    text = _MD_INLINE.sub(
        lambda m: (
            next(g for g in m.groups()[1:] if g is not None)
            if any(g is not None for g in m.groups()[1:])
            else m.group(0)
        ),
        text,
    )
    return text.replace("\\", "").strip() if "\\" in text else text.strip()


def _passages(lines: list[str], markdown: bool) -> Iterator[Passage]:
    section: str | None = None
    block: list[str] = []
    start = 0
    kind: PassageKind = "paragraph"
    table = -1
    row = 0
    in_table = False
    fence = False

    def flush() -> Iterator[Passage]:
        nonlocal block
        if block:
            text = _inline(" ".join(part.strip() for part in block), markdown)
            if text:
                yield Passage(id=f"l{start}", text=text, kind=kind, line=start, section=section)
        block = []

    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if markdown and _FENCE.match(line):
            yield from flush()
            fence = not fence
            continue
        if fence:  # a code block is kept as plain paragraphs
            if not line.strip():
                yield from flush()
                continue
            if not block:
                start, kind = number, "paragraph"
            block.append(line)
            continue
        stripped = line.strip()
        if not stripped:
            yield from flush()
            in_table = False
            continue
        if markdown and stripped.startswith("|") and stripped.count("|") >= 2:
            yield from flush()
            if "--" in stripped and not stripped.strip("|:- "):  # the |---|:--:| rule under a header
                continue
            if not in_table:
                table, row, in_table = table + 1, 0, True
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            for c, cell in enumerate(cells):
                text = _inline(cell, markdown)
                if text:
                    yield Passage(
                        id=f"l{number}.c{c}",
                        text=text,
                        kind="table_cell",
                        line=number,
                        table=table,
                        row=row,
                        cell=c,
                        section=section,
                    )
            row += 1
            continue
        in_table = False
        if markdown and _RULE.match(line) and not (block and _SETEXT.match(line)):
            yield from flush()  # a thematic break (---, ***, ___) is no text
            continue
        heading = _ATX.match(line) if markdown or line.lstrip().startswith("#") else None
        title = heading.group(2).rstrip().rstrip("#").rstrip() if heading else ""
        if title:
            yield from flush()
            section = _inline(title, markdown)
            yield Passage(id=f"l{number}", text=section, kind="heading", line=number, section=section)
            continue
        if markdown and _SETEXT.match(line) and len(block) == 1 and kind == "paragraph":
            section = _inline(block[0], markdown)
            yield Passage(id=f"l{start}", text=section, kind="heading", line=start, section=section)
            block = []
            continue
        if _LIST.match(line) and (not block or kind == "list_item" or _STRONG_LIST.match(line)):
            yield from flush()
            item = _BULLET.sub("", line, count=1) if _BULLET.match(line) else line.strip()
            block, start, kind = [_CHECKBOX.sub("", item)], number, "list_item"
            continue
        if not block:
            start, kind = number, "paragraph"
        block.append(line)
    yield from flush()
