"""Process helpers shared by the stages: a second process for one long document, and dying with a parent.

One `triage` process working on one long document leaves the other cores idle: pypdf reads pages at
about 150,000 words a second and tagging runs at about 300,000. `ForkedCall` runs part of that
work (the back half of a PDF's pages, the second half of a document's passages) in a forked copy of
this process, which inherits everything already loaded (the open PDF, the spaCy pipeline) at no
cost, and sends its result back through a pipe. `second_process_allowed()` says when that is safe
and useful: on Linux (fork), with two cores or more, in a lone top-level process without threads.
Workers of a batch, of the inbox or of Dask never do it: their siblings already use the other cores.
TRIAGE_DOCUMENT_PROCESSES=1 turns it off.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import Any

PROCESSES_ENV = "TRIAGE_DOCUMENT_PROCESSES"


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (prctl PR_SET_PDEATHSIG), so a helper or
    a hung worker never outlives a killed parent. Does nothing where that is not available."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def second_process_allowed() -> bool:
    """Whether this process may fork a helper for part of one document (see the module docstring)."""
    import multiprocessing
    import sys
    import threading

    wanted = os.environ.get(PROCESSES_ENV, "auto").strip().lower()
    if wanted not in ("", "auto", "2"):
        return False
    return (
        sys.platform.startswith("linux")  # fork is safe here; not on macOS or Windows
        and len(os.sched_getaffinity(0)) >= 2
        and multiprocessing.parent_process() is None  # a worker: its siblings use the other cores
        and threading.active_count() == 1  # forking a process with threads can deadlock the child
    )


class ForkedCall:
    """`fn(*args)` run in a forked copy of this process; `result()` waits for what it returned.

    The helper dies with its parent, ignores Ctrl-C (its parent stops it), and holds no copy of the
    pipe's reading end, so a parent that stopped listening makes its send fail at once. Starting
    it raises what fork or the pipe raise (no fork, no /dev/shm, a process limit): callers then do
    the work themselves. `result()` returns None when the helper died or sent what cannot be
    rebuilt here, so a caller never loses work, only time. `stop()` always, in a `finally`."""

    def __init__(self, fn: Callable[..., Any], *args: Any):
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self.inbox, outbox = ctx.Pipe(duplex=False)
        self.process = ctx.Process(
            target=_run_forked, args=(fn, args, outbox, self.inbox, os.getpid()), daemon=True
        )
        self.answered = False
        try:
            # Ctrl-C is held back while forking: landing between the fork and the helper's own
            # handler, it would run this caller's code in the helper
            blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            try:
                self.process.start()
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a held Ctrl-C is raised here
            # ... or at the next instruction: still inside this `try`, so the helper is killed
            outbox.close()
        except BaseException:
            outbox.close()
            self.inbox.close()
            if self.process.pid is not None:
                self.process.kill()
                self.process.join()
            raise

    def result(self) -> Any | None:
        """What `fn` returned, or None if the helper failed, died or sent nothing usable."""
        try:
            status, value = self.inbox.recv()
        except Exception:  # it died (EOF), or sent what cannot be rebuilt here
            return None
        self.answered = True
        return value if status == "ok" else None

    def stop(self) -> None:
        """Close the pipe and make sure the helper is gone: at once if its answer is no longer
        wanted (an error or Ctrl-C here, a limit reached), else once it has exited."""
        self.inbox.close()
        if self.answered:
            self.process.join(timeout=1.0)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


def _run_forked(fn: Callable[..., Any], args: tuple[Any, ...], outbox, inbox, parent: int) -> None:
    import contextlib
    import pickle

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # held back by the parent while forking
    die_with_parent()
    inbox.close()
    if os.getppid() != parent:
        return  # the parent died before the signal was armed
    try:
        message: tuple[str, Any] = ("ok", fn(*args))
    except BaseException as exc:
        message = ("error", f"{type(exc).__name__}: {exc}")
    with contextlib.suppress(OSError):  # the parent stopped listening: no one to tell
        try:
            outbox.send(message)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as exc:  # cannot travel
            outbox.send(("error", f"{type(exc).__name__}: {exc}"))
    outbox.close()
