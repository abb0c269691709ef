"""The concepts the taxonomy learned from the tag definitions (not from any labelled sentence set):
each fires on an indirect wording a buyer uses, and stays quiet on a look-alike in another sense."""

from __future__ import annotations

import pytest

from triage.tag import tag_text


def tags_of(text: str) -> list[str]:
    return tag_text(text)["tags"]


FIRES = [
    ("integration", "Invoices raised in the portal shall be posted back to the general ledger every night."),
    ("integration", "Our booking tool and the CRM do not talk to each other."),
    ("user_roles", "Landlords, tenants and letting agents should each see their own dashboard."),
    ("workflow", "Timesheets shall be approved by the line manager before payroll runs."),
    ("workflow", "Unanswered complaints are escalated automatically to a team leader after five days."),
    ("collaboration", "Engineers want to exchange experiences and tips with colleagues at other plants."),
    ("collaboration", "The intranet shall provide private spaces where working groups share drafts."),
    ("access_control", "Users shall only be able to see the records of their own branch office."),
    ("access_control", "Access to the payroll module shall be restricted to HR managers."),
    ("access_control", "Clerks shall not be able to modify a posted transaction."),
    ("access_control", "Users shall be logged off automatically after 20 minutes of inactivity."),
    ("account_services", "Patients must be able to change their postal address and phone number online."),
    (
        "account_services",
        "A member who forgets their password shall be able to choose a new password by e-mail.",
    ),
    ("compliance", "Personal data shall be processed lawfully and kept no longer than necessary."),
    ("compliance", "Case files shall be kept for 10 years after closure."),
    ("security_ops", "The product shall protect stored data against unauthorized disclosure."),
    ("security_ops", "The portal shall resist SQL injection and cross-site scripting."),
    ("security_ops", "Every change to a payment record shall be logged with the user and time."),
    ("scale", "Searches shall return results in less than 3 seconds."),
    ("scale", "After a data centre failure, the service shall be restored within two hours."),
    (
        "multi_site",
        "The platform shall run the websites of our six subsidiaries, each with its own look and feel.",
    ),
    (
        "extensibility",
        "Our developers shall be able to build new services on the platform using sample code.",
    ),
    ("extensibility", "Every small change today means a change request to the supplier."),
    ("turnkey", "We want a commercially available product that works as it comes."),
    ("turnkey", "The Council has no development resources and will not maintain any code."),
    ("out_of_scope", "This contract covers the supply of mobile phones and airtime for field staff."),
    ("out_of_scope", "The tender is for the printing and posting of council tax bills."),
    ("out_of_scope", "The Trust is seeking a provider of school transport for pupils with special needs."),
    ("compliance", "Customers must be able to withdraw their consent to marketing at any time."),
    ("compliance", "All data shall be hosted in Canadian data centres."),
    ("collaboration", "Members want a place to discuss topics with peers online."),
    ("access_control", "Administrators shall sign in with two-step verification."),
    (
        "integration",
        "Supplier invoices shall be matched automatically against purchase orders held in Oracle.",
    ),
    ("workflow", "Residents must be able to report a fault and follow it until it is fixed."),
    (
        "collaboration",
        "Policy officers should be able to co-write papers and comment on each other's drafts.",
    ),
    ("out_of_scope", "The Trust requires the supply, installation and maintenance of lifts in two wards."),
]

QUIET = [
    ("integration", "Security updates to the operating system shall be applied monthly."),
    ("collaboration", "The Supplier shall work collaboratively with the outgoing contractor."),
    ("collaboration", "A supplier engagement forum will be held on 3 March."),
    ("access_control", "Only two pages of references may be submitted by bidders."),
    ("account_services", "Visitors must sign in at reception."),
    ("compliance", "The annual accounts shall be audited by a registered auditor."),
    ("compliance", "The Contractor shall comply with the Construction (Design and Management) Regulations."),
    ("security_ops", "Users shall be logged in through the corporate portal."),
    ("security_ops", "All bids will be treated as confidential."),
    ("scale", "The portal shall be available to all residents."),
    ("scale", "The dashboard shall refresh every 60 seconds."),
    ("turnkey", "The new sports hall shall be delivered on a turnkey basis."),
    ("out_of_scope", "The Department has separately procured new laptops."),
    ("out_of_scope", "The Contractor shall supply a site plan at a scale of 1:500."),
    ("extensibility", "The contract may be extended by 12 months."),
    ("out_of_scope", "The supplier shall provide a service desk during office hours."),
    ("out_of_scope", "The portal must cater for residents and businesses."),
    ("compliance", "The Contractor shall not subcontract without the written consent of the Authority."),
    ("collaboration", "Bidders may discuss their proposals at a clarification meeting."),
    ("collaboration", "The Authority will share knowledge about this procurement with other public bodies."),
    ("multi_site", "The pilot will run in two regions before national roll-out."),
    ("access_control", "The intranet shall offer role-specific home pages for nurses and doctors."),
    ("integration", "Tribal communities shall be consulted on the new website."),
    ("access_control", "Customers shall be able to view their bills after logging in."),
    ("access_control", "Leave requests shall follow a two-step approval."),
    ("account_services", "Personal details shall be encrypted at rest."),
    ("account_services", "The Federation of Small Businesses will be consulted."),
    ("security_ops", "This contract is for the supply of road salt."),
    ("simple_site", "The product shall display a map of the nearest branches."),
    ("account_services", "Dealers shall register sold vehicles online."),
    ("integration", "Users shall re-enter their password before changing their e-mail address."),
    ("scale", "The consultant's rate is 90 GBP per hour."),
    ("out_of_scope", "The vendor shall let customers build extensions on a supported framework."),
    ("out_of_scope", "Bidders must quote for the design of a landing page for the recycling campaign."),
    ("simple_site", "We have outgrown our simple brochure site."),
    ("out_of_scope", "The website shall help the public find cleaning and recycling services."),
    ("multi_site", "The project will be delivered from two sites in Cork and Dublin."),
    ("scale", "The county has 500,000 people living in 40 towns."),
    ("scale", "The Contractor shall scale its team up during peak delivery phases."),
    ("scale", "The portal shall support 3 thousand-year-old manuscripts."),
    ("account_services", "There is no need for user registration on the public site."),
    ("user_roles", "Delegates will be split into groups of partners, suppliers and staff for the workshop."),
    ("multi_site", "The product shall offer a scripting or rules language for bespoke behaviour."),
]


@pytest.mark.parametrize(("tag_id", "text"), FIRES)
def test_concept_fires_on_indirect_wording(tag_id: str, text: str) -> None:
    assert tag_id in tags_of(text)


@pytest.mark.parametrize(("tag_id", "text"), QUIET)
@pytest.mark.usefixtures("rules_only")
def test_concept_stays_quiet_on_look_alike(tag_id: str, text: str) -> None:
    assert tag_id not in tags_of(text)


def test_excluding_a_period_does_not_negate_the_uptime() -> None:
    out = tag_text("The service shall be available 99.9 % of the time, excluding planned maintenance.")
    assert "scale" in out["tags"]


def test_excluded_scope_still_negates() -> None:
    assert "integration" not in tags_of("Integration with the ERP is excluded from this phase.")


def test_a_condition_on_login_is_not_a_negation() -> None:
    out = tag_text("A user who is not logged in shall not be able to view member content.")
    assert "access_control" in out["tags"]


def test_unnecessary_negates() -> None:
    assert "scale" not in tags_of(
        "Only a few hundred visitors are expected, so high availability is unnecessary."
    )


def test_refusing_custom_modules_reads_as_turnkey() -> None:
    out = tag_text("We do not expect the supplier to build any custom modules.")
    assert "turnkey" in out["tags"] and "extensibility" not in out["tags"]


def test_low_code_without_programming_is_not_turnkey() -> None:
    out = tag_text("Administrators shall add new fields and screens without programming skills.")
    assert "extensibility" in out["tags"] and "turnkey" not in out["tags"]


# indirect wordings added with the later tuning batches (each batch was scored before the rules saw it)
FIRES_LATER = [
    ("account_services", "Members cannot change their own e-mail address, so they phone us."),
    ("access_control", "The product shall not allow a user to see the personal information of other users."),
    ("access_control", "The session shall expire when the browser is closed."),
    ("workflow", "Officers shall be able to put a case on hold and reopen it later."),
    ("scale", "The system shall process 250 claims per hour at month end."),
    ("scale", "If the primary data centre fails, the standby must take over automatically."),
    ("extensibility", "Administrators shall add new fields and screens without programming skills."),
    ("security_ops", "The product shall be resistant to attempts to guess passwords."),
    ("integration", "The app must pull account balances from the core platform in real time."),
    ("compliance", "Members shall be able to download a copy of the data we hold about them."),
    ("security_ops", "All servers shall be hardened to CIS benchmarks."),
    ("collaboration", "Any employee shall be able to set up a group around a topic and invite colleagues."),
    ("extensibility", "Customers shall be able to build extensions using a supported framework."),
    ("simple_site", "The site only needs to show our services, our team and a contact form."),
    (
        "user_roles",
        "The site must recognise whether the visitor is a patient, a carer or a health professional.",
    ),
    ("workflow", "Complaints shall be acknowledged within two days and answered within twenty."),
    ("access_control", "The system shall enforce segregation of duties."),
    ("scale", "The site must not slow down when 10,000 people visit it at the same time."),
    ("multi_site", "Each of our four hotels needs its own website."),
    (
        "out_of_scope",
        "The services required are the cleaning of public toilets and the emptying of litter bins.",
    ),
    ("scale", "The system shall support 3 million registered accounts."),
    ("security_ops", "Sensitive information shall never be sent by e-mail in clear text."),
    ("access_control", "Both trade and retail buyers use the site, but only trade buyers see net prices."),
    ("compliance", "Retention rules shall delete closed cases automatically after seven years."),
    ("multi_site", "The platform must host 14 departmental websites under one governance model."),
    ("workflow", "Complaints not resolved within ten working days shall be escalated automatically."),
    ("integration", "Our case system and the website never match because the two do not talk to each other."),
    (
        "scale",
        "The system shall be deployed across two data centres so that either can run the service alone.",
    ),
    ("turnkey", "We want to subscribe to a service, not run a project."),
    ("turnkey", "Customisation will not be required."),
    ("simple_site", "A lightweight site with news, events and a contact page is all that is required."),
    ("account_services", "Users shall be able to change their address online."),
]


@pytest.mark.parametrize(("tag_id", "text"), FIRES_LATER)
def test_later_concept_fires_on_indirect_wording(tag_id: str, text: str, rules_only: None) -> None:
    """The rules' concepts. With the trained classifier beside them a concept can be doubted in a
    sentence the classifier reads otherwise ("the session shall expire when the browser is closed"
    holds no word it learned for access control); `make eval` weighs those doubts on held-out sets."""
    assert tag_id in tags_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The current site has around 12 pages.", {"simple_site"}),
        ("The Supplier shall migrate around 5,400 pages of existing content.", set()),
        ("The contractor shall supply 40 desks and 80 chairs for the new office.", {"out_of_scope"}),
        ("Officers print each application and pass the folder from desk to desk.", {"workflow"}),
    ],
)
def test_a_handful_of_pages_and_goods_only_when_bought(text, expected):
    assert set(tag_text(text)["tags"]) & {"simple_site", "out_of_scope", "workflow"} == expected
