"""Every broken and hostile file of ../shared/hostile, and odd file names made here, through a real
`triage run`: the readable ones are triaged, every other one lands in failed/ with its reason code,
nothing is lost, nothing runs, and the whole batch stays under 1 GB of memory."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_extract_shared import HOSTILE

# Files whose text is readable despite their quirk must be triaged like any other document; every
# other one is filed with the reason code `triage extract` gives it.
TRIAGED = {name for name, code in HOSTILE.items() if code is None}
FAILED = {name: code for name, code in HOSTILE.items() if code is not None}
ODD_NAMES = [
    "new\nline.pdf",
    '"><img src=x onerror=alert(1)>.docx',
    "-rf --help.pdf",
]
TEMP_NAMES = ["~$RFP.docx", ".~lock.RFP.docx#", ".RFP.docx.swp", "RFP.pdf.crdownload"]

# Runs `triage run` as a child and prints the peak memory of the largest process under it (MB).
_MEASURE = """
import resource, subprocess, sys
code = subprocess.call([sys.executable, "-m", "triage", *sys.argv[1:]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


class _Elements(HTMLParser):
    """Every element and attribute name in a page: what the browser would build from it."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def reason_code(error_txt: Path) -> str:
    for line in error_txt.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("reason:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"no reason line in {error_txt}")


@pytest.mark.slow
def test_every_hostile_file_is_triaged_or_filed_with_its_reason(shared, tmp_path, model_dir):
    hostile = shared / "hostile"
    manifest = {item["file"] for item in json.loads((hostile / "manifest.json").read_text())}
    assert manifest == TRIAGED | set(FAILED), "the manifest changed: classify the new files here"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in manifest:
        shutil.copy(hostile / name, inbox / name)
    good_pdf = (hostile / "pdf_good_baseline.pdf").read_bytes()
    for name in ODD_NAMES:
        (inbox / name).write_bytes(
            good_pdf if name.endswith(".pdf") else (hostile / "docx_good_baseline.docx").read_bytes()
        )
    not_utf8 = os.fsencode(inbox) + b"/caf\xe9-rfp.pdf"
    with open(not_utf8, "wb") as f:
        f.write(good_pdf)
    for name in TEMP_NAMES:
        (inbox / name).write_bytes(good_pdf)

    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, "run", str(inbox), "--model", str(model_dir), "--timeout", "60"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    code, peak_mb = out.stdout.split()
    assert int(code) == 1, out.stderr  # some failed, the rest were done
    assert float(peak_mb) < 1024, f"peak memory {peak_mb} MB"

    done = {p.name for p in (inbox / "done").iterdir()}
    failed = {p.name for p in (inbox / "failed").iterdir() if not p.name.endswith(".error.txt")}
    left = {p.name for p in inbox.iterdir() if p.is_file() and not p.name.startswith("triage.")}
    assert TRIAGED | set(ODD_NAMES) | {os.fsdecode(b"caf\xe9-rfp.pdf")} <= done
    assert failed == set(FAILED)
    assert left == set(TEMP_NAMES), "temp files are left alone, nothing else stays behind"
    assert not done & failed
    for name, expected in FAILED.items():
        assert reason_code(inbox / "failed" / f"{name}.error.txt") == expected, name

    reports = inbox / "reports"
    for html in reports.glob("*.html"):
        page = _Elements()
        page.feed(html.read_text(encoding="utf-8"))
        assert not page.tags & {"script", "img", "iframe", "object", "embed"}, html.name
        assert not {a for a in page.attributes if a.startswith("on")}, html.name
    assert (reports / "index.html").exists()
