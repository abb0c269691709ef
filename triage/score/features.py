"""From a tagged document to a named feature vector, and from each feature back to its evidence.

`TagFeatures` is a scikit-learn transformer over lists of `TaggedDocument`. Every feature has a name
(`get_feature_names_out`), a dimension (complexity / security / enterprise / signals / context) and a
way back to the spans it was built from (`evidence`), so that a contribution to the score can be
shown with the sentences behind it.

Mentions are counted only where not negated; a mention in boilerplate (instructions to bidders,
legal terms) weighs `boilerplate_weight`. Counts are scaled by length as mentions per
(1,000 words) ** `length_exponent`, then log1p: exponent 1 is a plain density, 0 a plain count; in
between (the default, chosen by cross-validation on the seed deals) a long document needs more
mentions than a short one to look as demanding, but not proportionally more.

The features, per document:
- `TAG.mandatory`, `TAG.other` for each requirement tag: scaled mentions; `other` is desirable,
  optional and info mentions together.
- `TAG.quantity`: log1p of the largest quantity stated beside the tag (`12,000 users`, `23 languages`).
- `integration.systems`: log1p of the number of distinct systems named for integration.
- `DIMENSION.mandatory`, `DIMENSION.other`, `DIMENSION.negated`, `DIMENSION.breadth` for complexity,
  security and enterprise: the scaled mentions of all the dimension's tags, its negated mentions
  ("single sign-on is not required" counts against), and the share of its tags mentioned at all.
- `signal.SIGNAL`: log1p of the (weighted) number of mentions of each walk-away signal.
- `vertical.ID`: the vertical, one-hot.
- `context.boilerplate_share`, `context.log_words`: how much of the body is boilerplate, and length.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

import numpy as np

from triage.types import DIMENSIONS, REQUIREMENT_TAGS, SIGNAL_TAGS, VERTICALS, TaggedDocument, TagSpan

# Bumped whenever the features change meaning; a model made with another version is refused at load.
FEATURES_VERSION = 2
TAG_DIMENSION = {tag: dim for dim, tags in DIMENSIONS.items() for tag in tags}
OTHER_MODALITIES = ("desirable", "optional", "info")


def feature_names() -> list[str]:
    """The names of the features, in the order of the columns `TagFeatures` produces."""
    names: list[str] = []
    for tag in REQUIREMENT_TAGS:
        names += [f"{tag}.mandatory", f"{tag}.other", f"{tag}.quantity"]
        if tag == "integration":
            names.append("integration.systems")
    for dim in DIMENSIONS:
        names += [f"{dim}.mandatory", f"{dim}.other", f"{dim}.negated", f"{dim}.breadth"]
    names += [f"signal.{s}" for s in SIGNAL_TAGS]
    names += [f"vertical.{v}" for v in VERTICALS]
    names += ["context.boilerplate_share", "context.log_words"]
    return names


def detail_feature(name: str) -> bool:
    """A feature of detail: one tag's mentions, quantity or systems, or one vertical. The model weighs
    these below the dimension totals and walk-away signals (`DetailWeights`): a few hundred deals show
    how much a dimension matters far better than how much each of its tags does."""
    head = name.split(".", 1)[0]
    return head in TAG_DIMENSION or head == "vertical"


def feature_dimension(name: str) -> str:
    """The dimension a feature belongs to: complexity, security, enterprise, signals or context."""
    head = name.split(".", 1)[0]
    if head in DIMENSIONS:
        return head
    if head in TAG_DIMENSION:
        return TAG_DIMENSION[head]
    if head == "signal":
        return "signals"
    return "context"


def describe_feature(name: str) -> str:
    """A feature's name in words, for a report or a model card."""
    head, _, tail = name.partition(".")
    words = head.replace("_", " ")
    if head == "signal":
        return f"walk-away signal: {tail.replace('_', ' ')}"
    if head == "vertical":
        return f"vertical: {tail.replace('_', ' ')}"
    if head == "context":
        return {"boilerplate_share": "share of boilerplate", "log_words": "document length"}.get(tail, tail)
    return {
        "mandatory": f"{words}, mandatory mentions",
        "other": f"{words}, other mentions",
        "quantity": f"{words}, largest quantity",
        "systems": f"{words}, distinct systems named",
        "negated": f"{words}, negated mentions",
        "breadth": f"{words}, share of its tags mentioned",
    }.get(tail, name)


def normalize_system(text: str) -> str:
    """The key under which two mentions of a system count as the same: case, punctuation, spaces."""
    return re.sub(r"[^0-9a-z]+", " ", text.lower()).strip()


class FeatureMaker:
    """Turns a list of `TaggedDocument` into a matrix of named, explainable features, with no
    scikit-learn in sight: the fitted state is the training ceiling (`ceiling_`), nothing else.

    `TagFeatures` (in `triage.score.estimator`) is this as a scikit-learn transformer, for training;
    a saved model's scorer rebuilds a `FeatureMaker` from its parameters and ceiling, so scoring a
    document never imports scikit-learn (about 1.5 s of start-up).

    Parameters
    ----------
    boilerplate_weight : what a mention in boilerplate counts for, against 1 for a requirement.
    length_exponent : mentions are counted per (1,000 words) ** length_exponent.
    min_words : the length floor when mentions are scaled, so that a tiny document does not look
        dense.
    clip : cap each feature at the largest value seen in training (`ceiling_`), so that a document
        unlike the training deals (a stray quantity, a runaway count) cannot push a linear model
        beyond what it learned from.
    """

    boilerplate_weight: float
    length_exponent: float
    min_words: int
    clip: bool
    ceiling_: np.ndarray

    @classmethod
    def fitted(cls, params: dict, ceiling: Sequence[float]) -> FeatureMaker:
        """A FeatureMaker with the given parameters and training ceiling (from a saved scorer)."""
        maker = cls.__new__(cls)
        maker.boilerplate_weight = float(params["boilerplate_weight"])
        maker.length_exponent = float(params["length_exponent"])
        maker.min_words = int(params["min_words"])
        maker.clip = bool(params["clip"])
        maker.ceiling_ = np.asarray(ceiling, dtype=float)
        return maker

    def params(self) -> dict:
        return {
            "boilerplate_weight": self.boilerplate_weight,
            "length_exponent": self.length_exponent,
            "min_words": self.min_words,
            "clip": self.clip,
        }

    def transform(self, X: Iterable[TaggedDocument]) -> np.ndarray:
        return self.cap(self.raw_transform(X))

    def raw_transform(self, X: Iterable[TaggedDocument]) -> np.ndarray:
        """The features before capping at the training ceiling."""
        rows = [self._row(doc) for doc in X]
        return np.asarray(rows, dtype=float).reshape(len(rows), len(feature_names()))

    def cap(self, raw: np.ndarray) -> np.ndarray:
        """`raw` features capped at the training ceiling (when `clip`)."""
        return np.minimum(raw, self.ceiling_) if self.clip else raw

    def get_feature_names_out(self, input_features: object = None) -> np.ndarray:
        return np.asarray(feature_names(), dtype=object)

    # --- one document -------------------------------------------------------------------------

    def _weight(self, span: TagSpan) -> float:
        return self.boilerplate_weight if span.boilerplate else 1.0

    def _rate(self, spans: Iterable[TagSpan], words: int) -> float:
        weighted = sum(self._weight(s) for s in spans)
        return math.log1p(weighted / (max(words, self.min_words) / 1000.0) ** self.length_exponent)

    def _row(self, doc: TaggedDocument) -> list[float]:
        words = doc.document.words
        by_tag: dict[str, list[TagSpan]] = {}
        for span in doc.spans:
            if not span.negated:
                by_tag.setdefault(span.tag, []).append(span)
        row: list[float] = []
        for tag in REQUIREMENT_TAGS:
            spans = by_tag.get(tag, [])
            row.append(self._rate((s for s in spans if s.modality == "mandatory"), words))
            row.append(self._rate((s for s in spans if s.modality != "mandatory"), words))
            quantities = [
                s.quantity.value for s in spans if s.quantity is not None and math.isfinite(s.quantity.value)
            ]
            row.append(math.log1p(max(0.0, max(quantities))) if quantities else 0.0)
            if tag == "integration":
                row.append(math.log1p(len(_distinct_systems(spans))))
        for tags in DIMENSIONS.values():
            spans = [s for t in tags for s in by_tag.get(t, [])]
            row.append(self._rate((s for s in spans if s.modality == "mandatory"), words))
            row.append(self._rate((s for s in spans if s.modality != "mandatory"), words))
            row.append(self._rate((s for s in doc.spans if s.negated and s.tag in tags), words))
            row.append(sum(1 for t in tags if by_tag.get(t)) / len(tags))
        for signal in SIGNAL_TAGS:
            row.append(math.log1p(sum(self._weight(s) for s in by_tag.get(signal, []))))
        row += [1.0 if doc.vertical.id == v else 0.0 for v in VERTICALS]
        row.append(float(doc.boilerplate_share))
        row.append(math.log1p(words))
        return row

    def evidence(self, doc: TaggedDocument) -> dict[str, tuple[TagSpan, ...]]:
        """For each feature of `doc`, the spans it was built from (only features that have some)."""
        found: dict[str, tuple[TagSpan, ...]] = {}
        for tag in REQUIREMENT_TAGS:
            spans = doc.active(tag)
            mandatory = tuple(s for s in spans if s.modality == "mandatory")
            other = tuple(s for s in spans if s.modality != "mandatory")
            with_quantity = [s for s in spans if s.quantity is not None and math.isfinite(s.quantity.value)]
            if mandatory:
                found[f"{tag}.mandatory"] = mandatory
            if other:
                found[f"{tag}.other"] = other
            if with_quantity:
                found[f"{tag}.quantity"] = (max(with_quantity, key=lambda s: s.quantity.value),)
            if tag == "integration" and spans:
                found["integration.systems"] = tuple(_distinct_systems(spans).values())
        for dim, tags in DIMENSIONS.items():
            spans = tuple(s for t in tags for s in doc.active(t))
            if mandatory := tuple(s for s in spans if s.modality == "mandatory"):
                found[f"{dim}.mandatory"] = mandatory
            if other := tuple(s for s in spans if s.modality != "mandatory"):
                found[f"{dim}.other"] = other
            if negated := tuple(s for s in doc.spans if s.negated and s.tag in tags):
                found[f"{dim}.negated"] = negated
            if spans:
                found[f"{dim}.breadth"] = tuple({s.tag: s for s in reversed(spans)}.values())
        for signal in SIGNAL_TAGS:
            if spans := doc.active(signal):
                found[f"signal.{signal}"] = spans
        if doc.vertical.evidence:
            found[f"vertical.{doc.vertical.id}"] = tuple(doc.vertical.evidence)
        return found


def _distinct_systems(spans: Iterable[TagSpan]) -> dict[str, TagSpan]:
    """The first span for each distinct system named (normalized span text)."""
    systems: dict[str, TagSpan] = {}
    for span in spans:
        key = normalize_system(span.text)
        if key and key not in systems:
            systems[key] = span
    return systems


def __getattr__(name: str) -> object:
    # `TagFeatures` needs scikit-learn; it is imported only when someone asks for it.
    if name == "TagFeatures":
        from triage.score.estimator import TagFeatures

        return TagFeatures
    raise AttributeError(name)
