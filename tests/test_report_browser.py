"""A hostile report loaded in a real browser (headless Chromium): nothing from the document becomes
an element or runs, and the page renders to a picture that is not blank.

Chromium is Debian's `chromium` package; where it is missing and the tests run as root, it is
installed with apt-get (with a time limit); the tests are skipped only if that is impossible."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_report_html import parse
from test_report_samples import XSS, make_report

from triage.report import write_reports

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "screenshot.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("triage_screenshot", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


screenshot = _load_script()


def _install_chromium() -> str | None:
    if os.environ.get("TRIAGE_NO_INSTALL") or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    if not shutil.which("apt-get"):
        return None
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]):
        try:
            subprocess.run(cmd, env=env, capture_output=True, timeout=900, check=True)
        except (OSError, subprocess.SubprocessError):
            return None
    return screenshot.find_chromium()


@pytest.fixture(scope="module")
def chromium() -> str:
    found = screenshot.find_chromium() or _install_chromium()
    if not found:
        pytest.skip("chromium is not installed and could not be installed (needs root and apt-get)")
    return found


@pytest.fixture(scope="module")
def hostile_html(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("reports")
    return write_reports(make_report(hostile=True), out, "hostile", formats=("html",))["html"]


def png_colours(path: Path) -> tuple[tuple[int, int], int, float]:
    """(size, number of distinct colours, share of the most common colour) of a PNG."""
    image = pytest.importorskip("PIL.Image").open(path).convert("RGB")
    counts = image.getcolors(maxcolors=1 << 24) or []
    total = image.width * image.height
    return image.size, len(counts), max(n for n, _ in counts) / total


def test_screenshot_of_a_hostile_report_is_not_blank(chromium, hostile_html, tmp_path):
    png = tmp_path / "report.png"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(hostile_html), str(png)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    size, colours, background = png_colours(png)
    assert size == (1200, 1600)
    assert colours > 50  # text, marks, bars, the gauge
    assert background < 0.95  # not an empty white page


def test_chromium_builds_no_element_from_the_document(chromium, hostile_html):
    dom = screenshot.dump_dom(hostile_html)
    page = parse(dom)
    assert "script" not in page.tags and "img" not in page.tags
    assert not any(name.startswith("on") for _, name in page.attrs)
    text = "".join(page.text)
    assert "<script>alert(1)</script>" in text and XSS.split()[-1] in text
    assert "mark" in page.tags and "del" in page.tags


def test_screenshot_script_reports_a_missing_file(chromium, tmp_path):
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "none.html"), str(tmp_path / "x.png")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1 and "no such file" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_report_prints_on_a4_with_its_text(chromium, hostile_html, tmp_path):
    from pypdf import PdfReader

    pdf = screenshot.print_pdf(hostile_html, tmp_path / "report.pdf")
    reader = PdfReader(pdf)
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert abs(width - 595) < 3 and abs(height - 842) < 3  # A4 in points
    assert 1 <= len(reader.pages) <= 4
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Walk-away signals" in text and "Pursue with a partner" in text
