"""The inbox's main loop: find settled files, claim them, have workers triage them, file them.

One `InboxRunner` serves both `triage run` (one pass, then exit) and `triage watch` (keep going
until stopped). The loop itself never parses a document: it hashes the bytes (to recognise a file
seen before), hands the claimed file to a `WorkerPool`, and once a worker answers, records the
ledger row and then moves the original. The order of those steps is what makes a crash harmless:

    claim (rename into .work/)  ->  reports (written by the worker, atomically)
    ->  ledger row (committed)  ->  NAME.error.txt for a failure  ->  move to done/ or failed/

After a stop at any point, the file is either still in the inbox, in the work folder (finished on
the next start: re-triaged, or just moved if its ledger row was already written), or filed.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import logging
import os
import queue
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from triage.errors import REASONS, UsageError
from triage.hashing import sha256_file
from triage.inbox.filing import Claim, Inbox, error_file, same_file
from triage.inbox.ledger import LEDGER_NAME, Ledger, LedgerRow, now_iso
from triage.inbox.names import display_name
from triage.inbox.stability import StabilityTracker
from triage.inbox.triagers import DEFAULT_TRIAGER, TRIAGER_ENV, WorkerConfig
from triage.inbox.workers import Job, JobResult, WorkerPool
from triage.report.files import atomic_write, safe_name

if TYPE_CHECKING:
    from triage.inbox.dask_pool import DaskPool

log = logging.getLogger("triage.inbox")

LOG_NAME = "triage.log"


@dataclass
class RunOptions:
    """Everything `triage run` and `triage watch` can be told."""

    inbox: Path
    reports: Path | None = None  # default INBOX/reports
    ledger: Path | None = None  # default INBOX/triage.sqlite
    jobs: int = 1
    timeout: float = 120.0  # seconds per document (a 200-page RFP takes ~10 s on a busy 2-core machine)
    max_memory_mb: int | None = 2048
    max_pages: int | None = None
    max_chars: int | None = None
    max_bytes: int | None = None
    settle: float = 1.0  # seconds a file must stay unchanged
    max_wait: float | None = None  # `run`: how long to wait for files still changing
    model_dir: str | None = None
    formats: tuple[str, ...] = ("html", "json")
    triager: str | None = None  # `module:attr`; default from TRIAGE_INBOX_TRIAGER or the pipeline
    dask_scheduler: str | None = None  # run the documents on this Dask cluster instead of local workers

    def __post_init__(self) -> None:
        self.inbox = Path(os.path.abspath(self.inbox))
        self.reports = Path(os.path.abspath(self.reports)) if self.reports else self.inbox / "reports"
        self.ledger = Path(os.path.abspath(self.ledger)) if self.ledger else self.inbox / LEDGER_NAME
        if self.triager is None:
            self.triager = os.environ.get(TRIAGER_ENV) or DEFAULT_TRIAGER


@dataclass
class Event:
    """What happened to one file, for the terminal: kind is triaged / failed / duplicate / requeued."""

    kind: str
    name: str  # display-safe
    detail: str = ""
    row: LedgerRow | None = None


@dataclass
class Tally:
    triaged: int = 0
    failed: int = 0
    duplicates: int = 0
    requeued: int = 0
    waiting: int = 0  # still changing when `run` gave up on them

    def line(self) -> str:
        """The summary line: `12 triaged, 1 failed, 3 already seen`."""
        parts = [f"{self.triaged} triaged", f"{self.failed} failed", f"{self.duplicates} already seen"]
        if self.requeued:
            parts.append(f"{self.requeued} put back (stopped)")
        if self.waiting:
            parts.append(f"{self.waiting} still changing, left in the inbox")
        return ", ".join(parts)


@dataclass
class _Work:
    claim: Claim
    sha256: str
    recovering: bool = False
    report_id: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


class InboxRunner:
    """Files one inbox. Use as a context manager, then call `run_once()` or `watch()`."""

    def __init__(self, options: RunOptions, on_event: Callable[[Event], None] | None = None):
        self.options = options
        self.on_event = on_event or (lambda event: None)
        self.inbox = Inbox(options.inbox, own_files=(Path(options.ledger or ""),))
        self.reports = Path(options.reports or options.inbox / "reports")
        self.tracker = StabilityTracker(options.settle)
        self.tally = Tally()
        self.ledger: Ledger | None = None
        self.pool: WorkerPool | DaskPool | None = None
        self.stopping = False
        self._ids = itertools.count(1)
        self._stable: collections.deque[Path] = collections.deque()
        self._queued: set[Path] = set()
        self._unclaimable: set[Path] = set()
        self._ready: collections.deque[_Work] = collections.deque()
        self._deferred: list[_Work] = []
        self._inflight: dict[int, _Work] = {}
        self._index_dirty = False
        self._index_at = 0.0
        self._index_cost = 0.0  # seconds the last rebuild took
        self._log_handler: logging.Handler | None = None
        self.events: queue.SimpleQueue[Path] = queue.SimpleQueue()  # paths from a file watcher

    # --- life cycle -----------------------------------------------------------------------------

    def __enter__(self) -> InboxRunner:
        if self.reports == self.inbox.root:
            raise UsageError(
                "the reports folder must not be the inbox itself; use INBOX/reports or another folder"
            )
        self.inbox.open()
        try:
            self._start_log()
            assert self.options.ledger is not None
            self.ledger = Ledger(self.options.ledger)
            try:
                self.reports.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise UsageError(f"cannot write reports into {self.reports}: {exc.strerror or exc}") from None
            config = WorkerConfig(
                reports_dir=str(self.reports),
                model_dir=self.options.model_dir,
                formats=self.options.formats,
                max_pages=self.options.max_pages,
                max_chars=self.options.max_chars,
                max_bytes=self.options.max_bytes,
            )
            spec = self.options.triager or DEFAULT_TRIAGER
            if self.options.dask_scheduler:
                from triage.inbox.dask_pool import DaskPool

                self.pool = DaskPool(
                    config, spec=spec, address=self.options.dask_scheduler, timeout=self.options.timeout
                )
            else:
                self.pool = WorkerPool(
                    config,
                    spec=spec,
                    jobs=self.options.jobs,
                    timeout=self.options.timeout,
                    max_memory_mb=self.options.max_memory_mb,
                )
            self.pool.start()
        except BaseException:
            self._shutdown()
            raise
        log.info(
            "started: inbox %s, %d worker(s), timeout %g s, memory cap %s MB",
            display_name(str(self.options.inbox)),
            self.options.jobs,
            self.options.timeout,
            self.options.max_memory_mb or "no",
        )
        return self

    def __exit__(self, *exc: object) -> None:
        self._shutdown()

    def request_stop(self) -> None:
        """Ask the loop to stop at the next safe point (from a signal handler)."""
        self.stopping = True

    def _shutdown(self) -> None:
        if self.pool is not None:
            jobs = self.pool.abandon() if self.stopping else []
            for job in jobs:
                work = self._inflight.pop(job.id, None)
                if work is not None:
                    self._requeue(work)
            self.pool.close()
            self.pool = None
        for work in [*self._ready, *self._deferred, *self._inflight.values()]:
            self._requeue(work)
        self._ready.clear()
        self._deferred.clear()
        self._inflight.clear()
        if self._index_dirty:
            self._rebuild_index()
        if self.ledger is not None:
            self.ledger.close()
            self.ledger = None
        if self._log_handler is not None:
            log.info("stopped: %s (this process's peak memory %s MB)", self.tally.line(), own_peak_mb())
            log.removeHandler(self._log_handler)
            self._log_handler.close()
            self._log_handler = None
        self.inbox.close()

    def _start_log(self) -> None:
        handler = logging.FileHandler(
            self.options.inbox / LOG_NAME, encoding="utf-8", errors="backslashreplace"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False
        self._log_handler = handler

    # --- the two ways to run --------------------------------------------------------------------

    def run_once(self) -> Tally:
        """Finish what a previous run left, triage every file in the inbox now, and return."""
        self.recover()
        self.tracker.add(self.inbox.candidates())
        max_wait = self.options.max_wait
        if max_wait is None:
            max_wait = max(5.0, 5 * self.options.settle)
        give_up = time.monotonic() + max_wait
        while not self.stopping:
            self._step()
            if not self._busy():
                if not len(self.tracker):
                    break
                if time.monotonic() > give_up:
                    self.tally.waiting = len(self.tracker)
                    log.warning(
                        "%d file(s) still changing; left in the inbox for the next run", len(self.tracker)
                    )
                    break
        self._rebuild_index()
        return self.tally

    def watch(self, *, rescan_every: float = 10.0) -> Tally:
        """Like `run_once`, then keep taking files from `self.events` (fed by a file watcher) and
        from a periodic rescan, until `request_stop()`."""
        self.recover()
        self.tracker.add(self.inbox.candidates())
        rescan_at = time.monotonic() + rescan_every
        while not self.stopping:
            self._drain_events()
            if time.monotonic() >= rescan_at:
                self.tracker.add(p for p in self.inbox.candidates() if p not in self._queued)
                rescan_at = time.monotonic() + rescan_every
            self._step(idle=0.25)
        return self.tally

    def recover(self) -> None:
        """Queue what a stopped run left in the work folder, before anything new."""
        for claim in self.inbox.unfinished():
            log.info("finishing %s, left in the work folder by an earlier run", display_name(claim.name))
            self._start(claim, recovering=True)

    # --- the loop -------------------------------------------------------------------------------

    def _busy(self) -> bool:
        return bool(self._stable or self._ready or self._deferred or self._inflight)

    def _step(self, idle: float = 0.0) -> None:
        """One turn of the loop: queue settled files, hand out work, wait a little for workers
        (at most `idle` seconds when there is nothing to wait for), file what they finished."""
        assert self.pool is not None
        for path in self.tracker.stable():
            if path not in self._queued:
                self._queued.add(path)
                self._stable.append(path)
        self._dispatch()
        if self._inflight or len(self.tracker):
            wait = self.tracker.next_check()
        elif self._stable or self._ready or self._deferred:
            wait = 0.0
        else:
            wait = idle
        for result in self.pool.wait(wait):
            self._complete(result)
        self._dispatch()
        # after each document; during a burst at most every 2 s (or 10x what a rebuild costs)
        interval = max(2.0, 10 * self._index_cost)
        if self._index_dirty and (not self._inflight or time.monotonic() - self._index_at > interval):
            self._rebuild_index()

    def _drain_events(self) -> None:
        paths = []
        with contextlib.suppress(queue.Empty):
            while True:
                paths.append(self.events.get_nowait())
        fresh = [p for p in paths if p not in self._queued and self.inbox.is_candidate(p)]
        self.tracker.add(fresh)

    def _dispatch(self) -> None:
        """Hand work to idle workers: first claims already made, then settled files."""
        assert self.pool is not None
        while not self.stopping and self.pool.idle() > 0:
            if self._ready:
                self._submit(self._ready.popleft())
                continue
            if not self._stable:
                break
            path = self._stable.popleft()
            self._queued.discard(path)
            if not self.inbox.is_candidate(path):
                continue
            try:
                claim = self.inbox.claim(path)
            except OSError as exc:  # e.g. no permission to move it: leave it where it is
                if path not in self._unclaimable:
                    self._unclaimable.add(path)
                    log.warning(
                        "cannot take %s from the inbox: %s", display_name(path.name), exc.strerror or exc
                    )
                continue
            if claim is not None:
                self._start(claim)

    def _submit(self, work: _Work) -> None:
        assert self.pool is not None
        job = Job(id=next(self._ids), path=str(work.claim.path), report_name=work.report_id)
        self._inflight[job.id] = work
        self.pool.submit(job)

    def _start(self, claim: Claim, *, recovering: bool = False) -> None:
        """First look at a claimed file: hash it, finish an interrupted filing, recognise a
        duplicate, or queue it for a worker."""
        assert self.ledger is not None
        try:
            sha = sha256_file(claim.path)
        except OSError as exc:
            self._file_failed(
                _Work(claim, ""), "damaged", REASONS["damaged"], f"could not read the file: {exc}"
            )
            return
        work = _Work(claim, sha, recovering)
        if recovering and self._resume(work):
            return
        if any(w.sha256 == sha for w in self._inflight.values()) or any(w.sha256 == sha for w in self._ready):
            self._deferred.append(work)  # the same bytes are being triaged right now
            return
        first = self.ledger.first_done(sha)
        if first is not None:
            self._file_duplicate(work, first)
            return
        work.report_id = self._report_id(claim.name, sha)
        self._ready.append(work)

    def _complete(self, result: JobResult) -> None:
        work = self._inflight.pop(result.job.id)
        if (
            self.stopping
            and result.triaged is None
            and result.code in ("crashed", "out_of_memory", "timeout")
        ):
            self._requeue(work)  # the worker may have died of the stop itself: try again next time
            return
        if result.triaged is not None:
            self._file_done(work, result)
        else:
            self._file_failed(
                work,
                result.code or "damaged",
                result.message or REASONS["damaged"],
                result.details,
                result.seconds,
                result.peak_mb,
            )
        waiting = [w for w in self._deferred if w.sha256 == work.sha256]
        if waiting:
            self._deferred = [w for w in self._deferred if w.sha256 != work.sha256]
            for w in waiting:
                self._start(w.claim)

    # --- filing ---------------------------------------------------------------------------------

    def _record(self, work: _Work, folder: Path, status: str, **fields: Any) -> tuple[LedgerRow, Path]:
        """Commit the ledger row of a claimed file, to be filed under a free name in `folder`."""
        assert self.ledger is not None
        target = self.inbox.destination(work.claim, folder)
        row = self.ledger.add(
            sha256=work.sha256,
            name=work.claim.name,
            status=status,
            received_at=work.claim.received_at,
            stored_path=target,
            **fields,
        )
        return row, target

    def _move(self, claim: Claim, row: LedgerRow, target: Path) -> Path:
        """File the original at `target` (or the next free name, which the ledger row then gets)."""
        assert self.ledger is not None
        final = self.inbox.file(claim, target)
        if final != target:
            self.ledger.set_stored_path(row.id, final)
        return final

    def _file_done(self, work: _Work, result: JobResult) -> None:
        assert result.triaged is not None
        t = result.triaged
        row, target = self._record(
            work,
            self.inbox.done,
            "done",
            report_id=work.report_id,
            seconds=round(result.seconds, 3),
            **_verdict(t),
        )
        self._move(work.claim, row, target)
        self.tally.triaged += 1
        log.info(
            "triaged %s: score %s, %s (%.2f s, worker peak %s MB); reports %s",
            display_name(work.claim.name),
            t.score,
            t.recommendation,
            result.seconds,
            result.peak_mb,
            display_name(work.report_id),
        )
        self._index_dirty = True
        self.on_event(Event("triaged", display_name(work.claim.name), f"{t.score} {t.recommendation}", row))

    def _file_duplicate(self, work: _Work, first: LedgerRow) -> None:
        row, target = self._record(
            work,
            self.inbox.done,
            "duplicate",
            report_id=first.report_id,
            duplicate_of=first.id,
            message=f"same content as {first.file_name}",
            **_verdict(first),
        )
        self._move(work.claim, row, target)
        self.tally.duplicates += 1
        log.info(
            "already seen %s: same content as %s (triaged %s)",
            display_name(work.claim.name),
            first.file_name,
            first.triaged_at,
        )
        self._index_dirty = True
        self.on_event(
            Event("duplicate", display_name(work.claim.name), f"same content as {first.file_name}", row)
        )

    def _file_failed(
        self,
        work: _Work,
        code: str,
        message: str,
        details: str = "",
        seconds: float = 0.0,
        peak_mb: float | None = None,
    ) -> None:
        row, target = self._record(
            work,
            self.inbox.failed,
            "failed",
            report_id=work.report_id or None,
            reason=code,
            message=message,
            details=details,
            seconds=round(seconds, 3),
        )
        self._write_error(target, row)
        final = self._move(work.claim, row, target)
        if final != target:
            self._write_error(final, row)
            with contextlib.suppress(OSError):
                os.unlink(error_file(target))  # our own note, written for the name we lost
        self.tally.failed += 1
        log.warning(
            "failed %s: %s: %s%s (%.2f s, worker peak %s MB)",
            display_name(work.claim.name),
            code,
            message,
            f" ({_one_line(details)})" if details else "",
            seconds,
            peak_mb,
        )
        self._index_dirty = True
        self.on_event(Event("failed", display_name(work.claim.name), message, row))

    def _write_error(self, original: Path, row: LedgerRow) -> None:
        lines = [
            "This file could not be triaged.",
            "",
            f"file:    {row.file_name}",
            f"reason:  {row.reason}",
            f"         {row.message or REASONS.get(row.reason or '', '')}",
        ]
        if row.details:
            lines.append("details: " + row.details.strip().replace("\n", "\n         "))
        lines += [f"sha256:  {row.sha256}", f"when:    {row.triaged_at}", ""]
        atomic_write(error_file(original), "\n".join(lines))

    def _resume(self, work: _Work) -> bool:
        """A claim found at start whose ledger row was already written: only the move is left
        to do (or, if the move got as far as a second name for the same file, the old name)."""
        assert self.ledger is not None
        for row in reversed(self.ledger.by_sha(work.sha256)):
            if row.raw_name != work.claim.name or not row.stored_path:
                continue
            stored = Path(row.stored_path)
            if same_file(stored, work.claim.path):
                os.unlink(work.claim.path)  # a second link to the filed original; its bytes stay in `stored`
                self.inbox.release(work.claim)
                return True
            if stored.exists():
                continue
            if row.status == "failed":
                self._write_error(stored, row)
            self._move(work.claim, row, stored)
            log.info("finished filing %s (%s)", display_name(work.claim.name), row.status)
            return True
        return False

    def _requeue(self, work: _Work) -> None:
        back = self.inbox.requeue(work.claim)
        self.tally.requeued += 1
        where = "the inbox" if back else "the work folder (finished on the next start)"
        log.info("stopped before triaging %s; it is back in %s", display_name(work.claim.name), where)
        self.on_event(Event("requeued", display_name(work.claim.name), where))

    def _report_id(self, name: str, sha: str) -> str:
        """The base name of a document's reports: safe, and not used by other bytes."""
        base = report_base(name)
        assert self.ledger is not None
        busy = {w.report_id for w in (*self._inflight.values(), *self._ready) if w.sha256 != sha}
        if base in busy or self.ledger.report_id_taken(base, sha):
            base = f"{base}-{sha[:8]}"
        return base

    def _rebuild_index(self) -> None:
        """Rewrite REPORTS/index.html from the ledger (a failure here never fails a document)."""
        self._index_dirty = False
        self._index_at = time.monotonic()
        if self.ledger is None:
            return
        try:
            from triage.report import build_index

            build_index(self.ledger.index_entries(self.reports), self.reports)
        except Exception as exc:
            log.warning("could not rebuild the index page: %s: %s", type(exc).__name__, exc)
        finally:
            self._index_cost = time.monotonic() - self._index_at


def own_peak_mb() -> float | None:
    """The peak resident memory of this process (the watcher, not its workers), in MB."""
    try:
        import resource

        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    except (ImportError, OSError):
        return None


def report_base(name: str) -> str:
    """A file-system- and URL-safe base name for a document's reports (see `safe_name`)."""
    return safe_name(os.fsencode(name))


_VERDICT = ("model_version", "score", "probability", "recommendation", "vertical", "deadline", "reports")


def _verdict(source: object) -> dict[str, Any]:
    """The ledger fields of a document's verdict, from a worker's answer or the first copy's row."""
    return {name: getattr(source, name) for name in _VERDICT}


def _one_line(text: str) -> str:
    return " ".join(text.split())[:300]


__all__ = ["Event", "InboxRunner", "RunOptions", "Tally", "now_iso", "report_base", "sha256_file"]
