"""The page frame of the RFP-like PDFs that tests and `scripts/bench_extract.py` generate (needs
fpdf2, a dev dependency): a running header and a `Page N of M` footer on every page, the furniture
that extraction must recognise and drop. Never imported by triage itself."""

from __future__ import annotations

from typing import Any

RUNNING_HEADER = "City of Example - RFP 2024-17 Customer Portal"


def rfp_canvas(*, title: str | None = None, password: str | None = None) -> Any:
    """A new fpdf2 `FPDF` whose pages carry the running header and the page-number footer; `password`
    encrypts it (AES-128, user password) and `title` goes into its metadata. Add pages, then
    `output(path)`."""
    from fpdf import FPDF

    class RFP(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, RUNNING_HEADER, new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = RFP()
    pdf.alias_nb_pages()
    if title:
        pdf.set_title(title)
    if password:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(
            owner_password="owner", user_password=password, encryption_method=EncryptionMethod.AES_128
        )
    return pdf
