"""The fit report as the JSON object promised in `cli.md`: the same keys, in the same order, for
every document, so scripts can rely on it. Extra keys (contributions, low_confidence, ...) follow
the promised ones."""

from __future__ import annotations

import math
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from typing import Any

from triage.report.text import valid_text
from triage.types import ALL_TAGS, DIMENSIONS, SIGNAL_TAGS, FitReport, Quantity, TagSpan


def _number(value: object, digits: int = 4) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return round(number, digits) if math.isfinite(number) else None


def jsonable(value: Any) -> Any:
    """`value` made of JSON types only: dates as ISO strings, dataclasses as dicts, non-finite
    floats as null, and every string valid UTF-8."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str | bytes):
        return valid_text(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return jsonable(asdict(value))
    if isinstance(value, dict):
        return {valid_text(str(k)): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return valid_text(str(value))


def quantity_dict(quantity: Quantity | None) -> dict[str, Any] | None:
    if quantity is None:
        return None
    return {
        "value": _number(quantity.value, 6),
        "unit": valid_text(quantity.unit),
        "text": valid_text(quantity.text),
    }


def span_dict(span: TagSpan) -> dict[str, Any]:
    """One piece of evidence: the promised keys first, then where exactly it stands."""
    return {
        "tag": span.tag,
        "text": valid_text(span.text),
        "sentence": valid_text(span.sentence),
        "page": span.page,
        "location": valid_text(span.location),
        "modality": span.modality,
        "negated": bool(span.negated),
        "quantity": quantity_dict(span.quantity),
        "start": span.start,
        "end": span.end,
        "passage_id": valid_text(span.passage_id),
        "rule_id": valid_text(span.rule_id),
        "boilerplate": bool(span.boilerplate),
    }


def tag_counts(report: FitReport) -> dict[str, dict[str, int]]:
    """For every tag id: how many mentions count (not negated), how many of those are mandatory,
    and how many were negated."""
    counts = {tag: {"count": 0, "mandatory": 0, "negated": 0} for tag in ALL_TAGS}
    for span in report.tagged.spans:
        entry = counts.setdefault(span.tag, {"count": 0, "mandatory": 0, "negated": 0})
        if span.negated:
            entry["negated"] += 1
            continue
        entry["count"] += 1
        if span.modality == "mandatory":
            entry["mandatory"] += 1
    return counts


def signal_spans(report: FitReport) -> list[TagSpan]:
    """The walk-away signals that count: mentions of a signal tag that are not negated."""
    return [s for s in report.tagged.spans if s.tag in SIGNAL_TAGS and not s.negated]


def facts_dict(report: FitReport) -> dict[str, Any]:
    """The key facts with the promised keys always present (null where unknown)."""
    document = report.document
    facts: dict[str, Any] = {"deadline": None, "budget": None, "pages": document.pages, "words": None}
    facts.update(jsonable(dict(report.facts)))
    if facts.get("words") is None:
        facts["words"] = document.words
    return facts


def to_dict(report: FitReport) -> dict[str, Any]:
    """The fit report as a JSON-ready dict with the keys of `cli.md`, in that order."""
    document = report.document
    vertical = report.tagged.vertical
    dimensions = {name: _number(report.dimensions.get(name, 0.0)) or 0.0 for name in DIMENSIONS}
    for name, value in report.dimensions.items():
        dimensions.setdefault(name, _number(value) or 0.0)
    return {
        "file": valid_text(document.name),
        "sha256": document.sha256,
        "score": int(report.score),
        "probability": _number(report.probability) or 0.0,
        "recommendation": report.recommendation,
        "reason": valid_text(report.reason),
        "dimensions": dimensions,
        "vertical": {
            "id": vertical.id,
            "evidence": [span_dict(s) for s in vertical.evidence],
            "confidence": _number(vertical.confidence) or 0.0,
        },
        "signals": [span_dict(s) for s in signal_spans(report)],
        "tags": tag_counts(report),
        "evidence": [span_dict(s) for s in report.tagged.spans],
        "facts": facts_dict(report),
        "model": {
            "version": valid_text(report.model.version),
            "trained_on": int(report.model.trained_on),
        },
        # extra keys, beyond the promise
        "title": valid_text(document.title) if document.title else None,
        "format": document.format,
        "low_confidence": bool(report.low_confidence),
        "intercept": _number(report.intercept) or 0.0,
        "contributions": [
            {
                "feature": valid_text(c.feature),
                "dimension": c.dimension,
                "value": _number(c.value),
                "logit": _number(c.logit),
                "evidence": len(c.evidence),
            }
            for c in report.contributions
        ],
    }
