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
        "We must be warned when a single address tries thousands of logins against the site.",
    ),
    # one login shared by a whole office, and the rights a leaver keeps, are access control
    ("account_services", "Today the whole warehouse team uses one shared login to approve returns."),
    ("account_services", "The HR feed shall withdraw a leaver's sign-in rights on their last day."),
    # a register kept by the buyer, a class's attendance, people signing up for an event
    ("account_services", "Teachers shall take the attendance register on a tablet at each lesson."),
    ("account_services", "Our flood-risk register holds the addresses of 4,000 vulnerable households."),
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
    # a permission slip, parking privileges, level access: not who may use the system
    ("access_control", "Parents shall sign the swimming-trip permission slip in the school app."),
    ("access_control", "Staff with parking privileges shall see their space number on the dashboard."),
    ("access_control", "The venue pages shall say which screens have step-free and level access."),
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
    # the same words in the account sense still fire
    ("account_services", "Patients shall register for the app with their email address and a password."),
    ("account_services", "Customers shall be able to change their phone number online."),
    ("account_services", "Customers shall log in to see their orders."),
    ("access_control", "Only users with the finance role shall have permission to approve refunds."),
]


@pytest.mark.parametrize(("tag", "text"), QUIET)
def test_a_word_in_another_sense_stays_quiet(rules_only: None, tag: str, text: str) -> None:
    assert tag not in tag_text(text)["tags"], text


@pytest.mark.parametrize(("tag", "text"), FIRES)
def test_the_need_is_still_found(rules_only: None, tag: str, text: str) -> None:
    assert tag in tag_text(text)["tags"], text
