"""The third round of negation tuning: forms read as negation that are not, and forms missed.

Each negated form is checked on a short sentence of its own: the tag is gone and its span is still
there, marked negated (evidence of what the buyer excluded). Each trap form keeps its tag. The
sentences are new, not taken from any labelled set, and are tagged by the rules alone."""

from __future__ import annotations

import pytest

from triage.tag import tag_text

# (tag, sentence that negates it)
NEGATED = [
    # the lack of a thing that "is not a concern" or "not considered a defect" is no need for it
    ("integration", "Lack of integration with SAP is not a concern for the pilot."),
    ("integration", "Failure to integrate with SAP will not be considered a defect."),
    ("integration", "Not integrating with SAP is acceptable for phase one."),
]

# (tag, sentence where a negative-looking word leaves the tag standing)
TRAPS = [
    # a double negation through a word of lack: "not acceptable" of a lack is a need
    ("compliance", "Non-compliance with the GDPR is not acceptable."),
    ("compliance", "Non-compliance with WCAG 2.2 AA will not be accepted."),
    ("security_ops", "Failure to encrypt data at rest is not acceptable."),
    ("security_ops", "Any failure to encrypt backups will not be tolerated."),
    ("access_control", "Lack of single sign-on is not an option."),
    ("access_control", "The absence of multi-factor authentication is not acceptable for administrators."),
    ("integration", "An inability to integrate with the payroll system would not be acceptable."),
    ("security_ops", "Not encrypting data at rest is not acceptable."),
]


@pytest.mark.parametrize(("tag", "text"), NEGATED)
def test_a_negated_tag_is_not_counted(rules_only: None, tag: str, text: str) -> None:
    out = tag_text(text)
    assert tag not in out["tags"]
    spans = [s for s in out["spans"] if s["tag"] == tag]
    assert spans and all(s["negated"] for s in spans)


@pytest.mark.parametrize(("tag", "text"), TRAPS)
def test_a_negative_word_that_does_not_negate_keeps_the_tag(rules_only: None, tag: str, text: str) -> None:
    out = tag_text(text)
    assert tag in out["tags"]
    assert not all(s["negated"] for s in out["spans"] if s["tag"] == tag)
