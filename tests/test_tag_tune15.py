"""The tune15 round of rule tuning: the tags recall misses (turnkey, out_of_scope, b2b_portal, user_roles,
access_control, scale) and account_services, said in the words of writers the rules had not met.

Each rule this round added to taxonomy.yaml is checked on two sentences of its own, where the tag must be
found, and on a sentence close in wording where it must stay quiet. The sentences are new, not taken from
any labelled set, and are tagged by the rules alone (no trained classifier)."""

from __future__ import annotations

import pytest

from triage.tag import tag_text

# (tag, sentence that must carry it)
FOUND = [
    # turnkey.product_not_build: a product bought and used, not a system built
    ("turnkey", "The museum would rather subscribe to a packaged product than pay for a build."),
    ("turnkey", "A hosted subscription, patched and upgraded by the vendor, is what the trust is after."),
    ("turnkey", "We want to pay a monthly fee and be done: no set-up project, no developers."),
    # turnkey.day_one: works as soon as it is bought
    ("turnkey", "The booking tool must be usable from day one by the two receptionists."),
    ("turnkey", "The app should be working on day one, as the apps on our phones are."),
    # out_of_scope.people_only: the procurement buys people who work under the buyer's lead
    ("out_of_scope", "We need four Java developers on site for a year, working to our own delivery manager."),
    ("out_of_scope", "This lot is only for manpower: 30 data entry operators for the census office."),
    # out_of_scope.print_and_post: printing and posting, works and repairs described by their verbs
    ("out_of_scope", "The contractor shall print, fold and post 40,000 parking permits each spring."),
    ("out_of_scope", "Lot 4 covers dredging of the marina and the repair of the slipway."),
    # out_of_scope.bought_goods: more goods a tender buys
    ("out_of_scope", "The supplier shall deliver 60 interactive whiteboards to the primary schools."),
    ("out_of_scope", "The Trust is buying two-way radios for its porters and security team."),
]

# (tag, sentence close in wording where it must stay quiet)
QUIET = [
    # a day-one rollout of something built, and a product to extend: not a product bought as it is
    ("turnkey", "Staff will receive a welcome page of useful links on day one of the rollout."),
    ("turnkey", "A systems integrator shall connect the new ERP to the warehouse scanners."),
    # a house style for printing pages of the portal, people named as users of the portal
    (
        "out_of_scope",
        "The portal shall offer a print style sheet so that tenants can print, fold and post their forms.",
    ),
    (
        "out_of_scope",
        "Call-centre agents fluent in Welsh shall see the caller's case on one screen of the portal.",
    ),
    # whiteboards in a collaboration tool, not bought as goods
    ("out_of_scope", "The intranet shall offer whiteboards where project teams sketch ideas online."),
]


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(("tag", "text"), FOUND, ids=[f"{t}-{i}" for i, (t, _) in enumerate(FOUND)])
def test_new_wording_carries_the_tag(tag: str, text: str) -> None:
    assert tag in tag_text(text)["tags"], text


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(("tag", "text"), QUIET, ids=[f"{t}-{i}" for i, (t, _) in enumerate(QUIET)])
def test_close_wording_stays_quiet(tag: str, text: str) -> None:
    assert tag not in tag_text(text)["tags"], text
