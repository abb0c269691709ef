"""Extraction of tiny PDFs, DOCX and text files built here: passages, kinds, locations, cleanup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triage.errors import ExtractionError, PasswordRequired, RefusedFile, TriageError
from triage.extract import ExtractLimits, extract
from triage.extract.testing import rfp_canvas

TOPICS = ["Single Sign-On", "ERP Integration", "Partner Portal", "Content Workflow"]


def make_pdf(path: Path, pages: int = 3, *, password: str | None = None) -> Path:
    """An RFP-like PDF: running header, "Page N of M" footer, a heading, a paragraph with a word
    hyphenated across a line end, numbered clauses, a bullet, a lettered item per page."""
    pdf = rfp_canvas(title="Customer Portal RFP", password=password)
    for i in range(pages):
        topic = TOPICS[i % len(TOPICS)]
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, f"{i + 1}. {topic.upper()}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(
            0,
            6,
            f"This section describes {topic.lower()} for section {i + 1}. The Contractor shall provide a "
            "customer portal with single sign-on, integration with the existing ERP and CRM systems, "
            f"and self-service account manage-\nment for all {1000 * (i + 1)} registered users.",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.ln(3)
        for k in range(1, 3):
            pdf.multi_cell(
                0,
                6,
                f"{i + 1}.1.{k} The system shall support requirement {k} of {topic.lower()} and shall "
                "log every change to an audit trail kept for seven years.",
                new_x="LMARGIN",
                new_y="NEXT",
            )
        pdf.multi_cell(0, 6, f"- bullet about {topic.lower()}", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, f"a) lettered item for {topic.lower()}", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def make_docx(path: Path) -> Path:
    """A DOCX with a title, headings, a list, a table between paragraphs (with a merged cell), and a
    header and footer."""
    import docx

    d = docx.Document()
    d.core_properties.title = "Portal Tender"
    d.sections[0].header.paragraphs[0].text = "ACME Corp - Confidential"
    d.sections[0].footer.paragraphs[0].text = "Tender 42 footer"
    d.add_heading("Portal Tender", level=0)
    d.add_heading("1 Scope", level=1)
    d.add_paragraph("The supplier shall build a partner portal.")
    d.add_paragraph("Single sign-on with Azure AD", style="List Bullet")
    table = d.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "ID"
    table.cell(0, 1).text = "Requirement"
    table.cell(0, 2).text = "Priority"
    table.cell(1, 0).text = "R1"
    table.cell(1, 1).text = "Integrate with SAP"
    table.cell(1, 2).text = "Must"
    merged = table.cell(2, 0).merge(table.cell(2, 2))
    merged.text = "All rows are mandatory"
    d.add_heading("2 Security", level=1)
    d.add_paragraph("Role-based access control is required.")
    d.save(str(path))
    return path


# --- PDF ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rfp_pdf(tmp_path_factory: pytest.TempPathFactory):
    path = make_pdf(tmp_path_factory.mktemp("pdf") / "rfp.pdf")
    return extract(path)


def test_pdf_document_fields(rfp_pdf) -> None:
    assert rfp_pdf.format == "pdf"
    assert rfp_pdf.pages == 3
    assert rfp_pdf.title == "Customer Portal RFP"
    assert len(rfp_pdf.sha256) == 64


def test_pdf_page_furniture_is_dropped(rfp_pdf) -> None:
    texts = [p.text for p in rfp_pdf.passages]
    assert not any("Page 2 of 3" in t or "Page 1 of 3" in t for t in texts)
    assert not any("RFP 2024-17 Customer Portal" in t for t in texts)


def test_pdf_paragraph_lines_joined_and_hyphen_repaired(rfp_pdf) -> None:
    para = next(p for p in rfp_pdf.passages if p.text.startswith("This section describes erp"))
    assert "account management for all 2000 registered users." in para.text
    assert "manage-" not in para.text
    assert "\n" not in para.text
    assert para.page == 2 and para.id.startswith("p2.")


def test_pdf_numbered_clauses_are_separate_passages(rfp_pdf) -> None:
    clauses = [p for p in rfp_pdf.passages if p.text.startswith("2.1.")]
    assert [c.text[:5] for c in clauses] == ["2.1.1", "2.1.2"]
    assert all(c.text.endswith("seven years.") for c in clauses)
    assert all(c.page == 2 for c in clauses)


def test_pdf_headings_lists_and_sections(rfp_pdf) -> None:
    heading = next(p for p in rfp_pdf.passages if p.text == "3. PARTNER PORTAL")
    assert heading.kind == "heading" and heading.id == "p3.1" and heading.location == "p. 3"
    bullet = next(p for p in rfp_pdf.passages if p.text == "bullet about partner portal")
    assert bullet.kind == "list_item"
    assert bullet.section == "3. PARTNER PORTAL"
    lettered = next(p for p in rfp_pdf.passages if p.text.startswith("a) lettered item for partner"))
    assert lettered.kind == "list_item"


def test_pdf_ids_are_unique_and_per_page(rfp_pdf) -> None:
    ids = [p.id for p in rfp_pdf.passages]
    assert len(ids) == len(set(ids))
    assert all(p.id.startswith(f"p{p.page}.") for p in rfp_pdf.passages)


def test_pdf_password(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "locked.pdf", pages=1, password="s3cret")
    with pytest.raises(PasswordRequired) as err:
        extract(path)
    assert err.value.code == "password_protected"
    with pytest.raises(PasswordRequired, match="wrong"):
        extract(path, password="nope")
    assert extract(path, password="s3cret").passages


def test_pdf_page_and_char_limits(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "rfp.pdf", pages=3)
    with pytest.raises(RefusedFile) as err:
        extract(path, limits=ExtractLimits(max_pages=2))
    assert err.value.code == "too_large"
    with pytest.raises(RefusedFile) as err:
        extract(path, limits=ExtractLimits(max_chars=500))
    assert err.value.code == "too_large"


def test_pdf_without_text_layer_is_scanned(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(ExtractionError) as err:
        extract(tmp_path / "scan.pdf")
    assert err.value.code == "scanned"


def test_damaged_pdf_is_reported_not_raised(tmp_path: Path) -> None:
    good = make_pdf(tmp_path / "rfp.pdf", pages=1).read_bytes()
    (tmp_path / "cut.pdf").write_bytes(good[: len(good) // 2])
    try:
        extract(tmp_path / "cut.pdf")  # pypdf may recover part of it; then it must have passages
    except TriageError as exc:
        assert exc.code in ("damaged", "scanned")


# --- DOCX -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tender(tmp_path_factory: pytest.TempPathFactory):
    return extract(make_docx(tmp_path_factory.mktemp("docx") / "tender.docx"))


def test_docx_body_and_table_in_document_order(tender) -> None:
    body = [p.text for p in tender.body]
    assert body == [
        "Portal Tender",
        "1 Scope",
        "The supplier shall build a partner portal.",
        "Single sign-on with Azure AD",
        "ID",
        "Requirement",
        "Priority",
        "R1",
        "Integrate with SAP",
        "Must",
        "All rows are mandatory",
        "2 Security",
        "Role-based access control is required.",
    ]
    assert tender.format == "docx" and tender.pages is None and tender.title == "Portal Tender"


def test_docx_kinds_ids_and_sections(tender) -> None:
    by_text = {p.text: p for p in tender.passages}
    assert by_text["1 Scope"].kind == "heading"
    assert by_text["Portal Tender"].kind == "heading"
    assert by_text["Single sign-on with Azure AD"].kind == "list_item"
    para = by_text["The supplier shall build a partner portal."]
    assert para.kind == "paragraph" and para.id == f"d{para.paragraph}" and para.section == "1 Scope"
    cell = by_text["Integrate with SAP"]
    assert (cell.kind, cell.id, cell.table, cell.row, cell.cell) == ("table_cell", "t0.r1.c1", 0, 1, 1)
    assert cell.location == "table 1, row 2, cell 2"
    merged = by_text["All rows are mandatory"]
    assert merged.id == "t0.r2.c0"
    assert by_text["Role-based access control is required."].section == "2 Security"


def test_docx_header_and_footer_kept_apart(tender) -> None:
    header = [p for p in tender.passages if p.region == "header"]
    footer = [p for p in tender.passages if p.region == "footer"]
    assert [p.text for p in header] == ["ACME Corp - Confidential"]
    assert [p.text for p in footer] == ["Tender 42 footer"]
    assert header[0].id == "h1.1" and footer[0].id == "f1.1"
    assert all("ACME" not in p.text for p in tender.body)


# --- text and markdown ----------------------------------------------------------------------------


def test_markdown_passages(tmp_path: Path) -> None:
    md = tmp_path / "rfp.md"
    md.write_text(
        "# Portal RFP\n\nThe vendor shall host\nthe **portal** in the EU.\n\n## Requirements\n\n"
        "- SSO with SAML\n* MFA for admins\n1. Audit log\n\n| ID | Need |\n|---|---|\n| R1 | SAP sync |\n",
        encoding="utf-8",
    )
    doc = extract(md)
    got = [(p.id, p.kind, p.text, p.section) for p in doc.passages]
    assert got == [
        ("l1", "heading", "Portal RFP", "Portal RFP"),
        ("l3", "paragraph", "The vendor shall host the portal in the EU.", "Portal RFP"),
        ("l6", "heading", "Requirements", "Requirements"),
        ("l8", "list_item", "SSO with SAML", "Requirements"),
        ("l9", "list_item", "MFA for admins", "Requirements"),
        ("l10", "list_item", "1. Audit log", "Requirements"),
        ("l12.c0", "table_cell", "ID", "Requirements"),
        ("l12.c1", "table_cell", "Need", "Requirements"),
        ("l14.c0", "table_cell", "R1", "Requirements"),
        ("l14.c1", "table_cell", "SAP sync", "Requirements"),
    ]
    assert doc.format == "md" and doc.title == "Portal RFP"
    assert doc.passages[1].location == "line 3"


def test_text_decoding_bom_and_cp1252(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbfCaf\xc3\xa9 portal\n\nSecond para")
    doc = extract(tmp_path / "a.txt")
    assert [p.text for p in doc.passages] == ["Café portal", "Second para"]
    assert doc.format == "txt" and doc.passages[1].line == 3
    (tmp_path / "b.txt").write_bytes(b"Price \x80 100 \x96 caf\xe9\n")
    assert extract(tmp_path / "b.txt").passages[0].text == "Price € 100 – café"


# --- command --------------------------------------------------------------------------------------


def test_cli_extract_text_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from triage.cli import main

    path = make_docx(tmp_path / "tender.docx")
    assert main(["extract", str(path)]) == 0
    out = capsys.readouterr().out
    assert "t0.r1.c1  table_cell  table 1, row 2, cell 2" in out
    assert main(["extract", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "docx"
    cell = next(p for p in data["passages"] if p["id"] == "t0.r1.c1")
    assert cell["location"] == "table 1, row 2, cell 2" and cell["text"] == "Integrate with SAP"


def test_cli_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from triage.cli import main

    (tmp_path / "page.pdf").write_text("<!DOCTYPE html><html><body>Not found</body></html>")
    assert main(["extract", str(tmp_path / "page.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("triage: error: ") and "HTML" in err and "Traceback" not in err


def test_metadata_titles_are_cleaned() -> None:
    from triage.extract.limits import clean_title

    assert clean_title("Microsoft Word - RFP_Portal_final.docx") == "RFP_Portal_final"
    assert clean_title("Word Document") is None
    assert clean_title("  Customer   Portal RFP ") == "Customer Portal RFP"
    assert clean_title(None) is None


def test_docx_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    """Text inserted with track changes counts; deleted text does not."""
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    d = docx.Document()
    p = d.add_paragraph("The portal shall support ")
    ins = etree.SubElement(p._p, qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "a"})
    run = etree.SubElement(ins, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = "SAML single sign-on"
    deleted = etree.SubElement(p._p, qn("w:del"), {qn("w:id"): "2", qn("w:author"): "a"})
    etree.SubElement(etree.SubElement(deleted, qn("w:r")), qn("w:delText")).text = " and fax"
    d.save(str(tmp_path / "tracked.docx"))
    assert [x.text for x in extract(tmp_path / "tracked.docx").passages] == [
        "The portal shall support SAML single sign-on"
    ]


def test_control_characters_never_reach_passages(tmp_path: Path) -> None:
    from triage.extract.lines import page_lines

    (tmp_path / "esc.txt").write_bytes(b"Portal \x1b[31mred\x1b[0m text\x07 here\n")
    assert extract(tmp_path / "esc.txt").passages[0].text == "Portal [31mred[0m text here"
    assert page_lines("a\x1b[2Jb\x07c") == ["a[2Jbc"]


def test_docx_entities_are_never_expanded(tmp_path: Path) -> None:
    """External entities are not fetched and internal ones are not expanded (no XXE, no bomb)."""
    import zipfile

    import docx

    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    d = docx.Document()
    d.add_paragraph("PLACEHOLDER")
    d.save(str(tmp_path / "plain.docx"))
    with zipfile.ZipFile(tmp_path / "plain.docx") as src, zipfile.ZipFile(tmp_path / "evil.docx", "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                head, _, body = data.decode().partition("?>")
                doctype = (
                    f'<!DOCTYPE w:document [<!ENTITY ext SYSTEM "file://{secret}"><!ENTITY int "EXPANDED">]>'
                )
                data = (head + "?>" + doctype + body.replace("PLACEHOLDER", "A&ext;B&int;C")).encode()
            dst.writestr(item, data)
    try:
        document = extract(tmp_path / "evil.docx")
    except TriageError as exc:  # refusing the file is also safe
        assert exc.code == "damaged"
        return
    text = " ".join(p.text for p in document.passages)
    assert "TOPSECRET" not in text and "EXPANDED" not in text
    assert text.startswith("A")


def test_markdown_rules_setext_and_front_matter(tmp_path: Path) -> None:
    md = tmp_path / "rfp.md"
    md.write_text("---\ntitle: 'Portal RFP'\n---\nIntro\n\n---\n\nScope\n=====\n\nSee [the annex](a.pdf).\n")
    doc = extract(md)
    assert [(p.id, p.kind, p.text) for p in doc.passages] == [
        ("l4", "paragraph", "Intro"),
        ("l8", "heading", "Scope"),
        ("l11", "paragraph", "See the annex."),
    ]
    assert doc.title == "Portal RFP"


def test_one_unreadable_pdf_page_does_not_cost_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PageObject

    path = make_pdf(tmp_path / "rfp.pdf", pages=3)
    original = PageObject.extract_text

    def broken_second_page(self, *args, **kwargs):
        if self.page_number == 1:
            raise RecursionError("maximum recursion depth exceeded")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", broken_second_page)
    document = extract(path)
    assert {p.page for p in document.passages} == {1, 3}
    assert document.metadata["unreadable_pages"] == "2"
    monkeypatch.setattr(PageObject, "extract_text", lambda self, *a, **k: 1 / 0)
    with pytest.raises(ExtractionError) as err:
        extract(path)
    assert err.value.code == "damaged" and "ZeroDivisionError" in err.value.message


def test_docx_headings_from_style_chain_bold_and_not_sentences(tmp_path: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    custom = d.styles.add_style("RFP Title Block", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = d.styles["Heading 2"]
    d.add_paragraph("Hosting Requirements", style="RFP Title Block")
    d.add_paragraph(
        "This task order shall be firm fixed price for the whole period of performance stated here.",
        style="Heading 2",
    )
    bold = d.add_paragraph()
    bold.add_run("Evaluation Criteria").bold = True
    d.add_paragraph("Plain Title Case Words")  # not bold, not a heading style: a paragraph
    d.save(str(tmp_path / "styles.docx"))
    kinds = [(p.text[:20], p.kind) for p in extract(tmp_path / "styles.docx").passages]
    assert kinds == [
        ("Hosting Requirements", "heading"),
        ("This task order shal", "paragraph"),
        ("Evaluation Criteria", "heading"),
        ("Plain Title Case Wor", "paragraph"),
    ]


def test_pages_without_text_are_listed(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    for i in range(4):
        pdf.add_page()
        if i in (0, 3):
            pdf.set_font("Helvetica", size=11)
            pdf.multi_cell(0, 6, f"Requirement text on page {i + 1}.")
        else:
            pdf.rect(20, 20, 100, 100, style="F")  # like a scanned page: no text layer
    pdf.output(str(tmp_path / "mixed.pdf"))
    document = extract(tmp_path / "mixed.pdf")
    assert document.metadata["pages_without_text"] == "2-3"
    assert [p.page for p in document.passages] == [1, 4]


def raw_pdf(path: Path, text: bytes, to_unicode: bytes) -> Path:
    """A one-page PDF written by hand: `text` in Helvetica whose ToUnicode map has the one entry
    `to_unicode` (`<41> <D835>`: the letter A stands for a lone surrogate, as broken producers write)."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
        b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar " + to_unicode + b" endbfchar "
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%b\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n%b\nendstream" % (len(cmap), cmap),
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%b\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(out)
    return path


def test_a_broken_unicode_map_gives_text_that_can_be_written(tmp_path: Path) -> None:
    path = raw_pdf(tmp_path / "odd.pdf", b"The portal shall support SSO A.", b"<41> <D835>")
    document = extract(path)
    text = " ".join(p.text for p in document.passages)
    assert text == "The portal shall support SSO \ufffd."  # not a lone surrogate
    text.encode("utf-8")
