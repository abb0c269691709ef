"""The extract stage: a file in, a `Document` of passages with their locations out.

`extract(path)` decides the format from the file's content (`sniff`, magic bytes and zip / CFB
directories, never the name alone), refuses what must not be parsed, and hands the file to one
function per format, all with the same signature: `extract_pdf`, `extract_docx`, `extract_text`.
The parsers are imported only when a file needs them, so `import triage.extract` stays cheap.
"""

from __future__ import annotations

import os

from triage.extract.limits import ExtractLimits
from triage.extract.sniff import sniff
from triage.types import Document

__all__ = ["ExtractLimits", "extract", "extract_docx", "extract_pdf", "extract_text", "sniff"]


def extract(
    path: str | os.PathLike[str],
    *,
    password: str | None = None,
    limits: ExtractLimits | None = None,
    engine: str | None = None,
) -> Document:
    """The text of the document at `path` as passages in reading order.

    `engine` chooses the PDF engine ("pypdf", "pdfium", "auto"; see `extract_pdf`) and is ignored
    for other formats. Raises a TriageError subclass (ExtractionError, PasswordRequired, RefusedFile,
    UnsupportedFormat) with a reason code of `triage.errors.REASONS` for anything that cannot be read."""
    limits = limits or ExtractLimits.from_env()
    kind = sniff(path, limits)
    if kind == "pdf":
        return extract_pdf(path, password=password, limits=limits, engine=engine)
    if kind == "docx":
        return extract_docx(path, password=password, limits=limits)
    return extract_text(path, password=password, limits=limits)


def extract_pdf(
    path: str | os.PathLike[str],
    *,
    password: str | None = None,
    limits: ExtractLimits | None = None,
    engine: str | None = None,
) -> Document:
    """The passages of a PDF (see `triage.extract.pdf`). `engine`: "pypdf" (default), "pdfium"
    (the `triage[fast]` extra) or "auto"; unset, the TRIAGE_PDF_ENGINE environment variable decides."""
    from triage.extract import pdf

    return pdf.extract_pdf(path, password=password, limits=limits, engine=engine)  # type: ignore[arg-type]


def extract_docx(
    path: str | os.PathLike[str], *, password: str | None = None, limits: ExtractLimits | None = None
) -> Document:
    """The passages of a Word .docx file (see `triage.extract.docx`)."""
    from triage.extract import docx

    return docx.extract_docx(path, password=password, limits=limits)


def extract_text(
    path: str | os.PathLike[str], *, password: str | None = None, limits: ExtractLimits | None = None
) -> Document:
    """The passages of a plain-text or Markdown file (see `triage.extract.text`)."""
    from triage.extract import text

    return text.extract_text(path, password=password, limits=limits)
