"""The ninth round of negation, from minutes, slide bullets, Q&A logs and non-native wording:

- cues of exclusion that had none: "is left out", "will not talk to", "will not do for us", "would be
  overkill", "would be wasted money", "does not have to be built on", "nobody will log in", and a "not"
  before "a condition" / "a prerequisite";
- the manual work a link spares ("stays current without retyping") is a need for the link, not a
  thing set aside;
- a question whether there are any answered "None;" is answered No.

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
