"""Which names the inbox leaves alone, and how any name is shown safely."""

from __future__ import annotations

import os

import pytest

from triage.inbox.names import display_name, is_ignored, numbered


@pytest.mark.parametrize(
    "name",
    [
        "~$RFP.docx",
        ".~lock.RFP.docx#",
        ".RFP.docx.swp",
        ".hidden.pdf",
        "RFP.pdf.crdownload",
        "RFP.PDF.PART",
        "report.tmp",
        "notes.txt~",
        "#draft.md#",
        "Thumbs.db",
        "triage.sqlite",
        "triage.sqlite-wal",
        "triage.log",
    ],
)
def test_temp_hidden_and_own_files_are_ignored(name: str):
    assert is_ignored(name)


@pytest.mark.parametrize(
    "name",
    ["RFP.pdf", "rfp.docx", "notes.md", "-rf --help.pdf", '"><img src=x onerror=alert(1)>.docx', "part.pdf"],
)
def test_documents_are_not_ignored(name: str):
    assert not is_ignored(name)


def test_display_name_is_one_printable_line_for_any_name():
    assert display_name("evil\nname.pdf") == "evil\\nname.pdf"
    assert display_name("a\tb\x1b[31m.pdf") == "a\\tb\\x1b[31m.pdf"
    assert display_name(os.fsdecode(b"caf\xe9.pdf")) == "caf\\xe9.pdf"
    assert display_name(b"caf\xe9.pdf") == "caf\\xe9.pdf"
    assert display_name("café.pdf") == "café.pdf"
    assert display_name("line\u2028sep") == "line\\u2028sep"
    for name in ["evil\nname.pdf", os.fsdecode(b"\xff\xfe"), "\x00"]:
        display_name(name).encode("utf-8")  # never a lone surrogate


def test_numbered_alternatives_keep_the_extension():
    assert numbered("rfp.pdf", 1) == "rfp.pdf"
    assert numbered("rfp.pdf", 2) == "rfp (2).pdf"
    assert numbered("archive.tar.gz", 3) == "archive.tar (3).gz"
    assert numbered("README", 2) == "README (2)"


def test_numbered_alternatives_of_a_long_name_fit_in_a_file_name():
    long = "x" * 251 + ".pdf"  # 255 bytes: the most a file system allows
    assert numbered(long, 1) == long
    second = numbered(long, 2)
    assert second == "x" * 247 + " (2).pdf" and len(second) == 255
    accents = "é" * 126 + ".docx"  # 257 bytes in UTF-8: each é is two
    assert all(len(os.fsencode(numbered(accents, n))) <= 255 for n in (1, 2, 100))
    assert numbered(accents, 2).endswith("é (2).docx")
    failed = numbered(long, 1, reserve=len(".error.txt"))
    assert len(failed) == 245 and failed.endswith("x.pdf")
