"""``mistrust users``, and the review queue from the command line: batch hits, judge, approve, audit."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import seeing_samples as S
from mistrust.cli import main
from mistrust.workspace import Workspace

PASSWORD = "correct horse battery"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    with Workspace(path, create=True) as ws:
        ws.load_lists([S.write_small_sdn(tmp_path / "sdn")])
    return path


def run(db: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db), *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_users_add_list_disable_key(db: Path) -> None:
    assert "single-user mode" in run(db, "users", "list")[1]
    code, out, _ = run(db, "users", "add", "ana", "--role", "reviewer", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0 and "added ana (reviewer)" in out
    code, out, _ = run(db, "users", "add", "bob", stdin=f"{PASSWORD}\n{PASSWORD}\n")  # asked twice
    assert code == 0 and "added bob (analyst)" in out
    code, _, err = run(db, "users", "add", "ana", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 3 and "already a user" in err
    code, _, err = run(db, "users", "add", "cy", "--password-stdin", stdin="short\n")
    assert code == 3 and "password" in err
    code, out, _ = run(db, "users", "list", "--json")
    assert [(u["name"], u["role"], u["disabled"]) for u in json.loads(out)] == [("ana", "reviewer", False),
                                                                               ("bob", "analyst", False)]
    assert "password" not in out
    code, key, _ = run(db, "users", "key", "bob")
    key = key.strip()
    assert code == 0 and key.startswith("mst_")
    with Workspace(db) as ws:
        assert ws.key_user(key).name == "bob"  # type: ignore[union-attr]
        assert not ws.db.query("SELECT 1 FROM user_keys WHERE key_hash = ?", (key,))  # only its hash is kept
        assert ws.sign_in("bob", PASSWORD)[0].name == "bob"
    code, out, _ = run(db, "users", "disable", "bob")
    assert code == 0 and "bob disabled" in out
    with Workspace(db) as ws:
        assert ws.key_user(key) is None
    assert run(db, "users", "disable", "nobody")[0] == 4
    assert run(db, "users", "key", "bob")[0] == 9  # a disabled user gets no new key


def test_batch_hits_are_judgeable_from_the_cli(db: Path, tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("Islamic Revolutionary Guard Corps\nShahid Haj Ali Movahed Research Center\nNobody Atall\n",
                     encoding="utf-8")
    out = tmp_path / "hits.jsonl"
    code, summary, _ = run(db, "screen", "--input", str(names), "--output", str(out), "--json")
    assert code == 0, summary
    run_id = json.loads(summary)["run_id"]
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    matches = [h for line in lines for h in line["hits"] if h["match"]]
    assert {h["entity_id"] for h in matches} == {"ofac:10391", "ofac:19716"}
    code, queue, _ = run(db, "review", "--run", run_id, "--json")
    queued = json.loads(queue)["items"]
    assert sorted(h["id"] for h in queued) == sorted(h["id"] for h in matches)
    assert {h["source"] for h in queued} == {"batch"}
    first, second = matches
    code, out_text, err = run(db, "judge", first["id"], "dismiss")
    assert code == 3 and "needs a note" in err
    code, out_text, _ = run(db, "judge", first["id"], "confirm", "--user", "ana")
    assert code == 0 and "confirmed" in out_text
    code, out_text, _ = run(db, "judge", second["id"], "dismiss", "--note", "a namesake", "--user", "ana")
    assert code == 0 and "waits for a second reviewer" in out_text
    assert run(db, "approve", second["id"], "--user", "ana")[0] == 9  # not their own
    code, out_text, _ = run(db, "approve", second["id"], "--user", "rita", "--json")
    assert code == 0 and json.loads(out_text)["status"] == "dismissed"
    code, exported, _ = run(db, "audit", "--hit", second["id"], "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert [(r["user"], r["action"], r["note"]) for r in rows] == [("ana", "request_dismissal", "a namesake"),
                                                                  ("rita", "approve", "")]
    assert json.loads(run(db, "audit", "--hit", first["id"])[1])[0]["status"] == "confirmed"
    assert json.loads(run(db, "review", "--status", "any", "--json")[1])["total"] == 2


def test_with_users_the_cli_decides_as_an_account_with_the_role(db: Path) -> None:
    with Workspace(db) as ws:
        ws.add_user("ana", "analyst", PASSWORD)
        ws.add_user("bea", "analyst", PASSWORD)
        hit = ws.screen("IRGC")[0]
    assert run(db, "judge", hit.id, "dismiss", "--note", "x", "--user", "mallory")[0] == 9  # no such account
    assert run(db, "judge", hit.id, "dismiss", "--note", "not them", "--user", "ana")[0] == 0
    code, _, err = run(db, "approve", hit.id, "--user", "bea")
    assert code == 9 and "may not approve" in err


def test_article_links_land_in_the_queue_with_their_article(db: Path, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Missile test\n\nThe Islamic Revolutionary Guard Corps tested a missile on Monday, officials"
                       " in Washington said.\n", encoding="utf-8")
    with Workspace(db) as ws:
        doc_id = ws.ingest([str(article)])["documents"][0].id
        assert ws.analyze() == 1
    code, out, _ = run(db, "review", "--source", "link", "--json")
    links = json.loads(out)["items"]
    assert code == 0 and links, "the linked mention is not in the queue"
    assert {(h["entity_id"], h["doc_id"]) for h in links} == {("ofac:10391", doc_id)}
    code, out, _ = run(db, "judge", links[0]["id"], "confirm", "--user", "ana")
    assert code == 0 and "confirmed" in out
    with Workspace(db) as ws:  # analysing again does not reopen the decided link
        ws.analyze(force=True)
        assert ws.review_item(links[0]["id"])["status"] == "confirmed"
