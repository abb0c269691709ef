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
]


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(("tag", "quiet", "fires"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_procurement_wording(tag: str, quiet: str, fires: str) -> None:
    assert tag not in tag_text(quiet)["tags"], quiet
    assert tag in tag_text(fires)["tags"], fires
