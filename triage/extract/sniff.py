"""What a file really is, decided from its first bytes and (for zips) its central directory, before
any parser sees it. Everything here runs in milliseconds and refuses with a plain reason.

The file name is used only to choose between plain text and Markdown and to word the message
("this .docx is really ..."); it never makes a file be parsed as something it is not.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

from triage.errors import ExtractionError, PasswordRequired, RefusedFile, UnsupportedFormat
from triage.extract import cfb
from triage.extract.limits import ExtractLimits

HEAD_BYTES = 8192
# `%PDF-1.x` may follow junk (mail gateways, bad downloads); readers accept it, and so do we in the
# first 8 KB (Acrobat looks in the first 1 KB; real files with 2 KB of junk exist)
_PDF_HEADER = re.compile(rb"%PDF-\d")
TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_WORD_MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml"

# first bytes -> what the file is, in words
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"{\\rtf", "a Rich Text Format (.rtf) file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"BM", "a bitmap image"),
    (b"RIFF", "an audio or video file"),
    (b"\x00\x00\x00\x18ftyp", "a video file"),
    (b"\x00\x00\x00\x1cftyp", "a video file"),
    (b"\x00\x00\x00\x20ftyp", "a video file"),
    (b"ID3", "an MP3 audio file"),
    (b"%!PS", "a PostScript file"),
)
_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>", re.IGNORECASE)


def sniff(path: str | os.PathLike[str], limits: ExtractLimits | None = None) -> str:
    """The format of the file at `path` ("pdf" | "docx" | "txt" | "md"), or a TriageError that says
    what the file is instead (codes: empty, too_large, wrong_type, unsupported, macro_enabled,
    legacy_word, password_protected, zip_bomb, damaged)."""
    limits = limits or ExtractLimits.from_env()
    p = Path(path)
    where = str(path)
    claimed = _claimed(p)
    try:
        size = p.stat().st_size
        with open(p, "rb") as f:
            head = f.read(HEAD_BYTES)
            if size == 0 or not head:
                raise ExtractionError(code="empty", path=where)
            if size > limits.max_bytes:
                raise RefusedFile(
                    f"the file is {size / 1e6:.0f} MB, larger than the limit of "
                    f"{limits.max_bytes / 1e6:.0f} MB",
                    path=where,
                    code="too_large",
                )
            if _PDF_HEADER.search(head):
                return "pdf"
            if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
                return _sniff_zip(p, where, claimed, limits)
            if head.startswith(cfb.MAGIC):
                return _sniff_cfb(f, where, claimed)
    except OSError as exc:
        raise ExtractionError(f"the file cannot be read ({exc.strerror or exc})", path=where) from exc

    if _HTML.search(head[:2048]):
        raise ExtractionError(
            (f"this {claimed} is really" if claimed else "this is")
            + " an HTML web page, not a document; save the page as PDF (Print > Save as PDF) or "
            "download the RFP document it links to",
            path=where,
            code="wrong_type",
        )
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise _wrong(where, claimed, what)
    if head.lstrip().startswith(b"<?xml"):
        raise _wrong(where, claimed, "an XML file")
    if _looks_like_text(head):
        kind = TEXT_SUFFIXES.get(p.suffix.lower())
        if kind:
            return kind
        if claimed:
            raise _wrong(where, claimed, "a plain-text file", "rename it to .txt if it holds the RFP text")
        raise UnsupportedFormat(
            "this is a text file without a .txt or .md name; rename it to .txt to read it", path=where
        )
    if claimed:
        raise ExtractionError(
            f"this {claimed} is not a readable {claimed} file: its content is no known kind of document "
            "(it may be damaged, incomplete or not a document at all)",
            path=where,
            code="wrong_type",
        )
    raise UnsupportedFormat(
        "this is no known kind of document; triage reads PDF, DOCX, TXT and MD", path=where
    )


def _claimed(p: Path) -> str:
    """The format the name claims, for messages: ".pdf", ".docx", ... or "" for other names."""
    suffix = p.suffix.lower()
    return suffix if suffix in (".pdf", ".docx", ".doc", ".docm", *TEXT_SUFFIXES) else ""


def _wrong(where: str, claimed: str, what: str, advice: str = "") -> ExtractionError:
    tail = f"; {advice}" if advice else ""
    if claimed:
        return ExtractionError(
            f"this {claimed} is really {what}, not a {claimed} file{tail}", path=where, code="wrong_type"
        )
    return UnsupportedFormat(f"this is {what}; triage reads PDF, DOCX, TXT and MD{tail}", path=where)


def _looks_like_text(head: bytes) -> bool:
    """UTF-8 / UTF-16 with a byte-order mark, or bytes that are almost all printable."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut by the end of the sample
            return True
    printable = sum(1 for b in head if b >= 0x20 or b in (9, 10, 12, 13))
    return printable / len(head) >= 0.95


def _sniff_cfb(f, where: str, claimed: str) -> str:
    names = cfb.stream_names(f)
    if "EncryptionInfo" in names or "EncryptedPackage" in names:
        raise PasswordRequired(
            "the Office file is password-protected (encrypted); open it, remove the password "
            "(File > Info > Protect Document) and save it again",
            path=where,
        )
    if "WordDocument" in names:
        what = f"this {claimed} is really" if claimed and claimed != ".doc" else "this is"
        raise ExtractionError(
            f"{what} a legacy Word 97-2003 .doc file; open it in Word or LibreOffice and save it as "
            ".docx (or run `libreoffice --headless --convert-to docx FILE`)",
            path=where,
            code="legacy_word",
        )
    if "Workbook" in names or "Book" in names:
        raise _wrong(where, claimed, "a legacy Excel 97-2003 workbook (.xls)")
    if "PowerPoint Document" in names:
        raise _wrong(where, claimed, "a legacy PowerPoint 97-2003 presentation (.ppt)")
    raise _wrong(where, claimed, "an Office/OLE container of an unknown kind (such as an .msg mail)")


def _sniff_zip(p: Path, where: str, claimed: str, limits: ExtractLimits) -> str:
    try:
        with zipfile.ZipFile(p) as z:
            infos = z.infolist()
            _check_zip_sizes(infos, where, limits)
            names = {i.filename for i in infos}
            types = ""
            if "[Content_Types].xml" in names:
                info = z.getinfo("[Content_Types].xml")
                if info.file_size > 1024 * 1024:
                    raise RefusedFile("its content-type list is absurdly large", path=where, code="damaged")
                types = z.read(info).decode("utf-8", "replace")
            rels = ""
            if "_rels/.rels" in names and z.getinfo("_rels/.rels").file_size < 1024 * 1024:
                rels = z.read("_rels/.rels").decode("utf-8", "replace")
    except zipfile.BadZipFile as exc:
        raise ExtractionError(
            f"the file is damaged: it starts like a zip archive but cannot be opened ({exc}); "
            "it may have been cut short while downloading",
            path=where,
        ) from exc
    except (RuntimeError, NotImplementedError, ValueError, EOFError) as exc:  # encrypted or odd zips
        raise ExtractionError(f"the zip archive cannot be read ({exc})", path=where) from exc

    if _WORD_MACRO in types:
        raise ExtractionError(
            (f"this {claimed} is really" if claimed and claimed != ".docm" else "this is")
            + " a macro-enabled Word file (.docm); open it in Word and save it as a plain .docx",
            path=where,
            code="macro_enabled",
        )
    if "word/document.xml" in names and (_WORD_MAIN in types or "wordprocessingml" in types):
        return "docx"
    if "wordprocessingml" in types or "word/document.xml" in rels or "word/document.xml" in names:
        raise ExtractionError(
            "the Word file is damaged: its main part (word/document.xml) is missing or unreadable",
            path=where,
        )
    if "spreadsheetml" in types or "xl/workbook.xml" in names:
        raise _wrong(where, claimed, "an Excel workbook (.xlsx)")
    if "presentationml" in types or "ppt/presentation.xml" in names:
        raise _wrong(where, claimed, "a PowerPoint presentation (.pptx)")
    if "mimetype" in names:
        raise _wrong(where, claimed, "an OpenDocument file (LibreOffice)", "save it as .docx or PDF")
    raise _wrong(where, claimed, "a zip archive", "unpack it and drop the documents inside")


def _check_zip_sizes(infos: list[zipfile.ZipInfo], where: str, limits: ExtractLimits) -> None:
    """Refuse a zip whose central directory declares more than the limits allow (a zip bomb)."""
    if len(infos) > limits.max_zip_entries:
        raise RefusedFile(
            f"the zip holds {len(infos):,} entries, more than the limit of {limits.max_zip_entries:,}",
            path=where,
            code="zip_bomb",
        )
    total = 0
    for info in infos:
        total += info.file_size
        xml = info.filename.lower().endswith((".xml", ".rels"))
        big = info.file_size > (limits.max_zip_xml if xml else limits.max_zip_member)
        ratio = info.file_size / max(info.compress_size, 1)
        if big or (info.file_size > limits.zip_ratio_floor and ratio > limits.max_zip_ratio):
            raise RefusedFile(
                f"the part {info.filename!r} expands from {info.compress_size / 1e6:.1f} MB to "
                f"{info.file_size / 1e6:.0f} MB (a zip bomb); refused before reading",
                path=where,
                code="zip_bomb",
            )
    if total > limits.max_zip_total:
        raise RefusedFile(
            f"the zip expands to {total / 1e6:.0f} MB, more than the limit of "
            f"{limits.max_zip_total / 1e6:.0f} MB (a zip bomb); refused before reading",
            path=where,
            code="zip_bomb",
        )
