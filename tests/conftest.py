"""Shared fixtures. Tests build their own tiny documents; those that need the real RFPs, the hostile
files or the public benchmarks in ../shared skip where that folder is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TRIAGE_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder; the test is skipped where it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent")
    return SHARED
