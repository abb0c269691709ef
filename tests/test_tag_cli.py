"""`triage tag --jsonl` and the renderings of `triage tag FILE`, as a script or a user meets them."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from triage.commands.tag import run_jsonl, tagged_json, tagged_text
from triage.tag import tag
from triage.types import Document, Passage


def test_jsonl_round_trip_as_a_process():
    lines = [
        {"text": "Users shall log in through single sign-on."},
        {"text": "Single sign-on is not required."},
        {"text": "The Authority was founded in 1998."},
    ]
    stdin = "".join(json.dumps(x) + "\n" for x in lines)
    out = subprocess.run(
        [sys.executable, "-m", "triage", "tag", "--jsonl"],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["text"] for r in rows] == [x["text"] for x in lines]
    assert "access_control" in rows[0]["tags"] and rows[0]["modality"] == "mandatory"
    assert rows[1]["tags"] == [] and rows[1]["spans"][0]["negated"] is True
    assert rows[2] == {"text": lines[2]["text"], "tags": [], "modality": "info", "spans": []}


def test_jsonl_bad_line_is_reported_by_number_and_the_rest_go_on():
    stdin = io.StringIO(
        '{"text": "The portal must integrate with SAP."}\nnot json\n{"txt": 1}\n{"text": "A wiki."}\n'
    )
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run_jsonl(stdin, stdout, stderr)
    assert code == 1
    assert len(stdout.getvalue().splitlines()) == 2
    errors = stderr.getvalue().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("triage: error: line 2:")
    assert errors[1].startswith("triage: error: line 3:")


def test_tag_without_file_or_jsonl_is_a_usage_error():
    out = subprocess.run([sys.executable, "-m", "triage", "tag"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 2
    assert out.stderr.startswith("triage: error:")


def _tagged():
    doc = Document(
        path="rfp.docx",
        sha256="b" * 64,
        format="docx",
        pages=None,
        passages=(
            Passage(
                id="d0", text="The portal shall integrate with 14 systems.", kind="paragraph", paragraph=0
            ),
            Passage(id="d1", text="A partner portal is out of scope.", kind="paragraph", paragraph=1),
        ),
    )
    return tag(doc)


def test_json_rendering_carries_the_evidence():
    data = json.loads(json.dumps(tagged_json(_tagged())))
    assert data["tags"]["integration"] == {"count": 1, "mandatory": 1}
    assert "b2b_portal" not in data["tags"]
    span = next(s for s in data["spans"] if s["text"] == "integrate with")
    assert span["location"] == "¶ 1" and span["quantity"]["value"] == 14
    assert any(s["tag"] == "b2b_portal" and s["negated"] for s in data["spans"])


def test_text_rendering_marks_what_matched():
    text = tagged_text(_tagged())
    assert "integration: 1 (1 mandatory, 0 negated)" in text
    assert "The portal shall [integrate with] 14 systems." in text
    assert "NEGATED" in text


def test_jsonl_survives_a_line_that_is_not_utf8():
    stdin = io.BytesIO(b'{"text": "A wiki."}\n\xff\xfe broken\n{"text": "SSO."}\n')
    stdout, stderr = io.StringIO(), io.StringIO()
    assert run_jsonl(stdin, stdout, stderr) == 1
    assert len(stdout.getvalue().splitlines()) == 2
    assert stderr.getvalue().startswith("triage: error: line 2:")
