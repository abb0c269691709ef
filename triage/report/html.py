"""HTML renderings: one self-contained page per report, and the index page of an inbox.

Jinja2 with autoescape always on, templates shipped in the package. A page has its CSS inline, no
JavaScript, loads nothing from anywhere, and carries a Content-Security-Policy that forbids
everything but inline styles and data: images, so that even text that slipped through could not
run or call out.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from triage import __version__
from triage.report.text import TAG_LABELS, label
from triage.report.view import build_view

if TYPE_CHECKING:
    import jinja2

    from triage.types import FitReport

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
REC_COLOURS = {
    "pursue": "#15803d",
    "pursue_with_partner": "#0f766e",
    "qualify_further": "#b45309",
    "walk_away": "#b91c1c",
}


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one Jinja2 environment of the reports: package templates, autoescape on, strict."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("triage.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.globals.update(csp=CSP, triage_version=__version__, tag_label=lambda t: label(TAG_LABELS, t))
    return env


def render_page(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def render_html(report: FitReport, *, requirements_href: str | None = None) -> str:
    """The fit report as one self-contained HTML page."""
    view = build_view(report, requirements_href=requirements_href)
    return render_page("report.html.j2", v=view, rec_colour=REC_COLOURS.get(view.recommendation, "#1d4ed8"))
