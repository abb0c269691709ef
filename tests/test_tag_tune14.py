"""The tune14 round of rule tuning: the security tags said in the plain words of a software
requirements specification ("The system shall ...", "Only ... shall be able to ...", backlog lines).

Each rule this round added to taxonomy.yaml is checked on sentences of its own, where the tag must be
found, and on sentences close in wording where it must stay quiet. The sentences are new, not taken
from any labelled set, and are tagged by the rules alone (no trained classifier)."""

from __future__ import annotations

import pytest

from triage.tag import tag_text

# (tag, sentence that must carry it)
FOUND = [
    # access_control.only_able: "only" and the ability far apart
    (
        "access_control",
        "Only the nurse in charge of a bay and the ward's matron shall be able to cancel a drug round.",
    ),
    ("access_control", "Nobody below the grade of senior planner shall be able to sign off a road closure."),
    # access_control.sees_own: kept to one's own unit, with "only" or "never"
    ("access_control", "Coaches shall view the results of their own squad only."),
    (
        "access_control",
        "Branch managers shall see the takings of their own shop and never those of the others.",
    ),
    # access_control.spec_words: sign-in and session rules in SRS words
    ("access_control", "Pharmacists shall confirm each sign-in with a code from an authenticator app."),
    ("access_control", "The booking screens shall close a session left idle for ten minutes."),
    ("access_control", "Every request to the parcel API shall carry an access token."),
    ("access_control", "A contractor whose job ends shall be shut out of the rota screens the same evening."),
    # security_ops.who_when: an audit trail without its words
    ("security_ops", "Every edit to a tariff shall leave a trace of who made it and when."),
    ("security_ops", "Each refund shall be traceable to the cashier who made it."),
    ("security_ops", "Deleting a timesheet shall keep a note of what was deleted and by whom."),
    # security_ops.plain_threats: threats and defences in plain words
    ("security_ops", "Photos uploaded by tenants shall be scanned for harmful code before staff open them."),
    ("security_ops", "A specialist firm shall try to break into the booking app before launch."),
    ("security_ops", "Database passwords shall live in a key vault, not in configuration files."),
    ("security_ops", "Browser scripts shall never be able to read the session cookie."),
    # security_ops.alert_on: alerts on suspicious use
    ("security_ops", "The practice manager shall be told whenever someone exports the full patient list."),
    ("security_ops", "Raise an alert when a clerk signs in from a new device at night."),
    # compliance.plain_access / captions: accessibility without the word
    ("compliance", "Every form of the permit service shall work with the keyboard alone."),
    ("compliance", "Pages shall remain usable at 400 % zoom."),
    ("compliance", "Recorded webinars shall be published with captions."),
    # compliance.held_about: a person's rights over their data
    ("compliance", "A member may ask for a copy of everything the club holds about them."),
    ("compliance", "A donor who asks to be forgotten shall disappear from every mailing list."),
    # compliance.erased_after: a deadline for deletion
    ("compliance", "CCTV stills attached to an incident shall be erased 60 days after the incident closes."),
    ("compliance", "Purge web chat transcripts older than 180 days."),
    # account_services.spec_words: the user's own account in SRS words
    ("account_services", "A borrower who forgets the PIN shall be able to choose a new one online."),
    ("account_services", "Players shall be able to change their display name twice a year."),
    ("account_services", "Members shall be able to download last year's receipts from their account."),
    # access_control.see_but_not: a possessive inside, "and none of"
    ("access_control", "Cashiers shall see today's orders but not the customers' payment details."),
    (
        "access_control",
        "A broker shall view the quotes sent to its clients and none of the prices other brokers got.",
    ),
    # access_control.only_role: more guarded actions
    ("access_control", "Only the duty manager may unlock a timesheet."),
    # access_control.spec_words: self-approval, tokens, social identities
    ("access_control", "A buyer shall never approve his or her own purchase order."),
    ("access_control", "Every call to the stock service shall carry a valid token."),
    ("access_control", "Customers may link a Google or Microsoft login to their profile."),
    # security_ops: records nobody can alter, dependency checks, stolen devices, blocking cheats, unlocks recorded
    ("security_ops", "Scanned delivery records shall be stored so that nobody can change them later."),
    ("security_ops", "Libraries shall be checked for known weaknesses at each build."),
    ("security_ops", "A courier who steals a tablet shall find no parcel data on it."),
    ("security_ops", "The match server shall detect and block players who send forged moves."),
    ("security_ops", "Every unlock of a locked exam script shall be recorded."),
    # compliance: named standards of regulated software, parental consent, hosting, deletion deadlines
    ("compliance", "The dispensing records shall meet 21 CFR Part 11."),
    ("compliance", "Children under 13 shall need parental consent before they join."),
    ("compliance", "Pupil records shall be stored in the United Kingdom."),
    ("compliance", "Visitor photos shall be thrown away 30 days after the visit."),
    # account_services: profile photos, past bills, a home address
    ("account_services", "Members shall be able to upload a new profile picture."),
    ("account_services", "As a tenant, I want to see my past bills on my phone."),
    ("account_services", "Patients shall be able to update their home address."),
    # extensibility.spec_words: endpoints, fields of one's own, a modding kit
    ("extensibility", "Every screen's data shall also be offered through REST endpoints."),
    ("extensibility", "Clerks shall be able to add their own fields to a permit form without a developer."),
    ("extensibility", "Players could build levels with a modding kit."),
    # b2b_portal.spec_words: commission statements, a business login, negotiated rates
    ("b2b_portal", "Each travel agency shall get a monthly commission statement online."),
    ("b2b_portal", "Property firms shall pay all their bills under one business login."),
    ("b2b_portal", "Corporate customers shall book training places at their negotiated rates."),
    # multi_site: a version in another language, one site per brand or faculty
    ("multi_site", "Could: a Polish version of the tenant's home screen."),
    ("multi_site", "The college shall run one site per faculty from one editor."),
    # scale.response: a response-time target, whatever the verb, with its words before the number
    ("scale", "Each timetable query shall answer within 2 seconds."),
    ("scale", "Saving a draft case note shall take under 2 seconds on the ward tablets."),
    ("scale", "Dashboards shall load in no more than three seconds."),
]

# (tag, sentence close in wording where the tag must stay quiet, sentence where the same rule must fire)
PAIRS = [
    # access_control.sees_own: seeing one's own prices or pages is a B2B function or an audience's view
    (
        "access_control",
        "Trade buyers shall see their own discounts when they place an order.",
        "Dentists shall see the notes of their own patients only.",
    ),
    (
        "access_control",
        "Pupils and teachers shall each see their own home page.",
        "Each franchisee shall view the sales of its own outlets and no other figures.",
    ),
    # access_control.only_able / only_role: "not only ... able to" widens, it does not restrict
    (
        "access_control",
        "Not only staff but also visitors shall be able to book a meeting room online.",
        "Only staff on the events rota and the venue manager shall be able to book the main hall.",
    ),
    # security_ops.who_when: a requirement traced to its source
    (
        "security_ops",
        "Each requirement shall be traceable to the business need that made it necessary.",
        "Each change to a patient's allergy list shall be traceable to the clinician who made it.",
    ),
    # security_ops.plain_threats: a burglar, a break in service
    (
        "security_ops",
        "The depot's alarm shall call the keyholder if anyone tries to break into the building.",
        "Testers shall try to break into the booking app before it goes live.",
    ),
    # compliance.captions: captions on photos, a student's academic transcript, a court's case caption
    (
        "compliance",
        "Editors shall add captions to every photo in the gallery.",
        "Every video on the council site shall carry captions.",
    ),
    (
        "compliance",
        "Graduates shall be able to order a printed transcript of their grades.",
        "Each podcast episode shall have a transcript.",
    ),
    # compliance.erased_after: a recycle bin that keeps deleted drafts for 30 days
    (
        "compliance",
        "Deleted drafts shall stay in the recycle bin for 30 days and can be restored.",
        "Uploaded CVs shall be erased 45 days after the vacancy closes.",
    ),
    # account_services.spec_words: credit held in a bank account
    (
        "account_services",
        "Refunds shall be paid back as credit in their account at the bank.",
        "Customers shall be able to keep a list of favourite products in their account.",
    ),
    # compliance.residency: where the contractor's staff live
    (
        "compliance",
        "Contractor staff must be citizens and reside in the United Kingdom.",
        "Case files shall be hosted in the United Kingdom.",
    ),
    # account_services.register: a patient registered at the front desk, a registered nurse
    (
        "account_services",
        "The ward board shall show when each patient was registered at the front desk.",
        "Patients shall register online before their first appointment.",
    ),
    (
        "account_services",
        "Registered nurses shall be able to sign for each dose on the app.",
        "Visitors shall be able to register with the app using their e-mail.",
    ),
    # account_services.password_self: a business customer's account hierarchy is a B2B function
    (
        "account_services",
        "A wholesaler shall order for all its branches under one account hierarchy.",
        "Customers shall use one account for the shop and the app.",
    ),
    # scale.response: a call answered or a case escalated in time is service or workflow, not performance
    (
        "scale",
        "Calls to the helpline shall be answered within 20 seconds.",
        "Saving a draft shall take under 2 seconds.",
    ),
    (
        "scale",
        "A repair not accepted within 60 seconds shall be escalated to the supervisor.",
        "The journey planner shall answer within 3 seconds.",
    ),
    # out_of_scope.works: the people and places a specification names as users or content of the system
    (
        "out_of_scope",
        "As a receptionist, I want to see the day's appointments at a glance.",
        "The contract shall include two receptionists for the front office.",
    ),
    (
        "out_of_scope",
        "Porters shall see the ward and bed of each transfer and nothing else.",
        "The hospital also buys porters and cleaners for the new wing.",
    ),
    (
        "out_of_scope",
        "The confirmation e-mail shall give directions to the car park.",
        "The second lot covers resurfacing the car park.",
    ),
    # extensibility.customise: a student's extension request, a grant's no-cost extension
    (
        "extensibility",
        "A student's extension request for a module shall go to the module leader.",
        "Each extension to the booking system shall be delivered as a separate module.",
    ),
    # multi_site.language_version: the English version that prevails over a translation of the contract
    (
        "multi_site",
        "The English version of this contract shall prevail over the French version.",
        "Every help page shall have a French version.",
    ),
    # multi_site.site_each: a faculty's own campus site
    (
        "multi_site",
        "Each faculty has its own site on the north campus.",
        "The university shall run a website per faculty.",
    ),
    # workflow.process: a van's route for the day, a ticket seller
    (
        "workflow",
        "The route planner shall skip streets closed for the market.",
        "Each complaint shall route to the team that owns the service.",
    ),
    (
        "workflow",
        "The gig page shall link to the ticket seller.",
        "Repair requests shall be tracked until the repair is closed.",
    ),
    # compliance.regulation: a library card number is not payment card data
    (
        "compliance",
        "Borrowers shall sign in with their library card number.",
        "Shoppers' card numbers shall never be stored by the shop.",
    ),
    # access_control.dormant: a bank's dormant accounts
    (
        "access_control",
        "Dormant accounts shall be transferred to the reclaim fund after fifteen years.",
        "Dormant accounts of staff shall be locked after 60 days.",
    ),
]


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(("tag", "text"), FOUND, ids=[f"{t}-{i}" for i, (t, _) in enumerate(FOUND)])
def test_spec_wording_carries_the_tag(tag: str, text: str) -> None:
    assert tag in tag_text(text)["tags"], text


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(("tag", "quiet", "fires"), PAIRS, ids=[f"{p[0]}-{i}" for i, p in enumerate(PAIRS)])
def test_close_wording_stays_quiet(tag: str, quiet: str, fires: str) -> None:
    assert tag not in tag_text(quiet)["tags"], quiet
    assert tag in tag_text(fires)["tags"], fires
