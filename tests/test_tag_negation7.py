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
- "No system other than X will connect"; a clause saying who already does a thing before "the vendor
  need not supply ..."; a clause denied by "; it will not."; "the dealer portal itself is not built"
  of one put off to a later phase; a "not" whose object others keep (", which the sales desk keeps");
  "will not be shown online"; no login of the site's own ("...: staff are signed in from Windows");
  a relative clause of an excluded audience (", who will use email-and-password accounts"); an
  answer "No; ... will handle it separately"; a thing refused for lacking something asks for it
  ("COTS software without room for customisation falls outside what we are looking for"); an answer
  that ends in a conditional no ("A: Only if it can be extended ...; as it comes, no.").

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
    (
        "simple_site",
        "Our current site is a static brochure that cannot take applications; we now need customers and staff"
        " to track claims online.",
    ),
    ("simple_site", "Our existing brochure site cannot take payments, and members now need to renew online."),
]

NEGATED_2 = [
    ("integration", "No system other than the identity provider will connect to the portal."),
    ("integration", "No application apart from the identity provider will be connected to the intranet."),
    ("integration", "Nothing except the single sign-on service will connect to the site."),
    (
        "security_ops",
        "The City's managed security provider monitors all City systems; the vendor need not supply a SOC.",
    ),
    (
        "security_ops",
        "Our hosting partner already runs a 24/7 security operations centre; bidders need not propose one.",
    ),
    (
        "compliance",
        "Offerors should not assume that the system will hold any protected health information; it will not.",
    ),
    ("multi_site", "Bidders may assume the site will need translation into Welsh; it will not."),
    (
        "b2b_portal",
        "The platform shall be able to host a dealer portal in a later phase without re-platforming, although"
        " the dealer portal itself is not built under this contract.",
    ),
    (
        "b2b_portal",
        "The CMS must be able to add a partner portal in a future phase, but the partner portal itself is not"
        " part of this tender.",
    ),
    (
        "account_services",
        "The wholesale portal shall take 3,000 orders a day, though trade users will not manage their own login"
        " details, which the sales desk keeps.",
    ),
    ("account_services", "Members will not reset their own passwords, which the service desk handles."),
    ("b2b_portal", "Dealer prices will not be shown online."),
    ("b2b_portal", "Trade prices will not be published on the website."),
    (
        "account_services",
        "The intranet should not need a separate login: staff must be signed in automatically from their"
        " Windows session.",
    ),
    (
        "account_services",
        "The extranet will not issue passwords of its own: brokers sign in with the credentials of the market"
        " identity service.",
    ),
    (
        "access_control",
        "Single sign-on is not sought for the public, who will use email-and-password accounts.",
    ),
    (
        "access_control",
        "Single sign-on is not required for volunteers, who will sign in with a username and password.",
    ),
    (
        "multi_site",
        "Question 9: Is Spanish-language content within scope? Answer: No; the Department's translation office"
        " will handle Spanish pages separately.",
    ),
    (
        "multi_site",
        "Q: Are Spanish-language pages in scope? A: No; the agency's translation team will look after Spanish"
        " pages separately.",
    ),
    (
        "multi_site",
        "Question 2: Is multilingual content required? Answer: No; the Council's translation service will"
        " provide Welsh versions separately.",
    ),
]

# an answer that ends in a conditional "no": the thing asked about is refused
NEGATED_2 += [
    (
        "turnkey",
        "Q: Is a packaged SaaS product acceptable? A: Only if it can be extended with custom modules; as it"
        " comes, no.",
    ),
    (
        "turnkey",
        "Q7: Would an off-the-shelf product be acceptable? A: Only with room for custom workflows; out of the"
        " box, no.",
    ),
    (
        "turnkey",
        "Question 3: Is a ready-made SaaS tool acceptable? Answer: If it offers an API for our own extensions,"
        " yes; otherwise, no.",
    ),
]

KEPT_2 = [
    # the condition of a conditional "no" is asked for; a plain yes keeps the thing
    (
        "extensibility",
        "Q: Is a packaged SaaS product acceptable? A: Only if it can be extended with custom modules; as it"
        " comes, no.",
    ),
    ("turnkey", "Q: Is a packaged SaaS product acceptable? A: Yes, as it comes; no customisation is wanted."),
    # the exception names the tag; a rule of access; what the verb is for
    (
        "integration",
        "No system other than SAP will connect to the portal; the SAP integration shall be real-time.",
    ),
    ("access_control", "No one other than HR staff shall see salary data."),
    ("multi_site", "No CMS other than the Group's AEM estate shall be used for the new brand sites."),
    (
        "scale",
        "The portal will stand alone with no ERP link, but it must serve 30,000 visitors on the busiest day.",
    ),
    ("security_ops", "All systems must be monitored around the clock; the vendor need not supply a SOC."),
    ("compliance", "The system will hold protected health information; it will be audited yearly."),
    (
        "b2b_portal",
        "The platform shall host a dealer portal at launch, although the dealer portal itself is not required"
        " to support Welsh.",
    ),
    (
        "access_control",
        "Editors shall not be able to change their own roles, which the administrator manages.",
    ),
    ("b2b_portal", "Dealer prices will not be shown to the public online."),
    ("b2b_portal", "Our dealer price list cannot be published online, which is why dealers phone us."),
    (
        "account_services",
        "The portal shall not need a separate login for staff; customers must be able to reset their own passwords.",
    ),
    (
        "access_control",
        "Single sign-on is not required for the public, who must instead sign in with multi-factor authentication.",
    ),
    (
        "multi_site",
        "Question 4: Are Welsh-language pages within scope? Answer: No; however the portal must offer every page"
        " in French and German.",
    ),
    (
        "extensibility",
        "COTS software without room for customisation falls outside what the Agency is looking for.",
    ),
    ("extensibility", "An off-the-shelf product without room for customisation is not acceptable."),
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
    ("simple_site", "Our current brochure site works well; we cannot see a reason to change it."),
]

# needs that a probe of the forms above found read as excluded (each with a paraphrase)
KEPT_3 = [
    # "nothing needs to" spares what its own clause names, not a requirement after a comma or "and"
    ("integration", "Nothing needs to be installed, and the portal must integrate with SAP."),
    ("integration", "Nothing has to be installed on PCs and the portal shall integrate with Workday."),
    ("workflow", "Nothing has to be printed, since every approval workflow shall run in the portal."),
    ("workflow", "Nothing needs to be signed on paper, because approval workflows shall run online."),
    # "nothing needs to change" keeps what stays as it is
    (
        "integration",
        "Nothing in the current setup needs to change for the SAP integration, which the portal must"
        " use in real time.",
    ),
    (
        "integration",
        "Nothing about the portal needs to change to keep the SAP integration, which must stay real time.",
    ),
    # a product tried and failed whose name the clause after asks for again
    (
        "turnkey",
        "We tried an off-the-shelf SaaS product in 2021 and it could not cope; the replacement must still"
        " be SaaS, configured by our own team.",
    ),
    (
        "turnkey",
        "An off-the-shelf SaaS intranet was piloted last year and was unable to scale; the successor"
        " shall again be SaaS.",
    ),
    # a "not" of where a thing is done, restricted after: the sites stay
    (
        "multi_site",
        "Content is not duplicated across the 12 country sites; each site simply inherits the global pages.",
    ),
    (
        "multi_site",
        "Product pages are not copied between the 7 brand websites; the shared catalogue is simply linked.",
    ),
    # "no data other than X" restricts what passes, not whether
    (
        "integration",
        "No data other than order data will be exchanged with SAP, in real time via the portal's API.",
    ),
    (
        "integration",
        "No fields other than the customer number will be synchronised with Salesforce every hour.",
    ),
    # an answer that grants first and refuses only a part at its end
    (
        "integration",
        "Q: Is integration with SAP required? A: Yes, in real time; the vendor's connector is not required, no.",
    ),
    ("access_control", "Q: Is single sign-on required? A: Yes, for all staff; otherwise, no."),
    # an "only" of an audience in a clause that counts several sites or countries
    (
        "multi_site",
        "The portal will serve only the business customers in 8 countries, in their own languages.",
    ),
    ("multi_site", "This release covers only our retail customers in all 12 markets."),
    # an offer refused for lacking something asks for it
    ("workflow", "A solution without an approval workflow will not be considered."),
    ("access_control", "Any bid without single sign-on will be rejected."),
    # an answer "No; ... separately" spares what it names before the word, not the sites after it
    (
        "multi_site",
        "Q: Will the vendor translate content? A: No; our translation office will handle translation"
        " separately in the portal's 14 language sites.",
    ),
    (
        "multi_site",
        "Q: Will the vendor translate content? A: No; the translation office will do it separately for"
        " the 11 country sites.",
    ),
    # an "only" of today's scope beside the new one's audiences or sites
    (
        "user_roles",
        "Only our staff use the current site; the new portal adds dealers, distributors and installers,"
        " each with their own role.",
    ),
    (
        "user_roles",
        "Today only employees log in; the new extranet opens to partners, resellers and distributors"
        " with different roles.",
    ),
]


@pytest.mark.parametrize(("tag", "text"), NEGATED + NEGATED_2)
def test_a_form_of_exclusion_without_a_cue_negates(rules_only: None, tag: str, text: str) -> None:
    assert_negated(tag, text)


@pytest.mark.parametrize(("tag", "text"), KEPT + KEPT_2 + KEPT_3)
def test_the_traps_keep_their_tag(rules_only: None, tag: str, text: str) -> None:
    assert_kept(tag, text)


def test_no_heir_of_what_a_refused_thing_lacks(rules_only: None) -> None:
    """ "COTS software without room for customisation falls outside ...": the customisation it lacks
    is asked for, so no "no customisation" (turnkey) is counted from it; the COTS stays refused."""
    from triage.tag import tag_text

    out = tag_text(
        "COTS software without room for customisation falls outside what the Agency is looking for."
    )
    assert "turnkey" not in out["tags"]
    assert any(s["tag"] == "turnkey" and s["negated"] for s in out["spans"])


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
        "No system other than",
        "no system other than the identity provider will",
        "; the vendor need not",
        "; it will not.",
        "itself is not",
        "will not be shown online",
        "should not need a separate login:",
        "without",
        "COTS software without",
        "Q: Is it acceptable? A: , no.",
        "Q: Is a SaaS product acceptable? A: as it comes, no",
    ],
)
def test_a_cut_short_text_does_not_fail(rules_only: None, text: str) -> None:
    from triage.tag import tag_text

    assert "tags" in tag_text(text)
