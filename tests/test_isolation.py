"""Documents are read in worker processes: a reader that hangs, eats memory, segfaults, exits or
raises takes only its own document down, which is filed in failed/ with its reason, and the next
document is triaged. The fake triager misbehaves on purpose, as Apache Tika's tests do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from triage.inbox.ledger import Ledger
from triage.inbox.runner import InboxRunner, RunOptions
from triage.inbox.testing import FAKE, drop, places
from triage.inbox.triagers import WorkerConfig
from triage.inbox.workers import Job, WorkerPool

MISBEHAVIOUR = {
    "hang": ("HANG", "timeout"),
    "memory": ("OOM", "out_of_memory"),
    "segfault": ("SEGV", "crashed"),
    "exit": ("EXIT 3", "crashed"),
    "bug": ("BOOM", "damaged"),
    "refused": ("RAISE zip_bomb", "zip_bomb"),
}


def run_inbox(inbox: Path, timeout: float = 1.5, **kw):
    opts = RunOptions(inbox=inbox, triager=FAKE, settle=0.0, timeout=timeout, max_memory_mb=256, **kw)
    with InboxRunner(opts) as runner:
        tally = runner.run_once()
        replaced = runner.pool.replaced if runner.pool else 0
    return tally, replaced


@pytest.mark.parametrize("kind", sorted(MISBEHAVIOUR))
def test_a_misbehaving_reader_fails_only_its_own_document(tmp_path: Path, kind: str):
    command, reason = MISBEHAVIOUR[kind]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    bad = drop(inbox, f"a-{kind}.pdf", command)
    good = drop(inbox, "b-good.txt", "a good document")
    os.utime(bad, (1_000_000_000, 1_000_000_000))  # oldest first: the bad one goes first

    tally, replaced = run_inbox(inbox, timeout=1.5 if kind == "hang" else 20)

    assert places(inbox) == {"inbox": [], "done": [good.name], "failed": [bad.name], "work": []}
    assert (tally.triaged, tally.failed) == (1, 1)
    with Ledger(inbox / "triage.sqlite") as ledger:
        failed = next(r for r in ledger.rows() if r.status == "failed")
    assert failed.reason == reason
    note = (inbox / "failed" / f"{bad.name}.error.txt").read_text()
    assert f"reason:  {reason}" in note
    worker_died = reason in ("timeout", "out_of_memory", "crashed")
    assert (replaced >= 1) == worker_died


def test_many_failures_with_two_workers_and_the_good_ones_still_go_through(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for kind, (command, _) in MISBEHAVIOUR.items():
        drop(inbox, f"{kind}.pdf", command)
    for i in range(6):
        drop(inbox, f"good-{i}.txt", f"good document number {i}")
    tally, _ = run_inbox(inbox, timeout=2.5, jobs=2)
    assert (tally.triaged, tally.failed) == (6, len(MISBEHAVIOUR))
    with Ledger(inbox / "triage.sqlite") as ledger:
        reasons = {r.file_name: r.reason for r in ledger.rows() if r.status == "failed"}
    assert reasons == {f"{k}.pdf": reason for k, (_, reason) in MISBEHAVIOUR.items()}


def test_a_worker_handles_many_documents_and_is_set_up_once(tmp_path: Path):
    config = WorkerConfig(reports_dir=str(tmp_path / "reports"))
    docs = [drop(tmp_path, f"d{i}.txt", f"doc {i}") for i in range(5)]
    with WorkerPool(config, spec=FAKE, jobs=1, timeout=5) as pool:
        results = []
        for i, doc in enumerate(docs):
            pool.submit(Job(id=i, path=str(doc), report_name=f"d{i}"))
            while not (done := pool.wait(1.0)):
                pass
            results.extend(done)
    assert all(r.ok for r in results)
    pids = {__import__("json").loads(Path(r.triaged.reports["json"]).read_text())["worker"] for r in results}
    assert len(pids) == 1 and os.getpid() not in pids  # one worker process, not this one


def test_the_memory_cap_is_applied_in_the_worker_not_here(tmp_path: Path):
    import resource

    before = resource.getrlimit(resource.RLIMIT_AS)
    config = WorkerConfig(reports_dir=str(tmp_path))
    with WorkerPool(config, spec=FAKE, jobs=1, max_memory_mb=300) as pool:
        cap = pool.workers[0].memory_cap
    assert cap is not None and cap >= 300 * 1024 * 1024
    assert resource.getrlimit(resource.RLIMIT_AS) == before


def test_a_triager_that_cannot_start_is_a_clear_model_error(tmp_path: Path):
    from triage.errors import ModelError

    config = WorkerConfig(reports_dir=str(tmp_path))
    with (
        pytest.raises(ModelError, match="could not start"),
        WorkerPool(config, spec="triage.inbox.testing:Nothing"),
    ):
        pass


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


def test_a_hung_worker_does_not_outlive_a_killed_watcher(tmp_path: Path):
    import subprocess
    import sys
    import time

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    drop(inbox, "stuck.txt", "HANG")
    env = {**os.environ, "TRIAGE_INBOX_TRIAGER": FAKE}
    proc = subprocess.Popen(
        [sys.executable, "-m", "triage", "run", str(inbox), "--settle", "0", "--timeout", "300"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    pid_file = inbox / "reports" / "stuck.pid"
    end = time.monotonic() + 30
    while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < end:
        time.sleep(0.05)
    worker = int(pid_file.read_text())
    assert _alive(worker)
    proc.kill()
    proc.wait(10)
    end = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < end:
        time.sleep(0.05)
    assert not _alive(worker)
    assert places(inbox)["work"] == ["stuck.txt"]  # finished (here: timed out) on the next start
