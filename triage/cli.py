"""The `triage` command: a thin layer of argument parsing over the library.

Each sub-command lives in `triage/commands/NAME.py` with two functions, `add_arguments(parser)` and
`run(args) -> int`. Command modules import only the standard library at module level, so that
`triage --help` stays fast; spaCy, scikit-learn and the parsers are imported inside `run`.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys

from triage import __version__
from triage.errors import TriageError

# name -> one line of help; the module triage.commands.<name> implements it
COMMANDS: dict[str, str] = {
    "extract": "the text of one document as passages with their locations",
    "tag": "the ICP tags found in one document, with evidence",
    "score": "the fit report of each document",
    "run": "one pass over an inbox folder: triage every new document, then exit",
    "watch": "watch an inbox folder and triage documents as they arrive",
    "outcome": "record a deal's outcome (won / lost) for retraining",
    "train": "train a fit model on won and lost deals",
    "evaluate": "cross-validated metrics of a model on deals, beside a plain-text baseline",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="triage",
        description="Reads RFPs, RFIs and RFQs, finds the requirements that matter, and scores how well "
        "each fits the ideal customer profile, with the sentences that prove it.",
        epilog="Run `triage COMMAND --help` for the options and an example of each command.",
    )
    parser.add_argument("--version", action="version", version=f"triage {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        module = importlib.import_module(f"triage.commands.{name}")
        doc = (module.__doc__ or "").strip()
        p = sub.add_parser(
            name,
            help=help_text,
            description=doc.split("\n\n")[0] if doc else help_text,
            epilog="\n\n".join(doc.split("\n\n")[1:]) or None,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        p.add_argument(
            "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks for errors"
        )
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


_LINE_BREAKS = re.compile(r"[\n\r\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def error_line(path: object, message: object) -> str:
    """The one line a bad input gets on standard error: `triage: error: FILE: reason`.

    File names and messages may carry a document's or a sender's text: line breaks become spaces and
    other control characters (a terminal's escape sequences) are shown as `\\xNN`, never sent as they are."""
    text = f"{path}: {message}" if path else str(message)
    text = _LINE_BREAKS.sub(" ", text)
    return "triage: error: " + _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return int(args._module.run(args) or 0)
    except TriageError as exc:
        if args.debug:
            raise
        print(error_line(exc.path, exc.message), file=sys.stderr)
        return 2 if exc.code == "usage" else 1
    except KeyboardInterrupt:
        print("triage: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
