"""``/api/v1/watches`` and ``/api/v1/alerts``, and the /alerts page, through Starlette's TestClient."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import _monitor_helpers as M
from mistrust.api import create_app
from mistrust.model import Extraction, Hit, Mention
from mistrust.settings import Settings
from mistrust.workspace import Workspace


@pytest.fixture
def db(tmp_path: Path) -> Path:
    v1, _ = M.lists(tmp_path / "lists")
    path = tmp_path / "api.db"
    with Workspace(path, create=True) as ws:
        ws.load_lists([v1])
        link = Hit(entity_id=f"un:{M.COMPANY[0]}", entity_name=M.COMPANY[1], schema="Organization",
                   list_version="v1", query_name="Blue Harbor", matched_name=M.COMPANY[1], score=0.99, match=True,
                   threshold=0.8, algorithm="a", tier="certain", link_reason="same name")
        ws.raise_alerts([Extraction(entities=[Mention("Blue Harbor <b>Co</b>", 0, 11, "Organization", links=[link])],
                                    doc_id="doc-1")])
    return path


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    app = create_app(lambda: Workspace(db), settings=Settings.from_env({}, api_token="s3cret"))
    with TestClient(app, base_url="http://localhost", headers={"Authorization": "Bearer s3cret"}) as c:
        yield c


def test_watches_round_trip_with_the_request_user(client: TestClient) -> None:
    r = client.post("/api/v1/watches", json={"name": "Ardent Quistrand", "schema": "person"})
    assert r.status_code == 201, r.text
    watch = r.json()
    assert (watch["name"], watch["schema"], watch["user"], watch["matches"]) == ("Ardent Quistrand", "Person", "web", 0)
    assert [w["id"] for w in client.get("/api/v1/watches").json()] == [watch["id"]]
    assert client.delete(f"/api/v1/watches/{watch['id']}").json()["name"] == "Ardent Quistrand"
    assert client.get("/api/v1/watches").json() == []
    missing = client.delete(f"/api/v1/watches/{watch['id']}")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("body", [{"name": ""}, {"name": "x" * 600}, {"name": "A B", "schema": "Planet"}, {}])
def test_bad_watches_are_refused(client: TestClient, body: dict[str, str]) -> None:
    assert client.post("/api/v1/watches", json=body).status_code in (400, 422)
    assert client.get("/api/v1/watches").json() == []


def test_alerts_list_and_acknowledge(client: TestClient) -> None:
    [alert] = client.get("/api/v1/alerts").json()
    assert (alert["kind"], alert["entity_id"], alert["document"], alert["status"]) == (
        "listed", f"un:{M.COMPANY[0]}", "doc-1", "open")
    r = client.post(f"/api/v1/alerts/{alert['id']}/ack")
    assert r.status_code == 200 and (r.json()["status"], r.json()["acknowledged_by"]) == ("acknowledged", "web")
    assert client.get("/api/v1/alerts").json() == []
    assert [a["id"] for a in client.get("/api/v1/alerts", params={"all": "true"}).json()] == [alert["id"]]
    assert client.post("/api/v1/alerts/999/ack").status_code == 404


def test_monitoring_routes_need_the_token(db: Path) -> None:
    app = create_app(lambda: Workspace(db), settings=Settings.from_env({}, api_token="s3cret"))
    with TestClient(app, base_url="http://localhost") as anonymous:
        for method, path in (("get", "/api/v1/alerts"), ("get", "/api/v1/watches"),
                             ("post", "/api/v1/alerts/1/ack")):
            assert getattr(anonymous, method)(path).status_code == 401
    paths = set(app.openapi()["paths"])
    assert {"/api/v1/watches", "/api/v1/watches/{watch_id}", "/api/v1/alerts", "/api/v1/alerts/{alert_id}/ack"} <= paths


def test_alerts_page_lists_open_alerts_and_the_navigation_counts_them(client: TestClient) -> None:
    page = client.get("/alerts")
    assert page.status_code == 200
    assert "Alerts (1)" in page.text
    assert f'href="/list-entity/un%3A{M.COMPANY[0]}"' in page.text
    assert 'href="/document/doc-1"' in page.text
    assert "Blue Harbor &lt;b&gt;Co&lt;/b&gt;" in page.text  # the mention as text, escaped
    [alert] = client.get("/api/v1/alerts").json()
    r = client.post(f"/alerts/{alert['id']}/ack", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/alerts?done={alert['id']}"
    after = client.get("/alerts").text
    assert "Alerts (0)" in after and "No open alerts." in after
    assert client.get("/api/v1/alerts", params={"all": "true"}).json()[0]["acknowledged_by"] == "web"


def test_alerts_page_and_api_page_with_the_shared_pager(tmp_path: Path) -> None:
    v1, _ = M.lists(tmp_path / "lists")
    path = tmp_path / "many.db"
    with Workspace(path, create=True) as ws:
        ws.load_lists([v1])
        for n in range(3):
            link = Hit(entity_id=f"un:{M.COMPANY[0]}", entity_name=M.COMPANY[1], schema="Organization",
                       list_version="v1", query_name="Blue Harbor", matched_name=M.COMPANY[1], score=0.99,
                       match=True, threshold=0.8, algorithm="a", tier="certain", link_reason="same name")
            ws.raise_alerts([Extraction(entities=[Mention("Blue Harbor", 0, 11, "Organization", links=[link])],
                                        doc_id=f"doc-{n}")])
    app = create_app(lambda: Workspace(path), settings=Settings.from_env({}))
    with TestClient(app, base_url="http://localhost") as c:
        first = c.get("/alerts", params={"size": "2", "done": "7"}).text
        assert first.count('class="alert-item"') == 2 and "1–2 of 3" in first and "Alert 7 acknowledged" in first
        assert 'rel="next" href="/alerts?size=2&amp;page=2"' in first  # the notice is not carried along
        second = c.get("/alerts", params={"size": "2", "page": "2"}).text
        assert second.count('class="alert-item"') == 1 and 'href="/document/doc-0"' in second
        api = c.get("/api/v1/alerts", params={"limit": 1, "offset": 1}).json()
        assert [a["document"] for a in api] == ["doc-1"]
