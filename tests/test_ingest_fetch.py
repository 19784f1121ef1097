"""Fetching URLs and feeds: hostile addresses refused on every hop, local server only with allow_private.

No test touches the network: hostnames go through a fake resolver, remote servers are
httpx.MockTransport handlers, and the one real server listens on 127.0.0.1 in a thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from mistrust.errors import DocumentRejected, FetchError, UnsafeURLError
from mistrust.ingest.fetch import Fetcher, check_url
from mistrust.settings import Settings

PUBLIC_IP = "93.184.216.34"
PARAGRAPHS = [
    "Coast guard officers boarded a tanker off the coast on Sunday after it switched off its transponder "
    "near a port under embargo, the maritime authority said in a statement.",
    "The authority said the tanker had transferred fuel to another vessel at sea in a manoeuvre that "
    "investigators have seen repeatedly in sanctions evasion cases across the region.",
    "Lawyers for the shipping company said the vessel was on a lawful voyage and that the company would "
    "challenge the detention in court.",
]


def article_html(title: str, extra: str = "") -> bytes:
    body = "".join(f"<p>{p} {extra}</p>" for p in PARAGRAPHS)
    return (f"<html><head><title>{title}</title><meta property='og:site_name' content='Test Wire'></head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>").encode()


def fake_resolver(table: dict[str, list[str]]):
    calls: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        calls.append(host)
        if host not in table:
            raise FetchError(f"cannot resolve host {host!r}")
        return table[host]

    resolve.calls = calls  # type: ignore[attr-defined]
    return resolve


RESOLVER_TABLE = {
    "news.example": [PUBLIC_IP],
    "internal.example": ["10.0.0.5"],
    "meta.example": ["169.254.169.254"],
    "mixed.example": [PUBLIC_IP, "192.168.1.20"],
    "localhost": ["127.0.0.1", "::1"],
}

REFUSED = [
    ("http://127.0.0.1/", "loopback"),
    ("http://127.1.2.3:8080/x", "loopback"),
    ("http://10.1.2.3/", "private"),
    ("http://192.168.0.10/", "private"),
    ("http://172.16.5.4/", "private"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://[::1]/", "loopback"),
    ("http://[::ffff:10.0.0.1]/", "private"),
    ("http://[fe80::1]/", "link-local"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://224.0.0.1/", "multicast"),
    ("http://100.64.0.1/", "non-global"),
    ("http://localhost:8000/", "loopback"),
    ("http://internal.example/", "private"),
    ("http://meta.example/", "link-local"),
    ("http://mixed.example/", "private"),  # one bad address is enough
    ("file:///etc/passwd", "only http and https"),
    ("ftp://news.example/a", "only http and https"),
    ("gopher://news.example/", "only http and https"),
]


@pytest.mark.parametrize(("url", "why"), REFUSED)
def test_unsafe_urls_refused(url: str, why: str) -> None:
    with pytest.raises(UnsafeURLError, match=why) as info:
        check_url(url, allow_private=False, resolver=fake_resolver(RESOLVER_TABLE))
    assert url in info.value.message


@pytest.mark.parametrize("url", ["http://news.example/a", "https://news.example:8443/b?c=1", f"http://{PUBLIC_IP}/"])
def test_public_urls_allowed_and_pinned(url: str) -> None:
    parsed, pinned = check_url(url, allow_private=False, resolver=fake_resolver(RESOLVER_TABLE))
    assert pinned == PUBLIC_IP
    assert str(parsed) == url


def test_allow_private_skips_the_check() -> None:
    _, pinned = check_url("http://10.1.2.3/", allow_private=True)
    assert pinned is None


# --- mock remote servers -------------------------------------------------------------------


class Remote:
    """A fake internet: records every request that reached a 'server'."""

    def __init__(self, routes: dict[str, httpx.Response]) -> None:
        self.routes = routes
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        key = f"{request.headers['host']}{request.url.raw_path.decode()}"
        return self.routes.get(key, httpx.Response(404))


def _fetcher(remote: Remote, **kw) -> Fetcher:
    return Fetcher(Settings(), transport=httpx.MockTransport(remote), resolver=fake_resolver(RESOLVER_TABLE), **kw)


HTML = {"content-type": "text/html; charset=utf-8"}


@pytest.mark.parametrize("target", [
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1:8080/admin",
    "http://10.0.0.7/",
    "http://internal.example/secret",
    "/\\169.254.169.254/",  # odd relative forms still resolve against the current host or fail safely
])
def test_redirect_to_private_refused(target: str) -> None:
    remote = Remote({"news.example/r": httpx.Response(302, headers={"location": target})})
    with _fetcher(remote) as fetcher:
        try:
            fetcher.fetch("http://news.example/r")
        except UnsafeURLError as exc:
            assert "refusing" in exc.message
        except FetchError:
            pass  # the relative oddity resolved to a public 404: also fine, nothing private was touched
        else:
            pytest.fail("redirect followed")
    assert all(r.url.host == PUBLIC_IP for r in remote.seen)


def test_redirect_chain_followed_and_connection_pinned() -> None:
    remote = Remote({
        "news.example/a": httpx.Response(301, headers={"location": "/b"}),
        "news.example/b": httpx.Response(302, headers={"location": "http://news.example/c"}),
        "news.example/c": httpx.Response(200, headers=HTML, content=article_html("Tanker detained")),
    })
    resolver = fake_resolver(RESOLVER_TABLE)
    with Fetcher(Settings(), transport=httpx.MockTransport(remote), resolver=resolver) as fetcher:
        fetched = fetcher.fetch("http://news.example/a")
    assert fetched.url == "http://news.example/c"
    assert fetched.redirects == ["http://news.example/a", "http://news.example/b"]
    # Connected to the checked address with the original Host header: DNS is asked once per hop and
    # a second, different answer (rebinding) is never used.
    assert [r.url.host for r in remote.seen] == [PUBLIC_IP] * 3
    assert {r.headers["host"] for r in remote.seen} == {"news.example"}
    assert resolver.calls == ["news.example"] * 3  # type: ignore[attr-defined]


def test_too_many_redirects() -> None:
    remote = Remote({"news.example/loop": httpx.Response(302, headers={"location": "/loop"})})
    with _fetcher(remote) as fetcher, pytest.raises(FetchError, match="redirects"):
        fetcher.fetch("http://news.example/loop")


@pytest.mark.parametrize(("response", "error", "message"), [
    (httpx.Response(200, headers={"content-type": "image/png"}, content=b"\x89PNG...."), DocumentRejected,
     "content type image/png"),
    (httpx.Response(200, headers={"content-type": "application/octet-stream"}, content=b"x"), DocumentRejected,
     "not text"),
    (httpx.Response(200, headers=HTML, content=b"x" * 5000), DocumentRejected, "too large"),
    (httpx.Response(404), FetchError, "HTTP 404"),
    (httpx.Response(503), FetchError, "HTTP 503"),
])
def test_refused_responses(response: httpx.Response, error: type, message: str) -> None:
    remote = Remote({"news.example/x": response})
    with _fetcher(remote, max_bytes=1000) as fetcher, pytest.raises(error, match=message):
        fetcher.fetch("http://news.example/x")


def test_size_cap_applies_while_streaming() -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(100):
            yield b"y" * 100

    remote = Remote({"news.example/s": httpx.Response(200, headers={"content-type": "text/plain"},
                                                      content=chunks())})
    with _fetcher(remote, max_bytes=1000) as fetcher, pytest.raises(DocumentRejected, match="too large"):
        fetcher.fetch("http://news.example/s")


def test_feed_items_fetched_and_hostile_links_refused(workspace) -> None:
    feed = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Test Wire feed</title>
<item><title>Tanker detained</title><link>http://news.example/story1</link>
  <pubDate>Mon, 03 Jul 2023 08:00:00 GMT</pubDate><description>Short teaser.</description></item>
<item><title>Metadata grab</title><link>http://169.254.169.254/latest/meta-data/</link>
  <description>Teaser.</description></item>
<item><title>Full content item</title>
  <description><![CDATA[{"".join(f"<p>{p} Full item.</p>" for p in PARAGRAPHS)}]]></description></item>
</channel></rss>""".encode()
    remote = Remote({
        "news.example/feed": httpx.Response(200, headers={"content-type": "application/rss+xml"}, content=feed),
        "news.example/story1": httpx.Response(200, headers=HTML, content=article_html("Tanker detained")),
    })
    result = workspace.ingest(["http://news.example/feed"], transport=httpx.MockTransport(remote),
                              resolver=fake_resolver(RESOLVER_TABLE))
    titles = sorted(d.title for d in result["documents"])
    assert titles == ["Full content item", "Tanker detained"]
    fetched = next(d for d in result["documents"] if d.title == "Tanker detained")
    assert fetched.url == "http://news.example/story1" and fetched.published == "2023-07-03"
    assert fetched.outlet == "Test Wire"
    (skipped,) = result["skipped"]
    assert skipped.code == "unsafe_url" and "169.254.169.254" in skipped.reason
    assert all(r.url.host == PUBLIC_IP for r in remote.seen)


# --- a real server on 127.0.0.1 -----------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        _Handler.hits.append(self.path)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        if self.path == "/article":
            body = article_html("Tanker detained off the coast")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Handler.hits = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_local_server_refused_without_allow_private(workspace, local_server: str) -> None:
    result = workspace.ingest([f"{local_server}/article", f"{local_server}/redirect"])
    assert result["documents"] == []
    assert [s.code for s in result["skipped"]] == ["unsafe_url", "unsafe_url"]
    assert "loopback" in result["skipped"][0].reason
    assert _Handler.hits == []  # refused before connecting
    assert workspace.documents() == []


def test_local_server_allowed_with_allow_private(workspace, local_server: str) -> None:
    result = workspace.ingest([f"{local_server}/redirect", f"{local_server}/missing"], allow_private=True)
    (doc,) = result["documents"]
    assert doc.title == "Tanker detained off the coast"
    assert doc.url == f"{local_server}/article"
    assert doc.metadata["redirects"] == [f"{local_server}/redirect"]
    assert PARAGRAPHS[1] in doc.text
    assert "HTTP 404" in result["skipped"][0].reason
    assert _Handler.hits == ["/redirect", "/article", "/missing"]
    again = workspace.ingest([f"{local_server}/article"], allow_private=True)
    assert again["new"] == 0 and again["existing"] == 1


def test_slow_drip_download_hits_the_deadline() -> None:
    import time

    def drip() -> Iterator[bytes]:
        for _ in range(50):
            time.sleep(0.05)
            yield b"z" * 10

    remote = Remote({"news.example/slow": httpx.Response(200, headers={"content-type": "text/plain"},
                                                         content=drip())})
    with Fetcher(Settings(fetch_timeout=0.1), transport=httpx.MockTransport(remote),
                 resolver=fake_resolver(RESOLVER_TABLE)) as fetcher, pytest.raises(FetchError, match="longer"):
        fetcher.fetch("http://news.example/slow")


def test_plain_text_url_and_atom_feed(workspace) -> None:
    text = "\n\n".join(PARAGRAPHS).encode("latin-1")
    entries = "".join(
        f"<entry><title>Atom {n}</title><link href='/text{n}'/><id>urn:x:{n}</id>"
        f"<updated>2023-05-0{n}T10:00:00Z</updated><author><name>Ana Example</name></author></entry>"
        for n in (1, 2)
    )
    atom = (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom' "
            f"xml:base='http://news.example/'><title>Atom Wire</title>{entries}</feed>").encode()
    remote = Remote({
        "news.example/atom": httpx.Response(200, headers={"content-type": "application/atom+xml"}, content=atom),
        "news.example/text1": httpx.Response(200, headers={"content-type": "text/plain; charset=iso-8859-1"},
                                             content=text),
        "news.example/text2": httpx.Response(200, headers={"content-type": "text/plain"},
                                             content=text + b" Second."),
    })
    result = workspace.ingest(["http://news.example/atom"], transport=httpx.MockTransport(remote),
                              resolver=fake_resolver(RESOLVER_TABLE))
    assert result["skipped"] == []
    docs = sorted(result["documents"], key=lambda d: d.title)
    assert [d.title for d in docs] == ["Atom 1", "Atom 2"]
    assert [d.published for d in docs] == ["2023-05-01", "2023-05-02"]
    assert docs[0].outlet == "Atom Wire" and docs[0].authors == ["Ana Example"]
    assert docs[0].url == "http://news.example/text1" and docs[0].metadata["id"] == "urn:x:1"
    assert docs[0].text == "\n\n".join(PARAGRAPHS)
