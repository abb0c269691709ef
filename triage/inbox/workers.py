"""Worker processes that read documents, so that no document can take the inbox down with it.

As Apache Tika's forked parser does, every document is parsed in a child process with a wall-clock
timeout and a memory cap (RLIMIT_AS). Each worker sets up its triager once (the spaCy pipeline and
the model) and then handles many documents. A worker that hangs is killed; one that runs out of
memory, segfaults or exits is replaced; the document it held gets the reason `timeout`,
`out_of_memory` or `crashed`, and the next document goes on.

Workers are *spawned*: each starts as a fresh interpreter, never a copy of the watcher with its
threads, locks and open files, and as a direct child of the watcher, so Linux kills it (parent-death
signal) when the watcher dies, even by SIGKILL, even while the worker is stuck in a parser.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from triage.errors import REASONS, ModelError, TriageError
from triage.processes import die_with_parent

try:  # imported now: after running out of memory, an import can no longer map its library
    import resource
except ImportError:  # pragma: no cover - not POSIX
    resource = None  # type: ignore[assignment]
from triage.inbox.triagers import Triaged, WorkerConfig

MB = 1024 * 1024
# The address space a worker gets beyond what it holds once set up, at the least.
MIN_HEADROOM = 128 * MB


@dataclass
class Job:
    """One document handed to a worker."""

    id: int
    path: str  # the claimed file, `.work/<claim>/<name>`
    report_name: str
    payload: Any = None  # whatever the caller wants back with the result


@dataclass
class JobResult:
    """How a job ended: `triaged` on success, else a reason code, its sentence and details."""

    job: Job
    triaged: Triaged | None = None
    code: str | None = None
    message: str | None = None
    details: str = ""
    seconds: float = 0.0
    peak_mb: float | None = None  # the worker's peak resident memory so far (MB)

    @property
    def ok(self) -> bool:
        return self.triaged is not None


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    job: Job | None = None
    started: float = 0.0
    deadline: float = 0.0
    retiring: bool = False  # reported a fatal error and is exiting
    memory_cap: int | None = None
    served: int = 0
    pending: list[JobResult] = field(default_factory=list)


class WorkerPool:
    """N worker processes running the triager named by `spec`, each with the same limits."""

    def __init__(
        self,
        config: WorkerConfig,
        *,
        spec: str,
        jobs: int = 1,
        timeout: float = 60.0,
        max_memory_mb: int | None = 2048,
        setup_timeout: float = 300.0,
    ):
        self.config = config
        self.spec = spec
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.max_memory = max_memory_mb * MB if max_memory_mb else None
        self.setup_timeout = setup_timeout
        self.workers: list[_Worker] = []
        self.replaced = 0
        self._ctx = multiprocessing.get_context("spawn")

    # --- life cycle -----------------------------------------------------------------------------

    def start(self) -> None:
        """Start the workers and wait until each has set up; raises ModelError if they cannot."""
        for _ in range(self.jobs):
            self.workers.append(self._spawn())
        deadline = time.monotonic() + self.setup_timeout
        while not all(w.ready for w in self.workers):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.close()
                raise ModelError("the triage workers did not start in time")
            self._collect(remaining)

    def close(self) -> None:
        """Stop every worker: idle ones are asked to finish, ones still starting or busy are killed."""
        for w in self.workers:
            if w.job is None and w.ready:
                with contextlib.suppress(OSError, ValueError):
                    w.conn.send(None)
            else:
                w.process.kill()
        end = time.monotonic() + 2.0
        for w in self.workers:
            w.process.join(max(0.0, end - time.monotonic()))
            if w.process.is_alive():
                w.process.kill()
                w.process.join(1.0)
            with contextlib.suppress(OSError):
                w.conn.close()
        self.workers = []

    def abandon(self) -> list[Job]:
        """Stop at once: kill the busy workers and return the jobs they held (for requeueing)."""
        jobs = [w.job for w in self.workers if w.job is not None]
        for w in self.workers:
            if w.job is not None:
                w.process.kill()
                w.process.join(1.0)
                w.job = None
        self.close()
        return jobs

    def __enter__(self) -> WorkerPool:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- work -----------------------------------------------------------------------------------

    def idle(self) -> int:
        """How many workers could take a job now."""
        return sum(1 for w in self.workers if w.ready and w.job is None and not w.retiring)

    def busy(self) -> int:
        return sum(1 for w in self.workers if w.job is not None)

    def submit(self, job: Job) -> None:
        """Hand `job` to an idle worker (call only when `idle()` > 0)."""
        for w in self.workers:
            if w.ready and w.job is None and not w.retiring:
                w.conn.send((job.id, job.path, job.report_name))
                w.job = job
                w.started = time.monotonic()
                w.deadline = w.started + self.timeout
                return
        raise RuntimeError("no idle worker")

    def wait(self, timeout: float | None) -> list[JobResult]:
        """Wait up to `timeout` seconds for jobs to end; return those that did (maybe none).
        Hung workers past their deadline are killed here, and dead workers replaced."""
        return self._collect(timeout)

    # --- internals ------------------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(
            target=worker_main,
            args=(child, self.spec, self.config, self.max_memory, os.getpid()),
            name="triage-worker",
            daemon=True,
        )
        with _signals_ignored():  # the child starts with Ctrl-C and SIGTERM ignored: they are ours
            process.start()
        child.close()
        return _Worker(process=process, conn=parent)

    def _collect(self, timeout: float | None) -> list[JobResult]:
        now = time.monotonic()
        deadlines = [w.deadline for w in self.workers if w.job is not None]
        limit = timeout
        if deadlines:
            until = max(0.0, min(deadlines) - now)
            limit = until if limit is None else min(limit, until)
        handles: list[Any] = []
        for w in self.workers:
            handles.extend((w.conn, w.process.sentinel))
        if handles:
            wait(handles, limit)
        elif limit:
            time.sleep(limit)
        done: list[JobResult] = []
        for w in list(self.workers):
            done.extend(self._service(w))
        return done

    def _service(self, w: _Worker) -> list[JobResult]:
        """Read what a worker sent, and deal with a worker that died or overran."""
        out: list[JobResult] = []
        try:
            while w.conn.poll():
                out.extend(self._handle(w, w.conn.recv()))
        except (EOFError, OSError):
            pass
        if not w.process.is_alive() or (w.conn.closed if hasattr(w.conn, "closed") else False):
            w.process.join(0.5)
            if w.job is not None:
                code, details = _death_reason(w.process.exitcode)
                out.append(self._fail(w, code, details))
            elif not w.ready and not w.retiring:
                raise ModelError(f"a triage worker could not start (exit status {w.process.exitcode})")
            self._replace(w)
        elif w.job is not None and time.monotonic() >= w.deadline:
            w.process.kill()
            w.process.join(2.0)
            out.append(self._fail(w, "timeout", f"stopped after {self.timeout:g} s"))
            self._replace(w)
        return out

    def _handle(self, w: _Worker, message: tuple) -> list[JobResult]:
        kind = message[0]
        if kind == "ready":
            w.ready = True
            w.memory_cap = message[1]
            return []
        if kind == "setup_failed":
            _, code, text, details = message
            w.retiring = True
            raise ModelError(f"{text}" + (f" ({details.strip().splitlines()[-1]})" if details else ""))
        if kind in ("ok", "error") and w.job is not None and message[1] == w.job.id:
            job = w.job
            seconds = time.monotonic() - w.started
            w.job = None
            w.served += 1
            if kind == "ok":
                return [JobResult(job, triaged=message[2], seconds=seconds, peak_mb=message[3])]
            _, _, code, text, details, fatal, peak = message
            if fatal:
                w.retiring = True
            return [JobResult(job, code=code, message=text, details=details, seconds=seconds, peak_mb=peak)]
        return []

    def _fail(self, w: _Worker, code: str, details: str) -> JobResult:
        job = w.job
        assert job is not None
        w.job = None
        return JobResult(
            job, code=code, message=REASONS[code], details=details, seconds=time.monotonic() - w.started
        )

    def _replace(self, w: _Worker) -> None:
        with contextlib.suppress(OSError):
            w.conn.close()
        index = self.workers.index(w)
        self.workers[index] = self._spawn()
        self.replaced += 1


@contextlib.contextmanager
def _signals_ignored() -> Iterator[None]:
    """Ignore SIGINT and SIGTERM for a moment (an ignored signal stays ignored across exec)."""
    saved = {}
    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            saved[sig] = signal.signal(sig, signal.SIG_IGN)
    except ValueError:  # not the main thread: leave the signals alone
        pass
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def _death_reason(exitcode: int | None) -> tuple[str, str]:
    """The reason code for a worker that died holding a document."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if -exitcode == signal.SIGKILL:
            return (
                "out_of_memory",
                f"the reader was killed ({name}), most likely by the system for using too much memory",
            )
        return "crashed", f"the reader was killed by {name}"
    return "crashed", f"the reader exited unexpectedly (status {exitcode})"


# --- inside the worker process ------------------------------------------------------------------


def worker_main(
    conn: Connection, spec: str, config: WorkerConfig, max_memory: int | None, parent: int | None = None
) -> None:
    """The loop of one worker: set up once, then triage each job sent until told to stop."""
    # Ctrl-C and SIGTERM (also sent to the whole process group by a terminal or systemd) are the
    # watcher's to handle: it stops cleanly and kills its workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    die_with_parent()
    if parent is not None and os.getppid() != parent:
        return  # the watcher died before the parent-death signal was armed
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    from triage.inbox.triagers import load_triager

    try:
        triager = load_triager(spec, config)
        triager.setup()
    except TriageError as exc:
        conn.send(("setup_failed", exc.code, exc.message, ""))
        return
    except BaseException as exc:
        conn.send(
            ("setup_failed", "model", f"the triage worker could not start: {exc}", traceback.format_exc())
        )
        return
    cap = _cap_memory(max_memory)
    conn.send(("ready", cap))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        job_id, path, report_name = message
        try:
            result = triager.triage(path, report_name)
        except MemoryError:
            result = None
            reply = ("error", job_id, "out_of_memory", REASONS["out_of_memory"], "MemoryError", True)
        except TriageError as exc:
            cause = exc.__cause__
            details = "".join(traceback.format_exception(cause, limit=8)) if cause is not None else ""
            reply = ("error", job_id, exc.code, exc.message, details, False)
        except RecursionError:
            reply = (
                "error",
                job_id,
                "damaged",
                REASONS["damaged"],
                "the file nests too deeply (RecursionError)",
                False,
            )
        except Exception as exc:
            details = f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=8)}"
            reply = ("error", job_id, "damaged", REASONS["damaged"], details, False)
        else:
            reply = ("ok", job_id, result)
        try:
            conn.send((*reply, _peak_mb()))
        except (OSError, EOFError):
            return
        if reply[0] == "error" and reply[5]:
            return  # after running out of memory, a fresh process is the safe choice


def _peak_mb() -> float | None:
    """This process's peak resident memory in MB (Linux reports kilobytes)."""
    if resource is None:
        return None
    try:
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    except OSError:
        return None


def _cap_memory(max_memory: int | None) -> int | None:
    """Limit this process's address space to `max_memory` (raised to what set-up already holds
    plus MIN_HEADROOM, so a cap below the model's own size still leaves room to work)."""
    if not max_memory or resource is None:
        return None
    try:
        with open("/proc/self/statm") as fh:
            current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        current = 0
    cap = max(max_memory, current + MIN_HEADROOM)
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        return None
    return cap
