"""File names in an inbox: which ones to leave alone, and how to show any name safely.

Names come from whoever dropped the file, so they are untrusted: they may hold newlines, control
characters, HTML, leading dashes or bytes that are not UTF-8 (Python keeps those as lone surrogates,
which `os` functions turn back into the same bytes). Filing works on the name as it is; anything a
person reads (log lines, error files, the ledger's text column) goes through `display_name`.
"""

from __future__ import annotations

import fnmatch
import os
import re

# Names the inbox itself owns at its top level, never treated as documents.
OWN_NAMES = frozenset(
    {"triage.sqlite", "triage.sqlite-wal", "triage.sqlite-shm", "triage.sqlite-journal", "triage.log"}
)

# Editor lock / temp files and downloads still in progress (matched on the lower-cased name).
TEMP_PATTERNS = (
    "~$*",  # Word / Excel owner files
    "*.crdownload",  # Chrome
    "*.part",  # Firefox, curl, rsync --partial
    "*.partial",  # Edge, Safari
    "*.download",  # Safari bundles
    "*.tmp",
    "*.temp",
    "*.swp",
    "*.swx",
    "*~",  # emacs / gedit backups
    "#*#",  # emacs autosave
    "*.!ut",  # uTorrent
    "*.filepart",  # WinSCP
    "thumbs.db",
    "desktop.ini",
)

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def is_ignored(name: str) -> bool:
    """True for names the inbox never picks up: hidden files, editor temp files, partial downloads,
    and the inbox's own ledger and log."""
    if not name or name.startswith("."):  # hidden, `.~lock.x#`, `.x.swp`
        return True
    if name in OWN_NAMES:
        return True
    lower = name.lower()
    return any(fnmatch.fnmatchcase(lower, pattern) for pattern in TEMP_PATTERNS)


def display_name(name: str | bytes) -> str:
    """A name as one printable line of valid UTF-8: undecodable bytes become `\\xNN`, control
    characters (newline, tab, escape, ...) become `\\n`-style escapes. Never raises."""
    if isinstance(name, bytes):
        text = name.decode("utf-8", "backslashreplace")
    else:
        raw = os.fsencode(name) if _has_surrogates(name) else None
        text = raw.decode("utf-8", "backslashreplace") if raw is not None else name
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


NAME_MAX = 255  # bytes in one file name on Linux, macOS and Windows file systems


def numbered(name: str, n: int, *, reserve: int = 0) -> str:
    """The n-th alternative of `name` when it is already taken: `rfp.pdf` -> `rfp (2).pdf`.

    The result fits in NAME_MAX bytes with `reserve` bytes to spare (for `.error.txt` beside it): a
    longer name loses characters at the end of its stem, never its extension or the number."""
    tag = "" if n <= 1 else f" ({n})"
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:  # no extension, or a name like `.pdf`
        stem, ext = name, ""
    else:
        ext = "." + ext
    room = NAME_MAX - reserve - len(os.fsencode(tag))
    if len(os.fsencode(ext)) > room // 2:  # an "extension" that is most of the name is not one
        stem, ext = name, ""
    room -= len(os.fsencode(ext))
    if len(os.fsencode(stem)) > room:
        stem = _cut(stem, room)
    return f"{stem}{tag}{ext}"


def _cut(text: str, size: int) -> str:
    """The longest start of `text` whose file-system bytes fit in `size`."""
    lo, hi = 0, len(text)
    while lo < hi:  # characters take 1 to 4 bytes: search for the longest start that fits
        mid = (lo + hi + 1) // 2
        if len(os.fsencode(text[:mid])) <= size:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() or text[:lo]
