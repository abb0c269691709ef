"""Fit reports built by hand for the report tests (no model, no spaCy), and checks of the samples
themselves so a broken sample cannot make the other tests pass vacuously."""

from __future__ import annotations

import hashlib

from triage.types import (
    ALL_TAGS,
    Contribution,
    Document,
    FitReport,
    ModelInfo,
    Passage,
    Quantity,
    TaggedDocument,
    TagSpan,
    Vertical,
)

XSS = '<script>alert(1)</script> "><img src=x onerror=alert(1)>'
# a file name cannot hold "/", so the hostile name carries the payloads without the closing tag
XSS_NAME = '"><img src=x onerror=alert(1)><script>alert(1).pdf'


def span(
    tag: str,
    sentence: str,
    words: str,
    *,
    passage: Passage,
    modality: str = "mandatory",
    negated: bool = False,
    quantity: Quantity | None = None,
    boilerplate: bool = False,
) -> TagSpan:
    """A TagSpan for the first occurrence of `words` in `sentence`."""
    start = sentence.index(words)
    return TagSpan(
        tag=tag,
        text=words,
        sentence=sentence,
        start=start,
        end=start + len(words),
        passage_id=passage.id,
        location=passage.location,
        page=passage.page,
        modality=modality,  # type: ignore[arg-type]
        negated=negated,
        rule_id=f"{tag}.test",
        quantity=quantity,
        boilerplate=boilerplate,
    )


def make_report(
    *, hostile: bool = False, name: str = "acme-portal-rfp.pdf", low_confidence: bool = False
) -> FitReport:
    """A small but complete fit report: every section of the HTML has something to show.

    With `hostile`, every piece of document text (title, file name, passages, sentences, table cells,
    vertical evidence, facts) carries script and attribute-injection payloads."""
    x = f" {XSS} " if hostile else " "
    s1 = f"The portal shall integrate with SAP and 14 other systems{x}via REST APIs."
    s2 = f"Single sign-on is not required{x}for public pages."
    s3 = f"The site should support 23 languages{x}across all markets."
    s4 = f"The solution must be built on WordPress{x}as mandated by the agency."
    s5 = f"The County Department of Health{x}serves 2 million residents."
    s6 = f"Proposals must be received no later than March 15, 2026{x}at 2 pm."
    cell = f"Partners and dealers{x}may register for the extranet."
    p1 = Passage("p1.1", s1 + " Data sync with the CRM is desired.", "paragraph", page=1, section=f"Scope{x}")
    p2 = Passage("p2.1", s2, "paragraph", page=2, section="Security")
    p3 = Passage("p2.2", s3, "list_item", page=2, section="Content")
    p4 = Passage("p3.1", s4, "paragraph", page=3, section="Technology")
    p5 = Passage("p1.2", s5, "paragraph", page=1, section="Background")
    p6 = Passage("p4.1", s6, "paragraph", page=4, section="Instructions to bidders")
    p7 = Passage("t0.r1.c1", cell, "table_cell", page=5, table=0, row=1, cell=1)
    p8 = Passage("p5.9", '=HYPERLINK("http://evil") must be shown.', "paragraph", page=5)
    passages = (p1, p5, p2, p3, p4, p6, p7, p8)
    document = Document(
        path=f"/inbox/{XSS_NAME if hostile else name}",
        sha256=hashlib.sha256(b"sample" + bytes([hostile])).hexdigest(),
        format="pdf",
        pages=5,
        passages=passages,
        metadata={"title": f"Customer portal RFP{x}".strip()},
    )
    q14 = Quantity(14, "systems", "14 other systems")
    spans = (
        span("integration", s1, "integrate with SAP", passage=p1, quantity=q14),
        span("integration", s1, "REST APIs", passage=p1),
        span("extensibility", s1, "REST APIs", passage=p1),
        span("access_control", s2, "Single sign-on", passage=p2, negated=True),
        span(
            "multi_site",
            s3,
            "23 languages",
            passage=p3,
            modality="desirable",
            quantity=Quantity(23, "languages", "23 languages"),
        ),
        span("platform_mandate", s4, "built on WordPress", passage=p4),
        span("b2b_portal", cell, "extranet", passage=p7, modality="optional"),
        span("user_roles", cell, "Partners and dealers", passage=p7, modality="optional"),
    )
    vertical = Vertical(
        "healthcare", (span("healthcare", s5, "Department of Health", passage=p5, modality="info"),), 0.8
    )
    tagged = TaggedDocument(document, spans, vertical, sentences=9, boilerplate_share=0.1)
    contributions = (
        Contribution("integration.mandatory", "complexity", 0.5, 0.84, spans[:2]),
        Contribution("user_roles.other", "complexity", 0.2, 0.12, spans[7:8]),
        Contribution("access_control.mandatory", "security", 0.0, -0.31),
        Contribution("multi_site.quantity", "enterprise", 23.0, 0.45, spans[4:5]),
        Contribution("signal.platform_mandate", "signals", 1.0, -1.2, spans[5:6]),
        Contribution("vertical.healthcare", "context", 1.0, 0.2),
    )
    facts = {
        "deadline": "2026-03-15",
        "deadline_evidence": {"sentence": s6, "location": "p. 4"},
        "budget": "$1.2 million" + (XSS if hostile else ""),
        "budget_value": 1.2e6,
        "budget_evidence": {"sentence": f"The budget is $1.2 million{x}.", "location": "p. 4"},
        "dates": [{"date": "2026-03-15", "text": "March 15, 2026", "sentence": s6, "location": "p. 4"}],
        "pages": 5,
        "words": document.words,
    }
    return FitReport(
        tagged=tagged,
        score=72,
        probability=0.7213,
        recommendation="pursue_with_partner",
        reason=f"Strong complex, security-critical fit, but the buyer mandates WordPress{x.rstrip()}.",
        dimensions={"complexity": 0.96, "security": -0.31, "enterprise": 0.45},
        contributions=contributions,
        facts=facts,
        model=ModelInfo(version="2026.11-test", trained_on=33),
        low_confidence=low_confidence,
        intercept=-0.2,
    )


def test_sample_spans_point_at_their_words():
    report = make_report(hostile=True)
    for s in report.tagged.spans:
        assert s.sentence[s.start : s.end] == s.text
    assert {s.tag for s in report.tagged.spans} <= set(ALL_TAGS)


def test_hostile_sample_carries_the_payload_everywhere():
    report = make_report(hostile=True)
    assert report.document.name == XSS_NAME
    assert XSS in (report.document.title or "")
    assert all(XSS in s.sentence for s in report.tagged.spans)
    assert XSS in report.tagged.vertical.evidence[0].sentence
