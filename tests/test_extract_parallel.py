"""A long PDF read by a lone process is read by two (this one from the front, a forked one from the
back): the Document must be the same as one process reads it, and a helper that dies must cost
nothing but time."""

from __future__ import annotations

import multiprocessing
import os
import threading
from pathlib import Path

import pytest
from test_extract import make_pdf

from triage import processes
from triage.errors import RefusedFile
from triage.extract import extract
from triage.extract import pdf as pdf_mod

needs_two_cores = pytest.mark.skipif(
    not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2, reason="needs two cores"
)


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("long") / "long.pdf", pages=pdf_mod.PARALLEL_MIN_PAGES + 5)


@pytest.fixture
def helpers_started(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    # earlier tests of the session can leave threads behind (a watcher, a Dask cluster), and a
    # process with threads reads alone; here the helper's work is what is checked
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    started: list[int] = []
    original = pdf_mod._PageReader.__init__

    def counting(self, reader, count: int) -> None:
        started.append(count)
        original(self, reader, count)

    monkeypatch.setattr(pdf_mod._PageReader, "__init__", counting)
    return started


def one_process(path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(processes.PROCESSES_ENV, "1")
    doc = extract(path)
    monkeypatch.delenv(processes.PROCESSES_ENV)
    return doc


@needs_two_cores
def test_two_processes_read_the_same_document(
    long_pdf: Path, monkeypatch: pytest.MonkeyPatch, helpers_started: list[int]
) -> None:
    alone = one_process(long_pdf, monkeypatch)
    assert helpers_started == []
    both = extract(long_pdf)
    assert helpers_started == [alone.pages]
    assert both == alone
    assert [p.page for p in both.passages] == sorted(p.page for p in both.passages)
    assert {p.page for p in both.passages} == set(range(1, alone.pages + 1))


@needs_two_cores
def test_a_helper_that_dies_costs_no_page(
    long_pdf: Path, monkeypatch: pytest.MonkeyPatch, helpers_started: list[int]
) -> None:
    alone = one_process(long_pdf, monkeypatch)

    def die(reader, bounds) -> None:
        with bounds.get_lock():  # it takes pages, then dies before sending them
            bounds[1] -= 3
        os._exit(1)

    monkeypatch.setattr(pdf_mod, "_read_pages", die)
    assert extract(long_pdf) == alone
    assert helpers_started


def test_short_pdfs_and_workers_stay_in_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, helpers_started: list[int]
) -> None:
    extract(make_pdf(tmp_path / "short.pdf", pages=2))
    monkeypatch.setenv(processes.PROCESSES_ENV, "1")
    extract(make_pdf(tmp_path / "long.pdf", pages=pdf_mod.PARALLEL_MIN_PAGES))
    assert helpers_started == []
    assert not pdf_mod._second_process(pdf_mod.PARALLEL_MIN_PAGES - 1)


def test_a_process_with_threads_reads_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not pdf_mod._second_process(10 * pdf_mod.PARALLEL_MIN_PAGES)


def test_a_helper_that_cannot_start_costs_nothing(
    long_pdf: Path, monkeypatch: pytest.MonkeyPatch, helpers_started: list[int]
) -> None:
    alone = one_process(long_pdf, monkeypatch)

    def no_fork(self) -> None:
        raise OSError(30, "Read-only file system: '/dev/shm'")

    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start", no_fork)
    assert extract(long_pdf) == alone
    assert helpers_started


def test_reading_stopped_by_a_limit_leaves_no_helper(
    long_pdf: Path, monkeypatch: pytest.MonkeyPatch, helpers_started: list[int]
) -> None:
    monkeypatch.setenv("TRIAGE_MAX_CHARS", "2000")
    with pytest.raises(RefusedFile) as caught:
        extract(long_pdf)
    assert caught.value.code == "too_large"
    assert helpers_started
    forked = [
        p for p in multiprocessing.active_children() if isinstance(p, multiprocessing.context.ForkProcess)
    ]
    assert forked == []  # (other tests' worker pools may still be about)
