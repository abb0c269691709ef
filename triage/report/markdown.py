"""The fit report as Markdown, for a wiki page, a ticket or an e-mail.

Every piece of document text goes through `md_escape`, so no sentence can become a link, an image
or raw HTML in whatever renders the Markdown."""

from __future__ import annotations

from triage.report.text import TAG_LABELS, label, md_escape
from triage.report.view import Mention, build_view
from triage.types import FitReport


def _bold(text: str) -> str:
    """`text` in bold, with its spaces at either end kept outside the markers (or they do not work)."""
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}**{core}**{trail}"


def _sentence(m: Mention) -> str:
    text = "".join(
        _bold(md_escape(p.text, part=True)) if p.marked else md_escape(p.text, part=True) for p in m.parts
    )
    text = " ".join(text.split())
    return f"~~{text}~~" if m.negated else text


def _mention(m: Mention, show_tags: bool = False) -> str:
    badges = []
    if show_tags:
        badges += [md_escape(label(TAG_LABELS, t)) for t in m.tags]
    badges.append(m.modality)
    if m.negated:
        badges.append("negated")
    badges += [md_escape(q) for q in m.quantities]
    if m.boilerplate:
        badges.append("boilerplate")
    return f"- {_sentence(m)} _({', '.join(badges)}; {md_escape(m.location)})_"


def render_markdown(report: FitReport) -> str:
    """The fit report as a Markdown document."""
    v = build_view(report)
    out: list[str] = [f"# {md_escape(v.title)}", ""]
    # not a code span: inside one, the escapes would show as they are (`R&amp;D\_portal.pdf`)
    out.append(f"{md_escape(v.file)} · sha256 `{v.sha256[:16]}`")
    out.append("")
    if v.low_confidence:
        out += [
            "> **Low confidence.** This document is unlike the deals the model learned from; "
            "read the evidence before trusting the score.",
            "",
        ]
    out += [
        f"**Fit score: {v.score} / 100** · **{v.recommendation_label}** · "
        f"win probability {v.probability * 100:.0f} %",
        "",
        md_escape(v.reason),
        "",
        f"Model {md_escape(v.model_version)}, learned from {v.trained_on} deals. "
        f"Vertical: {md_escape(v.vertical_label)}.",
        "",
        "## Key facts",
        "",
    ]
    out += [f"- **{md_escape(f.label)}:** {md_escape(f.value)}" for f in v.facts] or ["- none found"]
    out += ["", "## Dimensions", "", "| dimension | score | features |", "|---|---:|---|"]
    for d in v.dimensions:
        feats = "; ".join(f"{md_escape(f.label)} {f.logit:+.2f}" for f in d.features) or "none"
        out.append(f"| {d.label} | {d.value:+.2f} | {feats} |")
    out += ["", "## Walk-away signals", ""]
    out += [_mention(m, show_tags=True) for m in v.signals] or ["No walk-away signal found."]
    if v.signals_hidden:
        out.append(f"- … and {v.signals_hidden} more in the JSON report")
    out += ["", f"## Vertical: {md_escape(v.vertical_label)}", ""]
    out += [_mention(m) for m in v.vertical_evidence] or ["No sentence named the buyer's sector."]
    out += ["", "## Evidence", ""]
    if not v.groups:
        out.append("No requirement of the ideal customer profile was found in this document.")
    if v.missing:
        out += [f"Not mentioned: {md_escape(', '.join(v.missing))}.", ""]
    for g in v.groups:
        counts = f"{g.count} mentions, {g.mandatory} mandatory" + (
            f", {g.negated} negated" if g.negated else ""
        )
        out += [f"### {md_escape(g.label)} ({counts})", ""]
        out += [_mention(m) for m in g.mentions]
        if g.hidden:
            out.append(f"- … and {g.hidden} more in the JSON report")
        out.append("")
    if v.dates:
        out += ["## Dates in the document", "", "| date | as written | where |", "|---|---|---|"]
        out += [f"| {md_escape(d.label)} | {md_escape(d.value)} | {md_escape(d.location)} |" for d in v.dates]
        out.append("")
    out.append(f"_triage fit report · model {md_escape(v.model_version)}_")
    return "\n".join(out) + "\n"
