"""Rule tuning on the false positives of real RFP sentences (the validation half of realdocs_labels).

Real solicitations are mostly contract and procurement wording where the tags' words mean something
else: an "OCI" is an organizational conflict of interest, "performance" is the contract's period of
performance, "sensitive" is a staff clearance. Each context this round added to taxonomy.yaml is
checked twice with new sentences written for this test (none taken from any document or labelled
set): one where the tag must now stay quiet, and one, close in wording, where it must still be found.
Tagged by the rules alone (no trained classifier)."""

from __future__ import annotations

import pytest

from triage.tag import tag_text

# (tag, sentence where the tag must stay quiet, sentence where it must still be found)
CASES = [
    # integration.named_system: OCI as an Organizational Conflict of Interest
    (
        "integration",
        "The contractor shall report any OCI (organizational conflict of interest) to the COR within ten days.",
        "Buyers shall punch out to the portal from their ERP through OCI.",
    ),
    # scale.word: the contract's period of performance
    (
        "scale",
        "The contractor shall return all equipment before the end of the period of performance on request.",
        "The portal shall keep its performance under peak load from 20,000 users.",
    ),
    # scale.capacity: the QASP watches the contractor's work, not the system's load
    (
        "scale",
        "The QASP lists the performance requirements used to judge the work delivered each month.",
        "The performance requirements of the portal are set out in the annex on load.",
    ),
    # security_ops.word: a staff clearance named "Sensitive Compartmented Information"
    (
        "security_ops",
        "Key staff shall hold a Top Secret clearance with sensitive compartmented information access.",
        "Sensitive data held by the system shall be encrypted at rest.",
    ),
    # integration.verb: the solution's own programmatic or web-based interface
    (
        "integration",
        "The solution shall offer a web-based interface that opens on any tablet or phone.",
        "The solution shall interface with the payroll system every night.",
    ),
    # integration.exchange: Amazon Web Services as the hosting cloud
    (
        "integration",
        "The contractor shall deploy the portal on Amazon Web Services in a US region.",
        "The portal shall call the web services of the licensing system to check each permit.",
    ),
    # collaboration.ambiguous: the procurement's own questions and answers
    (
        "collaboration",
        "The Q&A will be published later as an amendment.",
        "Members shall post a question in the Q&A area of the member portal and get answers from peers.",
    ),
    # collaboration.word: the delivery team planning its work with the buyer's product owner
    (
        "collaboration",
        "Release plans will be drawn up collaboratively by the team members with the product owner.",
        "Researchers shall work collaboratively on shared documents in the platform.",
    ),
    # collaboration.tools: a desk booked in an office, not a team space
    (
        "collaboration",
        "The coordinator shall handle hoteling workspace bookings and parking permits for new staff.",
        "Each project team shall have its own workspaces for documents and discussion.",
    ),
    # scale.capacity: backup documentation of an invoice or a travel claim
    (
        "scale",
        "Travel claims shall include backup documentation for every cost, kept on file for audit.",
        "Nightly backups of the portal shall be kept in a second region.",
    ),
    # scale.response: a call centre answering the phone
    (
        "scale",
        "Incoming calls shall be answered within 20 seconds by a live agent.",
        "Search results shall load within 2 seconds.",
    ),
    # workflow.process: the services requested in the solicitation
    (
        "workflow",
        "Describe how the team will provide the services requested in this solicitation.",
        "The portal shall track service requests from residents until they are closed.",
    ),
    # user_roles.named_groups: the members or partners of a bidding firm
    (
        "user_roles",
        "If the offeror is a joint venture, list all members and partners and the state where each resides.",
        "The portal shall serve members and partners with separate home pages.",
    ),
    # b2b_portal.pricing: the buyer's price analysis under the FAR
    (
        "b2b_portal",
        "Contract pricing under FAR Part 15.4 may be used for price analysis.",
        "Dealers shall see their contract pricing when they order online.",
    ),
    # multi_site.word: HTML and CSS are not languages of a website
    (
        "multi_site",
        "The developer shall know Hyper Text Markup Language and Cascading Style Sheets and support the build.",
        "The website shall support content in several languages.",
    ),
    # compliance.word: the buyer's right to audit the contractor's own records
    (
        "compliance",
        "The Government may audit and inspect the contractor's records and data at any time.",
        "Personal data shall be processed in compliance with data protection law.",
    ),
    # access_control.word: people cleared to enter a facility
    (
        "access_control",
        "Each visitor must be properly cleared and authorized for access to the operations centre.",
        "Users shall be authorized by role before they can access case records.",
    ),
    # compliance.word: who may bid, not a rule the solution must meet
    (
        "compliance",
        "The bidder should be a licensed insurer, registered and regulated under the Insurance Regulations Act.",
        "Customer data shall be handled under the Insurance Regulations Act and kept for seven years.",
    ),
    # security_ops.word: parts of a bid held confidential
    (
        "security_ops",
        "A vendor's request must name the records it wants held confidential and the reasons for "
        "confidentiality of that information.",
        "Confidential files uploaded to the portal shall be encrypted in storage.",
    ),
]


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(("tag", "quiet", "fires"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_procurement_sense_stays_quiet(tag: str, quiet: str, fires: str) -> None:
    assert tag not in tag_text(quiet)["tags"], quiet
    assert tag in tag_text(fires)["tags"], fires
