"""Score how well each document fits the ideal customer profile, with the evidence.

By default one JSON object per document is written to standard output (JSON Lines), in the order the
files were given. With --out DIR, each document gets its report files in DIR instead (NAME.html,
NAME.json or NAME.md, and NAME.requirements.csv, the compliance matrix), and the path of each report
is printed. A file that cannot be read gets one line `triage: error: FILE: reason` on standard error
and the others are still scored; the exit code is then 1.

examples:
  triage score rfp.pdf                          the fit report as one line of JSON
  triage score inbox/*.pdf > reports.jsonl      many documents, one JSON line each
  triage score rfp.docx --format md             a Markdown report on standard output
  triage score *.pdf --format html --out reports/
  triage score rfp.pdf --model models/2026-q3 --password s3cret
  triage score inbox/*.pdf --jobs 2             two processes, the model loaded once in each
  triage score *.pdf --dask-scheduler tcp://10.0.0.5:8786   on a Dask cluster (pip install 'triage[dask]')
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from triage.score import FitModel
    from triage.types import FitReport

FORMATS = ("json", "html", "md")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="PDF, DOCX, TXT or MD documents")
    parser.add_argument(
        "--format", choices=FORMATS, default="json", help="json (default: JSON Lines), html or md"
    )
    parser.add_argument(
        "--out", metavar="DIR", type=Path, default=None, help="write one report file per document into DIR"
    )
    parser.add_argument(
        "--model",
        metavar="DIR",
        type=Path,
        default=None,
        help="the fit model to use (default: the bundled one)",
    )
    parser.add_argument("--password", metavar="PW", default=None, help="the password of encrypted documents")
    parser.add_argument(
        "--jobs", "-j", metavar="N", type=int, default=1, help="score N documents at a time in N processes"
    )
    parser.add_argument(
        "--dask-scheduler",
        metavar="ADDRESS",
        default=None,
        help="run the work on the Dask cluster at ADDRESS (needs triage[dask] there and here)",
    )


def score_files(
    files: list[str],
    model: FitModel,
    *,
    model_dir: Path | None = None,
    password: str | None = None,
    jobs: int = 1,
    dask_scheduler: str | None = None,
    debug: bool = False,
) -> Iterator[tuple[str, FitReport | None, str | None]]:
    """(file, report, None) for each file that was scored, (file, None, reason) for each that was not,
    in the order given, as they finish. `triage.batch` spreads the work over `jobs` processes or a
    Dask cluster (each worker loads the model in `model_dir`); with one job `model` is used here."""
    from triage.batch import triage_many

    problems: dict[int, str] = {}
    readable: list[str] = []
    for i, name in enumerate(files):
        path = Path(name)
        if not path.exists():
            problems[i] = "no such file"
        elif not path.is_file():
            problems[i] = "not a file"
        else:
            readable.append(name)
    outcomes = triage_many(
        readable, model_dir, jobs=jobs, dask_scheduler=dask_scheduler, password=password, model=model
    )
    for i, name in enumerate(files):
        if i in problems:
            yield name, None, problems[i]
            continue
        outcome = next(outcomes)
        if outcome.error is None:
            yield name, outcome.report, None
        elif debug and jobs <= 1 and not dask_scheduler:
            raise outcome.error
        else:
            yield name, None, outcome.error.message


def _write(text: str) -> None:
    out = sys.stdout
    if (out.encoding or "").lower().replace("-", "") not in ("utf8", "utf8sig"):
        text = text.encode(out.encoding or "ascii", "backslashreplace").decode(out.encoding or "ascii")
    out.write(text)
    out.flush()


def run(args: argparse.Namespace) -> int:
    from triage.cli import error_line
    from triage.errors import UsageError
    from triage.report import render, safe_name, unique_name, write_reports
    from triage.score import load_model

    if args.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    if args.out is not None:
        try:
            args.out.mkdir(parents=True, exist_ok=True)  # a file of that name: one clear error
        except OSError as exc:
            raise UsageError(f"cannot write reports into {args.out}: {exc.strerror or exc}") from None
    model = load_model(args.model)  # a missing or refused model stops here, before any document is read
    debug = bool(getattr(args, "debug", False))
    failed = 0
    taken: set[str] = set()
    results = score_files(
        args.files,
        model,
        model_dir=args.model,
        password=args.password,
        jobs=args.jobs,
        dask_scheduler=args.dask_scheduler,
        debug=debug,
    )
    for name, report, reason in results:
        if report is None:
            failed += 1
            print(error_line(name, reason), file=sys.stderr, flush=True)
            continue
        if args.out is not None:
            stem = unique_name(safe_name(name), taken, report.document.sha256)
            try:
                paths = write_reports(report, args.out, stem, formats=(args.format,))
            except OSError as exc:  # the disk is full, the folder went away, ...
                raise UsageError(f"cannot write reports into {args.out}: {exc.strerror or exc}") from None
            _write(f"{paths[args.format]}\n")
        else:
            text = render(report, args.format)
            _write(text if text.endswith("\n") else text + "\n")
    return 1 if failed else 0
