"""The ledger: one SQLite row for every document the inbox has seen, and later its deal outcome.

It answers "have we seen these bytes before?" (sha256), feeds the index page, and collects the
won / lost outcomes that `triage train --from-ledger` learns from. Stdlib `sqlite3` in WAL mode, so
`triage outcome` can write while `triage watch` runs. Paths are stored as bytes (`os.fsencode`), so a
file name that is not valid UTF-8 survives the round trip; the text columns hold a display-safe form.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from triage.errors import UsageError
from triage.inbox.names import display_name

if TYPE_CHECKING:
    from triage.report import IndexEntry

LEDGER_NAME = "triage.sqlite"
SCHEMA_VERSION = 1
STATUSES = ("done", "failed", "duplicate")
OUTCOMES = ("won", "lost")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id             INTEGER PRIMARY KEY,
    sha256         TEXT NOT NULL,
    file_name      TEXT NOT NULL,          -- display-safe, one line
    file_name_raw  BLOB NOT NULL,          -- os.fsencode of the name as dropped
    report_id      TEXT,                   -- the reports' base name: REPORTS/<report_id>.html
    status         TEXT NOT NULL CHECK (status IN ('done', 'failed', 'duplicate')),
    reason         TEXT,                   -- a code of triage.errors.REASONS when failed
    message        TEXT,
    details        TEXT,
    duplicate_of   INTEGER REFERENCES documents(id),
    received_at    TEXT NOT NULL,
    triaged_at     TEXT NOT NULL,
    seconds        REAL,
    model_version  TEXT,
    score          INTEGER,
    probability    REAL,
    recommendation TEXT,
    vertical       TEXT,
    deadline       TEXT,
    reports        TEXT NOT NULL DEFAULT '{}',  -- JSON: format -> path
    stored_path    BLOB,                   -- where the original is kept (done/ or failed/)
    outcome        TEXT CHECK (outcome IN ('won', 'lost')),
    outcome_at     TEXT
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents (sha256);
CREATE INDEX IF NOT EXISTS documents_report_id ON documents (report_id);
CREATE INDEX IF NOT EXISTS documents_file_name ON documents (file_name);
"""


@dataclass(frozen=True)
class LedgerRow:
    """One document as the ledger knows it."""

    id: int
    sha256: str
    file_name: str  # display-safe
    raw_name: str  # the name as dropped (may hold surrogates for non-UTF-8 bytes)
    report_id: str | None
    status: str
    reason: str | None
    message: str | None
    details: str | None
    duplicate_of: int | None
    received_at: str
    triaged_at: str
    seconds: float | None
    model_version: str | None
    score: int | None
    probability: float | None
    recommendation: str | None
    vertical: str | None
    deadline: str | None
    reports: dict[str, str] = field(default_factory=dict)
    stored_path: str | None = None
    outcome: str | None = None
    outcome_at: str | None = None


def default_ledger_path(inbox: str | Path) -> Path:
    """Where an inbox keeps its ledger unless told otherwise: `INBOX/triage.sqlite`. A path that
    is already a ledger file is returned as it is."""
    path = Path(inbox)
    return path if path.is_file() else path / LEDGER_NAME


def now_iso(t: float | None = None) -> str:
    """A UTC timestamp as the ledger stores it: 2026-11-26T19:02:03Z."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() if t is None else t))


class Ledger:
    """The SQLite ledger at `path` (created on first use)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise UsageError(f"cannot open the ledger {self.path}: {_why(exc)}") from None
        try:
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")
            self.db.execute("PRAGMA foreign_keys=ON")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise UsageError(
                    f"the ledger {self.path} was written by a newer triage; upgrade triage to use it"
                )
            self.db.executescript(_SCHEMA)
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except sqlite3.Error as exc:  # a folder, another program's file, no permission, ...
            self.db.close()
            raise UsageError(f"cannot use {self.path} as the ledger: {_why(exc)}") from None
        except BaseException:
            self.db.close()
            raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing --------------------------------------------------------------------------------

    def add(
        self,
        *,
        sha256: str,
        name: str,
        status: str,
        received_at: float,
        stored_path: str | Path | None,
        report_id: str | None = None,
        reason: str | None = None,
        message: str | None = None,
        details: str | None = None,
        duplicate_of: int | None = None,
        seconds: float | None = None,
        model_version: str | None = None,
        score: int | None = None,
        probability: float | None = None,
        recommendation: str | None = None,
        vertical: str | None = None,
        deadline: str | None = None,
        reports: dict[str, str] | None = None,
    ) -> LedgerRow:
        """Record one document (committed, durable) and return its row."""
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        cur = self.db.execute(
            """INSERT INTO documents (sha256, file_name, file_name_raw, report_id, status, reason, message,
                   details, duplicate_of, received_at, triaged_at, seconds, model_version, score, probability,
                   recommendation, vertical, deadline, reports, stored_path)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                sha256,
                display_name(name),
                os.fsencode(name),
                report_id,
                status,
                reason,
                _safe_text(message),
                _safe_text(details),
                duplicate_of,
                now_iso(received_at),
                now_iso(),
                seconds,
                model_version,
                score,
                probability,
                recommendation,
                vertical,
                deadline,
                json.dumps(reports or {}, ensure_ascii=True),
                None if stored_path is None else os.fsencode(str(stored_path)),
            ),
        )
        return self.get(int(cur.lastrowid or 0))

    def set_stored_path(self, row_id: int, stored_path: str | Path) -> None:
        self.db.execute(
            "UPDATE documents SET stored_path = ? WHERE id = ?", (os.fsencode(str(stored_path)), row_id)
        )

    def record_outcome(self, doc: str, outcome: str) -> LedgerRow:
        """Record that the deal of `doc` was won or lost. `doc` is a report id, a file name, or a
        prefix of the sha256 (at least 4 hex digits). Raises UsageError when it names no document,
        several documents, or one that could not be triaged."""
        outcome = outcome.strip().lower()
        if outcome not in OUTCOMES:
            raise UsageError(f"the outcome must be `won` or `lost`, not {outcome!r}")
        row = self.find(doc)
        self.db.execute(
            "UPDATE documents SET outcome = ?, outcome_at = ? WHERE id = ?", (outcome, now_iso(), row.id)
        )
        return self.get(row.id)

    # --- reading --------------------------------------------------------------------------------

    def get(self, row_id: int) -> LedgerRow:
        row = self.db.execute("SELECT * FROM documents WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            raise KeyError(row_id)
        return _row(row)

    def rows(self) -> list[LedgerRow]:
        """Every row, oldest first."""
        return [_row(r) for r in self.db.execute("SELECT * FROM documents ORDER BY id")]

    def by_sha(self, sha256: str) -> list[LedgerRow]:
        return [
            _row(r)
            for r in self.db.execute("SELECT * FROM documents WHERE sha256 = ? ORDER BY id", (sha256,))
        ]

    def first_done(self, sha256: str) -> LedgerRow | None:
        """The document these bytes were first triaged as, if they were."""
        row = self.db.execute(
            "SELECT * FROM documents WHERE sha256 = ? AND status = 'done' ORDER BY id LIMIT 1", (sha256,)
        ).fetchone()
        return None if row is None else _row(row)

    def report_id_taken(self, report_id: str, sha256: str) -> bool:
        """Whether other bytes already have reports under this name."""
        row = self.db.execute(
            "SELECT 1 FROM documents WHERE report_id = ? AND sha256 != ? LIMIT 1", (report_id, sha256)
        ).fetchone()
        return row is not None

    def find(self, doc: str) -> LedgerRow:
        """The one triaged document `doc` names (report id, file name or sha256 prefix); a
        duplicate resolves to the document it duplicates."""
        if not doc.strip():
            raise UsageError("name a document: a report id, a file name or the start of its sha256")
        keys = {doc, doc.strip()}
        base = os.path.basename(doc.strip().rstrip("/"))  # `done/acme.pdf`, `reports/acme.html`
        keys.add(base)
        for suffix in (".html", ".json", ".md", ".requirements.csv"):
            if base.endswith(suffix):
                keys.add(base[: -len(suffix)])
        found: dict[int, LedgerRow] = {}
        for key in keys - {""}:
            for r in self.db.execute(
                "SELECT * FROM documents WHERE report_id = ? OR file_name = ? OR file_name_raw = ?",
                (display_name(key), display_name(key), os.fsencode(key)),
            ):
                found[r["id"]] = _row(r)
        matches = list(found.values())
        doc = doc.strip()
        if not matches and re.fullmatch(r"[0-9a-fA-F]{4,64}", doc):
            matches = [
                _row(r)
                for r in self.db.execute(
                    "SELECT * FROM documents WHERE substr(sha256, 1, ?) = ?", (len(doc), doc.lower())
                )
            ]
        if not matches:
            hint = "" if len(doc) >= 4 else " (a sha256 prefix needs at least 4 hex digits)"
            raise UsageError(f"no document in the ledger {self.path} matches {display_name(doc)!r}{hint}")
        canonical: dict[int, LedgerRow] = {}
        for row in matches:
            target = self.get(row.duplicate_of) if row.duplicate_of else row
            canonical[target.id] = target
        triaged = [r for r in canonical.values() if r.status == "done"]
        if not triaged:
            failed = next(iter(canonical.values()))
            raise UsageError(
                f"{failed.file_name} was not triaged ({failed.reason or 'failed'}), so it has no outcome to record"
            )
        if len(triaged) > 1:
            listing = "; ".join(f"{r.report_id or r.file_name} (sha256 {r.sha256[:12]})" for r in triaged)
            raise UsageError(
                f"{display_name(doc)!r} matches {len(triaged)} documents: {listing}; "
                "use the report id or a longer sha256 prefix"
            )
        return triaged[0]

    def labelled(self) -> list[tuple[str, str]]:
        """(stored original path, outcome) of every triaged document with a recorded outcome, for
        `triage train --from-ledger`."""
        out: list[tuple[str, str]] = []
        for r in self.db.execute(
            "SELECT stored_path, outcome FROM documents WHERE status = 'done' AND outcome IS NOT NULL "
            "AND stored_path IS NOT NULL ORDER BY id"
        ):
            out.append((os.fsdecode(bytes(r["stored_path"])), r["outcome"]))
        return out

    def index_entries(self, reports_dir: str | Path | None = None) -> list[IndexEntry]:
        """Every row as a `triage.report.IndexEntry`, newest first, for the index page. Report
        links are made relative to `reports_dir` where given."""
        from triage.report import IndexEntry

        rows = self.rows()
        by_id = {r.id: r for r in rows}
        entries = []
        for r in reversed(rows):
            first = by_id.get(r.duplicate_of) if r.duplicate_of else None
            outcome = (first.outcome if first else r.outcome) or None
            html = r.reports.get("html")
            href = None
            if html:
                href = os.path.relpath(html, reports_dir) if reports_dir else Path(html).name
            entries.append(
                IndexEntry(
                    file_name=r.file_name,
                    sha256=r.sha256,
                    triaged_at=r.triaged_at,
                    score=r.score,
                    recommendation=r.recommendation,
                    vertical=r.vertical,
                    deadline=r.deadline,
                    outcome=outcome,
                    href=href,
                    status=r.status,  # type: ignore[arg-type]
                    reason=r.message or r.reason,
                )
            )
        return entries


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _safe_text(text: str | None) -> str | None:
    if text is None:
        return None
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _row(r: sqlite3.Row) -> LedgerRow:
    stored = r["stored_path"]
    return LedgerRow(
        id=r["id"],
        sha256=r["sha256"],
        file_name=r["file_name"],
        raw_name=os.fsdecode(bytes(r["file_name_raw"])),
        report_id=r["report_id"],
        status=r["status"],
        reason=r["reason"],
        message=r["message"],
        details=r["details"],
        duplicate_of=r["duplicate_of"],
        received_at=r["received_at"],
        triaged_at=r["triaged_at"],
        seconds=r["seconds"],
        model_version=r["model_version"],
        score=r["score"],
        probability=r["probability"],
        recommendation=r["recommendation"],
        vertical=r["vertical"],
        deadline=r["deadline"],
        reports=json.loads(r["reports"] or "{}"),
        stored_path=None if stored is None else os.fsdecode(bytes(stored)),
        outcome=r["outcome"],
        outcome_at=r["outcome_at"],
    )
