"""The third precision round of the taxonomy: account_services, access_control and b2b_portal.

`account_services` fired on sentences that are not about a user's own account (a volume of logins, a
class register, a conference sign-up, the buyer's own phone number on a brochure site), and
`access_control` on permission slips, parking privileges and level access; `b2b_portal` missed business
partners who still do business by phone, e-mail, fax or post. Each case is a new sentence, not one taken
from a labelled set, and is tagged by the rules alone (no trained classifier): QUIET sentences must not
carry the tag, FIRES sentences must.
"""

from __future__ import annotations

import pytest

from triage.tag import tag_text

# (tag, sentence that must not carry it)
QUIET = [
    # a volume of sign-ins is load (scale), not the user's account
    (
        "account_services",
        "The exam portal shall cope with 50,000 logins in the hour after results are published.",
    ),
    (
        "account_services",
        "Customers must be warned when someone tries thousands of logins on the site.",
    ),
    # one login shared by a whole office, and the rights a leaver keeps, are access control
    ("account_services", "Today all warehouse staff use one shared login to approve returns."),
    ("account_services", "The HR feed shall withdraw a leaver's sign-in rights on their last day."),
    # a register kept by the buyer, a class's attendance, people signing up for an event
    ("account_services", "Teachers shall take the attendance register for each student in the app."),
    ("account_services", "Our priority-customer register holds the medical details of each customer."),
    ("account_services", "Guests shall register for the conference and pick their sessions on one form."),
    # a booking confirmation, the buyer subscribing, a newsletter box on a landing page
    ("account_services", "The booking confirmation email shall show the venue's address and a map."),
    (
        "account_services",
        "Ideally we would sign up in the morning and publish the first pages that afternoon.",
    ),
    ("account_services", "A single landing page with a sign-up box for the launch event is all we need."),
    # the buyer's own phone number on a brochure site; a web address typed by a student
    (
        "account_services",
        "Our online presence is one page with the opening hours and the branch phone number.",
    ),
    (
        "account_services",
        "Pupils shall not reach the teachers' pages by typing their address into the browser.",
    ),
    ("account_services", "Unless a region opts out, every leaflet shall be printed in both languages."),
    # an administrator's password, a bidder who cannot log in to the procurement portal
    (
        "account_services",
        "The shared admin password of the file server has not changed in years, though it is at least 8 characters long.",
    ),
    (
        "account_services",
        "Bidders who cannot log in to the e-procurement portal shall contact the help desk.",
    ),
    # a supplier logging in to the buyer's clarifications portal; whether an address is registered; a
    # leaver's account disabled
    (
        "account_services",
        "Suppliers may log in to the clarifications portal, where they can read the answers given to other bidders.",
    ),
    ("account_services", "The login page shall not reveal whether an email address is registered."),
    (
        "account_services",
        "Staff accounts shall be disabled on the day the HR system marks someone as a leaver.",
    ),
    # a permission slip, parking privileges, level access: not who may use the system
    ("access_control", "Parents shall sign the swimming-trip permission slip in the school app."),
    ("access_control", "Members with parking privileges shall see their space number on the home screen."),
    ("access_control", "The venue pages shall say which screens have step-free and level access."),
    # a password chosen at sign-up is the account; one kept as a hash is security_ops
    ("access_control", "Guests shall become users by setting a password after their first booking."),
    ("access_control", "Member passwords shall be kept only as salted hashes."),
    # asking another team is not being kept from its data
    (
        "access_control",
        "Our advisers cannot see the pension records, so they phone another department each time.",
    ),
    # co-authors who see each other's changes collaborate
    ("access_control", "Two editors should be able to work on one page and see each other's changes live."),
    # an error message a user should not see, a document read aloud, a file scanned before it is opened
    ("access_control", "Users shall never see a technical error message with a stack trace in it."),
    (
        "access_control",
        "Uploaded documents shall be scanned for viruses before anyone can open every page of them.",
    ),
    ("access_control", "Policy documents shall have comments visible to all contributors."),
    # audiences who each see what is relevant to them (user_roles), a data subject's access request
    # (compliance), multi-tenant as a hosting model, the bidder's staff filling roles, a payment authorised
    ("access_control", "Authors, reviewers and readers should each see only the guidance relevant to them."),
    ("access_control", "Subject access requests shall be answered within one month."),
    ("access_control", "The CRM shall be delivered as a multi-tenant SaaS service that the vendor upgrades."),
    (
        "access_control",
        "The bid shall name who will fill the roles of project manager and test manager.",
    ),
    ("access_control", "Each expense claim shall be checked by a manager before payment is authorised."),
    ("access_control", "The migration shall move the records but not the error messages of the old tool."),
    # an internal price list, faxes that are not orders, stock held by partners, bidders e-mailing questions
    ("b2b_portal", "The café manager shall edit only the drinks on the price list."),
    ("b2b_portal", "Discharge summaries still arrive by fax from the hospital wards."),
    ("b2b_portal", "Our wholesalers keep about six weeks of stock in their own sheds."),
    ("b2b_portal", "There is no requirement for a dealer area on the new site."),
    # audiences that each get their own home page in the portal are user_roles
    ("b2b_portal", "Installers, dealers and homeowners shall each have their own home page in the portal."),
    (
        "b2b_portal",
        "Interested suppliers shall send their questions by email before the clarification deadline.",
    ),
]

# (tag, sentence that must carry it)
FIRES = [
    # the user's own logins, membership and way back into the account
    ("account_services", "Carers should be able to set up their own logins to see the visiting times."),
    ("account_services", "Gym members shall be able to freeze or cancel their membership online."),
    ("account_services", "Many callers just want to get back into the app after changing phones."),
    ("account_services", "Members who move house have to fill in a paper form to tell us."),
    ("account_services", "Hundreds of callers a week only want to be reminded of their customer number."),
    ("account_services", "Volunteers shall be able to remove themselves from the mailing list."),
    ("account_services", "Subscribers shall unsubscribe from the newsletter with one click."),
    ("account_services", "Engineers shall sign on to the field app with a PIN."),
    # today's pain of users who cannot get into their own account is the need, not its negation
    ("account_services", "A third of our calls come from tenants who cannot log in."),
    ("account_services", "Most members ring us because they cannot get back into their online records."),
    ("account_services", "Residents cannot change their own address online and have to write to us."),
    # the rules a user's own password must meet
    ("account_services", "Passwords shall be at least 14 characters long."),
    ("account_services", "A user shall not reuse any of their previous six passwords."),
    # the same words in the account sense still fire
    ("account_services", "Patients shall register for the app with their email address and a password."),
    ("account_services", "Customers shall be able to change their phone number online."),
    ("account_services", "Customers shall log in to see their orders."),
    ("access_control", "Only users with the finance role shall have permission to approve refunds."),
    ("access_control", "Users shall not be able to reuse any of their last five passwords."),
    # who may see what, said without security words
    ("access_control", "Reception staff shall not see the clinical notes that the vets write."),
    ("access_control", "Volunteers' health details shall be visible to the welfare officer alone."),
    ("access_control", "Today every volunteer can read every family's file on the shared laptop."),
    ("access_control", "A manager who moved to sales last year can still see everyone's salary."),
    ("access_control", "Contractors who left in March can still get into the booking system."),
    ("access_control", "Members should confirm it is really them with a code on their phone before paying."),
    ("access_control", "Customers shall see only their own orders and invoices."),
    ("access_control", "Team leaders shall see the rota of their team but not the salary details."),
    ("access_control", "Each council shall see only its own cases on the shared platform."),
    # business partners who still do business by phone, e-mail, fax or post
    ("b2b_portal", "Our 600 dealers still phone in every spare-parts order."),
    ("b2b_portal", "Hauliers book their delivery slots by email, and a clerk types them into the yard plan."),
    ("b2b_portal", "Around 900 installers send us their guarantee cards by post."),
    ("b2b_portal", "Pharmacies order from our price list by phone every morning."),
    ("b2b_portal", "Most florists still order by fax."),
    # a partner or supplier area of the site is a business self-service
    ("b2b_portal", "Approved caterers shall upload their menus and invoices in a supplier area of the site."),
]


@pytest.mark.parametrize(("tag", "text"), QUIET)
def test_a_word_in_another_sense_stays_quiet(rules_only: None, tag: str, text: str) -> None:
    assert tag not in tag_text(text)["tags"], text


@pytest.mark.parametrize(("tag", "text"), FIRES)
def test_the_need_is_still_found(rules_only: None, tag: str, text: str) -> None:
    assert tag in tag_text(text)["tags"], text
