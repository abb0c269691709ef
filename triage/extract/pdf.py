"""PDF text extraction: each page's text from pypdf (or pypdfium2, when installed and chosen), then
the engine-independent cleanup of `triage.extract.lines`.

Every failure of a parser becomes an ExtractionError with a reason code; nothing else escapes. A
page whose text cannot be read is skipped and listed in `metadata["unreadable_pages"]`; only a PDF
with no readable page is "damaged". Pages are read one at a time and only their text is kept.

pypdf caps every decompressed stream (75 MB), so a Flate bomb is refused ("zip_bomb"). pdfium has
no such cap: run the pdfium engine only inside the isolated worker with a memory limit (issue 7).

pypdf reads about 150,000 words a second, slower than the rest of triage together, so a long PDF
(`PARALLEL_MIN_PAGES` pages or more) read by a lone process has its pages read from both ends: a
forked helper (triage.processes.ForkedCall) takes them from the back while this process takes them
from the front: the same pages, the same text, in about 60 % of the time. When that is allowed (two
cores, not in a worker, TRIAGE_DOCUMENT_PROCESSES) is triage.processes.second_process_allowed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from triage.errors import ExtractionError, PasswordRequired, RefusedFile, TriageError
from triage.extract import lines as cleanup
from triage.extract.limits import ExtractLimits, clean_title, failure_reason
from triage.types import Document

Engine = Literal["pypdf", "pdfium", "auto"]
ENGINE_ENV = "TRIAGE_PDF_ENGINE"
PARALLEL_MIN_PAGES = 16


def extract_pdf(
    path: str | os.PathLike[str],
    *,
    password: str | None = None,
    limits: ExtractLimits | None = None,
    engine: Engine | None = None,
) -> Document:
    """The passages of the PDF at `path`, page by page, with page furniture removed.

    `engine` is "pypdf" (the default, always available), "pdfium" (pypdfium2, the `triage[fast]`
    extra) or "auto" (pdfium when installed); the environment variable TRIAGE_PDF_ENGINE sets it
    when the argument is not given. Both engines go through the same cleanup."""
    limits = limits or ExtractLimits.from_env()
    where = str(path)
    data = Path(path).read_bytes()
    if len(data) > limits.max_bytes:
        raise RefusedFile(f"the file is larger than the limit of {limits.max_bytes / 1e6:.0f} MB", path=where)
    sha256 = hashlib.sha256(data).hexdigest()
    chosen = _choose(engine)
    texts: Iterator[tuple[int, str | Exception]] = iter(())
    try:
        if chosen == "pdfium":
            from triage.extract import pdfium

            count, metadata, texts = pdfium.open_pages(data, password, where)
        else:
            count, metadata, texts = _pypdf_pages(data, password, where, limits.max_pages)
        if count > limits.max_pages:
            raise RefusedFile(
                f"the PDF has {count:,} pages, more than the limit of {limits.max_pages:,}",
                path=where,
                code="too_large",
            )
        pages: list[tuple[int, list[str]]] = []
        failed: list[tuple[int, Exception]] = []
        chars = 0
        any_text = False
        for number, text in texts:
            if isinstance(text, Exception):
                failed.append((number, text))
                pages.append((number, []))
                continue
            chars += len(text)
            if chars > limits.max_chars:
                raise RefusedFile(
                    f"the PDF holds more than {limits.max_chars:,} characters of text, the limit",
                    path=where,
                    code="too_large",
                )
            lines = cleanup.page_lines(text)
            any_text = any_text or any(lines)
            pages.append((number, lines))
    except TriageError:
        raise
    except MemoryError as exc:
        raise ExtractionError(
            "reading the PDF needed more memory than allowed", path=where, code="out_of_memory"
        ) from exc
    except Exception as exc:  # any parser failure (pypdf's, RecursionError, zlib, ...) is a damaged file
        raise damaged(where, exc) from exc
    finally:
        close = getattr(texts, "close", None)
        if close is not None:  # stops a page reader at once when reading ended early (a limit, an error)
            close()
    if count == 0:
        raise ExtractionError("the PDF has no pages", path=where, code="damaged")
    if failed and len(failed) == count:
        raise damaged(where, failed[0][1])
    if failed:
        metadata = {**metadata, "unreadable_pages": ", ".join(str(n) for n, _ in failed)[:500]}
    if not any_text:
        raise ExtractionError(
            f"the PDF has no text layer on any of its {count} page(s) (it looks like a scan); "
            "run it through OCR first",
            path=where,
            code="scanned",
        )
    unreadable = {n for n, _ in failed}
    empty = [n for n, lines in pages if not any(lines) and n not in unreadable]
    if empty:  # scanned pages inside a text PDF (or blank ones): worth knowing before a bid decision
        metadata = {**metadata, "pages_without_text": _ranges(empty)}
    try:
        drop = cleanup.furniture(pages)
        passages = tuple(cleanup.passages(pages, drop))
    except Exception as exc:  # nothing but our errors leaves extraction
        raise damaged(where, exc) from exc
    if not passages:
        raise ExtractionError("no text was found in the PDF", path=where, code="no_text")
    metadata = {key: cleanup.valid_unicode(value) for key, value in metadata.items()}
    return Document(
        path=where, sha256=sha256, format="pdf", pages=count, passages=passages, metadata=metadata
    )


def _ranges(numbers: list[int]) -> str:
    """`1-3, 7, 9-10` for [1, 2, 3, 7, 9, 10]."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}-{prev}" if prev > start else str(start))
        if n is not None:
            start = prev = n
    return ", ".join(out)[:500]


def damaged(where: str, exc: BaseException) -> ExtractionError:
    """The error a user sees for a parser failure: damaged, with a short reason (or zip_bomb for a
    stream that pypdf stopped decompressing at its limit)."""
    if type(exc).__name__ == "LimitReachedError":  # pypdf's cap on decompressed stream size
        return ExtractionError(
            "a compressed part of the PDF expands to far more than its size (a decompression bomb); "
            "refused before it filled the memory",
            path=where,
            code="zip_bomb",
        )
    if isinstance(exc, RecursionError):
        why = "its structure is nested too deeply"
    else:
        why = failure_reason(exc)
    return ExtractionError(f"the PDF is damaged and cannot be read ({why})", path=where, code="damaged")


def _choose(engine: Engine | None) -> str:
    wanted = engine or os.environ.get(ENGINE_ENV, "pypdf")
    if wanted not in ("pypdf", "pdfium", "auto"):
        wanted = "pypdf"
    if wanted == "pypdf":
        return "pypdf"
    try:
        import pypdfium2  # noqa: F401
    except ImportError as exc:
        if wanted == "pdfium":
            raise ExtractionError(
                "the pdfium engine was asked for but pypdfium2 is not installed (pip install triage[fast])",
                code="unsupported",
            ) from exc
        return "pypdf"
    return "pdfium"


def _pypdf_pages(
    data: bytes, password: str | None, where: str, max_pages: int
) -> tuple[int, dict[str, str], Iterator[tuple[int, str | Exception]]]:
    import io
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files are reported by our errors
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        _unlock(reader, password, where)
    try:  # the page tree's declared count refuses a huge PDF before its tree is walked
        declared = int(reader.trailer["/Root"]["/Pages"]["/Count"])
    except Exception:  # a missing or odd count is checked again below
        declared = 0
    if declared > max_pages:
        return declared, {}, iter(())
    count = len(reader.pages)
    metadata = _metadata(reader)

    def texts() -> Iterator[tuple[int, str | Exception]]:
        helper = None
        if _second_process(count):
            try:
                helper = _PageReader(reader, count)
            except Exception:  # no fork, no shared memory (/dev/shm read-only), a process limit
                helper = None
        if helper is None:  # read alone
            for i in range(count):
                yield i + 1, _page_text(reader, i)
            return
        try:
            while (i := helper.claim_front()) is not None:
                yield i + 1, _page_text(reader, i)
            rest = helper.result()
            if rest is None:  # the helper died: read its pages here
                rest = [(i + 1, _page_text(reader, i)) for i in range(helper.met, count)]
            for number, text in rest:
                if isinstance(text, MemoryError):
                    raise text
                yield number, text
        finally:
            helper.stop()

    return count, metadata, texts()


def _page_text(reader, i: int) -> str | Exception:
    """The text of page `i` (0-based), or the exception that reading it raised."""
    try:
        return reader.pages[i].extract_text() or ""
    except MemoryError:
        raise
    except Exception as exc:  # one broken page must not cost the other pages
        return exc


def _second_process(pages: int) -> bool:
    """Whether to read part of a PDF of `pages` pages in a forked second process (see above)."""
    from triage.processes import second_process_allowed

    return pages >= PARALLEL_MIN_PAGES and second_process_allowed()


class _PageReader:
    """A forked helper reading the pages of an open reader from the last one backwards, while this
    process reads them from the first one forwards, until they meet; it then sends back its pages'
    text in page order. Each side claims its next page under a shared lock, so neither waits for the
    other however the slow pages are spread."""

    def __init__(self, reader, count: int):
        import multiprocessing

        from triage.processes import ForkedCall

        # [next page from the front, first page taken from the back]
        self.bounds = multiprocessing.get_context("fork").Array("l", [0, count])
        self.helper = ForkedCall(_read_pages, reader, self.bounds)
        self.met = count

    def claim_front(self) -> int | None:
        """The next page for this process, or None when the two sides have met."""
        with self.bounds.get_lock():
            front, back = self.bounds[0], self.bounds[1]
            if front >= back:
                self.met = front
                return None
            self.bounds[0] = front + 1
            return front

    def result(self) -> list[tuple[int, str | Exception]] | None:
        """The helper's pages and their text, or None when it ended without sending them."""
        return self.helper.result()

    def stop(self) -> None:
        self.helper.stop()


def _read_pages(reader, bounds) -> list[tuple[int, str | Exception]]:
    """In the helper: claim pages from the back; (number, text or exception) of each, in page order."""
    import pickle

    out: list[tuple[int, str | Exception]] = []
    while True:
        with bounds.get_lock():
            if bounds[0] >= bounds[1]:
                break
            bounds[1] -= 1
            i = bounds[1]
        try:
            text = _page_text(reader, i)
        except MemoryError as exc:
            out.append((i + 1, exc))
            break
        if isinstance(text, Exception):
            try:
                pickle.loads(pickle.dumps(text))
            except Exception:  # an exception that cannot travel: its type and message can
                text = RuntimeError(f"{type(text).__name__}: {text}")
        out.append((i + 1, text))
    return out[::-1]


def _unlock(reader, password: str | None, where: str) -> None:
    from pypdf.errors import DependencyError

    try:
        if password is not None:
            if not reader.decrypt(password):
                raise PasswordRequired("the password given for this PDF is wrong", path=where)
            return
        if not reader.decrypt(""):
            raise PasswordRequired(
                "the PDF is password-protected; pass the password with --password, or save a copy without it",
                path=where,
            )
    except DependencyError as exc:  # AES without the cryptography package
        raise ExtractionError(
            "the PDF uses AES encryption and the `cryptography` package is missing "
            "(pip install 'pypdf[crypto]')",
            path=where,
            code="damaged",
        ) from exc


def _metadata(reader) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        info = reader.metadata
    except Exception:  # damaged metadata is no reason to refuse the text
        return out
    if not info:
        return out
    for key, name in (
        ("/Title", "title"),
        ("/Author", "author"),
        ("/Subject", "subject"),
        ("/Creator", "creator"),
        ("/Producer", "producer"),
        ("/CreationDate", "created"),
    ):
        try:
            value = info.get(key)
            text = str(value).strip() if value is not None else ""
        except Exception:  # one unreadable field is skipped
            continue
        if name == "title":
            text = clean_title(text) or ""
        if text:
            out[name] = text[:500]
    return out
