"""The second round of negation tuning: more forms that exclude a need, and the traps beside them.

Each negated form is checked on a short sentence of its own: the tag is gone and its span is still
there, marked negated (evidence of what the buyer excluded). Each trap form keeps its tag. The
sentences are new, not taken from any labelled set, and are tagged by the rules alone."""

from __future__ import annotations

import pytest
from negation_checks import assert_kept, assert_negated

from triage.tag import tag, tag_text
from triage.types import Document, Passage

# (tag, sentence that negates it)
NEGATED = [
    # "rather than" sets aside everything up to the next comma, verbs and all
    (
        "b2b_portal",
        "Our sales team will go on visiting the shops rather than ask them to use a dealer portal.",
    ),
    # a clause that excludes what the clause before it named, by a pronoun or with no subject of its own
    ("platform_mandate", "The school's site runs on Joomla today but is not a requirement for the new one."),
    ("platform_mandate", "The HR pages run on SharePoint; the new portal need not be built on it."),
    # audiences named only to say they get the same are no different audiences
    ("user_roles", "Parents and pupils will see the same school website."),
    (
        "user_roles",
        "Landlords and tenants will get the same view; there is no requirement for separate areas.",
    ),
    # a product tried and dropped, a change the buyer is not trying to make, a choice nobody minds
    ("turnkey", "A packaged off-the-shelf product was piloted in 2023 and dropped after six months."),
    ("workflow", "We are not trying to automate how grant applications are approved."),
    ("platform_mandate", "The trust does not mind whether the new site is built on WordPress or Drupal."),
    # a clause after ";" that says today's way already meets the need excluded before it
    (
        "account_services",
        "A helpdesk module is out of scope; librarians reset passwords at the desk and will keep doing so.",
    ),
    ("collaboration", "A place to swap files is not wanted; that already works well on the shared drive."),
    # what users "will not" do or use is the buyer's plan, not a prohibition
    ("account_services", "Visitors will not log in to the museum site; all pages are public."),
    ("access_control", "Two-factor authentication will not be used on the public events pages."),
    ("access_control", "The rota app will not use single sign-on this year."),
    # what "would not suit", and what is "preferred to" or paid for "rather ... than"
    (
        "simple_site",
        "A plain brochure site would not suit the federation, because clubs enter scores online.",
    ),
    ("extensibility", "A proven product, configured as it is, is preferred to anything bespoke."),
    ("extensibility", "The Board would rather keep the standard product than pay for custom development."),
    # "we do not need" after a clause word of its own still excludes
    ("access_control", "The club has few members, so we do not need single sign-on."),
    # a burden not put on users waives the feature it names
    ("account_services", "The shop should not ask buyers to create an account before paying."),
    ("account_services", "The library must not force visitors to register to read the catalogue."),
    # audiences the business "does not serve" are no audiences of the site
    (
        "user_roles",
        "The bakery does not serve dealers or wholesalers; walk-in shoppers are its only customers.",
    ),
    # a process being abolished is no process to support
    ("workflow", "The paper sign-off of expense claims is being abolished rather than moved online."),
    # "no X is needed" still excludes X
    ("collaboration", "No discussion forum is needed on the new site."),
    # a partner noun that counts only beside a portal loses it when the portal is excluded
    ("b2b_portal", "Dealers and members will read the same news pages; a dealer portal is out of scope."),
]

# (tag, sentence where a negative-looking word leaves the tag standing)
TRAPS = [
    # "instead of" before today's way of working describes the pain, not an exclusion
    (
        "collaboration",
        "Teams shall co-edit their minutes in the browser instead of e-mailing attachments back and forth.",
    ),
    # ... but not when the clause before states a requirement of its own
    ("platform_mandate", "The new site must be built on Drupal, but it need not be hosted by us."),
    # the same pages today is the pain a need comes from; "the same" beside something of their own is no denial
    ("user_roles", "Patients and GPs read the same pages today and GPs cannot find the referral forms."),
    ("user_roles", "Tenants and landlords will use the same portal but see different menus."),
    # what users abandon is today's pain, not a product the buyer dropped
    ("account_services", "Nearly a third of sign-ups were abandoned at the account creation step last year."),
    # a "with no" phrase ends at its comma; a span running into the one word after "but not" stays
    (
        "workflow",
        "Claims shall follow the standard product, with no custom code, for routing each claim through assessment.",
    ),
    ("user_roles", "Members, coaches and parents will use the club app, but not referees."),
    # "unless" and ", after which" open clauses of their own
    (
        "account_services",
        "A user shall be able to close their account, after which their posts shall no longer be shown.",
    ),
    (
        "compliance",
        "Our PCI self-assessment will no longer be accepted unless card data stops passing through our servers.",
    ),
    # "not one of ... with another" is today's pain
    ("multi_site", "Not one of our 7 websites shares a login with another."),
    # ... but a clause after ";" with a requirement of its own keeps its need
    ("account_services", "A helpdesk module is out of scope; the portal must let members reset passwords."),
    # "shall not be used" and "not logged in" are requirements, not exclusions
    ("access_control", "Shared accounts shall not be used by any member of staff."),
    ("account_services", "Visitors who are not logged in shall see only the public pages."),
    # "details we do not need" is a relative clause inside a requirement
    ("account_services", "Registration shall take two steps and shall not ask for details we do not need."),
    # ... but a burden that names no feature is a requirement
    ("integration", "The portal shall not ask staff to re-enter orders that are already in the ERP."),
    # "shall not serve" pages over HTTP is a requirement
    ("security_ops", "The web server shall not serve pages over plain HTTP."),
    # ... while a new process after it, with a requirement of its own, stands
    (
        "workflow",
        "The paper approval process will be abolished, and the portal must route every claim to a manager.",
    ),
    # "no X will be visible to ..." forbids who sees X: a requirement on it
    ("collaboration", "No discussion forum will be visible to the public."),
    # a partner noun with a portal of its own in the sentence keeps its tag
    ("b2b_portal", "Dealers shall order through a dealer portal; a mobile app is out of scope."),
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
        "SSO is not",
        "single sign-on never",
        "The portal shall offer SSO, not",
        "SSO: not",
        "Single sign-on today is not",
    ],
)
def test_a_negation_word_at_the_very_end_of_a_document_is_no_crash(text: str) -> None:
    """A table cell or a cut-off line that ends the document with "not" is tagged like any other."""
    tag_text(text)
    passages = (
        Passage(id="p1", text="The portal shall offer single sign-on.", kind="paragraph"),
        Passage(id="p2", text=text, kind="table_cell"),
    )
    tagged = tag(Document(path="t.txt", sha256="0" * 64, format="txt", pages=None, passages=passages))
    assert any(s.tag == "access_control" and not s.negated for s in tagged.spans)
