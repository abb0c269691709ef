"""Exclusions that span passages. A list whose items are passages of their own (Markdown and text
bullets, DOCX list paragraphs, PDF list lines alike) after a lead-in that excludes them ("The following
are out of scope:"): every item's tags are negated, up to an item that asks for something or the end
of the list. And the passages of a section headed "Out of scope" or "Exclusions". Each file is written
here and read as a user's file would be."""

from __future__ import annotations

import pytest

from triage.extract import extract
from triage.tag import tag
from triage.tag.document import excluding_heading

EXCLUDED = [
    "Integration with the payroll system",
    "A partner extranet for resellers to place orders",
]


def _tagged_markdown(tmp_path, lines: list[str]):
    path = tmp_path / "rfp.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tag(extract(path))


def _states(tagged) -> dict[str, set[bool]]:
    """For each tag found, the negated flags of its spans."""
    out: dict[str, set[bool]] = {}
    for s in tagged.spans:
        out.setdefault(s.tag, set()).add(s.negated)
    return out


def test_items_after_an_excluding_lead_in_are_negated(tmp_path):
    tagged = _tagged_markdown(
        tmp_path,
        [
            "# Scope",
            "",
            "The following are out of scope for this contract:",
            "",
            *(f"- {i}" for i in EXCLUDED),
        ],
    )
    states = _states(tagged)
    assert states["integration"] == {True} and states["b2b_portal"] == {True}
    items = [p for p in tagged.document.body if p.text in EXCLUDED]
    assert len(items) == 2 and {p.kind for p in items} == {"list_item"}  # each item a passage of its own


def test_items_after_a_lead_in_that_asks_count(tmp_path):
    tagged = _tagged_markdown(
        tmp_path, ["# Scope", "", "The following are required:", "", *(f"- {i}" for i in EXCLUDED)]
    )
    states = _states(tagged)
    assert states["integration"] == {False} and states["b2b_portal"] == {False}


def test_the_exclusion_ends_with_the_list_and_at_an_item_that_asks(tmp_path):
    tagged = _tagged_markdown(
        tmp_path,
        [
            "# Scope",
            "",
            "The following are excluded:",
            "",
            "- Integration with the payroll system",
            "- The portal shall offer single sign-on for staff",
            "- A partner extranet for resellers to place orders",
            "",
            "Resellers will log in to a partner extranet to place their orders.",
        ],
    )
    spans = {(s.tag, s.negated) for s in tagged.spans}
    assert ("integration", True) in spans and ("integration", False) not in spans
    assert ("access_control", False) in spans and ("access_control", True) not in spans
    # after the item that asks, the list is no longer excluded; the paragraph after it counts too
    assert ("b2b_portal", False) in spans and ("b2b_portal", True) not in spans


def test_docx_list_paragraphs_after_an_excluding_lead_in(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Scope", level=1)
    document.add_paragraph("The Contractor is not required to provide:")
    for item in EXCLUDED:
        document.add_paragraph(item, style="List Bullet")
    document.add_paragraph("The new site shall integrate with the CRM.")
    path = tmp_path / "rfp.docx"
    document.save(path)
    tagged = tag(extract(path))
    assert {p.kind for p in tagged.document.body if p.text in EXCLUDED} == {"list_item"}
    negated = {s.tag for s in tagged.spans if s.negated}
    counted = {s.tag for s in tagged.spans if not s.negated}
    assert "b2b_portal" in negated and "b2b_portal" not in counted
    assert "integration" in negated and "integration" in counted  # the CRM sentence after the list


def test_the_exclusion_stops_at_a_numbered_title_of_a_text_file(tmp_path):
    # a text file numbers its sections like list items: "2. Requirements" ends the list before it
    path = tmp_path / "rfp.txt"
    lines = ["1. Scope", "", "The following are out of scope for this contract:", ""]
    lines += ["- Hosting of the legacy website", "- Integration with the payroll system", ""]
    lines += ["2. Requirements", "", "- A partner ordering portal where resellers place orders"]
    lines += ["- Functional requirements", "- Single sign-on with the county directory for all staff"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    states = _states(tag(extract(path)))
    assert states["integration"] == {True}
    assert states["b2b_portal"] == {False} and states["access_control"] == {False}


def test_the_exclusion_stops_at_a_sentence_of_its_own_in_a_document_numbered_throughout(tmp_path):
    # DOCX legal numbering makes every paragraph a list item: a sentence of its own is no item
    import docx

    document = docx.Document()
    document.add_heading("Scope of services", level=1)
    for text in (
        "The following services are excluded from this contract:",
        "Integration with the payroll system.",
        "The Council runs a partner ordering portal where 400 resellers place orders.",
        "Resellers sign in with single sign-on through the county directory.",
    ):
        document.add_paragraph(text, style="List Number")
    path = tmp_path / "rfp.docx"
    document.save(path)
    states = _states(tag(extract(path)))
    assert states["integration"] == {True}
    assert states["b2b_portal"] == {False} and states["access_control"] == {False}


def test_the_passages_of_a_section_headed_out_of_scope_are_negated(tmp_path):
    tagged = _tagged_markdown(
        tmp_path,
        [
            "# 3 Requirements",
            "",
            "The portal shall offer single sign-on for all staff.",
            "",
            "## 3.6 Future considerations (out of scope for the first release)",
            "",
            "- A partner extranet for resellers to place orders",
            "",
            "Integration with the payroll system may follow later.",
            "",
            "## 3.7 Hosting",
            "",
            "The supplier shall integrate the portal with the CRM system.",
        ],
    )
    spans = {(s.tag, s.negated) for s in tagged.spans}
    assert ("access_control", False) in spans and ("access_control", True) not in spans
    assert ("b2b_portal", True) in spans and ("b2b_portal", False) not in spans
    # the payroll link is in the excluded section, the CRM link in the next one
    assert ("integration", True) in spans and ("integration", False) in spans


@pytest.mark.parametrize(
    ("heading", "excludes"),
    [
        ("Out of scope", True),
        ("3.6 Exclusions", True),
        ("Items not in scope", True),
        ("Outside the scope of this contract", True),
        ("In scope and out of scope", False),
        ("Scope & exclusions", False),
        ("Certification Regarding Debarment, Suspension, Ineligibility and Voluntary Exclusion", False),
        ("Scope of work", False),
    ],
)
def test_which_headings_exclude_their_section(heading, excludes):
    assert excluding_heading(heading) is excludes


def test_a_table_right_after_an_excluding_lead_in_is_its_list(tmp_path):
    tagged = _tagged_markdown(
        tmp_path,
        [
            "# Scope",
            "",
            "The following are out of scope for this contract:",
            "",
            "| Item | Reason |",
            "|---|---|",
            "| Integration with the payroll system | Run by the shared service centre |",
            "| A partner extranet for resellers to place orders | Tendered separately |",
            "",
            "The portal shall offer single sign-on for all staff.",
            "",
            "| Requirement | Priority |",
            "|---|---|",
            "| Integration with the CRM system | High |",
        ],
    )
    spans = {(s.tag, s.negated) for s in tagged.spans}
    assert ("b2b_portal", True) in spans and ("b2b_portal", False) not in spans
    assert ("access_control", False) in spans
    # the payroll row is excluded; the CRM row of the next table, after a paragraph, is not
    assert ("integration", True) in spans and ("integration", False) in spans


def test_a_table_after_the_items_of_an_excluded_list_is_not_excluded(tmp_path):
    tagged = _tagged_markdown(
        tmp_path,
        [
            "The following are out of scope:",
            "",
            "- Hosting of the legacy website",
            "",
            "| Requirement | Priority |",
            "|---|---|",
            "| A partner extranet for resellers to place orders | High |",
        ],
    )
    assert _states(tagged)["b2b_portal"] == {False}


# A list item that reads as a title ("Hosting", "Phase 2 services", "Single Sign-On") is an item of
# the excluded list when the list goes on after it; a real heading still ends the exclusion
@pytest.mark.parametrize(
    "items",
    [
        ["Data migration", "Hosting", "A partner portal for resellers to place orders"],
        ["Phase 2 services", "Integration with the payroll system", "Partner portal"],
        ["Single Sign-On", "Hosting Services", "Integration with the payroll system", "Partner Portal"],
    ],
)
def test_a_title_like_item_inside_an_excluded_list_does_not_end_it(tmp_path, items):
    tagged = _tagged_markdown(
        tmp_path,
        ["# Scope", "", "The following are out of scope:", "", *(f"- {i}" for i in items), "", "## Delivery"],
    )
    states = _states(tagged)
    assert states["b2b_portal"] == {True}
    assert states.get("integration", {True}) == {True} and states.get("access_control", {True}) == {True}


def test_a_title_like_item_inside_an_excluded_docx_list(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Scope", level=1)
    document.add_paragraph("The following are out of scope:")
    for item in ("Data migration", "Hosting", "Partner portal", "Integration with the payroll system"):
        document.add_paragraph(item, style="List Bullet")
    path = tmp_path / "rfp.docx"
    document.save(path)
    states = _states(tag(extract(path)))
    assert states["b2b_portal"] == {True} and states["integration"] == {True}


@pytest.mark.parametrize(
    "title",
    [
        "Functional requirements",  # names a section, whatever follows it
        "3. Portal Features",  # numbered
        "Included",  # turns the list to what is wanted
        "**Core needs**",
        "Lot 1",  # a lot or phase alone heads what follows
    ],
)
def test_a_real_heading_formatted_as_an_item_still_ends_the_exclusion(tmp_path, title):
    tagged = _tagged_markdown(
        tmp_path,
        [
            "# Scope",
            "",
            "The following are out of scope:",
            "",
            "- Integration with the payroll system",
            f"- {title}",
            "- A partner portal for resellers to place orders",
        ],
    )
    states = _states(tagged)
    assert states["integration"] == {True}
    assert states["b2b_portal"] == {False}


def test_a_title_like_item_followed_by_a_paragraph_is_a_heading(tmp_path):
    tagged = _tagged_markdown(
        tmp_path,
        [
            "# Scope",
            "",
            "The following are out of scope:",
            "",
            "- Integration with the payroll system",
            "- Single Sign-On",
            "",
            "Staff sign in with the county directory today.",
        ],
    )
    states = _states(tagged)
    assert states["integration"] == {True}
    assert states["access_control"] == {False}  # the heading of the paragraph after it, not an item
