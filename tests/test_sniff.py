"""The checks before any parser: the real type from the first bytes and the zip / CFB directories,
never from the name; limits; refusals with a reason code and a message that says what the file is."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from triage.errors import TriageError
from triage.extract import ExtractLimits, cfb, extract, sniff


def make_cfb(*streams: str) -> bytes:
    """A minimal Compound File Binary container (one FAT sector, one directory sector) whose
    directory holds a root entry and the named streams."""
    end, free, fat_mark = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    header = bytearray(512)
    header[:8] = cfb.MAGIC
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 0x28, 0, 1, 1, 0, 4096, end, 0, end, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([free] * 108))
    fat = struct.pack("<128I", fat_mark, end, *([free] * 126))
    directory = bytearray()
    for kind, name in [(5, "Root Entry"), *((2, s) for s in streams)]:
        entry = bytearray(128)
        raw = name.encode("utf-16-le") + b"\x00\x00"
        entry[: len(raw)] = raw
        struct.pack_into("<HB", entry, 0x40, len(raw), kind)
        directory += entry
    directory += b"\x00" * (512 - len(directory))
    return bytes(header) + fat + bytes(directory)


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/word/document.xml" ContentType="{}"/></Types>'
)
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def code_of(path: Path, limits: ExtractLimits | None = None) -> tuple[str, str]:
    with pytest.raises(TriageError) as err:
        sniff(path, limits)
    return err.value.code, err.value.message


def test_cfb_directory_is_read() -> None:
    names = cfb._directory_names(io.BytesIO(make_cfb("WordDocument", "1Table")))
    assert {"Root Entry", "WordDocument", "1Table"} <= names


def test_legacy_doc_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "tender.docx"
    path.write_bytes(make_cfb("WordDocument", "1Table"))
    code, message = code_of(path)
    assert code == "legacy_word"
    assert "this .docx is really a legacy Word 97-2003 .doc file" in message


def test_encrypted_ooxml(tmp_path: Path) -> None:
    path = tmp_path / "tender.docx"
    path.write_bytes(make_cfb("EncryptionInfo", "EncryptedPackage"))
    code, message = code_of(path)
    assert code == "password_protected" and "password" in message


def test_docm_renamed_docx(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "macro.docx",
        {"[Content_Types].xml": CONTENT_TYPES.format(DOCM_MAIN).encode(), "word/document.xml": b"<w/>"},
    )
    code, message = code_of(path)
    assert code == "macro_enabled" and ".docm" in message


def test_docx_missing_main_part(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "broken.docx", {"[Content_Types].xml": CONTENT_TYPES.format(DOCX_MAIN).encode()}
    )
    assert code_of(path)[0] == "damaged"


def test_zip_bomb_refused_from_central_directory(tmp_path: Path) -> None:
    """A small zip whose document.xml expands 1000:1 is refused without being decompressed."""
    path = make_zip(
        tmp_path / "bomb.docx",
        {
            "[Content_Types].xml": CONTENT_TYPES.format(DOCX_MAIN).encode(),
            "word/document.xml": b"<w:p/>" * 3_000_000,  # 18 MB of one repeated tag
        },
    )
    assert path.stat().st_size < 200_000
    code, message = code_of(path)
    assert code == "zip_bomb" and "word/document.xml" in message
    with pytest.raises(TriageError) as err:
        extract(path)
    assert err.value.code == "zip_bomb"


def test_zip_entry_count_and_total_limits(tmp_path: Path) -> None:
    members = {f"word/media/{i}.txt": b"x" for i in range(30)}
    members["[Content_Types].xml"] = CONTENT_TYPES.format(DOCX_MAIN).encode()
    path = make_zip(tmp_path / "many.docx", members)
    assert code_of(path, ExtractLimits(max_zip_entries=20))[0] == "zip_bomb"
    assert code_of(path, ExtractLimits(max_zip_total=10))[0] == "zip_bomb"


def test_other_zips_say_what_they_are(tmp_path: Path) -> None:
    xlsx = make_zip(tmp_path / "prices.docx", {"xl/workbook.xml": b"<x/>"})
    assert code_of(xlsx) == ("wrong_type", code_of(xlsx)[1])
    assert "Excel" in code_of(xlsx)[1]
    plain = make_zip(tmp_path / "bundle.zip", {"a.pdf": b"%PDF-1.4"})
    code, message = code_of(plain)
    assert code == "unsupported" and "zip archive" in message


def test_pdf_by_content_not_name(tmp_path: Path) -> None:
    (tmp_path / "rfp.docx").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    assert sniff(tmp_path / "rfp.docx") == "pdf"
    (tmp_path / "junk.pdf").write_bytes(b"X-Mailer-Junk: " + b"=" * 900 + b"\n%PDF-1.4\n")
    assert sniff(tmp_path / "junk.pdf") == "pdf"
    (tmp_path / "notes.txt").write_text('The file mentions "%PDF header" but is text')
    assert sniff(tmp_path / "notes.txt") == "txt"


def test_html_saved_as_pdf(tmp_path: Path) -> None:
    (tmp_path / "rfp.pdf").write_text("<!DOCTYPE html>\n<html><head><title>404</title></head></html>")
    code, message = code_of(tmp_path / "rfp.pdf")
    assert code == "wrong_type" and "HTML" in message and ".pdf" in message


def test_empty_and_too_large(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert code_of(tmp_path / "empty.pdf")[0] == "empty"
    (tmp_path / "big.txt").write_text("word " * 1000)
    assert code_of(tmp_path / "big.txt", ExtractLimits(max_bytes=100))[0] == "too_large"


def test_images_and_binaries_are_named(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    code, message = code_of(tmp_path / "scan.pdf")
    assert code == "wrong_type" and "PNG image" in message
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    code, message = code_of(tmp_path / "photo.jpg")
    assert code == "unsupported" and "JPEG" in message
    (tmp_path / "noise.pdf").write_bytes(bytes(range(256)) * 10)
    assert code_of(tmp_path / "noise.pdf")[0] == "wrong_type"


def test_text_by_name(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# Title\n")
    (tmp_path / "b.TXT").write_text("hello\n")
    (tmp_path / "c.csv").write_text("a,b\n")
    (tmp_path / "d.pdf").write_text("just some text\n")
    assert sniff(tmp_path / "a.md") == "md"
    assert sniff(tmp_path / "b.TXT") == "txt"
    assert code_of(tmp_path / "c.csv")[0] == "unsupported"
    code, message = code_of(tmp_path / "d.pdf")
    assert code == "wrong_type" and "plain-text" in message


def test_real_docx_is_docx_under_any_name(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("The portal shall support SSO.")
    d.save(str(tmp_path / "rfp.pdf"))
    assert sniff(tmp_path / "rfp.pdf") == "docx"
    assert extract(tmp_path / "rfp.pdf").passages[0].text == "The portal shall support SSO."


def test_large_xml_part_refused_even_at_a_modest_ratio(tmp_path: Path) -> None:
    import os

    path = make_zip(
        tmp_path / "huge.docx",
        {
            "[Content_Types].xml": CONTENT_TYPES.format(DOCX_MAIN).encode(),
            "word/document.xml": os.urandom(2048),
        },
    )
    assert sniff(path) == "docx"
    code, message = code_of(path, ExtractLimits(max_zip_xml=1024))
    assert code == "zip_bomb" and "word/document.xml" in message


def test_limits_from_the_environment_apply_to_every_command(tmp_path, monkeypatch):
    from triage.errors import TriageError
    from triage.extract import extract

    path = tmp_path / "notes.txt"
    path.write_text("The portal shall support single sign-on for 40,000 members.\n" * 50)
    monkeypatch.setenv("TRIAGE_MAX_BYTES", "100")
    with pytest.raises(TriageError) as caught:
        extract(path)
    assert caught.value.code == "too_large"
    monkeypatch.delenv("TRIAGE_MAX_BYTES")
    assert extract(path).passages
