"""Reports on disk: safe names whatever the document is called, atomic writes, the index page."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_report_html import parse
from test_report_samples import make_report

from triage.report import IndexEntry, atomic_write, build_index, safe_name, write_reports

ODD_NAMES = [
    "RFP\nwith a newline.pdf",
    '"><img src=x onerror=alert(1)>.docx',
    "-rf --help.pdf",
    "caf\udce9 \udcff.pdf",  # not valid UTF-8, as os.listdir returns it
    b"caf\xe9 \xff.pdf",
    "~$RFP.docx",
    ".~lock.RFP.docx#",
    ".RFP.docx.swp",
    "RFP.pdf.crdownload",
    "tab\tand\x07bell\x00nul.txt",
    "../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "index.html",
    "index.pdf",
    "CON.docx",
    "x" * 300 + ".pdf",
    "é" * 200 + ".pdf",
    "   .pdf",
    "...",
    "",
]


@pytest.mark.parametrize("name", ODD_NAMES, ids=range(len(ODD_NAMES)))
def test_safe_name_is_a_harmless_file_name(name, tmp_path):
    safe = safe_name(name)
    assert safe and safe == safe.strip()
    assert not safe.startswith(("-", ".", " "))
    assert "/" not in safe and "\\" not in safe
    assert all(ch.isprintable() for ch in safe)
    safe.encode("utf-8")  # no surrogates
    assert len(safe.encode("utf-8")) <= 200
    assert safe.lower() not in {"index", "con", "prn", "aux", "nul"}
    assert not any(c in safe for c in "<>\"'`&;|$*?")
    # it works as a file name, with every suffix a report gets
    for suffix in (".html", ".json", ".md", ".requirements.csv"):
        (tmp_path / f"{safe}{suffix}").write_text("x")
    assert {p.parent for p in tmp_path.iterdir()} == {tmp_path}


def test_safe_name_keeps_ordinary_names_readable():
    assert safe_name("City of Springfield RFP 2024-15.pdf") == "City of Springfield RFP 2024-15"
    assert safe_name("/inbox/work/acme_portal (v2).docx") == "acme_portal (v2)"
    assert safe_name("Ausschreibung Münster.pdf") == "Ausschreibung Münster"


def test_odd_names_that_look_alike_stay_apart():
    names = ["a<b.pdf", "a>b.pdf", "a?b.pdf", "a\nb.pdf", "index.pdf", "index.docx"]
    assert len({safe_name(n) for n in names}) == len(names)
    assert safe_name("a<b.pdf") == safe_name("a<b.pdf")


def test_write_reports_writes_each_format_and_the_matrix(tmp_path):
    paths = write_reports(make_report(), tmp_path / "reports", "acme", formats=("html", "json", "md"))
    assert set(paths) == {"html", "json", "md", "csv"}
    assert paths["html"].name == "acme.html" and paths["csv"].name == "acme.requirements.csv"
    assert json.loads(paths["json"].read_text())["file"] == "acme-portal-rfp.pdf"
    html = paths["html"].read_text()
    assert 'href="acme.requirements.csv"' in html
    assert paths["md"].read_text().startswith("# ")
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == sorted(p.name for p in paths.values())


def test_write_reports_refuses_a_path_as_name(tmp_path):
    for bad in ("../evil", "a/b", "", ".."):
        with pytest.raises(ValueError):
            write_reports(make_report(), tmp_path, bad)


def test_atomic_write_replaces_whole_files_and_leaves_no_temp_files(tmp_path):
    target = tmp_path / "r.json"
    atomic_write(target, "old")
    atomic_write(target, "new" * 1000)
    assert target.read_text() == "new" * 1000
    assert os.listdir(tmp_path) == ["r.json"]


def test_a_failed_write_keeps_the_old_file_and_no_temp_file(tmp_path):
    target = tmp_path / "r.json"
    atomic_write(target, "old")

    class Boom:  # not bytes: encoding fails inside the write
        pass

    with pytest.raises(TypeError):
        atomic_write(target, Boom())  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["r.json"]


def entries() -> list[IndexEntry]:
    return [
        IndexEntry("old.pdf", "a" * 64, "2026-11-01T09:00:00+00:00", 40, "qualify_further", "government",
                   "2026-12-01", "lost", "old.html"),
        IndexEntry('"><img src=x onerror=alert(1)>.docx', "b" * 64, "2026-11-20T10:00:00Z", 81, "pursue",
                   "healthcare", None, None, "img src-x onerror-alert(1)-12345678.html"),
        IndexEntry("broken.pdf", "c" * 64, "2026-11-10T10:00:00+00:00", status="failed",
                   reason="the file is damaged and cannot be read"),
        IndexEntry("copy of old.pdf", "a" * 64, "2026-11-15T10:00:00+00:00", status="duplicate",
                   reason="same content as old.pdf", href="old.html"),
        IndexEntry("evil.pdf", "d" * 64, "2026-11-05T10:00:00+00:00", 10, "walk_away", "other",
                   href="javascript:alert(1)"),
    ]  # fmt: skip


def test_index_lists_newest_first_with_failed_and_duplicates(tmp_path):
    path = build_index(entries(), tmp_path)
    assert path == tmp_path / "index.html"
    html = path.read_text()
    text = "".join(parse(html).text)
    rows = ["".join(parse(chunk).text) for chunk in html.split("<tr class=")[1:]]
    expected = ['"><img src=x onerror=alert(1)>.docx', "copy of old.pdf", "broken.pdf", "evil.pdf", "old.pdf"]
    for row, name in zip(rows, expected, strict=True):
        assert name in row
    assert "the file is damaged and cannot be read" in text
    assert "2026-12-01" in text and "lost" in text and "Qualify further" in text
    assert "1 failed" in text and "1 already seen" in text and "3 triaged" in text
    assert os.listdir(tmp_path) == ["index.html"]


def test_index_is_escaped_and_links_only_to_local_reports(tmp_path):
    page = parse(build_index(entries(), tmp_path).read_text())
    assert "img" not in page.tags and "script" not in page.tags
    assert not any(name.startswith("on") for _, name in page.attrs)
    hrefs = [v for t, n, v in page.values if n == "href"]
    assert "old.html" in hrefs
    assert not any(":" in h or h.startswith("/") for h in hrefs)
    assert ("meta", "content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:") in page.values


def test_empty_index_says_so(tmp_path):
    assert "No document has been triaged yet" in build_index([], tmp_path).read_text()


def test_index_accepts_any_iterable(tmp_path):
    html = build_index(iter(entries()[:1]), tmp_path).read_text()
    assert "old.pdf" in html


def test_index_path_is_a_path(tmp_path):
    assert isinstance(build_index([], str(tmp_path)), Path)  # type: ignore[arg-type]


def test_index_copes_with_odd_ledger_values(tmp_path):
    odd = [
        IndexEntry("a.pdf", "1" * 64, 1_790_000_000.0, "77", "pursue"),  # epoch seconds, score as text
        IndexEntry("b.pdf", "2" * 64, "2026-11-30T12:00:00+02:00", 12.6, "walk_away"),
        IndexEntry("c.pdf", "3" * 64, None, "n/a", status="failed", reason=None),  # type: ignore[arg-type]
        IndexEntry("d\udce9\n.pdf", "4" * 64, "not a time", None),
    ]
    html = build_index(odd, tmp_path).read_text(encoding="utf-8")
    text = "".join(parse(html).text)
    assert "2026-11-30 10:00" in text and "Triaged (UTC)" in text  # shown in UTC
    assert "77" in text and "13" in text
    assert "no reason recorded" in text
    assert "d\ufffd .pdf" in text


def test_names_and_titles_that_are_not_utf8_never_break_a_report(tmp_path):
    from dataclasses import replace

    report = make_report()
    odd = replace(
        report.document, path="/inbox/caf\udce9\x1b[31m\n.pdf", metadata={"title": "bad\ud800title\x00\x07"}
    )
    report = replace(report, tagged=replace(report.tagged, document=odd))
    name = safe_name(odd.path)
    paths = write_reports(report, tmp_path, name, formats=("html", "json", "md"))
    for path in paths.values():
        text = path.read_text(encoding="utf-8")  # valid UTF-8
        assert "\x1b" not in text and "\x00" not in text and "\x07" not in text
    page = parse(paths["html"].read_text(encoding="utf-8"))
    assert "caf\ufffd [31m .pdf" in "".join(page.text)
