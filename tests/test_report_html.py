"""The HTML and Markdown reports: everything from a document is shown as text, never as markup;
the page is self-contained; the evidence is highlighted at the right words."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest
from test_report_samples import XSS, XSS_NAME, make_report, span

from triage.report import render
from triage.report.text import feature_label
from triage.types import Contribution

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


class Structure(HTMLParser):
    """The elements, attributes and text of a page, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: set[tuple[str, str]] = set()
        self.values: list[tuple[str, str, str]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.marked: list[str] = []
        self.deleted: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self.attrs.add((tag, name))
            self.values.append((tag, name, value or ""))
        if tag not in {"meta", "br", "path", "rect", "hr", "img", "input", "link"}:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        self.text.append(data)
        if "mark" in self.stack:
            self.marked.append(data)
        if "del" in self.stack:
            self.deleted.append(data)


def parse(html: str) -> Structure:
    parser = Structure()
    parser.feed(html)
    parser.close()
    return parser


def test_no_element_or_attribute_comes_from_the_document():
    benign = parse(render(make_report(), "html"))
    hostile = parse(render(make_report(hostile=True), "html"))
    assert "script" not in hostile.tags and "img" not in hostile.tags
    assert hostile.tags == benign.tags
    assert hostile.attrs == benign.attrs
    assert not any(name.startswith("on") for _, name in hostile.attrs)
    for _, name, value in hostile.values:
        assert "alert" not in value and "javascript:" not in value.lower(), (name, value)
    # the payload is shown as text, not dropped
    text = "".join(hostile.text)
    assert XSS in text
    assert XSS_NAME in text


def test_the_page_forbids_scripts_and_requests():
    html = render(make_report(hostile=True), "html")
    page = parse(html)
    assert ("meta", "content", CSP) in page.values
    assert ("meta", "http-equiv", "Content-Security-Policy") in page.values
    assert "<script" not in html.lower()
    assert "@import" not in html and "url(" not in html
    for tag, name, value in page.values:
        if name in {"href", "src", "action", "srcset", "poster", "data"}:
            assert not re.match(r"^\s*(https?:|//|javascript:|data:)", value, re.I), (tag, name, value)


def test_matched_words_are_marked_exactly():
    page = parse(render(make_report(), "html"))
    assert "integrate with SAP" in page.marked
    assert "REST APIs" in page.marked
    assert "23 languages" in page.marked
    assert "built on WordPress" in page.marked
    assert "Department of Health" in page.marked
    # nothing but matched words is marked
    assert set(page.marked) <= {
        "integrate with SAP",
        "REST APIs",
        "23 languages",
        "built on WordPress",
        "Department of Health",
        "extranet",
        "Partners and dealers",
        "Single sign-on",
    }


def test_marks_split_hostile_sentences_at_the_right_offsets():
    page = parse(render(make_report(hostile=True), "html"))
    assert "integrate with SAP" in page.marked
    assert not any("<" in m or "alert" in m for m in page.marked)


def test_negated_mentions_are_struck_through():
    page = parse(render(make_report(), "html"))
    deleted = "".join(page.deleted)
    assert deleted.startswith("Single sign-on is not required")
    assert "integrate" not in deleted


def test_report_shows_score_recommendation_model_and_sections():
    html = render(make_report(), "html")
    text = " ".join("".join(parse(html).text).split())
    assert "72" in text and "Pursue with a partner" in text
    assert "learned from 33 deals" in text and "2026.11-test" in text
    assert "Walk-away signals" in text and "Healthcare" in text
    assert "2026-03-15" in text and "$1.2 million" in text
    assert "Integration: mandatory mentions" in text and "+0.84" in text
    assert "Vertical: Healthcare" in text  # the context factors are shown too
    assert "Low confidence" not in text
    assert "Low confidence" in render(make_report(low_confidence=True), "html")


def test_mandatory_evidence_comes_before_other_modalities():
    report = make_report()
    passage = report.document.passages[0]
    info = span("integration", "We use an ERP today.", "ERP", passage=passage, modality="info")
    report = replace(report, tagged=replace(report.tagged, spans=(info, *report.tagged.spans)))
    html = render(report, "html")
    section = html[html.index('id="tag-integration"') :]
    assert section.index("integrate with SAP") < section.index("We use an ")


def test_markdown_cannot_form_links_or_html():
    report = make_report()
    passage = report.document.passages[0]
    sentence = "See [click](javascript:alert(1)) and ![x](http://evil/x.png) <b>now</b>."
    extra = span("integration", sentence, "click", passage=passage)
    md = render(replace(report, tagged=replace(report.tagged, spans=(extra,))), "md")
    line = next(x for x in md.splitlines() if "javascript" in x)
    assert "<b>" not in line and "&lt;b&gt;" in line
    assert "\\[" in line and "](" not in line.replace("\\]", "")


def test_markdown_escapes_document_text():
    md = render(make_report(hostile=True), "md")
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert "](" not in md.replace("\\]", "")  # no link or image can form
    assert "shall **integrate with SAP** and 14" in md
    assert "~~" in md  # the negated mention
    assert md.startswith("# Customer portal RFP")


def test_markdown_shows_a_file_name_as_it_is_written():
    report = make_report()
    document = replace(report.document, path="/in/R&D_portal [v2].pdf")
    named = replace(report, tagged=replace(report.tagged, document=document))
    md = render(named, "md")
    line = next(x for x in md.splitlines() if "sha256" in x)
    assert line.startswith("R&amp;D\\_portal \\[v2\\].pdf · sha256 `")  # renders as R&D_portal [v2].pdf


def test_unknown_format_is_refused():
    try:
        render(make_report(), "pdf")
    except ValueError as exc:
        assert "pdf" in str(exc)
    else:
        raise AssertionError("render accepted an unknown format")


def test_many_small_effects_are_summed_in_one_line():
    report = make_report()
    extra = [Contribution(f"workflow.f{i}", "complexity", 1.0, 0.01 * (i + 1)) for i in range(8)]
    extra.append(Contribution("collaboration.other", "complexity", 0.0, 0.0001))
    html = render(replace(report, contributions=(*report.contributions, *extra)), "html")
    text = " ".join("".join(parse(html).text).split())
    # 10 complexity effects of at least 0.005: the 6 largest are listed, 4 are summed (+0.12 +0.03 ...)
    assert "4 smaller effects" in text
    assert "Workflow: f7" in text and "Workflow: f0" not in text


@pytest.mark.parametrize(
    ("feature", "words"),
    [
        ("integration.systems", "Integration: distinct systems named"),
        ("access_control.mandatory", "Access control: mandatory mentions"),
        ("signal.platform_mandate", "Platform mandate"),
        ("vertical.financial_services", "Vertical: Financial services"),
        ("context.log_words", "Document length"),
        ("complexity.breadth", "Complexity: share of its tags mentioned"),
        ("integration_mandatory", "Integration: mandatory mentions"),
    ],
)
def test_feature_labels_are_words(feature, words):
    assert feature_label(feature) == words


def test_a_very_long_sentence_is_cut_around_its_match():
    report = make_report()
    passage = report.document.passages[0]
    long = "word " * 400 + "the portal shall support SAML single sign-on " + "filler " * 400
    extra = span("access_control", long, "SAML single sign-on", passage=passage)
    page = parse(render(replace(report, tagged=replace(report.tagged, spans=(extra,))), "html"))
    assert "SAML single sign-on" in page.marked  # (and the vertical evidence)
    shown = next(t for t in page.text if "shall support" in t)
    assert len(shown) < 400
    text = "".join(page.text)
    assert "… " in text and " …" in text


def test_tags_not_mentioned_are_named():
    text = " ".join("".join(parse(render(make_report(), "html")).text).split())
    assert "Not mentioned: " in text
    missing = text.split("Not mentioned: ")[1].split(".")[0]
    assert "Compliance" in missing and "Scale" in missing
    assert "Integration" not in missing and "Access control" in missing  # its only mention is negated


def test_many_walk_away_sentences_are_capped_with_a_count():
    report = make_report()
    passage = report.document.passages[0]
    extra = tuple(
        span("turnkey", f"Solution {i} shall be out of the box.", "out of the box", passage=passage)
        for i in range(20)
    )
    html = render(replace(report, tagged=replace(report.tagged, spans=extra)), "html")
    walkaway = html[html.index('class="walkaway') : html.index('class="vertical"')]
    assert walkaway.count("<mark>out of the box</mark>") == 12
    assert "and 8 more in the JSON report" in walkaway
