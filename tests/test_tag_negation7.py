"""The seventh round of negation: forms of exclusion that carry no cue of the taxonomy's, each with the
case from a tuning set, paraphrases of our own and the traps that must keep their tag.

- A scope cut to one ("Only one brand is in scope", "covers only the Irish business customers")
  speaks against several sites, brands or audiences.
- Products tried or evaluated and found wanting ("were tried and could not handle ...") are not
  what the buyer is after.
- A "not" that the next clause restricts ("shall not route submissions for approval; each
  submission is simply emailed") excludes what it names.
- The audience of a thing refused for another ("offered to trade customers in lieu of an online
  ordering portal") goes with it.
- A platform named in a "platform-agnostic" procurement; "nothing ... needs to"; a simple site that
  is today's and the problem ("The Agency's current static brochure site is the problem ...").

The sentences are invented for this file (the first of each group is the tuning set's own form) and
tagged by the rules alone."""

from __future__ import annotations

import pytest
from negation_checks import assert_kept, assert_negated

# (tag, sentence that must not count it)
NEGATED = [
    # a scope cut to one
    ("multi_site", "Only one brand is in scope, and the subsidiaries keep their own websites."),
    ("multi_site", "Just one of our four brands is in scope; the other brands keep their own websites."),
    ("multi_site", "We operate in five countries, but phase one covers only the UK market."),
    (
        "user_roles",
        "Only our own staff will use the intranet; customers and partners have their own channels.",
    ),
    (
        "user_roles",
        "There is only one user group, our own employees; customers, partners and suppliers keep their"
        " current channels.",
    ),
    # tried and found wanting
    ("turnkey", "Ready-made tools were tried in 2022 and could not handle our pricing rules."),
    (
        "turnkey",
        "Off-the-shelf SaaS products were evaluated last year and found unable to support our grant schemes.",
    ),
    (
        "turnkey",
        "We piloted an off-the-shelf SaaS product in 2021, and it failed to cope with our approval chains.",
    ),
    ("turnkey", "Two ready-made products were trialled, and neither could handle our tariffs."),
    # a "not" the next clause restricts
    (
        "workflow",
        "The form shall not route submissions for approval; each submission is simply emailed to the program inbox.",
    ),
    (
        "workflow",
        "The portal will not process grant applications itself; it shall only pass each form to the grants system.",
    ),
    ("workflow", "Claims are not assessed or approved online; the site only publishes the claim forms."),
    # the audience of a thing refused for another
    (
        "b2b_portal",
        "A catalogue PDF will be offered to trade customers in lieu of an online ordering portal.",
    ),
    ("b2b_portal", "Dealers will keep ordering by phone rather than through a dealer portal."),
    ("b2b_portal", "Dealers will receive a monthly price list by post rather than a dealer portal."),
    # a platform-agnostic procurement
    (
        "platform_mandate",
        "Although the agency's intranet runs on SharePoint, this procurement is platform-agnostic.",
    ),
    (
        "platform_mandate",
        "Our website is built on Drupal today, but the Council is vendor-neutral about its replacement.",
    ),
    ("platform_mandate", "Although our website runs on Sitecore, this procurement is vendor-neutral."),
    # nothing needs to
    (
        "scale",
        "Traffic is modest, a few hundred visits a week, and nothing about it needs to be built for peaks.",
    ),
    ("scale", "The site gets 200 visits a day; nothing has to be load-tested or clustered."),
    ("scale", "Nothing in this tender needs to scale beyond a few hundred users."),
    # today's simple site, the problem
    (
        "simple_site",
        "The Agency's current static brochure site is the problem this procurement addresses, not the model for"
        " its successor.",
    ),
    (
        "simple_site",
        "Our existing five-page brochure site is the reason for this project: it cannot take applications.",
    ),
    ("simple_site", "The replacement for our old brochure website must handle 40,000 logged-in members."),
]

# (tag, sentence that must still count it)
KEPT = [
    # a need of its own beside the scope cut; two audiences; an "only" that restricts who may do what
    ("multi_site", "The portal shall support 12 country sites; only one brand is in scope for the pilot."),
    ("multi_site", "Just one login shall give access to all 12 country sites."),
    (
        "user_roles",
        "Only staff and partners will use the portal, each with their own dashboards and permissions.",
    ),
    ("user_roles", "Only editors shall publish pages for customers, partners and employees."),
    # a product asked for beside a failed build; an evaluation that found one fit
    ("turnkey", "An off-the-shelf SaaS product shall be used; the custom build we tried in 2019 failed."),
    ("turnkey", "We evaluated several portals and found that a ready-made SaaS product meets our needs."),
    # a prohibition whose next clause asks for the same tag, of a way, or of a security need
    ("workflow", "Staff shall not approve their own requests; only a manager may approve them."),
    (
        "integration",
        "Customer data must never be extracted from the CRM by screen scraping; only the vendor's APIs may be used.",
    ),
    (
        "compliance",
        "The portal shall not store card numbers; it shall only pass them to the PCI DSS compliant payment provider.",
    ),
    # a thing kept beside the one refused; a preference that asks for it
    ("b2b_portal", "Suppliers must use the new supplier portal instead of the old supplier extranet."),
    (
        "b2b_portal",
        "Trade customers must see their negotiated contract prices rather than list prices when they order online.",
    ),
    (
        "platform_mandate",
        "The portal must run on SharePoint Online; the search service may be platform-agnostic.",
    ),
    ("scale", "Nothing must be lost when 5,000 users submit their returns at once."),
    # a current simple site that is what is wanted; a simple site that replaces today's
    ("simple_site", "The tennis club may keep its current brochure site for news and opening hours."),
    ("simple_site", "We want to replace our complex current portal with a simple brochure site."),
    ("simple_site", "Our current website is a brochure site of 12 pages, and that is all we need again."),
]


@pytest.mark.parametrize(("tag", "text"), NEGATED)
def test_a_form_of_exclusion_without_a_cue_negates(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


@pytest.mark.parametrize(("tag", "text"), KEPT)
def test_the_traps_keep_their_tag(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


@pytest.mark.parametrize(
    "text",
    [
        "Only",
        "Only one",
        "only one brand",
        "Ready-made tools were tried",
        "tried and could not",
        "The form shall not",
        "The form shall not route; ",
        "in lieu of",
        "rather than",
        "platform-agnostic",
        "nothing needs to",
        "nothing",
        "current brochure site",
    ],
)
def test_a_cut_short_text_does_not_fail(rules_only: None, text: str) -> None:
    from triage.tag import tag_text

    assert "tags" in tag_text(text)
