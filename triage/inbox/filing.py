"""Moving originals through an inbox so that none is ever deleted, overwritten or lost.

The layout (see cli.md):

    INBOX/            new files are dropped here
    INBOX/.work/      files being triaged, each in its own claim folder: .work/<claim>/<name>
    INBOX/done/       originals that were triaged
    INBOX/failed/     originals that could not be, each with NAME.error.txt beside it

A file is claimed by one atomic rename from INBOX/ into a fresh claim folder (as Maildir moves a
message from tmp/ to new/), so at every instant it has exactly one name. It leaves the work folder
only after its reports and its ledger row are safely written. Moves into done/ and failed/ never
replace an existing file: a clash gets `name (2).ext`; the new name is fsynced before the old one
goes, so a power cut can leave a file under its old name or both, never under neither.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import itertools
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from triage.errors import UsageError
from triage.inbox.names import is_ignored, numbered

WORK = ".work"
DONE = "done"
FAILED = "failed"
LOCK = ".lock"


@dataclass(frozen=True)
class Claim:
    """A file taken out of the inbox for triage: `path` is `.work/<token>/<name>`."""

    path: Path
    name: str  # the original file name, exactly as dropped (may hold surrogates)
    received_at: float  # when it was claimed (epoch seconds)

    @property
    def folder(self) -> Path:
        return self.path.parent


class Inbox:
    """The folders of one inbox, and the only code that moves files between them."""

    def __init__(self, root: str | Path, *, own_files: tuple[Path, ...] = ()):
        self.root = Path(os.path.abspath(root))  # events from a file watcher come as absolute paths
        self.work = self.root / WORK
        self.done = self.root / DONE
        self.failed = self.root / FAILED
        self._lock_fd: int | None = None
        # files triage itself keeps at the top of the inbox (a --ledger put there, with its journals)
        self._own = {
            p.name + suffix
            for p in (Path(os.path.abspath(f)) for f in own_files)
            if p.parent == self.root
            for suffix in ("", "-wal", "-shm", "-journal")
        }

    # --- set-up ---------------------------------------------------------------------------------

    def open(self) -> None:
        """Create the sub-folders and take the inbox's lock, so two `triage` processes never file
        the same inbox at once. Raises UsageError when the inbox is missing or already in use."""
        if not self.root.is_dir():
            raise UsageError(f"the inbox folder does not exist: {self.root}")
        try:
            for folder in (self.work, self.done, self.failed):
                folder.mkdir(exist_ok=True)
            fd = os.open(self.work / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise UsageError(f"cannot set up the inbox {self.root}: {exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise UsageError(
                f"another triage process is already working on {self.root}; stop it first"
            ) from None
        self._lock_fd = fd

    def close(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def __enter__(self) -> Inbox:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- finding files --------------------------------------------------------------------------

    def candidates(self) -> list[Path]:
        """Regular files at the top of the inbox that may be documents (temp files, hidden files,
        folders and symbolic links are left alone), oldest first."""
        found: list[tuple[float, str, Path]] = []
        try:
            entries = list(os.scandir(self.root))
        except FileNotFoundError:
            return []
        for entry in entries:
            if is_ignored(entry.name) or entry.name in self._own:
                continue
            try:
                if not entry.is_file(follow_symlinks=False):
                    continue
                mtime = entry.stat(follow_symlinks=False).st_mtime
            except OSError:
                continue
            found.append((mtime, entry.name, Path(entry.path)))
        found.sort(key=lambda t: (t[0], t[1]))
        return [p for _, _, p in found]

    def is_candidate(self, path: Path) -> bool:
        """Whether `path` is a document waiting at the top of this inbox."""
        if path.parent != self.root or is_ignored(path.name) or path.name in self._own:
            return False
        try:
            st = os.lstat(path)
        except OSError:
            return False
        import stat

        return stat.S_ISREG(st.st_mode)

    def unfinished(self) -> list[Claim]:
        """Claims left in the work folder by a run that stopped before filing them. Empty claim
        folders (a stop between creating the folder and the rename) are removed."""
        claims: list[Claim] = []
        if not self.work.is_dir():
            return claims
        for folder in sorted(self.work.iterdir()):
            if folder.name.startswith(".") or not folder.is_dir():
                continue
            files = [p for p in folder.iterdir() if not p.name.startswith(".claim")]
            if not files:
                with contextlib.suppress(OSError):
                    folder.rmdir()
                continue
            for path in sorted(files):
                try:
                    received = path.stat().st_ctime
                except OSError:
                    continue
                claims.append(Claim(path, path.name, received))
        return claims

    # --- moving ---------------------------------------------------------------------------------

    def claim(self, path: Path) -> Claim | None:
        """Take `path` out of the inbox into its own claim folder by one atomic rename. Returns
        None when the file is gone (moved away or claimed by someone else meanwhile)."""
        folder = Path(tempfile.mkdtemp(prefix=time.strftime("%Y%m%dT%H%M%S-"), dir=self.work))
        target = folder / path.name
        try:
            os.rename(path, target)  # atomic: after a power cut the file has one of its two names
        except FileNotFoundError:
            folder.rmdir()
            return None
        except OSError:
            folder.rmdir()
            raise
        return Claim(target, path.name, time.time())

    def requeue(self, claim: Claim) -> Path | None:
        """Put a claimed file back in the inbox (on a clean stop). Left in the work folder, to be
        finished on the next start, when a file of the same name has been dropped meanwhile."""
        target = self.root / claim.name
        if not claim.path.exists():
            return None
        if not link_or_rename(claim.path, target):
            return None
        self.release(claim)
        return target

    def destination(self, claim: Claim, folder: Path) -> Path:
        """A free name for the claim in `folder` (done/ or failed/): the original name, or
        `name (2).ext`, ... when taken. In failed/ the `.error.txt` beside it must be free too."""
        for n in itertools.count(1):
            candidate = folder / self._numbered(claim.name, n, folder)
            if candidate.exists() or candidate.is_symlink():
                continue
            if folder == self.failed and error_file(candidate).exists():
                continue
            return candidate
        raise AssertionError("unreachable")

    def file(self, claim: Claim, target: Path) -> Path:
        """Move the claimed original to `target` (from `destination`) without ever replacing a
        file; if `target` was taken meanwhile, the next free name is used. Returns where it went."""
        folder = target.parent
        n = 1
        while not link_or_rename(claim.path, target):
            n += 1
            target = folder / self._numbered(claim.name, n, folder)
        self.release(claim)
        return target

    def _numbered(self, name: str, n: int, folder: Path) -> str:
        """`numbered`, leaving room for `.error.txt` beside a file in failed/."""
        reserve = len(ERROR_SUFFIX) if folder == self.failed else 0
        return numbered(name, n, reserve=reserve)

    def release(self, claim: Claim) -> None:
        """Remove the claim's folder once the file has left it (it is empty: nothing is lost)."""
        with contextlib.suppress(OSError):
            claim.folder.rmdir()


ERROR_SUFFIX = ".error.txt"


def error_file(original: Path) -> Path:
    """The explanation beside a failed original: `failed/NAME.error.txt`."""
    return original.with_name(original.name + ERROR_SUFFIX)


def link_or_rename(source: Path, target: Path) -> bool:
    """Move `source` to `target` unless `target` exists; True when moved. Never replaces a file.

    Where the system can (Linux `renameat2` with RENAME_NOREPLACE on ext4, xfs, btrfs, tmpfs), one
    atomic rename that fails instead of replacing: the file has exactly one name at every instant.
    Elsewhere link + unlink, with the new name made durable (fsync of its folder) before the old one
    goes: a stop between the two leaves two names for the same bytes, which recovery recognises
    (same inode) and resolves. Last, on file systems without hard links, a checked rename."""
    moved = _rename_noreplace(source, target)
    if moved is not None:
        if moved:
            fsync_dir(target.parent)
        return moved
    try:
        os.link(source, target, follow_symlinks=False)
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV):
            raise
        if target.exists() or target.is_symlink():
            return False
        os.rename(source, target)
        fsync_dir(target.parent)
        return True
    fsync_dir(target.parent)
    os.unlink(source)
    return True


_RENAMEAT2: list[object] = []  # [function or None], looked up once


def _rename_noreplace(source: Path, target: Path) -> bool | None:
    """renameat2(RENAME_NOREPLACE): True moved, False target exists, None not supported here."""
    if not _RENAMEAT2:
        func = None
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            func = ctypes.CDLL(None, use_errno=True).renameat2
        _RENAMEAT2.append(func)
    func = _RENAMEAT2[0]
    if func is None:
        return None
    import ctypes

    at_fdcwd, rename_noreplace = -100, 1
    if func(at_fdcwd, os.fsencode(source), at_fdcwd, os.fsencode(target), rename_noreplace) == 0:  # type: ignore[operator]
        return True
    err = ctypes.get_errno()
    if err == errno.EEXIST:
        return False
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return None
    raise OSError(err, os.strerror(err), str(source))


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
