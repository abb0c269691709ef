"""The tune8 round of negation tuning: a tag that the sentence negates is not counted, and
negative-looking words that do not negate keep their tag.

Each negated form is checked on a short sentence of its own: the tag is gone and its span is still
there, marked negated (evidence of what the buyer excluded). Each trap form keeps its tag. The
sentences are new, not taken from any labelled set, and are tagged by the rules alone."""

from __future__ import annotations

import pytest
from negation_checks import assert_kept, assert_negated

# (tag, sentence that negates it)
NEGATED = [
    # the clause after ";" (or ", as") that explains an excluded need speaks of the same need
    ("b2b_portal", "Bidders need not offer a dealer portal; dealers order through one wholesaler."),
    ("b2b_portal", "A partner portal is not required, as partners will keep ordering by phone."),
    # "need not" before a verb that a pseudo cue holds ("not expose") still waives the need
    ("extensibility", "The platform need not expose an API at launch."),
    # a question answered "No" or "Not ..." in the same table row or right after it
    ("security_ops", "C7 | Is a yearly penetration test part of the contract? | No."),
    ("b2b_portal", "Q: Will dealers need a portal of their own? A: Not in this phase."),
    ("user_roles", "Q4 | Will suppliers and staff get separate views? | No, everyone sees the same pages."),
    # a list head that a cue excludes covers the list after its colon
    ("collaboration", "Excluded from this call-off: discussion forums, newsletters and print."),
    ("integration", "These are out of scope for phase one: an ERP integration and a mobile app."),
    # "without", "instead of", "in lieu of", "rather than" negate the noun phrase right after them
    ("access_control", "The pilot app will go live without single sign-on."),
    ("collaboration", "The microsite is to be built without discussion forums."),
    ("b2b_portal", "A printed catalogue will be posted each spring in lieu of an online dealer portal."),
    ("workflow", "Leave will be agreed by email instead of through an approval workflow."),
    # the buyer's reluctance, a separate lot or contract, "will not be evaluated / meet / be sufficient"
    ("integration", "The Trust would rather not connect the website to its CRM this year."),
    ("collaboration", "The Board would prefer not to run discussion forums on the site."),
    ("access_control", "Single sign-on is handled by a separate lot."),
    ("multi_site", "Translation into Welsh is done by our agency under its own contract."),
    ("compliance", "WCAG conformance will not be evaluated for the staff rota tool."),
    ("simple_site", "A brochure site will not meet the needs of our members."),
    ("b2b_portal", "The old dealer portal should not be rebuilt in this phase."),
    # "must not be a ..." rejects the thing it names
    ("turnkey", "The platform must not be a shrink-wrapped product."),
    # "no requirement for ... to", and "no / neither ..." before a verb that excludes, cover the clause
    ("platform_mandate", "There is no requirement for the intranet to be built on SharePoint."),
    ("integration", "Neither the ERP nor the CRM will be connected to the portal."),
    ("access_control", "No role-based permissions are needed beyond one editor role."),
    ("b2b_portal", "Instead of a portal for dealers, the company will print a catalogue."),
    # "not after", "ruled out", "get away from", audiences that will not get different views
    ("simple_site", "We are not after a few static pages for the club."),
    ("turnkey", "Off-the-shelf products were ruled out at the market engagement stage."),
    ("user_roles", "Members and guests will not get different views of the club site."),
    ("multi_site", "The site need not be translated into other languages."),
    ("turnkey", "An off-the-shelf product will not fit the way our inspectors work."),
    ("b2b_portal", "The board has decided against building a partner extranet."),
    # "not have to" before a feature waives it (before a burden it is a need: see the traps)
    ("account_services", "Visitors to the museum shall not have to register to buy a ticket."),
    # but a need stated as no requirement stays excluded, "currently" or not
    ("extensibility", "There is currently no requirement for a GraphQL API."),
    ("integration", "No integration with the ERP is needed at the moment."),
]

# (tag, sentence where a negative-looking word leaves the tag standing)
TRAPS = [
    ("integration", "Orders shall reach the ERP no later than five minutes after payment."),
    ("access_control", "The portal must not let one tenant see another tenant's invoices."),
    ("integration", "Prices shall flow from the PIM to the shop without manual re-keying."),
    # a clause after ";" with its own requirement states its own need
    ("b2b_portal", "Single sign-on is not required; the dealer portal must list each dealer's orders."),
    # a question answered "Yes", or "Not only ...", keeps its need
    ("security_ops", "C8 | Is a yearly penetration test part of the contract? | Yes."),
    ("b2b_portal", "Q: Is a dealer portal all you need? A: Not only that, dealers must also chat with us."),
    # a colon after a negation that explains with a need of its own is no list head
    ("extensibility", "A brochure site will not meet our needs: we need an API for our app."),
    # "without" before a burden, or inside a rule's own phrase, negates no need
    ("integration", "Invoices shall reach the ledger without anyone retyping them."),
    ("scale", "The shop shall take 2,000 orders an hour without slowing down."),
    # a double negation says "only": the need after "without" / "other than" stands
    ("workflow", "No refund above 500 euros shall be paid without a second approver."),
    ("platform_mandate", "The intranet must not be built on anything other than Drupal."),
    ("integration", "No integration is needed except a nightly export of orders to the ERP."),
    # "cannot" and "not yet" describe today's pain, a need
    ("extensibility", "Our team cannot add a field to a form without a change request to the vendor."),
    ("compliance", "The shop does not yet meet PCI DSS, and the new platform must close that gap."),
    # "not applicable" as the value of a labelled field speaks of its own table cell only
    ("access_control", "AC-07 | Must | Waiver: not applicable | The portal shall support SAML 2.0."),
    # a relative clause after an excluded thing states its own need
    ("integration", "Configuration alone will not meet Annex C, which calls for integration with the ERP."),
    # "nothing other than", a rejected bid and a relative "that does not" are double negations
    ("platform_mandate", "Nothing other than the Council's Drupal estate will host the new pages."),
    ("platform_mandate", "Tenders not built on Drupal 10 will be rejected."),
    ("access_control", "The gateway shall refuse every request that does not carry a valid OAuth token."),
    # "no", "none", "without" in a clause about today's situation describe the pain behind a need
    ("integration", "None of our nine systems talk to each other."),
    ("access_control", "No single sign-on exists today, so nurses juggle five passwords."),
    ("b2b_portal", "Ideally, no trade customer would need to call us to check an order."),
    # "just" / "only" after a comma end what a negation covers
    ("simple_site", "The choir needs no portal and no database, only a small website with concert dates."),
    # "non-" is a prefix, not "none"; "fall outside" a range of hours is a limit, not a scope
    ("compliance", "Non-compliance with WCAG 2.1 will be treated as a defect."),
    (
        "scale",
        "Planned maintenance shall not exceed two hours a month and shall fall outside 08:00 to 20:00.",
    ),
    ("integration", "Customers shall not have to re-enter their orders in the ERP."),
    # a verb of provision excludes its object, not its subject
    ("b2b_portal", "The partner extranet will not contain any discussion forums."),
    ("b2b_portal", "The dealer extranet need not offer single sign-on."),
    ("access_control", "Proposals that do not include single sign-on will be rejected."),
    ("access_control", "There is no single sign-on today, and staff want one."),
    # "no other student" keeps each user to their own records; "has no API" is today's pain
    ("access_control", "A tutor shall see the marks of their own students and of no other student."),
    ("extensibility", "Our developers copy data by hand because the old CMS has no API."),
    # a clause after ";" that puts its own thing in scope is no reason clause
    ("integration", "Integration with SAP is out of scope; integration with Salesforce is in scope."),
    ("b2b_portal", "A dealer portal is not required; a supplier portal is a priority."),
]


@pytest.mark.parametrize(("tag", "text"), NEGATED)
def test_a_negated_tag_is_not_counted(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


@pytest.mark.parametrize(("tag", "text"), TRAPS)
def test_a_negative_word_that_does_not_negate_keeps_the_tag(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)
