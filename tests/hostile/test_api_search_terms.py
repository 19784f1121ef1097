"""Issue 19, defect 6: search terms are data, never syntax.

Before: a NUL byte in a search term gave a 500 (``/api/v1/documents?q=%00``, ``/?q=%00``):
SQLite reads an FTS query as a C string, so the NUL cut it inside a quoted word. Every term is
now quoted for FTS5 and escaped for LIKE; control characters are dropped.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from _live_server import small_workspace
from mistrust.api import create_app
from mistrust.model import Document
from mistrust.settings import Settings
from mistrust.store.documents import insert_documents
from mistrust.workspace import Workspace

HOSTILE = ["\x00", "a\x00b", "\x00\x00 ship", '"', '""', '"unbalanced', "ship*", "NEAR(ship cargo)", "ship OR",
           "AND", "-ship", "title:ship", "(", ")", "^ship", "%", "_", "\\", "'; DROP TABLE documents; --",
           "\x1b[31m", "\u202e", "ship\x7f"]
PATHS = ["/api/v1/documents", "/", "/api/v1/entities"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = small_workspace(tmp_path_factory.mktemp("search"))
    with Workspace(db, create=True) as ws:
        insert_documents(ws.db, [
            Document(id="d1", text="The cargo ship left the port at night.", title="A ship at night"),
            Document(id="d2", text="Fifty percent (50%) of the_cargo was seized.", title="Seizure"),
        ])
    app = create_app(lambda: Workspace(db, create=True), settings=Settings.from_env({}))
    with TestClient(app, base_url="http://localhost") as c:
        yield c


@pytest.mark.parametrize("term", HOSTILE)
@pytest.mark.parametrize("path", PATHS)
def test_hostile_search_terms_never_fail(client: TestClient, path: str, term: str) -> None:
    r = client.get(path, params={"q": term})
    assert r.status_code in (200, 400, 422), (path, repr(term), r.status_code, r.text[:200])


@pytest.mark.parametrize("term", ["\x00", "\x00\x00", " \x00 "])
def test_a_term_of_nul_bytes_finds_nothing(client: TestClient, term: str) -> None:
    assert client.get("/api/v1/documents", params={"q": term}).json() == []


def test_terms_still_find_what_they_say(client: TestClient) -> None:
    found = lambda q: [d["id"] for d in client.get("/api/v1/documents", params={"q": q}).json()]  # noqa: E731
    assert found("ship") == ["d1"]
    assert found("ship\x00") == ["d1"]  # the NUL is dropped, the word still searched
    assert found('"ship"') == ["d1"]
    assert found("cargo ship") == ["d1"]  # every word must be there
    assert found("ship OR seized") == []  # OR is a word here, not an operator
    assert found("seiz*") == []  # nor is * a prefix search


def test_like_wildcards_in_entity_search_match_themselves() -> None:
    from mistrust.store.extraction import like_pattern

    assert like_pattern("50%") == "%50\\%%"
    assert like_pattern("a_b") == "%a\\_b%"
    assert like_pattern("c:\\x") == "%c:\\\\x%"
    assert like_pattern("plain") == "%plain%"
