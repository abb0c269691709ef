"""The caps that keep one document from taking the whole machine: file size, pages, characters, zip
sizes. Every check before and during extraction reads them from one `ExtractLimits`."""

from __future__ import annotations

import os
from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ExtractLimits:
    """Configurable caps for reading one document; the defaults suit real RFPs with room to spare.

    `max_zip_ratio` is the largest expansion (declared uncompressed / compressed size) accepted for a
    zip member bigger than `zip_ratio_floor` bytes; small members may compress better than that.
    """

    max_bytes: int = 200 * MB  # the file itself
    max_pages: int = 2_000  # PDF pages
    max_chars: int = 20_000_000  # extracted text
    max_zip_entries: int = 10_000
    max_zip_total: int = 1_024 * MB  # sum of declared uncompressed sizes
    max_zip_member: int = 256 * MB  # any one declared uncompressed member (an embedded video ...)
    max_zip_xml: int = 64 * MB  # any one XML part (document.xml of a 2,000-page report is ~20 MB)
    max_zip_ratio: float = 100.0
    zip_ratio_floor: int = 10 * MB

    @classmethod
    def from_env(cls) -> ExtractLimits:
        """Defaults, overridden by `TRIAGE_MAX_BYTES`, `TRIAGE_MAX_PAGES`, `TRIAGE_MAX_CHARS` if set."""
        kwargs: dict[str, int] = {}
        for name in ("max_bytes", "max_pages", "max_chars"):
            value = os.environ.get(f"TRIAGE_{name.upper()}")
            if value and value.strip().isdigit():
                kwargs[name] = int(value)
        return cls(**kwargs)


_GENERIC_TITLES = {"word document", "document", "untitled", "document1", "title", "microsoft word", "pdf"}


def clean_title(title: str | None) -> str | None:
    """A document title from file metadata, or None where it says nothing: "Microsoft Word - x.doc"
    becomes "x", and placeholders such as "Word Document" or "Untitled" are dropped."""
    if not title:
        return None
    text = " ".join(title.split())
    for prefix in ("Microsoft Word - ", "Microsoft PowerPoint - "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
            for suffix in (".docx", ".doc", ".rtf"):
                if text.lower().endswith(suffix):
                    text = text[: -len(suffix)]
    text = text.strip()
    if not text or text.lower() in _GENERIC_TITLES:
        return None
    return text[:300]


def failure_reason(exc: BaseException) -> str:
    """A parser's exception in a few words for a user: its type and the first line of its message."""
    text = str(exc).strip()
    detail = text.splitlines()[0][:120] if text else ""
    return type(exc).__name__ + (f": {detail}" if detail else "")
