"""The browsing pages in real headless Chromium (Debian ``chromium`` driven by Playwright): the
dashboard, stories paging by clicking, an actor page's network and timeline, the offline API docs.
Every request the browser makes goes to this server. Screenshots: ``build/pages-*.png``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import pages_samples as P
from _live_server import Server
from mistrust.workspace import Workspace
from test_web_browser import BUILD, browser, page  # noqa: F401 - the fixtures

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = P.build(tmp_path_factory.mktemp("pages-browser"))
    with Server(lambda: Workspace(db)) as s:
        yield s


@pytest.fixture
def watched(page, server: Server):  # noqa: F811 - the page fixture
    """The page, recording every request to another host and every blocked script or style."""
    foreign: list[str] = []
    violations: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith((server.url, "data:")) else None)
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    assert not foreign, foreign
    assert not violations, violations


def _shot(page, name: str) -> None:  # noqa: F811
    BUILD.mkdir(exist_ok=True)
    path = BUILD / f"pages-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000


def test_dashboard_shows_reviews_stories_and_list_versions(watched, server: Server) -> None:
    watched.goto(server.url + "/")
    assert watched.locator("#card-reviews .big").inner_text().strip() == "0"
    assert watched.locator("#new-stories li").count() == 8
    assert "ofac-sdn" in watched.locator("#list-versions").inner_text()
    _shot(watched, "dashboard")


def test_stories_paginate_by_clicking_next(watched, server: Server) -> None:
    watched.goto(server.url + "/stories?sort=newest")
    assert watched.locator("tr.story-row").count() == 14 and watched.locator("a.next").count() == 0
    watched.click("nav.pager .pager-sizes a:text-is('10')")
    watched.wait_for_url("**size=10**")
    first = watched.locator("tr.story-row").all_inner_texts()
    assert len(first) == 10 and "cables" in first[0]
    watched.click("a.next")
    watched.wait_for_url("**page=2**")
    second = watched.locator("tr.story-row").all_inner_texts()
    assert len(second) == 4 and not set(second) & set(first) and "turbines" in second[-1]
    assert "11–14 of 14" in watched.locator(".pager-count").inner_text()
    _shot(watched, "stories-page-2")
    watched.click("a.prev")
    watched.wait_for_url("**size=10**")
    assert watched.locator("tr.story-row").all_inner_texts() == first


def test_actor_page_shows_network_and_timeline(watched, server: Server) -> None:
    watched.goto(server.url + "/actors")
    watched.click("tr.actor-row a:text-is('Northland')")
    watched.wait_for_selector("svg.network-svg")
    nodes = set(watched.locator("g.node").evaluate_all("els => els.map(e => e.dataset.node)"))
    assert {"Northland", "Southland"} <= nodes, nodes
    assert watched.locator("g.node text.node-label").count() >= 2  # labels drawn, not only circles
    items = watched.locator("#actor-timeline li")
    assert items.count() >= 14 and items.last.locator("time").inner_text() == "undated"
    edge = watched.locator("g.edge").first
    edge.dispatch_event("click")
    assert watched.locator("section.evidence:not([hidden]) li").count() >= 1
    assert watched.locator("#actor-mentions tbody tr").count() >= 14
    _shot(watched, "actor")


def test_api_docs_render_offline(watched, server: Server) -> None:
    watched.goto(server.url + "/docs")
    assert watched.locator("section.api-op").count() >= 12
    assert watched.locator("#schema-Document table tr").count() > 5
    _shot(watched, "api-docs")

