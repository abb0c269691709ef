"""The fourth round of negation tuning: negation as procurement documents write it (table rows
whose answer cell excludes the need, statement-of-work prohibitions on the provider, exclusion
lists, phased scope).

Each negated form is checked on a short sentence of its own: the tag is gone and its span is still
there, marked negated. Each trap form keeps its tag. The sentences are invented for this file, not
taken from any labelled set, and are tagged by the rules alone."""

from __future__ import annotations

import pytest
from negation_checks import assert_kept, assert_negated

from triage.tag import tag_text

# (tag, sentence that negates it)
NEGATED = [
    # a row whose label only asks whether the need is wanted, answered No / None / Not required
    ("b2b_portal", "Partner ordering portal | In scope: No"),
    (
        "access_control",
        "Single sign-on with the county directory | Applicable: No (staff use local accounts)",
    ),
    ("integration", "Integration with the billing system | Vendor scope: None"),
    ("access_control", "Multi-factor authentication | Phase 1: No | Phase 2: TBD"),
    ("integration", "Integration with the ERP | Base year: Not required | Option years: Not required"),
    # a "Mandatory: No" field before it is about the same row, which the "In scope: No" still excludes
    ("b2b_portal", "R-17 | Reseller ordering portal | Mandatory: No | In scope: No"),
    # what a statement of work says the provider shall not do is out of its contract
    (
        "access_control",
        "The Vendor shall not administer user permissions once the site is live; the Council will.",
    ),
    (
        "workflow",
        "The Supplier shall not configure approval workflows for grant applications, which the Trust sets up itself.",
    ),
    (
        "security_ops",
        "The Contractor shall not migrate content from the legacy CMS and shall not run the penetration tests.",
    ),
    # a thing the buyer has no plans for, or considered and rejected, is excluded
    ("multi_site", "The museum runs a single website and has no plans for further sites or languages."),
    ("simple_site", "A brochure-style site of a few static pages was considered and rejected."),
    # ", however," before the verb is an aside, no clause break: the subject before it is excluded
    (
        "integration",
        "Members and brokers will both use the portal; a link to the policy administration system, however, is excluded from this release.",
    ),
    # a list of exclusions runs on past its semicolons
    ("scale", "Exclusions: integration with the payroll system; load testing above 500 users."),
    ("collaboration", "Items excluded from this order: team sites; a staff knowledge base; online forums."),
    # ... while a passive one still speaks of the subject
    ("b2b_portal", "The old dealer extranet will be closed at launch and will not be rebuilt."),
    (
        "collaboration",
        "While no online forum is needed, the intranet shall route leave requests for approval.",
    ),
    ("workflow", "While no online forum is needed, no workflow for leave requests is planned either."),
    ("access_control", "Table 4 | Single sign-on: Not required | Integration with the CRM: Required"),
    ("extensibility", "Open API for partners | Required: No | Optional:"),
    ("b2b_portal", "The bidder need not provide a dealer extranet."),
    # a clause whose predicate is left out after one that asks ("...; load testing is not.")
    ("scale", "Accessibility audits are in scope; load testing of the portal is not."),
    ("access_control", "Accessibility audits are required, but single sign-on is not"),
    # an answer that opens with "No" and denies the need in its own words answers the question No
    (
        "collaboration",
        "Q: Is a discussion forum for members expected? A: No forums or community features are planned.",
    ),
    ("collaboration", "Q: Is a forum expected? A: No forums"),
    # ... not when the clause after is no requirement, or comes after a semicolon as a statement of fact
    (
        "user_roles",
        "A separate view for partners is not wanted; all users are employees, and access shall follow their role.",
    ),
    (
        "integration",
        "In scope: the Welsh and English sites and their WCAG 2.2 conformance; not in scope: the link to the payroll system.",
    ),
    # what belongs to another lot is out of this one
    (
        "multi_site",
        "Lot 2 covers the building works; the museum website, in Welsh and English, belongs to Lot 1.",
    ),
    # a condition that opens the sentence speaks of the need its main clause removes
    ("scale", "Unless the site passes 20,000 visitors a day, no load balancing is needed."),
    # ... while "No; only ..." after a semicolon still answers the question No
    (
        "access_control",
        "Q: Is single sign-on expected for visitors? A: No; only the 40 officers sign in, with smart cards.",
    ),
    # phased scope: a need that comes or follows in a later phase, or under a separate order, is excluded
    ("account_services", "Self-service password reset for members will come in a later phase."),
    ("b2b_portal", "Release 1 delivers the public website; the supplier extranet follows in Phase 3."),
    ("b2b_portal", "The partner portal will be bought under a separate task order."),
    ("collaboration", "A staff forum may be added in a later phase and should not be priced in this bid."),
]

# (tag, sentence whose negative words keep it)
TRAPS = [
    # "Mandatory: No" / "Optional: Yes" rows ask for the need, only not as a must
    ("integration", "Integration with the billing system | Mandatory: No"),
    # an answer cell of a label that is no question of scope answers only that label
    ("integration", "Integration with the billing system | Bidder remarks: None"),
    # the same words of anyone but the provider are a rule on them, and a provider's "shall not" with
    # another verb forbids
    ("workflow", "Site editors shall not configure approval workflows themselves."),
    ("compliance", "The Contractor shall not transfer personal data outside the EU."),
    # a need that "may be added in a later phase" is still asked for, as an option
    ("multi_site", "A Welsh-language version of the museum site may be added in a future phase."),
    # a second active predicate "and shall not ..." excludes its own object, not the first predicate
    (
        "simple_site",
        "The event site shall be a handful of static pages and shall not connect to the ticketing system.",
    ),
    (
        "out_of_scope",
        "The agency shall provide 12 laptops to the project team and shall not be responsible for any software development.",
    ),
    # a sentence that opens with a concession ends its exclusion at the first comma; the main clause asks
    (
        "workflow",
        "While no online forum is needed, the intranet shall route each leave request to the line manager for approval.",
    ),
    (
        "b2b_portal",
        "Although the Trust does not want a wiki, the portal shall give its 900 dealers and 30 distributors separate areas.",
    ),
    # a labelled "Not required" cell excludes its own label, not the cells after it
    (
        "integration",
        "Table 4 | Single sign-on: Not required | Integration with the CRM: Required | Concurrent users: 2,000",
    ),
    # "Required: No" with "Optional: Yes" in the same row asks for the need as an option
    ("extensibility", "Open API for partners | Required: No | Optional: Yes"),
    # "may, but need not, propose X" invites X as an option
    ("b2b_portal", "Offerors may, but need not, propose a dealer extranet as a priced option."),
    ("integration", "The portal shall integrate with SAP, however, MFA is not required."),
    ("compliance", "Accessibility audits are in scope; load testing of the portal is not."),
    # ... not when the answer asks for it again
    (
        "access_control",
        "Q: Is single sign-on required? A: No multi-factor authentication is required, but single sign-on is.",
    ),
    # a need excluded for one audience and asked for another names both audiences as users
    (
        "user_roles",
        "Multi-factor authentication is not needed for visitors, but council staff must sign in with smart cards.",
    ),
    (
        "user_roles",
        "Tenants do not need a portal of their own, but letting agents should have a self-service extranet.",
    ),
    # "...; not in scope: ..." is a list head of its own, not a clause that points back
    (
        "multi_site",
        "In scope: the Welsh and English sites and their WCAG 2.2 conformance; not in scope: the link to the payroll system.",
    ),
    # ... while a conditional that keeps the need keeps it
    (
        "access_control",
        "If no identity provider is available, the Contractor shall provide single sign-on through its own directory.",
    ),
    # a burden a need spares users, and standing access forbidden, are requirements, not exclusions
    (
        "account_services",
        "Resetting a forgotten password shall not require a phone call to the service desk.",
    ),
    ("access_control", "Supplier engineers shall not have standing administrator access to the live tenant."),
    # a question answered "No, only for ..." asks for the need for another audience; a question whether
    # a need may be waived, answered No, keeps it
    (
        "access_control",
        "Q: Is single sign-on expected for visitors? A: No, only for council officers who edit the site.",
    ),
    (
        "scale",
        "Q: Can the target of 8,000 concurrent users be waived for the first release? A: No, the first release must meet it.",
    ),
    ("access_control", "Q: Can SSO be waived? A: No"),
    # an item of an exclusion list that states a need of its own ends the list
    ("integration", "Exclusions: team sites; the portal shall integrate with the CRM."),
]


@pytest.mark.parametrize(("tag", "text"), NEGATED)
def test_a_negated_tag_is_not_counted(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


@pytest.mark.parametrize(("tag", "text"), TRAPS)
def test_a_negative_word_that_does_not_negate_keeps_the_tag(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


@pytest.mark.parametrize(
    "text",
    [
        "Integration with the billing system | In scope:",
        "Integration with the billing system | Phase 1: None",
        "Integration with the billing system | Phase 1",
        "The portal shall support single sign-on; the Supplier shall not run",
        "The Contractor shall not",
        "Exclusions:",
        "Hosting belongs to Lot",
        "Q: Is single sign-on expected? A: No, only",
        "Q: Is single sign-on expected? A: No,",
        "The portal shall not require",
        "Unless the site passes 20,000 visitors a day,",
        "If",
        "In scope: the Welsh and English sites; not in scope:",
        "Visitors do not need accounts, but members must",
        "Visitors do not need accounts, but",
        "Q: Is a forum expected? A:",
        "Q: Is a forum expected? A: No",
        "Q: Is a forum expected? Answer",
        "Single sign-on is not",
        "Audits are required; single sign-on is not",
        "Staff will use the portal; single sign-on, however, is",
        "Single sign-on, however,",
        "We have no plans for",
        "A brochure site was considered and rejected",
        "Bidders may, but need not,",
        "Open API for partners | Required: No | Optional",
        "Single sign-on: Not required |",
        "Although single sign-on is not required,",
        "While no forum is wanted",
        "The site shall be a few static pages and shall not",
        "The site shall be a few static pages and shall not be",
        "Forums follow in phase",
        "Online forums should not be quoted",
        "Items excluded from this order: team sites;",
    ],
)
def test_a_cue_at_the_end_of_the_text_does_not_fail(rules_only: None, text: str) -> None:
    """A label or answer as the last token of a document reads nothing past the end of the text."""
    assert "tags" in tag_text(text)
