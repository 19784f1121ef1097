"""Accounts, roles and the review queue through the JSON API and the pages (TestClient against the app).

Users: an admin, two analysts and a reviewer; every call carries the API key of one of them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import seeing_samples as S
from mistrust.api import create_app
from mistrust.settings import Settings
from mistrust.workspace import Workspace

STRONG = "Islamic Revolutionary Guard Corps"  # scores about 1.0: dismissing it needs four eyes
PASSWORD = "correct horse battery"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "accounts.db"
    with Workspace(path, create=True) as ws:
        ws.load_lists([S.write_small_sdn(tmp_path / "sdn")])
        ws.add_user("root", "admin", PASSWORD)
    return path


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    app = create_app(lambda: Workspace(db), settings=Settings.from_env({}))
    with TestClient(app, base_url="http://localhost") as c:
        yield c


def _key(db: Path, name: str, role: str | None = None) -> dict[str, str]:
    with Workspace(db) as ws:
        if role is not None:
            ws.add_user(name, role, PASSWORD)
        return {"Authorization": f"Bearer {ws.new_api_key(name)}"}


def _strong_hit(client: TestClient, headers: dict[str, str], name: str = STRONG) -> dict:
    hit = client.get("/api/v1/screen", params={"name": name}, headers=headers).json()["hits"][0]
    assert hit["match"] and hit["score"] >= 0.9
    return hit


def test_requests_without_a_user_are_refused_once_users_exist(client: TestClient, db: Path) -> None:
    assert client.get("/api/v1/health").status_code == 200
    assert client.get("/api/v1/review").status_code == 401
    assert client.get("/api/v1/review", headers={"Authorization": "Bearer mst_guessed"}).status_code == 401
    page = client.get("/review", headers={"Accept": "text/html"}, follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login")
    assert client.get("/static/web.css").status_code == 200  # the sign-in page's stylesheet
    me = client.get("/api/v1/me", headers=_key(db, "root")).json()
    assert me == {"single_user": False, "user": me["user"]} and me["user"]["name"] == "root"


def test_users_are_managed_by_admins_only(client: TestClient, db: Path) -> None:
    admin = _key(db, "root")
    r = client.post("/api/v1/users", json={"name": "ana", "role": "analyst", "password": PASSWORD}, headers=admin)
    assert r.status_code == 200 and r.json() == {**r.json(), "name": "ana", "role": "analyst", "disabled": False}
    assert "password" not in r.json()
    assert [u["name"] for u in client.get("/api/v1/users", headers=admin).json()] == ["ana", "root"]
    analyst = _key(db, "ana")
    assert client.get("/api/v1/users", headers=analyst).status_code == 403
    bad = client.post("/api/v1/users", json={"name": "eve", "role": "admin", "password": PASSWORD}, headers=analyst)
    assert bad.status_code == 403 and bad.json()["error"]["code"] == "forbidden"
    key = client.post("/api/v1/users/ana/keys", headers=admin).json()["key"]
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {key}"}).json()["user"]["name"] == "ana"


def test_a_disabled_users_key_and_session_are_refused(client: TestClient, db: Path) -> None:
    analyst = _key(db, "ana", "analyst")
    assert client.get("/api/v1/review", headers=analyst).status_code == 200
    signed_in = client.post("/login", data={"name": "ana", "password": PASSWORD}, follow_redirects=False)
    assert signed_in.status_code == 303
    assert client.get("/api/v1/me").json()["user"]["name"] == "ana"  # the session cookie
    r = client.post("/api/v1/users/ana/disable", headers=_key(db, "root"))
    assert r.status_code == 200 and r.json()["disabled"] is True
    assert client.get("/api/v1/review", headers=analyst).status_code == 401
    client.headers.pop("Authorization", None)
    assert client.get("/api/v1/me").status_code == 401  # the session ended with the account
    again = client.post("/login", data={"name": "ana", "password": PASSWORD}, follow_redirects=False)
    assert again.status_code == 401


def test_an_analyst_cannot_approve_their_own_dismissal(client: TestClient, db: Path) -> None:
    ana, rev = _key(db, "ana", "analyst"), _key(db, "rita", "reviewer")
    hit = _strong_hit(client, ana)
    r = client.post("/api/v1/judgements", headers=ana,
                    json={"hit_id": hit["id"], "decision": "dismiss", "note": "other party", "user": "forged"})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "pending_approval" and r.json()["user"] == "ana"  # the verified user, not the body's
    own = client.post(f"/api/v1/review/{hit['id']}/approve", json={}, headers=ana)
    assert own.status_code == 403
    # a strong hit stays unjudged for later screenings until the approval
    assert _strong_hit(client, ana)["judgement"] is None
    ok = client.post(f"/api/v1/review/{hit['id']}/approve", json={"note": "agreed"}, headers=rev)
    assert ok.status_code == 200 and ok.json()["status"] == "dismissed" and ok.json()["user"] == "rita"
    assert _strong_hit(client, ana)["judgement"] == "dismissed"
    item = client.get("/api/v1/review", params={"status": "dismissed"}, headers=ana).json()["items"][0]
    assert (item["id"], item["decided_by"], item["approved_by"]) == (hit["id"], "ana", "rita")


def test_nobody_approves_their_own_dismissal_and_analysts_never_approve(client: TestClient, db: Path) -> None:
    ana, bob, rev = _key(db, "ana", "analyst"), _key(db, "bob", "analyst"), _key(db, "rita", "reviewer")
    hit = _strong_hit(client, rev)
    client.post("/api/v1/judgements", headers=rev, json={"hit_id": hit["id"], "decision": "dismiss", "note": "no"})
    assert client.post(f"/api/v1/review/{hit['id']}/approve", json={}, headers=rev).status_code == 403
    other = _strong_hit(client, ana, "IRGC")
    assert other["id"] != hit["id"]
    client.post("/api/v1/judgements", headers=ana, json={"hit_id": other["id"], "decision": "dismiss", "note": "no"})
    refused = client.post(f"/api/v1/review/{other['id']}/approve", json={}, headers=bob)
    assert refused.status_code == 403 and "may not approve" in refused.json()["error"]["message"]


def test_a_dismissal_needs_a_note(client: TestClient, db: Path) -> None:
    ana = _key(db, "ana", "analyst")
    hit = _strong_hit(client, ana)
    for note in (None, "", "   "):
        r = client.post("/api/v1/judgements", headers=ana, json={"hit_id": hit["id"], "decision": "dismiss",
                                                                  "note": note})
        assert r.status_code == 400 and "needs a note" in r.json()["error"]["message"]
    assert client.get("/api/v1/review", headers=ana).json()["items"][0]["status"] == "open"
    confirm = client.post("/api/v1/judgements", headers=ana, json={"hit_id": hit["id"], "decision": "confirm"})
    assert confirm.status_code == 200 and confirm.json()["status"] == "confirmed"


def test_the_audit_export_carries_each_user(client: TestClient, db: Path) -> None:
    ana, rev = _key(db, "ana", "analyst"), _key(db, "rita", "reviewer")
    hit = _strong_hit(client, ana)
    client.post("/api/v1/judgements", headers=ana, json={"hit_id": hit["id"], "decision": "dismiss",
                                                         "note": "=born 1950, not him"})
    client.post(f"/api/v1/review/{hit['id']}/approve", json={"note": "checked the passport"}, headers=rev)
    events = client.get(f"/api/v1/review/{hit['id']}/history", headers=ana).json()
    assert [(e["user"], e["action"], e["status"]) for e in events] == [
        ("ana", "request_dismissal", "pending_approval"), ("rita", "approve", "dismissed")]
    assert events[0]["list_version"] == hit["list_version"] and events[0]["algorithm"] == hit["algorithm"]
    assert events[0]["at"] <= events[1]["at"]
    r = client.get(f"/api/v1/review/{hit['id']}/history", params={"format": "csv"}, headers=rev)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["user"] for row in rows] == ["ana", "rita"]
    assert rows[0]["note"] == "'=born 1950, not him"  # not a spreadsheet formula
    assert rows[1]["list_version"] == hit["list_version"]
    assert client.get("/api/v1/review/nope/history", headers=ana).status_code == 404


def test_queue_filters_pages_and_bulk_actions(client: TestClient, db: Path) -> None:
    ana = _key(db, "ana", "analyst")
    for name in (STRONG, "Shahid Haj Ali Movahed Research Center", "IRGC"):
        client.get("/api/v1/screen", params={"name": name}, headers=ana)
    everything = client.get("/api/v1/review", headers=ana).json()
    assert everything["total"] == 3
    npwmd = client.get("/api/v1/review", params={"program": "NPWMD"}, headers=ana).json()["items"]
    assert [h["entity_id"] for h in npwmd] == ["ofac:19716"]
    assert client.get("/api/v1/review", params={"list": "ofac-sdn"}, headers=ana).json()["total"] == 3
    assert client.get("/api/v1/review", params={"list": "un"}, headers=ana).json()["total"] == 0
    assert client.get("/api/v1/review", params={"max_score": 0.5}, headers=ana).json()["total"] == 0
    first = client.get("/api/v1/review", params={"limit": 2}, headers=ana).json()
    assert len(first["items"]) == 2 and first["next_offset"] == 2 and first["prev_offset"] is None
    second = client.get("/api/v1/review", params={"limit": 2, "offset": 2}, headers=ana).json()
    assert len(second["items"]) == 1 and second["next_offset"] is None and second["prev_offset"] == 0
    ids = [h["id"] for h in everything["items"]]
    assigned = client.post("/api/v1/review/bulk", headers=ana, json={"hit_ids": ids[:2], "action": "assign",
                                                                    "assignee": "ana"}).json()
    assert all(r["ok"] for r in assigned)
    assert client.get("/api/v1/review", params={"assignee": "ana"}, headers=ana).json()["total"] == 2
    noted = client.post("/api/v1/review/bulk", headers=ana, json={"hit_ids": ids, "action": "dismiss"}).json()
    assert not any(r["ok"] for r in noted) and "note" in noted[0]["detail"]
    done = client.post("/api/v1/review/bulk", headers=ana, json={"hit_ids": ids, "action": "confirm"}).json()
    assert [r["status"] for r in done] == ["confirmed"] * 3
    assert client.get("/api/v1/review", headers=ana).json()["total"] == 0


def test_pages_say_who_is_signed_in(client: TestClient, db: Path) -> None:
    _key(db, "ana", "analyst")
    bad = client.post("/login", data={"name": "ana", "password": "wrong password"}, follow_redirects=False)
    assert bad.status_code == 401 and "mistrust_session" not in client.cookies
    ok = client.post("/login", data={"name": "ana", "password": PASSWORD, "next": "/review"}, follow_redirects=False)
    cookie = ok.headers["set-cookie"].lower()
    assert ok.status_code == 303 and "httponly" in cookie and "samesite=strict" in cookie
    token = client.cookies["mistrust_session"]
    with Workspace(db) as ws:  # only the token's hash is stored
        stored = [r["token_hash"] for r in ws.db.query("SELECT token_hash FROM user_sessions")]
        assert stored and token not in stored
    page = client.get("/review").text
    assert "signed in as" in page and ">ana<" in page and "single-user mode" not in page
    client.post("/logout", follow_redirects=False)
    with Workspace(db) as ws:
        assert not ws.db.query("SELECT 1 FROM user_sessions")
    client.cookies.set("mistrust_session", token)  # the old cookie no longer signs anyone in
    assert client.get("/api/v1/me").status_code == 401


def test_without_users_the_pages_say_single_user_mode(tmp_path: Path) -> None:
    db = tmp_path / "single.db"
    with Workspace(db, create=True) as ws:
        ws.load_lists([S.write_small_sdn(tmp_path / "sdn")])
    with TestClient(create_app(lambda: Workspace(db), settings=Settings.from_env({})),
                    base_url="http://localhost") as c:
        assert "single-user mode" in c.get("/review").text
        assert c.get("/api/v1/me").json() == {"single_user": True, "user": None}
        assert c.get("/api/v1/users").status_code == 403  # the first admin comes from `mistrust users add`
