"""Joining passages into one Doc (for speed) must not change a single tag: every passage is tagged
as if it stood alone. Checked on small documents built to cross the joins in every way a component
could (a phrase split over two passages, a lead-in ending in ":", "May" beside a number, a number
and its "thousand", padded text), and on the real RFPs of ../shared/rfps where present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import triage.tag.document as tag_document
from triage.tag import tag
from triage.types import Document, Passage, TaggedDocument


def document(*passages: tuple[str, str]) -> Document:
    return Document(
        path="joins.txt",
        sha256="0" * 64,
        format="txt",
        pages=None,
        passages=tuple(
            Passage(id=f"l{i}", text=text, kind=kind, line=i) for i, (kind, text) in enumerate(passages)
        ),
    )


def alone_and_joined(doc: Document, monkeypatch: pytest.MonkeyPatch) -> tuple[TaggedDocument, TaggedDocument]:
    monkeypatch.setattr(tag_document, "CHUNK_CHARS", 0)
    alone = tag(doc)
    monkeypatch.setattr(tag_document, "CHUNK_CHARS", 8000)
    joined = tag(doc)
    return alone, joined


JOINS = document(
    ("paragraph", "Staff currently sign in with a single"),
    ("paragraph", "sign-on page that nobody likes."),
    ("paragraph", "The portal shall:"),
    ("list_item", "exchange orders with the ERP every night;"),
    ("list_item", "offer a knowledge base for dealers."),
    ("paragraph", "Deliveries are due on 2"),
    ("paragraph", "May the supplier host forums for staff? Answers are published weekly."),
    ("paragraph", "The site serves 250"),
    ("paragraph", "thousand registered users across 14 country sites in 9 languages."),
    ("paragraph", "  Single sign-on is not required for visitors.  "),
    ("paragraph", "All data shall be encrypted at rest; no integration with the billing system is needed:"),
    ("list_item", "the portal shall support 40,000 concurrent users."),
)


# fragments without a full stop (table cells, list items): a token pattern must not run from one
# into the next; and passages that meet punctuation to punctuation (spaCy's ":(" special case)
FRAGMENTS = document(
    ("list_item", "Clinicians shall see only the records"),
    ("list_item", "access restricted accordingly"),
    ("list_item", "20,000 concurrent users"),
    ("list_item", "visit all five depots"),
    ("list_item", "Staff can share"),
    ("list_item", "Documents are archived after 7 years."),
    ("paragraph", "The portal shall:"),
    ("list_item", "(:The portal offers single sign-on"),
    ("list_item", "shall)"),
    ("list_item", ":)portal for dealers"),
)


@pytest.mark.parametrize("doc", [JOINS, FRAGMENTS], ids=["joins", "fragments"])
def test_each_passage_is_tagged_as_if_alone(doc: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    alone, joined = alone_and_joined(doc, monkeypatch)
    assert joined == alone
    for span in joined.spans:
        assert 0 <= span.start < span.end <= len(span.sentence), span


def test_passages_are_joined_into_fewer_docs() -> None:
    body = [p for p in JOINS.body if p.text.strip()]
    assert len(list(tag_document._chunks(body, tag_document.CHUNK_CHARS))) < len(body)


def test_joined_passages_tag_exactly_as_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    alone, joined = alone_and_joined(JOINS, monkeypatch)
    assert joined == alone
    assert joined.sentences == alone.sentences > len(JOINS.passages)


@pytest.mark.usefixtures("rules_only")
def test_no_mention_runs_from_one_passage_into_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    _, joined = alone_and_joined(JOINS, monkeypatch)
    for span in joined.spans:
        passage = next(p for p in JOINS.passages if p.id == span.passage_id)
        assert span.sentence in passage.text, span
    # "single" | "sign-on" are two passages: no single sign-on there
    first_two = {s.tag for s in joined.spans if s.passage_id in ("l0", "l1")}
    assert "access_control" not in first_two


def test_a_lead_in_still_hands_its_modality_to_the_list(monkeypatch: pytest.MonkeyPatch) -> None:
    _, joined = alone_and_joined(JOINS, monkeypatch)
    listed = [s for s in joined.spans if s.passage_id in ("l3", "l4")]
    assert {s.tag for s in listed} >= {"integration", "collaboration"}
    assert all(s.modality == "mandatory" for s in listed)


def test_quantities_stay_in_their_passage(monkeypatch: pytest.MonkeyPatch) -> None:
    _, joined = alone_and_joined(JOINS, monkeypatch)
    multi = [s for s in joined.spans if s.tag == "multi_site" and s.quantity is not None]
    assert multi and all(s.passage_id == "l8" for s in multi)


def test_real_rfps_tag_the_same_joined_or_alone(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from triage.extract import extract

    by_size = sorted((shared / "rfps").iterdir(), key=lambda p: p.stat().st_size)
    paths = [p for p in by_size if p.suffix == ".pdf"][:3] + [p for p in by_size if p.suffix == ".docx"][:1]
    assert paths
    for path in paths:
        doc = extract(path)
        alone, joined = alone_and_joined(doc, monkeypatch)
        assert joined == alone, path.name


def long_document() -> Document:
    """JOINS and FRAGMENTS over and over: long enough for two processes, lists and lead-ins throughout."""
    passages = [(p.kind, p.text) for _ in range(250) for p in (*JOINS.passages, *FRAGMENTS.passages)]
    return document(*passages)


@pytest.fixture
def two_processes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Lets the helper run (earlier tests can leave threads behind) and counts the helpers started."""
    import threading

    from triage import processes

    monkeypatch.setattr(threading, "active_count", lambda: 1)
    started: list[int] = []
    original = processes.ForkedCall.__init__

    def counting(self, fn, *args) -> None:
        started.append(len(args[1]))
        original(self, fn, *args)

    monkeypatch.setattr(processes.ForkedCall, "__init__", counting)
    return started


@pytest.mark.skipif(
    not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2, reason="needs two cores"
)
def test_a_long_document_tags_the_same_in_two_processes(
    monkeypatch: pytest.MonkeyPatch, two_processes: list[int]
) -> None:
    doc = long_document()
    monkeypatch.setenv("TRIAGE_DOCUMENT_PROCESSES", "1")
    alone = tag(doc)
    assert two_processes == []
    monkeypatch.delenv("TRIAGE_DOCUMENT_PROCESSES")
    assert tag(doc) == alone
    assert two_processes  # the second half went to a helper

    monkeypatch.setattr(tag_document.ForkedCall, "result", lambda self: None)
    assert tag(doc) == alone  # a helper that sends nothing costs time, not tags
