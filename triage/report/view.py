"""What a human report shows, worked out once for both the HTML and the Markdown rendering.

Everything here is plain data; every string that came from a document has passed through
`clean`/`one_line`, and highlighted sentences are lists of (text, marked) parts so that the
templates escape each part themselves: no HTML is ever built from document text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from triage.report.as_json import facts_dict, signal_spans
from triage.report.text import (
    MODALITY_ORDER,
    RECOMMENDATION_LABELS,
    TAG_LABELS,
    VERTICAL_LABELS,
    clean,
    feature_label,
    label,
    one_line,
)
from triage.types import DIMENSIONS, SIGNAL_TAGS, FitReport, TagSpan

MAX_SENTENCES_PER_TAG = 25  # the rest are in the JSON report
MAX_SIGNALS = 12  # walk-away sentences shown; the rest are in the JSON report
MAX_FEATURES = 6  # per dimension; the smaller effects are summed up in one line
MIN_EFFECT = 0.005  # a contribution smaller than this (in log-odds) is not listed
MAX_SENTENCE = 600  # characters of a "sentence" shown whole; longer ones are cut around the matches
CONTEXT_CHARS = 240  # characters kept either side of the matches in a long sentence


@dataclass(frozen=True)
class Part:
    """A piece of a sentence; `marked` pieces are the words that matched."""

    text: str
    marked: bool = False


@dataclass(frozen=True)
class Mention:
    """One sentence with the words of one tag highlighted, and where it stands."""

    parts: tuple[Part, ...]
    location: str
    page: int | None
    modality: str
    negated: bool
    quantities: tuple[str, ...] = ()
    boilerplate: bool = False
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class TagGroup:
    tag: str
    label: str
    count: int  # mentions that count
    mandatory: int
    negated: int
    mentions: tuple[Mention, ...]
    hidden: int = 0  # mentions not shown (beyond MAX_SENTENCES_PER_TAG)


@dataclass(frozen=True)
class Feature:
    label: str
    value: float | None
    logit: float


@dataclass(frozen=True)
class DimensionView:
    name: str
    label: str
    value: float
    features: tuple[Feature, ...]
    rest: int = 0  # features with an effect not listed
    rest_logit: float = 0.0  # their summed effect


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    sentence: str = ""
    location: str = ""


@dataclass(frozen=True)
class ReportView:
    """Everything the report templates show, in the order they show it."""

    title: str
    file: str
    sha256: str
    score: int
    probability: float
    recommendation: str
    recommendation_label: str
    reason: str
    model_version: str
    trained_on: int
    low_confidence: bool
    dimensions: tuple[DimensionView, ...]
    dimension_scale: float
    signals: tuple[Mention, ...]
    signals_hidden: int
    signal_effects: DimensionView
    context_effects: DimensionView
    vertical_id: str
    vertical_label: str
    vertical_confidence: float
    vertical_evidence: tuple[Mention, ...]
    groups: tuple[TagGroup, ...]
    missing: tuple[str, ...]  # requirement tags with no mention that counts
    facts: tuple[Fact, ...]
    dates: tuple[Fact, ...] = field(default_factory=tuple)
    requirements_href: str | None = None


def _merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def span_range(span: TagSpan) -> tuple[int, int] | None:
    """Where `span.text` stands in `span.sentence`: the offsets when they point at the matched words,
    else the first place the words occur, else None."""
    sentence = span.sentence
    if 0 <= span.start < span.end <= len(sentence) and sentence[span.start : span.end] == span.text:
        return span.start, span.end
    if span.text:
        at = sentence.find(span.text)
        if at >= 0:
            return at, at + len(span.text)
        at = sentence.lower().find(span.text.lower())
        if at >= 0:
            return at, at + len(span.text)
    return None


def highlight(sentence: str, ranges: Iterable[tuple[int, int]]) -> tuple[Part, ...]:
    """`sentence` split at the start and end of each range; the ranges are the marked parts.

    A very long "sentence" (a flattened table, a page without full stops) is cut to the stretch
    around its matches, with an ellipsis where text was left out."""
    merged = _merge(r for r in ranges if 0 <= r[0] < r[1] <= len(sentence))
    lo, hi = 0, len(sentence)
    if len(sentence) > MAX_SENTENCE:
        first, last = (merged[0][0], merged[-1][1]) if merged else (0, 0)
        lo = max(0, first - CONTEXT_CHARS)
        hi = min(len(sentence), max(last + CONTEXT_CHARS, lo + MAX_SENTENCE))
        merged = [(max(a, lo), min(b, hi)) for a, b in merged if a < hi]
    parts: list[Part] = [Part("… ")] if lo > 0 else []
    at = lo
    for start, end in merged:
        if start > at:
            parts.append(Part(clean(sentence[at:start])))
        parts.append(Part(clean(sentence[start:end]), marked=True))
        at = end
    if at < hi:
        parts.append(Part(clean(sentence[at:hi])))
    if hi < len(sentence):
        parts.append(Part(" …"))
    return tuple(parts)


def mentions(spans: Iterable[TagSpan]) -> list[Mention]:
    """Mentions of spans, one per sentence (several matches in a sentence are all marked), ordered
    as the spans first came; a negated and a counting mention of the same sentence stay apart."""
    order: list[tuple[str, str, bool]] = []
    grouped: dict[tuple[str, str, bool], list[TagSpan]] = {}
    for span in spans:
        key = (span.passage_id, span.sentence, bool(span.negated))
        if key not in grouped:
            order.append(key)
            grouped[key] = []
        grouped[key].append(span)
    out: list[Mention] = []
    for key in order:
        group = grouped[key]
        first = group[0]
        ranges = [r for r in (span_range(s) for s in group) if r is not None]
        quantities = tuple(dict.fromkeys(one_line(s.quantity.text) for s in group if s.quantity))
        modality = min((s.modality for s in group), key=lambda m: MODALITY_ORDER.get(m, 9))
        out.append(
            Mention(
                parts=highlight(first.sentence, ranges),
                location=one_line(first.location),
                page=first.page,
                modality=modality,
                negated=bool(first.negated),
                quantities=quantities,
                boilerplate=all(s.boilerplate for s in group),
                tags=tuple(dict.fromkeys(s.tag for s in group)),
            )
        )
    return out


def _ranked(found: list[Mention]) -> list[Mention]:
    """Counting mentions before negated ones, mandatory first, boilerplate last; stable otherwise."""
    return sorted(found, key=lambda m: (m.negated, m.boilerplate, MODALITY_ORDER.get(m.modality, 9)))


def tag_groups(report: FitReport) -> tuple[TagGroup, ...]:
    groups: list[TagGroup] = []
    by_tag: dict[str, list[TagSpan]] = {}
    for span in report.tagged.spans:
        by_tag.setdefault(span.tag, []).append(span)
    order = [t for tags in DIMENSIONS.values() for t in tags] + [t for t in by_tag if t not in TAG_LABELS]
    for tag in order:
        spans = by_tag.get(tag, [])
        if not spans:
            continue
        found = _ranked(mentions(spans))
        groups.append(
            TagGroup(
                tag=tag,
                label=label(TAG_LABELS, tag),
                count=sum(1 for s in spans if not s.negated),
                mandatory=sum(1 for s in spans if not s.negated and s.modality == "mandatory"),
                negated=sum(1 for s in spans if s.negated),
                mentions=tuple(found[:MAX_SENTENCES_PER_TAG]),
                hidden=max(0, len(found) - MAX_SENTENCES_PER_TAG),
            )
        )
    return tuple(groups)


def _features(report: FitReport, dimension: str) -> tuple[tuple[Feature, ...], int, float]:
    """The largest effects of a dimension's features (largest first), and the count and summed
    effect of the others."""
    found = [c for c in report.contributions if c.dimension == dimension and abs(c.logit) >= MIN_EFFECT]
    found.sort(key=lambda c: -abs(c.logit))
    shown = tuple(Feature(feature_label(c.feature), c.value, round(c.logit, 3)) for c in found[:MAX_FEATURES])
    total = sum(c.logit for c in report.contributions if c.dimension == dimension)
    rest_logit = total - sum(f.logit for f in shown)
    return shown, len(found) - len(shown), round(rest_logit, 3)


def _text_fact(name: str, value: object, evidence: object = None) -> Fact | None:
    if value in (None, "", []):
        return None
    sentence = location = ""
    if isinstance(evidence, dict):
        sentence = clean(evidence.get("sentence") or "")
        location = one_line(evidence.get("location") or "")
    return Fact(name, one_line(value), sentence, location)


def facts(report: FitReport) -> tuple[tuple[Fact, ...], tuple[Fact, ...]]:
    """The key facts (deadline, budget, length) and the other dates found."""
    data = facts_dict(report)
    found = [
        _text_fact("Submission deadline", data.get("deadline"), data.get("deadline_evidence")),
        _text_fact("Budget / contract value", data.get("budget"), data.get("budget_evidence")),
        _text_fact("Pages", data.get("pages")),
        _text_fact("Words", f"{data['words']:,}" if isinstance(data.get("words"), int) else None),
    ]
    known = {"deadline", "deadline_evidence", "budget", "budget_value", "budget_evidence", "dates"}
    known |= {"pages", "words"}
    for key, value in data.items():
        if key not in known and isinstance(value, str | int | float) and not isinstance(value, bool):
            found.append(_text_fact(label({}, key), value))
    dates: list[Fact] = []
    for item in data.get("dates") or []:
        if isinstance(item, dict) and item.get("date"):
            dates.append(
                Fact(
                    one_line(item.get("date")),
                    one_line(item.get("text") or ""),
                    clean(item.get("sentence") or ""),
                    one_line(item.get("location") or ""),
                )
            )
    return tuple(f for f in found if f is not None), tuple(dates)


def build_view(report: FitReport, *, requirements_href: str | None = None) -> ReportView:
    """The view of `report` that both human renderings show."""
    document = report.document
    dims = tuple(
        DimensionView(
            name,
            name.capitalize(),
            round(float(report.dimensions.get(name, 0.0)), 3),
            *_features(report, name),
        )
        for name in (*DIMENSIONS, "signals", "context")
    )
    scale = max([abs(d.value) for d in dims] + [abs(f.logit) for d in dims for f in d.features] + [1.0])
    signals_dim, context_dim = dims[-2:]
    dims = dims[:-2]
    key_facts, dates = facts(report)
    signals = _ranked(mentions(signal_spans(report)))
    vertical = report.tagged.vertical
    return ReportView(
        title=one_line(document.title or document.name) or "(untitled document)",
        file=one_line(document.name),
        sha256=one_line(document.sha256),
        score=max(0, min(100, int(report.score))),
        probability=float(report.probability),
        recommendation=one_line(report.recommendation),
        recommendation_label=label(RECOMMENDATION_LABELS, report.recommendation),
        reason=clean(report.reason),
        model_version=one_line(report.model.version),
        trained_on=int(report.model.trained_on),
        low_confidence=bool(report.low_confidence),
        dimensions=dims,
        dimension_scale=scale,
        signals=tuple(signals[:MAX_SIGNALS]),
        signals_hidden=max(0, len(signals) - MAX_SIGNALS),
        signal_effects=signals_dim,
        context_effects=context_dim,
        vertical_id=one_line(vertical.id),
        vertical_label=label(VERTICAL_LABELS, vertical.id),
        vertical_confidence=float(vertical.confidence),
        vertical_evidence=tuple(mentions(vertical.evidence))[:10],
        groups=tag_groups(report),
        missing=tuple(
            label(TAG_LABELS, t) for tags in DIMENSIONS.values() for t in tags if not report.tagged.active(t)
        ),
        facts=key_facts,
        dates=dates,
        requirements_href=requirements_href,
    )


def signal_label(tag: str) -> str:
    return label(TAG_LABELS, tag) if tag in SIGNAL_TAGS else one_line(tag)
