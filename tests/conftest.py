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


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory) -> Path:
    """A small fit model trained on hand-built tagged deals and saved: for tests of the commands
    around the model, so that they never depend on the shipped default model."""
    from triage.score import save_model, train
    from triage.score.testing import synthetic_deals

    directory = tmp_path_factory.mktemp("model") / "small"
    deals = synthetic_deals(90, seed=3)
    save_model(train([(d, won) for d, won, _ in deals], source="synthetic", folds=3), directory)
    return directory


@pytest.fixture
def rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tag with the hand-written rules alone (no trained classifier): for tests of what one rule or
    the taxonomy does, which the classifier's own findings would blur."""
    monkeypatch.setenv("TRIAGE_TAG_CLASSIFIER", "off")
