"""The ninth round of negation, from minutes, slide bullets, Q&A logs and non-native wording:

- cues of exclusion that had none: "is left out", "will not talk to", "will not do for us", "would be
  overkill", "would be wasted money", "does not have to be built on", "nobody will log in", and a "not"
  before "a condition" / "a prerequisite";
- the manual work a link spares ("stays current without retyping") is a need for the link, not a
  thing set aside;
- a question whether there are any answered "None;" is answered No;
- an audience a cue refuses as its object ("will not serve external users, but ...") is not kept as a
  second audience by the clause after; audiences given "the same" with a "not" before it or a
  complaint about it ask for different views;
- a clause that says something is "already" done before ", so no ..." speaks of the tags excluded
  after it; a clause after ";" saying a lesser thing "would do" / "is enough" speaks of the need
  excluded before it;
- users who "will not order through the new site", a bullet "Not another static site", and what a
  thing is "far more than" are set aside;
- a label answered "none planned", an answer "No, only the two web editors will sign in" (so few that
  the need is none), an answer that says the thing comes "under a separate RFP", and a kind of product
  that "will not be retained" for what it fails at answer or refuse the need;
- needs that an exclusion beside them took away: a clause after "but" / ";" that asks for a span by
  name ("shall require registration and sign-in") keeps it though its context words stood in the
  excluded clause, a "no" ends at "and guarantees" / "and supports", and a question whether someone
  "should see" another's data answered "No" forbids (a rule of access);
- a rule's own phrase that opens with its "never" ("who can never be the one who raised them") forbids,
  a thing that "suits neither" audience is today's pain, and "without taking the service offline"
  asks for the service to stay up; a thing "nice to have but not essential" is a wish, not an exclusion;
- what a refused thing "cannot" do in a relative clause ("a boxed product that cannot be adapted to our
  licensing rules") is a need, not the word the "not" stands before;
- a "not a ..." ends at a dash set apart by spaces, which on a slide says what the thing is instead
  ("Not a brochure site - a partner portal for 400 resellers");
- audiences the site must "tell apart" / "distinguish" are different audiences, though "the same" area
  is named ("Apart from the board, ..." names an exception, no difference).

The sentences are invented for this file and tagged by the rules alone."""

from __future__ import annotations

import pytest
from negation_checks import assert_kept, assert_negated

# (tag, sentence whose new cue excludes it)
NEW_CUES = [
    ("compliance", "Penetration testing of the archive pages is left out, since they hold no personal data."),
    ("multi_site", "The Welsh and French language versions are left out of this first release."),
    ("integration", "The events site will not talk to the finance system or the membership database."),
    ("integration", "The kiosk app won't talk to Salesforce."),
    ("turnkey", "A boxed product used as it comes will not do for us."),
    ("security_ops", "Round-the-clock security monitoring would be overkill for a site of twelve pages."),
    ("scale", "Load balancing would be wasted money for 200 visitors a day."),
    ("platform_mandate", "The board said the extranet does not have to be built on Drupal."),
    ("platform_mandate", "The new site does not have to be hosted on Azure or built on Umbraco."),
    ("account_services", "Nobody will log in to the events site except the two staff who update it."),
    ("account_services", "No one signs in on the visitor pages, so no accounts are kept."),
    ("compliance", "Cyber Essentials Plus is not a condition of award for this lot."),
    ("compliance", "SOC 2 certification is not a prerequisite for bidders."),
]

# (tag, sentence that looks like one of them and must keep its need)
NEW_CUES_KEPT = [
    (
        "account_services",
        "Nobody should wait a day to sign in: members must be able to reset their passwords.",
    ),
    ("integration", "Staff will still talk to the helpdesk, but the portal must integrate with ServiceNow."),
    ("compliance", "Blind visitors feel left out, so the site must meet WCAG 2.2 AA."),
    (
        "user_roles",
        "No group may be left out: tenants, leaseholders and contractors each need their own pages.",
    ),
    ("platform_mandate", "The intranet has to be built on SharePoint Online."),
    # the platform is not mandated; the portal built on it is still wanted
    ("b2b_portal", "The partner portal does not have to be based on Sitecore, although marketing uses it."),
    ("compliance", "ISO 27001 certification is a condition of award."),
    ("scale", "The portal must serve 40,000 users at peak without slowing down."),
]

# (tag, sentence where the manual work a link spares asks for the link)
WITHOUT_RETYPING = [
    ("integration", "Invoices may be pulled from the ERP so that prices stay right without retyping."),
    ("integration", "Orders should reach SAP without re-keying by the sales desk."),
]

# (tag, sentence where "without" still sets its thing aside)
WITHOUT_STILL = [
    ("integration", "The portal will launch without any integration with the ERP."),
    ("access_control", "Phase one goes live without single sign-on."),
]

# (tag, question answered "None;" or "None,")
NONE_ANSWERS = [
    (
        "user_roles",
        "Q12: Are there different user groups? A: None; every visitor is a ratepayer of the shire.",
    ),
    ("multi_site", "Q3: Will there be several country sites? Answer: None, one site serves all markets."),
]

# (tag, question answered "None" of something else, or not answered at all)
NONE_NOT_ANSWERS = [
    ("user_roles", "Q5: Which user groups need their own pages? A: Staff and students need separate pages."),
    (
        "user_roles",
        "None of our user groups can find anything today; staff and students must see different menus.",
    ),
]


@pytest.mark.parametrize(("tag", "text"), NEW_CUES + WITHOUT_STILL + NONE_ANSWERS)
def test_a_form_of_exclusion_negates_its_tag(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


@pytest.mark.parametrize(("tag", "text"), NEW_CUES_KEPT + WITHOUT_RETYPING + NONE_NOT_ANSWERS)
def test_a_need_that_only_looks_excluded_is_kept(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


# (tag, sentence of the second batch that excludes it)
SECOND = [
    (
        "user_roles",
        "The intranet will not serve contractors, but it must cope with 5,000 staff at nine o'clock.",
    ),
    (
        "user_roles",
        "The portal will not serve the press, but it must cope with 12,000 members logging in after the AGM.",
    ),
    (
        "collaboration",
        "Teams already handle file sharing, so no document libraries are needed on the extranet.",
    ),
    ("collaboration", "Our staff already chat in Slack, so no discussion forums are wanted."),
    ("scale", "We would rather not pay for load balancing; one server with a nightly backup would do."),
    ("scale", "Auto-scaling is not required; a single server with backups is enough."),
    ("b2b_portal", "Distributors will not order through the new portal; they keep their EDI link."),
    ("b2b_portal", "Wholesale customers won't order through the trade portal."),
    ("simple_site", "Not another brochure website"),
    ("simple_site", "- Not a static information site"),
    (
        "simple_site",
        "What we need is far more than a brochure site: 9,000 tenants will pay rent and report repairs.",
    ),
    ("simple_site", "The new service is much more than a simple website."),
]

# (tag, sentence of the second batch that must keep it)
SECOND_KEPT = [
    # two audiences, one asked: the excluded one is no object of the cue
    ("user_roles", "Single sign-on is not needed for the public, but agency staff must sign in."),
    # the "not" comes long before "the same"; a complaint about the sameness is a pain
    ("user_roles", "Alumni should not be shown the same menu as prospective students."),
    ("user_roles", "Staff should not see the same landing page as alumni."),
    (
        "user_roles",
        "Donors are sent the same mailing as alumni, and both complain that it is not meant for them.",
    ),
    # "already" of another tag: the link to Azure AD is still wanted
    ("integration", "Staff already sign in through Azure AD, so the portal shall integrate with it."),
    ("access_control", "Staff already use single sign-on with Azure AD, so no separate login is needed."),
    # a lesser thing of another tag, and a clause that asks with "must"
    ("account_services", "Single sign-on is not needed; a simple password login will do."),
    (
        "scale",
        "Clustering is not required; the site must still handle 3,000 concurrent users, which is enough.",
    ),
    # a rule, and the old way left for the site
    ("b2b_portal", "Dealers will order through the dealer portal from January."),
    (
        "b2b_portal",
        "Trade customers will not order through the call centre any more but through the trade portal.",
    ),
    # a count, and what comes after the dash
    ("scale", "The portal must serve more than a million users a month."),
    ("b2b_portal", "Not a brochure site, but a partner portal for 400 resellers."),
]


@pytest.mark.parametrize(("tag", "text"), SECOND)
def test_second_forms_negate_their_tag(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


@pytest.mark.parametrize(("tag", "text"), SECOND_KEPT)
def test_second_forms_keep_a_need(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


# (tag, sentence of the third batch that excludes it)
THIRD = [
    ("extensibility", "Bespoke development: none planned"),
    ("integration", "Integration with the ERP: none required"),
    (
        "access_control",
        "Q2: Is multi-factor authentication needed for the portal? Answer: No, only three officers will log in, from the office network.",
    ),
    (
        "access_control",
        "Q9: Is single sign-on required? A: No, only a handful of editors will sign in to the CMS.",
    ),
    (
        "out_of_scope",
        "Q16: Does the contractor supply laptops? Reply: No, the hardware will be provided by the university under a separate RFQ.",
    ),
    ("turnkey", "An off-the-shelf product that cannot be configured for our tariffs will not be selected."),
    ("turnkey", "A standard package that does not fit our grant rules will not be retained."),
]

# (tag, sentence of the third batch that must keep it)
THIRD_KEPT = [
    # the answer asks for another audience, or asks again after "but"
    ("access_control", "Q4: Is single sign-on required for all users? A: No, only for agency staff."),
    (
        "access_control",
        "Q5: Is single sign-on needed for contractors? A: No, only two contractors will ever log in, but staff must use SSO.",
    ),
    (
        "b2b_portal",
        "Q6: Do the laptops come from the supplier? A: No, but a separate partner portal is required.",
    ),
    # a rule of retention, and what the refused product fails at
    ("compliance", "Personal data will not be retained for longer than six years, in line with the GDPR."),
    ("scale", "A portal that cannot handle 20,000 users will not be retained."),
]


@pytest.mark.parametrize(("tag", "text"), THIRD)
def test_third_forms_negate_their_tag(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


@pytest.mark.parametrize(("tag", "text"), THIRD_KEPT)
def test_third_forms_keep_a_need(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


# (tag, sentence of the fourth batch whose need an exclusion beside it must not take away)
FOURTH_KEPT = [
    (
        "account_services",
        "Visitors will not register for the events calendar, but the booking service shall require registration and sign-in.",
    ),
    (
        "account_services",
        "Members will not create accounts for the newsletter; the shop shall require registration and sign-in.",
    ),
    ("scale", "A hosted service that needs no custom code and guarantees 99.95 % availability is preferred."),
    (
        "scale",
        "A subscription product that has no bespoke development and supports 5,000 concurrent users is preferred.",
    ),
    (
        "access_control",
        "Q6: Should tenants see each other's repair requests? A: No; each tenant sees only their own.",
    ),
]

# (tag, sentence of the fourth batch that still excludes it)
FOURTH_STILL = [
    ("user_roles", "Partner logins are not needed for suppliers; the portal is for staff only."),
    (
        "b2b_portal",
        "A PDF price list will be offered to trade customers in lieu of an online ordering portal.",
    ),
    ("access_control", "Q4: Is access control by role required? A: No."),
    (
        "extensibility",
        "A hosted service that needs no custom code and guarantees 99.95 % availability is preferred.",
    ),
    # the "protected" of security stands only beside the encryption excluded
    (
        "security_ops",
        "Encryption at rest is not needed for the news pages, but the member area must be protected by MFA.",
    ),
]


@pytest.mark.parametrize(("tag", "text"), FOURTH_KEPT)
def test_a_need_beside_an_exclusion_is_kept(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


@pytest.mark.parametrize(("tag", "text"), FOURTH_STILL)
def test_the_exclusion_beside_it_still_excludes(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


# (tag, sentence of the fifth batch that must keep it)
FIFTH_KEPT = [
    (
        "access_control",
        "Refund requests over £200 must be approved by a manager, who can never be the one who raised them.",
    ),
    (
        "access_control",
        "Credit notes must be signed off by a second officer, who can never be the one who raised them.",
    ),
    ("user_roles", "Buyers and sellers are sent to the same start page, and it suits neither."),
    ("scale", "Database upgrades must run without taking the service offline at night."),
    ("collaboration", "A members' discussion forum is nice to have but not essential."),
    ("multi_site", "Multi-language support is desirable but not mandatory."),
]

# (tag, sentence of the fifth batch that still excludes it)
FIFTH_STILL = [
    ("access_control", "The portal will launch without single sign-on."),
    ("user_roles", "Tenants and landlords will see the same site."),
    ("b2b_portal", "A partner portal is desirable but not in scope for this lot."),
    ("collaboration", "A discussion forum is not essential."),
]


@pytest.mark.parametrize(("tag", "text"), FIFTH_KEPT)
def test_fifth_forms_keep_a_need(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


@pytest.mark.parametrize(("tag", "text"), FIFTH_STILL)
def test_fifth_forms_leave_an_exclusion(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


# (tag, what a refused thing fails at, a need)
FAILS_AT = [
    (
        "extensibility",
        "The board will not buy a boxed product that cannot be adapted to our licensing rules.",
    ),
    ("extensibility", "We will not license a package that cannot be adapted to our grant rules."),
]

# (tag, a "cannot" with no thing refused: the word after it stays as it was)
CANNOT_STILL = [
    ("account_services", "Visitors cannot create accounts; the site is read-only."),
    ("access_control", "Our staff cannot see each other's case notes, so work is done twice."),
]


@pytest.mark.parametrize(("tag", "text"), FAILS_AT)
def test_what_a_refused_thing_fails_at_is_a_need(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


@pytest.mark.parametrize(("tag", "text"), CANNOT_STILL)
def test_a_cannot_of_no_refused_thing_is_unchanged(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


# (tag, what a slide says the thing is after " - ")
AFTER_DASH = [
    ("b2b_portal", "Not a brochure site - a partner portal for 400 resellers."),
    ("b2b_portal", "This is not a brochure site – it is a partner portal for 400 resellers."),
]

# (tag, what the "not a" itself sets aside, before the dash or in a word with hyphens)
BEFORE_DASH = [
    ("simple_site", "Not a brochure site - a partner portal for 400 resellers."),
    ("turnkey", "Not an off-the-shelf product."),
]


@pytest.mark.parametrize(("tag", "text"), AFTER_DASH)
def test_what_follows_a_spaced_dash_is_kept(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


@pytest.mark.parametrize(("tag", "text"), BEFORE_DASH)
def test_the_not_before_the_dash_still_excludes(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


# (tag, audiences to be told apart in "the same" place)
TOLD_APART = [
    (
        "user_roles",
        "The intranet shall distinguish what agency staff and contractors see in the same workspace.",
    ),
]

# (tag, audiences alike with an exception named)
ALIKE_STILL = [
    ("user_roles", "Apart from the board, members and staff will see the same pages."),
    ("user_roles", "Tenants and landlords will see the same site."),
]


@pytest.mark.parametrize(("tag", "text"), TOLD_APART)
def test_audiences_told_apart_are_kept(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


@pytest.mark.parametrize(("tag", "text"), ALIKE_STILL)
def test_audiences_alike_with_an_exception_are_still_alike(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)
