"""The index page of an inbox's reports: every document triaged, newest first, with its score,
recommendation, vertical, deadline and outcome, and the documents that failed with their reason.

The inbox builds the entries from its ledger and calls `build_index` after each document."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from triage.report.files import atomic_write
from triage.report.text import RECOMMENDATION_LABELS, VERTICAL_LABELS, label, one_line

Status = str  # "done" | "failed" | "duplicate"


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One document on the index page.

    `triaged_at` is an ISO 8601 time (or a datetime); `href` a link relative to the index page to the
    document's report (for a duplicate: the first report); `reason` why a document failed, or for a
    duplicate which document it repeats."""

    file_name: str
    sha256: str
    triaged_at: str | datetime
    score: int | None = None
    recommendation: str | None = None
    vertical: str | None = None
    deadline: str | None = None
    outcome: str | None = None
    href: str | None = None
    status: Status = "done"
    reason: str | None = None


@dataclass(frozen=True)
class _Row:
    file: str
    sha256: str
    when: str
    score: int | None
    recommendation: str
    recommendation_label: str
    vertical: str
    deadline: str
    outcome: str
    href: str | None
    status: str
    reason: str


def _when(value: str | datetime | float | None) -> datetime:
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        try:
            moment = datetime.fromtimestamp(value, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return datetime.min.replace(tzinfo=UTC)
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            return datetime.min.replace(tzinfo=UTC)
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def safe_href(href: str | None) -> str | None:
    """A link that can only lead to a file beside or below the index page: relative, no scheme, no
    host, no `..`; each path segment percent-encoded."""
    if not href:
        return None
    text = one_line(href)
    parts = urlsplit(text)
    if parts.scheme or parts.netloc or text.startswith(("/", "\\")):
        return None
    segments = unquote(parts.path).split("/")
    if any(s in ("", ".", "..") or "\\" in s for s in segments):
        return None
    return "/".join(quote(s, safe="") for s in segments)


def _score(value: object) -> int | None:
    try:
        return round(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None


def _row(entry: IndexEntry) -> _Row:
    moment = _when(entry.triaged_at)
    rec = one_line(entry.recommendation or "")
    return _Row(
        file=one_line(entry.file_name) or "(no name)",
        sha256=one_line(entry.sha256),
        when=moment.strftime("%Y-%m-%d %H:%M") if moment.year > 1 else one_line(entry.triaged_at or ""),
        score=_score(entry.score),
        recommendation=rec,
        recommendation_label=label(RECOMMENDATION_LABELS, rec) if rec else "",
        vertical=label(VERTICAL_LABELS, entry.vertical) if entry.vertical else "",
        deadline=one_line(entry.deadline or ""),
        outcome=one_line(entry.outcome or ""),
        href=safe_href(entry.href),
        status=one_line(entry.status) or "done",
        reason=one_line(entry.reason or ""),
    )


def render_index(entries: Iterable[IndexEntry]) -> str:
    """The index page as HTML: newest first."""
    from triage.report.html import render_page

    listed = sorted(entries, key=lambda e: _when(e.triaged_at), reverse=True)
    rows = [_row(e) for e in listed]
    counts = {s: sum(1 for r in rows if r.status == s) for s in ("done", "failed", "duplicate")}
    return render_page("index.html.j2", rows=rows, counts=counts)


def build_index(entries: Iterable[IndexEntry], out_dir: Path) -> Path:
    """Write `out_dir/index.html` listing `entries`, atomically; returns its path."""
    return atomic_write(Path(out_dir) / "index.html", render_index(entries))
