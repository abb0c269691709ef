"""`triage score` as a user meets it: JSON Lines in the order given, report files with --out, one
error line per bad file and the rest still scored, exit 1 when any failed.

The model and the pipeline are replaced by fakes that build fit reports by hand, so this needs no
trained model and no spaCy; what is tested is the command around them."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest
from test_report_samples import make_report

import triage.pipeline
import triage.score
from triage.cli import main
from triage.errors import ExtractionError, ModelError, PasswordRequired


class FakeModel:
    def __init__(self, directory):
        self.directory = directory


@pytest.fixture
def fakes(monkeypatch):
    """Replace load_model and triage_path; record how they were called."""
    calls = {"load": [], "triage": []}

    def load_model(directory=None):
        calls["load"].append(directory)
        return FakeModel(directory)

    def triage_path(path, model, *, password=None, limits=None):
        calls["triage"].append((Path(path).name, model, password))
        data = Path(path).read_bytes()
        if b"DAMAGED" in data:
            raise ExtractionError(path=str(path), code="damaged")
        if b"LOCKED" in data and password != "s3cret":
            raise PasswordRequired(path=str(path))
        if b"BUG" in data:
            raise RuntimeError("parser fell over")
        report = make_report()
        document = replace(report.document, path=str(path), sha256=hashlib.sha256(data).hexdigest())
        return replace(report, tagged=replace(report.tagged, document=document), score=len(data) % 101)

    monkeypatch.setattr(triage.score, "load_model", load_model)
    monkeypatch.setattr(triage.pipeline, "triage_path", triage_path)
    return calls


def files(tmp_path: Path, **contents: str) -> list[str]:
    out = []
    for name, text in contents.items():
        path = tmp_path / name.replace("_", ".")
        path.write_text(text)
        out.append(str(path))
    return out


def test_json_lines_in_the_order_given_and_the_model_loaded_once(fakes, tmp_path, capsys):
    paths = files(tmp_path, b_pdf="b" * 10, a_pdf="a" * 20, c_docx="c" * 30)
    assert main(["score", *paths]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert [json.loads(x)["file"] for x in lines] == ["b.pdf", "a.pdf", "c.docx"]
    assert [json.loads(x)["score"] for x in lines] == [10, 20, 30]
    assert out.err == ""
    assert fakes["load"] == [None]
    assert len({id(model) for _, model, _ in fakes["triage"]}) == 1


def test_a_bad_file_gets_one_error_line_and_the_rest_continue(fakes, tmp_path, capsys):
    paths = files(tmp_path, good1_pdf="x", bad_pdf="DAMAGED", bug_pdf="BUG", good2_pdf="yy")
    missing = str(tmp_path / "missing.pdf")
    assert main(["score", paths[0], paths[1], missing, paths[2], paths[3]]) == 1
    out = capsys.readouterr()
    assert [json.loads(x)["file"] for x in out.out.splitlines()] == ["good1.pdf", "good2.pdf"]
    errors = out.err.splitlines()
    assert errors == [
        f"triage: error: {paths[1]}: the file is damaged and cannot be read",
        f"triage: error: {missing}: no such file",
        f"triage: error: {paths[2]}: unexpected error (RuntimeError: parser fell over)",
    ]


def test_a_hostile_file_name_stays_on_one_error_line(fakes, tmp_path, capsys):
    path = tmp_path / "evil\nname.pdf"
    path.write_text("DAMAGED")
    assert main(["score", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("triage: error: ")


def test_password_is_passed_to_the_pipeline(fakes, tmp_path, capsys):
    paths = files(tmp_path, locked_pdf="LOCKED")
    assert main(["score", *paths]) == 1
    assert "password-protected" in capsys.readouterr().err
    assert main(["score", *paths, "--password", "s3cret"]) == 0
    assert json.loads(capsys.readouterr().out)["file"] == "locked.pdf"


def test_model_directory_is_used(fakes, tmp_path, capsys):
    paths = files(tmp_path, a_pdf="a")
    assert main(["score", *paths, "--model", str(tmp_path / "m")]) == 0
    assert fakes["load"] == [tmp_path / "m"]


def test_a_model_that_cannot_load_is_one_error_and_exit_1(monkeypatch, tmp_path, capsys):
    def load_model(directory=None):
        raise ModelError("no model in models/x; train one", path="models/x")

    monkeypatch.setattr(triage.score, "load_model", load_model)
    assert main(["score", *files(tmp_path, a_pdf="a")]) == 1
    assert capsys.readouterr().err == "triage: error: models/x: no model in models/x; train one\n"


def test_out_writes_one_report_per_document_and_format(fakes, tmp_path, capsys):
    paths = files(tmp_path, acme_pdf="a", acme_docx="b", other_pdf="DAMAGED")
    out_dir = tmp_path / "reports"
    assert main(["score", *paths, "--format", "html", "--out", str(out_dir)]) == 1
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 2 and all(Path(p).is_file() for p in printed)
    names = sorted(p.name for p in out_dir.iterdir())
    assert len([n for n in names if n.endswith(".html")]) == 2  # same stem, two reports
    assert len([n for n in names if n.endswith(".requirements.csv")]) == 2
    assert "acme.html" in names
    assert "<mark>" in (out_dir / "acme.html").read_text()


def test_out_with_json_writes_the_json_report(fakes, tmp_path, capsys):
    paths = files(tmp_path, acme_pdf="abc")
    assert main(["score", *paths, "--out", str(tmp_path / "r")]) == 0
    data = json.loads((tmp_path / "r" / "acme.json").read_text())
    assert data["file"] == "acme.pdf" and data["score"] == 3


def test_out_that_is_a_file_is_one_usage_error_and_the_file_is_kept(fakes, tmp_path, capsys):
    paths = files(tmp_path, acme_pdf="abc")
    taken = tmp_path / "notes.txt"
    taken.write_text("mine")
    assert main(["score", *paths, "--out", str(taken)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"triage: error: cannot write reports into {taken}: ")
    assert taken.read_text() == "mine" and fakes["triage"] == []


def test_markdown_on_standard_output(fakes, tmp_path, capsys):
    assert main(["score", *files(tmp_path, a_pdf="a"), "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Customer portal RFP") and "**Fit score: 1 / 100**" in out


def test_help_shows_examples(capsys):
    with pytest.raises(SystemExit):
        main(["score", "--help"])
    out = capsys.readouterr().out
    assert "--format" in out and "examples:" in out and "--out DIR" in out


def test_no_file_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["score"])
    assert exc.value.code == 2


@pytest.fixture(scope="module")
def trained_model(tmp_path_factory) -> Path:
    """A real fit model trained on the score stage's synthetic deals (a few seconds)."""
    from triage.score import save_model, train
    from triage.score.testing import synthetic_deals

    directory = tmp_path_factory.mktemp("model")
    deals = [(doc, won) for doc, won, _ in synthetic_deals(120, 0)]
    save_model(train(deals, cross_validate=False, source="test"), directory)
    return directory


@pytest.mark.slow
def test_end_to_end_with_the_real_pipeline(trained_model, tmp_path):
    """The real extraction, tagger and model behind `triage score`, in a child process."""
    import subprocess
    import sys

    rfp = tmp_path / "partner-portal.txt"
    rfp.write_text(
        "Request for Proposal: Partner Portal\n\n"
        "The portal shall integrate with SAP and Salesforce.\n"
        "Users must sign in with single sign-on (SAML).\n"
        '<script>alert(1)</script> "><img src=x onerror=alert(1)>\n'
    )
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    out = tmp_path / "reports"
    result = subprocess.run(
        [sys.executable, "-m", "triage", "score", str(rfp), str(empty), "--model", str(trained_model),
         "--format", "html", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith(f"triage: error: {empty}: ") and result.stderr.count("\n") == 1
    assert result.stdout.strip() == str(out / "partner-portal.html")
    html = (out / "partner-portal.html").read_text()
    assert "<mark>" in html and "<script>" not in html and "&lt;script&gt;" in html
    assert "Integration" in html and "Access control" in html
    matrix = (out / "partner-portal.requirements.csv").read_text()
    assert "integration" in matrix and "access_control" in matrix
