"""A table row whose answer stands in a cell of its own (DOCX and Markdown tables reach the tagger
cell by cell): "No" under "In scope" excludes the row's needs, under "Mandatory" makes them optional,
under the bidder's "Compliant (Y/N)" says nothing. Each table is written here, read by the extractor
and tagged as a user's file would be."""

from __future__ import annotations

import pytest

from triage.extract import extract
from triage.tag import tag
from triage.tag.table_rows import defers, header_kind, is_no_answer, labelled_no, priority_of

PORTAL = "A partner ordering portal where resellers place orders"
SSO = "Single sign-on with the county directory for all staff"


def _markdown(tmp_path, header: list[str], rows: list[list[str]]):
    lines = ["# Requirements", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    path = tmp_path / "rfp.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tag(extract(path))


def _docx(tmp_path, rows: list[list[str]], merges: tuple[tuple[int, int, int, int], ...] = ()):
    """A DOCX file with one table; `merges` are (row, column, to row, to column) cell ranges."""
    import docx

    document = docx.Document()
    document.add_heading("Requirements", level=1)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r0, c0, r1, c1 in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text is not None:
                table.cell(r, c).text = text
    path = tmp_path / "rfp.docx"
    document.save(path)
    return tag(extract(path))


def _state(tagged, tag_id: str) -> str:
    """``negated`` (found, and every span of it marked negated) or ``counted`` (none negated)."""
    spans = [s for s in tagged.spans if s.tag == tag_id]
    assert spans, f"{tag_id} was not found at all"
    if all(s.negated for s in spans):
        return "negated"
    return "counted" if not any(s.negated for s in spans) else "mixed"


@pytest.mark.parametrize(
    "answer", ["No", "N/A", "Not required", "Out of scope", "No (handled by IT)", "None.", "N", "\u2717"]
)
def test_a_need_answered_no_under_in_scope_is_negated_in_markdown(tmp_path, answer):
    tagged = _markdown(
        tmp_path, ["Ref", "Requirement", "In scope"], [["R-1", PORTAL, answer], ["R-2", SSO, "Yes"]]
    )
    assert _state(tagged, "b2b_portal") == "negated"
    assert _state(tagged, "access_control") == "counted"  # the row answered yes still counts


def test_a_need_answered_no_under_required_is_negated_in_docx(tmp_path):
    rows = [["ID", "Requirement", "Required?"], ["1", PORTAL, "Yes"], ["2", SSO, "No"]]
    tagged = _docx(tmp_path, rows)
    assert _state(tagged, "access_control") == "negated"
    assert _state(tagged, "b2b_portal") == "counted"


@pytest.mark.parametrize("later", ["Yes", "Optional"])
def test_a_need_wanted_in_a_later_phase_is_not_excluded(tmp_path, later):
    header = ["Ref", "Requirement", "Phase 1", "Phase 2"]
    tagged = _markdown(tmp_path, header, [["R-1", PORTAL, "No", later], ["R-2", SSO, "No", "No"]])
    assert _state(tagged, "b2b_portal") == "counted"
    assert _state(tagged, "access_control") == "negated"


def test_a_title_row_merged_across_the_table_is_skipped(tmp_path):
    rows = [["Call-off schedule", None, None], ["Ref", "Requirement", "Included"], ["1", PORTAL, "No"]]
    tagged = _docx(tmp_path, rows, merges=((0, 0, 0, 2),))
    assert _state(tagged, "b2b_portal") == "negated"


def test_cells_line_up_under_their_header_when_cells_are_merged(tmp_path):
    # "Area" merged down three rows: the bidder's "No" must not slide under "In scope"
    rows = [
        ["Area", "Requirement", "In scope", "Supplier response"],
        ["Portals", PORTAL, "Yes", "No"],
        [None, SSO, "Yes", "No"],
        [None, "Integration with the CRM system", "No", ""],
    ]
    tagged = _docx(tmp_path, rows, merges=((1, 0, 3, 0),))
    assert _state(tagged, "b2b_portal") == "counted" and _state(tagged, "access_control") == "counted"
    assert _state(tagged, "integration") == "negated"


def test_an_empty_corner_cell_is_no_title(tmp_path):
    tagged = _markdown(tmp_path, ["", "In scope"], [[PORTAL, "No"], [SSO, "Yes"]])
    assert _state(tagged, "b2b_portal") == "negated" and _state(tagged, "access_control") == "counted"


@pytest.mark.parametrize("answer", ["No (phase 2)", "No, but required at go-live", "N/A until 2027"])
def test_a_no_that_puts_the_need_off_keeps_it(tmp_path, answer):
    tagged = _markdown(tmp_path, ["Ref", "Requirement", "In scope"], [["R-1", PORTAL, answer]])
    assert _state(tagged, "b2b_portal") == "counted"


@pytest.mark.parametrize("header", ["Applicable standard", "Required by", "Scope description"])
def test_a_header_that_names_a_value_asks_nothing(tmp_path, header):
    tagged = _markdown(tmp_path, ["Ref", "Requirement", header], [["R-1", PORTAL, "N/A"]])
    assert _state(tagged, "b2b_portal") == "counted"


def test_out_under_scope_and_moscow_priorities(tmp_path):
    tagged = _markdown(tmp_path, ["Requirement", "Scope"], [[PORTAL, "Out"], [SSO, "In"]])
    assert _state(tagged, "b2b_portal") == "negated" and _state(tagged, "access_control") == "counted"
    rows = [
        [PORTAL, "Won't"],
        ["The portal shall offer " + SSO, "Could"],
        ["Integration with the CRM system", "M"],
    ]
    tagged = _markdown(tmp_path, ["Requirement", "MoSCoW"], rows)
    assert _state(tagged, "b2b_portal") == "negated"
    assert {s.modality for s in tagged.spans if s.tag == "access_control"} == {"optional"}
    assert {s.modality for s in tagged.spans if s.tag == "integration"} == {"mandatory"}


def test_no_under_mandatory_keeps_the_need_as_optional(tmp_path):
    tagged = _markdown(
        tmp_path, ["Ref", "Requirement", "Mandatory"], [["R-1", "The portal must offer " + SSO, "No"]]
    )
    spans = [s for s in tagged.spans if s.tag == "access_control"]
    assert spans and all(not s.negated and s.modality == "optional" for s in spans)


@pytest.mark.parametrize("header", ["Compliant (Y/N)", "Supplier response", "Supported", "Comments"])
def test_no_in_the_bidders_column_says_nothing_of_the_need(tmp_path, header):
    tagged = _markdown(tmp_path, ["Ref", "Requirement", header], [["R-1", PORTAL, "No"]])
    assert _state(tagged, "b2b_portal") == "counted"


def test_a_label_that_asks_is_answered_by_the_next_cell_without_a_header(tmp_path):
    rows = [["Item", "Answer"], ["Single sign-on for staff required?", "No"], [PORTAL, "No"]]
    tagged = _docx(tmp_path, rows)
    assert _state(tagged, "access_control") == "negated"
    # a label that does not ask ("A partner ordering portal ...") is not answered by a bare "No"
    assert _state(tagged, "b2b_portal") == "counted"


def test_a_numbered_cell_is_no_answer(tmp_path):
    tagged = _markdown(tmp_path, ["Item", "Requirement", "In scope"], [["R-4", PORTAL, "No. 4"]])
    assert _state(tagged, "b2b_portal") == "counted"


def test_answers_and_headers_are_read_as_a_bid_manager_would():
    assert is_no_answer("No") and is_no_answer("no.") and is_no_answer("Not applicable - local accounts")
    assert is_no_answer("N") and is_no_answer("Out") and is_no_answer("\u2717")
    assert not is_no_answer("No. 12") and not is_no_answer("Nothing of the kind is excluded here")
    assert not is_no_answer("Yes") and not is_no_answer("") and not is_no_answer("Outsourced")
    assert defers("No (phase 2)") and not defers("No (staff use local accounts)")
    assert header_kind("In scope (Y/N)") == "scope" and header_kind("Phase 1") == "scope"
    assert header_kind("Required (Yes/No)") == "scope" and header_kind("Required by") is None
    assert header_kind("Mandatory / Optional") == "priority" and header_kind("M/O") == "priority"
    assert header_kind("Compliant (Y/N)") is None and header_kind("Requirement") is None
    assert priority_of("Won't have") == "negated" and priority_of("S") == "desirable"
    assert priority_of("O") == "optional" and priority_of("High") is None


# A label | value table: each row one field of a requirement, the answer beside a bare asking label
@pytest.mark.parametrize("answer", ["No", "Out of scope", "N/A (staff use local accounts)"])
def test_a_transposed_table_answers_its_requirement_in_markdown(tmp_path, answer):
    tagged = _markdown(
        tmp_path,
        ["Requirement", SSO],
        [["In scope", answer], ["Requirement", PORTAL], ["In scope", "Yes"]],
    )
    assert _state(tagged, "access_control") == "negated"
    assert _state(tagged, "b2b_portal") == "counted"  # the next record, answered yes


def test_a_transposed_table_of_several_fields_in_docx(tmp_path):
    rows = [
        ["Ref", "R-17"],
        ["Description", PORTAL],
        ["Required?", "No"],
        ["Ref", "R-18"],
        ["Description", SSO],
        ["Required?", "Yes"],
    ]
    tagged = _docx(tmp_path, rows)
    assert _state(tagged, "b2b_portal") == "negated"
    assert _state(tagged, "access_control") == "counted"


def test_a_transposed_table_by_phase(tmp_path):
    rows = [
        ["Requirement", PORTAL],
        ["Phase 1", "No"],
        ["Phase 2", "Yes"],
        ["Requirement", SSO],
        ["Phase 1", "No"],
        ["Phase 2", "No"],
    ]
    tagged = _docx(tmp_path, rows)
    assert _state(tagged, "b2b_portal") == "counted"  # wanted, later
    assert _state(tagged, "access_control") == "negated"


@pytest.mark.parametrize(
    "rows",
    [
        # a no that puts the need off
        [["Requirement", PORTAL], ["In scope", "No (phase 2)"]],
        # a label that names a need of its own is answered alone, not the rows around it
        [["Requirement", PORTAL], ["Hosting required?", "No"]],
        # the first column holds sentences, not labels
        [["The Council wants " + PORTAL + ".", "Yes"], ["In scope", "No"]],
        # the second column is the bidder's to answer
        [["Requirement", "Supplier response"], [PORTAL, "Yes"], ["In scope", "No"]],
    ],
)
def test_a_two_column_table_that_is_no_transposed_answer_keeps_its_needs(tmp_path, rows):
    assert _state(_docx(tmp_path, rows), "b2b_portal") == "counted"


def test_a_two_column_table_with_an_asking_header_is_read_by_its_column(tmp_path):
    tagged = _markdown(tmp_path, ["Item", "In scope"], [[SSO, "No"], [PORTAL, "Yes"]])
    assert _state(tagged, "access_control") == "negated" and _state(tagged, "b2b_portal") == "counted"


# An answer with its own label in a cell of the row, or in a passage or one-cell row right after
@pytest.mark.parametrize("answer", ["In scope: No", "Required? No", "In scope? N/A"])
def test_a_labelled_answer_in_a_cell_of_the_row(tmp_path, answer):
    tagged = _markdown(
        tmp_path, ["Ref", "Requirement", "Status"], [["R-1", PORTAL, answer], ["R-2", SSO, "In scope: Yes"]]
    )
    assert _state(tagged, "b2b_portal") == "negated"
    assert _state(tagged, "access_control") == "counted"


def test_a_labelled_answer_beside_its_need_in_a_table_without_a_header(tmp_path):
    tagged = _docx(tmp_path, [[PORTAL, "In scope: No"], [SSO, "In scope: Yes"]])
    assert _state(tagged, "b2b_portal") == "negated"
    assert _state(tagged, "access_control") == "counted"


def test_a_one_cell_row_answers_the_row_above(tmp_path):
    rows = [["Ref", "Requirement"], ["R-1", PORTAL], ["In scope: No", None], ["R-2", SSO]]
    tagged = _docx(tmp_path, rows, merges=((2, 0, 2, 1),))
    assert _state(tagged, "b2b_portal") == "negated"
    assert _state(tagged, "access_control") == "counted"


@pytest.mark.parametrize(
    ("cells", "header"),
    [
        ([PORTAL, "In scope: No (phase 2)"], ["Requirement", "Status"]),  # put off, not out
        ([PORTAL, "Phase 1: No", "Phase 2: Yes"], ["Requirement", "Now", "Later"]),  # wanted, later
        ([PORTAL, "Required: No"], ["Requirement", "Supplier response"]),  # the bidder's answer
    ],
)
def test_a_labelled_answer_that_does_not_exclude(tmp_path, cells, header):
    tagged = _markdown(tmp_path, header, [cells])
    assert _state(tagged, "b2b_portal") == "counted"


def _text_file(tmp_path, lines: list[str]):
    path = tmp_path / "rfp.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tag(extract(path))


def test_a_lone_answer_after_a_requirement_answers_it(tmp_path):
    tagged = _text_file(
        tmp_path,
        [
            "# Requirements",
            "",
            "R-1 " + PORTAL + ".",
            "",
            "In scope: No",
            "",
            "R-2 " + SSO + ".",
            "",
            "In scope: Yes",
        ],
    )
    assert _state(tagged, "b2b_portal") == "negated"
    assert _state(tagged, "access_control") == "counted"
    tagged = _text_file(tmp_path, ["# Requirements", "", "- " + PORTAL, "- Required? No", "- " + SSO])
    assert _state(tagged, "b2b_portal") == "negated"
    assert _state(tagged, "access_control") == "counted"


def test_a_lone_answer_before_a_requirement_or_after_a_heading_answers_nothing(tmp_path):
    tagged = _text_file(tmp_path, ["# Requirements", "", "In scope: No", "", PORTAL + "."])
    assert _state(tagged, "b2b_portal") == "counted"
    tagged = _text_file(tmp_path, ["# " + PORTAL, "", "In scope: No (phase 2)", "", SSO + "."])
    assert _state(tagged, "access_control") == "counted"


def test_labelled_answers_are_read_as_a_bid_manager_would():
    assert labelled_no("In scope: No") and labelled_no("Required? No") and labelled_no("Is it required? N/A")
    assert labelled_no("Phase 1: No") and labelled_no("Included (Y/N): No")
    assert not labelled_no("In scope: Yes") and not labelled_no("In scope: No (phase 2)")
    assert not labelled_no("SSO required: No") and not labelled_no("Scope: Experience in the areas defined.")
    assert not labelled_no("Phase 1: Technical Evaluation - the Government will evaluate the submittal.")


# One period or lot answered no says when or where the need stands, not that it is out
@pytest.mark.parametrize(
    "rows",
    [
        [["Project", "Partner portal replatforming"], ["Description", PORTAL], ["Lot 2", "N/A"]],
        [["Requirement", PORTAL], ["Priority", "Mandatory"], ["Phase 2", "No"]],
        [["Requirement", PORTAL], ["Base year", "N/A"], ["Option year 1", "Yes"]],
    ],
)
def test_one_period_answered_no_in_a_transposed_table_keeps_the_need(tmp_path, rows):
    assert _state(_docx(tmp_path, rows), "b2b_portal") == "counted"


@pytest.mark.parametrize("answer", ["Lot 2: N/A", "Phase 1: No"])
def test_one_period_answered_no_beside_or_after_a_need_keeps_it(tmp_path, answer):
    tagged = _markdown(tmp_path, ["Ref", "Requirement", "Status"], [["R-1", PORTAL, answer]])
    assert _state(tagged, "b2b_portal") == "counted"
    tagged = _text_file(tmp_path, ["# Requirements", "", PORTAL + " in phase 2.", "", answer])
    assert _state(tagged, "b2b_portal") == "counted"
    tagged = _text_file(tmp_path, ["# Requirements", "", PORTAL + " in phase 2. " + answer])
    assert _state(tagged, "b2b_portal") == "counted"


# A no that makes the need a wish ("desirable", "optional", "nice to have") does not exclude it
@pytest.mark.parametrize(
    "rows",
    [
        [["Requirement", PORTAL], ["Required", "No"], ["Desirable", "Yes"]],
        [["Requirement", PORTAL], ["Required?", "No \u2013 optional"]],
    ],
)
def test_a_transposed_no_that_makes_the_need_a_wish_keeps_it(tmp_path, rows):
    assert _state(_docx(tmp_path, rows), "b2b_portal") == "counted"


@pytest.mark.parametrize("answer", ["Required: No (desirable)", "Required: No - nice to have"])
def test_a_labelled_no_that_makes_the_need_a_wish_keeps_it(tmp_path, answer):
    tagged = _markdown(tmp_path, ["Ref", "Requirement", "Status"], [["R-1", PORTAL, answer]])
    assert _state(tagged, "b2b_portal") == "counted"
    tagged = _text_file(tmp_path, ["# Requirements", "", PORTAL + ".", "", answer])
    assert _state(tagged, "b2b_portal") == "counted"
