"""`icp_modality`: what the sentence around a mention asks of it, its modality.

Each sentence gets a modality from the cue words of the taxonomy (`modality:`): `mandatory` (shall,
must, is required, "The Contractor will ..."), `desirable` (should, preferred), `optional` (may, nice
to have, need not), else `info`. The longest cue wins where cues overlap ("not needed" over
"needed"); then mandatory > desirable > optional; cues of the `info` list ("not needed") count as no
requirement language. A sentence of a list that a lead-in ending in ":" introduces inherits the
lead-in's modality. Sets `Span._.modality` on every ICP span and keeps the modality of every sentence
with a cue in `doc.user_data["triage_modality"]`.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from triage.tag import taxonomy as taxonomy_mod
from triage.tag.rules import (
    ICP_KEY,
    Context,
    doc_norms,
    get_spans,
    part_bounds,
    sentence_bounds,
    sentence_starts,
    span_info,
    within_parts,
)
from triage.tag.segment import part_starts

_COLON = hash_string(":")
MODALITY_RANK = {"mandatory": 3, "desirable": 2, "optional": 1, "info": 0}


def cue_phrases(nlp: Language, words: Any) -> list[Doc]:
    """The phrases of a cue list of the taxonomy, tokenised for a `PhraseMatcher` (the modality
    cues here, the negation cues in negation.py)."""
    return list(nlp.tokenizer.pipe(str(w) for w in words or ()))


class ModalityCues:
    """The cue matcher of modality and the rule that turns cues into one modality per sentence."""

    def __init__(self, nlp: Language, spec: dict[str, Any]):
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        for level in ("mandatory", "desirable", "optional", "info"):
            if spec.get(level):
                self.matcher.add(f"MOD_{level}", cue_phrases(nlp, spec[level]))
        self.conditional: dict[str, tuple[str, Context, int]] = {}
        for k, cond in enumerate(spec.get("conditional") or ()):
            key = f"MODC_{k}"
            self.matcher.add(key, cue_phrases(nlp, [cond["phrase"]]))
            self.conditional[key] = (
                cond.get("modality", "mandatory"),
                Context(nlp, cond.get("preceded_by") or ()),
                int(cond.get("within", 5)),
            )

    def by_sentence(self, doc: Doc, only: set[int] | None = None) -> dict[int, str]:
        """The modality of each sentence of `doc` that holds a cue, keyed by its first token;
        with `only`, of the sentences starting at those tokens (and the lead-ins before them)."""
        strings = doc.vocab.strings
        spans = []
        matches = within_parts(doc, self.matcher(doc))  # one pass over the doc, not one per sentence
        if only is not None:
            starts = sentence_starts(doc)
            wanted = set(only)
            for s in only:  # a list sentence may inherit from the one before it
                k = bisect_right(starts, s) - 1
                if k > 0:
                    wanted.add(starts[k - 1])
            matches = [m for m in matches if starts[bisect_right(starts, m[1]) - 1] in wanted]
        for match_id, start, end in matches:
            key = strings[match_id]
            if key == "MOD_optional" and doc[start].text == "May" and self._date(doc, start):
                continue
            spans.append(Span(doc, start, end, label=key))
        # a conditional cue whose condition holds wins over a plain cue of the same words
        valid: list[tuple[Span, str]] = []
        plain: list[Span] = []
        for span in spans:
            key = span.label_
            if not key.startswith("MODC_"):
                plain.append(span)
                continue
            level, before, within = self.conditional[key]
            s_start, _ = sentence_bounds(doc, span.start)
            lo = max(s_start, span.start - within)
            if before.found_near(doc, lo, span.start):
                valid.append((span, level))
        taken = {(s.start, s.end) for s, _ in valid}
        levels = {(s.start, s.end, s.label_): level for s, level in valid}
        chosen = filter_spans([s for s, _ in valid] + [s for s in plain if (s.start, s.end) not in taken])
        best: dict[int, str] = {}
        for span in chosen:
            level = levels.get((span.start, span.end, span.label_)) or span.label_[4:]
            s_start, _ = sentence_bounds(doc, span.start)
            if s_start not in best or MODALITY_RANK[level] > MODALITY_RANK[best[s_start]]:
                best[s_start] = level
        # a list introduced by "... shall:" inherits the lead-in's modality (inside one passage)
        starts = sentence_starts(doc)
        parts = set(part_starts(doc))
        for prev, cur in pairwise(starts):
            if cur not in best and prev in best and doc[cur - 1].text == ":" and cur not in parts:
                best[cur] = best[prev]
        return best

    @staticmethod
    def _date(doc: Doc, i: int) -> bool:
        """Whether "May" at token `i` stands beside a number of its own passage ("2 May 2026")."""
        first, end = part_bounds(doc, i)
        near = [doc[j] for j in (i - 1, i + 1) if first <= j < end]
        return any(t.like_num for t in near)


@Language.factory(
    "icp_modality",
    assigns=["span._.modality"],
    requires=["token.is_sent_start"],
    default_config={"taxonomy": "", "spans_key": ICP_KEY, "only_tagged": True},
)
def make_icp_modality(
    nlp: Language, name: str, taxonomy: str, spans_key: str, only_tagged: bool
) -> IcpModality:
    """The modality of each sentence, on every ICP span (`Span._.modality`). With `only_tagged`
    (the default, for speed) only the sentences that hold a span get one; `sentence_modalities()`
    gives every sentence's."""
    return IcpModality(nlp, taxonomy, spans_key, only_tagged)


class IcpModality:
    def __init__(self, nlp: Language, taxonomy: str, spans_key: str, only_tagged: bool = True):
        self.cues = ModalityCues(nlp, taxonomy_mod.load(taxonomy).modality)
        self.key = spans_key
        self.only_tagged = only_tagged

    def __call__(self, doc: Doc) -> Doc:
        spans = get_spans(doc, self.key)
        wanted = {sentence_bounds(doc, s.start)[0] for s in spans}
        if len(doc):
            norms = doc_norms(doc)
            for end in [*part_starts(doc)[1:], len(doc)]:  # the end of each passage in the doc
                if norms[end - 1] == _COLON:  # a lead-in hands its modality on to the list after it
                    wanted.add(sentence_bounds(doc, end - 1)[0])
        by_sentence = self.cues.by_sentence(doc, wanted if self.only_tagged else None)
        doc.user_data["triage_modality"] = by_sentence
        for span in spans:
            span_info(span)["modality"] = by_sentence.get(sentence_bounds(doc, span.start)[0], "info")
        return doc


def sentence_modalities(nlp: Language, doc: Doc) -> dict[int, str]:
    """The modality of every sentence of `doc` with a cue (after the pipeline ran), by first token."""
    return nlp.get_pipe("icp_modality").cues.by_sentence(doc)


def sentence_modality(doc: Doc, sentence_start: int) -> str:
    """The modality of the sentence starting at token `sentence_start` (after `icp_modality` ran)."""
    return doc.user_data.get("triage_modality", {}).get(sentence_start, "info")
