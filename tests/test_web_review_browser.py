"""The review workflow in real headless Chromium: two accounts, a batch run, four eyes, filters.

An analyst signs in and batch-screens a small file from ``/screen/batch``; the batch's strong hits are in the web queue;
she dismisses one with a note (without one it is refused); a reviewer signs in and approves it;
a reload shows it dismissed with both names; the queue filters hits by programme. Screenshots go
to ``build/review-*.png``. Fixtures and browser set-up as in ``test_web_browser.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import seeing_samples as S
from _live_server import Server
from mistrust.workspace import Workspace
from test_web_browser import BUILD, browser  # noqa: F401 - the module-scoped Chromium fixture

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery"
NAMES = "Islamic Revolutionary Guard Corps\nShahid Haj Ali Movahed Research Center\nNobody Atall\n"


@pytest.fixture
def review_server(tmp_path: Path) -> Iterator[Server]:
    """The three-entry list, an analyst and a reviewer."""
    db = tmp_path / "review.db"
    with Workspace(db, create=True) as ws:
        ws.load_lists([S.write_small_sdn(tmp_path / "sdn")])
        ws.add_user("ana", "analyst", PASSWORD)
        ws.add_user("rita", "reviewer", PASSWORD)
    server = Server(lambda: Workspace(db))
    server.db = db  # type: ignore[attr-defined]
    with server:
        yield server


def _sign_in(browser, server: Server, name: str):  # noqa: F811 - the fixture's value
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(server.url + "/review")
    assert "/login" in page.url  # with accounts, nobody gets in unsigned
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_selector("b.user-name")
    assert page.locator("b.user-name").inner_text() == name
    return context, page


def _shot(page, name: str) -> None:
    BUILD.mkdir(exist_ok=True)
    path = BUILD / f"review-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000


def test_two_reviewers_dismiss_a_strong_batch_hit(browser, review_server: Server, tmp_path: Path) -> None:  # noqa: F811
    names = tmp_path / "names.txt"
    names.write_text(NAMES, encoding="utf-8")
    ana_ctx, ana = _sign_in(browser, review_server, "ana")
    # the analyst's batch run, sent from the page (the CLI's `screen --input` path behind it)
    ana.goto(review_server.url + "/screen")
    ana.click("a[href='/screen/batch']")
    ana.set_input_files("#batch-form input[name=file]", str(names))
    ana.click("#batch-form button[type=submit]")
    ana.wait_for_selector("#batch-run")
    run_id = ana.locator("#batch-run").get_attribute("data-run")
    assert ana.locator("td.matches").inner_text() == "2" and ana.locator("td.run-by").inner_text() == "ana"
    _shot(ana, "batch-upload")
    results = ana.request.get(review_server.url + f"/screen/batch/{run_id}/results")
    assert results.ok and len(results.text().splitlines()) == 3  # one line per row
    ana.click("a.queue-link")
    ana.wait_for_url(f"**run={run_id}**")
    items = ana.locator("tr.review-item")
    assert items.count() == 2
    _shot(ana, "queue")
    strong = ana.locator("tr.review-item", has_text="SHAHID MOVAHED INDUSTRIES")
    hit_id = strong.get_attribute("data-hit")
    assert hit_id and float(strong.locator("td").nth(3).inner_text()) >= 0.9
    strong.locator("button.dismiss").click()  # no note: refused with the reason
    assert "needs a note" in ana.locator("p.error").inner_text()
    ana.goto(review_server.url + "/review")
    row = ana.locator(f'tr.review-item[data-hit="{hit_id}"]')
    row.locator("input[name=note]").fill("a research centre of the same name, different address")
    row.locator("button.dismiss").click()
    ana.wait_for_selector("p.notice")
    assert "second reviewer" in ana.locator("p.notice").inner_text()
    ana.goto(review_server.url + "/review?status=pending_approval")
    pending = ana.locator(f'tr.review-item[data-hit="{hit_id}"]')
    assert "pending approval" in pending.inner_text() and "ana" in pending.locator(".decided-by").inner_text()
    pending.locator("button.approve").click()  # her own: refused
    assert "may not approve" in ana.locator("p.error").inner_text()  # an analyst approves nothing
    _shot(ana, "own-approval-refused")
    ana_ctx.close()

    rita_ctx, rita = _sign_in(browser, review_server, "rita")
    rita.goto(review_server.url + "/review?status=pending_approval")
    rita.locator(f'tr.review-item[data-hit="{hit_id}"] input[name=note]').fill("checked the address")
    rita.locator(f'tr.review-item[data-hit="{hit_id}"] button.approve').click()
    rita.wait_for_selector("p.notice")
    rita.goto(review_server.url + "/review?status=dismissed")
    rita.reload()
    done = rita.locator(f'tr.review-item[data-hit="{hit_id}"]')
    assert done.get_attribute("data-status") == "dismissed"
    assert done.locator(".decided-by").inner_text() == "ana"
    assert done.locator(".approved-by").inner_text() == "rita"
    _shot(rita, "approved")
    # the audit export behind the row's link carries both names
    history = rita.request.get(review_server.url + f"/api/v1/review/{hit_id}/history").json()
    assert [(e["user"], e["status"]) for e in history] == [("ana", "pending_approval"), ("rita", "dismissed")]
    rita_ctx.close()


def test_queue_filters_by_programme(browser, review_server: Server) -> None:  # noqa: F811
    with Workspace(review_server.db) as ws:  # type: ignore[attr-defined]
        ws.screen("IRGC")
        ws.screen("Shahid Haj Ali Movahed Research Center")
    ctx, page = _sign_in(browser, review_server, "ana")
    page.goto(review_server.url + "/review")
    assert page.locator("tr.review-item").count() == 2
    page.select_option("select[name=program]", "NPWMD")
    page.click("#review-filters button[type=submit]")
    page.wait_for_url("**program=NPWMD**")
    rows = page.locator("tr.review-item")
    assert rows.count() == 1 and "ofac:19716" in rows.first.inner_text()
    _shot(page, "filter-programme")
    ctx.close()
