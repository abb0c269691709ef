"""`triage train` and `triage evaluate`, and the deals they read (CSV or won/ + lost/ folders).

Extraction and tagging are replaced by hand-built tagged documents (keyed by file), so these tests
need neither spaCy nor real RFPs; test_train_e2e.py runs the real stages."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest

from triage.cli import main
from triage.errors import ExtractionError, TrainingError
from triage.score import data as score_data
from triage.score import load_model
from triage.score.data import load_deals
from triage.score.testing import synthetic_deals


def write_csv(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A folder of 45 deal files with deals.csv (with p_win), whose 'extraction and tagging' returns
    hand-built tagged documents; deal-0007 cannot be read."""
    deals = synthetic_deals(45, seed=11)
    docs_dir = tmp_path / "deals" / "docs"
    docs_dir.mkdir(parents=True)
    by_path, rows = {}, []
    for i, (doc, _, p) in enumerate(deals):
        file = docs_dir / f"deal-{i:04d}.txt"
        file.write_text(" ".join(s.sentence for s in doc.spans) or "empty")
        by_path[str(file.resolve())] = doc
        # outcome follows the fit (p > 0.5), so that the model has something clear to learn
        rows.append(
            {"path": f"docs/{file.name}", "outcome": "won" if p > 0.5 else "lost", "p_win": f"{p:.4f}"}
        )

    def fake_extract_and_tag(sha256, code, path):
        if path.endswith("deal-0007.txt"):
            raise ExtractionError("the file is damaged and cannot be read")
        return by_path[path]

    monkeypatch.setattr(score_data, "extract_and_tag", fake_extract_and_tag)
    monkeypatch.setenv("TRIAGE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("TRIAGE_MODEL", str(tmp_path / "no-default-model"))
    return write_csv(tmp_path / "deals" / "deals.csv", rows)


# --- loading deals -------------------------------------------------------------------------


def test_a_csv_naming_missing_files_says_which(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-")
    rows = [{"path": "a.pdf", "outcome": "won"}] + [
        {"path": f"gone-{i}.pdf", "outcome": "lost"} for i in range(5)
    ]
    with pytest.raises(
        TrainingError,
        match=r"5 files named in deals.csv are missing .*gone-0.pdf, gone-1.pdf, gone-2.pdf and 2 more",
    ):
        load_deals(write_csv(tmp_path / "deals.csv", rows))


def test_a_csv_needs_path_and_outcome_won_or_lost(tmp_path):
    with pytest.raises(TrainingError, match="needs the columns path and outcome"):
        load_deals(write_csv(tmp_path / "a.csv", [{"file": "x.pdf", "result": "won"}]))
    (tmp_path / "x.pdf").write_bytes(b"%PDF-")
    with pytest.raises(TrainingError, match=r"line 2: 'maybe'"):
        load_deals(write_csv(tmp_path / "b.csv", [{"path": "x.pdf", "outcome": "maybe"}]))


def test_open_deals_are_left_out_and_paths_are_relative_to_the_csv(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.pdf").write_bytes(b"%PDF-")
    rows = [{"path": "sub/x.pdf", "outcome": "Won"}, {"path": "sub/x.pdf", "outcome": ""}]
    deals = load_deals(write_csv(tmp_path / "deals.csv", rows))
    assert [(d.path, d.won) for d in deals] == [((tmp_path / "sub" / "x.pdf").resolve(), True)]


def test_a_folder_with_won_and_lost(tmp_path):
    for sub, names in (("won", ["a.pdf", "b.docx"]), ("lost", ["c.md", "notes.xlsx"])):
        (tmp_path / sub).mkdir()
        for n in names:
            (tmp_path / sub / n).write_text("x")
    deals = load_deals(tmp_path)
    assert sorted((d.path.name, d.won) for d in deals) == [("a.pdf", True), ("b.docx", True), ("c.md", False)]
    with pytest.raises(TrainingError, match="neither a won/ nor a lost/"):
        load_deals(tmp_path / "won")


# --- the commands ----------------------------------------------------------------------------


def test_train_writes_a_model_and_skips_unreadable_files(corpus, tmp_path, capsys):
    out = tmp_path / "model"
    assert main(["train", str(corpus), "--out", str(out), "--folds", "3"]) == 0
    captured = capsys.readouterr()
    assert "deal-0007.txt: the file is damaged" in captured.err
    assert "Trained on 44 deals" in captured.out
    model = load_model(out)
    assert model.info.trained_on == 44
    assert json.loads((out / "model.json").read_text())["source"] == str(corpus)


def test_retraining_replaces_a_model_only_when_not_worse(corpus, tmp_path, capsys):
    out = tmp_path / "model"
    assert main(["train", str(corpus), "--out", str(out), "--folds", "3"]) == 0
    first = load_model(out).info.version
    capsys.readouterr()
    # The same deals again: not worse than the previous model's own cross-validated figures
    assert main(["train", str(corpus), "--out", str(out), "--folds", "3"]) == 0
    assert "own cross-validated figures" in capsys.readouterr().out
    card = json.loads((out / "model.json").read_text())
    assert card["comparison"]["replace"] and card["comparison"]["old"]["version"] == first
    assert "What changed" in (out / "MODEL_CARD.md").read_text()
    second = card["version"]

    # The same documents with the outcomes shuffled (a mislabelled export): worse, kept unless --force
    with open(corpus) as fh:
        rows = list(csv.DictReader(fh))
    outcomes = [r["outcome"] for r in rows]
    random.Random(1).shuffle(outcomes)
    shuffled = write_csv(
        corpus.parent / "shuffled.csv", [{**r, "outcome": o} for r, o in zip(rows, outcomes, strict=True)]
    )
    assert main(["train", str(shuffled), "--out", str(out), "--folds", "3"]) == 1
    captured = capsys.readouterr()
    assert "worse than the previous model" in captured.out and "use --force" in captured.err
    assert load_model(out).info.version == second
    assert main(["train", str(shuffled), "--out", str(out), "--folds", "3", "--force"]) == 0
    assert load_model(out).info.version != second
    assert "Replaced anyway (--force)" in (out / "MODEL_CARD.md").read_text()


def test_train_refuses_too_few_deals(corpus, tmp_path, capsys):
    with open(corpus) as fh:
        rows = list(csv.DictReader(fh))[:12]
    small = write_csv(corpus.parent / "small.csv", rows)
    assert main(["train", str(small), "--out", str(tmp_path / "m")]) == 1
    err = capsys.readouterr().err
    assert "too few to train on" in err and "more deals" in err
    assert not (tmp_path / "m").exists()


def test_evaluate_prints_the_model_beside_the_baseline_and_bayes(corpus, capsys):
    assert main(["evaluate", str(corpus), "--folds", "3"]) == 0
    out = capsys.readouterr().out
    for row in (
        "triage model (CV)",
        "TF-IDF + logistic regression (CV)",
        "Bayes-optimal (true p_win)",
        "share won",
    ):
        assert row in out
    assert main(["evaluate", str(corpus), "--folds", "3", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["deals"] == 44 and result["folds"] == 3
    assert 0 <= result["results"]["triage model (CV)"]["brier"] <= 1


def test_from_ledger_without_a_ledger_is_a_clear_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code = main(["train", "--from-ledger", "--out", str(tmp_path / "m")])
    assert code == 2
    assert "no ledger at triage.sqlite; use --from-ledger INBOX" in capsys.readouterr().err


def test_train_from_the_ledger_of_an_inbox(corpus, tmp_path, capsys):
    ledger_module = pytest.importorskip("triage.inbox.ledger")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with open(corpus) as fh:
        rows = list(csv.DictReader(fh))
    with ledger_module.Ledger(ledger_module.default_ledger_path(inbox)) as ledger:
        for i, row in enumerate(rows):
            stored = corpus.parent / row["path"]
            added = ledger.add(
                sha256=f"{i:064x}", name=stored.name, status="done", received_at=0.0, stored_path=stored
            )
            ledger.record_outcome(f"{i:064x}", row["outcome"])
            assert added.id
    out = tmp_path / "model"
    assert main(["train", "--from-ledger", str(inbox), "--out", str(out), "--folds", "3"]) == 0
    assert "Trained on 44 deals" in capsys.readouterr().out
    assert load_model(out).info.trained_on == 44
