"""Numbers that belong to a tag: "integration with 14 systems", "23 languages", "99.95 % uptime".

`icp_quantities` looks, in the sentence of each ICP span, for a number (digits with thousands
separators or decimals, a few number words, optionally followed by "k" / "thousand" / "million" / "lakh")
followed within three words by a unit that the taxonomy lists for the span's tag (`quantities:`),
or by "%" / "percent". The number nearest to the span wins and is set as `Span._.quantity`, a
`triage.types.Quantity`.
"""

from __future__ import annotations

from spacy.attrs import LIKE_NUM
from spacy.language import Language
from spacy.tokens import Doc, Span

from triage.tag import taxonomy as taxonomy_mod
from triage.tag.normalise import norm
from triage.tag.rules import (
    ICP_KEY,
    SUFFIX_MULTIPLIERS,
    WORD_MULTIPLIERS,
    doc_attr,
    get_spans,
    parse_number,
    sentence_bounds,
    span_info,
)
from triage.types import Quantity

_SCALE_WORDS = {**SUFFIX_MULTIPLIERS, **WORD_MULTIPLIERS}  # as a word of its own: "5,000 k", "2 million"
_PERCENT = {"%", "percent", "per cent"}


def find_quantities(doc: Doc, start: int, end: int, units: frozenset[str]) -> list[tuple[int, int, Quantity]]:
    """(first token, end token, Quantity) of each number with one of `units` in doc[start:end]."""
    found: list[tuple[int, int, Quantity]] = []
    like_num = doc_attr(doc, LIKE_NUM)
    if not any(like_num[start:end]):
        return found
    i = start
    while i < end:
        if not like_num[i]:
            i += 1
            continue
        token = doc[i]
        value = parse_number(token.text)
        if value is None:
            i += 1
            continue
        j = i + 1
        if j < end and doc[j].lower_ in _SCALE_WORDS:
            value *= _SCALE_WORDS[doc[j].lower_]
            j += 1
        for k in range(j, min(end, j + 3)):
            t = doc[k]
            if t.text in _PERCENT and "%" in units:
                found.append((i, k + 1, Quantity(value=value, unit="%", text=doc[i : k + 1].text)))
                break
            if t.norm_ in units:
                found.append((i, k + 1, Quantity(value=value, unit=t.lower_, text=doc[i : k + 1].text)))
                break
            if t.is_punct or t.like_num:
                break
        i = j
    return found


@Language.factory(
    "icp_quantities",
    assigns=["span._.quantity"],
    requires=["doc.spans", "token.is_sent_start"],
    default_config={"taxonomy": "", "spans_key": ICP_KEY},
)
def make_icp_quantities(nlp: Language, name: str, taxonomy: str, spans_key: str) -> IcpQuantities:
    """The number that belongs to each ICP span, if its sentence has one (`Span._.quantity`)."""
    return IcpQuantities(nlp, taxonomy, spans_key)


class IcpQuantities:
    def __init__(self, nlp: Language, taxonomy: str, spans_key: str):
        spec = taxonomy_mod.load(taxonomy).quantities
        self.units: dict[str, frozenset[str]] = {}
        for tag, words in spec.items():
            units = set()
            for w in words:
                w = str(w)
                units.add("%" if w in _PERCENT else norm(w.split()[-1]))
            self.units[tag] = frozenset(units)
        self.key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = get_spans(doc, self.key)
        if not spans:
            return doc
        cache: dict[tuple[int, str], list[tuple[int, int, Quantity]]] = {}
        for span in spans:
            units = self.units.get(span.label_)
            if not units:
                continue
            s_start, s_end = sentence_bounds(doc, span.start)
            key = (s_start, span.label_)
            if key not in cache:
                cache[key] = find_quantities(doc, s_start, s_end, units)
            found = cache[key]
            if found:
                best = min(found, key=lambda f: _distance(span, f[0], f[1]))
                span_info(span)["quantity"] = best[2]
        return doc


def _distance(span: Span, start: int, end: int) -> int:
    if end <= span.start:
        return span.start - end
    if start >= span.end:
        return start - span.end
    return 0
