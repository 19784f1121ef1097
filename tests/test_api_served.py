"""``/api/v1/screen`` as ``mistrust serve`` serves it (uvicorn, ``api/serving.py``'s protocol, the
whole app): the bytes of an answer and the audit rows it leaves are the Workspace's own.

The oracle is ``Workspace.screen`` called directly on the same workspace: the served body must be
the JSON of its hits byte for byte, and the run and hit rows the server records must equal the
ones the direct call records, but for the run id and the time. Also ``CorkedTransport``, which
gathers an answer's writes into one: what it holds leaves, in order, before the connection closes.
"""

from __future__ import annotations

import asyncio
import http.client
import os
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import orjson
import pytest

from _backend import PG_URL
from _live_server import Server, small_workspace
from mistrust.api.serving import FLUSH_AT, CorkedTransport
from mistrust.model import NameQuery
from mistrust.settings import Settings
from mistrust.workspace import Workspace

# (query parameters as a client sends them, the same query as the Workspace takes it, threshold, limit)
CASES: list[tuple[dict[str, Any], NameQuery, float | None, int | None]] = [
    ({"name": "IRGC"}, NameQuery("IRGC"), None, None),
    ({"name": "Shahid Movahed Industries", "schema": "Organization"},
     NameQuery("Shahid Movahed Industries", schema="Organization"), None, None),
    ({"name": "Islamic Revolutionary Guard", "threshold": "0.3"}, NameQuery("Islamic Revolutionary Guard"), 0.3, None),
    ({"name": "Islamic Guard Industries", "threshold": "0.05"}, NameQuery("Islamic Guard Industries"), 0.05, None),
    ({"name": "Revolutionary Industries", "threshold": "0.01", "limit": "1"},
     NameQuery("Revolutionary Industries"), 0.01, 1),
    ({"name": "Revolutionary Guards", "country": ["IR", "iq"], "birth_date": "1979"},
     NameQuery("Revolutionary Guards", birth_date="1979", countries=["ir", "iq"]), None, None),
    ({"name": "Quiet Harbour Bakery"}, NameQuery("Quiet Harbour Bakery"), None, None),  # no hits
]

RUN_COLUMNS = ("kind", "query", "list_versions", "algorithm", "threshold", "hit_count", "match_count", "hits")
HIT_COLUMNS = ("hit_id", "entity_id", "query_name", "score", "match", "data")


def _get(port: int, params: dict[str, Any]) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", "/api/v1/screen?" + urlencode(params, doseq=True))
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def _runs(ws: Workspace) -> list[dict[str, Any]]:
    return [dict(r) for r in ws.db.query("SELECT * FROM screen_runs ORDER BY at, id")]


def _hits(ws: Workspace, run_id: str) -> list[tuple[Any, ...]]:
    rows = ws.db.query("SELECT * FROM screen_hits WHERE run_id = ? ORDER BY hit_id", (run_id,))
    return [tuple(r[c] for c in HIT_COLUMNS) for r in rows]


def _wait_for_runs(ws: Workspace, n: int) -> list[dict[str, Any]]:
    deadline = time.monotonic() + 20
    while len(runs := _runs(ws)) < n and time.monotonic() < deadline:
        time.sleep(0.05)  # the server's background writer commits them a few ms after each answer
    return runs


def test_a_served_answer_and_its_audit_rows_are_the_workspace_s_own(tmp_path: Path) -> None:
    db = small_workspace(tmp_path)
    served = []
    with Server(lambda: Workspace(db), Settings.from_env({})) as server:
        for params, _, _, _ in CASES:
            status, body = _get(server.port, params)
            assert status == 200, body
            served.append(body)
    with Workspace(db) as ws:
        server_runs = _wait_for_runs(ws, len(CASES))
        assert len(server_runs) == len(CASES)
        direct = [ws.screen(q, threshold=t, limit=k) for _, q, t, k in CASES]
        ws.db.writer.flush(30)
        runs = _runs(ws)
        assert len(runs) == 2 * len(CASES)
        # the cases answer with one hit, with several, and with none
        assert sorted({min(len(hits), 2) for hits in direct}) == [0, 1, 2]
        for i, ((params, *_), body, hits) in enumerate(zip(CASES, served, direct, strict=True)):
            assert body == orjson.dumps({"query": params["name"], "hits": hits}), params
            mine, theirs = runs[i], runs[len(CASES) + i]
            assert [mine[c] for c in RUN_COLUMNS] == [theirs[c] for c in RUN_COLUMNS], params
            assert _hits(ws, mine["id"]) == _hits(ws, theirs["id"]), params
            assert len(_hits(ws, mine["id"])) == len(hits)


class _Transport:
    """What the real transport was asked to do, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, bytes]] = []
        self.closing = False

    def write(self, data: bytes) -> None:
        self.calls.append(("write", bytes(data)))

    def close(self) -> None:
        self.calls.append(("close", b""))
        self.closing = True

    def abort(self) -> None:
        self.calls.append(("abort", b""))
        self.closing = True

    def is_closing(self) -> bool:
        return self.closing

    def get_write_buffer_size(self) -> int:
        return 0

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("127.0.0.1", 4242)}.get(name, default)


def _corked() -> tuple[asyncio.AbstractEventLoop, _Transport, CorkedTransport]:
    loop = asyncio.new_event_loop()
    real = _Transport()
    return loop, real, CorkedTransport(real, loop)  # type: ignore[arg-type]


def _one_turn(loop: asyncio.AbstractEventLoop) -> None:
    loop.run_until_complete(asyncio.sleep(0))


def test_the_writes_of_one_turn_leave_as_one_write_in_order() -> None:
    loop, real, corked = _corked()
    try:
        corked.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n")
        corked.write(b"")
        corked.write(memoryview(b"{}"))
        assert real.calls == []  # held until the loop's turn
        assert corked.get_write_buffer_size() == 40
        _one_turn(loop)
        assert real.calls == [("write", b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}")]
        corked.write(b"next")
        _one_turn(loop)
        assert real.calls[1:] == [("write", b"next")]
        assert corked.get_extra_info("peername") == ("127.0.0.1", 4242)  # the rest passes through
    finally:
        loop.close()


@pytest.mark.parametrize("end", ["close", "write_eof"])
def test_what_is_held_leaves_before_the_connection_ends(end: str) -> None:
    loop, real, corked = _corked()
    real.write_eof = lambda: real.calls.append(("eof", b""))  # type: ignore[attr-defined]
    try:
        corked.write(b"head")
        corked.write(b"body")
        getattr(corked, end)()
        assert real.calls == [("write", b"headbody"), ("close" if end == "close" else "eof", b"")]
        _one_turn(loop)  # the flush still scheduled finds nothing left to write
        assert len(real.calls) == 2
    finally:
        loop.close()


def test_a_large_body_is_written_at_once_and_an_abort_drops_what_is_held() -> None:
    loop, real, corked = _corked()
    try:
        corked.write(b"h")
        corked.write(b"x" * FLUSH_AT)
        assert real.calls == [("write", b"h" + b"x" * FLUSH_AT)]  # flow control sees it grow
        corked.write(b"lost")
        corked.abort()
        _one_turn(loop)
        assert real.calls[1:] == [("abort", b"")]
    finally:
        loop.close()


def test_nonces_are_never_repeated_across_blocks_nor_after_a_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    import base64
    import re

    from mistrust.api import guard

    nonces = guard.Nonces()
    drawn = [nonces.next() for _ in range(3 * guard.Nonces.BLOCK // guard.NONCE_BYTES + 7)]  # three blocks and more
    assert len(set(drawn)) == len(drawn)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{22}", n) for n in drawn)
    assert {len(base64.urlsafe_b64decode(n + "==")) for n in drawn} == {guard.NONCE_BYTES}
    # a child process (another pid) draws a block of its own instead of going on with its parent's
    pool_before = nonces._pool
    monkeypatch.setattr(guard.os, "getpid", lambda: -1)
    nonces.next()
    assert nonces._pool != pool_before and nonces._at == guard.NONCE_BYTES


def test_every_answer_carries_a_fresh_nonce_in_its_policy(tmp_path: Path) -> None:
    db = small_workspace(tmp_path)
    policies = []
    with Server(lambda: Workspace(db), Settings.from_env({})) as server:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        for path in ["/api/v1/screen?name=IRGC", "/api/v1/health", "/api/v1/screen?name=IRGC"]:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            policies.append(response.getheader("content-security-policy"))
        conn.close()
    nonces = [p.split("'nonce-", 1)[1].split("'", 1)[0] for p in policies]
    assert len(set(nonces)) == 3 and all(len(n) == 22 for n in nonces)


async def pid_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """A bare ASGI app answering with its process id (``run_workers``' tests)."""
    if scope["type"] != "http":
        return
    body = str(os.getpid()).encode()
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _pids(port: int, connections: int) -> list[int]:
    out = []
    for _ in range(connections):  # a new connection each: the kernel chooses a worker for each
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/")
        out.append(int(conn.getresponse().read()))
        conn.close()
    return out


def _listening(port: int) -> int:
    """How many sockets listen on ``port`` (Linux: /proc/net/tcp, state 0A is LISTEN)."""
    rows = [line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:]]
    return sum(1 for row in rows if row[1].endswith(f":{port:04X}") and row[3] == "0A")


@pytest.mark.parametrize("handed", [True, False], ids=["connections-handed-in-turn", "a-socket-each"])
def test_connections_reach_every_worker_and_a_dead_one_is_replaced(handed: bool,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import signal
    import threading

    import uvicorn

    from _live_server import free_port
    from mistrust.api import serving
    from mistrust.api.serving import HTTP_PROTOCOL, run_workers

    if handed and not serving.HANDS_OVER:
        pytest.skip("no descriptor passing on this system")
    monkeypatch.setattr(serving, "HANDS_OVER", handed)
    port = free_port()
    config = uvicorn.Config("test_api_served:pid_app", host="127.0.0.1", port=port, log_level="warning",
                            http=HTTP_PROTOCOL)
    ready, stop = threading.Event(), threading.Event()
    status: list[int] = []
    thread = threading.Thread(target=lambda: status.append(run_workers(config, 2, ready, stop)))
    thread.start()
    try:
        assert ready.wait(30)
        deadline = time.monotonic() + 60
        while True:  # the workers are up once both answer
            try:
                first = _pids(port, 40)
                if len(set(first)) == 2 or not handed:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.2)
        if handed:  # one listening socket, its connections dealt in turn: 20 and 20, alternating
            assert _listening(port) == 1
            assert first[0::2] == [first[0]] * 20 and first[1::2] == [first[1]] * 20, first
        else:  # 40 connections hashed over two sockets: all on one would happen once in 2**39 runs
            assert _listening(port) == 2 and len(set(first)) == 2, first
        victim = first[0]
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 60
        while True:  # connections wait for (or pass over) the worker started in its place
            try:
                pids = set(_pids(port, 40))
            except OSError:  # handed to the dead worker before it was seen to be dead
                pids = set()
            if len(pids) == 2 and victim not in pids:
                break
            assert time.monotonic() < deadline, pids
            time.sleep(0.2)
    finally:
        stop.set()
        thread.join(60)
    assert status == [0]
    with pytest.raises(OSError):
        _pids(port, 1)  # every worker has ended, and the sockets are closed


@pytest.mark.skipif(not PG_URL, reason="needs a PostgreSQL server: MISTRUST_TEST_PG_URL (scripts/pg_cluster.sh run)")
def test_serve_with_two_workers_answers_from_both_and_records_every_answer_on_stop(tmp_path: Path) -> None:
    import subprocess
    import sys

    from _backend import Schemas
    from _live_server import free_port
    from mistrust.workspace import Workspace as Ws

    schemas = Schemas(PG_URL)
    url = schemas.url_for(tmp_path / "served")
    try:
        with Ws(url, create=True) as ws:
            import seeing_samples

            ws.load_lists([seeing_samples.write_small_sdn(tmp_path / "sdn")])
        port = free_port()
        cli = Path(sys.executable).parent / "mistrust"
        server = subprocess.Popen([str(cli), "--db", url, "serve", "--workers", "2", "--port", str(port),
                                   "--log-level", "warning"], env={**os.environ, "MISTRUST_API_TOKEN": ""})
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    status, body = _get(port, {"name": "IRGC"})
                    break
                except OSError:
                    assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
                    time.sleep(0.3)
            assert status == 200 and orjson.loads(body)["hits"][0]["entity_id"] == "ofac:10391"
            names = [f"Industries {i}" for i in range(30)]
            for name in names:  # a connection each: dealt to both workers in turn
                assert _get(port, {"name": name})[0] == 200
        finally:
            server.terminate()  # at once: the rows still queued in each worker and its writer process
            assert server.wait(60) == 0  # the workers stop on SIGTERM, and so does serve
        with Ws(url) as ws:
            # every answer's run, written by each worker's audit writer process before it ended
            assert sorted(r["query"]["name"] for r in ws.audit_runs(limit=100)) == sorted(["IRGC", *names])
    finally:
        schemas.drop_all()


def test_listening_sockets_share_one_port_or_one_socket_without_reuse_port(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from mistrust.api.serving import listening_sockets

    socks = listening_sockets("127.0.0.1", 0, 3)
    try:
        assert len({id(s) for s in socks}) == 3 and len({s.getsockname()[1] for s in socks}) == 1
        # listening before any worker starts: the first worker up must not take every connection
        assert _listening(socks[0].getsockname()[1]) == 3
    finally:
        for s in socks:
            s.close()
    monkeypatch.delattr(socket, "SO_REUSEPORT")
    shared = listening_sockets("127.0.0.1", 0, 2)
    try:
        assert shared[0] is shared[1]  # the workers share it, as uvicorn's own do
    finally:
        shared[0].close()
