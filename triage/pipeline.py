"""The whole job for one document: extract -> tag -> score, composed in one place.

Commands, the inbox and the batch runner all call these two functions, so a document is triaged the
same way wherever it comes from. Heavy libraries are imported here lazily.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from triage.types import Document, FitReport

if TYPE_CHECKING:
    from triage.extract import ExtractLimits
    from triage.score import FitModel


def triage_document(document: Document, model: FitModel) -> FitReport:
    """Tag a document that is already extracted and score it with `model`. Raises a TriageError
    (`no_text`) for a document without a word: a blank page is not a deal to score."""
    from triage.errors import TriageError
    from triage.facts import find_facts
    from triage.tag import tag

    if not document.words:
        raise TriageError(path=document.path, code="no_text")

    tagged = tag(document)
    report = model.score(tagged)
    return replace(report, facts={**find_facts(document), **report.facts})


def triage_path(
    path: str | Path,
    model: FitModel,
    *,
    password: str | None = None,
    limits: ExtractLimits | None = None,
) -> FitReport:
    """Read, tag and score the file at `path`. Raises a TriageError for a file that cannot be read."""
    from triage.extract import extract

    return triage_document(extract(path, password=password, limits=limits), model)
