"""Storing documents: the dev article set, stable ids, full-text search, and the CLI commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import require_shared
from mistrust import Workspace
from mistrust.cli import main
from mistrust.errors import NotFoundError


@pytest.fixture(scope="module")
def dev_articles() -> Path:
    return require_shared("news", "dev_articles.jsonl")


def test_dev_articles_ingest_stable_and_idempotent(tmp_path: Path, dev_articles: Path) -> None:
    records = [json.loads(line) for line in dev_articles.read_text(encoding="utf-8").splitlines() if line.strip()]
    with Workspace(tmp_path / "one.db", create=True) as one, Workspace(tmp_path / "two.db", create=True) as two:
        first = one.ingest([dev_articles])
        assert first["new"] == len(records) == 400
        assert first["skipped"] == []
        again = one.ingest([dev_articles])
        assert again["new"] == 0 and again["existing"] == 400
        assert len(one.documents(limit=1000)) == 400
        # The same content in another workspace gets the same ids.
        two.ingest([dev_articles])
        assert set(one.document_ids()) == set(two.document_ids())
        # Each record's own id and fields are kept as metadata.
        by_record = {d.metadata["id"]: d for d in one.documents(limit=1000)}
        assert set(by_record) == {r["id"] for r in records}
        sample = records[7]
        doc = by_record[sample["id"]]
        assert (doc.title, doc.outlet, doc.url) == (sample["title"].strip(), sample["outlet"], sample["url"])
        assert doc.published == sample["date"]
        assert doc.metadata["topic"] == sample["topic"]
        # Cleaning removes furniture but keeps nearly all of every body.
        total_raw = sum(len(r["text"]) for r in records)
        total_clean = sum(len(d.text) for d in by_record.values())
        assert 0.9 * total_raw < total_clean <= total_raw


def test_full_text_search(workspace, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Officials said the tanker Ocean Pearl unloaded fuel at Nampo in March. " * 3)
    (tmp_path / "b.txt").write_text("The ministry denied that the U.S. sanctions on the bank had any effect. " * 3)
    workspace.ingest([tmp_path])
    assert [d.source_path for d in workspace.documents(q="Nampo")] == [str(tmp_path / "a.txt")]
    assert [d.source_path for d in workspace.documents(q="U.S. sanctions")] == [str(tmp_path / "b.txt")]
    assert workspace.documents(q='"unbalanced AND (') == []  # user text never breaks the FTS syntax
    assert workspace.documents(q="submarine") == []


def test_get_document_not_found(workspace) -> None:
    with pytest.raises(NotFoundError, match="no document"):
        workspace.get_document("0000000000000000")


def test_get_documents_keeps_order(workspace, tmp_path: Path) -> None:
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(f"Document {name} reports a seizure of parts at the border crossing.")
    ids = [d.id for d in workspace.ingest([tmp_path])["documents"]]
    assert [d.id for d in workspace.get_documents(ids[::-1] + ["missing"])] == ids[::-1]


def test_ingest_with_analyze_calls_analyze_on_new_documents(tmp_path: Path) -> None:
    calls: list[list[str]] = []

    class Recording(Workspace):
        def analyze(self, doc_ids=None):  # type: ignore[override]
            calls.append(list(doc_ids or []))
            return len(doc_ids or [])

    (tmp_path / "a.txt").write_text("Customs officers seized parts of a missile guidance system at the port.")
    with Recording(tmp_path / "ws.db", create=True) as ws:
        result = ws.ingest([tmp_path / "a.txt"], analyze=True)
        ws.ingest([tmp_path / "a.txt"], analyze=True)  # nothing new: nothing to analyze
    assert calls == [result["new_ids"]]


# --- CLI ------------------------------------------------------------------------------------------


def test_cli_ingest_documents_document(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(json.dumps({
        "id": "rec-42", "title": "Parts seized", "outlet": "Test Wire", "date": "2024-01-02",
        "text": "Customs officers seized parts of a missile guidance system at the port on Tuesday.",
    }) + "\n")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(db), "ingest", str(tmp_path / "in")])
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output and "1 skipped" in result.output and "binary" in result.output

    result = runner.invoke(main, ["--db", str(db), "ingest", str(tmp_path / "in"), "--json"])
    summary = json.loads(result.output)
    assert summary["new"] == 0 and summary["existing"] == 1 and len(summary["skipped"]) == 1

    result = runner.invoke(main, ["--db", str(db), "documents", "--json"])
    (listed,) = json.loads(result.output)
    assert listed["record_id"] == "rec-42" and listed["title"] == "Parts seized"

    result = runner.invoke(main, ["--db", str(db), "documents", "--q", "guidance"])
    assert result.exit_code == 0 and listed["id"] in result.output

    result = runner.invoke(main, ["--db", str(db), "document", listed["id"], "--json"])
    doc = json.loads(result.output)
    assert doc["metadata"]["id"] == "rec-42" and doc["text"].startswith("Customs officers")

    result = runner.invoke(main, ["--db", str(db), "document", listed["id"]])
    assert "rec-42" in result.output and "missile guidance" in result.output

    result = runner.invoke(main, ["--db", str(db), "document", "rec-42", "--json"])
    assert json.loads(result.output)["id"] == listed["id"]  # found by the record's own id too

    result = runner.invoke(main, ["--db", str(db), "document", "nope"])
    assert result.exit_code == 4 and "no document" in result.output

    result = runner.invoke(main, ["--db", str(db), "skipped", "--json"])
    assert any("bad.txt" in r["source"] for r in json.loads(result.output))


def test_cli_ingest_exits_3_when_every_source_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from mistrust.cli import main

    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\x03 not text")
    good = tmp_path / "ok.txt"
    good.write_text("North Korea launched a missile on Tuesday, officials said.\n")
    db = str(tmp_path / "w.db")
    refused = CliRunner().invoke(main, ["--db", db, "ingest", str(binary)])
    assert refused.exit_code == 3 and "skipped" in refused.output
    mixed = CliRunner().invoke(main, ["--db", db, "ingest", str(binary), str(good)])
    assert mixed.exit_code == 0 and "1 new" in mixed.output
