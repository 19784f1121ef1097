"""``GET /api/v1/screen``: its parameters read by one model validation (``routes.screen_params``),
and its screening run on the event loop when nothing has to wait (``SharedWorkspace.screen_now``).

The parameters used to be declared one by one to FastAPI; a reference app declared that way
(built here) is the oracle: every refusal must be the same answer, byte for byte, and every
accepted query the same values.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
import types
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import pytest
from fastapi import FastAPI, Query
from fastapi.testclient import TestClient
from starlette.datastructures import QueryParams

import seeing_samples as S
from mistrust.api import create_app
from mistrust.api.errors import add_error_handlers
from mistrust.api.routes import screen_params
from mistrust.api.schemas import MAX_NAME
from mistrust.settings import Settings
from mistrust.store import lists as list_store
from mistrust.store import screening as screen_store
from mistrust.workspace import base as workspace_base
from mistrust.workspace.shared import SharedWorkspace


def _reference() -> TestClient:
    """The route's parameters as FastAPI validated them one by one, answering what it read."""
    app = FastAPI()
    add_error_handlers(app, web=False)

    @app.get("/api/v1/screen")
    def screen_one(
        name: Annotated[str, Query(min_length=1, max_length=MAX_NAME)],
        schema: Annotated[str, Query(max_length=40)] = "Any",
        birth_date: Annotated[str | None, Query(max_length=40)] = None,
        country: Annotated[list[str] | None, Query(max_length=20)] = None,
        threshold: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
        limit: Annotated[int | None, Query(ge=1, le=100)] = None,
    ) -> dict[str, Any]:
        return {"name": name, "schema": schema, "birth_date": birth_date, "country": country,
                "threshold": threshold, "limit": limit}

    return TestClient(app, base_url="http://localhost")


QUERIES = [
    "name=IRGC", "name=Shahid+Movahed&schema=Organization", "name=J%C3%BCrgen+M%C3%BCller&birth_date=1970-01-01",
    "name=Kim&country=KP&country=cn", "name=x&threshold=0.5&limit=5", "name=x&threshold=1&limit=100",
    "name=x&threshold=0&limit=1", "name=x&threshold=1e-1", "name=x&threshold=+0.5", "name=x&limit=007",
    "name=a&name=b", "name=x&unknown=1", "name=x&country=", "name=%C3%A9%20x",
    # refusals
    "", "name=", "name=x&threshold=2", "name=x&threshold=-0.1", "name=x&threshold=abc", "name=x&threshold=",
    "name=x&limit=0", "name=x&limit=101", "name=x&limit=1.5", "name=x&limit=", "name=x&limit=ten",
    "name=" + "y" * (MAX_NAME + 1), "name=x&schema=" + "S" * 41, "name=x&birth_date=" + "9" * 41,
    "name=x&" + "&".join(f"country=c{i}" for i in range(21)), "schema=Person&limit=0&threshold=7",
    "name=&limit=0",
]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "api.db"
    with S.sample_workspace_class()(path, create=True) as ws:
        ws.load_lists([S.write_small_sdn(tmp_path / "sdn")])
    return path


@pytest.fixture
def client(db: Path):
    ws_cls = S.sample_workspace_class()
    app = create_app(lambda: ws_cls(db), settings=Settings.from_env({}, api_token=None), web=False)
    with TestClient(app, base_url="http://localhost") as c:
        yield c


@pytest.mark.parametrize("query", QUERIES)
def test_parameters_read_as_fastapi_read_them(client: TestClient, query: str) -> None:
    expected = _reference().get(f"/api/v1/screen?{query}")
    got = client.get(f"/api/v1/screen?{query}")
    assert got.status_code == expected.status_code
    if expected.status_code == 200:
        p = screen_params(QueryParams(query))
        assert {"name": p.name, "schema": p.schema_, "birth_date": p.birth_date, "country": p.country,
                "threshold": p.threshold, "limit": p.limit} == expected.json()
        assert got.json()["query"] == expected.json()["name"]
    else:
        assert got.content == expected.content  # the same 422 body, byte for byte
        assert got.json()["error"]["code"] == "validation"


def test_the_schema_documents_each_parameter(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/api/v1/screen"]["get"]
    params = {p["name"]: p for p in operation["parameters"]}
    assert set(params) == {"name", "schema", "birth_date", "country", "threshold", "limit"}
    assert params["name"]["required"] and not params["limit"]["required"]
    assert all(p["in"] == "query" for p in params.values())
    assert params["name"]["schema"]["maxLength"] == MAX_NAME
    assert operation["security"] == [{"HTTPBearer": []}]


def _body(client: TestClient, name: str) -> bytes:
    r = client.get("/api/v1/screen?" + urlencode({"name": name, "country": "ir"}))
    assert r.status_code == 200 and "screen;dur=" in r.headers["server-timing"]
    return r.content


def test_loop_and_thread_answer_alike_and_both_are_audited(client: TestClient) -> None:
    shared: SharedWorkspace = client.app.state.shared  # type: ignore[attr-defined]
    names = ["IRGC", "Islamic Revolutionary Guard", "Shahid Movahed", "Nobody Atall"]
    for name in names:
        _body(client, name)  # opens the workspace, builds the index, learns the lists' state
    ws = shared.workspace
    before = len(ws.audit_runs(limit=1000, offset=0))
    assert ws.memory_index() is not None
    on_loop = [_body(client, name) for name in names]
    # another screening under way: the same requests take the thread pool, and wait for it
    held = shared._screen_lock  # noqa: SLF001 - the lock screen_now must find free
    held.acquire()
    releaser = threading.Timer(0.2, held.release)
    releaser.start()
    try:
        on_thread = [_body(client, name) for name in names]
    finally:
        releaser.join()
    assert on_loop == on_thread and b'"hits":[{' in on_loop[0]
    ws.settle_writes()
    assert len(ws.audit_runs(limit=1000, offset=0)) == before + 2 * len(names)


def test_screen_now_answers_only_what_needs_no_wait(db: Path) -> None:
    shared = SharedWorkspace(lambda: S.sample_workspace_class()(db))
    assert shared.screen_now("IRGC") is None  # not opened yet: opening reads the store
    expected = shared.screen("IRGC", record=False)
    assert [h.entity_id for h in shared.screen_now("IRGC", record=False) or []] == [h.entity_id for h in expected]
    ws = shared.workspace
    with shared._screen_lock:  # noqa: SLF001 - another screening under way
        assert shared.screen_now("IRGC", record=False) is None
    # a write by this Workspace (a list load): the lists' state is no longer known without the store
    ws.load_lists([S.write_small_sdn(db.parent / "again")])
    assert ws.memory_index() is None and shared.screen_now("IRGC", record=False) is None
    shared.screen("IRGC", record=False)  # on a thread: reads the state, the index
    assert ws.memory_index() is not None
    # a reviewer's judgement: every screening with hits reads them from the store
    ws.judge(shared.screen("IRGC")[0].id, "confirm")
    shared.screen("IRGC", record=False)
    assert ws.memory_index() is None and shared.screen_now("IRGC", record=False) is None
    shared.close()


def test_a_query_without_hits_still_learns_there_are_no_judgements(db: Path) -> None:
    shared = SharedWorkspace(lambda: S.sample_workspace_class()(db))
    assert shared.screen("Quite Unknown Person Elsewhere", record=False) == []
    assert shared.workspace.memory_index() is not None
    shared.close()


def test_the_plain_route_and_the_documented_one_answer_alike(db: Path, client: TestClient) -> None:
    """create_app serves GET /api/v1/screen by a plain route ahead of FastAPI's routers; the
    documented APIRoute calls the same function, so an app of the routers alone answers the same."""
    from fastapi import FastAPI

    from mistrust.api.routes import build_routers
    from mistrust.workspace.shared import SharedWorkspace as Shared

    bare = FastAPI()
    bare.state.shared = Shared(lambda: S.sample_workspace_class()(db))
    add_error_handlers(bare, web=False)
    for router in build_routers():
        bare.include_router(router)
    other = TestClient(bare, base_url="http://localhost")
    for query in ["name=IRGC&country=ir", "name=Shahid+Movahed&limit=1", "name=x&threshold=2", "name=", ""]:
        a, b = client.get(f"/api/v1/screen?{query}"), other.get(f"/api/v1/screen?{query}")
        assert a.status_code == b.status_code
        if a.status_code == 200:
            assert a.json()["hits"] and a.content == b.content
        else:
            assert a.content == b.content
    # the plain route answers, inside the Guard: its headers are on the answer
    assert "content-security-policy" in client.get("/api/v1/screen?name=IRGC").headers
    bare.state.shared.close()


def test_the_plain_route_keeps_the_body_limit_and_the_user_check(db: Path) -> None:
    ws_cls = S.sample_workspace_class()
    app = create_app(lambda: ws_cls(db), settings=Settings.from_env({}, api_token="s3cret", max_request_bytes=100),
                     web=False)
    with TestClient(app, base_url="http://localhost") as c:
        headers = {"Authorization": "Bearer s3cret"}
        assert c.get("/api/v1/screen?name=IRGC").status_code == 401  # no token
        assert c.get("/api/v1/screen?name=IRGC", headers=headers).status_code == 200
        big = c.request("GET", "/api/v1/screen?name=IRGC", headers=headers, content=b"x" * 101)
        assert big.status_code == 413 and big.json()["error"]["code"] == "request_too_large"


def _loop_lag(call: Any) -> tuple[Any, float]:
    """``call()`` run on an event loop beside a probe ticking every 5 ms: its answer, and the longest
    the probe waited for the loop (what every other request on that loop would have waited)."""

    async def run() -> tuple[Any, float]:
        gaps: list[float] = []

        async def probe() -> None:
            last = time.perf_counter()
            while True:
                await asyncio.sleep(0.005)
                now = time.perf_counter()
                gaps.append(now - last)
                last = now

        task = asyncio.create_task(probe())
        await asyncio.sleep(0.03)
        answer = call()
        await asyncio.sleep(0.03)
        task.cancel()
        return answer, max(gaps)

    return asyncio.run(run())


def test_screen_now_never_waits_on_the_loop_when_its_answers_expire_meanwhile(db: Path, monkeypatch) -> None:
    """The check and the screening read one snapshot. Here a clock moves 0.4 s at each look, so the
    answers found fresh by the check have expired when a second look is taken; a store read then
    (made to take 0.5 s, as one waiting for a lock would) stalls the event loop. Meanwhile another
    process holds the write lock (a list load): the audit rows only queue. (The answers' renewal,
    ``refresh_ahead``, reads the store on a thread of its own: only reads on the loop count.)"""
    shared = SharedWorkspace(lambda: S.sample_workspace_class()(db))
    expected = [h.entity_id for h in shared.screen("IRGC", record=False)]  # learns the state, no judgements
    ws = shared.workspace
    reads: list[str] = []

    def slow(name: str, read: Any) -> Any:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is threading.main_thread():  # the loop's thread
                reads.append(name)
            time.sleep(0.5)
            return read(*args, **kwargs)
        return wrapped

    monkeypatch.setattr(list_store, "versions", slow("versions", list_store.versions))
    monkeypatch.setattr(screen_store, "has_judgements", slow("has_judgements", screen_store.has_judgements))
    now = [time.monotonic()]

    def moving() -> float:
        now[0] += 0.4
        return now[0]

    monkeypatch.setattr(workspace_base, "time", types.SimpleNamespace(monotonic=moving))
    before = len(ws.audit_runs(limit=1000, offset=0))
    lock = sqlite3.connect(db, timeout=5)
    lock.execute("BEGIN IMMEDIATE")
    try:
        hits, lag = _loop_lag(lambda: shared.screen_now("IRGC"))
    finally:
        lock.rollback()
        lock.close()
    assert reads == [] and lag < 0.25, (reads, lag)
    assert hits is not None and [h.entity_id for h in hits] == expected  # answered on the loop
    # the check alone, a moment later, finds the answers expired: the next request takes a thread
    assert shared.screen_now("IRGC") is None and reads == []
    monkeypatch.undo()
    assert ws.settle_writes() and len(ws.audit_runs(limit=1000, offset=0)) == before + 1
    shared.close()


def test_the_route_and_a_batch_item_make_the_same_query() -> None:
    """Each request model converts itself (``name_query``): the same person asked both ways is
    the same screening query, country codes lower-cased; only a batch item carries identifiers."""
    from mistrust.api.schemas import QueryIn

    single = screen_params(QueryParams("name=Ana+Veles&schema=Person&birth_date=1970&country=MD&country=Ro"))
    item = QueryIn.model_validate({"name": "Ana Veles", "schema": "Person", "birth_date": "1970",
                                   "countries": ["MD", "Ro"], "identifiers": ["X-1"]})
    a, b = single.name_query(), item.name_query()
    assert a.countries == b.countries == ["md", "ro"]
    assert (a.name, a.schema, a.birth_date) == (b.name, b.schema, b.birth_date) == ("Ana Veles", "Person", "1970")
    assert a.identifiers == [] and b.identifiers == ["X-1"]
    bare = screen_params(QueryParams("name=Lone+Name")).name_query()
    assert bare.countries == [] and bare.schema == "Any" and bare.birth_date is None


def _age_kept_answers(ws: Any, seconds: float) -> None:
    """Make every answer the Workspace keeps (``fresh``) ``seconds`` older, as time passing would."""
    kept = ws._fresh  # noqa: SLF001 - the answers refresh_known renews
    for key, (changes, at, *rest) in list(kept.items()):
        kept[key] = (changes, at - seconds, *rest)


def _refreshed(shared: SharedWorkspace) -> None:
    """Wait for the refresh thread woken by ``refresh_ahead`` to renew every aging answer."""
    deadline = time.monotonic() + 30
    while shared.workspace.known_aging():
        assert time.monotonic() < deadline, "the answers were not renewed"
        time.sleep(0.01)


def test_aging_answers_are_renewed_on_a_thread_before_they_expire(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # answers live a minute here, not a second: the ages are set by the test, and a loaded machine
    # must not age them on its own between two of its steps (the first read took half a second once)
    monkeypatch.setattr(workspace_base, "FRESH_SECONDS", 60.0)
    shared = SharedWorkspace(lambda: S.sample_workspace_class()(db))
    hit_id = shared.screen("IRGC")[0].id  # opens, builds the index, learns the answers
    ws = shared.workspace
    assert ws.settle_writes()  # the hit is stored: another process may judge it
    assert not ws.known_aging()
    _age_kept_answers(ws, workspace_base.FRESH_SECONDS * 0.6)  # past half their life, not expired
    assert ws.known_aging() and ws.memory_index() is not None
    assert shared.screen_now("IRGC", record=False)  # still answered from memory, and a refresh started
    _refreshed(shared)
    assert not ws.known_aging()
    _age_kept_answers(ws, workspace_base.FRESH_SECONDS * 0.6)  # 1.2 lifetimes after the first read:
    assert ws.memory_index() is not None  # without the refresh these answers would have expired
    # the renewed answers are the store's: a judgement written by another process shows up
    with S.sample_workspace_class()(db) as other:
        other.judge(hit_id, "confirm")
    assert shared.screen_now("IRGC", record=False)  # the old answer, still within its life
    _refreshed(shared)
    assert ws.memory_index() is None  # judgements must now be read: screenings take the thread
    assert shared.screen("IRGC", record=False)[0].judgement
    shared.close()


def test_the_loop_never_touches_the_store_while_another_process_holds_the_write_lock(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lag probe, without timing: every store call of the run is made on some thread, which one is
    recorded; none may be the event loop's, though the cached answers age past half their life
    during the run and every audit row waits for a lock another process holds."""
    import httpx

    ws_cls = S.sample_workspace_class()
    app = create_app(lambda: ws_cls(db), settings=Settings.from_env({}, api_token=None), web=False)
    shared: SharedWorkspace = app.state.shared
    shared.screen("warm up", record=False)
    ws = shared.workspace
    callers: list[str] = []
    for name in ("query", "transaction", "write_job"):
        original = getattr(ws.db, name)

        def spy(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
            callers.append(threading.current_thread().name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(ws.db, name, spy)
    on_threads: list[str] = []
    monkeypatch.setattr(shared, "screen", lambda *a, **k: on_threads.append("screen") or [])

    async def run() -> tuple[list[int], str]:
        loop_thread = threading.current_thread().name
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://localhost") as client:
            codes = []
            for n in range(60):
                if n % 20 == 10:
                    _age_kept_answers(ws, workspace_base.FRESH_SECONDS * 0.6)
                codes.append((await client.get("/api/v1/screen", params={"name": "IRGC"})).status_code)
                await asyncio.sleep(0.005)  # the refresh thread gets its turn, as between real requests
        return codes, loop_thread

    lock = sqlite3.connect(db, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")  # as a list load in another process
    try:
        codes, loop_thread = asyncio.run(run())
        assert codes == [200] * 60
        if ws.db.backend == "sqlite":  # (the Postgres pass serves another database: nothing to wait for)
            assert ws.db.writer.pending() > 0  # the audit rows wait for the lock; the answers did not
    finally:
        lock.execute("COMMIT")
        lock.close()
    assert on_threads == []  # every screening answered on the loop, from memory
    assert loop_thread not in callers
    assert "mistrust-refresh" in callers  # the refreshes read the store, on their own thread
    assert ws.settle_writes()
    shared.close()
