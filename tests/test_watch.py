"""`triage watch` on a live inbox, in a subprocess: files dropped, downloads renamed from `.part`,
a burst, SIGTERM for a clean stop, and SIGKILL at random points without losing a file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from triage.inbox.ledger import Ledger
from triage.inbox.testing import FAKE, drop, places


def start_watch(
    inbox: Path, *extra: str, rescan: str = "1", cwd: Path | None = None, group: bool = False
) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "TRIAGE_INBOX_TRIAGER": FAKE,
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
    }
    where = os.path.relpath(inbox, cwd) if cwd else str(inbox)
    cmd = [sys.executable, "-m", "triage", "watch", where, "--settle", "0.3", "--rescan", rescan, *extra]
    return subprocess.Popen(
        cmd,
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=group,
    )


def filed(inbox: Path) -> int:
    """How many ledger rows there are (0 before the ledger exists)."""
    path = inbox / "triage.sqlite"
    if not path.exists():
        return 0
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        return db.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        db.close()


def wait_until(condition: Callable[[], bool], limit: float = 30.0) -> None:
    end = time.monotonic() + limit
    while not condition():
        if time.monotonic() > end:
            raise AssertionError("the watcher did not get there in time")
        time.sleep(0.05)


def stop(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    return proc.returncode, out, err


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def test_watch_files_dropped_into_a_live_inbox(inbox: Path):
    drop(inbox, "present at start.txt", "was here first")
    proc = start_watch(inbox)
    try:
        wait_until(lambda: filed(inbox) == 1)
        drop(inbox, "new.md", "dropped while watching")
        drop(inbox, "~$new.docx", "Word's lock file")
        part = drop(inbox, "download.pdf.part", "arriving")
        time.sleep(0.5)
        assert (inbox / "download.pdf.part").exists()  # never taken while it is a .part
        os.rename(part, inbox / "download.pdf")
        drop(inbox, "scan.pdf", "RAISE scanned")
        for i in range(40):
            drop(inbox, f"burst-{i:02d}.txt", f"burst document {i}")
        wait_until(lambda: filed(inbox) == 44)
    finally:
        code, out, err = stop(proc)
    assert code == 0, err
    assert out.strip().splitlines()[-1] == "43 triaged, 1 failed, 0 already seen"
    assert "triage: error: scan.pdf: " in err
    where = places(inbox)
    assert where["failed"] == ["scan.pdf"]
    assert set(where["done"]) == {"present at start.txt", "new.md", "download.pdf"} | {
        f"burst-{i:02d}.txt" for i in range(40)
    }
    assert where["work"] == [] and (inbox / "~$new.docx").exists()
    with Ledger(inbox / "triage.sqlite") as ledger:
        for row in ledger.rows():
            if row.status == "done":
                assert Path(row.reports["json"]).is_file()


def test_sigterm_puts_the_document_in_progress_back(inbox: Path):
    drop(inbox, "slow.txt", "SLOW 30\na long document")
    proc = start_watch(inbox, group=True)
    try:
        wait_until(lambda: places(inbox)["work"] == ["slow.txt"])
    finally:
        started = time.monotonic()
        os.killpg(proc.pid, signal.SIGTERM)  # as systemd does: the watcher and its workers at once
        out, _ = proc.communicate(timeout=30)
        code = proc.returncode
    assert code == 0
    assert time.monotonic() - started < 15  # did not wait for the 30 s document
    assert places(inbox) == {"inbox": ["slow.txt"], "done": [], "failed": [], "work": []}
    assert "1 put back" in out


def test_watch_with_polling(inbox: Path):
    proc = start_watch(inbox, "--poll")
    try:
        time.sleep(0.5)
        drop(inbox, "polled.txt", "found by polling")
        wait_until(lambda: filed(inbox) == 1)
    finally:
        code, _, err = stop(proc)
    assert code == 0, err
    assert places(inbox)["done"] == ["polled.txt"]
    assert "(polling)" in err


def test_sigkill_at_random_points_during_a_burst_loses_nothing(inbox: Path):
    rng = random.Random(7)
    names = [f"deal-{i:03d}.txt" for i in range(200)]
    batches = [names[:80], names[80:130], names[130:170], names[170:]]
    dropped: list[str] = []

    def drop_batch(batch: list[str]) -> None:
        for name in batch:
            drop(inbox, name, f"SLOW 0.01\n{name}")
            dropped.append(name)

    drop_batch(batches[0])
    for batch in batches[1:3]:
        before = filed(inbox)
        proc = start_watch(inbox, "--jobs", "2")
        wait_until(lambda before=before: filed(inbox) > before)
        drop_batch(batch)  # more files arrive while it works
        time.sleep(rng.uniform(0.05, 0.6))
        proc.kill()
        proc.communicate(timeout=10)
        where = places(inbox)
        everywhere = where["inbox"] + where["done"] + where["failed"] + where["work"]
        assert sorted(everywhere) == sorted(dropped)  # each file in exactly one place
    drop_batch(batches[3])
    proc = start_watch(inbox, "--jobs", "2")
    try:
        wait_until(lambda: filed(inbox) >= len(names), limit=60)
    finally:
        code, _, err = stop(proc)
    assert code == 0, err
    assert places(inbox) == {"inbox": [], "done": sorted(names), "failed": [], "work": []}
    with Ledger(inbox / "triage.sqlite") as ledger:
        rows = ledger.rows()
    assert sorted(r.file_name for r in rows) == sorted(names)  # one row each, none triaged twice
    assert all(Path(r.reports["json"]).is_file() for r in rows)


def test_the_polling_observer_takes_over_when_notifications_cannot_start(inbox: Path, monkeypatch):
    import watchdog.observers

    from triage.inbox.watching import start_observer, stop_observer

    class Broken(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
        def start(self) -> None:
            raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watchdog.observers, "Observer", Broken)
    seen: list[Path] = []
    observer, kind = start_observer(inbox, seen.append)
    try:
        assert kind == "polling"
        drop(inbox, "late.pdf", "x")
        wait_until(lambda: inbox / "late.pdf" in seen, limit=10)
    finally:
        stop_observer(observer)


def test_watch_an_inbox_given_as_a_relative_path(inbox: Path):
    proc = start_watch(inbox, rescan="600", cwd=inbox.parent)  # only file events can find the file
    try:
        time.sleep(0.8)
        drop(inbox, "event.txt", "found by its event")
        wait_until(lambda: filed(inbox) == 1, limit=20)
    finally:
        code, _, err = stop(proc)
    assert code == 0, err
    assert places(inbox)["done"] == ["event.txt"]
