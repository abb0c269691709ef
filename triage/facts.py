"""Key facts of a document that a bid manager looks for first: the submission deadline and other
dates, the budget or contract value, and how long the document is.

Plain regular expressions over the passages: no model, no guessing beyond what is written. Every
fact keeps the sentence it came from, so a report can show where it stands.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from triage.types import Document

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = [
    # March 15, 2025 / Mar. 15 2025
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    # 15 March 2025 / 15th of March, 2025
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    # 2025-03-15
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d{1,2})-(?P<day>\d{1,2})\b"),
    # 03/15/2025 (US order; read as day/month where the first number cannot be a month)
    re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
]
_DEADLINE_CUES = re.compile(
    r"\b(deadline|due|closing date|close[sd]?|submission|submitted|submit|received (?:no later than|by)|"
    r"no later than|responses? (?:are|is|must be)|proposals? (?:are|is|must be)|quotes? (?:are|is|must be)|"
    r"offers? (?:are|is|must be))\b",
    re.I,
)
_QUESTION_CUES = re.compile(r"\b(questions?|clarifications?|inquir(?:y|ies)|pre-?bid|conference)\b", re.I)
_MONEY = re.compile(
    r"(?P<cur>US\$|\$|€|£|EUR|USD|GBP|INR|Rs\.?)\s?(?P<num>\d{1,3}(?:[,.\s]\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<mult>million|m|billion|bn|k|thousand|lakh|crore)\b)?",
    re.I,
)
_BUDGET_CUES = re.compile(
    r"\b(budget|not[- ]to[- ]exceed|ceiling|estimated (?:contract |total )?value|contract value|"
    r"maximum (?:contract )?(?:value|amount)|funding|total value|price cap|up to)\b",
    re.I,
)
_DIGIT = re.compile(r"\d")  # a passage without a digit holds no date and no amount
_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
    "lakh": 1e5,
    "crore": 1e7,
}


@dataclass(frozen=True, slots=True)
class DateFact:
    when: date
    text: str
    sentence: str
    location: str


def _to_date(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    try:
        year = int(g["year"])
        if g.get("month"):
            month = _MONTHS[g["month"].lower().rstrip(".")]
            day = int(g["day"])
        elif g.get("mon"):
            month, day = int(g["mon"]), int(g["day"])
        else:
            a, b = int(g["a"]), int(g["b"])
            month, day = (a, b) if a <= 12 else (b, a)
        return date(year, month, day)
    except (ValueError, KeyError):
        return None


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;!?])\s+(?=[A-Z0-9])", text) if s.strip()]


def find_dates(document: Document) -> list[DateFact]:
    """Every date written in the body, in reading order."""
    found: list[DateFact] = []
    for passage in document.body:
        if not _DIGIT.search(passage.text):
            continue
        for sentence in _sentences(passage.text):
            spans: list[tuple[int, int]] = []
            for pattern in _DATE_PATTERNS:
                for m in pattern.finditer(sentence):
                    if any(s <= m.start() < e for s, e in spans):
                        continue
                    when = _to_date(m)
                    if when is not None:
                        spans.append((m.start(), m.end()))
                        found.append(DateFact(when, m.group(0), sentence.strip(), passage.location))
    return found


def _amount(m: re.Match[str]) -> float:
    raw = m.group("num")
    # "1.200.000" or "1,200,000" or "1 200 000" -> thousands separators; "2.5" -> decimal
    if re.fullmatch(r"\d{1,3}(?:[,.\s]\d{3})+", raw):
        value = float(re.sub(r"[,.\s]", "", raw))
    else:
        value = float(raw)
    mult = (m.group("mult") or "").lower()
    return value * _MULTIPLIERS.get(mult, 1.0)


def find_facts(document: Document) -> dict[str, object]:
    """The key facts of `document` as a JSON-ready dict.

    `deadline`: the submission deadline (ISO date) where a sentence with a date also says the
    response is due; `dates`: other dates with their sentences; `budget`: the largest amount of money
    stated beside budget words ("not to exceed", "estimated value"), as written; `pages`, `words`.
    """
    dates = find_dates(document)
    deadline: DateFact | None = None
    for fact in dates:
        if _DEADLINE_CUES.search(fact.sentence) and not _QUESTION_CUES.search(fact.sentence):
            deadline = fact
            break
    budget: tuple[float, str, str, str] | None = None
    for passage in document.body:
        if not _DIGIT.search(passage.text):
            continue
        for sentence in _sentences(passage.text):
            if not _BUDGET_CUES.search(sentence):
                continue
            for m in _MONEY.finditer(sentence):
                value = _amount(m)
                if not math.isfinite(value):  # hundreds of digits: no budget, and not JSON
                    continue
                if budget is None or value > budget[0]:
                    budget = (value, m.group(0).strip(), sentence.strip(), passage.location)
    facts: dict[str, object] = {
        "deadline": deadline.when.isoformat() if deadline else None,
        "deadline_evidence": {"sentence": deadline.sentence, "location": deadline.location}
        if deadline
        else None,
        "budget": budget[1] if budget else None,
        "budget_value": budget[0] if budget else None,
        "budget_evidence": {"sentence": budget[2], "location": budget[3]} if budget else None,
        "dates": [
            {"date": f.when.isoformat(), "text": f.text, "sentence": f.sentence, "location": f.location}
            for f in dates[:20]
        ],
        "pages": document.pages,
        "words": document.words,
    }
    return facts
