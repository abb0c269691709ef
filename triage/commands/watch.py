"""Watch an inbox folder and triage each document as it arrives, until stopped.

Does what `triage run` does, then keeps going: files dropped, copied or moved into INBOX (a
download renamed from `x.pdf.part` to `x.pdf` too) are taken once they stop changing. Uses the
system's file notifications, or polls the folder with `--poll` (and by itself where notifications
do not work, such as on some network shares). Ctrl-C or SIGTERM stops it cleanly: a document in
progress is put back in the inbox (or, if that name was taken meanwhile, finished on the next
start). Exit status 0 after a clean stop; failures are in INBOX/failed/ and INBOX/triage.log.

example:
  triage watch ~/rfp-inbox --jobs 2
  triage watch /mnt/share/rfps --poll --reports ~/rfp-reports
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from triage.commands.run import add_inbox_options

    parser.add_argument("inbox", metavar="INBOX", help="the inbox folder")
    add_inbox_options(parser)
    parser.add_argument("--poll", action="store_true", help="poll the folder instead of file notifications")
    parser.add_argument(
        "--rescan",
        type=float,
        default=10.0,
        metavar="S",
        help="also look at the whole folder every S seconds (default 10)",
    )


def run(args: argparse.Namespace) -> int:
    from triage.commands.run import Terminal, options_from_args, restore_signals, stop_on_signals
    from triage.inbox.runner import InboxRunner
    from triage.inbox.watching import start_observer, stop_observer

    options = options_from_args(args)
    with Terminal("watching") as terminal, InboxRunner(options, on_event=terminal) as runner:
        previous = stop_on_signals(runner)
        observer, kind = start_observer(options.inbox, runner.events.put, poll=args.poll)
        terminal.console.print(
            f"watching {options.inbox} ({kind}); reports in {options.reports}; Ctrl-C to stop",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        try:
            tally = runner.watch(rescan_every=max(0.5, args.rescan))
        finally:
            stop_observer(observer)
            restore_signals(previous)
    print(tally.line(), flush=True)
    return 0
