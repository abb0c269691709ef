"""Every hostile file of ../shared/hostile through `triage run` with the real pre-checks and parsers
in the workers (no model needed: the extract-only triager): each control is read, every other file
lands in failed/ with a reason from the closed set, nothing is lost, and no worker grows past 1 GB."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from triage.errors import REASONS
from triage.inbox.ledger import Ledger
from triage.inbox.runner import InboxRunner, RunOptions
from triage.inbox.testing import drop, places

EXTRACT_ONLY = "triage.inbox.testing:ExtractTriager"

# Files whose reason is plain from what they are (the rest: whatever the extractor says, from REASONS).
EXPECTED = {
    "pdf_zero_bytes.pdf": "empty",
    "docx_zero_bytes.docx": "empty",
    "docx_zip_bomb_paragraphs.docx": "zip_bomb",
    "docx_zip_bomb_textnode.docx": "zip_bomb",
    "docx_password_protected.docx": "password_protected",
    "pdf_encrypted_rc4_userpw.pdf": "password_protected",
    "pdf_encrypted_aes256_userpw.pdf": "password_protected",
    "docx_legacy_doc_renamed.docx": "legacy_word",
    "pdf_actually_html.pdf": "wrong_type",
    "pdf_image_only_scan.pdf": "scanned",
}


@pytest.mark.shared
@pytest.mark.slow
def test_every_hostile_file_gets_a_place_and_a_reason(shared: Path, tmp_path: Path):
    pytest.importorskip("triage.extract.sniff")
    manifest = json.loads((shared / "hostile" / "manifest.json").read_text())
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names = []
    for item in manifest:
        shutil.copyfile(shared / "hostile" / item["file"], inbox / item["file"])
        names.append(item["file"])
    good = (shared / "hostile" / "pdf_good_baseline.pdf").read_bytes()
    odd = ["evil\nname.pdf", '"><img src=x onerror=alert(1)>.pdf', "-rf --help.pdf"]
    for i, name in enumerate(odd):
        drop(inbox, name, good + b"\n%" + str(i).encode())  # same text, different bytes
    drop(inbox, b"caf\xe9.pdf", good + b"\n%x")

    opts = RunOptions(inbox=inbox, triager=EXTRACT_ONLY, settle=0.0, jobs=2, timeout=60, max_memory_mb=1024)
    with InboxRunner(opts) as runner:
        tally = runner.run_once()

    where = places(inbox)
    assert where["inbox"] == [] and where["work"] == []
    assert len(where["done"]) + len(where["failed"]) == len(names) + len(odd) + 1
    with Ledger(inbox / "triage.sqlite") as ledger:
        rows = {r.raw_name: r for r in ledger.rows()}
    for name in names:
        row = rows[name]
        if "good_baseline" in name:
            assert row.status == "done", (name, row.reason, row.message)
        if row.status == "failed":
            assert row.reason in REASONS and row.reason not in ("usage", "model", "training"), name
            assert (inbox / "failed" / f"{name}.error.txt").read_text().count(row.reason) >= 1
        if name in EXPECTED:
            assert row.reason == EXPECTED[name], (name, row.reason, row.message)
    for name in odd:
        assert rows[name].status == "done"
    assert tally.triaged + tally.failed == len(rows)
    peaks = [float(m) for m in re.findall(r"worker peak ([\d.]+) MB", (inbox / "triage.log").read_text())]
    assert peaks and max(peaks) < 1024
