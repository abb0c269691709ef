"""Writing reports to disk: names that are safe whatever the document was called, and writes that
are never seen half-done (temporary file in the same folder, flush, fsync, rename)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path

MAX_NAME = 80  # characters of a report name, before the hash suffix
# names that some file system, or the report folder itself, gives a meaning
_RESERVED = {"index", "con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(10)}
_ALLOWED_PUNCT = set(" -_.,()+")
_KNOWN_SUFFIXES = {".pdf", ".docx", ".doc", ".docm", ".txt", ".md", ".markdown", ".rtf", ".odt"}


def atomic_write(path: Path, data: str | bytes) -> Path:
    """Write `data` to `path` so that a reader sees the old file or the whole new one, never a part:
    a temporary file in the same folder, flushed and fsynced, then renamed over `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return path


def _raw_bytes(filename: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> bytes:
    raw = os.fspath(filename)
    if isinstance(raw, str):
        return (
            raw.encode("utf-8", "surrogateescape") if _encodes(raw) else raw.encode("utf-8", "surrogatepass")
        )
    return raw


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return False
    return True


def safe_name(filename: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """A report name for a document file: its stem without the directory and the document suffix,
    made of letters, digits, spaces and `-_.,()+` only, never starting with `-` or `.`, at most about
    90 characters, and not a name the folder or Windows reserves. When anything had to change, a short
    sha256 of the original name is appended so that two odd names do not end up on one report.

    `RFP 2024-15.pdf` -> `RFP 2024-15`; `"><img src=x onerror=alert(1)>.docx` ->
    `img src-x onerror-alert(1)-fc4e6a5c`; `-rf --help.pdf` -> `rf -help-a8fbf0d3`.
    """
    raw = _raw_bytes(filename)
    digest = hashlib.sha256(raw).hexdigest()[:8]
    text = raw.decode("utf-8", "replace")
    base = re.split(r"[/\\]", text)[-1]
    stem, dot, suffix = base.rpartition(".")
    if dot and stem and f".{suffix.lower()}" in _KNOWN_SUFFIXES:
        base = stem
    wanted = unicodedata.normalize("NFC", base)
    out = []
    for ch in wanted:
        if ch.isalnum() or ch in _ALLOWED_PUNCT:
            out.append(ch)
        else:
            out.append("-")
    name = re.sub(r"-{2,}", "-", "".join(out))
    name = re.sub(r" {2,}", " ", name)
    name = name.lstrip("-. _").rstrip(". ")
    changed = name != wanted
    if len(name) > MAX_NAME:
        name, changed = name[:MAX_NAME].rstrip(". "), True
    if not name or name.lower().split(".")[0] in _RESERVED:
        changed = True
    if changed:
        name = name.rstrip("-. _")
        name = f"{name}-{digest}" if name else f"document-{digest}"
    return name


def unique_name(name: str, taken: set[str], sha256: str) -> str:
    """`name`, or `name-SHA8` when a report of that name was already written in this batch."""
    if name.lower() not in taken:
        taken.add(name.lower())
        return name
    candidate = f"{name}-{sha256[:8]}" if sha256 else name
    n = 2
    while candidate.lower() in taken:
        candidate = f"{name}-{sha256[:8]}-{n}"
        n += 1
    taken.add(candidate.lower())
    return candidate
