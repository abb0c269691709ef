"""Importing spaCy without its command line.

`import spacy` runs `from .cli.info import info`, which imports every `spacy` command and their
libraries (typer, weasel, the download and training code): about 0.2 s of each triage start-up, for
commands triage never runs. `skip_spacy_cli()` stands in a small `spacy.cli` package before spaCy is
first imported: its sub-modules still load from spaCy's own folder when something asks for them, and
`spacy.info()` loads the real command line the first time it is called.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import types
from typing import Any


def skip_spacy_cli() -> None:
    """Make the coming `import spacy` skip spaCy's command line (no effect once spaCy is imported)."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    try:
        spec = importlib.util.find_spec("spacy")
    except (ImportError, ValueError):
        return
    if spec is None or not spec.submodule_search_locations:
        return
    folder = os.path.join(next(iter(spec.submodule_search_locations)), "cli")
    if not os.path.isfile(os.path.join(folder, "info.py")):
        return  # a spaCy laid out otherwise: import it as it is
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = [folder]
    info = types.ModuleType("spacy.cli.info")
    info.info = _real_info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = cli
    sys.modules["spacy.cli.info"] = info


def _real_info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info()`: drop the stand-ins, import spaCy's real command line, and call it."""
    for name in [n for n in sys.modules if n == "spacy.cli" or n.startswith("spacy.cli.")]:
        del sys.modules[name]
    real = importlib.import_module("spacy.cli.info").info
    import spacy

    spacy.info = real
    return real(*args, **kwargs)
