"""`triage tag`: not built yet.

This command is being built; see the README for what exists today."""

from __future__ import annotations

import argparse

from triage.errors import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    raise UsageError("`triage tag` is not available in this version yet")
