"""Nothing is fetched from another host: every page the app serves (found by following its own
links from the dashboard and the API docs), every static asset and the written reports load
scripts, styles, images, fonts and data only from this server (or inline), because the tool runs
offline.

Links *to* a report's original article (``<a href>`` to the URL the document was read from) are
allowed: they are data the reader may follow, never fetched by the page.
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

import pages_samples as P
from mistrust.api import create_app
from mistrust.settings import Settings
from mistrust.workspace import Workspace

STATIC = Path(__file__).resolve().parent.parent / "src" / "mistrust" / "web" / "static"
URL_ATTRS = {"src", "href", "action", "formaction", "srcset", "poster", "data", "background", "xlink:href",
             "manifest", "ping", "cite"}
# what loads something in a script or style: each may only name a local path
LOADERS = re.compile(r"url\(\s*['\"]?([^'\")\s]*)|@import\s+(?:url\()?\s*['\"]?([^'\";)\s]*)"
                     r"|fetch\(\s*['\"`]([^'\"`]*)|XMLHttpRequest|WebSocket\(|EventSource\(|import\(\s*['\"`]([^'\"`]*)")
ANY_HOST = re.compile(r"(?:[a-z][a-z0-9+.-]*:)?//[\w.-]+\.[a-z]{2,}", re.I)
MAX_PAGES = 250


def local(url: str) -> bool:
    parts = urlsplit(url.strip())
    return not parts.netloc and parts.scheme in ("", "data")


class Refs(HTMLParser):
    """Every URL a page names, with the tag and attribute naming it, and its inline scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str, str, dict[str, str]]] = []
        self.code: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        given = {k: v or "" for k, v in attrs}
        for name, value in given.items():
            if name in URL_ATTRS:
                for part in value.split(",") if name == "srcset" else [value]:
                    self.refs.append((tag, name, part.strip().split(" ")[0], given))
            if name == "style":
                self.code.append(value)
            if tag == "meta" and name == "content" and "url=" in value.lower():
                self.refs.append((tag, "refresh", value.lower().split("url=", 1)[1], given))
        self._in = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.code.append(data)


def foreign_references(html: str, article_urls: set[str]) -> list[str]:
    """What in ``html`` names another host, other than a link to a report's own article."""
    parser = Refs()
    parser.feed(html)
    bad = []
    for tag, attr, url, attrs in parser.refs:
        if local(url):
            continue
        if tag == "a" and attr == "href" and url in article_urls and "noopener" in attrs.get("rel", ""):
            continue
        bad.append(f"<{tag} {attr}={url!r}>")
    for code in parser.code:
        for match in LOADERS.finditer(code):
            named = next((g for g in match.groups() if g is not None), None)
            if named is None or not local(named):
                bad.append(f"loader {match.group(0)!r}")
        bad += [f"host in script or style: {m.group(0)!r}" for m in ANY_HOST.finditer(code)]
    return bad


def test_the_checker_finds_what_it_looks_for() -> None:
    """The walk below would pass vacuously if the checker missed these."""
    urls = {"https://news.example.org/1"}
    for html in ('<script src="https://cdn.example.net/x.js"></script>',
                 '<link rel="stylesheet" href="//fonts.example.com/a.css">',
                 '<img src="http://example.com/a.png">', '<div style="background: url(https://e.example.com/i.png)">',
                 "<style>@import 'https://e.example.com/a.css';</style>",
                 "<script>fetch('https://api.example.com/x')</script>",
                 '<a href="https://news.example.org/1">no rel</a>', '<form action="https://e.example.com/post">',
                 '<meta http-equiv="refresh" content="0; url=https://e.example.com/">'):
        assert foreign_references(html, urls), html
    assert not foreign_references('<a rel="noopener noreferrer" href="https://news.example.org/1">a</a>'
                                  '<img src="data:image/png;base64,AA"><script>fetch("/api/v1/health")</script>'
                                  '<link rel="stylesheet" href="/static/web.css">', urls)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return P.build(tmp_path_factory.mktemp("offline"))


def _article_urls(db: Path) -> set[str]:
    with Workspace(db) as ws:
        return {d.url for d in ws.documents(limit=1000) if d.url}


def test_no_page_or_asset_names_another_host(db: Path) -> None:
    urls = _article_urls(db)
    app = create_app(lambda: Workspace(db), settings=Settings.from_env({}))
    seen: set[str] = set()
    queue = deque(["/", "/docs", "/screen?name=IRGC", "/overview", "/review", "/search?q=Northland",
                   "/claims?size=100", "/documents?size=100", "/stories?size=100"])
    problems: dict[str, list[str]] = {}
    kinds: set[str] = set()
    with TestClient(app, base_url="http://localhost") as client:
        while queue and len(seen) < MAX_PAGES:
            path = queue.popleft()
            if path in seen:
                continue
            seen.add(path)
            r = client.get(path)
            assert r.status_code == 200, (path, r.status_code)
            kinds.add(urlsplit(path).path.split("/")[1])
            if "text/html" not in r.headers.get("content-type", ""):
                continue
            found = foreign_references(r.text, urls)
            if found:
                problems[path] = found
            for href in re.findall(r'<a [^>]*href="([^"]+)"', r.text):
                href = href.replace("&amp;", "&")
                if local(href) and href.startswith("/") and not href.startswith("/static/") and href not in seen:
                    queue.append(href)
        for asset in sorted(STATIC.rglob("*")):
            if asset.is_file():
                text = client.get(f"/static/{asset.relative_to(STATIC)}").text
                found = foreign_references(f"<style>{text}</style>", set())
                if found:
                    problems[f"/static/{asset.name}"] = found
    assert not problems, problems
    # the walk reached every kind of page, so none was left unchecked
    assert {"", "docs", "story", "document", "entity", "list-entity", "stories", "actors", "claims",
            "documents", "search", "screen", "review", "overview"} <= kinds, kinds


def test_written_reports_name_no_other_host(db: Path, tmp_path: Path) -> None:
    urls = _article_urls(db)
    with Workspace(db) as ws:
        report = ws.write_report(tmp_path / "report.html")
    files = sorted(report.parent.rglob("*.html"))
    assert files
    for path in files:
        assert not foreign_references(path.read_text(encoding="utf-8"), urls), path
