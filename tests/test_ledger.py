"""The ledger: one row per document seen, outcomes recorded by report id, file name or sha256
prefix (unknown and ambiguous names are clear usage errors), and what training and the index read."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from triage.errors import UsageError
from triage.inbox.ledger import Ledger, LedgerRow


def add_done(ledger: Ledger, name: str, sha: str, report_id: str, stored: Path, **kw) -> LedgerRow:
    return ledger.add(
        sha256=sha,
        name=name,
        status="done",
        received_at=time.time(),
        stored_path=stored,
        report_id=report_id,
        score=kw.pop("score", 70),
        recommendation=kw.pop("recommendation", "pursue"),
        reports={"html": str(stored.parent.parent / "reports" / f"{report_id}.html")},
        **kw,
    )


@pytest.fixture
def ledger(tmp_path: Path):
    with Ledger(tmp_path / "triage.sqlite") as books:
        done = tmp_path / "done"
        books.add_done = lambda name, sha, rid, **kw: add_done(books, name, sha, rid, done / name, **kw)  # type: ignore[attr-defined]
        yield books


SHA_A = "a1b2c3d4" + "0" * 56
SHA_B = "a1b2ffff" + "1" * 56
SHA_C = "cccc0000" + "2" * 56


def test_outcome_by_report_id_file_name_and_sha_prefix(ledger):
    ledger.add_done("Acme Portal RFP.pdf", SHA_A, "Acme Portal RFP")
    ledger.add_done("city.docx", SHA_B, "city")
    ledger.add_done("grid.pdf", SHA_C, "grid")
    assert ledger.record_outcome("Acme Portal RFP", "won").outcome == "won"
    assert ledger.record_outcome("city.docx", "lost").file_name == "city.docx"
    row = ledger.record_outcome("CCCC00", "won")  # case does not matter
    assert row.file_name == "grid.pdf" and row.outcome == "won" and row.outcome_at
    row = ledger.record_outcome("city.docx", "won")  # a second word replaces the first
    assert row.outcome == "won"
    assert sorted(outcome for _, outcome in ledger.labelled()) == ["won", "won", "won"]


def test_an_ambiguous_or_unknown_name_is_a_usage_error_that_says_what_to_do(ledger):
    ledger.add_done("rfp.pdf", SHA_A, "rfp")
    ledger.add_done("rfp.pdf", SHA_B, "rfp-a1b2ffff")
    with pytest.raises(UsageError, match="matches 2 documents") as info:
        ledger.record_outcome("rfp.pdf", "won")
    assert "rfp-a1b2ffff" in str(info.value)
    with pytest.raises(UsageError, match="matches 2 documents"):
        ledger.record_outcome("a1b2", "won")  # both shas start so
    assert ledger.record_outcome("a1b2c3", "won").sha256 == SHA_A
    assert ledger.record_outcome("rfp-a1b2ffff", "lost").sha256 == SHA_B
    with pytest.raises(UsageError, match="no document"):
        ledger.record_outcome("nothing-like-it", "won")
    with pytest.raises(UsageError, match="at least 4"):
        ledger.record_outcome("a1", "won")
    with pytest.raises(UsageError, match="won` or `lost"):
        ledger.record_outcome("rfp-a1b2ffff", "maybe")


def test_a_duplicate_records_its_outcome_on_the_first_document(ledger, tmp_path: Path):
    first = ledger.add_done("first.pdf", SHA_A, "first")
    ledger.add(
        sha256=SHA_A,
        name="copy.pdf",
        status="duplicate",
        received_at=time.time(),
        stored_path=tmp_path / "done" / "copy.pdf",
        duplicate_of=first.id,
        report_id=first.report_id,
    )
    row = ledger.record_outcome("copy.pdf", "won")
    assert row.id == first.id and row.outcome == "won"
    assert ledger.labelled() == [(str(tmp_path / "done" / "first.pdf"), "won")]
    assert ledger.record_outcome(SHA_A[:10], "lost").id == first.id  # sha matches both rows: one deal


def test_a_failed_document_has_no_outcome(ledger, tmp_path: Path):
    ledger.add(
        sha256=SHA_C,
        name="locked.pdf",
        status="failed",
        received_at=time.time(),
        stored_path=tmp_path / "failed" / "locked.pdf",
        reason="password_protected",
    )
    with pytest.raises(UsageError, match="not triaged"):
        ledger.record_outcome("locked.pdf", "won")
    assert ledger.labelled() == []


def test_names_that_are_not_utf8_round_trip(ledger, tmp_path: Path):
    name = os.fsdecode(b"caf\xe9\nrfp.pdf")
    stored = tmp_path / "done" / name
    row = ledger.add_done(name, SHA_A, "caf-rfp")
    assert row.raw_name == name and row.stored_path == str(stored)
    assert row.file_name == "caf\\xe9\\nrfp.pdf"  # safe to print
    ledger.record_outcome(name, "lost")
    assert ledger.labelled() == [(str(stored), "lost")]


def test_index_entries_newest_first_with_links_and_reasons(ledger, tmp_path: Path):
    pytest.importorskip("triage.report.index")
    from triage.report import IndexEntry

    first = ledger.add_done("a.pdf", SHA_A, "a", vertical="government", deadline="2026-12-01")
    ledger.record_outcome("a", "won")
    ledger.add(
        sha256=SHA_A,
        name="again.pdf",
        status="duplicate",
        received_at=time.time(),
        stored_path=tmp_path / "done" / "again.pdf",
        duplicate_of=first.id,
        report_id="a",
        reports=first.reports,
        message="same content as a.pdf",
    )
    ledger.add(
        sha256=SHA_C,
        name="scan.pdf",
        status="failed",
        received_at=time.time(),
        stored_path=tmp_path / "failed" / "scan.pdf",
        reason="scanned",
        message="the PDF has no text layer",
    )
    entries = ledger.index_entries(tmp_path / "reports")
    assert all(isinstance(e, IndexEntry) for e in entries)
    assert [e.file_name for e in entries] == ["scan.pdf", "again.pdf", "a.pdf"]
    scan, again, a = entries
    assert (a.status, a.href, a.outcome, a.vertical, a.deadline) == (
        "done",
        "a.html",
        "won",
        "government",
        "2026-12-01",
    )
    assert (again.status, again.href, again.outcome) == ("duplicate", "a.html", "won")
    assert "a.pdf" in (again.reason or "")
    assert (scan.status, scan.href) == ("failed", None) and "text layer" in (scan.reason or "")


def test_the_ledger_survives_reopening_and_refuses_a_newer_schema(tmp_path: Path):
    path = tmp_path / "l.sqlite"
    with Ledger(path) as books:
        add_done(books, "a.pdf", SHA_A, "a", tmp_path / "done" / "a.pdf")
    with Ledger(path) as books:
        assert [r.file_name for r in books.rows()] == ["a.pdf"]
        assert books.first_done(SHA_A) is not None and books.first_done(SHA_B) is None
        books.db.execute("PRAGMA user_version=99")
    with pytest.raises(UsageError, match="newer triage"):
        Ledger(path)


def outcome_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`triage outcome ARGS` in this process: its exit status, standard output and error."""
    from triage.cli import main

    try:
        code = main(["outcome", *args])
    except SystemExit as exc:  # argparse refuses the arguments
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_outcome_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with Ledger(inbox / "triage.sqlite") as books:
        add_done(books, "acme.pdf", SHA_A, "acme", inbox / "done" / "acme.pdf", score=81)
    code, out, err = outcome_cli(capsys, "acme.pdf", "won", "--inbox", str(inbox))
    assert code == 0, err
    assert "acme.pdf: won (score 81, pursue)" in out
    code, out, err = outcome_cli(capsys, SHA_A[:6], "lost", "--ledger", str(inbox / "triage.sqlite"))
    assert code == 0 and "lost" in out
    code, out, err = outcome_cli(capsys, "nope.pdf", "lost", "--inbox", str(inbox))
    assert code == 2 and err.startswith("triage: error: ") and "Traceback" not in err
    code, out, err = outcome_cli(capsys, "acme.pdf", "won", "--inbox", str(tmp_path / "elsewhere"))
    assert code == 2 and "no ledger" in err
    code, out, err = outcome_cli(capsys, "acme.pdf", "maybe", "--inbox", str(inbox))
    assert code == 2


def test_a_document_named_by_its_path_or_its_report_file(ledger):
    ledger.add_done("acme.pdf", SHA_A, "acme")
    assert ledger.record_outcome("inbox/done/acme.pdf", "won").sha256 == SHA_A
    assert ledger.record_outcome("/somewhere/reports/acme.html", "lost").outcome == "lost"


def test_a_path_that_is_no_ledger_is_a_usage_error_and_is_left_as_it_was(tmp_path: Path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database")
    with pytest.raises(UsageError, match=r"cannot use .*notes\.txt as the ledger: file is not a database"):
        Ledger(notes)
    assert notes.read_text() == "not a database"
    with pytest.raises(UsageError, match="ledger"):
        Ledger(tmp_path)  # a folder
