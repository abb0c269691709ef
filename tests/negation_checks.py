"""The two checks every negation test file makes of a sentence (test_tag_tune8, test_tag_negation2/3/4):
a tag it negates is not counted, though its span stays as evidence of what the buyer excluded; a tag
it only seems to negate is counted."""

from __future__ import annotations

from triage.tag import tag_text


def assert_negated(tag: str, text: str) -> None:
    """`text` does not count `tag`, and every span of `tag` in it is there, marked negated."""
    out = tag_text(text)
    assert tag not in out["tags"]
    spans = [s for s in out["spans"] if s["tag"] == tag]
    assert spans and all(s["negated"] for s in spans)


def assert_kept(tag: str, text: str) -> None:
    """`text` counts `tag`: a span of it stands that is not negated."""
    out = tag_text(text)
    assert tag in out["tags"]
    assert not all(s["negated"] for s in out["spans"] if s["tag"] == tag)
