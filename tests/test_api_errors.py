"""Every error the API answers has one body, ``{"error": {"code", "message", "details"}}``,
whoever refused the request: a route, FastAPI's validation, Starlette's routing, the request
guard, the token check, or an unexpected failure. Pages keep their HTML error page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import HTTPException
from fastapi.testclient import TestClient

from _live_server import small_workspace
from mistrust.api import create_app
from mistrust.api.schemas import ErrorBody
from mistrust.errors import StoreBusy
from mistrust.settings import Settings
from mistrust.workspace import Workspace

LIMIT = 4096
TOKEN = "t0ken-for-tests"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return small_workspace(tmp_path_factory.mktemp("errors"))


def _app(db: Path, token: str | None = None) -> Any:
    env = {"MISTRUST_MAX_REQUEST_BYTES": str(LIMIT)}
    app = create_app(lambda: Workspace(db), settings=Settings.from_env(env, api_token=token))

    # Routes added after the app is built (as another room's routes are) get the same handlers.
    @app.get("/api/v1/test-forbidden")
    def forbidden() -> None:
        raise HTTPException(403, "not yours")

    @app.get("/api/v1/test-conflict")
    def conflict() -> None:
        raise HTTPException(409, "already decided")

    @app.get("/api/v1/test-crash")
    def crash() -> None:
        raise RuntimeError("secret internals")

    @app.get("/api/v1/test-busy")
    def busy() -> None:
        raise StoreBusy("the workspace is locked", path="w.db")

    return app


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(_app(db), base_url="http://localhost", raise_server_exceptions=False) as c:
        yield c


def _error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}, body
    ErrorBody.model_validate(body)  # the shape the OpenAPI schema documents
    assert body["error"]["code"] == code and body["error"]["message"]
    return body["error"]  # type: ignore[no-any-return]


def test_a_mistrust_error_of_a_route_400_and_404(client: TestClient) -> None:
    _error(client.get("/api/v1/screen", params={"name": "\x00\x01"}), 400, "input")
    error = _error(client.get("/api/v1/lists/entities/ofac:999999"), 404, "not_found")
    assert "ofac:999999" in error["message"]


def test_fastapi_validation_is_422_with_the_faulty_fields(client: TestClient) -> None:
    error = _error(client.get("/api/v1/screen", params={"name": "x", "threshold": "2"}), 422, "validation")
    assert any(d["loc"][-1] == "threshold" for d in error["details"]) and "threshold" in error["message"]
    error = _error(client.post("/api/v1/screen", content=b"{not json", headers={"content-type": "application/json"}),
                   422, "validation")
    assert error["details"]


def test_starlette_refusals_unknown_path_and_method(client: TestClient) -> None:
    _error(client.get("/api/v1/no-such-thing"), 404, "not_found")
    _error(client.delete("/api/v1/lists"), 405, "method_not_allowed")


def test_routes_added_later_403_409_500_503(client: TestClient) -> None:
    assert _error(client.get("/api/v1/test-forbidden"), 403, "forbidden")["message"] == "not yours"
    _error(client.get("/api/v1/test-conflict"), 409, "conflict")
    crash = _error(client.get("/api/v1/test-crash"), 500, "internal")
    assert "secret internals" not in crash["message"]  # the traceback stays in the server log
    assert _error(client.get("/api/v1/test-busy"), 503, "store_busy")["details"] == {"path": "w.db"}


def test_guard_refusals_413_and_host(db: Path, client: TestClient) -> None:
    _error(client.post("/api/v1/screen", content=b"x" * (LIMIT + 1)), 413, "request_too_large")
    with TestClient(_app(db), base_url="http://evil.example") as other:
        error = _error(other.get("/api/v1/lists"), 400, "input")
    assert "host" in error["message"].lower()


def test_token_refusal_401(db: Path) -> None:
    with TestClient(_app(db, token=TOKEN), base_url="http://localhost") as c:
        r = c.get("/api/v1/lists")
        _error(r, 401, "unauthorized")
        assert r.headers["www-authenticate"] == "Bearer"
        assert c.get("/api/v1/lists", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_pages_keep_their_html_error_page(client: TestClient) -> None:
    r = client.get("/list-entity/ofac:999999")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "ofac:999999" in r.text and "<h1>404</h1>" in r.text
    r = client.get("/no-such-page")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
