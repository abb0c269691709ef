"""The command line as a user meets it: help, version, and the error line for bad input."""

from __future__ import annotations

import subprocess
import sys

from triage.cli import COMMANDS, build_parser, error_line


def run_triage(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "triage", *args], capture_output=True, text=True, timeout=120
    )


def test_help_lists_every_command():
    out = run_triage("--help")
    assert out.returncode == 0
    for name in COMMANDS:
        assert name in out.stdout


def test_every_command_has_help_with_a_description():
    parser = build_parser()
    for name in COMMANDS:
        sub = parser._subparsers._group_actions[0].choices[name]  # type: ignore[union-attr]
        assert sub.format_help().strip()


def test_no_command_is_a_usage_error():
    out = run_triage()
    assert out.returncode == 2


def test_error_line_is_one_line_even_for_hostile_names():
    line = error_line("evil\nname.pdf", "damaged\r\nfile")
    assert "\n" not in line and "\r" not in line
    assert line.startswith("triage: error: evil name.pdf: ")


def test_error_line_sends_no_terminal_escape_sequence():
    line = error_line("\x1b]0;pwned\x07rfp.pdf", "bad \x1b[31mred\u2028text")
    assert "\x1b" not in line and "\x07" not in line and "\u2028" not in line
    assert line == "triage: error: \\x1b]0;pwned\\x07rfp.pdf: bad \\x1b[31mred text"
