"""Generated RFP-like documents of a given length, for benchmarks (not for training or accuracy).

`rfp_paragraphs(pages)` yields the same text for every format, so a PDF and a DOCX of the same
content can be timed side by side. Deterministic: the same arguments give the same bytes.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

CLAUSE_SHARE = 0.12
WORDS_PER_PAGE = 641  # what fits on an A4 page of 10 pt text here, so `pages` comes out right

_CLAUSES = [
    "The Contractor shall integrate the portal with the existing SAP ERP and the Salesforce CRM through REST APIs.",
    "The solution must support single sign-on with SAML 2.0 and multi-factor authentication for all staff.",
    "Dealers, brokers and agents shall each have their own dashboard with role-based permissions.",
    "Claims shall be routed through a configurable approval workflow with escalation after five working days.",
    "The platform should offer a partner portal where resellers can place orders and view contract pricing.",
    "Users shall be able to register, reset their password and manage their profile without calling support.",
    "The system must comply with GDPR, WCAG 2.1 AA and ISO 27001, and keep audit records for seven years.",
    "The supplier shall perform an annual penetration test and remediate critical vulnerabilities within 30 days.",
    "The service shall be available 99.95 % of the time and support 250,000 registered users.",
    "Content shall be published on 14 country sites in 23 languages with a translation workflow.",
    "A document library with versioning, forums and a searchable knowledge base is desired.",
    "The platform may expose headless GraphQL APIs so that our developers can build custom applications.",
]
_FILLER = [
    "The Authority reserves the right to reject any or all proposals received in response to this request.",
    "Offerors are responsible for all costs incurred in the preparation and submission of their proposals.",
    "All correspondence regarding this solicitation must be directed to the contracting officer named above.",
    "The evaluation committee will review each proposal against the criteria described in this section.",
    "Proposals received after the closing date and time will not be considered for award.",
    "The selected vendor will be expected to sign the standard terms and conditions without material change.",
    "Background: the agency serves a diverse population across urban and rural districts of the region.",
    "Today, most requests are handled by telephone and email, which leads to long response times.",
    "Pricing shall be submitted in the format provided in the attached price schedule, in a separate envelope.",
    "Insurance certificates must be provided before the contract start date and kept current throughout.",
]


def rfp_paragraphs(pages: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    """(kind, text) pairs for an RFP of about `pages` pages: headings, numbered clauses, filler."""
    rng = random.Random(seed)
    words = 0
    section = 0
    while words < pages * WORDS_PER_PAGE:
        section += 1
        heading = f"{section}. " + rng.choice(
            ["Background", "Scope of Work", "Functional Requirements", "Security", "Instructions to Offerors"]
        )
        yield "heading", heading
        for clause in range(1, 9):
            # about one tag mention per 70 words, as in the real RFPs of ../shared/rfps (74): most of
            # an RFP is instructions, background and terms, and a bench of requirement clauses only
            # would measure the tagger on text six times denser than any buyer writes
            if rng.random() < CLAUSE_SHARE:
                text = f"{section}.{clause} " + rng.choice(_CLAUSES)
            else:
                text = " ".join(rng.choice(_FILLER) for _ in range(rng.randint(2, 4)))
            words += len(text.split())
            yield "paragraph", text


def write_pdf(path: Path, pages: int, seed: int = 1) -> Path:
    """A PDF with running headers, 'Page N of M' footers, headings and numbered clauses."""
    from fpdf import FPDF

    class _PDF(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, "Request for Proposal RFP-2026-014 - Customer Portal Modernisation", align="C")
            self.ln(8)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = _PDF(format="A4")
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    for kind, text in rfp_paragraphs(pages, seed):
        if kind == "heading":
            pdf.set_font("Helvetica", "B", 12)
            pdf.multi_cell(0, 7, text)
        else:
            pdf.set_font("Helvetica", size=10)
            pdf.multi_cell(0, 5, text)
        pdf.ln(2)
    pdf.output(str(path))
    return path


def write_docx(path: Path, pages: int, seed: int = 1) -> Path:
    """The same content as `write_pdf`, as a DOCX with heading styles."""
    import docx

    document = docx.Document()
    for kind, text in rfp_paragraphs(pages, seed):
        if kind == "heading":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def write_text(path: Path, pages: int, seed: int = 1) -> Path:
    """The same content as Markdown."""
    lines = []
    for kind, text in rfp_paragraphs(pages, seed):
        lines.append(("## " + text) if kind == "heading" else text)
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
