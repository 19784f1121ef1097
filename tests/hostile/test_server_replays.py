"""Issue 19: server cases that already held on the landed code, replayed so they keep holding.

List data and search terms render as text (autoescape); a sign-in never redirects off the
server; a form posted from another site changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from _live_server import small_workspace
from mistrust.api import create_app
from mistrust.settings import Settings
from mistrust.workspace import Workspace

TOKEN = "replay-token-1234"
PAYLOAD = "<script>alert('x')</script>"
HOSTILE_ENTRY = {"id": "test:evil", "schema": "Organization",
                 "properties": {"name": [f"Harbour Trading {PAYLOAD}"], "alias": ['Quay "><img src=x onerror=alert(1)>'],
                                "program": ["TEST"]}}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("replays")
    db = small_workspace(folder)
    hostile = folder / "hostile.ftm.json"
    hostile.write_text(json.dumps(HOSTILE_ENTRY) + "\n", encoding="utf-8")
    with Workspace(db, create=True) as ws:
        ws.load_lists([hostile])
    return db


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    app = create_app(lambda: Workspace(db, create=True), settings=Settings.from_env({}))
    with TestClient(app, base_url="http://localhost") as c:
        yield c


@pytest.fixture(scope="module")
def signed(db: Path) -> Iterator[TestClient]:
    app = create_app(lambda: Workspace(db, create=True), settings=Settings.from_env({}, api_token=TOKEN))
    with TestClient(app, base_url="http://localhost") as c:
        yield c


@pytest.mark.parametrize("path", ["/screen?name=Harbour+Trading+script+alert", "/list-entity/os:test:evil",
                                  f"/?q={PAYLOAD}", f"/entity?name={PAYLOAD}", f"/screen?name={PAYLOAD}"])
def test_list_data_and_terms_render_as_text(client: TestClient, path: str) -> None:
    page = client.get(path).text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page or "&lt;img" in page


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)",
                                    "\\\\evil.example", "http:/evil.example", " //evil.example"])
def test_sign_in_never_redirects_off_the_server(signed: TestClient, target: str) -> None:
    r = signed.post("/login", data={"token": TOKEN, "next": target}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    form = signed.get("/login", params={"next": target}).text
    assert 'value="/"' in form


def test_a_page_without_the_token_sends_the_browser_to_sign_in_here(signed: TestClient) -> None:
    signed.cookies.clear()  # signed out (an earlier test signed in)
    r = signed.get("/review", headers={"accept": "text/html"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=/review"
    r = signed.post("/login", data={"token": TOKEN, "next": "/review"}, follow_redirects=False)
    assert r.headers["location"] == "/review"


@pytest.mark.parametrize(("header", "name"), [("origin", "IRGC"), ("referer", "Islamic Revolutionary Guard Corps")])
def test_a_form_posted_from_another_site_changes_nothing(client: TestClient, header: str, name: str) -> None:
    hit_id = client.get("/api/v1/screen", params={"name": name}).json()["hits"][0]["id"]
    r = client.post(f"/review/{hit_id}", content="decision=dismiss&note=not+them",
                    headers={"content-type": "application/x-www-form-urlencoded", header: "https://evil.example/x"},
                    follow_redirects=False)
    assert r.status_code == 400 and "cross-site" in r.text
    assert any(h["id"] == hit_id for h in client.get("/api/v1/review").json()["items"])
    same = client.post(f"/review/{hit_id}", content="decision=dismiss&note=not+them",
                       headers={"content-type": "application/x-www-form-urlencoded", header: "http://localhost/review"},
                       follow_redirects=False)
    assert same.status_code == 303  # the same form from this site is recorded
    assert not any(h["id"] == hit_id for h in client.get("/api/v1/review").json()["items"])
