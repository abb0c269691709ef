"""Deciding when a dropped file has finished arriving.

A copy over a network share or a download in a browser grows for a while; a file is ready only once
its size and modification time have stopped changing. One tracker holds every waiting file (no
thread per file), so a burst of thousands costs one `stat` each per check.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

Signature = tuple[int, int]  # (size, mtime_ns)


class StabilityTracker:
    """Files seen in the inbox, each with the last (size, mtime) and since when it has held.

    A file is stable once the same signature has been seen for `settle` seconds. A file found
    with a modification time already `settle` seconds in the past (a file present at start) is
    stable as soon as a second look (0.1 s later) confirms it, so `triage run` does not wait for old files.
    """

    def __init__(self, settle: float = 1.0, clock: Callable[[], float] = time.monotonic):
        self.settle = settle
        self.clock = clock
        self._seen: dict[Path, tuple[Signature, float]] = {}

    def __len__(self) -> int:
        return len(self._seen)

    def __contains__(self, path: object) -> bool:
        return path in self._seen

    def add(self, paths: Iterable[Path]) -> None:
        """Start watching `paths` (already watched ones keep their history)."""
        for path in paths:
            if path not in self._seen:
                sig = _signature(path)
                if sig is not None:
                    self._seen[path] = (sig, self.clock())

    def discard(self, path: Path) -> None:
        self._seen.pop(path, None)

    def stable(self) -> list[Path]:
        """Look at every watched file once; return (and stop watching) those that are ready.
        Files that vanished are dropped silently; files that changed start their wait again."""
        now = self.clock()
        wall = time.time()
        ready: list[Path] = []
        for path, (old, since) in list(self._seen.items()):
            sig = _signature(path)
            if sig is None:
                del self._seen[path]
                continue
            if sig != old:
                self._seen[path] = (sig, now)
                continue
            held = now - since
            old_enough = wall - sig[1] / 1e9 >= self.settle and held >= min(self.settle, 0.1)
            if old_enough or held >= self.settle:
                ready.append(path)
                del self._seen[path]
        return ready

    def next_check(self) -> float:
        """Seconds until it is worth looking again."""
        return max(0.05, min(0.25, self.settle / 4))


def _signature(path: Path) -> Signature | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)
