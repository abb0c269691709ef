"""The tune6 round of rule tuning: tag words in their procurement sense stay quiet.

Real RFPs are mostly boilerplate (instructions to offerors, contract clauses, the contractor's staff,
invoices, help desks, site access, clearances) where the tags' words mean something else. Each context
this round added to taxonomy.yaml is checked twice: one sentence where the tag must now stay quiet,
and one, close in wording, where it must still be found. The sentences are new, not taken from any
labelled set, and are tagged by the rules alone (no trained classifier)."""

from __future__ import annotations

import pytest

from triage.tag import tag_text

# (tag, sentence where the tag must stay quiet, sentence where it must still be found)
CASES = [
    # workflow.process: the contract's help desk and its tickets
    (
        "workflow",
        "The help desk shall log every call in its ticketing tool and close it within two days.",
        "Licence holders shall raise renewals online, and ticketing shall route each one to the licensing team.",
    ),
    # workflow.process: deliverables reviewed by the Contracting Officer
    (
        "workflow",
        "Each deliverable shall go through review and approval by the Contracting Officer.",
        "Web pages shall go through review and approval by an editor before they are published.",
    ),
    # workflow.process: log records forwarded to a security tool
    (
        "workflow",
        "Logs of failed logins shall be forwarded to the SIEM every five minutes.",
        "Incomplete grant forms shall be forwarded to the finance team for a second check.",
    ),
    # workflow.states: "through the State's portal" is a US state, not a list of states
    (
        "workflow",
        "Offerors shall move the proposal through the State's bid portal before the closing date.",
        "Each licence request shall move through the states submitted, checked and issued.",
    ),
    # workflow.approval: invoices approved before payment
    (
        "workflow",
        "Invoices shall be approved by the project manager before payment is released.",
        "Purchase requests above 5,000 euros shall be approved by a second manager online.",
    ),
    # workflow.approval: contract changes approved by the Change Control Board
    (
        "workflow",
        "Change requests to the hosting shall be approved by the Change Control Board before any work.",
        "Permit applications shall be assigned to an officer and their status tracked online.",
    ),
    # workflow.cases: code review and the help desk's requests
    (
        "workflow",
        "Pull requests shall be reviewed by a second developer before merging.",
        "Requests for a library card shall be processed online within one day.",
    ),
    (
        "workflow",
        "Requests for a help desk account shall be processed within one day.",
        "Requests for a library card shall be processed online within one day.",
    ),
    # compliance.regulation: the rule applies to the bids, or the contractor's staff are trained in it
    (
        "compliance",
        "Tender responses may be released under the Freedom of Information Act once the contract is signed.",
        "Requests under the Freedom of Information Act shall be logged in the portal and answered on time.",
    ),
    (
        "compliance",
        "Contractor staff shall complete annual GDPR training before they start work.",
        "The portal shall process members' personal data in line with GDPR.",
    ),
    # compliance.named_law: who may bid, and the contractor's travel
    (
        "compliance",
        "Tenderers shall confirm that they are not listed under the Financial Sanctions Regulation.",
        "Patient records in the portal shall be handled as the Medical Devices Regulation requires.",
    ),
    (
        "compliance",
        "Staff travel shall be booked in accordance with the Federal Travel Regulation.",
        "The portal shall meet the Public Sector Bodies Accessibility Regulations for all pages.",
    ),
    # compliance.word: the offeror's certifications, the procurement's own rules, the contractor as employer
    (
        "compliance",
        "Offerors shall certify compliance with the data clauses in Section K.",
        "The hosting shall be certified for compliance with the data protection law.",
    ),
    (
        "compliance",
        "This procurement shall be run in accordance with the Utilities Contracts Regulations.",
        "Member records shall be kept in accordance with the data protection regulations.",
    ),
    (
        "compliance",
        "Contractor staff shall comply with the Rules of Behavior for users of Agency information systems.",
        "The system shall comply with the Agency's information security policy.",
    ),
    (
        "compliance",
        "The contractor shall comply with the Modern Slavery Act and report on its supply chain.",
        "The platform shall comply with the Data Protection Act and report any breach.",
    ),
    # out_of_scope.agency_staff: "Agency staff" are the buying Agency's employees, not temporary workers
    (
        "out_of_scope",
        "The Contractor shall train 40 Agency staff in two-day courses.",
        "The council needs agency staff to cover its call centre over the summer.",
    ),
    # out_of_scope.bought_goods: the contractor's vehicles, devices the buyer issues to its own staff
    (
        "out_of_scope",
        "The Agency will provide parking for contractor vehicles at the depot.",
        "The trust is buying 12 vehicles for its community nurses.",
    ),
    (
        "out_of_scope",
        "The Department will provide its inspectors with Department-issued tablets.",
        "The Department will provide its inspectors with 80 rugged tablets under this lot.",
    ),
    # out_of_scope.goods: Government-Furnished Property lent to the contractor
    (
        "out_of_scope",
        "Government-Furnished Equipment: printers and desks will be provided in the project office.",
        "This contract is for the supply of printers and desks to the project office.",
    ),
    # out_of_scope.physical: where the contractor works, not what it builds
    (
        "out_of_scope",
        "Place of performance: the Commission's premises in Luxembourg or the contractor's own office.",
        "The works cover installation and commissioning of new boilers at the depot premises.",
    ),
    # integration.named_system / named_product / verb: a Privacy Act notice, the team's own tools, a pipeline
    (
        "integration",
        "The Contractor shall publish a System of Records Notice before the pilot starts.",
        "The portal shall read case records from the Department's records management system.",
    ),
    (
        "integration",
        "The Contractor shall track the backlog in the Agency's Jira and report velocity each sprint.",
        "The portal shall push each defect report into Jira.",
    ),
    (
        "integration",
        "The Contractor shall maintain the continuous integration servers for the portal software.",
        "The portal software shall integrate with the grants system through its API.",
    ),
    # access_control.prohibit_user: access to the buyer's buildings
    (
        "access_control",
        "All Contractor employees shall be granted access to Agency facilities only after a background check.",
        "Users shall be granted access to the case files only after their manager approves.",
    ),
    # access_control.only_role / word: the Contracting Officer's and the COR's authority, defined terms
    (
        "access_control",
        "Only the Contracting Officer may approve changes to the delivery schedule.",
        "Only the site administrator may approve changes to user roles.",
    ),
    (
        "access_control",
        "The COR shall be the only person authorised to accept deliverables on behalf of the Agency.",
        "Only authorized editors shall be able to publish news items.",
    ),
    (
        "access_control",
        '"Administrator" means the person named in Schedule 2 who is authorised by the Council.',
        "Only users authorised by an administrator shall see payroll data.",
    ),
    # account_services.login: corporate sign-in and visitors at a desk
    (
        "account_services",
        "Employees shall sign in with their Okta accounts.",
        "Customers shall sign in with their email address and a password.",
    ),
    (
        "account_services",
        "Visitors must sign in at the front desk and collect a pass.",
        "Visitors must sign in to the portal to save their searches.",
    ),
    # account_services.register: no account needed
    (
        "account_services",
        "Residents can read all notices without registration.",
        "Residents shall register online to receive notices by email.",
    ),
    # account_services.self_service / account_action: the contract's help desk does it for staff
    (
        "account_services",
        "The Tier 1 help desk shall handle password resets for Department staff.",
        "Customers shall be able to reset their own password online.",
    ),
    (
        "account_services",
        "The help desk shall unlock accounts of Department staff on request.",
        "Members shall be able to unlock their own account with a code sent to their phone.",
    ),
    # security_ops.word: the buyer's invoicing service, the contractor's duty of confidence
    (
        "security_ops",
        "The invoicing platform is a secure web service that vendors use to submit invoices.",
        "The web shop shall be a secure web service that customers use to pay orders.",
    ),
    (
        "security_ops",
        "The contractor shall keep Council data confidential while it performs the contract and after it ends.",
        "Patient data in the portal shall be kept confidential and encrypted in storage.",
    ),
    # b2b_portal.portal: the e-procurement portal where offerors respond
    (
        "b2b_portal",
        "Offerors must register on the state's vendor portal to download the solicitation.",
        "The vendor portal shall let suppliers upload invoices and see payment status.",
    ),
    # simple_site.brochure: the buyer's procurement site
    (
        "simple_site",
        "The landing page of the procurement portal lists the closing date of each tender.",
        "We only need a landing page with our opening hours and a contact form.",
    ),
    # scale.capacity: a priced surge option
    (
        "scale",
        "The Government may buy extra surge support under CLIN 0004.",
        "The portal shall absorb a surge of 20,000 users on results day.",
    ),
    # scale.capacity: the help desk's response and resolution times
    (
        "scale",
        "Response Time and Resolution Time targets for each priority level are set out in Table 2.",
        "The response time of search pages shall stay under two seconds for 5,000 users.",
    ),
    # scale.volume: the bid's deposit
    (
        "scale",
        "A bank guarantee of 5,00,000 in the form of a demand draft shall accompany each bid.",
        "The portal shall hold 5,00,000 student records in the form of structured profiles.",
    ),
    # collaboration.people: the project's own roles
    (
        "collaboration",
        "Roles and Responsibilities: the Department will name a product owner and two subject matter experts.",
        "Staff shall be able to find subject matter experts by skill in the staff directory.",
    ),
    # collaboration.ambiguous: the delivery team's own channel
    (
        "collaboration",
        "The delivery team will use Slack for day-to-day communication during each sprint.",
        "Staff should be able to chat with colleagues in Slack from the intranet.",
    ),
    # collaboration.ambiguous: the hand-over at the end of the contract
    (
        "collaboration",
        "Offerors should explain how they will hand over know-how to Department staff.",
        "Engineers should be able to share know-how with colleagues at other plants on the intranet.",
    ),
    # collaboration.tools: the contractor coaching the buyer's staff
    (
        "collaboration",
        "The Contractor shall share knowledge with agency developers through pairing.",
        "Staff shall share knowledge with colleagues in online communities on the intranet.",
    ),
    # turnkey.off_the_shelf: the FAR's purchase category in a clause title
    (
        "turnkey",
        "52.212-5 Contract Terms and Conditions Required to Implement Statutes - Commercial Products and Commercial Services",
        "We want a commercial product that we can configure ourselves without development.",
    ),
    # workflow.process: status messages one system sends another
    (
        "workflow",
        "The portal shall send job details to the fleet system and receive status updates from it.",
        "Tenants shall get status updates by text message as their repair moves through each stage.",
    ),
    # workflow.tasks / approval: the help desk's requests, invoices
    (
        "workflow",
        "Access requests shall be approved by a supervisor before the help desk grants them.",
        "Leave requests shall be approved by a supervisor online before they reach payroll.",
    ),
    # workflow.tasks / approval: the help desk's requests, invoices
    (
        "workflow",
        "Invoices for licence renewals shall be approved by a manager online.",
        "Leave requests shall be approved by a supervisor online before they reach payroll.",
    ),
    # workflow.cases: work the contractor does at the Government's request
    (
        "workflow",
        "The Contractor shall review reports on open cases at the Government's request.",
        "Residents' requests shall be answered within two days and their status tracked online.",
    ),
    # extensibility.customise: a product used without custom code
    (
        "extensibility",
        "The Department wants a hosted product it can run without custom code.",
        "The Department needs custom code to extend the hosted product with new screens.",
    ),
    # access_control.identity: the contract's help desk handling staff access requests
    (
        "access_control",
        "The Tier 2 help desk shall process access requests for new Department staff.",
        "Managers shall approve access requests for their staff through single sign-on groups.",
    ),
    # b2b_portal.portal / workflow.word: the US Government's invoicing systems
    (
        "b2b_portal",
        "Contractors shall upload and submit invoices through Wide Area WorkFlow each month.",
        "Dealers shall submit invoices and track payments in the dealer portal.",
    ),
    # compliance.word: the generic obey-the-law clause
    (
        "compliance",
        "The vendor shall comply with all applicable federal, state and local laws when hiring staff.",
        "The portal shall comply with state privacy laws on the storage of personal data.",
    ),
    # access_control.limited: entry to the buyer's buildings
    (
        "access_control",
        "Access to Agency facilities is restricted to staff who hold a pass.",
        "Access to the case records is restricted to assigned caseworkers.",
    ),
    # security_ops.protect_word: Government-furnished information handed back
    (
        "security_ops",
        "Government furnished data shall be safeguarded and returned when the contract ends.",
        "Patient data shall be safeguarded against unauthorised changes in the portal database.",
    ),
    # workflow.process: the contract's escalation matrix
    (
        "workflow",
        "Escalations shall follow the escalation matrix agreed at the kickoff meeting.",
        "Complaints not answered within ten days shall be escalated to a team leader automatically.",
    ),
    # integration.named_system: the e-procurement system where tenderers register
    (
        "integration",
        "Tenderers must register on the council's e-procurement system to receive clarifications.",
        "Orders placed on the portal shall be written to the warehouse system within a minute.",
    ),
    # account_services.self_service: service desk support for the buyer's staff
    (
        "account_services",
        "The Contractor shall provide service desk support for password resets for Council staff.",
        "Customers shall be able to request password resets by email from the login page.",
    ),
    # scale.word: how well a contractor employee works
    (
        "scale",
        "The Agency may request that any contractor employee whose performance is poor be replaced.",
        "Page performance shall not degrade when traffic doubles at peak.",
    ),
    # account_services.self_service: the forms a vendor fills in to bid
    (
        "account_services",
        "Offerors shall attach the completed supplier registration form to the proposal.",
        "New members shall fill in an online registration form to open their account.",
    ),
    # compliance.word: the buyer's right to audit the contractor's books
    (
        "compliance",
        "The Agency may audit the vendor's books and records for three years after final payment.",
        "Audit records of changes to personal data shall be kept for seven years under data protection law.",
    ),
    # out_of_scope.works: the contractor's own security officer
    (
        "out_of_scope",
        "The Facility Security Officer shall report any lost badge within one day.",
        "The supplier shall provide security officers to patrol the car park overnight.",
    ),
    # access_control.identity / word: the agreement privileged staff sign
    (
        "access_control",
        "Developers with privileged access shall sign the Department's privileged user agreement each year.",
        "Only administrators shall have privileged access to the hosting console.",
    ),
    # workflow.process: the contractor following the buyer's change control
    (
        "workflow",
        "The vendor shall follow the Council's configuration management and change approval process for releases.",
        "News items shall pass through an approval process before they are published on the intranet.",
    ),
    # turnkey.off_the_shelf: the offeror's past work with commercial products
    (
        "turnkey",
        "The Offeror shall describe its experience integrating commercial products for local councils.",
        "We want a commercial off-the-shelf product that we configure rather than customise.",
    ),
    # scale.capacity: surge support hours the contractor supplies
    (
        "scale",
        "The vendor shall provide up to 500 hours of surge support each quarter.",
        "The portal shall cope with a surge of 30,000 users when exam results are published.",
    ),
]


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(("tag", "quiet", "fires"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_procurement_sense_stays_quiet(tag: str, quiet: str, fires: str) -> None:
    assert tag not in tag_text(quiet)["tags"], quiet
    assert tag in tag_text(fires)["tags"], fires
