"""The JSON API and the pages through httpx (Starlette's TestClient) against the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import seeing_samples as S
from mistrust.api import create_app
from mistrust.api.schemas import ScreenResult
from mistrust.settings import Settings


@pytest.fixture
def db(tmp_path: Path) -> Path:
    ws_cls = S.sample_workspace_class()
    path = tmp_path / "api.db"
    with ws_cls(path, create=True) as ws:
        ws.load_lists([S.write_small_sdn(tmp_path / "sdn")])
    return path


def _client(db: Path, token: str | None = None) -> TestClient:
    ws_cls = S.sample_workspace_class()
    app = create_app(lambda: ws_cls(db), settings=Settings.from_env({}, api_token=token))
    return TestClient(app, base_url="http://localhost")


@pytest.fixture
def client(db: Path):
    with _client(db) as c:
        yield c


def test_health(client: TestClient) -> None:
    r = client.get("/api/v1/health")
    assert r.status_code == 200 and r.json()["status"] == "ok"


def test_screen_single_explains_hits_and_is_audited(client: TestClient) -> None:
    r = client.get("/api/v1/screen", params={"name": "IRGC"})
    assert r.status_code == 200
    hits = r.json()["hits"]
    assert hits[0]["entity_id"] == "ofac:10391" and hits[0]["match"] is True
    assert hits[0]["list_version"] and hits[0]["features"][0]["reason"]
    ScreenResult.model_validate(r.json())  # the fast path keeps the documented shape
    audit = client.get("/api/v1/audit").json()
    assert audit[0]["query"]["name"] == "IRGC"


def test_screen_batch(client: TestClient) -> None:
    body = {"queries": [{"name": "IRGC"}, {"name": "Shahid Haj Ali Movahed Research Center",
                                           "schema": "Organization"}, {"name": "Nobody Atall"}]}
    r = client.post("/api/v1/screen", json=body)
    assert r.status_code == 200
    results = r.json()["results"]
    assert [x["query"] for x in results] == [q["name"] for q in body["queries"]]
    assert results[0]["hits"][0]["entity_id"] == "ofac:10391"
    assert results[1]["hits"][0]["entity_id"] == "ofac:19716"
    assert not [h for h in results[2]["hits"] if h["match"]]


@pytest.mark.parametrize(
    "method, path, kwargs, status",
    [
        ("get", "/api/v1/screen", {"params": {"name": ""}}, 422),
        ("get", "/api/v1/screen", {"params": {"name": "x", "threshold": "2"}}, 422),
        ("post", "/api/v1/screen", {"json": {"queries": []}}, 422),
        ("get", "/api/v1/lists/entities/ofac:999999", {}, 404),
        ("get", "/api/v1/documents/nope", {}, 404),
        ("get", "/api/v1/stories/nope", {}, 404),
        ("post", "/api/v1/judgements", {"json": {"hit_id": "nope", "decision": "dismiss"}}, 404),
        ("post", "/api/v1/judgements", {"json": {"hit_id": "x", "decision": "maybe"}}, 422),
    ],
)
def test_bad_requests_get_json_errors(client: TestClient, method, path, kwargs, status) -> None:
    r = getattr(client, method)(path, **kwargs)
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert error["code"] == ("validation" if status == 422 else "not_found") and error["message"]


def test_lists_and_entity(client: TestClient) -> None:
    versions = client.get("/api/v1/lists").json()
    assert len(versions) == 1 and versions[0]["entity_count"] == 3 and versions[0]["current"]
    r = client.get("/api/v1/lists/entities/ofac:10391")
    assert r.status_code == 200
    assert "IRGC" in [a["name"] for a in r.json()["entity"]["aliases"]]
    assert r.json()["versions"][0]["id"] == versions[0]["id"]


def test_stories_claims_documents(client: TestClient) -> None:
    stories = client.get("/api/v1/stories").json()
    assert stories[0]["id"] == "s1" and stories[0]["claim_groups"][0]["independent_origins"] == 1
    assert client.get("/api/v1/stories/s1").json()["title"].startswith("Iran")
    claims = client.get("/api/v1/claims", params={"doc_id": "docA"}).json()
    assert {c["id"] for c in claims} == {"c1", "c3", "c7"}
    assert claims[0]["attribution"]["chain"] == ["Example Wire", "AFP", "panel report"]
    assert client.get("/api/v1/documents/docB").json()["outlet"] == "Example Wire"


def test_review_and_judgement_round_trip(client: TestClient) -> None:
    hit = client.get("/api/v1/screen", params={"name": "IRGC"}).json()["hits"][0]
    queue = client.get("/api/v1/review").json()["items"]
    assert hit["id"] in [h["id"] for h in queue]
    r = client.post("/api/v1/judgements", json={"hit_id": hit["id"], "decision": "confirm", "user": "ana"})
    assert r.status_code == 200 and r.json()["decision"] == "confirmed" and r.json()["user"] == "ana"
    assert hit["id"] not in [h["id"] for h in client.get("/api/v1/review").json()["items"]]
    again = client.get("/api/v1/screen", params={"name": "IRGC"}).json()["hits"][0]
    assert again["judgement"] == "confirmed"


def test_openapi_schema_lists_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/v1/health", "/api/v1/screen", "/api/v1/lists", "/api/v1/lists/entities/{entity_id}",
              "/api/v1/documents", "/api/v1/entities", "/api/v1/claims", "/api/v1/stories",
              "/api/v1/stories/{story_id}", "/api/v1/audit", "/api/v1/judgements", "/api/v1/review"):
        assert p in paths, p
    assert "post" in paths["/api/v1/screen"] and "get" in paths["/api/v1/screen"]
    assert not any(p.startswith("/review") or p == "/" for p in paths)  # pages stay out of the API schema


@pytest.mark.parametrize("path", ["/api/v1/screen?name=IRGC", "/api/v1/lists", "/", "/screen", "/review",
                                  "/openapi.json", "/docs", "/story/s1"])
def test_token_required_everywhere_but_health(db: Path, path: str) -> None:
    with _client(db, token="s3cret") as c:
        assert c.get("/api/v1/health").status_code == 200
        assert c.get(path).status_code == 401
        assert c.get(path, headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get(path, headers={"Authorization": "Bearer s3cret"}).status_code == 200
        c.cookies.set("mistrust_token", "s3cret")
        assert c.get(path).status_code == 200


# -- pages ------------------------------------------------------------------------------------


def test_screening_form_shows_hits_with_reasons(client: TestClient) -> None:
    page = client.get("/screen", params={"name": "IRGC"}).text
    assert "ISLAMIC REVOLUTIONARY GUARD CORPS" in page and "ofac:10391" in page
    assert "same name" in page or "agree" in page  # a reason from the screening features


def test_list_data_renders_as_text(client: TestClient) -> None:
    page = client.get("/list-entity/ofac:777").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;alias&#39;)&lt;/script&gt;" in page
    page = client.get("/screen", params={"name": "EVIL <script>alert(1)</script> TRADING"}).text
    assert "<script>alert(1)" not in page and "EVIL &lt;script&gt;" in page


def test_story_page_has_network_timeline_claims(client: TestClient) -> None:
    page = client.get("/story/s1").text
    for actor in ("Iran", "North Korea", "Syria", "Hamas", "Islamic Revolutionary Guard Corps"):
        assert f'data-node="{actor}"' in page
    assert "<script>alert(" not in page
    timeline = page.split('<ol class="timeline">')[1].split("</ol>")[0]
    assert timeline.index("2017-08") < timeline.index("February 2018") < timeline.index("2020")
    assert client.get("/story/nope").status_code == 404


def test_document_page_escapes_article_text(client: TestClient) -> None:
    page = client.get("/document/docB").text
    assert "Second take &lt;script&gt;" in page and "<script>alert(" not in page
    assert "javascript:" not in page


def test_review_page_dismiss_persists(client: TestClient) -> None:
    hit_id = client.get("/api/v1/screen", params={"name": "IRGC"}).json()["hits"][0]["id"]
    assert f'data-hit="{hit_id}"' in client.get("/review").text
    form = {"content-type": "application/x-www-form-urlencoded"}
    refused = client.post(f"/review/{hit_id}", content="decision=dismiss", headers=form, follow_redirects=False)
    assert refused.status_code == 400 and "needs a note" in refused.text
    r = client.post(f"/review/{hit_id}", content="decision=dismiss&note=another+party", headers=form,
                    follow_redirects=False)
    assert r.status_code == 303
    assert f'data-hit="{hit_id}"' not in client.get("/review").text
    assert client.get("/api/v1/audit").json()  # the screening run is in the audit trail


def test_cross_site_form_post_is_refused(client: TestClient) -> None:
    hit_id = client.get("/api/v1/screen", params={"name": "IRGC"}).json()["hits"][0]["id"]
    r = client.post(f"/review/{hit_id}", content="decision=dismiss",
                    headers={"content-type": "application/x-www-form-urlencoded",
                             "origin": "https://evil.example"}, follow_redirects=False)
    assert r.status_code == 400
    assert f'data-hit="{hit_id}"' in client.get("/review").text


def test_search_page(client: TestClient) -> None:
    page = client.get("/").text
    assert "/story/s1" in page


def test_entity_page_shows_claims_and_sanctions_hits(client: TestClient) -> None:
    page = client.get("/entity", params={"name": "Islamic Revolutionary Guard Corps"}).text
    assert "The IRGC is part of Iran" in page  # its claim
    assert "ofac:10391" in page  # screening the name now finds the list entry, with reasons
    assert "<script>alert(" not in page
    assert client.get("/entity").status_code == 422


def test_search_with_query_and_overview(client: TestClient) -> None:
    assert client.get("/", params={"q": "<script>x</script>"}).status_code == 200
    assert "&lt;script&gt;x" in client.get("/", params={"q": "<script>x</script>"}).text
    overview = client.get("/overview").text
    assert 'data-node="Syria"' in overview


@pytest.mark.parametrize("q", ['"', "a OR", "NEAR(", "*", "col:x", "%", "<script>"])
def test_search_queries_never_fail_the_server(client: TestClient, q: str) -> None:
    for path in ("/", "/api/v1/documents", "/api/v1/entities"):
        assert client.get(path, params={"q": q}).status_code == 200, (path, q)


# -- sign-in for browsers when a token is set ---------------------------------------------------

HTML = {"Accept": "text/html,application/xhtml+xml"}


def test_browser_without_token_is_sent_to_the_login_form(db: Path) -> None:
    with _client(db, token="s3cret") as c:
        r = c.get("/review", headers=HTML, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login?next=/review"
        assert c.get("/api/v1/lists", headers=HTML).status_code == 401  # the API never redirects
        page = c.get("/login", params={"next": "/review"}, headers=HTML)
        assert page.status_code == 200 and 'name="token"' in page.text and 'value="/review"' in page.text


def test_login_sets_the_cookie_and_returns_to_the_page(db: Path) -> None:
    with _client(db, token="s3cret") as c:
        bad = c.post("/login", data={"token": "guess", "next": "/review"}, follow_redirects=False)
        assert bad.status_code == 401 and "mistrust_token" not in c.cookies
        ok = c.post("/login", data={"token": "s3cret", "next": "/review"}, follow_redirects=False)
        assert ok.status_code == 303 and ok.headers["location"] == "/review"
        cookie = ok.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        assert c.get("/review", headers=HTML).status_code == 200
        out = c.post("/logout", follow_redirects=False)
        assert out.status_code == 303
        c.cookies.clear()
        assert c.get("/review", headers=HTML, follow_redirects=False).status_code == 303


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "review"])
def test_login_never_redirects_off_site(db: Path, target: str) -> None:
    with _client(db, token="s3cret") as c:
        r = c.post("/login", data={"token": "s3cret", "next": target}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/"


def test_login_refuses_a_cross_site_post(db: Path) -> None:
    with _client(db, token="s3cret") as c:
        r = c.post("/login", data={"token": "s3cret"}, headers={"Origin": "https://evil.example"},
                   follow_redirects=False)
        assert r.status_code >= 400 and "set-cookie" not in r.headers


def test_login_form_without_a_token_goes_home(client: TestClient) -> None:
    r = client.get("/login", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
