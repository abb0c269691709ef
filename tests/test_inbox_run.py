"""`triage run` on a temporary inbox: every file ends in exactly one place, with reports, a ledger row
and a reason, and a second run does nothing. Documents are triaged by the fake triager (fast, and able
to fail on purpose), in real worker processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from triage.inbox.filing import Inbox
from triage.inbox.ledger import Ledger
from triage.inbox.runner import InboxRunner, RunOptions, sha256_file
from triage.inbox.testing import FAKE, drop, places

TEMP_FILES = [
    "~$RFP.docx",
    ".~lock.RFP.docx#",
    ".RFP.docx.swp",
    "RFP.pdf.crdownload",
    "big.pdf.part",
    "x.tmp",
]


def options(inbox: Path, **kw) -> RunOptions:
    kw.setdefault("settle", 0.0)
    kw.setdefault("timeout", 10.0)
    kw.setdefault("max_memory_mb", 1024)
    return RunOptions(inbox=inbox, triager=FAKE, **kw)


def run(inbox: Path, **kw):
    events = []
    with InboxRunner(options(inbox, **kw), on_event=events.append) as runner:
        tally = runner.run_once()
    return tally, events


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def test_a_mixed_inbox_is_filed_with_reports_ledger_rows_and_reasons(inbox: Path):
    drop(inbox, "acme portal rfp.txt", "integration portal single sign-on " * 20)
    drop(inbox, "acme copy.md", "integration portal single sign-on " * 20)  # same bytes
    drop(inbox, "city intranet.md", "intranet for the city")
    drop(inbox, "locked.pdf", "RAISE password_protected")
    for name in TEMP_FILES:
        drop(inbox, name, "still being written")

    tally, events = run(inbox)

    where = places(inbox)
    assert where["done"] == ["acme copy.md", "acme portal rfp.txt", "city intranet.md"]
    assert where["failed"] == ["locked.pdf"]
    assert sorted(where["inbox"]) == []  # temp files are not documents...
    assert sorted(p.name for p in inbox.iterdir() if p.name in TEMP_FILES) == sorted(
        TEMP_FILES
    )  # ...and stay
    assert where["work"] == []
    assert (tally.triaged, tally.failed, tally.duplicates) == (2, 1, 1)
    assert tally.line() == "2 triaged, 1 failed, 1 already seen"

    error = (inbox / "failed" / "locked.pdf.error.txt").read_text()
    assert "password_protected" in error and "password-protected" in error

    with Ledger(inbox / "triage.sqlite") as ledger:
        rows = {r.file_name: r for r in ledger.rows()}
    assert set(rows) == {"acme portal rfp.txt", "acme copy.md", "city intranet.md", "locked.pdf"}
    first, copy = rows["acme portal rfp.txt"], rows["acme copy.md"]
    assert first.status == "done" and first.score is not None and first.model_version == "fake-1"
    assert copy.status == "duplicate" and copy.duplicate_of == first.id
    assert copy.reports == first.reports and copy.sha256 == first.sha256
    assert rows["locked.pdf"].status == "failed" and rows["locked.pdf"].reason == "password_protected"
    for row in rows.values():
        assert row.stored_path and Path(row.stored_path).is_file()
        assert sha256_file(Path(row.stored_path)) == row.sha256
    for fmt in ("json", "html"):
        assert Path(first.reports[fmt]).is_file()
        assert Path(first.reports[fmt]).parent == inbox / "reports"
    assert json.loads(Path(first.reports["json"]).read_text())["score"] == first.score
    page = (inbox / "reports" / "index.html").read_text()  # rebuilt from the ledger
    assert all(name in page for name in ("acme portal rfp.txt", "acme copy.md", "locked.pdf"))
    assert [e.kind for e in events].count("failed") == 1
    log = (inbox / "triage.log").read_text()
    assert "locked.pdf" in log and "password_protected" in log


def test_a_second_run_does_nothing(inbox: Path):
    drop(inbox, "a.txt", "one")
    drop(inbox, "b.txt", "RAISE damaged")
    run(inbox)
    before = places(inbox)
    with Ledger(inbox / "triage.sqlite") as ledger:
        rows = len(ledger.rows())
    tally, events = run(inbox)
    assert (tally.triaged, tally.failed, tally.duplicates) == (0, 0, 0)
    assert events == []
    assert places(inbox) == before
    with Ledger(inbox / "triage.sqlite") as ledger:
        assert len(ledger.rows()) == rows


def test_the_same_content_dropped_later_is_not_scored_again(inbox: Path):
    drop(inbox, "rfp.txt", "SLOW 0.01\nportal")
    run(inbox)
    drop(inbox, "rfp.txt", "SLOW 0.01\nportal")  # same name, same bytes
    tally, _ = run(inbox)
    assert (tally.triaged, tally.duplicates) == (0, 1)
    assert places(inbox)["done"] == ["rfp (2).txt", "rfp.txt"]


def test_a_name_clash_with_new_content_keeps_both_files_and_both_reports(inbox: Path):
    drop(inbox, "rfp.txt", "first version")
    run(inbox)
    drop(inbox, "rfp.txt", "second version, longer")
    tally, _ = run(inbox)
    assert tally.triaged == 1
    assert places(inbox)["done"] == ["rfp (2).txt", "rfp.txt"]
    assert (inbox / "done" / "rfp.txt").read_text() == "first version"
    with Ledger(inbox / "triage.sqlite") as ledger:
        first, second = ledger.rows()
    assert first.report_id != second.report_id
    assert Path(first.reports["json"]).is_file() and Path(second.reports["json"]).is_file()
    assert json.loads(Path(first.reports["json"]).read_text())["score"] == first.score


def test_the_same_bytes_in_one_burst_are_triaged_once(inbox: Path):
    for i in range(4):
        drop(inbox, f"copy{i}.txt", "SLOW 0.2\nsame deal")
    tally, _ = run(inbox, jobs=2)
    assert (tally.triaged, tally.duplicates) == (1, 3)


ODD_NAMES: list[str | bytes] = [
    "evil\nname.txt",
    '"><img src=x onerror=alert(1)>.docx',
    "-rf --help.pdf",
    b"caf\xe9 latin-1.txt",  # not valid UTF-8
    "tab\there\x1b[31m.md",
]


def test_odd_file_names_never_break_filing_logs_or_the_ledger(inbox: Path):
    for i, name in enumerate(ODD_NAMES):
        drop(inbox, name, f"document {i} " * (i + 1))
    drop(inbox, b"bad\xff\nfail.txt", "RAISE wrong_type")
    tally, events = run(inbox)
    assert (tally.triaged, tally.failed) == (len(ODD_NAMES), 1)
    done = {os.fsencode(p.name) for p in (inbox / "done").iterdir()}
    assert done == {n if isinstance(n, bytes) else os.fsencode(n) for n in ODD_NAMES}
    assert (inbox / "failed" / os.fsdecode(b"bad\xff\nfail.txt.error.txt")).is_file()
    log_lines = (inbox / "triage.log").read_text().splitlines()
    assert all(line[:4].isdigit() for line in log_lines)  # every record is one line
    assert any("bad\\xff\\nfail.txt" in line for line in log_lines)
    with Ledger(inbox / "triage.sqlite") as ledger:
        rows = ledger.rows()
    for row in rows:
        assert "\n" not in row.file_name and "\x1b" not in row.file_name
        assert Path(row.stored_path).is_file()
        for path in row.reports.values():
            assert Path(path).is_file() and "\n" not in path and "<" not in Path(path).name
    for event in events:
        assert "\n" not in event.name


def test_a_missing_inbox_is_a_usage_error(tmp_path: Path):
    from triage.errors import UsageError

    with pytest.raises(UsageError, match="does not exist"):
        run(tmp_path / "nowhere")


def test_two_processes_never_file_the_same_inbox(inbox: Path):
    from triage.errors import UsageError

    with Inbox(inbox), pytest.raises(UsageError, match="already working"):
        run(inbox)


def test_files_still_being_written_wait_until_they_settle(inbox: Path):
    from triage.inbox.stability import StabilityTracker

    clock = [100.0]
    tracker = StabilityTracker(settle=1.0, clock=lambda: clock[0])
    path = drop(inbox, "growing.pdf", "x")
    tracker.add([path])
    clock[0] += 0.5
    assert tracker.stable() == []  # just written: mtime is now, not yet settled
    with open(path, "ab") as fh:
        fh.write(b"more")
    clock[0] += 0.9
    assert tracker.stable() == []  # changed: the wait starts again
    clock[0] += 0.9
    assert tracker.stable() == []
    clock[0] += 0.2
    assert tracker.stable() == [path]
    assert len(tracker) == 0


def test_old_files_present_at_start_are_taken_at_once(inbox: Path):
    from triage.inbox.stability import StabilityTracker

    path = drop(inbox, "old.pdf", "x")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    clock = [0.0]
    tracker = StabilityTracker(settle=30.0, clock=lambda: clock[0])
    tracker.add([path])
    clock[0] += 0.1
    assert tracker.stable() == [path]


# --- crash recovery ---------------------------------------------------------------------------


def _claim_by_hand(inbox: Path, name: str, content: str) -> Path:
    """What a killed run leaves: the file claimed into the work folder, nothing else done."""
    folder = inbox / ".work" / "20260101T000000-1-1"
    folder.mkdir(parents=True)
    return drop(folder, name, content)


def test_a_claim_left_in_the_work_folder_is_finished_first(inbox: Path):
    _claim_by_hand(inbox, "interrupted.txt", "half way")
    (inbox / ".work" / "empty-claim").mkdir()
    tally, _ = run(inbox)
    assert tally.triaged == 1
    assert places(inbox) == {"inbox": [], "done": ["interrupted.txt"], "failed": [], "work": []}
    assert sorted(p.name for p in (inbox / ".work").iterdir()) == [".lock"]


def test_a_claim_whose_ledger_row_was_written_is_only_moved(inbox: Path):
    drop(inbox, "a.txt", "deal a")
    run(inbox)
    with Ledger(inbox / "triage.sqlite") as ledger:
        (row,) = ledger.rows()
    # as if killed after the ledger commit, before the move: put the original back in the work folder
    done = inbox / "done" / "a.txt"
    work = inbox / ".work" / "x"
    work.mkdir()
    os.rename(done, work / "a.txt")
    tally, _ = run(inbox)
    assert (tally.triaged, tally.duplicates) == (0, 0)
    assert places(inbox)["done"] == ["a.txt"]
    with Ledger(inbox / "triage.sqlite") as ledger:
        assert [r.id for r in ledger.rows()] == [row.id]


def test_a_move_interrupted_between_link_and_unlink_leaves_one_file(inbox: Path):
    drop(inbox, "a.txt", "deal a")
    run(inbox)
    work = inbox / ".work" / "x"
    work.mkdir()
    os.link(inbox / "done" / "a.txt", work / "a.txt")  # the second name a stop can leave
    tally, _ = run(inbox)
    assert (tally.triaged, tally.duplicates) == (0, 0)
    assert places(inbox) == {"inbox": [], "done": ["a.txt"], "failed": [], "work": []}
    assert (inbox / "done" / "a.txt").read_text() == "deal a"


def test_sigkill_in_the_middle_of_a_batch_loses_nothing(inbox: Path):
    names = [f"rfp-{i:02d}.txt" for i in range(12)]
    for i, name in enumerate(names):
        drop(inbox, name, f"SLOW 0.15\ndeal {i}")
    drop(inbox, "rfp-dup.txt", "SLOW 0.15\ndeal 3")
    env = {**os.environ, "TRIAGE_INBOX_TRIAGER": FAKE}
    cmd = [sys.executable, "-m", "triage", "run", str(inbox), "--settle", "0"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    log = inbox / "triage.log"
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # wait until a few documents are filed, then kill
        if log.exists() and log.read_text().count("triaged ") >= 3:
            break
        time.sleep(0.02)
    proc.kill()
    proc.wait(10)
    proc.stdout.close()  # type: ignore[union-attr]
    proc.stderr.close()  # type: ignore[union-attr]
    middle = places(inbox)
    assert 0 < len(middle["done"]) < len(names) + 1
    assert sum(len(v) for v in middle.values()) == len(names) + 1  # each file in exactly one place

    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    after = places(inbox)
    assert after == {"inbox": [], "done": sorted([*names, "rfp-dup.txt"]), "failed": [], "work": []}
    with Ledger(inbox / "triage.sqlite") as ledger:
        rows = ledger.rows()
    assert sorted(r.file_name for r in rows) == sorted([*names, "rfp-dup.txt"])  # one row each
    assert len({r.sha256 for r in rows if r.status == "done"}) == len(names)
    for row in rows:
        assert Path(row.reports["json"]).is_file()


# --- the command line -------------------------------------------------------------------------


def triage_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TRIAGE_INBOX_TRIAGER": FAKE}
    return subprocess.run(
        [sys.executable, "-m", "triage", *args], env=env, capture_output=True, text=True, timeout=60
    )


def test_run_prints_a_summary_and_one_error_line_per_failure(inbox: Path, tmp_path: Path):
    drop(inbox, "good.txt", "fine")
    drop(inbox, "bad\nname.docx", "RAISE legacy_word")
    reports = tmp_path / "out"
    out = triage_cli("run", str(inbox), "--settle", "0", "--reports", str(reports))
    assert out.returncode == 1
    assert out.stdout.strip().splitlines()[-1] == "1 triaged, 1 failed, 0 already seen"
    (line,) = out.stderr.strip().splitlines()
    assert line.startswith("triage: error: bad\\nname.docx: ") and "legacy Word" in line
    assert (reports / "good.json").is_file() and not (inbox / "reports").exists()

    again = triage_cli("run", str(inbox), "--settle", "0", "--reports", str(reports))
    assert again.returncode == 0
    assert again.stdout.strip() == "0 triaged, 0 failed, 0 already seen"


def test_run_with_a_ledger_elsewhere(inbox: Path, tmp_path: Path):
    drop(inbox, "good.txt", "fine")
    ledger = tmp_path / "books" / "deals.sqlite"
    out = triage_cli("run", str(inbox), "--settle", "0", "--ledger", str(ledger))
    assert out.returncode == 0, out.stderr
    assert not (inbox / "triage.sqlite").exists()
    with Ledger(ledger) as books:
        assert [r.file_name for r in books.rows()] == ["good.txt"]


@pytest.mark.parametrize(
    "bad", [("--jobs", "0"), ("--timeout", "-1"), ("--timeout", "nan"), ("--settle", "inf")]
)
def test_bad_options_are_usage_errors(inbox: Path, bad: tuple[str, str]):
    from triage.cli import build_parser

    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["run", str(inbox), *bad])
    assert exit_.value.code == 2


def test_sigterm_stops_a_run_and_puts_the_document_back(inbox: Path):
    import signal
    import time

    drop(inbox, "slow.txt", "SLOW 30\nlong")
    env = {**os.environ, "TRIAGE_INBOX_TRIAGER": FAKE}
    proc = subprocess.Popen(
        [sys.executable, "-m", "triage", "run", str(inbox), "--settle", "0"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while places(inbox)["work"] != ["slow.txt"] and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 130
    assert "1 put back" in out
    assert places(inbox) == {"inbox": ["slow.txt"], "done": [], "failed": [], "work": []}


@pytest.mark.parametrize("atomic", [True, False], ids=["renameat2", "link-unlink"])
def test_a_move_never_replaces_a_file(tmp_path: Path, monkeypatch, atomic: bool):
    from triage.inbox import filing

    if not atomic:
        monkeypatch.setattr(filing, "_RENAMEAT2", [None])
    a = drop(tmp_path, "a.txt", "mine")
    b = drop(tmp_path, "b.txt", "someone else's")
    assert filing.link_or_rename(a, b) is False
    assert a.read_text() == "mine" and b.read_text() == "someone else's"
    c = tmp_path / "c.txt"
    assert filing.link_or_rename(a, c) is True
    assert not a.exists() and c.read_text() == "mine"


def test_run_leaves_a_file_that_never_settles_in_the_inbox(inbox: Path):
    import threading
    import time

    growing = drop(inbox, "copying.pdf", "start")
    drop(inbox, "ready.txt", "ready")
    stop = threading.Event()

    def keep_writing() -> None:
        while not stop.is_set():
            with open(growing, "ab") as fh:
                fh.write(b"more")
            time.sleep(0.05)

    writer = threading.Thread(target=keep_writing, daemon=True)
    writer.start()
    try:
        tally, _ = run(inbox, settle=0.5, max_wait=1.0)
    finally:
        stop.set()
        writer.join()
    assert (tally.triaged, tally.waiting) == (1, 1)
    assert "1 still changing" in tally.line()
    assert places(inbox)["inbox"] == ["copying.pdf"] and places(inbox)["done"] == ["ready.txt"]


def test_an_outcome_shows_on_the_index_page_at_once(inbox: Path):
    drop(inbox, "acme.txt", "a deal")
    run(inbox)
    index = inbox / "reports" / "index.html"
    assert "<td>won</td>" not in index.read_text()
    out = triage_cli("outcome", "acme.txt", "won", "--inbox", str(inbox))
    assert out.returncode == 0, out.stderr
    assert "<td>won</td>" in index.read_text()


def test_a_ledger_kept_in_the_inbox_under_another_name_is_not_a_document(inbox: Path):
    drop(inbox, "rfp.txt", "a deal")
    tally, _ = run(inbox, ledger=inbox / "deals.db")
    assert tally.triaged == 1 and tally.failed == 0
    assert (inbox / "deals.db").is_file() and places(inbox)["done"] == ["rfp.txt"]


def test_reports_written_into_the_inbox_itself_are_refused(inbox: Path):
    from triage.errors import UsageError

    with pytest.raises(UsageError, match="must not be the inbox"):
        run(inbox, reports=inbox)


def test_progress_on_a_terminal_shows_a_file_name_with_brackets_as_it_is(monkeypatch, capsys):
    import rich.console

    from triage.commands.run import Terminal
    from triage.inbox.runner import Event

    monkeypatch.setattr(rich.console.Console, "is_terminal", property(lambda self: True))
    with Terminal("triaging") as terminal:
        assert terminal.progress is not None
        terminal(Event("triaged", "evil[/x] [link=http://evil]rfp[/link].pdf", "70 pursue"))
        terminal.progress.refresh()  # rich markup in the name would raise MarkupError here
        assert "last: evil[/x] [link=http://evil]rfp[/link].pdf" in terminal.progress.tasks[0].description
    assert "evil[/x]" in capsys.readouterr().err


def test_a_reports_path_that_is_a_file_is_a_usage_error(inbox: Path, tmp_path: Path):
    from triage.errors import UsageError

    taken = tmp_path / "reports.txt"
    taken.write_text("mine")
    drop(inbox, "a.txt", "portal")
    with pytest.raises(UsageError, match="cannot write reports into"):
        run(inbox, reports=taken)
    assert taken.read_text() == "mine" and (inbox / "a.txt").exists()


def test_a_name_as_long_as_the_file_system_allows_is_filed_twice_and_failed(inbox: Path):
    long = "x" * 251 + ".txt"
    drop(inbox, long, "portal one")
    run(inbox)
    drop(inbox, long, "portal two, other bytes")
    drop(inbox, "y" * 251 + ".txt", "RAISE scanned")
    tally, _ = run(inbox)
    assert (tally.triaged, tally.failed) == (1, 1)
    where = places(inbox)
    assert where["inbox"] == [] and where["work"] == []
    assert sorted(where["done"]) == sorted([long, "x" * 247 + " (2).txt"])
    [kept] = where["failed"]
    assert kept == "y" * 241 + ".txt"  # room left for the note beside it
    note = inbox / "failed" / (kept + ".error.txt")
    assert len(note.name) == 255 and "reason:  scanned" in note.read_text()
