"""One pass over an inbox folder: triage every document in it, then exit.

Each settled file in INBOX is claimed, read in an isolated worker process (with a time limit and a
memory cap), scored, and filed: its reports go to REPORTS (default INBOX/reports), the original to
INBOX/done/, or to INBOX/failed/ with NAME.error.txt saying why. Files whose bytes were triaged
before are recognised and linked to the first report. Every document is recorded in the ledger
(INBOX/triage.sqlite). Work left by a crash or a kill is finished first. A second run does nothing.

Exit status: 0 when every document was triaged, 1 when some failed (the rest were still filed),
2 for a usage error, 130 when stopped by Ctrl-C or SIGTERM (documents in progress are put back).

example:
  triage run ~/rfp-inbox --jobs 2
  triage run ~/rfp-inbox --reports ~/rfp-reports --timeout 120 --max-memory 4096
"""

from __future__ import annotations

import argparse
import signal
import sys
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inbox", metavar="INBOX", help="the inbox folder")
    add_inbox_options(parser)


def add_inbox_options(parser: argparse.ArgumentParser) -> None:
    """The options `triage run` and `triage watch` share."""
    parser.add_argument(
        "--reports", metavar="DIR", help="where reports and index.html go (default INBOX/reports)"
    )
    parser.add_argument(
        "--jobs", "-j", type=_positive_int, default=1, metavar="N", help="worker processes (default 1)"
    )
    parser.add_argument(
        "--dask-scheduler",
        metavar="ADDRESS",
        help="triage on the Dask cluster at ADDRESS instead of local workers (needs triage[dask]; "
        "the workers must see INBOX and the reports folder at the same paths)",
    )
    parser.add_argument("--ledger", metavar="PATH", help="the ledger database (default INBOX/triage.sqlite)")
    parser.add_argument("--model", metavar="DIR", help="the fit model folder (default: the bundled model)")
    parser.add_argument(
        "--timeout",
        type=_positive_float,
        default=120.0,
        metavar="S",
        help="seconds allowed per document (default 120)",
    )
    parser.add_argument(
        "--max-memory",
        type=_positive_int,
        default=2048,
        metavar="MB",
        help="memory cap of each worker process in MB (default 2048)",
    )
    parser.add_argument(
        "--max-pages", type=_positive_int, metavar="N", help="refuse documents with more pages"
    )
    parser.add_argument(
        "--max-chars",
        type=_positive_int,
        metavar="N",
        help="refuse documents with more than N characters of text",
    )
    parser.add_argument(
        "--max-size", type=_positive_int, metavar="MB", help="refuse files larger than MB megabytes"
    )
    parser.add_argument(
        "--settle",
        type=_non_negative_float,
        default=1.0,
        metavar="S",
        help="a file is taken once unchanged for S seconds (default 1)",
    )


def options_from_args(args: argparse.Namespace) -> Any:
    from pathlib import Path

    from triage.inbox.runner import RunOptions

    return RunOptions(
        inbox=Path(args.inbox),
        reports=Path(args.reports) if args.reports else None,
        ledger=Path(args.ledger) if args.ledger else None,
        jobs=args.jobs,
        timeout=args.timeout,
        max_memory_mb=args.max_memory,
        max_pages=args.max_pages,
        max_chars=args.max_chars,
        max_bytes=args.max_size * 1024 * 1024 if args.max_size else None,
        settle=args.settle,
        model_dir=args.model,
        dask_scheduler=args.dask_scheduler,
    )


class Terminal:
    """Progress on standard error while documents are filed, and the error line of each failure."""

    def __init__(self, verb: str):
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.console = Console(stderr=True, highlight=False)
        self.progress: Any = None
        if self.console.is_terminal:
            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}", markup=False),  # it holds file names: `a[/b].pdf`
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self.task = self.progress.add_task(verb, total=None)
        self.verb = verb
        self.counts = {"triaged": 0, "failed": 0, "duplicate": 0}

    def __enter__(self) -> Terminal:
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def __call__(self, event: Any) -> None:
        from triage.cli import error_line

        if event.kind in self.counts:
            self.counts[event.kind] += 1
        if event.kind == "failed":
            line = error_line(event.name, event.detail)
            if self.progress is not None:
                self.progress.console.print(line, markup=False, highlight=False, soft_wrap=True)
            else:
                print(line, file=sys.stderr, flush=True)
        if self.progress is not None:
            c = self.counts
            self.progress.update(
                self.task,
                description=f"{self.verb}: {c['triaged']} triaged, {c['failed']} failed, "
                f"{c['duplicate']} already seen; last: {event.name[:60]}",
            )


def stop_on_signals(runner: Any) -> dict[int, Any]:
    """Turn Ctrl-C and SIGTERM into a clean stop at the runner's next safe point."""
    previous = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.signal(sig, lambda signum, frame: runner.request_stop())
    return previous


def restore_signals(previous: dict[int, Any]) -> None:
    for sig, handler in previous.items():
        signal.signal(sig, handler)


def run(args: argparse.Namespace) -> int:
    from triage.inbox.runner import InboxRunner

    options = options_from_args(args)
    with Terminal("triaging") as terminal, InboxRunner(options, on_event=terminal) as runner:
        previous = stop_on_signals(runner)
        try:
            tally = runner.run_once()
        finally:
            restore_signals(previous)
    print(tally.line(), flush=True)
    if runner.stopping:
        return 130
    return 1 if tally.failed else 0


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {text!r}")
    return value


def _positive_float(text: str) -> float:
    value = _non_negative_float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number above 0, got {text!r}")
    return value


def _non_negative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not 0 <= value < float("inf"):  # also refuses nan: `--settle inf` would never end a run
        raise argparse.ArgumentTypeError(f"expected a number of at least 0, got {text!r}")
    return value
