"""The fifth round of negation tuning: what the fourth left over.

- "not acceptable" / "will not be accepted" of a practice (something done: "Storing passwords in clear
  text", "Manual re-keying of orders", "Shared administrator accounts"), of a failure ("Unplanned
  downtime", "A data breach") or of a shortfall ("Anything less than 99.9 % availability") forbids
  it: a need for what replaces or prevents it, so the tag counts; of a thing offered ("A separate
  partner portal is not acceptable") it refuses the thing.
- a lettered, numbered or bulleted list whose lead-in excludes it ("The following are excluded from
  this contract: (a) ...; (b) ...") has every item excluded, up to an item that asks for something of
  its own; a lead-in that asks ("The following are required:") keeps every item.
- the residual errors of the rules on the tuning set about negation, each as a form that generalises:
  a rule "No X shall ... without Y" keeps X; a relative clause with a negation of its own ("a product
  that cannot be changed") is what the refused thing lacks, a need, out of the cue's scope; "not
  required to ... any system other than those listed" asks for those; a question that asks what /
  which / how is answered No by an answer that denies its tag; "has no more than 50 users" is a bound,
  not today's lack; "without forcing anyone to register" / "without requiring X" sets aside what is
  not asked for; "without any integration with the finance system" sets aside what it links to; a
  clause joined by "and" with its own subject and verb ("..., and discussion forums are not part of
  it") excludes only itself; "None of our systems ..." and "..., because there is no shared library"
  describe today; what a refused thing "will not meet the need for" is a need; a "not" of a manual
  workaround ("by e-mail", "by hand") refuses the workaround; MoSCoW's "Won't" in a cell after its
  need answers the row; a clause that keeps today's way ("will keep ordering through the EDI link")
  before an exclusion says how the excluded need is met today.

Each negated form is checked on a short sentence of its own: the tag is gone and its span is still
there, marked negated. Each trap form keeps its tag. The sentences are invented for this file, not
taken from any labelled set, and are tagged by the rules alone."""

from __future__ import annotations

import pytest
from negation_checks import assert_kept, assert_negated

from triage.tag import load_pipeline, tag_text

# (tag, sentence that negates it)
NEGATED = [
    # "not acceptable" of a thing offered refuses it
    ("b2b_portal", "A separate partner portal is not acceptable; partners use the main site."),
    ("b2b_portal", "A dealer extranet hosted by the supplier will not be accepted."),
    ("b2b_portal", "Under the new framework, a reseller extranet is not acceptable."),
    # ... and a refused product that lacks the need still names the need (third round), while a
    # refused customisation is still no extensibility
    ("extensibility", "Customisation of the core product is not acceptable."),
    # a bound, not today's lack, before an exclusion
    (
        "collaboration",
        "If the pilot site has no more than 40 users, there will be no document library beyond the file share.",
    ),
    # a wh-question answered by a denial
    (
        "scale",
        "Q4: What peak load should bidders plan for? A: Traffic is modest; there is no performance or"
        " availability target beyond office hours.",
    ),
    # what is not forced on users, or not required, is set aside
    (
        "account_services",
        "Residents shall be able to report a missed bin without being forced to register, and staff"
        " shall see each report on a map.",
    ),
    (
        "account_services",
        "The site should treat growers and buyers differently, without forcing any of them to register.",
    ),
    ("integration", "The booking tool shall go live without requiring any integration with SAP."),
    # ... with what it would link to
    (
        "integration",
        "A hosted booking tool may be proposed, without any integration with the finance system.",
    ),
    # the clause after "and" negates only its own
    (
        "collaboration",
        "The intranet will be built on SharePoint Online, and discussion forums are not part of it.",
    ),
    # ... and a clause before it that negates its own shares the exclusion
    ("collaboration", "Document libraries are not in the brief, and a wiki is not wanted either."),
    ("scale", "Printing, scanning, and load testing above 500 users are out of scope."),
    (
        "integration",
        "The kiosk shall go live without a link to the ticketing system, and shall show opening hours.",
    ),
    # MoSCoW's "Won't" in a cell after its need answers the row
    ("account_services", "KW-ACC-021 | Registration for business customers | Won't (this release)"),
    ("account_services", "REQ-031 | Self-registration for suppliers | Won't have"),
    # today's way that goes on, before an exclusion, is how the excluded need is met today
    (
        "account_services",
        "Members will keep managing their details through the branch; an online profile is not part of this phase.",
    ),
    (
        "integration",
        "Dealers will keep ordering through the existing EDI link, so no ordering pages for them are required.",
    ),
    # a "Won't have" before its need still answers it
    ("account_services", "REQ-055 | Won't have | Self-registration for suppliers"),
    # ... while "None of our dealers need ..." and the reason for an exclusion still exclude
    ("b2b_portal", "None of our dealers need a separate ordering portal."),
    ("account_services", "Single sign-on is not required, as there is no staff login."),
    ("access_control", "Single sign-on is not required, as there is no staff login."),
    # a refused thing that "will not meet our needs" is refused as a whole
    ("simple_site", "A brochure site would not meet our needs."),
    ("integration", "Integration with the ERP is not required; orders are keyed in by hand."),
]

EXCLUDED_LIST = (
    "The following are excluded from this contract: (a) integration with the payroll system; (b) load"
    " testing above 500 users; (c) a partner extranet."
)
LISTS = [
    EXCLUDED_LIST,
    "The following services are out of scope:\n(a) integration with the payroll system;\n(b) load"
    " testing above 500 users; and\n(c) a partner extranet.",
    "Excluded from Lot 2: i) integration with the payroll system; ii) load testing above 500 users;"
    " iii) a partner extranet.",
    "The Contractor is not required to:\n1. integrate with the payroll system;\n2. run load testing"
    " above 500 users;\n3. build a partner extranet.",
    "Out of scope:\n- integration with the payroll system\n- load testing above 500 users\n- a partner"
    " extranet",
]
LIST_TAGS = ("integration", "scale", "b2b_portal")

# (tag, sentence whose negative words keep it)
TRAPS = [
    # "not acceptable" of a practice forbids the practice: a need
    ("security_ops", "Storing passwords in clear text is not acceptable."),
    ("integration", "Manual re-keying of orders between the portal and the ERP is not acceptable."),
    ("integration", "Re-entry of purchase orders into SAP by hand will not be accepted."),
    ("access_control", "Generic shared logins for site administrators will not be accepted."),
    ("compliance", "Hosting of personal data outside the UK will not be accepted."),
    ("compliance", "Hosting outside the European Economic Area is not acceptable to the Trust."),
    # ... and "not acceptable" of a failure: a need for what prevents it
    ("scale", "Unplanned downtime of the filing service during business hours is not acceptable."),
    ("security_ops", "A data breach of the member records will not be accepted."),
    ("security_ops", "Passwords in clear text are not acceptable."),
    ("workflow", "Delays in approving grant applications are not acceptable."),
    # ... as does one that falls short of a figure
    ("scale", "Anything less than 99.9% availability during the enrolment window is not acceptable."),
    ("scale", "Less than 99.5% availability will not be accepted."),
    # "prohibited" / "not permitted" / "not allowed" forbid, whatever their subject
    ("security_ops", "Storing passwords in clear text is prohibited."),
    ("access_control", "Shared accounts for site administrators are not allowed."),
    ("compliance", "Unencrypted transfer of personal data between the portal and the CRM is not permitted."),
    # a rule "No X shall ... without Y": X comes only with Y
    ("compliance", "No personal data shall be transferred to a country without an adequacy decision."),
    ("security_ops", "No patch shall be deployed to production without a malware scan of the package."),
    # what a refused thing lacks is a need
    ("extensibility", "We would rather not buy a product that cannot be changed by our own developers."),
    ("security_ops", "The web tier must never accept file uploads that have not passed a malware scan."),
    ("access_control", "The Council does not want a portal that does not support single sign-on."),
    # "not required ... any system other than those listed": those are asked for
    (
        "integration",
        "C.4.2 The Contractor is not required to develop interfaces with any system other than those listed in Attachment J-3.",
    ),
    # a clause with its own subject and verb before ", and ..." keeps its need
    ("scale", "The portal must support 5,000 concurrent users, and single sign-on is not required."),
    (
        "platform_mandate",
        "The intranet will be built on SharePoint Online, and discussion forums are not part of it.",
    ),
    # the buyer's own things described, and a lack given as the cause of a pain, are today's situation
    ("integration", "None of our 14 back-office systems exchange data with each other's records."),
    (
        "collaboration",
        "Caseworkers cannot find the current guidance, because there is no shared library and each office keeps its own copies.",
    ),
    # what a refused thing will not meet the need for is a need
    ("access_control", "A brochure site on a basic CMS will not meet the need for role-based access."),
    # a "not" of a manual workaround refuses the workaround
    (
        "integration",
        "Orders shall not be passed to the ERP by e-mail; the two systems shall exchange them through an API.",
    ),
    ("integration", "Invoices shall not be re-entered into SAP by hand."),
    # ... but only what a noun of linking links to: "without disruption to" protects what follows
    (
        "workflow",
        "The Contractor shall hand over the service without disruption to ongoing appeal processing.",
    ),
    # a "Won't have" answers no cell after its row
    (
        "access_control",
        "REQ-059 | Self-registration for suppliers | Won't have | Single sign-on for staff | Must have",
    ),
    # a clause that keeps today's way and asks for nothing else stays when no exclusion follows
    (
        "account_services",
        "Members will keep managing their details through the branch, and the portal shall show them.",
    ),
    # a bound is no lack of today
    ("scale", "The pilot has no more than 50 users today but the portal shall scale to 20,000 users."),
]


@pytest.mark.parametrize("text", LISTS)
@pytest.mark.parametrize("tag", LIST_TAGS)
def test_every_item_of_an_excluded_list_is_negated(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


@pytest.mark.parametrize(
    "head",
    [
        "The following are required:",
        "The Contractor shall provide:",
        "In scope for this contract:",
        "The following are excluded from this contract: team sites. The following are required:",
    ],
)
@pytest.mark.parametrize("tag", LIST_TAGS)
def test_every_item_of_a_list_asked_for_is_kept(rules_only: None, tag: str, head: str) -> None:
    assert_kept(tag, EXCLUDED_LIST.replace("The following are excluded from this contract:", head))


def test_an_excluded_list_ends_at_an_item_that_asks_for_something(rules_only: None) -> None:
    text = (
        "Exclusions: (a) team sites; (b) a partner extranet; (c) the portal shall integrate with the"
        " CRM; (d) load testing above 500 users."
    )
    assert_negated("collaboration", text)
    assert_negated("b2b_portal", text)
    assert_kept("integration", text)
    assert_kept("scale", text)


@pytest.mark.parametrize(
    ("lead_in", "excludes"),
    [
        ("The following are out of scope:", True),
        ("The Contractor is not required to:", True),
        ("Exclusions:", True),
        ("The following are required:", False),
        ("The Contractor shall not:", False),
        ("Integration with the ERP is out of scope.", False),
        ("Scope does not include:", True),
        ("The contractor will not be responsible for performing the following:", True),
        # found by the review: the clause that governs the colon asks, a double negative, today's pain,
        # a condition
        ("Apart from hosting, which is out of scope, the supplier shall provide:", False),
        ("The following are required, not optional:", False),
        ("The following are not negotiable:", False),
        ("We do not currently have the following capabilities:", False),
        ("Such indemnities shall also not apply if any claim of infringement:", False),
    ],
)
def test_a_lead_in_says_whether_it_excludes_its_list(rules_only: None, lead_in: str, excludes: bool) -> None:
    """What a document stage that sees each list item as a passage of its own asks of the lead-in."""
    nlp = load_pipeline()
    assert nlp.get_pipe("icp_negation").lead_in_excludes(nlp(lead_in), 0) is excludes


def test_a_list_of_prohibitions_is_no_list_of_exclusions(rules_only: None) -> None:
    """ "shall not:" forbids what follows, which is a requirement on its topic."""
    assert_kept(
        "compliance",
        "The Contractor shall not: (a) store personal data outside the EU; (b) share administrator accounts.",
    )


@pytest.mark.parametrize(("tag", "text"), NEGATED)
def test_a_negated_tag_is_not_counted(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


@pytest.mark.parametrize(("tag", "text"), TRAPS)
def test_a_negative_word_that_does_not_negate_keeps_the_tag(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


@pytest.mark.parametrize(
    "text",
    [
        "Storing passwords in clear text is not",
        "Anything less is not acceptable",
        "Anything",
        "Re- is not acceptable",
        "Re-keying is not acceptable",
        "Manual is not",
        "Out of scope:",
        "Out of scope: (a)",
        "Out of scope:\n-",
        "(a)",
        "Exclusions: (a) team sites;",
        "The following are excluded: i)",
        "No personal data shall be transferred without",
        "We would rather not buy a product that",
        "The Contractor is not required to develop interfaces with any system other than",
        "Q: What peak load? A:",
        "Q: What peak load? A: None",
        "without forcing",
        "without forcing them to",
        "without requiring",
        "without any integration with",
        "The portal must support users, and",
        "The portal must support users, and single sign-on is",
        "None of our",
        "None of",
        "because there is no",
        "A site will not meet the need",
        "A site will not meet the need for",
        "Data shall not be exchanged by",
        "Data shall not be exchanged by e",
        "Registration | Won't",
        "| Won't",
        "Won't",
        "Dealers will keep ordering, so",
        "Dealers will keep ordering;",
    ],
)
def test_a_cue_at_the_end_of_the_text_does_not_fail(rules_only: None, text: str) -> None:
    """A subject cut short at the end of a document reads nothing past the end of the text."""
    assert "tags" in tag_text(text)
