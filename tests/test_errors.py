"""Errors carry a reason code and the file, also across a process boundary (batch and inbox workers)."""

from __future__ import annotations

import pickle

import pytest

from triage.errors import REASONS, PasswordRequired, RefusedFile, TriageError


@pytest.mark.parametrize(
    "error",
    [
        TriageError("odd", path="a.pdf", code="zip_bomb"),
        PasswordRequired(path="b.docx"),
        RefusedFile("bigger than 200 MB", path="c.pdf"),
    ],
)
def test_error_survives_pickling(error):
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert (copy.code, copy.path, str(copy)) == (error.code, error.path, str(error))


def test_every_default_message_is_a_sentence_for_its_code():
    assert PasswordRequired().message == REASONS["password_protected"]
    assert str(TriageError(path="x.pdf")) == "x.pdf: " + REASONS["damaged"]
