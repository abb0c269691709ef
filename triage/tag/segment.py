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
`Token.is_sent_start` only where a sentence starts.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

_ABBREVIATIONS = """e.g. i.e. eg. ie. etc.. no. nos. sec. secs. art. arts. para. paras. fig. figs. approx. appx. incl.
    inc. ltd. co. corp. dr. mr. mrs. ms. prof. st. vs. cf. al. ca. ref. refs. vol. ch. pp. p. pg. min.
    max. est. dept. govt. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. u.s. u.k. e.u.
    n.a. a.m. p.m. tel. ext. attn. resp. rev. ver. v. viz. cl. subsec. appx. annex. att. cont. mt. ft."""
ABBREVIATIONS = frozenset(_ABBREVIATIONS.split())
_TERMINAL = re.compile(r"[.!?]+[\"'”’)\]]*\s+")
_STARTER = re.compile(r"[\"'“‘(\[]?[A-Z0-9•▪◦●■►*–\-]")
_LINE_BULLET = re.compile(
    r"\n[ \t]*(?=[•▪◦●■►*–\-][ \t]|\(?[a-z0-9]{1,3}[.)][ \t]|\(?[ivx]{1,4}\)[ \t]|\d+(?:\.\d+)+[ \t])"
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_INLINE_CLAUSE = re.compile(
    r"[;:]\s+(?=\([a-z]\)\s|\([ivx]{1,4}\)\s|\(\d{1,2}\)\s|[a-z]\)\s|\d+(?:\.\d+)+\s+[A-Z])"
)
_INLINE_BULLET = re.compile(r"\s+(?=[•▪◦●■►]\s)")


def boundaries(text: str) -> list[int]:
    """Character offsets where a new sentence starts inside `text` (0 excluded), sorted."""
    starts: set[int] = set()
    for m in _TERMINAL.finditer(text):
        end = m.end()
        if end >= len(text) or not _STARTER.match(text, end):
            continue
        word_start = text.rfind(" ", 0, m.start()) + 1
        word_start = max(word_start, text.rfind("\n", 0, m.start()) + 1, text.rfind("(", 0, m.start()) + 1)
        word = text[word_start : m.start() + 1].lower()
        if text[m.start()] == "." and (
            word in ABBREVIATIONS or re.fullmatch(r"[a-z]\.", word) or re.fullmatch(r"(?:[a-z]\.){2,}", word)
        ):
            continue
        starts.add(end)
    for pattern in (_LINE_BULLET, _BLANK_LINE, _INLINE_CLAUSE, _INLINE_BULLET):
        for m in pattern.finditer(text):
            starts.add(m.end())
    return sorted(s for s in starts if 0 < s < len(text) and not text[s].isspace())


@Language.factory(
    "rfp_sentences",
    assigns=["token.is_sent_start"],
    default_config={},
)
def make_rfp_sentences(nlp: Language, name: str) -> RfpSentences:
    """Sentence boundaries inside one RFP passage (see the module docstring for the rules)."""
    return RfpSentences()


class RfpSentences:
    """Sets `Token.is_sent_start` at every sentence start found by `boundaries()`."""

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        doc[0].is_sent_start = True
        offsets = boundaries(doc.text)
        if not offsets:
            if len(doc) > 1:
                doc[1].is_sent_start = False  # one sentence: mark the annotation as set
            return doc
        starts = [t.idx for t in doc]
        marked = False
        for offset in offsets:
            i = bisect_left(starts, offset)
            if 0 < i < len(doc) and starts[i] == offset:
                doc[i].is_sent_start = True
                marked = True
        if not marked and len(doc) > 1:
            doc[1].is_sent_start = False
        return doc
