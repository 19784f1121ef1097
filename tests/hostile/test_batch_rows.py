"""Issue 19 item 5: one bad row stopped a batch for good.

A bad row (lone surrogate, undecodable bytes, empty or whitespace-only name, invalid JSON, an
over-long name) is skipped with its row number and reason in the output and the summary, the run
goes on, a rerun resumes past it; files in Latin-1 or UTF-16 read as documents do; an API batch is
checked whole before anything reaches the audit trail.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from hostile._make import un_xml
from mistrust import Workspace
from mistrust.api import create_app
from mistrust.cli import main
from mistrust.settings import Settings

LISTED = ["Nordwind Maritime Agency", "Société Générale d'Import", "Kestrel Avionics Bureau"]
GOOD = "Kestrel Avionics Bureau"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.db"
    with Workspace(path, create=True) as ws:
        ws.load_lists([un_xml(tmp_path / "un.xml", "2025-06-01", LISTED)])
    return path


def _jsonl_rows() -> list[bytes]:
    return [
        json.dumps({"id": "r1", "name": GOOD}).encode(),
        b'{"id": "r2", "name": "\\ud800 Surrogate Trading"}',  # a lone surrogate, escaped in JSON
        b'{"id": "r3", "name": "Caf\x81\x8d Bytes"}',  # bytes no decoder reads as Western text
        b'{"id": "r4", "name": "   "}',
        b'{"id": "r5", "name": ""}',
        b'{"id": "r6", "name": "Broken JSON',
        json.dumps({"id": "r7", "name": "Long " * 200}).encode(),
        b'{"id": "r8", "countries": ["ir"]}',
        json.dumps({"id": "r9", "name": "Nordwind Maritime Agency"}).encode(),
    ]


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_bad_jsonl_rows_are_skipped_with_reasons_and_the_run_goes_on(db: Path, tmp_path: Path) -> None:
    src, out = tmp_path / "in.jsonl", tmp_path / "hits.jsonl"
    src.write_bytes(b"\n".join(_jsonl_rows()) + b"\n")
    result = CliRunner().invoke(main, ["--db", str(db), "screen", "--input", str(src), "--output", str(out)])
    assert result.exit_code == 0, result.output
    lines = _lines(out)
    assert [line["row"] for line in lines] == list(range(1, 10))
    errors = {line["id"]: line["error"] for line in lines if line.get("error")}
    assert set(errors) == {"r2", "r3", "r4", "r5", None, "r7", "r8"}  # r6 is not JSON: no id to read
    assert "surrogate" in errors["r2"] and "undecodable" in errors["r3"] and "whitespace" in errors["r4"]
    assert "empty" in errors["r5"] and "not JSON" in errors[None] and "limit" in errors["r7"]
    assert all(e.startswith(f"row {row}:") for row, e in ((2, errors["r2"]), (7, errors["r7"])))
    assert lines[0]["hits"][0]["entity_name"] == GOOD and lines[8]["hits"][0]["match"]
    assert "skipped row 2:" in result.output and "7 skipped" in result.output  # stderr and summary

    # A rerun resumes past the bad rows (nothing screened twice), also after a torn last line.
    again = CliRunner().invoke(main, ["--db", str(db), "screen", "--input", str(src), "--output", str(out)])
    assert again.exit_code == 0 and "0 rows screened (9 already done" in again.output
    kept = out.read_bytes().split(b"\n")
    out.write_bytes(b"\n".join(kept[:3]) + b"\n" + kept[3][:10])
    third = CliRunner().invoke(main, ["--db", str(db), "screen", "--input", str(src), "--output", str(out)])
    assert third.exit_code == 0, third.output
    assert [line["row"] for line in _lines(out)] == list(range(1, 10))


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-8-sig"])
def test_csv_in_other_encodings_is_read_as_documents_are(db: Path, tmp_path: Path, encoding: str) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "hits.jsonl"
    src.write_bytes("id,name\r\n1,Société Générale d'Import\r\n2,Nordwind Maritime Agency\r\n".encode(encoding))
    with Workspace(db, create=True) as ws:
        summary = ws.screen_file(src, out)
    assert summary["screened"] == 2 and summary["errors"] == 0
    lines = _lines(out)
    assert lines[0]["query"]["name"] == "Société Générale d'Import"
    assert lines[0]["hits"][0]["entity_name"] == "Société Générale d'Import"


def test_csv_with_a_bad_row_in_the_middle(db: Path, tmp_path: Path) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "hits.jsonl"
    src.write_bytes(b"name,id\n" + GOOD.encode() + b",a\n\x00\x01,b\n,c\nNordwind Maritime Agency,d\n")
    with Workspace(db, create=True) as ws:
        summary = ws.screen_file(src, out)
    assert summary["screened"] == 2 and summary["errors"] == 2
    assert summary["refused"][0]["row"] == 2 and "control character" in summary["refused"][0]["error"]


def test_binary_input_is_one_clear_error(db: Path, tmp_path: Path) -> None:
    from mistrust.errors import InputError

    src = tmp_path / "in.csv"
    src.write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    with Workspace(db, create=True) as ws, pytest.raises(InputError, match="binary"):
        ws.screen_file(src, tmp_path / "out.jsonl")


def test_compare_skips_bad_lines_and_goes_on(db: Path) -> None:
    stdin = b"\n".join([
        json.dumps({"a": "Kestrel Avionics", "b": "Kestrel Avionix"}).encode(),
        b'{"a": "\\udfff", "b": "x"}',
        b'{"a": "Caf\xe9", "b": "Cafe"}',  # Latin-1 bytes in a UTF-8 stream: decoded on their own
        b"not json",
        json.dumps({"a": "x" * 10_000, "b": "y"}).encode(),
        json.dumps({"a": "Nordwind", "b": "Nordvind"}).encode(),
    ])
    result = CliRunner().invoke(main, ["--db", str(db), "compare"], input=stdin)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("line") for o in out] == [None, 2, None, 4, 5, None]
    assert out[2]["a"] == "Café" and "surrogate" in out[1]["detail"] and "limit" in out[4]["detail"]


def test_api_batch_is_checked_whole_before_anything_is_recorded(db: Path) -> None:
    app = create_app(lambda: Workspace(db, create=True), settings=Settings.from_env({}))
    with TestClient(app, base_url="http://localhost") as client:
        before = len(client.get("/api/v1/audit").json())
        names = [{"name": f"Name Number {i}"} for i in range(499)] + [{"name": "   "}] + [{"name": "\x00x"}]
        answer = client.post("/api/v1/screen", json={"queries": names})
        assert answer.status_code == 400
        message = answer.json()["error"]["message"]
        assert "row 500" in message and "row 501" in message
        assert len(client.get("/api/v1/audit").json()) == before
        ok = client.post("/api/v1/screen", json={"queries": [{"name": GOOD}, {"name": "Nordwind"}]})
        assert ok.status_code == 200 and len(client.get("/api/v1/audit").json()) == before + 2


def test_single_query_limits(db: Path) -> None:
    from mistrust.errors import InputError

    with Workspace(db, create=True) as ws:
        for bad in ["", " \t", "A" * 501, "Nul\x00Name", "\ud834 half"]:
            with pytest.raises(InputError):
                ws.screen(bad, record=False)
        assert ws.screen("A" * 500, record=False) is not None
    result = CliRunner().invoke(main, ["--db", str(db), "screen", "B" * 600])
    assert result.exit_code == InputError.exit_code and "limit" in result.output
