"""The web UI in real headless Chromium (Debian ``chromium``, driven by Playwright; no browser download).

A uvicorn server runs in a thread on a free loopback port. Screenshots go to ``build/``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import seeing_samples as S
from _live_server import Server
from mistrust.workspace import Workspace

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
BUILD = REPO / "build"
CHROMIUM = os.environ.get("MISTRUST_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _need_chromium() -> None:
    if Path(CHROMIUM).exists() or shutil.which("chromium"):
        return
    message = f"chromium not found at {CHROMIUM} (make browser installs the Debian package)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium"),
                              args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def small_server(tmp_path: Path) -> Iterator[Server]:
    """Our three-entry list plus an ingested article that carries a <script>."""
    db = tmp_path / "web.db"
    article = tmp_path / "hostile.txt"
    article.write_text(S.EVIL_ARTICLE, encoding="utf-8")
    with Workspace(db, create=True) as ws:
        ws.load_lists([S.write_small_sdn(tmp_path / "sdn")])
        ingested = ws.ingest([str(article)])
    server = Server(lambda: Workspace(db, create=True))
    server.doc_id = ingested["documents"][0].id  # type: ignore[attr-defined]
    with server:
        yield server


def test_screening_form_returns_hits_for_irgc(page, small_server: Server) -> None:
    page.goto(small_server.url + "/screen")
    page.fill("input[name=name]", "IRGC")
    page.click("#screen-form button[type=submit]")
    page.wait_for_selector("table.screen-hits")
    rows = page.locator("tr.hit")
    assert rows.count() >= 1
    assert rows.first.get_attribute("data-entity") == "ofac:10391"
    assert "ISLAMIC REVOLUTIONARY GUARD CORPS" in rows.first.inner_text()


def test_dismiss_in_review_queue_persists_across_reload(page, small_server: Server) -> None:
    page.goto(small_server.url + "/screen?name=IRGC")
    page.goto(small_server.url + "/review")
    item = page.locator("tr.review-item", has_text="IRGC").first
    hit_id = item.get_attribute("data-hit")
    assert hit_id
    item.locator("input[name=note]").fill("another party")
    item.locator("button.dismiss").click()
    page.wait_for_selector("p.notice")
    assert page.locator(f'tr.review-item[data-hit="{hit_id}"]').count() == 0
    page.reload()
    assert page.locator(f'tr.review-item[data-hit="{hit_id}"]').count() == 0
    # a strong hit: the dismissal waits for a second reviewer (single-user mode: the CLI names them)
    page.goto(small_server.url + "/review?status=pending_approval")
    assert page.locator(f'tr.review-item[data-hit="{hit_id}"]').count() == 1


def test_article_with_script_shows_it_as_text(page, small_server: Server) -> None:
    page.goto(small_server.url + f"/document/{small_server.doc_id}")  # type: ignore[attr-defined]
    text = page.locator("pre.doctext").inner_text()
    assert "<script>window.__pwned = 1;" in text  # visible to the reader, as text
    assert page.evaluate("window.__pwned") is None  # and never run
    assert page.title() != "pwned"


def test_list_alias_with_script_shows_it_as_text(page, small_server: Server) -> None:
    page.goto(small_server.url + "/list-entity/ofac:777")
    assert "<script>alert('alias')</script>" in page.locator("li.alias").first.inner_text()


def test_seeds_story_page_shows_the_network(page, tmp_path_factory, shared_data, seeds_dir) -> None:
    db = S.seeds_db(tmp_path_factory.mktemp("seeds"), shared_data, seeds_dir)
    with Workspace(db, create=True) as ws:
        stories = ws.stories()
        docs = set(ws.document_ids())
    assert stories, "corroboration produced no story for the seeds"
    story = max(stories, key=lambda s: (len(set(s.documents) & docs), s.id))
    with Server(lambda: Workspace(db, create=True)) as server:
        page.goto(server.url + f"/story/{story.id}")
        page.wait_for_selector("svg.network-svg")
        nodes = set(page.locator("g.node").evaluate_all("els => els.map(e => e.dataset.node)"))
        assert {"Iran", "North Korea"} <= nodes, nodes
        edges = page.locator("g.edge")
        if edges.count():  # clicking an edge shows its evidence sentences and sources
            edges.first.dispatch_event("click")
            assert page.locator("section.evidence:not([hidden]) li").count() >= 1
        BUILD.mkdir(exist_ok=True)
        page.screenshot(path=str(BUILD / "seeds_story.png"), full_page=True)
        assert (BUILD / "seeds_story.png").stat().st_size > 10_000
        if len(set(story.documents) & docs) < 2:
            pytest.xfail("the two seed reports are not grouped into one story yet (corroboration room)")
        listed = set(page.locator('g.node[data-status="listed"]').evaluate_all(
            "els => els.map(e => e.dataset.node)"))
        assert "Islamic Revolutionary Guard Corps" in listed, listed
        assert edges.count() >= 1, "no claim edges in the seeds' story network"


def test_pages_run_under_their_content_security_policy(page, small_server: Server) -> None:
    """Every page satisfies the policy it is sent with: the browser reports no blocked script or style."""
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    for path in ("/", "/review", "/screen?name=IRGC", f"/document/{small_server.doc_id}", "/overview"):  # type: ignore[attr-defined]
        page.goto(small_server.url + path)
        page.wait_for_load_state("load")
    assert page.evaluate("window.getComputedStyle(document.querySelector('header.site')).display") != ""
    assert not violations, violations
