"""Ongoing monitoring in real headless Chromium: "new since" hits in the review queue after a newer
list version, and an alert for a new article on a listed entity.

The server runs as in ``test_web_browser.py``; the list load and the ingest happen through a second
Workspace on the same file, as ``mistrust lists load`` and ``mistrust ingest --analyze`` would from
another process. Screenshots go to ``build/monitor-*.png``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import _monitor_helpers as M
from _live_server import Server
from mistrust.workspace import Workspace
from test_web_browser import BUILD, browser, page  # noqa: F401 - the shared Chromium fixtures

pytestmark = pytest.mark.browser


@pytest.fixture
def monitored(tmp_path: Path) -> Iterator[Server]:
    """List version 1, a watched name and an earlier batch run, served."""
    v1, v2 = M.lists(tmp_path / "lists")
    db = tmp_path / "monitor.db"
    rows = tmp_path / "clients.csv"
    rows.write_text("id,name\nc-7,Northern Lantern Trading Corp\n", encoding="utf-8")
    with Workspace(db, create=True) as ws:
        ws.load_lists([v1])
        ws.add_watch("Ardent Quistrand", "Person", user="alice")
        ws.screen_file(rows, tmp_path / "clients.jsonl")
    server = Server(lambda: Workspace(db))
    server.db, server.v2 = db, v2  # type: ignore[attr-defined]
    with server:
        yield server


def _shot(pg, name: str) -> None:  # noqa: ANN001 - a Playwright page
    BUILD.mkdir(exist_ok=True)
    path = BUILD / f"monitor-{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000


def test_newer_list_version_shows_new_since_hits_in_the_review_queue(page, monitored: Server) -> None:  # noqa: F811
    page.goto(monitored.url + "/review")
    assert page.locator(".new-since").count() == 0
    with Workspace(monitored.db) as ws:  # type: ignore[attr-defined]
        ws.load_lists([monitored.v2])  # type: ignore[attr-defined]
    page.reload()
    since = f"new since {M.LIST_NAME} {M.V2_DATE}"
    watched = page.locator("tr.review-item", has_text="Ardent Quistrand")
    batch = page.locator("tr.review-item", has_text="Northern Lantern Trading Corp")
    assert since in watched.inner_text() and M.PERSON[1] in watched.inner_text()
    assert since in batch.inner_text() and M.COMPANY_2[1] in batch.inner_text()
    _shot(page, "review-new-since")
    # judged like any other hit: dismissing it takes it off the queue
    hit_id = batch.get_attribute("data-hit")
    batch.locator("input[name=note]").fill("a different company")  # a dismissal needs a note
    batch.locator("button.dismiss").click()
    page.wait_for_selector("p.notice")
    assert page.locator(f'tr.review-item[data-hit="{hit_id}"]').count() == 0


def test_new_article_on_a_listed_entity_raises_an_alert(page, monitored: Server, tmp_path: Path) -> None:  # noqa: F811
    page.goto(monitored.url + "/alerts")
    assert page.locator("a.nav-alerts").inner_text() == "Alerts (0)"
    article = tmp_path / "harbor.txt"
    article.write_text(M.ARTICLE, encoding="utf-8")
    with Workspace(monitored.db) as ws:  # type: ignore[attr-defined]
        doc_id = ws.ingest([str(article)], analyze=True)["new_ids"][0]
    page.reload()
    assert page.locator("a.nav-alerts").inner_text() == "Alerts (1)"
    item = page.locator("tr.alert-item")
    assert item.count() == 1 and item.get_attribute("data-kind") == "listed"
    assert M.COMPANY[1] in item.inner_text()
    assert item.locator("a.entity").get_attribute("href") == f"/list-entity/un%3A{M.COMPANY[0]}"
    _shot(page, "alerts")
    page.goto(monitored.url + "/")  # the dashboard's card counts it and opens its document
    card = page.locator("#card-alerts")
    assert card.locator("p.big").inner_text() == "1" and M.COMPANY[1].lower() in card.inner_text().lower()
    _shot(page, "dashboard-alert")
    page.goto(monitored.url + "/alerts")
    item = page.locator("tr.alert-item")
    item.locator("a.document").click()
    page.wait_for_url(f"**/document/{doc_id}")
    assert "Blue Harbor Shipping Company" in page.locator("pre.doctext").inner_text()
    page.go_back()
    page.locator("tr.alert-item button.ack").click()
    page.wait_for_selector("p.notice")
    assert page.locator("tr.alert-item").count() == 0
    assert page.locator("a.nav-alerts").inner_text() == "Alerts (0)"
