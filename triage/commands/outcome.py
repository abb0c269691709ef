"""Record whether a triaged deal was won or lost, so the model can learn from it.

DOC names one document in the ledger: its report id (the report's file name without extension),
its file name as dropped in the inbox, or the first characters (at least 4) of its sha256. A
document dropped twice is one deal: naming either copy records the outcome on the first.
`triage train --from-ledger` retrains on every recorded outcome.

example:
  triage outcome acme-portal-rfp won --inbox ~/rfp-inbox
  triage outcome 3fa9c2 lost --ledger ~/rfp-inbox/triage.sqlite
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("doc", metavar="DOC", help="a report id, a file name, or a sha256 prefix")
    parser.add_argument("outcome", choices=("won", "lost"), help="how the deal ended")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--ledger", metavar="PATH", help="the ledger database")
    where.add_argument("--inbox", metavar="INBOX", help="the inbox whose ledger to use (INBOX/triage.sqlite)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from triage.errors import UsageError
    from triage.inbox.ledger import LEDGER_NAME, Ledger, default_ledger_path

    if args.ledger:
        path = Path(args.ledger)
    elif args.inbox:
        path = default_ledger_path(args.inbox)
    else:
        path = Path(LEDGER_NAME)
    if not path.is_file():
        raise UsageError(f"no ledger at {path}; pass --inbox INBOX or --ledger PATH")
    with Ledger(path) as ledger:
        row = ledger.record_outcome(args.doc, args.outcome)
        _refresh_index(ledger, row.reports.get("html"))
    score = "" if row.score is None else f" (score {row.score}, {row.recommendation})"
    print(f"{row.file_name}: {row.outcome}{score}, sha256 {row.sha256[:12]}")
    return 0


def _refresh_index(ledger: object, html_report: str | None) -> None:
    """Rebuild the index page beside the document's report, so it shows the outcome at once."""
    from pathlib import Path

    from triage.report import build_index

    if not html_report or not Path(html_report).parent.is_dir():
        return
    reports = Path(html_report).parent
    build_index(ledger.index_entries(reports), reports)  # type: ignore[attr-defined]
