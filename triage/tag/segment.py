"""Sentence segmentation inside one passage of an RFP.

The extract stage already cuts a document into passages (paragraphs, list items, table cells,
headings), so this component only splits *inside* a passage, where RFPs pack several statements:

- after `.`, `!` or `?` (and closing quotes or brackets) followed by space and a capital, a digit or
  a bullet, unless the word before is an abbreviation ("e.g.", "i.e.", "No.", "Sec. 3.2", "approx.",
  "Inc.") or an initial ("J. Smith"); decimals and versions ("99.95", "v2.0") have no space after the
  dot and are never split;
- before a bullet or a numbered clause that starts a new line ("\\n• ...", "\\n3.2.1 ...", "\\n(b) ...");
- before an inline clause marker after `;` or `:` ("The system shall: (a) ...; (b) ...");
- before an inline bullet ("... • ...").

It works on the passage text with regular expressions (fast, no per-token Python) and sets
`Token.is_sent_start` only where a sentence starts. A "sentence" of more than MAX_SENTENCE_TOKENS
tokens (a table dumped as one line, text without stops, hostile input) is cut every
MAX_SENTENCE_TOKENS tokens: no real requirement is that long, and the components that look at a
sentence as a whole then cost time in proportion to the document, not to the square of a sentence.

Several passages can share one Doc (the tag stage joins short passages with a space, because
spaCy's cost per Doc outweighs its cost per word): `doc.user_data[PARTS_KEY]` then holds the
character offset where each passage starts. Each passage is segmented on its own text, exactly as
if it were alone, and each starts a sentence, so no sentence ever runs from one passage into the
next; `part_starts(doc)` gives the token index where each passage starts.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_NOT_START = numpy.uint64(2**64 - 1)  # -1 as spaCy stores it: not a sentence start
MAX_SENTENCE_TOKENS = 250
STARTS_KEY = "triage_sent_starts"  # the sentence starts, for the components after this one
TEXT_KEY = "triage_text"  # the passage text, kept by the tokenizer (see pipeline.py)
PARTS_KEY = "triage_parts"  # character offsets of the passages joined into one Doc (none: one passage)
PART_STARTS_KEY = "triage_part_starts"  # their token indices, set by this component

_ABBREVIATIONS = """e.g. i.e. eg. ie. etc.. no. nos. sec. secs. art. arts. para. paras. fig. figs. approx. appx. incl.
    inc. ltd. co. corp. dr. mr. mrs. ms. prof. st. vs. cf. al. ca. ref. refs. vol. ch. pp. p. pg. min.
    max. est. dept. govt. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. u.s. u.k. e.u.
    n.a. a.m. p.m. tel. ext. attn. resp. rev. ver. v. viz. cl. subsec. appx. annex. att. cont. mt. ft."""
ABBREVIATIONS = frozenset(_ABBREVIATIONS.split())
# a sentence end: the word before it, the stop, closing quotes / brackets, space, and a likely start
_TERMINAL = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9•▪◦●■►*–\-])")
_INITIALS = re.compile(r"(?:[a-z]\.)+")
_LINE_BULLET = re.compile(
    r"\n[ \t]*(?=[•▪◦●■►*–\-][ \t]|\(?[a-z0-9]{1,3}[.)][ \t]|\(?[ivx]{1,4}\)[ \t]|\d+(?:\.\d+)+[ \t])"
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_INLINE_CLAUSE = re.compile(
    r"[;:]\s+(?=\([a-z]\)\s|\([ivx]{1,4}\)\s|\(\d{1,2}\)\s|[a-z]\)\s|\d+(?:\.\d+)+\s+[A-Z])"
)
_BULLETS = "•▪◦●■►"
_INLINE_BULLET = re.compile(r"\s+(?=[•▪◦●■►]\s)")


def boundaries(text: str) -> list[int]:
    """Character offsets where a new sentence starts inside `text` (0 excluded), sorted."""
    starts: set[int] = set()
    for m in _TERMINAL.finditer(text):
        stop = m.start()
        if text[stop] == ".":
            word_start = (
                max(text.rfind(" ", 0, stop), text.rfind("\n", 0, stop), text.rfind("(", 0, stop)) + 1
            )
            word = text[word_start : stop + 1].lower()
            if word in ABBREVIATIONS or _INITIALS.fullmatch(word):
                continue  # "e.g. The", "Sec. 3.2", "J. Smith", "U.S. Government"
        starts.add(m.end())
    # the other rules need a character that most passages do not hold: test for it first
    if "\n" in text:
        starts.update(m.end() for m in _LINE_BULLET.finditer(text))
        starts.update(m.end() for m in _BLANK_LINE.finditer(text))
    if ";" in text or ":" in text:
        starts.update(m.end() for m in _INLINE_CLAUSE.finditer(text))
    if any(b in text for b in _BULLETS):
        starts.update(m.end() for m in _INLINE_BULLET.finditer(text))
    n = len(text)
    return sorted(s for s in starts if 0 < s < n and not text[s].isspace())


def doc_text(doc: Doc) -> str:
    """The text of `doc`: the one the tokenizer kept, else rebuilt (Doc.text joins every token)."""
    text = doc.user_data.get(TEXT_KEY)
    return text if text is not None else doc.text


@Language.factory(
    "rfp_sentences",
    assigns=["token.is_sent_start"],
    default_config={},
)
def make_rfp_sentences(nlp: Language, name: str) -> RfpSentences:
    """Sentence boundaries inside one RFP passage (see the module docstring for the rules)."""
    return RfpSentences()


def part_starts(doc: Doc) -> list[int]:
    """Token index where each passage joined into `doc` starts ([0] for a Doc of one passage)."""
    return doc.user_data.get(PART_STARTS_KEY) or [0]


def _offsets(text: str, parts: list[int] | None) -> list[int]:
    """Sentence starts (character offsets, 0 excluded) of `text`, each joined passage on its own."""
    if not parts:
        return boundaries(text)
    offsets: list[int] = []
    ends = [*parts[1:], len(text) + 1]
    for a, b in zip(parts, ends, strict=True):
        if a:
            offsets.append(a)
        offsets.extend(a + o for o in boundaries(text[a : b - 1]))  # b - 1: the joining space
    return offsets


def _capped(starts: list[int], n: int) -> list[int]:
    """`starts` (sorted, from 0) with a start added every MAX_SENTENCE_TOKENS tokens of any longer
    sentence of a Doc of `n` tokens."""
    if n <= MAX_SENTENCE_TOKENS:
        return starts
    out: list[int] = []
    for start, end in zip(starts, [*starts[1:], n], strict=True):
        out.extend(range(start, end, MAX_SENTENCE_TOKENS))
    return out


class RfpSentences:
    """Sets `Token.is_sent_start` at every sentence start found by `boundaries()`."""

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            doc.user_data[STARTS_KEY] = [0]
            return doc
        starts = [0]
        parts = doc.user_data.get(PARTS_KEY)
        offsets = _offsets(doc_text(doc), parts)
        if offsets:
            idx = doc.to_array(IDX)
            for offset, i in zip(offsets, idx.searchsorted(offsets).tolist(), strict=True):
                if 0 < i < n and idx[i] == offset:
                    starts.append(i)
            if parts and len(parts) > 1:
                doc.user_data[PART_STARTS_KEY] = idx.searchsorted(parts).tolist()
        starts = _capped(starts, n)
        # one write through numpy: the Token.is_sent_start setter rescans the doc on every call
        values = numpy.full((n, 1), _NOT_START, dtype="uint64")
        values[starts, 0] = 1
        doc.from_array([SENT_START], values)
        doc.user_data[STARTS_KEY] = starts
        return doc
