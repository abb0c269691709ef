"""Names of the streams in a Compound File Binary (OLE2) container, read from its directory.

Legacy Office files (.doc, .xls, .ppt) and password-protected OOXML files (an `EncryptionInfo` and an
`EncryptedPackage` stream) are CFB containers. Telling them apart needs only the directory, a chain
of 128-byte entries; this reads it with bounded work and never looks at the stream contents.
See [MS-CFB] sections 2.2 (header), 2.3 (FAT) and 2.6 (directory entries).
"""

from __future__ import annotations

import struct
from typing import BinaryIO

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE_OR_END = 0xFFFFFFFA  # every sector number at or above this is a marker, not a sector
_MAX_DIR_SECTORS = 4_096  # bounds the work on a looping or absurd directory chain
_KNOWN = ("WordDocument", "EncryptionInfo", "EncryptedPackage", "Workbook", "Book", "PowerPoint Document")


def stream_names(f: BinaryIO) -> set[str]:
    """The names of the storages and streams in the CFB file `f` (positioned anywhere).

    Falls back to looking for the well-known stream names in the first megabyte if the directory
    cannot be followed (a damaged container still says what it was meant to be)."""
    try:
        names = _directory_names(f)
        if names:
            return names
    except (struct.error, ValueError, OSError, IndexError):
        pass
    f.seek(0)
    head = f.read(1024 * 1024)
    return {name for name in _KNOWN if name.encode("utf-16-le") in head}


def _directory_names(f: BinaryIO) -> set[str]:
    f.seek(0)
    header = f.read(512)
    if len(header) < 512 or header[:8] != MAGIC:
        raise ValueError("not a CFB header")
    sector_shift = struct.unpack_from("<H", header, 0x1E)[0]
    if sector_shift not in (9, 12):
        raise ValueError("bad sector size")
    size = 1 << sector_shift
    per_sector = size // 4
    first_dir = struct.unpack_from("<I", header, 0x30)[0]
    first_difat, n_difat = struct.unpack_from("<II", header, 0x44)
    fat_sectors = [s for s in struct.unpack_from("<109I", header, 0x4C) if s < _FREE_OR_END]
    seen: set[int] = set()
    sector = first_difat
    for _ in range(min(n_difat, 1_000)):
        if sector >= _FREE_OR_END or sector in seen:
            break
        seen.add(sector)
        entries = struct.unpack(f"<{per_sector}I", _read_sector(f, sector, size))
        fat_sectors.extend(s for s in entries[:-1] if s < _FREE_OR_END)
        sector = entries[-1]

    fat_cache: dict[int, tuple[int, ...]] = {}

    def next_sector(s: int) -> int:
        index = s // per_sector
        if index >= len(fat_sectors):
            return _FREE_OR_END
        if index not in fat_cache:
            fat_cache[index] = struct.unpack(f"<{per_sector}I", _read_sector(f, fat_sectors[index], size))
        return fat_cache[index][s % per_sector]

    names: set[str] = set()
    visited: set[int] = set()
    sector = first_dir
    while sector < _FREE_OR_END and sector not in visited and len(visited) < _MAX_DIR_SECTORS:
        visited.add(sector)
        data = _read_sector(f, sector, size)
        for off in range(0, size, 128):
            entry = data[off : off + 128]
            name_len = struct.unpack_from("<H", entry, 0x40)[0]
            kind = entry[0x42]
            if kind in (1, 2, 5) and 2 <= name_len <= 64:
                names.add(entry[: name_len - 2].decode("utf-16-le", "replace"))
        sector = next_sector(sector)
    return names


def _read_sector(f: BinaryIO, sector: int, size: int) -> bytes:
    f.seek((sector + 1) * size)
    data = f.read(size)
    if len(data) < size:
        raise ValueError("sector past the end of the file")
    return data
