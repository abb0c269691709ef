"""Second rule-tuning round on real RFP sentences (the validation half of realdocs_labels): recall and precision.

Real solicitations are mostly contract and procurement wording. This round taught the rules some of its
idioms both ways: words that name the contract rather than the system ("throughout the performance
period", "a substantial breach of this Contract", the Federal Acquisition Regulation, "Proposers", "in
which case"), and the way these documents state a real need ("the DOT websites", "change the case status",
"a Managed Security Service Provider", "36 CFR 1194.22"). Each change to taxonomy.yaml is checked with
sentences written for this test (none taken from any document or labelled set): one where the tag must be
found and one, close in wording, where it must stay quiet. Tagged by the rules alone (no trained
classifier)."""

from __future__ import annotations

import pytest

from triage.tag import tag_text

# (tag, sentence where the tag must stay quiet, sentence where it must be found)
CASES = [
    # scale.word: the contract's performance period said the other way round
    (
        "scale",
        "Timesheets shall be kept and shown to the agency on request throughout the performance period.",
        "The portal shall keep its performance when traffic reaches ten times the usual load.",
    ),
    # scale.capacity: the PWS's Performance Requirements Summary
    (
        "scale",
        "Appendix B: Performance Requirements Summary for the help line contract",
        "The performance requirements of the site are set out in appendix B for 40,000 visitors a day.",
    ),
    # scale.capacity: a delivery team's throughput of user stories
    (
        "scale",
        "Describe how story sizes will be related to the throughput of each iteration.",
        "The message broker shall keep a throughput of 500 transactions per second at peak.",
    ),
    # scale.capacity: a price that grows with use, a support desk's response per severity tier
    (
        "scale",
        "Offer a scalable licensing model so that the county pays only for what it uses.",
        "The platform shall be scalable to 80,000 registered users without redesign.",
    ),
    (
        "scale",
        "State the expected response time for each tier of support ticket, from critical to low.",
        "Search pages shall have a response time below two seconds for 95 % of requests.",
    ),
    # workflow.word: the delivery team's own backlog tool
    (
        "workflow",
        "The vendor shall keep user stories and workflow tasks up to date in the shared project management tool.",
        "Permit requests shall move through a configurable approval workflow before a decision is issued.",
    ),
    # workflow.queue: the service levels of the contractor's work under the QASP
    (
        "workflow",
        "The QASP sets out how the agency checks that service levels for each task are met.",
        "Each caseworker shall see a queue of open cases ordered by their due date.",
    ),
    # workflow.cases: a seller sending papers on the buyer's request, questions about the bid
    (
        "workflow",
        "Upon request of the purchasing agent, the low seller shall submit its current catalogue.",
        "Licence renewals shall be submitted online and assigned to an officer for review.",
    ),
    (
        "workflow",
        "Requests for clarification shall be submitted in writing to the buying office by Friday.",
        "Requests submitted by residents shall be tracked until a decision is sent.",
    ),
    # workflow.process: "in which case" before "management", a price escalated by a percentage
    (
        "workflow",
        "Section three may run to five pages, in which case management plans go into an annex.",
        "The system shall support case management for benefit appeals.",
    ),
    (
        "workflow",
        "Catalogue pricing may be escalated each year by the consumer price index.",
        "Overdue complaints shall be escalated to the team leader automatically.",
    ),
    # workflow.response_within: a call centre picking up the phone
    (
        "workflow",
        "Telephone calls to the hotline shall be answered within four rings.",
        "Every planning enquiry shall be answered within ten working days.",
    ),
    # security_ops.word: a party in breach of the contract
    (
        "security_ops",
        "Any false statement in this form shall be a substantial breach of this Contract and the data in it void.",
        "Any breach of the data held in the portal shall be reported to the security team within one hour.",
    ),
    (
        "security_ops",
        "Costs that arise as a result of the Supplier's breach of the General Terms and Conditions shall be borne by "
        "the Supplier, whatever system is affected.",
        "The system shall detect a breach of stored data and alert the administrators.",
    ),
    # security_ops.word: "secure" in a list of qualities
    (
        "security_ops",
        "The new system shall be modern, secure, reliable and easy to use for all staff.",
        "The system shall keep data in a secure store that only encrypted connections can reach.",
    ),
    # security_ops.word: the procurement's own confidential information
    (
        "security_ops",
        "The procurement officer may agree to keep the requested information confidential until award.",
        "Confidential data in the case system shall be encrypted at rest.",
    ),
    (
        "security_ops",
        "Staff shall not release source-selection sensitive information from the evaluation system.",
        "Sensitive information in the system shall be masked in every test copy.",
    ),
    # security_ops.controls: "compromise" the fairness of a competition
    (
        "security_ops",
        "Talking to other officials may compromise the competitiveness of this acquisition.",
        "Any compromise of an administrator account shall trigger an incident report.",
    ),
    # integration.verb: FAR wording on veterans, a state's Integrated Eligibility system, the test phase
    (
        "integration",
        "A service-disabled veteran-owned small business may apply; the disability must be service-connected.",
        "The portal shall connect to the veterans' records system to check each claim.",
    ),
    (
        "integration",
        "The Integrated Eligibility system of the state is described in the attachment.",
        "The new portal shall be integrated with the state's eligibility system.",
    ),
    (
        "integration",
        "A system integration test shall close each release before the users test it.",
        "The portal shall be integrated with the payroll system of the county.",
    ),
    # integration.exchange: an answer e-mailed to an address
    (
        "integration",
        "All data will be sent to the following address via email.",
        "Every approved order shall be sent to the ERP within five minutes.",
    ),
    # integration.named_system: FAR 9.5 organizational conflicts of interest
    (
        "integration",
        "Describe each OCI and how the firm will avoid, mitigate, or neutralize it.",
        "Dealers shall punch out from their purchasing system to the shop through OCI.",
    ),
    # compliance.named_law: the laws of buying and funding the contract
    (
        "compliance",
        "This order follows the Federal Acquisition Regulation and its supplements.",
        "Personal data shall be processed under the General Data Protection Regulation.",
    ),
    (
        "compliance",
        "Section 889 of the Defense Authorization Act applies to this order.",
        "Patient records shall be handled as the Health Records Act requires.",
    ),
    # compliance.word: a city's bidders ("Proposers"), a designer's audit of pages
    (
        "compliance",
        "Proposers that do not comply with the laws of the city's codes may be unable to sign a contract.",
        "The portal shall comply with the state's data protection law.",
    ),
    (
        "compliance",
        "The team shall carry out a heuristic audit of the current website's data pages.",
        "The hosting provider shall support an annual external audit of the data centre by the regulator.",
    ),
    # compliance.regulation: a veteran "with a disability" in a FAR definition
    (
        "compliance",
        "A veteran with a disability rated by the VA counts toward the set-aside goal.",
        "The forms shall be usable by visitors with a disability who rely on a screen reader.",
    ),
    # out_of_scope.works: the Chief Information Security Officer is no guard
    (
        "out_of_scope",
        "Questions on the guide go to the agency's Chief Information Security Officer.",
        "The contract covers security officers at the gate of each depot, day and night.",
    ),
    # --- recall: how statements of work say a real need ---
    # workflow.process: a case's state, the rules that move it, automatic reminders, intake of permits
    (
        "workflow",
        "Once the judge signs the order, the clerk shall post a paper copy to each side.",
        "Once the judge signs the order, the system shall set the case status to Decided.",
    ),
    (
        "workflow",
        "Eligibility shall be explained by policy staff in a guide they update each year.",
        "Eligibility shall be decided by a rules engine that policy staff can update.",
    ),
    (
        "workflow",
        "The analysts shall check the figures of each quarterly report by hand.",
        "The analysts shall maintain the validation rules applied to each quarterly report.",
    ),
    (
        "workflow",
        "Offer a modern experience for housing grant information.",
        "Offer a workflow driven experience for housing grant decisions.",
    ),
    (
        "workflow",
        "Volunteers shall get a printed list of their training dates.",
        "Volunteers shall get automatic reminders of their training dates.",
    ),
    (
        "workflow",
        "The vendor shall build an information page on fishing rules.",
        "The vendor shall build an intake module for fishing permits.",
    ),
    (
        "workflow",
        "Hunters read the hunting rules on the new website.",
        "Hunters apply for permits on the new website.",
    ),
    # multi_site.websites: the several websites a contract runs; not one website, nor an offeror's past ones
    (
        "multi_site",
        "The contractor shall maintain the agency's website and its content.",
        "The contractor shall maintain the agency's websites and their content.",
    ),
    (
        "multi_site",
        "List the websites you have maintained for similar agencies in the past.",
        "The contractor shall host and support all program websites from one platform.",
    ),
    # multi_site.national: national sites of a federation
    (
        "multi_site",
        "Each member country keeps its national office in the capital.",
        "Each member country keeps its national site on the shared platform.",
    ),
    # ... but one national website is one site (found by the seed corpus's statements after this round)
    (
        "multi_site",
        "The ministry needs a single national website and nothing more.",
        "The national websites of our fourteen subsidiaries shall move to the platform.",
    ),
    # security_ops.controls: managed security services, bug bounties, FedRAMP findings, SIEM rules, secrets
    (
        "security_ops",
        "The agency seeks a managed print service for its offices.",
        "The agency seeks a managed security service to watch its network around the clock.",
    ),
    (
        "security_ops",
        "The programme shall invite market researchers to comment on the agency's web applications.",
        "The programme shall invite security researchers to report flaws in the agency's web applications.",
    ),
    (
        "security_ops",
        "Open action items from each meeting shall be closed within 90 days.",
        "Open POA&M items shall be closed within 90 days.",
    ),
    (
        "security_ops",
        "The vendor shall tune the ranking rules of the search platform each quarter.",
        "The vendor shall tune the correlation rules of the log platform each quarter.",
    ),
    (
        "security_ops",
        "Automate rotating staff rosters for the platform team.",
        "Automate rotating secrets and certificates for the platform.",
    ),
    (
        "security_ops",
        "Servers shall be checked by the team against the vendor's settings.",
        "Servers shall be checked with SCAP tools against the USGCB settings.",
    ),
    (
        "security_ops",
        "The provider shall give the agency access for quarterly reviews within 72 hours.",
        "The provider shall give the agency access for incident investigations within 72 hours.",
    ),
    # compliance.regulation: Section 508 by its CFR number, the Risk Management Framework
    (
        "compliance",
        "Web pages shall follow the style guide in annex 22.",
        "Web pages shall meet 36 CFR 1194.22.",
    ),
    (
        "compliance",
        "The project shall keep a risk register and review it monthly.",
        "The system shall be authorized under the Risk Management Framework.",
    ),
    # scale.capacity: a recovery instance, a continuity test
    (
        "scale",
        "A training instance shall hold a copy of last month's data.",
        "A recovery instance shall hold a copy of the production data.",
    ),
    (
        "scale",
        "A usability test of the system shall be run every year.",
        "A continuity test of the system shall be run every year.",
    ),
    # out_of_scope.iaas_resale: cloud infrastructure bought for resale, not the IaaS a portal runs on
    (
        "out_of_scope",
        "CLIN 0002 covers the portal hosted on IaaS for a year.",
        "CLIN 0002 covers the IaaS resold to the agency for a year.",
    ),
    # extensibility.platform: what an offeror shows of its past work
    (
        "extensibility",
        "Submit source code samples from projects that used a REST API.",
        "The platform shall expose a REST API for every content type.",
    ),
    (
        "extensibility",
        "The lead shall have 8 years of experience in application development.",
        "The platform shall support application development by the agency's own team.",
    ),
    # user_roles.named_groups: escorts, a bid's support staff, the Section 508 boilerplate
    (
        "user_roles",
        "Escorts shall accompany visitors and contractors on site at all times.",
        "The portal shall serve visitors and contractors with separate home pages.",
    ),
    (
        "user_roles",
        "The Applicants shall estimate the support staff needed for the key experts.",
        "The portal shall serve applicants and staff with separate dashboards.",
    ),
    (
        "user_roles",
        "Section 508 requires that individuals with disabilities who are members of the public and employees "
        "get equal access.",
        "The portal shall serve members of the public and employees with different home pages.",
    ),
    # user_roles.audiences: personas as a tool of the design team
    (
        "user_roles",
        "Define goals using personas, storyboards and flowcharts.",
        "The portal shall offer content tailored to three personas.",
    ),
    # b2b_portal.portal: the contractor invoicing the buyer, ordering under a BPA
    (
        "b2b_portal",
        "The selected vendor must submit invoices each month to the agency.",
        "Dealers must submit invoices through the partner portal each month.",
    ),
    (
        "b2b_portal",
        "This BPA allows ordering offices to place orders.",
        "Trade customers shall place orders online at their agreed prices.",
    ),
    # multi_site.websites: a buyer that needs several websites (not one), said with "need"
    (
        "multi_site",
        "The agency needs a modern, public-facing website for its one program.",
        "The agency needs modern, public-facing websites for its programs.",
    ),
    # workflow.process: a case opened online, program rules, a list of cases by status
    (
        "workflow",
        "A taxpayer shall be able to read guidance online and download forms.",
        "A taxpayer shall be able to initiate a case online and upload papers.",
    ),
    (
        "workflow",
        "Benefits shall be explained in leaflets that staff can change.",
        "Benefits shall be calculated from program rules that staff can change.",
    ),
    (
        "workflow",
        "Judges shall sort documents by author and date.",
        "Judges shall sort cases by status and hearing date.",
    ),
    # extensibility.api: calling another system's API is integration, not a platform to build on
    (
        "extensibility",
        "The new app shall consume the APIs of the county's legacy systems.",
        "The platform shall expose documented APIs for every service.",
    ),
    # integration.api_use: pages that call web APIs
    (
        "integration",
        "The team shall build pages that interact with screen readers.",
        "The team shall build pages that interact with web APIs.",
    ),
    # out_of_scope: goods furnished, a managed security service bought, facility tasks of a support contract
    (
        "out_of_scope",
        "Staff may bring bottled water to the training room.",
        "Bottled water shall be furnished to each office every week.",
    ),
    (
        "out_of_scope",
        "The hosting of the portal shall be watched by the hospital's managed security service provider.",
        "The hospital group seeks a managed security service provider for its network.",
    ),
    (
        "out_of_scope",
        "The portal shall list audio visual support contacts for each meeting room.",
        "The contract covers audio visual support for the agency's meeting rooms.",
    ),
    (
        "out_of_scope",
        "The intranet shall let staff book hoteling desks online.",
        "Handle hoteling and parking requests for new staff.",
    ),
    # out_of_scope.bought_goods: the ways the Government buys, the contractor's own laptops
    (
        "out_of_scope",
        "List the contract vehicles through which these items may be purchased.",
        "The county shall purchase twelve vehicles for its parks team.",
    ),
    (
        "out_of_scope",
        "The Contractor shall provide a staff roster that lists the laptops assigned to its analysts.",
        "The Contractor shall provide 40 laptops to the school's teachers.",
    ),
    # out_of_scope.works: media shredded so that no data can be read back is a security control
    (
        "out_of_scope",
        "Old disks shall be destroyed by shredding or another method that precludes the reconstruction of the data.",
        "The contract covers shredding of paper files from all council offices.",
    ),
    # scale.volume: a phone number in a contact line, the years of a bid timetable
    (
        "scale",
        "For help, contact the Helpdesk at 800-555-2000 or by email.",
        "The portal shall send 20,000 emails a day.",
    ),
    (
        "scale",
        "Last date for questions: 3rd May, 2025 Client replies follow a week later.",
        "The portal shall serve 2,500 client firms each day.",
    ),
    # scale.capacity: meetings held off site; downtime and planned outages
    (
        "scale",
        "The Contractor shall arrange rooms for on-site and off-site meetings with the agency.",
        "Backups shall be copied off-site every night.",
    ),
    (
        "scale",
        "Propose strategies that keep staff turnover minimal.",
        "Propose strategies that ensure minimal downtime of the portal.",
    ),
    (
        "scale",
        "Plan staff holidays outside the busy season.",
        "Work related to planned outages shall be done outside business hours.",
    ),
    # scale.elastic: cloud capacity that follows demand, not staff resources
    (
        "scale",
        "The help line shall adapt its staff resources to changing demand.",
        "Computing resources shall grow and shrink with changing demand.",
    ),
    # scale.high_performing: high-performing websites, not a high-performing team
    (
        "scale",
        "The vendor shall provide a high-performing team for the website.",
        "Deliver secure and high-performing websites for the agency.",
    ),
    # scale.word: the performance metrics of the delivery team's project
    (
        "scale",
        "The agency may publish project management data such as user stories and performance metrics.",
        "The agency shall publish performance figures of the portal under peak load.",
    ),
    # compliance.word: the contractor following the contracting officer's directions
    (
        "compliance",
        "The contractor shall comply with the written or oral direction of the contracting officer on data requests.",
        "The contractor shall comply with the state's data protection law.",
    ),
    # integration.api_use: an API the solution offers others is extensibility, not a connection
    (
        "integration",
        "The vendor shall create an API for third parties to interact with the permit service.",
        "The vendor shall build screens that interact with the APIs of the permit service.",
    ),
    # multi_site.websites: the websites where bidders look for addenda
    (
        "multi_site",
        "Bidders shall check all the agency's websites for addenda before sending proposals.",
        "The contractor shall support all the agency's websites from one content platform.",
    ),
    # collaboration: the contractor's meeting tools and a bid's oral presentation on Teams
    (
        "collaboration",
        "Oral presentations of each offer will take place via Microsoft Teams video chat.",
        "Staff shall chat and share files in Microsoft Teams channels linked to the intranet.",
    ),
    (
        "collaboration",
        "The contractor shall prepare meetings and presentations, with access to collaboration tools and "
        "conference rooms.",
        "The intranet shall offer collaboration tools such as team spaces and shared document libraries.",
    ),
    # integration.verb: an API spelled out is the solution's own interface; "technology integration" as a buzzword
    (
        "integration",
        "Experience in writing and using application programming interfaces is expected.",
        "The portal shall interface with the licensing system every hour.",
    ),
    (
        "integration",
        "Drive innovation in website design, functionality and technology integration.",
        "Drive the integration of the website with the county's payment system.",
    ),
    # integration.exchange: data placed in the public domain
    (
        "integration",
        "Data from the service shall be in the public domain under a Creative Commons waiver.",
        "Data from the tax system shall be shown on each account page.",
    ),
    # integration.system_reference: the contractor's invoicing
    (
        "integration",
        "Questions related to the invoicing system go to the finance office.",
        "Orders shall be sent to the finance system of the county each night.",
    ),
    # workflow.approval: the buyer approving the contractor's service level agreement
    (
        "workflow",
        "The vendor shall propose a service level agreement (SLA) for agency approval.",
        "Each request shall pass two levels of approval before it is granted.",
    ),
    # compliance.regulation: the agency's IT security standards the system must meet; not the staff's rules of
    # conduct
    (
        "compliance",
        "Staff shall follow the IT security policies and the Rules of Behavior when they use agency laptops.",
        "Traffic between all components shall be encrypted in a way that meets the agency's IT security standards.",
    ),
    # access_control.word: the role a person held before
    (
        "access_control",
        "The lead should have a background as a scrum master, release manager or a similar role.",
        "Each release manager shall be given a role that limits access to the publishing screens.",
    ),
    # security_ops.findings: security findings worked off by severity; not an evaluation's findings
    (
        "security_ops",
        "The evaluation findings will be ranked by severity in the panel's report.",
        "Scan findings shall be fixed within 30 days for high severity and 90 days for moderate.",
    ),
    # security_ops.firewall: a network firewall on its own; not a fire-rated wall
    (
        "security_ops",
        "A rated firewall shall separate the plant room from the rest of the building.",
        "Firewall estate: three vendors, each with its own console.",
    ),
    # workflow.case_filing: a petitioner's dispute is the case the system handles, not a contract dispute;
    # a bidder's protest is no case of the system
    (
        "workflow",
        "A bidder may initiate a case against the award under the protest rules.",
        "As a petitioner, I need to initiate a case online to settle my dispute with the tax office.",
    ),
]


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(("tag", "quiet", "fires"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_procurement_wording(tag: str, quiet: str, fires: str) -> None:
    assert tag not in tag_text(quiet)["tags"], quiet
    assert tag in tag_text(fires)["tags"], fires
