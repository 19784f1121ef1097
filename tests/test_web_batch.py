"""Batch screening from the web (``/screen/batch``): a signed-in analyst sends a file of names.

The file goes through the Workspace's batch path (the CLI's), its matches reach the review queue
tagged with the run, the run records the verified user, and the results file is offered for
download; a file of the wrong kind, an empty one, one over the size cap, a cross-site post and
an unsigned request are refused.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import seeing_samples as S
from mistrust.api import create_app
from mistrust.settings import Settings
from mistrust.web.batch import uploaded_file
from mistrust.workspace import Workspace

PASSWORD = "correct horse battery"
CSV = "name,country\nIslamic Revolutionary Guard Corps,ir\nNobody Atall,\n,\nShahid Haj Ali Movahed Research Center,\n"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "batch.db"
    with Workspace(path, create=True) as ws:
        ws.load_lists([S.write_small_sdn(tmp_path / "sdn")])
        ws.add_user("ana", "analyst", PASSWORD)
    return path


def _client(db: Path, **settings: object) -> TestClient:
    app = create_app(lambda: Workspace(db), settings=Settings.from_env({}, **settings))
    return TestClient(app, base_url="http://localhost")


@pytest.fixture
def ana(db: Path) -> Iterator[TestClient]:
    with _client(db) as c:
        signed = c.post("/login", data={"name": "ana", "password": PASSWORD, "next": "/"}, follow_redirects=False)
        assert signed.status_code == 303 and "mistrust_session" in signed.cookies
        yield c


def test_an_analyst_batch_screens_a_file_into_the_queue(ana: TestClient, db: Path) -> None:
    assert 'href="/screen/batch"' in ana.get("/screen").text
    sent = ana.post("/screen/batch", files={"file": ("names.csv", CSV.encode(), "text/csv")}, follow_redirects=False)
    assert sent.status_code == 303, sent.text
    run_id = sent.headers["location"].split("run=")[1]
    page = ana.get(sent.headers["location"]).text
    assert '<td class="matches">2</td>' in page and '<td class="errors">1</td>' in page
    assert '<td class="run-by">ana</td>' in page
    assert f"/review?run={run_id}&amp;status=any" in page
    queue = ana.get("/api/v1/review", params={"run": run_id, "status": "any"}).json()
    assert sorted(i["entity_id"] for i in queue["items"]) == ["ofac:10391", "ofac:19716"]
    results = ana.get(f"/screen/batch/{run_id}/results")
    lines = [json.loads(x) for x in results.text.splitlines()]
    assert results.status_code == 200 and [x["row"] for x in lines] == [1, 2, 3, 4]
    assert lines[2]["error"] and lines[0]["hits"][0]["match"]
    with Workspace(db) as ws:  # recorded as the CLI records a batch, with the verified user
        run = next(r for r in ws.audit_runs() if r["id"] == run_id)
        assert run["kind"] == "batch" and run["query"]["user"] == "ana"
        assert Path(run["query"]["output"]).parent.parent == ws.side_folder("batches")
        # the download is an export, logged with the verified user; the server's audit writer
        # commits it from its own thread, so a loaded machine may need a moment before it shows
        deadline = time.monotonic() + 20
        while not (logged := ws.exports()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [(e["kind"], e["user"], e["channel"], e["parameters"]["run"]) for e in logged] == [
            ("batch_results", "ana", "web", run_id)]


def test_batch_uploads_that_are_refused(db: Path, ana: TestClient) -> None:
    wrong = ana.post("/screen/batch", files={"file": ("names.xlsx", b"PK\x03\x04", "application/zip")})
    assert wrong.status_code == 400 and "ends in .csv" in wrong.text
    empty = ana.post("/screen/batch", files={"file": ("names.txt", b"  \n", "text/plain")})
    assert empty.status_code == 400 and "empty" in empty.text
    no_file = ana.post("/screen/batch", data={"x": "1"}, files={"other": ("a.txt", b"x", "text/plain")})
    assert no_file.status_code == 400 and "choose a file" in no_file.text
    foreign = ana.post("/screen/batch", files={"file": ("n.txt", b"IRGC\n", "text/plain")},
                       headers={"Origin": "http://evil.example"})
    assert foreign.status_code == 400 and "cross-site" in foreign.text
    assert ana.get("/screen/batch/nope/results").status_code == 404
    with _client(db, max_request_bytes=2048) as small:  # the request-size guard caps uploads
        too_big = small.post("/screen/batch", files={"file": ("n.txt", b"Some Name\n" * 500, "text/plain")})
        assert too_big.status_code == 413
        unsigned = small.post("/screen/batch", files={"file": ("n.txt", b"IRGC\n", "text/plain")},
                              follow_redirects=False)
        assert unsigned.status_code in (303, 401) and "mistrust_session" not in unsigned.cookies


def test_a_cli_batch_output_is_not_offered_for_download(ana: TestClient, db: Path, tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("IRGC\n", encoding="utf-8")
    with Workspace(db) as ws:
        run = ws.screen_file(names, tmp_path / "hits.jsonl")
    assert ana.get(f"/screen/batch/{run['run_id']}/results").status_code == 404  # the user's own file stays theirs


@pytest.mark.parametrize("body, name", [
    (b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nname\r\nX\r\n--b--\r\n', "a.csv"),
])
def test_the_multipart_reader_keeps_the_bytes(body: bytes, name: str) -> None:
    assert uploaded_file("multipart/form-data; boundary=b", body) == (name, b"name\r\nX")
