"""The fast path: pypdfium2 (the `triage[fast]` extra) gives the same passages and locations as
pypdf on the same generated PDFs. Skipped where pypdfium2 is not installed."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_extract import make_pdf

from triage.errors import PasswordRequired, TriageError
from triage.extract.pdf import extract_pdf

pytest.importorskip("pypdfium2")


def fields(document) -> list[tuple]:
    return [(p.id, p.text, p.kind, p.page, p.section, p.location) for p in document.passages]


@pytest.mark.parametrize("pages", [1, 3, 7])
def test_same_passages_and_locations_as_pypdf(tmp_path: Path, pages: int) -> None:
    path = make_pdf(tmp_path / "rfp.pdf", pages=pages)
    slow = extract_pdf(path, engine="pypdf")
    fast = extract_pdf(path, engine="pdfium")
    assert fields(fast) == fields(slow)
    assert fast.pages == slow.pages == pages
    assert fast.sha256 == slow.sha256 and fast.title == slow.title == "Customer Portal RFP"
    assert any("account management" in p.text for p in fast.passages)  # pdfium's hyphen mark undone


def test_engine_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from triage.extract import extract

    path = make_pdf(tmp_path / "rfp.pdf", pages=2)
    monkeypatch.setenv("TRIAGE_PDF_ENGINE", "pdfium")
    assert fields(extract(path)) == fields(extract_pdf(path, engine="pypdf"))
    monkeypatch.delenv("TRIAGE_PDF_ENGINE")
    assert fields(extract(path, engine="pdfium")) == fields(extract(path, engine="auto"))


def test_pdfium_password_and_damage(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "locked.pdf", pages=1, password="s3cret")
    with pytest.raises(PasswordRequired):
        extract_pdf(path, engine="pdfium")
    with pytest.raises(PasswordRequired, match="wrong"):
        extract_pdf(path, engine="pdfium", password="nope")
    assert extract_pdf(path, engine="pdfium", password="s3cret").passages
    good = make_pdf(tmp_path / "rfp.pdf", pages=1).read_bytes()
    (tmp_path / "cut.pdf").write_bytes(good[:300])
    with pytest.raises(TriageError):
        extract_pdf(tmp_path / "cut.pdf", engine="pdfium")
