"""The tag stage imports spaCy without spaCy's command line (a fifth of a second of every start-up),
and spaCy still works as a library: `spacy.info()` loads the real command line when called."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import triage.tag
import spacy
assert "weasel" not in sys.modules and "typer" not in sys.modules, "spaCy's command line was imported"
nlp = spacy.blank("en")
assert [t.text for t in nlp("Single sign-on")] == ["Single", "sign", "-", "on"]
info = spacy.info()
assert info["spacy_version"] == spacy.__version__
print("ok")
"""


def test_spacy_loads_without_its_command_line_and_still_answers_info() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().endswith("ok")
