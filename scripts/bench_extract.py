"""Pages per second of `triage.extract` against bare pypdf `extract_text()` on the same generated
RFP-like PDF, measured side by side in one run (medians of repeats), and the ratio.

Target (issue 2): our cleanup costs at most 30 % over bare pypdf (ratio <= 1.30). With pypdfium2
installed (`pip install triage[fast]`), the pdfium engine is measured too.

    .venv/bin/python scripts/bench_extract.py [--pages 50] [--repeats 5] [--rss-pages 0]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

TOPICS = [
    "Single Sign-On",
    "ERP Integration",
    "Partner Portal",
    "Content Workflow",
    "Accessibility",
    "Hosting and Availability",
    "Search",
    "Analytics",
    "Multi-Site Management",
    "Audit and Logging",
]


def make_rfp_pdf(path: Path, pages: int) -> Path:
    """A PDF shaped like a real RFP: running header, "Page N of M" footer, numbered headings and
    clauses, paragraphs with a hyphenated line end, bullets and a requirements table on each page."""
    from triage.extract.testing import rfp_canvas

    pdf = rfp_canvas()
    pdf.set_auto_page_break(True, 20)
    for i in range(pages):
        topic = TOPICS[i % len(TOPICS)]
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, f"{i + 1}. {topic.upper()}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(
            0,
            5,
            f"This section describes {topic.lower()} for lot {i + 1}. The Contractor shall provide a "
            "customer portal with single sign-on, integration with the existing ERP and CRM systems, and "
            f"self-service account manage-\nment for all {1000 * (i + 1)} registered users across multiple "
            "regions, business units and partner organisations, in line with the security policy.",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", 10)
        pdf.multi_cell(0, 6, f"{i + 1}.1 {topic} Requirements", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=10)
        for k in range(1, 6):
            pdf.multi_cell(
                0,
                5,
                f"{i + 1}.1.{k} The system shall support requirement {k} of {topic.lower()}, shall log "
                "every change to an audit trail kept for seven years, and shall expose the data through "
                "documented REST APIs to the 14 back-office systems listed in Annex B.",
                new_x="LMARGIN",
                new_y="NEXT",
            )
            pdf.ln(1)
        for b in (
            "role-based access for staff and partners",
            "multi-factor authentication for admins",
            "content approval workflow with two stages",
        ):
            pdf.multi_cell(0, 5, f"- {b} ({topic.lower()})", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        with pdf.table(col_widths=(20, 90, 30), text_align="LEFT") as table:
            for row in (
                ("ID", "Requirement", "Priority"),
                (f"{topic[:3].upper()}-1", f"Portal users reset passwords ({topic.lower()})", "Mandatory"),
                (f"{topic[:3].upper()}-2", f"Audit reports exported monthly ({topic.lower()})", "Desirable"),
            ):
                r = table.row()
                for cell in row:
                    r.cell(cell)
    pdf.output(str(path))
    return path


def timed(fns: dict, repeats: int) -> dict[str, float]:
    """Median seconds of each function; the functions take turns in every round, so a busy
    machine slows them alike and the ratios stay fair."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeats):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def bare_pypdf(path: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(path)
    for page in reader.pages:
        page.extract_text()


def bare_pdfium(path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    for i in range(len(pdf)):
        page = pdf[i]
        text_page = page.get_textpage()
        text_page.get_text_range()
        text_page.close()
        page.close()
    pdf.close()


def peak_rss_mb(path: Path, engine: str) -> float:
    """Peak RSS of a fresh process extracting the PDF at `path` with `engine`: its VmHWM (the peak
    of this process image; ru_maxrss would carry the parent's peak across fork and exec)."""
    import subprocess

    code = (
        "import sys; from triage.extract.pdf import extract_pdf;"
        f"d = extract_pdf(sys.argv[1], engine={engine!r});"
        "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def zip_bomb_refusals(tmp: Path) -> list[tuple[str, float]]:
    """Milliseconds to refuse zip bombs with `sniff`: one built here, and the two DOCX bombs of
    ../shared/hostile where present (issue 7 target: under 50 ms each)."""
    import zipfile

    from triage.errors import TriageError
    from triage.extract import sniff

    built = tmp / "bomb.docx"
    with zipfile.ZipFile(built, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:p/>" * 20_000_000)  # 120 MB -> ~120 KB
    paths = [built]
    hostile = Path(__file__).resolve().parent.parent.parent / "shared" / "hostile"
    paths += sorted(hostile.glob("docx_zip_bomb_*.docx"))
    out = []
    for path in paths:
        start = time.perf_counter()
        try:
            sniff(path)
            code = "accepted"
        except TriageError as exc:
            code = exc.code
        out.append((f"{path.name} ({code})", 1000 * (time.perf_counter() - start)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--rss-pages", type=int, default=0, help="also measure peak RSS on a PDF this long")
    args = parser.parse_args(argv)

    from triage.extract.pdf import extract_pdf

    try:
        import pypdfium2  # noqa: F401

        have_pdfium = True
    except ImportError:
        have_pdfium = False

    with tempfile.TemporaryDirectory() as tmp:
        path = make_rfp_pdf(Path(tmp) / "rfp.pdf", args.pages)
        document = extract_pdf(path, engine="pypdf")  # warm-up: imports, caches
        bare_pypdf(path)
        fns = {
            "bare pypdf extract_text()": lambda: bare_pypdf(path),
            "triage.extract (pypdf)": lambda: extract_pdf(path, engine="pypdf"),
        }
        if have_pdfium:
            bare_pdfium(path)
            extract_pdf(path, engine="pdfium")
            fns["bare pypdfium2 get_text_range()"] = lambda: bare_pdfium(path)
            fns["triage.extract (pdfium)"] = lambda: extract_pdf(path, engine="pdfium")
        medians = timed(fns, args.repeats)
        t_bare = medians["bare pypdf extract_text()"]
        t_ours = medians["triage.extract (pypdf)"]
        rows = [(name, t, None if i == 0 else t / t_bare) for i, (name, t) in enumerate(medians.items())]

    print(
        f"{args.pages}-page generated RFP, {len(document.passages)} passages, {document.words} words; "
        f"median of {args.repeats} runs"
    )
    print(f"{'':34} {'seconds':>8} {'pages/s':>9} {'x bare pypdf':>13}")
    for name, t, ratio in rows:
        print(f"{name:34} {t:8.3f} {args.pages / t:9.1f} {'' if ratio is None else f'{ratio:13.2f}'}")
    overhead = t_ours / t_bare
    verdict = "OK" if overhead <= 1.30 else "OVER TARGET"
    print(f"cleanup overhead over bare pypdf: {100 * (overhead - 1):+.1f} % (target <= +30 %): {verdict}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, ms in zip_bomb_refusals(Path(tmp)):
            print(f"refuse zip bomb {name}: {ms:.1f} ms (target < 50 ms)")
    if not have_pdfium:
        print("pypdfium2 not installed: pdfium engine not measured (pip install 'triage[fast]')")
    if args.rss_pages:
        with tempfile.TemporaryDirectory() as tmp:
            big = make_rfp_pdf(Path(tmp) / "big.pdf", args.rss_pages)
            for engine in ("pypdf", "pdfium") if have_pdfium else ("pypdf",):
                mb = peak_rss_mb(big, engine)
                print(f"peak RSS, {args.rss_pages}-page PDF, {engine} engine: {mb:.0f} MB (target < 400 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
