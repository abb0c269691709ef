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
]


@pytest.mark.usefixtures("rules_only")
@pytest.mark.parametrize(("tag", "quiet", "fires"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_procurement_sense_stays_quiet(tag: str, quiet: str, fires: str) -> None:
    assert tag not in tag_text(quiet)["tags"], quiet
    assert tag in tag_text(fires)["tags"], fires
