"""The PDF cleanup on raw page lines, engine-independent: furniture, joins, breaks, kinds."""

from __future__ import annotations

from triage.extract.lines import blocks, furniture, heading_like, join, page_lines, passages

WIDE = "The Contractor shall provide a customer portal with single sign-on and integration with"


def test_page_lines_strip_invisible_and_collapse_alternating_blanks() -> None:
    text = "\n \n".join(f"line {i} of a paragraph that goes on" for i in range(8))
    text += "\n \n \n \nNew paragraph\u200b starts here."
    lines = page_lines(text)
    assert lines[:8] == [f"line {i} of a paragraph that goes on" for i in range(8)]
    assert lines[8:] == ["", "New paragraph starts here."]


def test_blank_lines_break_paragraphs_when_they_are_rare() -> None:
    lines = page_lines(f"{WIDE}\nthe ERP.\n\n{WIDE}\nthe CRM.")
    assert [b.text for b in blocks(lines, 1)] == [f"{WIDE} the ERP.", f"{WIDE} the CRM."]


def test_hyphen_repair_only_for_lowercase_continuations() -> None:
    assert join("account manage-", "ment for users") == "account management for users"
    assert join("the Pre-", "Award meeting") == "the Pre- Award meeting"
    assert join("version 2-", "3 of") == "version 2- 3 of"


def test_furniture_repeats_and_page_numbers() -> None:
    pages = []
    for n in range(1, 6):
        body = [f"Body text number {n * 7 + 3} about the portal.", f"Another unique line {n * 11}."]
        pages.append((n, ["ACME RFP 2024-17", body[0], "", body[1], f"Page {n} of 5"]))
    pages[2] = (3, [*pages[2][1][:-1], "3"])  # a bare page number on one page
    drop = furniture(pages)
    out = list(passages(pages, drop))
    texts = [p.text for p in out]
    assert not any("ACME RFP" in t or "Page" in t for t in texts)
    assert "3" not in texts
    assert texts[0] == "Body text number 10 about the portal."
    assert all(p.id.startswith(f"p{p.page}.") for p in out)


def test_numbers_in_body_text_are_not_furniture() -> None:
    """Lines that differ only by numbers unrelated to the page number stay."""
    pages = [(n, [f"Lot {n * 3 + 11} shall be delivered by the supplier.", "x" * 10]) for n in range(1, 6)]
    kept = [p.text for p in passages(pages, furniture(pages))]
    assert sum(t.startswith("Lot ") for t in kept) == 5


def test_kinds_headings_clauses_lists_and_toc() -> None:
    lines = [
        "3. SCOPE OF WORK",
        "Introduction ........................................ 4",
        "3.2 Security Requirements",
        "3.2.1 The system shall support SAML 2.0 single sign-on for all",
        "staff users.",
        "3.2.2 The system shall lock accounts after five failed logins.",
        "• Multi-factor authentication",
        "(a) audit trail",
        "New Year’s Day Labor Day",
        "Memorial Day Thanksgiving Day",
        "Independence Day Christmas Day",
    ]
    got = [(b.kind, b.text) for b in blocks(lines, 2)]
    assert got == [
        ("heading", "3. SCOPE OF WORK"),
        ("heading", "3.2 Security Requirements"),
        ("paragraph", "3.2.1 The system shall support SAML 2.0 single sign-on for all staff users."),
        ("paragraph", "3.2.2 The system shall lock accounts after five failed logins."),
        ("list_item", "Multi-factor authentication"),
        ("list_item", "(a) audit trail"),
        ("paragraph", "New Year’s Day Labor Day"),
        ("paragraph", "Memorial Day Thanksgiving Day"),
        ("paragraph", "Independence Day Christmas Day"),
    ]


def test_heading_like() -> None:
    assert heading_like("SCOPE OF WORK")
    assert heading_like("4.1 Website Availability and Performance")
    assert heading_like("Scope of Work")
    assert not heading_like("The contractor shall provide the services.")
    assert not heading_like("Louisville, Kentucky 40222")
    assert not heading_like("Combination of")
    assert not heading_like("(WCAG 2.0 AA)")


def test_paragraph_cut_by_page_break_is_kept_whole() -> None:
    pages = [(1, ["Heading One", f"{WIDE}"]), (2, ["the existing systems of the city.", "Done here."])]
    out = list(passages(pages, set()))
    assert [p.text for p in out][:2] == ["Heading One", f"{WIDE} the existing systems of the city."]
    assert out[1].page == 1 and out[1].section == "Heading One"


def test_hostile_lines_cost_linear_time() -> None:
    """Inputs that would make a backtracking regex or repeated string joins quadratic finish at once
    (if this test takes minutes, something went quadratic)."""
    dots = "." * 200_000 + "x"
    assert blocks([dots], 1)[0].text == dots
    many = [f"word{i} continues the same paragraph without a stop" for i in range(100_000)]
    (block,) = blocks(many, 1, width=60)
    assert block.text.startswith("word0 continues") and block.text.endswith(
        "word99999 continues the same paragraph without a stop"
    )


def test_hostile_markdown_costs_linear_time(tmp_path) -> None:
    from triage.extract import extract

    md = tmp_path / "evil.md"
    md.write_text("# a" + " " * 50_000 + "b\n\n|---" + " " * 50_000 + "x\n\n" + "*a " * 50_000 + "\n")
    doc = extract(md)
    assert doc.passages[0].kind == "heading" and doc.passages[0].text.endswith("b")


def test_markdown_paragraphs_full_of_unmatched_marks_are_kept_as_written(tmp_path) -> None:
    """Each `*` or `[` that opens nothing costs the inline regexes a scan to the end of the text:
    paragraphs under the length bound but made of them (here 2 MB, minutes before) are kept as
    written, while an ordinary paragraph still loses its marks."""
    from triage.extract import extract

    md = tmp_path / "marks.md"
    stars, brackets = ("*a " * 1300).strip(), "![" * 1900
    md.write_text("The **portal** shall [link](http://x) *work*.\n\n" + f"{stars}\n\n{brackets}\n\n" * 250)
    doc = extract(md)
    assert doc.passages[0].text == "The portal shall link work."
    assert [p.text for p in doc.passages[1:3]] == [stars, brackets]
    assert len(doc.passages) == 501


def test_wrapped_numbered_heading_is_one_heading() -> None:
    lines = [
        "4.3 Website Maintenance, Content Management, and Search Engine",
        "Optimization",
        "• Perform ongoing maintenance to ensure website content, structure, and functionality are",
        "accurate, relevant, and user-friendly.",
    ]
    got = [(b.kind, b.text) for b in blocks(lines, 3)]
    assert got[0] == (
        "heading",
        "4.3 Website Maintenance, Content Management, and Search Engine Optimization",
    )
    assert got[1][0] == "list_item" and len(got) == 2
