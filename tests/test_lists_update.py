"""`lists update` against a local HTTP server on 127.0.0.1 serving list files (one of them truncated)."""

from __future__ import annotations

import hashlib
import shutil
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from _lists_helpers import sanctions
from mistrust import Workspace
from mistrust.errors import FetchError, ListFormatError
from mistrust.lists.update import SOURCES, Source


class _Handler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        if self.path.startswith("/slow"):
            time.sleep(3)
        if self.path.startswith("/error-page"):
            body = b"<html><body>Service temporarily unavailable</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up early (size cap, timeout) are what these tests provoke


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("www")
    shutil.copy(sanctions("un_consolidated_2025-04-19.xml"), root / "un-2025.xml")
    shutil.copy(sanctions("un_consolidated_2026-02-27.xml"), root / "un-2026.xml")
    for name in ("sdn.csv", "add.csv", "alt.csv"):
        shutil.copy(sanctions("ofac_sdn_csv_2021-07", name), root / name)
    full = sanctions("un_consolidated_2026-02-27.xml").read_bytes()
    (root / "un-truncated.xml").write_bytes(full[: len(full) * 2 // 3])  # a half-finished download
    (root / "slow").write_bytes(full)
    httpd = _QuietServer(("127.0.0.1", 0), partial(_Handler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", root
    httpd.shutdown()
    httpd.server_close()


def _registry(base: str) -> dict[str, Source]:
    return {
        "un": Source("un", "un-xml", ((f"{base}/un-2026.xml", "un.xml"),)),
        "un-old": Source("un-old", "un-xml", ((f"{base}/un-2025.xml", "un.xml"),)),
        "un-truncated": Source("un-truncated", "un-xml", ((f"{base}/un-truncated.xml", "un.xml"),)),
        "un-html": Source("un-html", "un-xml", ((f"{base}/error-page", "un.xml"),)),
        "un-404": Source("un-404", "un-xml", ((f"{base}/missing.xml", "un.xml"),)),
        "un-slow": Source("un-slow", "un-xml", ((f"{base}/slow", "un.xml"),)),
        "ofac-sdn": Source("ofac-sdn", "ofac-csv", tuple((f"{base}/{n}", n) for n in ("sdn.csv", "add.csv",
                                                                                      "alt.csv"))),
    }


def test_official_registry_uses_https_official_hosts():
    hosts = {"un": "scsanctions.un.org", "ofac-sdn": "ofac.treas.gov", "ofac-consolidated": "ofac.treas.gov",
             "eu": "webgate.ec.europa.eu", "opensanctions": "opensanctions.org"}
    for name, host in hosts.items():
        for url, _ in SOURCES[name].files:
            assert url.startswith("https://") and host in url


def test_update_downloads_records_sha256_and_loads(server, tmp_path):
    base, root = server
    with Workspace(tmp_path / "w.db", lists_dir=tmp_path / "dl", create=True) as ws:
        versions = ws.update_lists(["un", "ofac-sdn"], registry=_registry(base))
        assert [v.list_name for v in versions] == ["un-consolidated", "ofac-sdn"]
        un, ofac = versions
        assert un.sha256 == hashlib.sha256((root / "un-2026.xml").read_bytes()).hexdigest()
        assert un.entity_count == 1003 and un.current
        assert ofac.entity_count == 8976 and len(ofac.parts) == 3  # add.csv and alt.csv came along
        entity, _ = ws.get_entity("ofac:19716")
        assert "SHAHID HAJ ALI MOVAHED RESEARCH CENTER" in [a.name for a in entity.aliases]
        assert not list((tmp_path / "dl").rglob("*.part"))


def test_truncated_download_is_refused_and_current_version_kept(server, tmp_path):
    base, _ = server
    with Workspace(tmp_path / "w.db", lists_dir=tmp_path / "dl", create=True) as ws:
        [good] = ws.update_lists(["un-old"], registry=_registry(base))
        with pytest.raises(ListFormatError, match="truncated"):
            ws.update_lists(["un-truncated"], registry=_registry(base))
        [current] = ws.current_lists()
        assert current.version.id == good.id and len(current.entities) == 877


@pytest.mark.parametrize("source,overrides,message", [
    ("un", {"fetch_max_bytes": 10_000}, "bytes"),
    ("un-html", {}, "not a list"),
    ("un-404", {}, "HTTP 404"),
    ("un-slow", {"fetch_timeout": 0.5}, "Timeout"),
])
def test_download_failures_are_fetch_errors(server, tmp_path, source, overrides, message):
    base, _ = server
    with Workspace(tmp_path / "w.db", lists_dir=tmp_path / "dl", **overrides, create=True) as ws:
        with pytest.raises(FetchError, match=message):
            ws.update_lists([source], registry=_registry(base))
        assert ws.list_versions() == []
    assert not [p for p in Path(tmp_path / "dl").rglob("*") if p.is_file()]


def test_unknown_source_is_refused(tmp_path):
    with Workspace(tmp_path / "w.db", create=True) as ws, pytest.raises(FetchError, match="unknown list source"):
        ws.update_lists(["nope"])
