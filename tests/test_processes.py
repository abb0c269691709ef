"""ForkedCall, the second process a long document gets: what it returns arrives, what fails costs
nothing but the redo, and Ctrl-C while it starts leaves no helper behind."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time

import pytest

from triage import processes
from triage.processes import ForkedCall

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def forked_children() -> list:
    return [
        p for p in multiprocessing.active_children() if isinstance(p, multiprocessing.context.ForkProcess)
    ]


def run(fn, *args):
    helper = ForkedCall(fn, *args)
    try:
        return helper.result()
    finally:
        helper.stop()


def fails(_: int) -> int:
    raise ValueError("a taxonomy problem")


def test_the_helper_returns_what_the_function_returned() -> None:
    assert run(sorted, [3, 1, 2]) == [1, 2, 3]
    assert forked_children() == []


def test_a_failing_function_or_a_result_that_cannot_travel_gives_none() -> None:
    assert run(fails, 1) is None
    assert run(threading.Lock) is None  # a lock cannot be pickled
    assert forked_children() == []


def test_ctrl_c_while_the_helper_starts_reaches_the_caller_and_no_helper_stays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = multiprocessing.context.ForkProcess.start

    def start_under_ctrl_c(self) -> None:
        original(self)
        os.kill(os.getpid(), signal.SIGINT)  # lands just after the fork

    before = set(forked_children())  # helpers of other tests still being reaped are not this test's
    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start", start_under_ctrl_c)
    # Python's own Ctrl-C handler, as in a terminal: a shell that starts the tests in the background
    # (`make test &`) hands them SIGINT ignored, and then no Ctrl-C could reach anything
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            ForkedCall(time.sleep, 30)
    finally:
        signal.signal(signal.SIGINT, previous)
    left = set(forked_children()) - before
    assert not left  # the helper that had started is gone, not left sleeping


def test_no_second_process_when_turned_off_or_with_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setenv(processes.PROCESSES_ENV, "1")
    assert not processes.second_process_allowed()
    monkeypatch.setenv(processes.PROCESSES_ENV, "auto")
    monkeypatch.setattr(threading, "active_count", lambda: 3)
    assert not processes.second_process_allowed()
