"""A fake triager for tests, as Apache Tika's tests use a parser that misbehaves on purpose.

It reads the document as text and obeys the first line:

    HANG              sleep for ever (the worker is killed at the timeout); writes REPORTS/NAME.pid
    SLOW 0.5          take half a second, then succeed
    OOM               allocate memory without bound (MemoryError under the worker's RLIMIT_AS)
    SEGV              kill itself with SIGSEGV
    EXIT 3            exit the process with status 3
    RAISE CODE        raise the TriageError with reason CODE (e.g. RAISE password_protected)
    anything else     succeed: score = number of words % 101, and write NAME.json and NAME.html

Pure standard library, so workers start in milliseconds. Select it with
`TRIAGE_INBOX_TRIAGER=triage.inbox.testing:FakeTriager`.
"""

from __future__ import annotations

import html
import json
import os
import signal
import time
from pathlib import Path

from triage.errors import TriageError
from triage.inbox.triagers import Triaged, WorkerConfig
from triage.report.files import atomic_write as write_atomic


class FakeTriager:
    """Succeeds, hangs, eats memory, segfaults or exits, as the document tells it."""

    def __init__(self, config: WorkerConfig):
        self.config = config
        self.pid = 0

    def setup(self) -> None:
        self.pid = os.getpid()

    def triage(self, path: str, report_name: str) -> Triaged:
        data = Path(path).read_bytes()
        text = data.decode("utf-8", "replace")
        first, *_ = text.splitlines() or [""]
        command, _, arg = first.strip().partition(" ")
        if command == "HANG":
            pid_file = Path(self.config.reports_dir) / f"{report_name}.pid"
            pid_file.parent.mkdir(parents=True, exist_ok=True)
            pid_file.write_text(str(os.getpid()))  # so a test can see this process is gone later
            while True:
                time.sleep(60)
        if command == "SLOW":
            time.sleep(float(arg or 1))
        elif command == "OOM":
            hog, size = [], 16 * 1024 * 1024
            while True:  # ever larger blocks, each touched, as a parser building a huge tree
                hog.append(bytearray(size))
                size *= 2
        elif command == "SEGV":
            os.kill(os.getpid(), signal.SIGSEGV)
            time.sleep(5)
        elif command == "EXIT":
            os._exit(int(arg or 3))
        elif command == "RAISE":
            raise TriageError(code=arg.strip() or "damaged")
        elif command == "BOOM":
            raise ValueError("an unexpected bug in a parser")
        words = len(text.split())
        score = words % 101
        recommendation = "pursue" if score >= 50 else "qualify_further"
        out = Path(self.config.reports_dir)
        out.mkdir(parents=True, exist_ok=True)
        report = {
            "file": os.path.basename(path),
            "score": score,
            "recommendation": recommendation,
            "worker": self.pid,
        }
        json_path = out / f"{report_name}.json"
        html_path = out / f"{report_name}.html"
        write_atomic(json_path, json.dumps(report, ensure_ascii=True))
        write_atomic(html_path, f"<!doctype html><title>{html.escape(report_name)}</title><p>{score}</p>")
        return Triaged(
            score=score,
            recommendation=recommendation,
            vertical="other",
            deadline=None,
            model_version="fake-1",
            probability=score / 100,
            reports={"json": str(json_path), "html": str(html_path)},
        )


FAKE = "triage.inbox.testing:FakeTriager"


def drop(inbox: Path, name: str | bytes, content: str | bytes) -> Path:
    """Write a file into `inbox` under `name` (bytes for a name that is not valid UTF-8)."""
    raw_name = name if isinstance(name, bytes) else os.fsencode(name)
    target = os.path.join(os.fsencode(inbox), raw_name)
    data = content.encode() if isinstance(content, str) else content
    with open(target, "wb") as fh:
        fh.write(data)
    return Path(os.fsdecode(target))


def places(inbox: Path) -> dict[str, list[str]]:
    """Where the documents of an inbox are: file names in the inbox itself, in done/, in failed/
    (without the .error.txt notes) and in the work folder."""
    from triage.inbox.filing import WORK
    from triage.inbox.names import is_ignored

    def names(folder: Path, *, keep_hidden: bool = False) -> list[str]:
        if not folder.is_dir():
            return []
        return sorted(
            p.name
            for p in folder.iterdir()
            if p.is_file() and (keep_hidden or not is_ignored(p.name)) and not p.name.endswith(".error.txt")
        )

    work = inbox / WORK
    in_work = (
        sorted(p.name for d in work.iterdir() if d.is_dir() for p in d.iterdir()) if work.is_dir() else []
    )
    return {
        "inbox": names(inbox),
        "done": names(inbox / "done"),
        "failed": names(inbox / "failed"),
        "work": in_work,
    }


class ExtractTriager:
    """Runs the real pre-checks and parsers (sniff + extract) with no tagger or model, and writes a
    small JSON report: proves the isolation against real hostile files before a model exists."""

    def __init__(self, config: WorkerConfig):
        self.config = config
        self.limits = None

    def setup(self) -> None:
        from triage.inbox.triagers import make_limits

        self.limits = make_limits(self.config.max_pages, self.config.max_chars, self.config.max_bytes)

    def triage(self, path: str, report_name: str) -> Triaged:
        from triage.errors import ExtractionError
        from triage.extract import extract, sniff

        sniff(path, limits=self.limits)
        document = extract(path, limits=self.limits)
        if not document.words:
            raise ExtractionError(code="no_text")
        out = Path(self.config.reports_dir)
        out.mkdir(parents=True, exist_ok=True)
        json_path = out / f"{report_name}.json"
        write_atomic(json_path, json.dumps({"format": document.format, "words": document.words}))
        return Triaged(
            score=None, recommendation=None, model_version="extract-only", reports={"json": str(json_path)}
        )
