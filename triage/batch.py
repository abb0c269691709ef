"""Many documents at once: joblib processes on this machine, or a Dask cluster through joblib.

The spaCy pipeline and the model are loaded once per worker process (cached at module level), not
once per document. Work is spread across documents, never inside one: spaCy's own multi-processing
is slower than one process on these sizes. Results come back in the order given, as they finish, so
a command can print each report while the rest are still running.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from triage.errors import TriageError

if TYPE_CHECKING:
    from triage.score import FitModel
    from triage.types import FitReport


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result for one path: a report, or the error that stopped it."""

    path: str
    report: FitReport | None = None
    error: TriageError | None = None


@lru_cache(maxsize=4)
def cached_model(model_dir: str | None) -> FitModel:
    """The model in `model_dir` (None: the default), loaded once per process."""
    from triage.score import load_model

    return load_model(model_dir)


def triage_one(
    path: str, model_dir: str | None, password: str | None = None, model: FitModel | None = None
) -> Outcome:
    """Triage one file in whatever process runs this; any error is returned, not raised."""
    from triage.pipeline import triage_path

    try:
        model = model if model is not None else cached_model(model_dir)
        return Outcome(path, report=triage_path(path, model, password=password))
    except TriageError as exc:
        exc.path = exc.path or path
        return Outcome(path, error=exc)
    except MemoryError:
        return Outcome(path, error=TriageError(path=path, code="out_of_memory"))
    except Exception as exc:  # a bug or a parser surprise must not stop the batch
        error = TriageError(f"unexpected error ({type(exc).__name__}: {exc})", path=path, code="crashed")
        error.__cause__ = exc  # --debug shows where it really came from
        return Outcome(path, error=error)


@contextlib.contextmanager
def _dask(address: str, timeout: float) -> Iterator[None]:
    try:
        from distributed import Client
    except ImportError as exc:
        raise TriageError(
            "--dask-scheduler needs the Dask extra: pip install 'triage[dask]'", code="usage"
        ) from exc
    import joblib

    try:
        client = Client(address, timeout=f"{timeout}s")
    except OSError as exc:
        raise TriageError(f"cannot reach the Dask scheduler at {address}: {exc}", code="usage") from exc
    try:
        with joblib.parallel_config(backend="dask"):
            yield
    finally:
        client.close()


def triage_many(
    paths: Iterable[str | Path],
    model_dir: str | Path | None = None,
    *,
    jobs: int = 1,
    dask_scheduler: str | None = None,
    password: str | None = None,
    model: FitModel | None = None,
    connect_timeout: float = 10.0,
) -> Iterator[Outcome]:
    """Triage every path, in order, with `jobs` local processes or on the Dask cluster at `dask_scheduler`.

    With one job and no cluster the work runs in this process (no start-up cost), with `model` if
    given (else the one in `model_dir`). Workers load the model in `model_dir` once each. Every path
    yields exactly one Outcome; a bad file never stops the others.
    """
    items = [os.fspath(p) for p in paths]
    directory = None if model_dir is None else os.fspath(model_dir)
    if jobs <= 1 and not dask_scheduler:
        for path in items:
            yield triage_one(path, directory, password, model)
        return
    from joblib import Parallel, delayed

    calls = (delayed(triage_one)(path, directory, password) for path in items)
    if dask_scheduler:
        with _dask(dask_scheduler, connect_timeout):
            yield from Parallel(n_jobs=-1, return_as="generator")(calls)
    else:
        yield from Parallel(n_jobs=jobs, backend="loky", return_as="generator", batch_size=1)(calls)
