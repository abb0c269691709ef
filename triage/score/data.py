"""The deals a model learns from: which files, which outcomes, and their tagged text.

`load_deals(source)` reads a CSV (`path,outcome` and any other columns; paths relative to the CSV)
or a folder with `won/` and `lost/` sub-folders. `tag_deals(deals)` extracts and tags every file, in
parallel with joblib, cached by the file's sha256 (and the extract / tag code) in
`$TRIAGE_CACHE` or `~/.cache/triage`, with progress on standard error. A file that cannot be read
is reported on one line and skipped.
"""

from __future__ import annotations

import csv
import hashlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from triage.errors import TrainingError, TriageError
from triage.hashing import sha256_file
from triage.types import TaggedDocument

SUFFIXES = (".pdf", ".docx", ".txt", ".md")
WON, LOST = ("won", "win", "1", "true", "yes"), ("lost", "loss", "0", "false", "no")


@dataclass(frozen=True)
class Deal:
    """One deal: the RFP's file, whether it was won, and the other columns of its CSV row."""

    path: Path
    won: bool
    row: dict[str, str] = field(default_factory=dict)


def _listing(items: Sequence[str], first: int = 3) -> str:
    shown = ", ".join(items[:first])
    return shown + (f" and {len(items) - first} more" if len(items) > first else "")


def load_deals(source: str | os.PathLike[str]) -> list[Deal]:
    """The deals in a CSV file or a folder with `won/` and `lost/`. Raises TrainingError for missing
    files, unknown outcomes or a source that is neither."""
    source = Path(source)
    if source.is_dir():
        return _deals_from_folders(source)
    if not source.is_file():
        raise TrainingError(f"{source} does not exist; give a CSV of deals or a folder with won/ and lost/")
    return _deals_from_csv(source)


def _deals_from_csv(path: Path) -> list[Deal]:
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            fields = [f.strip().lower() for f in reader.fieldnames or []]
            if "path" not in fields or "outcome" not in fields:
                raise TrainingError(
                    f"{path.name} needs the columns path and outcome (it has: {', '.join(fields) or 'none'})",
                    path=str(path),
                )
            rows = [{(k or "").strip().lower(): (v or "").strip() for k, v in r.items()} for r in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise TrainingError(f"the deals file cannot be read ({exc})", path=str(path)) from exc
    deals, missing, bad = [], [], []
    for line, row in enumerate(rows, start=2):
        outcome = row.get("outcome", "").lower()
        if not outcome or not row.get("path"):
            continue  # an open deal, or a blank line
        if outcome not in WON + LOST:
            bad.append(f"line {line}: {outcome!r}")
            continue
        file = (path.parent / row["path"]).resolve()
        if not file.is_file():
            missing.append(row["path"])
            continue
        deals.append(Deal(path=file, won=outcome in WON, row=row))
    if bad:
        raise TrainingError(
            f"outcomes must be won or lost; {len(bad)} rows are not: {_listing(bad)}", path=str(path)
        )
    if missing:
        raise TrainingError(
            f"{len(missing)} file{'s' if len(missing) != 1 else ''} named in {path.name} "
            f"{'are' if len(missing) != 1 else 'is'} missing (paths are relative to the CSV): {_listing(missing)}",
            path=str(path),
        )
    return deals


def _deals_from_folders(folder: Path) -> list[Deal]:
    won_dir, lost_dir = folder / "won", folder / "lost"
    if not won_dir.is_dir() and not lost_dir.is_dir():
        raise TrainingError(f"{folder} has neither a won/ nor a lost/ sub-folder", path=str(folder))
    deals = []
    for sub, won in ((won_dir, True), (lost_dir, False)):
        if sub.is_dir():
            files = sorted(p for p in sub.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            deals += [Deal(path=p.resolve(), won=won) for p in files]
    return deals


def deals_from_ledger(path: str | os.PathLike[str]) -> list[Deal]:
    """The deals whose outcome was recorded with `triage outcome`, from the inbox's ledger."""
    try:
        from triage.inbox.ledger import Ledger
    except ImportError as exc:
        raise TrainingError("the inbox ledger is not available in this version of triage") from exc
    if not Path(path).is_file():
        raise TrainingError(f"no ledger at {path}", path=str(path))
    ledger = Ledger(path)
    try:
        labelled = ledger.labelled()
    finally:
        if hasattr(ledger, "close"):
            ledger.close()
    deals = [Deal(path=Path(p), won=o == "won") for p, o in labelled]
    missing = [str(d.path) for d in deals if not d.path.is_file()]
    if missing:
        raise TrainingError(
            f"{len(missing)} stored originals named in the ledger are missing: {_listing(missing)}"
        )
    return deals


# --- extraction and tagging, cached and in parallel --------------------------------------------


def cache_dir() -> Path:
    """Where extracted and tagged deals are cached: `$TRIAGE_CACHE` or `~/.cache/triage`."""
    return Path(os.environ.get("TRIAGE_CACHE") or Path.home() / ".cache" / "triage")


@cache
def code_version() -> str:
    """A fingerprint of the extract and tag code, so that a changed tagger never reuses stale tags."""
    import triage

    root = Path(triage.__file__).parent
    digest = hashlib.sha256(triage.__version__.encode())
    for sub in ("extract", "tag"):
        for f in sorted((root / sub).rglob("*")):
            if f.is_file() and f.suffix in (".py", ".yaml", ".yml", ".json", ".txt"):
                digest.update(str(f.relative_to(root)).encode())
                digest.update(f.read_bytes())
    from triage.tag.classifier import default_model_path

    classifier = default_model_path()  # the tagger's trained part is part of the tagger
    digest.update(classifier.read_bytes() if classifier is not None and classifier.is_file() else b"off")
    return digest.hexdigest()[:16]


def extract_and_tag(sha256: str, code: str, path: str) -> TaggedDocument:
    """Extract and tag one file; `sha256` and `code` are the cache key (the path is not)."""
    from triage.extract import extract
    from triage.tag import tag

    return tag(extract(path))


def _tag_one(path: str, cache_location: str | None, code: str) -> TaggedDocument | TriageError:
    try:
        sha = sha256_file(path)
        if cache_location:
            from joblib import Memory

            cached = Memory(cache_location, verbose=0).cache(extract_and_tag, ignore=["path"])
            tagged = cached(sha, code, path)
        else:
            tagged = extract_and_tag(sha, code, path)
    except TriageError as exc:
        return exc
    except Exception as exc:  # a reader bug must not stop training on the other deals
        return TriageError(f"{type(exc).__name__}: {exc}", code="crashed")
    if tagged.document.path != path:
        tagged = replace(tagged, document=replace(tagged.document, path=path))
    return tagged


def _print_error(path: str, exc: TriageError) -> None:
    from triage.cli import error_line

    print(error_line(path, exc.message), file=sys.stderr)


def tag_deals(
    deals: Sequence[Deal],
    *,
    jobs: int = 1,
    cache: bool = True,
    progress: bool = True,
    on_error: Callable[[str, TriageError], None] = _print_error,
) -> list[tuple[Deal, TaggedDocument]]:
    """Extract and tag every deal's file; the ones that fail are reported with `on_error` and left out."""
    from joblib import Parallel, delayed

    location = str(cache_dir() / "tagged") if cache else None
    code = code_version()
    tasks = (delayed(_tag_one)(str(d.path), location, code) for d in deals)
    results = Parallel(n_jobs=jobs, return_as="generator")(tasks)
    out: list[tuple[Deal, TaggedDocument]] = []
    with _progress(len(deals), enabled=progress) as advance:
        for deal, result in zip(deals, results, strict=True):
            if isinstance(result, TriageError):
                on_error(str(deal.path), result)
            else:
                out.append((deal, result))
            advance()
    return out


class _progress:
    """Progress on standard error: a rich bar on a terminal, else a line at every quarter."""

    def __init__(self, total: int, *, enabled: bool):
        self.total, self.enabled, self.bar, self.done = total, enabled, None, 0

    def __enter__(self) -> Callable[[], None]:
        if not self.enabled or not self.total:
            return lambda: None
        if not sys.stderr.isatty():
            return self._line
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.bar = Progress(
            "reading deals",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self.bar.start()
        task = self.bar.add_task("deals", total=self.total)
        return lambda: self.bar.advance(task)

    def _line(self) -> None:
        self.done += 1
        step = max(1, self.total // 4)
        if self.done % step == 0 or self.done == self.total:
            print(f"triage: read {self.done} of {self.total} deals", file=sys.stderr, flush=True)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
