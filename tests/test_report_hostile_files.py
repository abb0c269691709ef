"""The injection files of ../shared/hostile, read by the real extraction, rendered as reports: their
`<script>` and `onerror=` text (in body, titles and table cells) stays text in HTML, Markdown and the
compliance matrix. The tags are put on the extracted sentences by hand, so no model is needed."""

from __future__ import annotations

import csv
import io
import json

import pytest
from test_report_html import parse
from test_report_samples import make_report

from triage.report import render, requirements_csv
from triage.types import FitReport, TaggedDocument, TagSpan, Vertical

INJECTION_FILES = ["pdf_html_injection.pdf", "docx_html_injection.docx"]


def report_of(document) -> FitReport:
    """A fit report whose every body passage is evidence (words: its first 12 characters)."""
    spans = []
    for p in document.body:
        if not p.text.strip():
            continue
        end = min(12, len(p.text))
        spans.append(
            TagSpan(
                "integration", p.text[:end], p.text, 0, end, p.id, p.location, p.page, "mandatory", False, "t"
            )
        )
    tagged = TaggedDocument(
        document, tuple(spans), Vertical("government", tuple(spans[:2]), 0.5), len(spans), 0.0
    )
    sample = make_report()
    return FitReport(
        tagged=tagged,
        score=50,
        probability=0.5,
        recommendation="qualify_further",
        reason=document.title or "",
        dimensions=sample.dimensions,
        contributions=sample.contributions,
        facts={"deadline": None, "budget": None, "pages": document.pages, "words": document.words},
        model=sample.model,
    )


@pytest.mark.shared
@pytest.mark.parametrize("name", INJECTION_FILES)
def test_injected_markup_in_real_files_stays_text(shared, name):
    from triage.extract import extract

    document = extract(shared / "hostile" / name)
    text = " ".join(p.text for p in document.passages) + " " + " ".join(document.metadata.values())
    assert "<script" in text or "onerror" in text  # the file really carries a payload
    report = report_of(document)

    template = parse(render(make_report(), "html"))
    page = parse(render(report, "html"))
    assert page.tags <= template.tags
    assert page.attrs <= template.attrs
    assert "script" not in page.tags and "img" not in page.tags
    shown = "".join(page.text)
    assert "<script" in shown or "onerror" in shown  # shown, as text

    md = render(report, "md")
    assert "<script" not in md and "<img" not in md
    assert json.loads(render(report, "json"))["evidence"]
    rows = list(csv.DictReader(io.StringIO(requirements_csv(report))))
    assert all(not r["text"].startswith(("=", "+", "-", "@")) for r in rows)
