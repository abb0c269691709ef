"""`triage run INBOX --dask-scheduler ADDRESS`: the same inbox work on a Dask cluster (here a
LocalCluster with two worker processes): every file filed once, reports written, failures with
their reason, and a second run that does nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

GOOD = {
    "dealer-portal.md": "# Dealer portal\n\nThe Supplier shall integrate the portal with SAP and Salesforce.\n",
    "intranet.md": "# Intranet\n\nStaff must sign in with single sign-on (SAML 2.0) and multi-factor authentication.\n",
    "claims.txt": "Claims shall be routed through an approval workflow for 250,000 policyholders.\n",
}


def run(inbox: Path, model_dir: Path, address: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "triage",
            "run",
            str(inbox),
            "--model",
            str(model_dir),
            "--settle",
            "0",
            "--dask-scheduler",
            address,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_an_inbox_triaged_on_a_dask_cluster(tmp_path, model_dir):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, text in GOOD.items():
        (inbox / name).write_text(text)
    (inbox / "page.pdf").write_bytes(b"<!doctype html><html><body>404</body></html>")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        first = run(inbox, model_dir, cluster.scheduler_address)
        second = run(inbox, model_dir, cluster.scheduler_address)
    assert first.returncode == 1, first.stderr
    assert "3 triaged, 1 failed" in first.stdout + first.stderr
    assert sorted(p.name for p in (inbox / "done").iterdir()) == sorted(GOOD)
    assert sorted(p.name for p in (inbox / "failed").iterdir()) == ["page.pdf", "page.pdf.error.txt"]
    assert "reason:  wrong_type" in (inbox / "failed" / "page.pdf.error.txt").read_text()
    for name in GOOD:
        assert (inbox / "reports" / f"{Path(name).stem}.html").exists(), name
    assert second.returncode == 0, second.stderr
    assert "0 triaged" in second.stdout + second.stderr


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path, model_dir):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.md").write_text("The portal shall support single sign-on.\n")
    out = run(inbox, model_dir, "tcp://127.0.0.1:9")
    assert out.returncode == 2
    assert "cannot reach the Dask scheduler" in out.stderr
    assert (inbox / "a.md").exists(), "nothing is moved when the cluster is not there"
