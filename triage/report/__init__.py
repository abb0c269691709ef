"""The report stage: a FitReport as JSON (the promise of `cli.md`), as a self-contained HTML page,
as Markdown, and as a compliance-matrix CSV; written to disk atomically, with an index page of
every document of an inbox.

    from triage.report import render, write_reports, safe_name
    html = render(report, "html")
    paths = write_reports(report, Path("reports"), safe_name(report.document.name))
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from triage.report.as_json import to_dict
from triage.report.files import atomic_write, safe_name, unique_name
from triage.report.index import IndexEntry, build_index
from triage.report.requirements import requirements_csv
from triage.types import FitReport

FORMATS = ("json", "html", "md")
SUFFIXES = {"json": ".json", "html": ".html", "md": ".md", "csv": ".requirements.csv"}

__all__ = [
    "FORMATS",
    "IndexEntry",
    "atomic_write",
    "build_index",
    "render",
    "requirements_csv",
    "safe_name",
    "to_dict",
    "to_json",
    "unique_name",
    "write_reports",
]


def to_json(report: FitReport, *, indent: int | None = None) -> str:
    """The fit report as JSON text (UTF-8 characters as they are; one line unless `indent`)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent, allow_nan=False)


def render(report: FitReport, fmt: str, *, requirements_href: str | None = None) -> str:
    """The fit report as text in `fmt`: `json` (one line), `html` (one self-contained page) or `md`.

    `requirements_href`, for HTML, is a relative link to the compliance matrix written beside it."""
    if fmt == "json":
        return to_json(report)
    if fmt == "html":
        from triage.report.html import render_html

        return render_html(report, requirements_href=requirements_href)
    if fmt == "md":
        from triage.report.markdown import render_markdown

        return render_markdown(report)
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")


def write_reports(
    report: FitReport,
    out_dir: Path,
    name: str,
    formats: Iterable[str] = ("html", "json"),
    *,
    requirements: bool = True,
) -> dict[str, Path]:
    """Write NAME.<format> for each format and NAME.requirements.csv into `out_dir`, each atomically.

    `name` must be a bare file name (use `safe_name`). Returns {format: path}, with "csv" for the
    compliance matrix."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
        raise ValueError(f"not a report name: {name!r}; use safe_name()")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    if requirements:
        written["csv"] = atomic_write(out_dir / f"{name}{SUFFIXES['csv']}", requirements_csv(report))
    for fmt in dict.fromkeys(formats):
        if fmt not in SUFFIXES or fmt == "csv":
            raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
        href = quote(f"{name}{SUFFIXES['csv']}") if requirements else None
        text = render(report, fmt, requirements_href=href)
        if fmt == "json":
            text += "\n"
        written[fmt] = atomic_write(out_dir / f"{name}{SUFFIXES[fmt]}", text)
    return written
