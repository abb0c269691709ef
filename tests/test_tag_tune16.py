"""The tune16 round of rule tuning: the registers the rules had not met (minutes, slide bullets, Q&A logs,
vision lines, non-native wording) and the tags said there without their textbook words.

Each rule this round added to taxonomy.yaml is checked on two sentences of its own, where the tag must be
found, and on a sentence close in wording where it must stay quiet. The sentences are new, not taken from
any labelled set, and are tagged by the rules alone (no trained classifier)."""

from __future__ import annotations

import pytest

from triage.tag import tag_text

# (tag, sentence that must carry it)
FOUND = [
    # platform_mandate.built_on: a platform named right after the verb that builds on it
    ("platform_mandate", "Build on WordPress (the trust's web standard)"),
    ("platform_mandate", "Every school website must move onto the county's shared Drupal platform by 2027."),
    # platform_mandate.named: the words of non-native writers and slides
    (
        "platform_mandate",
        "The extranet has to be realised on SharePoint Online, in coherence with the group tenant.",
    ),
    ("platform_mandate", "Power Pages is the ministry's chosen platform for every citizen form."),
    # collaboration.know_how: know-how that leaves or never travels, colleagues asking each other
    (
        "collaboration",
        "When our senior buyer retires, thirty years of knowing which growers to trust goes with him.",
    ),
    (
        "collaboration",
        "New nurses spend weeks ringing round colleagues to learn how things are really done on the ward.",
    ),
    (
        "collaboration",
        "Engineers should be able to post a question at night and get an answer from another depot.",
    ),
    # security_ops.plain_more: threats and defences in plain words
    ("security_ops", "A phishing e-mail last winter gave strangers the passwords of four clerks."),
    ("security_ops", "Backups must sit where ransomware on the office network cannot reach them."),
    ("security_ops", "Every look at a child's record must be recorded for the safeguarding lead."),
    # workflow.ticketing: a ticketing tool for requests and incidents, matched as written
    ("workflow", "Repair requests shall be logged in the ticketing system and routed to the right trade."),
    ("workflow", "The ticketing tool must keep every incident open until the caller confirms the fix."),
    # integration.exchange: the same data keyed again, or kept apart, in the buyer's words
    ("integration", "Each booking is typed a second time into the finance package by the office manager."),
    ("integration", "A donor's new address should change in every system we run, not just one."),
    (
        "integration",
        "The portal should publish events when a claim changes so that the insurer's systems can pick them up.",
    ),
    # extensibility.own_build: the buyer's own people adding to the platform, or stuck without it
    ("extensibility", "The library wants to add its own reading-challenge widgets to the portal later."),
    ("extensibility", "We asked the vendor for a new field two years ago and we are still waiting for it."),
    # workflow.plain_route: an item moving, or stuck, between people
    ("workflow", "A grant claim travels by e-mail between three offices before anyone decides."),
    ("workflow", "Licence applications sit in a tray until an officer has time to look at them."),
    # workflow.chain: a process drawn with arrows
    ("workflow", "Permits: application → officer review → decision"),
    ("workflow", "Claims: submitted → assessed → payment"),
    # multi_site.languages: more languages, "alongside"
    ("multi_site", "The portal should offer Gaelic alongside English from the first day."),
    ("multi_site", "Pages must be available in Tamil and Sinhala."),
    # simple_site.pages: a few pages said another way
    ("simple_site", "The florist wants a website of five pages and a contact form."),
    ("simple_site", "Three or four pages would be plenty for the parish."),
    # compliance.plain_more: accessibility, residency, consent and portability in plain words
    ("compliance", "Several of our members are blind, so every page must work with a screen reader."),
    ("compliance", "Pupil data must stay on servers in Australia."),
    ("compliance", "Every cookie must be held back until the visitor accepts the banner."),
]

# (tag, sentence close in wording where it must stay quiet)
QUIET = [
    # a platform replaced or merely allowed; "anything but" is the negation's to read
    ("platform_mandate", "The current site was built on WordPress in 2015 and will be replaced."),
    ("platform_mandate", "Bidders may propose a site built on Drupal if they wish."),
    # data that reaches a store, customers one knows: not know-how among colleagues
    ("collaboration", "I want to know which of my customers' licences expire next month."),
    ("collaboration", "The ERP data should be copied from each other's systems every night."),
    # phishing-resistant sign-in is access control; metadata harvested from other catalogues
    ("security_ops", "Administrators shall sign in with phishing-resistant MFA keys."),
    ("security_ops", "The catalogue harvests dataset records from 40 agency portals."),
    # the inflected forms of workflow's phrases in other senses: tickets for a concert, a closing courtesy,
    # answers kept within page limits, documents in electronic form
    ("workflow", "The choir's site needs a page with the concert dates and a link to buy tickets."),
    ("workflow", "We look forward to receiving your proposals by Friday."),
    ("workflow", "Respondents shall keep their answers within the page limits of each section."),
    ("workflow", "Manuals shall be handed over in editable electronic form."),
    # radios and a news feed are not a connection to another system
    ("integration", "The contractor shall supply two-way radios for the stewards."),
    ("integration", "The intranet home page shall show a news feed for each country."),
    # an add-on service one buys, an employer adding its staff to a scheme, a payment still awaited
    ("extensibility", "Virus scanning of uploads may be offered as an add-on service."),
    ("extensibility", "The supplier is still waiting for the Council to pay its last invoice."),
    # a hierarchy drawn with arrows, a tray of sandwiches, two languages of the bid, pages of a proposal, blinds
    ("workflow", "Dealer structure: group → branch → workshop"),
    ("workflow", "A tray of sandwiches will sit in the meeting room until the evaluators have time."),
    ("multi_site", "Proposals shall be written in French alongside English."),
    ("simple_site", "The method statement shall be a document of five pages at most."),
    ("compliance", "The contractor shall replace the window blinds in the meeting rooms."),
]


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(("tag", "text"), FOUND, ids=[f"{t}-{i}" for i, (t, _) in enumerate(FOUND)])
def test_new_wording_carries_the_tag(tag: str, text: str) -> None:
    assert tag in tag_text(text)["tags"], text


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(("tag", "text"), QUIET, ids=[f"{t}-{i}" for i, (t, _) in enumerate(QUIET)])
def test_close_wording_stays_quiet(tag: str, text: str) -> None:
    assert tag not in tag_text(text)["tags"], text
