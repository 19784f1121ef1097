"""Issue 19, defects 3 and 4: the Host check, the security headers, the body cap.

Before: a request naming another host (DNS rebinding) read the audit trail and recorded a
dismissal; no answer carried CSP, X-Frame-Options or nosniff, so the review page could be
framed; ``POST /login`` read a body of any size before its form limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from _live_server import small_workspace
from mistrust.api import create_app
from mistrust.settings import Settings
from mistrust.workspace import Workspace

LIMIT = 64 * 1024


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_workspace(tmp_path_factory.mktemp("guard"))


def _client(db: Path, host: str = "localhost", allowed: str = "") -> TestClient:
    env = {"MISTRUST_MAX_REQUEST_BYTES": str(LIMIT), "MISTRUST_ALLOWED_HOSTS": allowed}
    app = create_app(lambda: Workspace(db, create=True), settings=Settings.from_env(env))
    return TestClient(app, base_url=f"http://{host}")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with _client(db) as c:
        yield c


@pytest.mark.parametrize("host", ["evil.example", "attacker.test:8000", "localhost.evil.example", "127.0.0.2"])
def test_a_foreign_host_is_refused_before_anything_runs(db: Path, client: TestClient, host: str) -> None:
    hit_id = client.get("/api/v1/screen", params={"name": "IRGC"}).json()["hits"][0]["id"]
    runs = len(client.get("/api/v1/audit", params={"limit": 1000}).json())
    rebound = _client(db, host=host)
    for method, path, kwargs in (("GET", "/api/v1/audit", {}), ("GET", "/", {}),
                                 ("GET", "/api/v1/screen", {"params": {"name": "IRGC"}}),
                                 ("POST", "/api/v1/judgements", {"json": {"hit_id": hit_id, "decision": "dismiss", "note": "n"}}),
                                 ("POST", f"/review/{hit_id}", {"content": "decision=dismiss&note=n",
                                                                "headers": {"origin": f"http://{host}"}})):
        r = rebound.request(method, path, **kwargs)
        assert r.status_code == 400, (method, path, r.status_code)
        assert r.json()["error"]["code"] == "input" and "host" in r.json()["error"]["message"].lower()
        assert r.headers["x-frame-options"] == "DENY"
    assert len(client.get("/api/v1/audit", params={"limit": 1000}).json()) == runs  # no screening recorded
    assert any(h["id"] == hit_id for h in client.get("/api/v1/review").json()["items"])  # no dismissal recorded


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST.", "mistrust.internal"])
def test_the_names_of_this_server_are_answered(db: Path, host: str) -> None:
    client = _client(db, host=host, allowed="mistrust.internal, other.internal")
    assert client.get("/api/v1/health").status_code == 200


def test_any_host_when_told_so(db: Path) -> None:
    assert _client(db, host="anything.example", allowed="*").get("/api/v1/health").status_code == 200


@pytest.mark.parametrize("path", ["/", "/screen?name=IRGC", "/review", "/story/none", "/api/v1/health",
                                  "/api/v1/screen?name=IRGC", "/api/v1/documents/missing", "/static/web.css"])
def test_every_answer_carries_the_security_headers(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "same-origin"
    policy = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]  # scripts only by nonce


def test_the_page_script_carries_the_nonce_of_its_own_answer(db: Path) -> None:
    from seeing_samples import sample_workspace_class

    app = create_app(lambda: sample_workspace_class()(db), settings=Settings.from_env({}))
    pages = TestClient(app, base_url="http://localhost")
    first, second = pages.get("/story/s1"), pages.get("/story/s1")
    for r in (first, second):
        nonce = re.search(r"'nonce-([^']+)'", r.headers["content-security-policy"]).group(1)
        assert f'<script nonce="{nonce}">' in r.text
        assert len(re.findall(r"<script", r.text)) == 1  # no other script: all of them run under the policy
    assert first.headers["content-security-policy"] != second.headers["content-security-policy"]


@pytest.mark.parametrize("path", ["/login", "/api/v1/screen", "/review/abc", "/api/v1/judgements"])
def test_a_declared_body_over_the_limit_is_refused_unread(client: TestClient, path: str) -> None:
    r = client.post(path, content=b"x" * (LIMIT + 1), headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "request_too_large"


@pytest.mark.parametrize("path", ["/login", "/api/v1/screen"])
def test_a_streamed_body_is_counted_and_cut_off(client: TestClient, path: str) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(64):  # 4 times the limit, with no Content-Length (chunked)
            yield b"a" * 4096

    r = client.post(path, content=chunks(), headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "request_too_large"


def test_a_form_over_its_own_limit_is_refused_while_it_streams(client: TestClient) -> None:
    r = client.post("/login", content=b"token=" + b"t" * 20_000,
                    headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 400 and "form too large" in r.text


def test_bodies_under_the_limit_still_work(client: TestClient) -> None:
    r = client.post("/api/v1/screen", json={"queries": [{"name": "IRGC"}] * 20})
    assert r.status_code == 200 and len(r.json()["results"]) == 20


@pytest.mark.parametrize(("header", "name"), [
    ("localhost", "localhost"), ("LocalHost:8000", "localhost"), ("[::1]:8000", "::1"), ("[::1]", "::1"),
    ("127.0.0.1:80", "127.0.0.1"), ("example.org.", "example.org"), ("", ""), ("::1", "::1"),
])
def test_host_names_compare_without_port_brackets_case_or_final_dot(header: str, name: str) -> None:
    from mistrust.api.guard import host_name

    assert host_name(header) == name


def test_the_allowed_names_are_the_configured_ones_the_bind_address_and_localhost() -> None:
    from mistrust.api.guard import allowed_hosts

    hosts = allowed_hosts(" Reviews.Example , ", bind=["10.0.0.5"])
    assert hosts is not None
    assert {"reviews.example", "10.0.0.5", "localhost", "127.0.0.1", "::1"} == set(hosts)
    assert allowed_hosts("a.example,*") is None  # any host: a proxy in front checks it
