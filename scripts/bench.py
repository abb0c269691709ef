"""`make bench`: speed and memory of triage, each measured side by side with its floor in one run.

Prints one line per target with the figure beside it, and writes every figure to
`bench/results.json`. Ratios, not absolute times, are what the targets compare: these machines are
noisy, so a baseline is timed in the same run, interleaved, and medians are taken.

    python scripts/bench.py            # everything (a few minutes: it generates a 1,000-page PDF once)
    python scripts/bench.py --quick    # skip the 1,000-page PDF and the 200-document batch
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import benchdocs  # noqa: E402

OUT = ROOT / "bench"
DOCS = OUT / "docs"
SHARED = Path(os.environ.get("TRIAGE_SHARED", ROOT.parent / "shared"))
TRIAGE = [sys.executable, "-m", "triage"]

Row = dict[str, object]
ROWS: list[Row] = []


def row(
    name: str, figure: float, unit: str, target: str = "", ok: bool | None = None, **extra: object
) -> None:
    """Record and print one line of the benchmark's output."""
    mark = "" if ok is None else ("PASS" if ok else "MISS")
    ROWS.append({"name": name, "figure": figure, "unit": unit, "target": target, "ok": ok, **extra})
    print(f"{mark:4}  {name:58} {figure:>12,.3f} {unit:10} {target}", flush=True)


def median_time(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def interleaved(fns: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median seconds of each function, run in turns so that machine noise hits all alike."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    for fn in fns.values():  # warm-up: imports, caches, the spaCy pipeline
        fn()
    for _ in range(repeats):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {k: statistics.median(v) for k, v in times.items()}


def doc(name: str, make: Callable[[Path], Path]) -> Path:
    DOCS.mkdir(parents=True, exist_ok=True)
    path = DOCS / name
    if not path.exists():
        print(f"      generating {path.relative_to(ROOT)} ...", flush=True)
        make(path)
    return path


# --- the sections -------------------------------------------------------------------------------


def bench_extract() -> None:
    from docx import Document as DocxDocument
    from pypdf import PdfReader

    from triage.extract import extract

    pdf = doc("rfp-50.pdf", lambda p: benchdocs.write_pdf(p, 50))
    docx = doc("rfp-50.docx", lambda p: benchdocs.write_docx(p, 50))
    pages = len(PdfReader(pdf).pages)

    def bare_pdf() -> None:
        for page in PdfReader(pdf).pages:
            page.extract_text()

    def bare_docx() -> None:
        for p in DocxDocument(str(docx)).paragraphs:
            _ = p.text

    fns: dict[str, Callable[[], object]] = {
        "pypdf": bare_pdf,
        "triage-pdf": lambda: extract(pdf),
        "python-docx": bare_docx,
        "triage-docx": lambda: extract(docx),
    }
    try:
        import pypdfium2  # noqa: F401

        fns["triage-pdf-pdfium"] = lambda: extract(pdf, engine="pdfium")  # type: ignore[call-arg]
    except ImportError:
        pass
    t = interleaved(fns, repeats=5)
    row("extract: bare pypdf extract_text, 50-page PDF", pages / t["pypdf"], "pages/s")
    ratio = t["triage-pdf"] / t["pypdf"]
    row("extract: triage.extract, 50-page PDF", pages / t["triage-pdf"], "pages/s")
    row("extract: cost of our cleanup over bare pypdf", ratio, "x", "<= 1.30x", ratio <= 1.30)
    if "triage-pdf-pdfium" in t:
        row(
            "extract: triage.extract with pypdfium2 (triage[fast])", pages / t["triage-pdf-pdfium"], "pages/s"
        )
        row("extract: pypdfium2 speed-up over pypdf", t["triage-pdf"] / t["triage-pdf-pdfium"], "x")
    row("extract: triage.extract DOCX / bare python-docx", t["triage-docx"] / t["python-docx"], "x")


def bench_end_to_end() -> None:
    from pypdf import PdfReader

    from triage.extract import extract
    from triage.pipeline import triage_document, triage_path
    from triage.score import load_model

    model = load_model()
    pdf = doc("rfp-50.pdf", lambda p: benchdocs.write_pdf(p, 50))
    docx = doc("rfp-50.docx", lambda p: benchdocs.write_docx(p, 50))

    def bare_pdf() -> None:
        for page in PdfReader(pdf).pages:
            page.extract_text()

    def one_process(fn: Callable[[], object]) -> Callable[[], object]:
        def run() -> object:
            with document_processes("1"):
                return fn()

        return run

    fns: dict[str, Callable[[], object]] = {
        "pypdf": bare_pdf,
        "score-pdf": lambda: triage_path(pdf, model),
        "score-pdf-one": one_process(lambda: triage_path(pdf, model)),
        "extract-docx": lambda: extract(docx),
        "score-docx": lambda: triage_path(docx, model),
    }
    if importlib.util.find_spec("pypdfium2") is not None:
        fns["score-pdf-pdfium"] = lambda: triage_document(extract(pdf, engine="pdfium"), model)
    t = interleaved(fns, repeats=5)
    ratio = t["score-pdf"] / t["pypdf"]
    row("end-to-end: triage score 50-page PDF", t["score-pdf"], "s")
    row("end-to-end: 50-page PDF / bare pypdf extraction", ratio, "x", "<= 1.3x", ratio <= 1.3)
    row(
        "end-to-end: same on one core (TRIAGE_DOCUMENT_PROCESSES=1) / bare pypdf",
        t["score-pdf-one"] / t["pypdf"],
        "x",
    )
    if "score-pdf-pdfium" in t:
        fast = t["score-pdf-pdfium"] / t["pypdf"]
        row("end-to-end: same with triage[fast] (pypdfium2) / bare pypdf", fast, "x", "<= 1.3x", fast <= 1.3)
    real = sorted((SHARED / "rfps").glob("*.pdf"))
    if real:

        def bare_real() -> None:
            for path in real:
                for page in PdfReader(path).pages:
                    page.extract_text()

        def score_real() -> None:
            for path in real:
                triage_path(path, model)

        r = interleaved({"pypdf": bare_real, "score": score_real}, repeats=3)
        ratio_real = r["score"] / r["pypdf"]
        row(
            f"end-to-end: the {len(real)} real PDFs of shared/rfps / bare pypdf", ratio_real, "x", "(<= 1.3x)"
        )
    row("end-to-end: triage score same content as DOCX", t["score-docx"], "s")
    row("end-to-end: DOCX score / DOCX extraction", t["score-docx"] / t["extract-docx"], "x")


@contextlib.contextmanager
def document_processes(value: str) -> Iterator[None]:
    """TRIAGE_DOCUMENT_PROCESSES set to `value` for the time of the block (see triage/processes.py)."""
    from triage.processes import PROCESSES_ENV

    before = os.environ.get(PROCESSES_ENV)
    os.environ[PROCESSES_ENV] = value
    try:
        yield
    finally:
        if before is None:
            del os.environ[PROCESSES_ENV]
        else:
            os.environ[PROCESSES_ENV] = before


def bench_tagging() -> None:
    import spacy

    from triage.tag import load_pipeline, tag
    from triage.types import Document, Passage

    paragraphs = [text for _, text in benchdocs.rfp_paragraphs(200, seed=3)]
    words = sum(len(p.split()) for p in paragraphs)
    document = Document(
        path="bench.txt",
        sha256="0" * 64,
        format="txt",
        pages=None,
        passages=tuple(
            Passage(id=f"l{i}", text=p, kind="paragraph", line=i) for i, p in enumerate(paragraphs)
        ),
    )
    floor = spacy.blank("en")
    floor.add_pipe("sentencizer")
    load_pipeline()

    def one_core() -> object:
        with document_processes("1"):  # no second process for the second half of a long document
            return tag(document)

    t = interleaved(
        {
            "floor": lambda: list(floor.pipe(paragraphs, batch_size=256)),
            "triage": one_core,
            "triage-two": lambda: tag(document),
        },
        repeats=3,
    )
    wps = words / t["triage"]
    row(f"tagging: spacy.blank('en') + sentencizer ({words:,} words)", words / t["floor"], "words/s")
    row("tagging: triage.tag, whole pipeline, one core", wps, "words/s", ">= 150,000", wps >= 150_000)
    row("tagging: triage.tag / floor", t["triage"] / t["floor"], "x")
    row(
        "tagging: triage.tag, a lone process with a helper for long documents",
        words / t["triage-two"],
        "words/s",
    )


def bench_cold_start() -> None:
    pdf10 = doc("rfp-10.pdf", lambda p: benchdocs.write_pdf(p, 10))

    def run(*args: str) -> None:
        subprocess.run([*TRIAGE, *args], check=False, capture_output=True, cwd=ROOT)

    help_t = median_time(lambda: run("--help"), 7)
    python_t = median_time(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), 7)
    row("cold start: python -c pass (floor)", python_t, "s")
    row("cold start: triage --help", help_t, "s", "< 0.3 s", help_t < 0.3)
    score_t = median_time(lambda: run("score", str(pdf10)), 3)
    row("cold start: triage score 10-page PDF, whole process", score_t, "s", "< 2.5 s", score_t < 2.5)


def bench_batch(n: int = 200, pages: int = 8) -> None:
    """`triage score --jobs 1` against `--jobs 2` on the same `n` PDFs, as whole processes: the
    documents are large enough (8 pages each) that the work, not the start-up, is what is timed."""
    folder = DOCS / f"batch-{n}x{pages}"
    if not folder.exists():
        print(f"      generating {n} PDFs of {pages} pages ...", flush=True)
        tmp = folder.with_suffix(".tmp")
        tmp.mkdir(parents=True, exist_ok=True)
        for i in range(n):
            benchdocs.write_pdf(tmp / f"rfp-{i:03}.pdf", pages=pages, seed=i)
        tmp.rename(folder)
    files = sorted(str(p) for p in folder.glob("*.pdf"))
    times: dict[int, float] = {}
    for jobs in (1, 2, 1, 2):  # interleaved, the faster of two runs each: a busy neighbour costs one run
        start = time.perf_counter()
        out = subprocess.run(
            [*TRIAGE, "score", "--jobs", str(jobs), *files], check=False, capture_output=True, cwd=ROOT
        )
        took = time.perf_counter() - start
        times[jobs] = min(times.get(jobs, took), took)
        if out.returncode != 0:
            raise RuntimeError(f"triage score --jobs {jobs} failed: {out.stderr.decode()[-300:]}")
    efficiency = times[1] / (2 * times[2])
    row(f"batch: {n} documents of {pages} pages, --jobs 1", n / times[1], "docs/s")
    row(f"batch: {n} documents of {pages} pages, --jobs 2", n / times[2], "docs/s")
    row("batch: scaling efficiency 1 -> 2 processes", efficiency * 100, "%", ">= 80 %", efficiency >= 0.80)


# The peak resident memory of the process that scored the file, read from VmHWM: unlike
# getrusage's ru_maxrss, it starts afresh at exec, so a large parent (this bench, after it generated a
# 1,000-page PDF) does not leak into the figure. A long document gets a forked helper too
# (triage/processes.py: reading pages, then tagging): the larger peak of the two helpers (getrusage
# of the children) is added, which counts the pages they share with their parent twice: an upper
# bound of the memory used at once.
_RSS = """
import resource, sys
from triage.pipeline import triage_path
from triage.score import load_model
triage_path(sys.argv[1], load_model())
with open("/proc/self/status") as fh:
    own = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024
print(own + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def peak_rss(path: Path) -> float:
    out = subprocess.run([sys.executable, "-c", _RSS, str(path)], capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed")
    return float(out.stdout.strip().splitlines()[-1])


def bench_memory(big: bool) -> None:
    pdf200 = doc("rfp-200.pdf", lambda p: benchdocs.write_pdf(p, 200))
    row("memory: peak RSS, triage score of a 200-page PDF (+ its helper)", peak_rss(pdf200), "MB")
    if big:
        pdf1000 = doc("rfp-1000.pdf", lambda p: benchdocs.write_pdf(p, 1000))
        rss = peak_rss(pdf1000)
        row("memory: peak RSS, same of a 1,000-page PDF (+ its helper)", rss, "MB", "< 400 MB", rss < 400)


def bench_refusals() -> None:
    from triage.errors import TriageError
    from triage.extract import sniff

    hostile = SHARED / "hostile"
    if not hostile.is_dir():
        print(f"      (skipped zip-bomb refusal: {hostile} absent)")
        return
    for name in ("docx_zip_bomb_textnode.docx", "docx_zip_bomb_paragraphs.docx"):
        path = hostile / name

        def refuse(path: Path = path) -> None:
            try:
                sniff(path)
            except TriageError:
                return
            raise AssertionError(f"{path.name} was not refused")

        t = median_time(refuse, 9) * 1000
        row(f"refusal: {name}", t, "ms", "< 50 ms", t < 50)


SECTIONS: dict[str, Callable[[argparse.Namespace], None]] = {
    "extract": lambda a: bench_extract(),
    "end-to-end": lambda a: bench_end_to_end(),
    "tagging": lambda a: bench_tagging(),
    "cold-start": lambda a: bench_cold_start(),
    "batch": lambda a: None if a.quick else bench_batch(),
    "memory": lambda a: bench_memory(big=not a.quick),
    "refusals": lambda a: bench_refusals(),
}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="skip the slowest sections")
    parser.add_argument("--only", choices=list(SECTIONS), action="append", help="run only these sections")
    args = parser.parse_args()
    print(f"{'':4}  {'what':58} {'figure':>12} {'unit':10} target")
    failed = []
    for name, section in SECTIONS.items():
        if args.only and name not in args.only:
            continue
        try:
            section(args)
        except Exception as exc:  # a missing stage must not hide the other figures
            failed.append(name)
            print(f"ERR   {name}: {type(exc).__name__}: {exc}", flush=True)
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(json.dumps({"rows": ROWS, "errors": failed}, indent=2))
    missed = [r["name"] for r in ROWS if r["ok"] is False]
    print(
        f"\n{len(ROWS)} figures, {len(missed)} targets missed, {len(failed)} sections failed -> bench/results.json"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
