"""The work done on one document inside a worker process, behind one small interface.

A *triager* is set up once per worker (load the model, warm the tagger) and then triages many
documents: read, tag, score and write the reports, returning a small `Triaged` summary for the
ledger. The inbox never calls the parsers itself; it names a triager factory by import path
(`module:attribute`), so a worker process can build it, and tests can swap in a fake one
(`triage.inbox.testing:FakeTriager`) that is fast, or that hangs, eats memory or crashes on purpose.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

DEFAULT_TRIAGER = "triage.inbox.triagers:PipelineTriager"
# Set this to another `module:attribute` to run a different triager in the workers (a test hook).
TRIAGER_ENV = "TRIAGE_INBOX_TRIAGER"


@dataclass(frozen=True)
class WorkerConfig:
    """What every worker needs to know; plain data, sent to each worker process once."""

    reports_dir: str
    model_dir: str | None = None
    formats: tuple[str, ...] = ("html", "json")
    max_pages: int | None = None
    max_chars: int | None = None
    max_bytes: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Triaged:
    """What the ledger and the index need to know about one triaged document."""

    score: int | None
    recommendation: str | None
    vertical: str | None = None
    deadline: str | None = None
    model_version: str | None = None
    probability: float | None = None
    reports: dict[str, str] = field(default_factory=dict)  # format -> path of the written report


class Triager(Protocol):
    """Set up once per worker, then called once per document."""

    def setup(self) -> None: ...

    def triage(self, path: str, report_name: str) -> Triaged:
        """Triage the file at `path`, write its reports under the name `report_name`, and return
        the summary. Raises a TriageError (with a reason code) for a file that cannot be read."""
        ...


def load_triager(spec: str, config: WorkerConfig) -> Triager:
    """Build the triager named by `spec` (`module:attribute`, a class or factory taking the config)."""
    module_name, _, attr = spec.partition(":")
    factory = getattr(importlib.import_module(module_name), attr or "Triager")
    return factory(config)


class PipelineTriager:
    """The real work: sniff, extract (with the page and text caps), tag, score, write reports."""

    def __init__(self, config: WorkerConfig):
        self.config = config
        self.model: Any = None
        self.limits: Any = None

    def setup(self) -> None:
        import gc

        from triage.score import load_model

        self.model = load_model(self.config.model_dir)
        self.limits = make_limits(self.config.max_pages, self.config.max_chars, self.config.max_bytes)
        warm_up(self.model)
        gc.collect()
        gc.freeze()

    def triage(self, path: str, report_name: str) -> Triaged:
        from triage.errors import TriageError
        from triage.extract import extract, sniff
        from triage.pipeline import triage_document
        from triage.report import write_reports

        sniff(path, limits=self.limits)
        document = extract(path, limits=self.limits)  # a parser's own error on a bad file: "damaged"
        try:  # a document without a word fails here as `no_text`
            report = triage_document(document, self.model)
            written = write_reports(
                report, Path(self.config.reports_dir), report_name, formats=self.config.formats
            )
        except (TriageError, MemoryError, RecursionError):
            raise
        except Exception as exc:  # the file was read: what failed is triage itself, not the file
            raise TriageError(
                f"triage itself failed after reading this file ({type(exc).__name__}: {exc}); "
                "please report it with this note",
                code="crashed",
            ) from exc
        return summarise(report, {fmt: str(p) for fmt, p in written.items()})


def warm_up(model: Any) -> None:
    """Triage a two-line document once, so the spaCy pipeline and every lazy import are loaded
    before the first real document (and its timeout) starts. Never fails the set-up."""
    import contextlib

    from triage.types import Document, Passage

    text = "The portal shall integrate with SAP. Users shall sign in with single sign-on."
    doc = Document(
        path="warm-up.txt",
        sha256="0" * 64,
        format="txt",
        pages=None,
        passages=(Passage(id="l1", text=text, kind="paragraph", line=1),),
    )
    with contextlib.suppress(Exception):
        from triage.pipeline import triage_document

        triage_document(doc, model)


def make_limits(max_pages: int | None, max_chars: int | None, max_bytes: int | None = None) -> Any:
    """`triage.extract.ExtractLimits` (its defaults, or the TRIAGE_MAX_* environment) with the caps
    that were given on the command line."""
    from dataclasses import fields, replace

    from triage.extract import ExtractLimits

    base = ExtractLimits.from_env()
    names = {f.name for f in fields(ExtractLimits)}
    wanted = {"max_pages": max_pages, "max_chars": max_chars, "max_bytes": max_bytes}
    return replace(base, **{k: v for k, v in wanted.items() if v is not None and k in names})


def summarise(report: Any, reports: dict[str, str]) -> Triaged:
    """The ledger's view of a FitReport."""
    facts = getattr(report, "facts", {}) or {}
    deadline = facts.get("deadline")
    tagged = getattr(report, "tagged", None)
    vertical = getattr(getattr(tagged, "vertical", None), "id", None)
    model = getattr(report, "model", None)
    return Triaged(
        score=int(report.score),
        recommendation=str(report.recommendation),
        vertical=vertical,
        deadline=None if deadline is None else str(deadline),
        model_version=getattr(model, "version", None),
        probability=float(getattr(report, "probability", 0.0)),
        reports=reports,
    )
