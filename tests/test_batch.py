"""Many documents at once: `triage score --jobs N` on local processes and on a Dask cluster give the
same reports, in the order given, and a bad file is one error line that stops nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from triage.batch import triage_many

TEXTS = [
    "# Dealer portal\n\nThe Supplier shall integrate the portal with SAP and Salesforce.\n",
    "# Intranet\n\nStaff must sign in with single sign-on (SAML 2.0) and multi-factor authentication.\n",
    "# Brochure site\n\nWe need a simple brochure website of five pages, off the shelf.\n",
    "# Claims\n\nClaims shall be routed through an approval workflow for 250,000 policyholders.\n",
]


@pytest.fixture
def inbox(tmp_path: Path) -> list[str]:
    paths = []
    for i, text in enumerate(TEXTS):
        path = tmp_path / f"rfp-{i}.md"
        path.write_text(text)
        paths.append(str(path))
    bad = tmp_path / "fake.pdf"
    bad.write_bytes(b"<html><body>Not found</body></html>")
    paths.insert(2, str(bad))
    return paths


def summary(outcomes) -> list[tuple[str, int | None, str | None]]:
    return [
        (Path(o.path).name, o.report.score if o.report else None, o.error.code if o.error else None)
        for o in outcomes
    ]


def test_two_processes_give_what_one_gives_in_the_same_order(inbox, model_dir):
    one = summary(triage_many(inbox, model_dir, jobs=1))
    two = summary(triage_many(inbox, model_dir, jobs=2))
    assert one == two
    assert [name for name, _, _ in one] == [Path(p).name for p in inbox]
    assert one[2] == ("fake.pdf", None, "wrong_type")
    assert all(score is not None for name, score, _ in one if name != "fake.pdf")


def test_a_document_without_a_word_is_no_text_as_in_the_inbox(tmp_path, model_dir):
    blank = tmp_path / "blank.md"
    blank.write_text("\n   \n\n")
    [outcome] = triage_many([blank], model_dir)
    assert outcome.report is None and outcome.error is not None
    assert outcome.error.code == "no_text" and outcome.error.path == str(blank)


def test_score_command_with_jobs_prints_json_lines_in_order_and_exits_1_on_a_bad_file(inbox, model_dir):
    out = subprocess.run(
        [sys.executable, "-m", "triage", "score", "--jobs", "2", "--model", str(model_dir), *inbox],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 1
    assert [json.loads(line)["file"] for line in out.stdout.splitlines()] == [
        Path(p).name for p in inbox if not p.endswith("fake.pdf")
    ]
    [error] = out.stderr.splitlines()
    assert error.startswith(f"triage: error: {inbox[2]}: ")


def test_a_dask_cluster_runs_the_same_work(inbox, model_dir):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        on_cluster = summary(triage_many(inbox, model_dir, dask_scheduler=cluster.scheduler_address))
    assert on_cluster == summary(triage_many(inbox, model_dir, jobs=1))


def test_an_unreachable_scheduler_is_a_clear_error(inbox, model_dir):
    pytest.importorskip("distributed")
    from triage.errors import TriageError

    with pytest.raises(TriageError, match="cannot reach the Dask scheduler"):
        list(triage_many(inbox, model_dir, dask_scheduler="tcp://127.0.0.1:9", connect_timeout=1))
