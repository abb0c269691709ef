"""From a Document to a TaggedDocument: run the pipeline over the passages, turn spans into TagSpans.

Passages go through `nlp.pipe` in batches; only the body is tagged (headers and footers repeat on
every page). A passage is boilerplate when its section heading (or, for a heading, its own text)
names instructions to bidders, submission, terms and conditions, evaluation, insurance, invoicing
and the like (the `boilerplate:` list of the taxonomy); its spans carry `boilerplate=True`.
A list item that follows a lead-in ending in ":" ("The portal shall:") inherits the lead-in's
modality when it has none of its own; the passages of a section headed "Out of scope" or
"Exclusions" have their tags negated; a lead-in that excludes ("Scope does not include:", "The
following are out of scope:") negates the tags of the list items after it, up to an item that asks
for something or the end of the list (`IcpNegation.lead_in_excludes`; within one passage negation.py
reads such lists itself); an item that reads as a title ("Hosting") ends the list only when it is
one: numbered, naming a section, or followed by the text it heads (`_a_titled_item`). A table row answered "No" in a cell of its own (under "In scope",
"Required?") has its tags negated (table_rows.py).

spaCy's cost per Doc (making it, and each component's call) outweighs its cost per word on short
passages, so consecutive passages are joined, a space apart, into Docs of about `CHUNK_CHARS`
characters. Every component keeps them apart (segment.py: each passage starts a sentence and no
match runs from one into the next), so the spans are the ones each passage would get alone
(tests/test_tag_chunks.py checks that on real documents); the tag stage runs about 1.7x faster.

A long body (`PARALLEL_MIN_CHARS`, about 30 pages) read by a lone process is tagged in two halves,
the second by a forked copy of this process that already holds the pipeline (triage.processes):
the halves meet at a passage that inherits nothing from the one before it, so the result is the
same as one process gives (tests/test_tag_chunks.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from triage.processes import ForkedCall, second_process_allowed
from triage.tag import taxonomy as taxonomy_mod
from triage.tag.modality import MODALITY_RANK, sentence_modalities, sentence_modality
from triage.tag.pipeline import load_pipeline
from triage.tag.rules import ICP_KEY, VERTICAL_KEY, get_spans, sentence_bounds, sentence_starts, span_info
from triage.tag.segment import PARTS_KEY, doc_text, part_starts
from triage.tag.table_rows import answered_rows
from triage.tag.vertical import decide
from triage.types import ALL_TAGS, Document, Passage, TaggedDocument, TagSpan

BATCH_SIZE = 64
ITEMS, ITEMS_OR_TABLE = "items", "items or table"  # what may carry on an exclusion (_tag_passages)
CHUNK_CHARS = 8000  # passages joined into one Doc, up to about this many characters (0: one each)
PARALLEL_MIN_CHARS = 120_000  # a body this long (about 20,000 words) is tagged by two processes


def _boilerplate_pattern(taxonomy: taxonomy_mod.Taxonomy) -> re.Pattern[str] | None:
    words = [re.escape(str(w).lower()) for w in taxonomy.boilerplate.get("sections", ())]
    return re.compile(r"\b(?:" + "|".join(words) + r")") if words else None


def is_boilerplate(passage: Passage, pattern: re.Pattern[str] | None) -> bool:
    """Whether the passage stands in (or is the heading of) a boilerplate section."""
    if pattern is None:
        return False
    heading = passage.text if passage.kind == "heading" else passage.section
    return bool(heading and pattern.search(heading.lower()))


def _tag_span(
    span: Span,
    passage: Passage,
    location: str,
    modality: str | None,
    boilerplate: bool,
    sentences: dict[int, tuple[int, str]],
) -> TagSpan:
    doc = span.doc
    info = span_info(span)
    s_start, s_end = sentence_bounds(doc, span.start)
    if s_start not in sentences:
        first, last = doc[s_start], doc[s_end - 1]
        begin = first.idx
        sentences[s_start] = (begin, doc_text(doc)[begin : last.idx + len(last)])
    offset, sentence = sentences[s_start]
    start_char, end_char = span.start_char, span.end_char
    return TagSpan(
        tag=span.label_,
        text=sentence[start_char - offset : end_char - offset],
        sentence=sentence,
        start=start_char - offset,
        end=end_char - offset,
        passage_id=passage.id,
        location=location,
        page=passage.page,
        modality=modality or info.get("modality", "info"),  # type: ignore[arg-type]
        negated=bool(info.get("negated", False)),
        rule_id=span.id_,
        quantity=info.get("quantity"),
        boilerplate=boilerplate,
    )


def _lead_in(doc: Doc, start: int, end: int) -> int | None:
    """The start of the sentence that ends the passage in doc[start:end] with ':', a lead-in that
    hands its modality (and, when it excludes, its negation) on to the list after it; else None."""
    last = end - 1
    while last >= start and doc[last].is_space:
        last -= 1
    if last < start or doc[last].text != ":":
        return None
    return sentence_bounds(doc, last)[0]


# A heading that says its section lists what is excluded: "Out of scope", "3.6 Exclusions", "Future
# Considerations (Out of Scope for MVP)"; not a mixed one ("In scope and out of scope", "Scope &
# exclusions") nor a certification's "Voluntary Exclusion"
_EXCLUDING_HEADING = re.compile(
    r"^(?:[\d.()a-z]{1,6}\s+)?(?:exclusions|excluded\s+(?:items|services|work)|items\s+excluded)\b"
    r"|\b(?:out[\s-]of[\s-]scope|not\s+in\s+scope|outside\s+(?:the\s+|of\s+)?scope)\b",
    re.IGNORECASE,
)
_MIXED_HEADING = re.compile(r"\band\b|&|(?<!not )\bin[\s-]scope\b", re.IGNORECASE)


@lru_cache(maxsize=1024)  # asked once per passage, of the few headings a document has
def excluding_heading(heading: str | None) -> bool:
    """Whether a section heading says its section lists what is excluded ("Out of scope",
    "Exclusions", "Future Considerations (Out of Scope for MVP)"): the tags of its passages are negated."""
    return bool(heading and _EXCLUDING_HEADING.search(heading) and not _MIXED_HEADING.search(heading))


_AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "will", "would", "shall", "must", "should", "can", "could", "may"}
    | {"might", "has", "have", "had", "does", "do", "did"}
)
_SECTION_NOUNS = frozenset(
    {"requirements", "specification", "specifications", "scope", "deliverables", "background", "overview"}
    | {"introduction", "services", "objectives", "tasks", "schedule", "annex", "appendix", "definitions"}
)
_NUMBERED_TITLE = re.compile(r"\d+(?:\.\d+)*\.?\s")


def _an_item_of_a_list(text: str) -> bool:
    """Whether a list-item passage reads as an item of a list of things ("Integration with the payroll
    system", "Remedying discovered vulnerabilities."), not a numbered title ("2. Requirements") or a
    sentence of its own ("Resellers will use single sign-on to reach the portal."), which a document
    numbered throughout (DOCX legal numbering, "1." before every line of a text file) also makes a list
    item: an exclusion that runs into one of those stops there, a missed exclusion being the lesser harm."""
    words = text.split()
    if not words:
        return False
    bare = {w.strip(".,;:()\"'").lower() for w in words}
    end = text.rstrip()[-1]
    if len(words) >= 5 and not _AUXILIARIES.isdisjoint(bare):
        return False
    if len(words) >= 8 and end == ".":
        return False
    if end in ".;:,!?" or len(words) > 6:
        return True
    titled = all(w[:1].isupper() for w in words if len(w) >= 4)  # "Scope Of Work", "Requirements"
    named = len(words) <= 4 and not _SECTION_NOUNS.isdisjoint(bare)  # "Functional requirements"
    return not (_NUMBERED_TITLE.match(text) or titled or named)


# section nouns that make a short title of a list item whatever follows it ("Functional requirements",
# "Scope", "Appendix B"); "services", "tasks" and "schedule" also name things ("Phase 2 services")
_TITLE_NOUNS = _SECTION_NOUNS - {"services", "tasks", "schedule"}
# a title-like item that turns the list to what is wanted ("Included", "Core needs", "Must have") or
# names a lot or phase alone ("Lot 1", "Phase 1"): it heads what follows, whatever comes after it
_TURNING_WORDS = frozenset(
    {"included", "includes", "inclusions", "in-scope", "needs", "needed", "required", "mandatory"}
    | {"must", "must-have", "must-haves", "wanted", "desired"}
)
_PERIOD_TITLE = re.compile(r"(?:lot|phase|stage|release)\s+\d+|base\s+year", re.IGNORECASE)


def _turns_to_wants(text: str) -> bool:
    """Whether a short list item is a title that turns the list to what is wanted ("Included", "Core
    needs", "Must have") or names a lot or phase alone ("Lot 1"): it ends an excluded list."""
    words = text.split()
    if not words or len(words) > 4:
        return False
    bare = {w.strip(".,;:()\"'*_").lower() for w in words}
    return not _TURNING_WORDS.isdisjoint(bare) or bool(_PERIOD_TITLE.fullmatch(text.strip("*_ :")))


def _a_titled_item(passage: Passage, after: Passage | None) -> bool:
    """Whether a list item that reads as a title ("Hosting", "Phase 2 services", "Single Sign-On")
    is an item of its list all the same: the passage right after it is another list item of the same
    section, so the list goes on ("The following are out of scope:" then "Data migration", "Hosting",
    "Partner portal": all three excluded), or a heading or the end of the document, under which a
    title would head nothing (the list's last item). A real heading still ends an exclusion: a
    numbered title ("2. Requirements"), one that names a section ("Functional requirements", "Scope"),
    one that turns to what is wanted ("Included", "Core needs") or names a lot or phase alone ("Lot
    1"), and one followed by a paragraph or a table, the text it heads."""
    text = passage.text.strip()
    words = text.split()
    if not words or len(words) > 6 or text[-1] in ".;:,!?" or _NUMBERED_TITLE.match(text):
        return False
    if not _TITLE_NOUNS.isdisjoint(w.strip(".,;:()\"'").lower() for w in words) or _turns_to_wants(text):
        return False
    if after is None or after.kind == "heading":
        return True
    return after.kind == "list_item" and after.section == passage.section


def _chunks(passages: list[Passage], size: int) -> Iterator[list[Passage]]:
    """Consecutive passages to share one Doc: up to `size` characters; a passage with space at
    either end (its tokens could change beside a joining space) goes alone."""
    chunk: list[Passage] = []
    chars = 0
    for passage in passages:
        text = passage.text
        alone = text != text.strip()
        # spaCy's special cases (":(", "(:", "<3") are looked for across a space: two passages that
        # meet punctuation to punctuation go in different Docs, lest one passage's tokens change
        glued = bool(chunk) and not chunk[-1].text[-1].isalnum() and not text[0].isalnum()
        if chunk and (alone or glued or chars + len(text) > size):
            yield chunk
            chunk, chars = [], 0
        chunk.append(passage)
        chars += len(text) + 1
        if alone:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _docs(nlp: Language, chunks: list[list[Passage]]) -> Iterator[Doc]:
    for chunk in chunks:
        if len(chunk) == 1:
            yield nlp.make_doc(chunk[0].text)
            continue
        doc = nlp.make_doc(" ".join(p.text for p in chunk))
        offsets, at = [], 0
        for p in chunk:
            offsets.append(at)
            at += len(p.text) + 1
        doc.user_data[PARTS_KEY] = offsets
        yield doc


@dataclass
class _Tagged:
    """What tagging a run of passages gives: their spans, vertical mentions and counts."""

    spans: list[TagSpan] = field(default_factory=list)
    mentions: list[TagSpan] = field(default_factory=list)
    sentences: int = 0
    words: int = 0
    boiler_words: int = 0


def _tag_passages(
    nlp: Language, body: list[Passage], pattern: re.Pattern[str] | None, following: Passage | None = None
) -> _Tagged:
    """Tag a run of body passages; a run starts at a passage that inherits nothing (not a list item).
    `following` is the passage right after the run, if any (a title-like item reads what follows it)."""
    out = _Tagged()
    chunks = list(_chunks(body, CHUNK_CHARS)) if CHUNK_CHARS else [[p] for p in body]
    negation = nlp.get_pipe("icp_negation") if "icp_negation" in nlp.pipe_names else None
    inherited: str | None = None
    # what may carry on an exclusion ("The following are out of scope:"): None nothing, ITEMS list items,
    # ITEMS_OR_TABLE list items or a table right after the lead-in, an int the cells of that table
    exclusion: str | int | None = None
    docs = nlp.pipe(_docs(nlp, chunks), batch_size=BATCH_SIZE)
    n = -1  # the index in `body` of the passage at hand
    for chunk, doc in zip(chunks, docs, strict=True):
        starts = sentence_starts(doc)
        bounds = [*part_starts(doc), len(doc)]
        icp, vertical_spans = get_spans(doc, ICP_KEY), get_spans(doc, VERTICAL_KEY)
        sentences_seen: dict[int, tuple[int, str]] = {}
        for k, passage in enumerate(chunk):
            n += 1
            lo, hi = bounds[k], bounds[k + 1]
            boilerplate = is_boilerplate(passage, pattern)
            n_words = len(passage.text.split())
            out.words += n_words
            if boilerplate:
                out.boiler_words += n_words
            out.sentences += bisect_left(starts, hi) - bisect_left(starts, lo)
            is_item = passage.kind == "list_item"
            heir = inherited if is_item else None
            in_exclusions = passage.kind != "heading" and excluding_heading(passage.section)
            # an item that asks for something ends the excluded list ("... (c) The portal shall ..."),
            # and so does one that is no item of it: a title, a sentence of its own; a table right
            # after an excluding lead-in is its list too, one cell at a time
            in_table = passage.kind == "table_cell" and exclusion in (ITEMS_OR_TABLE, passage.table)
            excluding = (
                ((is_item and exclusion in (ITEMS, ITEMS_OR_TABLE)) or in_table)
                and lo < hi
                and sentence_modality(doc, lo) in ("info", "optional")
                and (
                    in_table
                    or (_an_item_of_a_list(passage.text) and not _turns_to_wants(passage.text))
                    or _a_titled_item(passage, body[n + 1] if n + 1 < len(body) else following)
                )
            )
            location = passage.location
            for span in _between(icp, lo, hi):
                modality = None
                if heir and span_info(span).get("modality", "info") == "info":
                    modality = heir
                found = _tag_span(span, passage, location, modality, boilerplate, sentences_seen)
                out.spans.append(replace(found, negated=True) if excluding or in_exclusions else found)
            if not boilerplate:
                for span in _between(vertical_spans, lo, hi):
                    out.mentions.append(_tag_span(span, passage, location, "info", False, sentences_seen))
            lead = _lead_in(doc, lo, hi)
            if lead is not None:
                modality = sentence_modality(doc, lead)
                if modality != "info":
                    inherited = modality
                elif not is_item:
                    inherited = None
                # an excluding lead-in starts an excluded list; an excluded item ending in ":" goes on
                if not excluding and negation is not None and negation.lead_in_excludes(doc, lead):
                    exclusion = ITEMS if is_item else ITEMS_OR_TABLE
                elif excluding:
                    exclusion = passage.table if in_table else ITEMS
                else:
                    exclusion = None
            elif not is_item:
                inherited = None
                exclusion = passage.table if excluding and in_table else None
            else:
                exclusion = ITEMS if excluding else None  # an item that asks for something ends it
    return out


def _split_point(body: list[Passage]) -> int | None:
    """Where a long body splits in two for two processes: the first passage past half its text
    that is not a list item or a table cell (a list item can inherit its modality, and a list item
    or a table cell an exclusion, from the passages before it)."""
    total = sum(len(p.text) for p in body)
    if total < PARALLEL_MIN_CHARS:
        return None
    seen = 0
    for i, passage in enumerate(body):
        if seen >= total // 2 and passage.kind not in ("list_item", "table_cell"):
            return i
        seen += len(passage.text)
    return None


def _tag_body(nlp: Language, body: list[Passage], pattern: re.Pattern[str] | None) -> list[_Tagged]:
    """Tag the body; a long one in two halves, the second in a forked helper (triage.processes)."""
    split = _split_point(body)
    helper = None
    if split is not None and second_process_allowed():
        try:
            helper = ForkedCall(_tag_passages, nlp, body[split:], pattern)
        except Exception:  # no fork, a process limit
            helper = None
    if split is None or helper is None:  # all of it here
        return [_tag_passages(nlp, body, pattern)]
    try:
        first = _tag_passages(nlp, body[:split], pattern, body[split])
        second = helper.result()
        if second is None:  # the helper failed or died: its half here
            second = _tag_passages(nlp, body[split:], pattern)
    finally:
        helper.stop()
    return [first, second]


def tag(document: Document, taxonomy: str | Path | None = None) -> TaggedDocument:
    """Tag one document: every ICP mention of its body with evidence, and its vertical."""
    nlp = load_pipeline(taxonomy)
    tax = taxonomy_mod.load(taxonomy_mod.resolve(taxonomy))
    body = [p for p in document.body if p.text.strip()]
    parts = _tag_body(nlp, body, _boilerplate_pattern(tax))
    words = sum(p.words for p in parts)
    boiler_words = sum(p.boiler_words for p in parts)
    weights = {r.id: r.weight for r in tax.vertical_rules}
    return TaggedDocument(
        document=document,
        spans=tuple(answered_rows(body, (s for p in parts for s in p.spans))),
        vertical=decide([m for p in parts for m in p.mentions], weights),
        sentences=sum(p.sentences for p in parts),
        boilerplate_share=round(boiler_words / words, 4) if words else 0.0,
    )


def _between(spans: list[Span], lo: int, hi: int) -> list[Span]:
    """The spans (sorted by start) that start in doc[lo:hi]."""
    return [s for s in spans if lo <= s.start < hi]


def tag_many(documents: Iterable[Document], taxonomy: str | Path | None = None) -> Iterator[TaggedDocument]:
    """Tag documents one after the other with one pipeline, yielding each as soon as it is done."""
    for document in documents:
        yield tag(document, taxonomy)


def tag_text(text: str, taxonomy: str | Path | None = None) -> dict[str, Any]:
    """One text -> `{"text", "tags", "modality", "spans": [{"tag", "start", "end", "text", "negated"}]}`.

    The object `triage tag --jsonl` writes per input line: `tags` lists every tag the text states
    and does not negate (in the order of triage.types.ALL_TAGS); `modality` is the strongest of its
    sentences; span offsets are character offsets in `text`.
    """
    nlp = load_pipeline(taxonomy)
    doc = nlp(text)
    modality = "info"
    for m in sentence_modalities(nlp, doc).values():
        if MODALITY_RANK[m] > MODALITY_RANK[modality]:
            modality = m
    spans = get_spans(doc, ICP_KEY)
    stated = {s.label_ for s in spans if not s._.negated}
    return {
        "text": text,
        "tags": [t for t in ALL_TAGS if t in stated],
        "modality": modality,
        "spans": [
            {
                "tag": s.label_,
                "start": s.start_char,
                "end": s.end_char,
                "text": s.text,
                "negated": bool(s._.negated),
            }
            for s in spans
        ],
    }
