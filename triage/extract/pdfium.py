"""The fast PDF engine: page text from pypdfium2 (Apache-2.0 / BSD), installed with the
`triage[fast]` extra. It yields the same raw page text shape as pypdf, so the same cleanup
(`triage.extract.lines`) turns it into the same passages.

pdfium marks a word hyphenated at a line end with U+FFFE (older builds: U+0002) and joins the two
lines; both are turned back into "-" and a line break, as pypdf gives them, so the hyphen repair
works the same way on both engines.
"""

from __future__ import annotations

from collections.abc import Iterator

from triage.errors import ExtractionError, PasswordRequired
from triage.extract.limits import clean_title

_META = {
    "Title": "title",
    "Author": "author",
    "Subject": "subject",
    "Creator": "creator",
    "Producer": "producer",
    "CreationDate": "created",
}


def open_pages(
    data: bytes, password: str | None, where: str
) -> tuple[int, dict[str, str], Iterator[tuple[int, str | Exception]]]:
    """(page count, metadata, an iterator of (page number, raw text)) for the PDF in `data`."""
    import pypdfium2 as pdfium

    start = data.find(b"%PDF-", 0, 8192)
    if start > 0:  # junk before the header: offsets count from the header, as readers assume
        data = data[start:]
    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            if password is not None:
                raise PasswordRequired("the password given for this PDF is wrong", path=where) from exc
            raise PasswordRequired(
                "the PDF is password-protected; pass the password with --password, or save a copy without it",
                path=where,
            ) from exc
        raise ExtractionError(f"the PDF is damaged and cannot be read ({exc})", path=where) from exc
    count = len(pdf)
    metadata: dict[str, str] = {}
    try:
        for key, value in pdf.get_metadata_dict(skip_empty=True).items():
            if key in _META and str(value).strip():
                text = clean_title(str(value)) if key == "Title" else str(value).strip()[:500]
                if text:
                    metadata[_META[key]] = text
    except Exception:  # damaged metadata is no reason to refuse the text
        pass

    def texts() -> Iterator[tuple[int, str | Exception]]:
        try:
            for i in range(count):
                try:
                    page = pdf[i]
                    textpage = page.get_textpage()
                    try:
                        text = textpage.get_text_range()
                    finally:
                        textpage.close()
                        page.close()
                except pdfium.PdfiumError as exc:  # one broken page must not cost the other pages
                    yield i + 1, exc
                    continue
                yield i + 1, text.replace("\ufffe", "-\n").replace("\x02", "-\n")
        finally:
            pdf.close()

    return count, metadata, texts()
