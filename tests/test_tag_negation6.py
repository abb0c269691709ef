"""The sixth round of negation: five wrong readings a review found, each with the case itself, two
paraphrases and the traps that must keep their reading.

- "not acceptable" of a thing named by what it fails at ("A portal that cannot scale to 20,000 users",
  "that does not / fails to / is unable to ...") forbids the failure: a need for what the thing
  fails at. A thing offered ("A portal hosted outside the EU") is still refused.
- "not acceptable" of a thing done a certain way ("Integration with SAP via nightly file transfer")
  refuses the way, not the thing; the thing alone ("Integration with SAP is not acceptable") is
  still refused.

The sentences are invented for this file and tagged by the rules alone."""

from __future__ import annotations

import pytest
from negation_checks import assert_kept, assert_negated

# (tag, sentence that must count it)
FAILURE_UNACCEPTABLE = [
    ("scale", "A portal that cannot scale to 20,000 users is not acceptable."),
    (
        "scale",
        "A case management system that does not scale to 3,000 concurrent caseworkers will not be accepted.",
    ),
    ("scale", "A platform which can't handle 5,000 concurrent users will not be accepted."),
    ("integration", "Any CMS which fails to integrate with the CRM is not acceptable to the Council."),
    # the thing that fails is still wanted when it is the solution itself, not a kind of product
    ("b2b_portal", "A partner portal that cannot scale to 20,000 users is not acceptable."),
    ("collaboration", "A knowledge base that cannot be searched by keyword will not be accepted."),
    ("multi_site", "A multilingual site that fails to handle right-to-left scripts is not acceptable."),
]

MANNER_UNACCEPTABLE = [
    (
        "integration",
        "Integration with SAP via nightly file transfer is not acceptable; a real-time API is required.",
    ),
    (
        "integration",
        "Integration with Salesforce by means of weekly CSV exports is not acceptable; orders must reach"
        " the CRM in real time.",
    ),
    (
        "access_control",
        "Single sign-on through a second identity store will not be accepted; staff must sign in with Azure AD.",
    ),
    (
        "integration",
        "Data exchange with the finance system via nightly batch files will not be accepted; the portal"
        " shall post payments in real time.",
    ),
]

# (tag, sentence that must keep negating it)
STILL_REFUSED = [
    # a thing offered, with or without a relative clause that fails at nothing
    ("compliance", "A portal hosted outside the EU is not acceptable."),
    ("compliance", "A portal that is hosted outside the EU is not acceptable."),
    ("b2b_portal", "A separate partner portal is not acceptable; partners use the main site."),
    ("b2b_portal", "A partner portal that runs on a separate domain is not acceptable."),
    # a kind of product that fails is refused: the buyer wants another kind
    ("turnkey", "An off-the-shelf product that cannot be tailored to our pricing rules is not acceptable."),
    ("simple_site", "A brochure site that cannot grow with the programme is not acceptable."),
    # a failure that is only "not required" is still not required
    ("scale", "A portal that cannot scale to 20,000 users is not required."),
    # the thing alone, not its way, is refused
    ("integration", "Integration with SAP is not acceptable."),
    ("integration", "Integration with the ERP is not acceptable; a standalone portal is required."),
    # ... and a way of a thing "not required" leaves the thing not required
    ("integration", "Integration with SAP via nightly file transfer is not required."),
]


@pytest.mark.parametrize(("tag", "text"), FAILURE_UNACCEPTABLE + MANNER_UNACCEPTABLE)
def test_an_unacceptable_failure_or_way_keeps_the_need(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


def test_every_span_of_the_failing_need_counts(rules_only: None) -> None:
    """Not only the figure: "scale to" right after "cannot" is no exclusion either."""
    from triage.tag import tag_text

    out = tag_text("A portal that cannot scale to 20,000 users is not acceptable.")
    spans = [s for s in out["spans"] if s["tag"] == "scale"]
    assert spans and not any(s["negated"] for s in spans)


@pytest.mark.parametrize(("tag", "text"), STILL_REFUSED)
def test_a_thing_refused_stays_refused(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


@pytest.mark.parametrize(
    "text",
    [
        "A portal that cannot",
        "A portal that fails to",
        "Integration via",
        "Integration by means of",
        "Integration with SAP via is not acceptable",
        "A portal that is not acceptable",
        "Integration with SAP. In scope:",
        "Integration with SAP. Required?",
        "In scope: No",
        "Required? No",
    ],
)
def test_a_cut_short_text_does_not_fail(rules_only: None, text: str) -> None:
    from triage.tag import tag_text

    assert "tags" in tag_text(text)


# a sentence answered no by a bare asking label right after it in the same passage (table_rows.py
# reads the same answer in a cell, a one-cell row or a passage of its own: tests/test_tag_table_rows.py)
LABEL_ANSWERED = [
    ("integration", "R-9 Integration with the payroll system. In scope: No"),
    ("integration", "Integration with the payroll system. Required? No"),
    ("scale", "Load testing above 5,000 concurrent users. In scope? N/A"),
]
LABEL_NOT_NO = [
    ("integration", "Integration with the payroll system. In scope: Yes"),
    ("scale", "Load testing above 5,000 concurrent users. In scope: No (phase 2)"),
    # a label that names a need of its own answers itself, not the sentence before it
    ("integration", "Integration with the payroll system. SSO required: No"),
    ("integration", "Integration with the payroll system. Required?"),
]


@pytest.mark.parametrize(("tag", "text"), LABEL_ANSWERED)
def test_a_sentence_answered_no_by_a_label_after_it(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


@pytest.mark.parametrize(("tag", "text"), LABEL_NOT_NO)
def test_a_label_that_does_not_answer_no_keeps_the_need(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)
