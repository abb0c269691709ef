"""Text from a document made safe to show: no lone surrogates, no control characters, and escaping
for Markdown. HTML escaping is Jinja2's job (autoescape is always on); this module only makes sure
the characters themselves are printable and valid UTF-8."""

from __future__ import annotations

import contextlib
import re

_SURROGATES = re.compile(r"[\ud800-\udfff]")
# C0 and C1 control characters except tab and newline, and the Unicode line/paragraph separators
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_ALL_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

TAG_LABELS: dict[str, str] = {
    "integration": "Integration",
    "user_roles": "User roles",
    "workflow": "Workflow",
    "b2b_portal": "B2B portal",
    "collaboration": "Collaboration",
    "access_control": "Access control",
    "account_services": "Account services",
    "compliance": "Compliance",
    "security_ops": "Security operations",
    "scale": "Scale",
    "multi_site": "Multi-site",
    "extensibility": "Extensibility",
    "simple_site": "Simple site",
    "turnkey": "Turnkey",
    "platform_mandate": "Platform mandate",
    "out_of_scope": "Out of scope",
}
RECOMMENDATION_LABELS: dict[str, str] = {
    "pursue": "Pursue",
    "pursue_with_partner": "Pursue with a partner",
    "qualify_further": "Qualify further",
    "walk_away": "Walk away",
}
VERTICAL_LABELS: dict[str, str] = {
    "financial_services": "Financial services",
    "government": "Government",
    "healthcare": "Healthcare",
    "manufacturing": "Manufacturing",
    "energy_utilities": "Energy and utilities",
    "education": "Education",
    "retail_distribution": "Retail and distribution",
    "telecom": "Telecom",
    "other": "Other",
}
MODALITY_ORDER = {"mandatory": 0, "desirable": 1, "optional": 2, "info": 3}


def valid_text(value: object) -> str:
    """`value` as a str that encodes to UTF-8: bytes that were not UTF-8 (surrogate escapes) and
    lone surrogates become U+FFFD."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    text = value if isinstance(value, str) else str(value)
    if _SURROGATES.search(text):
        with contextlib.suppress(UnicodeEncodeError):
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        text = _SURROGATES.sub("\ufffd", text)
    return text


def clean(value: object) -> str:
    """Text to show in a report: valid UTF-8, no control characters (tabs and newlines kept)."""
    if value is None:
        return ""
    return _CONTROLS.sub(" ", valid_text(value))


def one_line(value: object) -> str:
    """Text to show on one line (a file name, a table cell): every control character, newlines
    included, becomes a space."""
    if value is None:
        return ""
    return " ".join(_ALL_CONTROLS.sub(" ", valid_text(value)).split())


def label(mapping: dict[str, str], key: object) -> str:
    """The words for an id, or the id itself made readable."""
    text = one_line(key)
    return mapping.get(text) or text.replace("_", " ").capitalize()


_FEATURE_KINDS = {
    "mandatory": "mandatory mentions",
    "other": "other mentions",
    "quantity": "largest quantity",
    "max_quantity": "largest quantity",
    "systems": "distinct systems named",
    "negated": "negated mentions",
    "breadth": "share of its tags mentioned",
}
_CONTEXT = {"boilerplate_share": "Share of boilerplate", "log_words": "Document length"}


def feature_label(feature: str) -> str:
    """A model feature in words: `integration.systems` -> `Integration: distinct systems named`,
    `signal.platform_mandate` -> `Platform mandate`, `vertical.government` -> `Vertical: Government`."""
    text = one_line(feature)
    head, dot, tail = text.partition(".")
    if not dot:  # older names: integration_mandatory
        for tag in sorted(TAG_LABELS, key=len, reverse=True):
            if text.startswith(tag + "_"):
                head, tail = tag, text[len(tag) + 1 :]
                break
        else:
            return text.replace("_", " ").strip().capitalize()
    if head == "signal":
        return label(TAG_LABELS, tail)
    if head == "vertical":
        return f"Vertical: {label(VERTICAL_LABELS, tail)}"
    if head == "context":
        return _CONTEXT.get(tail) or label({}, tail)
    what = TAG_LABELS.get(head) or head.replace("_", " ").capitalize()
    return f"{what}: {_FEATURE_KINDS.get(tail) or tail.replace('_', ' ')}"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")
_MD_LINE_START = re.compile(r"^(\d+)([.)])|^([-+=])")


def md_escape(value: object, *, part: bool = False) -> str:
    """Document text for Markdown: one line, HTML characters as entities, and every character that
    Markdown gives a meaning escaped with a backslash, so no text becomes a link, image or HTML.

    With `part`, the text is a piece of a longer line: its spaces at either end are kept and the
    escaping of line starts (`1.`, `-`) is left to the line."""
    if part:
        text = "" if value is None else _ALL_CONTROLS.sub(" ", valid_text(value))
    else:
        text = one_line(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    text = _MD_SPECIAL.sub(r"\\\g<1>", text)
    if part:
        return text
    return _MD_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)
