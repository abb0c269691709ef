#!/usr/bin/env python3
"""Render an HTML report to a PNG with headless Chromium, so anyone can look at a report as a picture.

    python scripts/screenshot.py REPORTS/acme.html acme.png [--width 1200] [--height 1600]
    python scripts/screenshot.py REPORTS/acme.html acme.pdf      (printed on A4, as on paper)

Uses Debian's `chromium` (/usr/bin/chromium, or `chromium` / `chromium-browser` / `google-chrome`
on PATH). Chromium runs with a throw-away profile, no network services, and no sandbox (so it also
works as root in a container). Exit 0 and the PNG written, or 1 with the reason on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


def find_chromium() -> str | None:
    """The Chromium executable to use, or None when none is installed."""
    env = os.environ.get("CHROMIUM")
    for name in ((env,) if env else ()) + CANDIDATES:
        path = name if os.path.isabs(name) and os.access(name, os.X_OK) else shutil.which(name)
        if path:
            return path
    return None


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    """Run Chromium with a throw-away profile; on timeout its whole process group is killed (a page
    that opens a dialog, e.g. a script's alert(), blocks headless Chromium until then)."""
    chromium = find_chromium()
    if chromium is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="triage-chromium-") as profile:
        cmd = [chromium, *FLAGS, f"--user-data-dir={profile}", *args]
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
        return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def _paths(html: Path, out: Path) -> tuple[Path, Path]:
    """The page and the output as absolute paths, with any old output removed (so a stale file is
    never taken for Chromium's work); never the page itself."""
    html, out = Path(html).resolve(), Path(out).resolve()
    if not html.is_file():
        raise FileNotFoundError(f"{html}: no such file")
    if out == html:
        raise ValueError(f"{out}: the output would replace the page itself")
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    return html, out


def screenshot(html: Path, png: Path, *, width: int = 1200, height: int = 1600, timeout: float = 90) -> Path:
    """Load `html` in headless Chromium and write what it shows to `png`."""
    html, png = _paths(html, png)
    result = _run([f"--screenshot={png}", f"--window-size={width},{height}", html.as_uri()], timeout)
    if not png.is_file() or png.stat().st_size == 0:
        raise RuntimeError(f"chromium wrote no screenshot (exit {result.returncode}): {result.stderr[-500:]}")
    return png


def print_pdf(html: Path, pdf: Path, *, timeout: float = 90) -> Path:
    """Print `html` to `pdf` as Chromium prints it (A4 from the page's @page rule, no header or
    footer), to see how a report looks on paper."""
    html, pdf = _paths(html, pdf)
    result = _run(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()], timeout)
    if not pdf.is_file() or pdf.stat().st_size == 0:
        raise RuntimeError(f"chromium wrote no PDF (exit {result.returncode}): {result.stderr[-500:]}")
    return pdf


def dump_dom(html: Path, *, timeout: float = 60) -> str:
    """The DOM as Chromium built it after loading `html` (serialised HTML), to check what a browser
    really made of a page."""
    html = Path(html).resolve()
    result = _run(["--dump-dom", html.as_uri()], timeout)
    if result.returncode != 0 or "<html" not in result.stdout:
        raise RuntimeError(
            f"chromium could not load {html} (exit {result.returncode}): {result.stderr[-500:]}"
        )
    return result.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", type=Path, help="the HTML report to render")
    parser.add_argument("png", type=Path, help="where to write the picture (.png), or the print (.pdf)")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1600)
    parser.add_argument("--timeout", type=float, default=90, help="seconds to wait for Chromium")
    args = parser.parse_args(argv)
    try:
        if args.png.suffix.lower() == ".pdf":
            out = print_pdf(args.html, args.png, timeout=args.timeout)
        else:
            out = screenshot(args.html, args.png, width=args.width, height=args.height, timeout=args.timeout)
    except (OSError, RuntimeError, ValueError, subprocess.TimeoutExpired) as exc:
        print(f"screenshot: error: {exc}", file=sys.stderr)
        return 1
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
