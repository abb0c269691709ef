"""The synthetic seed-deal generator (scripts/make_corpus.py): deterministic, readable files, sane CSV."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import make_corpus  # noqa: E402

N = 12


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny corpus: 12 deals of at most 4 pages."""
    out = tmp_path_factory.mktemp("corpus")
    return make_corpus.generate(out, n=N, seed=11, max_pages=4)


def rows_of(csv_path: Path) -> list[dict[str, str]]:
    with csv_path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_csv_has_the_promised_columns_and_one_row_per_deal(corpus: Path) -> None:
    with corpus.open(newline="", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header == [
        "path", "outcome", "closed", "value", "vertical", "p_win", "complexity", "security", "enterprise", "walkaway",
    ]  # fmt: skip
    rows = rows_of(corpus)
    assert len(rows) == N
    assert {r["outcome"] for r in rows} == {"won", "lost"}
    assert all(0.0 < float(r["p_win"]) < 1.0 for r in rows)
    assert all(r["vertical"] in make_corpus.VERTICAL_WEIGHTS for r in rows)
    assert all(int(r["value"]) > 0 for r in rows)
    for r in rows:
        assert set(filter(None, r["walkaway"].split(";"))) <= set(make_corpus.WALKAWAYS)


def test_paths_are_relative_to_the_csv_and_files_open(corpus: Path) -> None:
    from docx import Document
    from pypdf import PdfReader

    for r in rows_of(corpus):
        path = corpus.parent / r["path"]
        assert path.is_file(), r["path"]
        if path.suffix == ".pdf":
            assert path.read_bytes().startswith(b"%PDF")
            reader = PdfReader(path)
            text = "".join(page.extract_text() for page in reader.pages)
            assert "shall" in text or "should" in text or "must" in text
        elif path.suffix == ".docx":
            doc = Document(str(path))
            assert len(doc.paragraphs) > 10
        else:
            assert path.read_text(encoding="utf-8").startswith("# ")


def test_same_seed_gives_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    again = make_corpus.generate(tmp_path, n=N, seed=11, max_pages=4)
    assert again.read_bytes() == corpus.read_bytes()
    for r in rows_of(corpus):
        assert (tmp_path / r["path"]).read_bytes() == (corpus.parent / r["path"]).read_bytes(), r["path"]


def test_another_seed_gives_other_deals(corpus: Path, tmp_path: Path) -> None:
    other = make_corpus.generate(tmp_path, n=N, seed=12, max_pages=4)
    assert [r["p_win"] for r in rows_of(other)] != [r["p_win"] for r in rows_of(corpus)]


def test_bayes_figures_are_written(corpus: Path) -> None:
    figures = json.loads((corpus.parent / "bayes.json").read_text())
    assert figures["n"] == N
    assert 0.0 <= figures["brier"] <= 1.0


def test_default_model_wins_a_plausible_share_and_is_learnable() -> None:
    # Latents and outcomes only (no files): the defaults of `make corpus`.
    deals = make_corpus.draw_deals(300, 7)
    figures = make_corpus.bayes_figures(deals, cv=False)
    assert 0.35 <= figures["win_rate"] <= 0.50
    assert 0.80 <= figures["auc"] <= 0.90
    assert {d.won for d in deals} == {True, False}
    assert len({d.vertical for d in deals}) >= 8


def test_text_is_written_from_the_latents() -> None:
    """A high-security deal says more about security than a low-security one (on average)."""
    deals = make_corpus.draw_deals(60, 3)
    hi = sorted(deals, key=lambda d: -d.security)[:10]
    lo = sorted(deals, key=lambda d: d.security)[:10]

    def count(d: make_corpus.Deal) -> int:
        import random

        content = make_corpus.write_content(d, make_corpus.make_slots(d, random.Random(0)), random.Random(1))
        return len(content.clauses["security"]) + len(content.rows["security"])

    assert sum(map(count, hi)) > 2 * sum(map(count, lo))


def test_walkaway_deals_say_so() -> None:
    deals = [d for d in make_corpus.draw_deals(200, 5) if "platform_mandate" in d.walkaway]
    assert deals
    for d in deals[:3]:
        blocks, slots = make_corpus.build_blocks(d, max_pages=6)
        text = " ".join(
            str(b[1]) + " " + (b[2] if b[0] == "clause" else "") for b in blocks if b[0] in ("p", "clause")
        )
        rows = " ".join(" ".join(r) for b in blocks if b[0] == "table" for r in b[2])
        assert slots["other_platform"] in text + rows


def test_sample_inbox_has_six_small_documents(tmp_path: Path) -> None:
    paths = make_corpus.make_sample_inbox(tmp_path)
    assert sorted(p.suffix for p in paths) == [".docx", ".docx", ".md", ".md", ".pdf", ".pdf"]
    assert sum(p.stat().st_size for p in paths) < 300_000
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown formats"):
        make_corpus.generate(tmp_path, n=2, formats=("odt",))


def test_parallel_rendering_writes_the_same_corpus(tmp_path: Path) -> None:
    one = make_corpus.generate(tmp_path / "one", n=24, seed=4, formats=("pdf", "md"), max_pages=3)
    two = make_corpus.generate(tmp_path / "two", n=24, seed=4, formats=("pdf", "md"), max_pages=3, jobs=2)
    assert one.read_bytes() == two.read_bytes()
    for r in rows_of(one):
        assert (one.parent / r["path"]).read_bytes() == (two.parent / r["path"]).read_bytes()


def test_some_public_sector_deals_read_as_us_solicitations() -> None:
    deals = make_corpus.draw_deals(60, 7)
    us = [d for d in deals if make_corpus.us_style(d)]
    assert us and len(us) < len(deals)
    assert all(d.vertical in ("government", "healthcare", "education") for d in us)
    blocks, _ = make_corpus.build_blocks(us[0], max_pages=6)
    text = " ".join(str(b[1]) + " " + str(b[2] if len(b) > 2 else "") for b in blocks if b[0] != "cover")
    assert "Offeror" in text or "offeror" in text
    assert "GDPR" not in text and "EUR" not in text


def test_statements_log_says_what_each_document_says(corpus: Path) -> None:
    """statements.jsonl is the generator's ground truth: every logged sentence is in its document."""
    tags = set(make_corpus.TAGS) | set(make_corpus.WALKAWAYS) | {None}
    entries = [json.loads(line) for line in (corpus.parent / "statements.jsonl").read_text().splitlines()]
    assert entries
    paths = {r["path"] for r in rows_of(corpus)}
    kinds = {"clause", "fact", "row", "negation", "trap", "general", "story"}
    for e in entries:
        assert e["path"] in paths and e["tag"] in tags and e["kind"] in kinds
        assert e["modality"] in ("M", "S", "C", "info")
    md = [e for e in entries if e["path"].endswith(".md")]
    assert md
    for e in md:
        assert e["text"] in (corpus.parent / e["path"]).read_text(encoding="utf-8"), e
