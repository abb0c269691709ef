"""The compliance matrix: one row per requirement sentence, in reading order, safe to open in a
spreadsheet."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from test_report_samples import make_report

from triage.report import requirements_csv
from triage.report.requirements import COLUMNS, safe_cell, sentence_modality
from triage.types import Passage


def rows(report) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(requirements_csv(report))))


def test_header_and_one_row_per_requirement_sentence_in_reading_order():
    text = requirements_csv(make_report())
    assert text.splitlines()[0] == ",".join(COLUMNS)
    found = rows(make_report())
    assert [r["id"] for r in found] == [f"R{n:04d}" for n in range(1, len(found) + 1)]
    texts = [r["text"] for r in found]
    assert texts[0] == "The portal shall integrate with SAP and 14 other systems via REST APIs."
    # a requirement sentence the tagger did not tag is still a row
    assert "Data sync with the CRM is desired." in texts
    # a sentence that states nothing required is not a row
    assert not any("serves 2 million residents" in t for t in texts)
    # each sentence once, even with several tags
    assert len(texts) == len(set(texts))


def test_rows_carry_section_page_modality_and_tags():
    by_text = {r["text"]: r for r in rows(make_report())}
    first = by_text["The portal shall integrate with SAP and 14 other systems via REST APIs."]
    assert first["section"] == "Scope" and first["page"] == "1" and first["modality"] == "mandatory"
    assert first["tags"].split() == ["integration", "extensibility"]
    cell = by_text["Partners and dealers may register for the extranet."]
    assert cell["modality"] == "optional" and set(cell["tags"].split()) == {"b2b_portal", "user_roles"}
    assert cell["location"] == "p. 5, table 1, row 2, cell 2"
    languages = by_text["The site should support 23 languages across all markets."]
    assert languages["modality"] == "desirable"
    # a negated mention does not tag its sentence
    assert by_text["Single sign-on is not required for public pages."]["tags"] == ""


def test_cells_that_look_like_formulas_are_quoted():
    found = rows(make_report())
    cells = [value for row in found for value in row.values()]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert '\'=HYPERLINK("http://evil") must be shown.' in cells


@pytest.mark.parametrize("value", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x"])
def test_safe_cell_neutralises_formulas(value):
    assert safe_cell(value).startswith("'")


def test_safe_cell_keeps_text_on_one_line():
    assert safe_cell("a\nb\r\nc") == "a b c"
    assert safe_cell("plain") == "plain" and safe_cell(None) == ""


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("The vendor shall provide SSO.", "mandatory"),
        ("Bidders must include references.", "mandatory"),
        ("Support for SAML is required.", "mandatory"),
        ("The portal should support dark mode.", "desirable"),
        ("Chat is nice to have.", "optional"),
        ("The city has 40,000 residents.", "info"),
    ],
)
def test_sentence_modality(sentence, modality):
    assert sentence_modality(sentence) == modality


def test_hostile_text_in_the_matrix_is_kept_as_text():
    report = make_report(hostile=True)
    texts = [r["text"] for r in rows(report)]
    assert any("<script>alert(1)</script>" in t for t in texts)


def test_a_document_without_requirements_has_only_the_header():
    report = make_report()
    plain = Passage("p1.1", "The county has a website.", "paragraph", page=1)
    document = replace(report.document, passages=(plain,))
    tagged = replace(report.tagged, document=document, spans=())
    assert requirements_csv(replace(report, tagged=tagged)).splitlines() == [",".join(COLUMNS)]
