"""Telling the inbox loop about new files, with watchdog.

The native observer (inotify, FSEvents, ReadDirectoryChangesW) is used where it starts; the polling
observer where asked (`--poll`) or where the native one cannot start (network shares, exhausted
inotify limits). The handler only puts paths on the runner's queue, so a burst of thousands of files
costs one queue entry each and no thread per file; the runner's stability check and its periodic
rescan do the rest (a rescan also catches events a full kernel queue dropped).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger("triage.inbox")


def start_observer(folder: Path, sink: Callable[[Path], None], *, poll: bool = False) -> tuple[Any, str]:
    """Watch `folder` (not its sub-folders) and call `sink(path)` for each file created, modified
    or moved into it. Returns the running observer and which kind it is ("native" or "polling")."""
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    root = Path(os.path.abspath(folder))

    class Handler(FileSystemEventHandler):
        def _push(self, raw: str | bytes) -> None:
            path = Path(os.fsdecode(raw))
            if path.parent == root:
                sink(path)

        def on_created(self, event: FileSystemEvent) -> None:
            if not event.is_directory:
                self._push(event.src_path)

        def on_modified(self, event: FileSystemEvent) -> None:
            if not event.is_directory:
                self._push(event.src_path)

        def on_closed(self, event: FileSystemEvent) -> None:
            self._push(event.src_path)

        def on_moved(self, event: FileSystemEvent) -> None:  # `x.pdf.part` -> `x.pdf`, or moved in
            if not event.is_directory:
                self._push(event.dest_path)

    handler = Handler()
    if not poll:
        observer = Observer()
        try:
            observer.schedule(handler, str(root), recursive=False)
            observer.start()
            return observer, "native"
        except (OSError, RuntimeError) as exc:
            log.warning("the native file watcher could not start (%s); polling instead", exc)
            with contextlib.suppress(Exception):
                observer.stop()
    observer = PollingObserver(timeout=1.0)
    observer.schedule(handler, str(root), recursive=False)
    observer.start()
    return observer, "polling"


def stop_observer(observer: Any) -> None:
    observer.stop()
    observer.join(5.0)
