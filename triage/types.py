"""The plain data that flows between the stages of triage.

Document -> Passage -> TagSpan -> (features) -> FitReport.

Every stage imports its input and output types from here, and only from here, so a reader can see
the whole data flow in one file. All types are frozen dataclasses: a stage never mutates what an
earlier stage produced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# --- extraction ---------------------------------------------------------------------------------

PassageKind = Literal["heading", "paragraph", "list_item", "table_cell"]
Region = Literal["body", "header", "footer"]
Format = Literal["pdf", "docx", "txt", "md"]


@dataclass(frozen=True, slots=True)
class Passage:
    """One block of text in a document, with where it stands.

    `id` is stable for the same input: `p12.3` (PDF page 12, third passage), `d41` (DOCX body
    paragraph 41), `t2.r3.c1` (DOCX table 2, row 3, cell 1), `l120` (text line 120),
    `h1.2` / `f1.1` (DOCX header / footer of section 1).
    """

    id: str
    text: str
    kind: PassageKind
    page: int | None = None  # PDF, 1-based
    paragraph: int | None = None  # DOCX body paragraph index, 0-based
    table: int | None = None  # DOCX table index, 0-based
    row: int | None = None
    cell: int | None = None
    line: int | None = None  # TXT / MD, 1-based line of the passage's first line
    section: str | None = None  # text of the nearest heading above the passage
    region: Region = "body"

    @property
    def location(self) -> str:
        """Where the passage stands, in words a reader can look up: `p. 12`, `table 2, row 3`."""
        if self.table is not None:
            where = f"table {self.table + 1}, row {(self.row or 0) + 1}, cell {(self.cell or 0) + 1}"
            return f"p. {self.page}, {where}" if self.page is not None else where
        if self.page is not None:
            return f"p. {self.page}"
        if self.paragraph is not None:
            return f"¶ {self.paragraph + 1}"
        if self.line is not None:
            return f"line {self.line}"
        return self.id


@dataclass(frozen=True, slots=True)
class Document:
    """A document's text as passages in reading order, with what is known about the file."""

    path: str
    sha256: str
    format: Format
    pages: int | None  # PDF pages; None where the format has no pages
    passages: tuple[Passage, ...]
    metadata: dict[str, str] = field(default_factory=dict)  # title, author, created, ...

    @property
    def name(self) -> str:
        from pathlib import PurePath

        return PurePath(self.path).name

    @property
    def title(self) -> str | None:
        return self.metadata.get("title") or None

    @property
    def body(self) -> tuple[Passage, ...]:
        return tuple(p for p in self.passages if p.region == "body")

    @property
    def words(self) -> int:
        return sum(len(p.text.split()) for p in self.body)


# --- tagging ------------------------------------------------------------------------------------

Modality = Literal["mandatory", "desirable", "optional", "info"]

COMPLEXITY_TAGS = ("integration", "user_roles", "workflow", "b2b_portal", "collaboration")
SECURITY_TAGS = ("access_control", "account_services", "compliance", "security_ops")
ENTERPRISE_TAGS = ("scale", "multi_site", "extensibility")
SIGNAL_TAGS = ("simple_site", "turnkey", "platform_mandate", "out_of_scope")
REQUIREMENT_TAGS = COMPLEXITY_TAGS + SECURITY_TAGS + ENTERPRISE_TAGS
ALL_TAGS = REQUIREMENT_TAGS + SIGNAL_TAGS
DIMENSIONS = {
    "complexity": COMPLEXITY_TAGS,
    "security": SECURITY_TAGS,
    "enterprise": ENTERPRISE_TAGS,
}
VERTICALS = (
    "financial_services",
    "government",
    "healthcare",
    "manufacturing",
    "energy_utilities",
    "education",
    "retail_distribution",
    "telecom",
    "other",
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number that belongs to a tag: `14 systems`, `23 languages`, `99.95 %`."""

    value: float
    unit: str  # "systems", "languages", "users", "%", ...
    text: str  # as written


@dataclass(frozen=True, slots=True)
class TagSpan:
    """One mention of a tag: the words that matched, in their sentence, at their place."""

    tag: str  # an id of ALL_TAGS
    text: str  # the matched words
    sentence: str  # the whole sentence the words stand in
    start: int  # character offset of `text` in `sentence`
    end: int
    passage_id: str
    location: str  # Passage.location
    page: int | None
    modality: Modality
    negated: bool
    rule_id: str  # the taxonomy pattern that fired
    quantity: Quantity | None = None
    boilerplate: bool = False  # stands in instructions to bidders, legal terms, forms


@dataclass(frozen=True, slots=True)
class Vertical:
    id: str  # one of VERTICALS
    evidence: tuple[TagSpan, ...] = ()
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class TaggedDocument:
    document: Document
    spans: tuple[TagSpan, ...]
    vertical: Vertical
    sentences: int  # how many sentences the body held
    boilerplate_share: float  # share of body words in boilerplate sections

    def active(self, tag: str) -> tuple[TagSpan, ...]:
        """The mentions of `tag` that count: not negated."""
        return tuple(s for s in self.spans if s.tag == tag and not s.negated)


# --- scoring ------------------------------------------------------------------------------------

Recommendation = Literal["pursue", "pursue_with_partner", "qualify_further", "walk_away"]


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one feature added to the score's logit, and the spans that feature was built from."""

    feature: str
    dimension: str  # complexity | security | enterprise | signals | context
    value: float  # the feature's value for this document
    logit: float  # its signed contribution to the log-odds
    evidence: tuple[TagSpan, ...] = ()


@dataclass(frozen=True, slots=True)
class ModelInfo:
    version: str
    trained_on: int
    path: str = ""


@dataclass(frozen=True, slots=True)
class FitReport:
    """The answer for one document: how well it fits, why, and the sentences that prove it."""

    tagged: TaggedDocument
    score: int  # 0-100
    probability: float
    recommendation: Recommendation
    reason: str
    dimensions: dict[str, float]  # complexity / security / enterprise sub-scores
    contributions: tuple[Contribution, ...]
    facts: dict[str, object]  # deadline, budget, pages, words, ...
    model: ModelInfo
    low_confidence: bool = False
    intercept: float = 0.0  # the model's base log-odds; intercept + sum(logit) = logit(probability)

    @property
    def document(self) -> Document:
        return self.tagged.document
