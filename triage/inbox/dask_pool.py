"""The inbox's work on a Dask cluster, behind the same interface as the local `WorkerPool`.

`triage run INBOX --dask-scheduler ADDRESS` hands each claimed document to the cluster as soon as it
is claimed (Dask futures, so files are handed out as they arrive, not in batches). Each Dask worker
process sets up the triager once (the spaCy pipeline and the model) and keeps it for every document
it is given. The cluster's workers must see the inbox and the reports folder at the same paths as
this machine (a shared file system), and have `triage` installed.

Isolation on a cluster is Dask's: a worker process that dies is restarted by its nanny, and the
document it held is failed as `crashed`; a document that runs past the timeout is failed as
`timeout` and its task cancelled (set a memory limit on the workers with `dask worker
--memory-limit`). The watching process still never parses a document itself.
"""

from __future__ import annotations

import contextlib
import time
import traceback
from dataclasses import dataclass
from typing import Any

from triage.errors import REASONS, TriageError, UsageError
from triage.inbox.triagers import WorkerConfig, load_triager
from triage.inbox.workers import Job, JobResult

_TRIAGERS: dict[str, Any] = {}  # in each Dask worker: set up once per triager and configuration


def dask_triage(spec: str, config: WorkerConfig, path: str, report_name: str) -> tuple:
    """Run on a Dask worker: triage one document and answer with plain data, never raise."""
    try:
        key = f"{spec} {config!r}"
        triager = _TRIAGERS.get(key)
        if triager is None:
            triager = load_triager(spec, config)
            triager.setup()
            _TRIAGERS[key] = triager
        return ("ok", triager.triage(path, report_name))
    except MemoryError:
        return ("error", "out_of_memory", REASONS["out_of_memory"], "MemoryError")
    except TriageError as exc:
        return ("error", exc.code, exc.message, "")
    except Exception as exc:
        return (
            "error",
            "crashed",
            REASONS["crashed"],
            f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=8)}",
        )


@dataclass
class _Running:
    job: Job
    future: Any
    started: float


class DaskPool:
    """Hands jobs to the Dask cluster at `address`; as many at a time as the cluster has threads."""

    def __init__(
        self,
        config: WorkerConfig,
        *,
        spec: str,
        address: str,
        timeout: float = 120.0,
        connect_timeout: float = 10.0,
    ):
        self.config = config
        self.spec = spec
        self.address = address
        self.timeout = timeout
        self.connect_timeout = connect_timeout
        self.client: Any = None
        self.capacity = 1
        self.replaced = 0
        self.running: dict[int, _Running] = {}

    def start(self) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise UsageError("--dask-scheduler needs the Dask extra: pip install 'triage[dask]'") from exc
        try:
            self.client = Client(self.address, timeout=f"{self.connect_timeout}s")
        except OSError as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from exc
        threads = sum(self.client.nthreads().values())
        self.capacity = max(1, threads)

    def close(self) -> None:
        if self.client is not None:
            with contextlib.suppress(Exception):
                self.client.close()
            self.client = None

    def abandon(self) -> list[Job]:
        jobs = [r.job for r in self.running.values()]
        for r in self.running.values():
            with contextlib.suppress(Exception):
                r.future.cancel()
        self.running.clear()
        return jobs

    def __enter__(self) -> DaskPool:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def idle(self) -> int:
        return max(0, self.capacity - len(self.running))

    def busy(self) -> int:
        return len(self.running)

    def submit(self, job: Job) -> None:
        future = self.client.submit(
            dask_triage, self.spec, self.config, job.path, job.report_name, pure=False, retries=0
        )
        self.running[job.id] = _Running(job, future, time.monotonic())

    def wait(self, timeout: float | None) -> list[JobResult]:
        """Wait up to `timeout` seconds for jobs to end; return those that did. Jobs past the
        document timeout are cancelled and failed as `timeout`."""
        from distributed import wait as dask_wait

        if not self.running:
            if timeout:
                time.sleep(timeout)
            return []
        now = time.monotonic()
        limit = min(r.started + self.timeout for r in self.running.values()) - now
        limit = max(0.0, limit if timeout is None else min(limit, timeout))
        with contextlib.suppress(TimeoutError):
            dask_wait([r.future for r in self.running.values()], timeout=limit, return_when="FIRST_COMPLETED")
        done: list[JobResult] = []
        now = time.monotonic()
        for job_id, r in list(self.running.items()):
            if r.future.done():
                del self.running[job_id]
                done.append(self._result(r, now))
            elif now - r.started >= self.timeout:
                del self.running[job_id]
                with contextlib.suppress(Exception):
                    r.future.cancel()
                done.append(
                    JobResult(
                        r.job,
                        code="timeout",
                        message=REASONS["timeout"],
                        details=f"stopped after {self.timeout:g} s",
                        seconds=now - r.started,
                    )
                )
        return done

    def _result(self, r: _Running, now: float) -> JobResult:
        seconds = now - r.started
        try:
            answer = r.future.result()
        except Exception as exc:  # KilledWorker, a worker lost, a cancelled task
            self.replaced += 1
            return JobResult(
                r.job,
                code="crashed",
                message=REASONS["crashed"],
                details=f"the Dask worker failed: {type(exc).__name__}: {exc}",
                seconds=seconds,
            )
        if answer[0] == "ok":
            return JobResult(r.job, triaged=answer[1], seconds=seconds)
        _, code, message, details = answer
        return JobResult(r.job, code=code, message=message, details=details, seconds=seconds)
