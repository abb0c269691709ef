"""The document's vertical (industry), decided from cue phrases with their evidence.

`icp_vertical` matches the rules under `verticals:` of the taxonomy (sense-filtered like the tag
rules) into `doc.spans["vertical"]`, per passage. `decide()` then weighs the mentions of a whole
document: the vertical with the most weight wins when it has at least `MIN_WEIGHT` and at least
`MIN_SHARE` of all vertical weight; otherwise the vertical is `other`. The confidence is the
winner's share of the weight, damped while the evidence is thin (fewer than `FULL_WEIGHT`).
Mentions in boilerplate sections (insurance clauses, invoicing) do not count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from triage.tag import taxonomy as taxonomy_mod
from triage.tag.rules import VERTICAL_KEY, RuleSet, set_spans
from triage.types import TagSpan, Vertical

MIN_WEIGHT = 3.0
MIN_SHARE = 0.4
FULL_WEIGHT = 10.0
MAX_EVIDENCE = 5


@Language.factory(
    "icp_vertical",
    assigns=["doc.spans"],
    requires=["token.is_sent_start"],
    default_config={"taxonomy": "", "spans_key": VERTICAL_KEY},
)
def make_icp_vertical(nlp: Language, name: str, taxonomy: str, spans_key: str) -> IcpVertical:
    """Mentions of a vertical, into `doc.spans[spans_key]` (label = vertical id, id = rule id)."""
    return IcpVertical(nlp, taxonomy, spans_key)


class IcpVertical:
    def __init__(self, nlp: Language, taxonomy: str, spans_key: str):
        tax = taxonomy_mod.load(taxonomy)
        self.rules = RuleSet(nlp, tax.vertical_rules, tax.window)
        self.key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        candidates = self.rules.candidates(doc)
        set_spans(doc, self.key, self.rules.keep(doc, candidates) if candidates else [])
        return doc


def decide(mentions: Sequence[TagSpan], weights: dict[str, float] | None = None) -> Vertical:
    """The vertical of a document from its vertical mentions (TagSpan.tag = the vertical id)."""
    weights = weights or {}
    score: dict[str, float] = defaultdict(float)
    for m in mentions:
        score[m.tag] += weights.get(m.rule_id, 1.0)
    total = sum(score.values())
    if not total:
        return Vertical(id="other", evidence=(), confidence=0.5)
    best = max(score, key=lambda k: score[k])
    share = score[best] / total
    if score[best] < MIN_WEIGHT or share < MIN_SHARE:
        return Vertical(
            id="other", evidence=(), confidence=round(1 - share * min(1.0, score[best] / FULL_WEIGHT), 3)
        )
    evidence: list[TagSpan] = []
    seen: set[str] = set()
    for m in mentions:
        if m.tag == best and m.text.lower() not in seen:
            seen.add(m.text.lower())
            evidence.append(m)
            if len(evidence) == MAX_EVIDENCE:
                break
    confidence = share * min(1.0, score[best] / FULL_WEIGHT)
    return Vertical(id=best, evidence=tuple(evidence), confidence=round(confidence, 3))
