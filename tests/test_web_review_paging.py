"""The review queue pages with the shared pager (``web/paging.py``) like every list page: page, size
and sort in its links, its filters kept in them, the one-time notice left out; the JSON API pages the
same queue by offset with the same sorts. Single-user mode, over the three-entry sample list, with
seven hits queued at made-up scores and times (three from a batch run, four from screens)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

import seeing_samples as S
from mistrust.api import create_app
from mistrust.settings import Settings
from mistrust.store import review as review_store
from mistrust.workspace import Workspace
from mistrust.workspace.review import QueueFilter

# (query name, score, source, seen at): made-up names; the batch's hits are the oldest sightings
QUEUED = [("Vantor Holding", 0.97, "batch", "2026-01-01T00:00:00"),
          ("Vantor Holdings Ltd", 0.93, "batch", "2026-01-02T00:00:00"),
          ("Vantor Hold Co", 0.91, "batch", "2026-01-03T00:00:00"),
          ("Orrin Vantor", 0.95, "screen", "2026-02-01T00:00:00"),
          ("Vantor Group", 0.89, "screen", "2026-02-04T00:00:00"),
          ("Vantor Grp", 0.87, "screen", "2026-02-02T00:00:00"),
          ("Vantor Trading", 0.86, "screen", "2026-02-03T00:00:00")]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("review-paging")
    db = tmp / "queue.db"
    with Workspace(db, create=True) as ws:
        ws.load_lists([S.write_small_sdn(tmp / "sdn")])
        model = ws.screen("IRGC", record=False)[0]
        for n, (name, score, source, at) in enumerate(QUEUED):
            hit = replace(model, query_name=name, score=score, id=f"hit-{n}")
            review_store.queue_hits(ws.db, [hit], source=source, at=at, run_id="run-b" if source == "batch" else None)
    app = create_app(lambda: Workspace(db), settings=Settings.from_env({}))
    with TestClient(app, base_url="http://localhost") as c:
        yield c


def _queued(page: str) -> list[str]:
    return re.findall(r'<tr class="review-item" data-hit="([^"]+)"', page)


def _link(page: str, rel: str) -> str:
    found = re.search(rf'rel="{rel}" href="([^"]+)"', page)
    assert found, f"no {rel} link"
    return found.group(1).replace("&amp;", "&")


def test_pages_follow_the_pager_and_keep_the_filters(client: TestClient) -> None:
    first = client.get("/review", params={"source": "screen", "size": "3", "done": "confirm"}).text
    assert _queued(first) == ["hit-3", "hit-4", "hit-5"]  # best score first
    assert "1–3 of 4" in first and "page 1 of 2" in first
    following = _link(first, "next")
    query = parse_qs(urlsplit(following).query)
    assert query == {"source": ["screen"], "size": ["3"], "page": ["2"]}  # filter kept, the notice not
    second = client.get(following).text
    assert _queued(second) == ["hit-6"] and "4–4 of 4" in second
    assert parse_qs(urlsplit(_link(second, "prev")).query) == {"source": ["screen"], "size": ["3"]}
    assert 'rel="next"' not in second


def test_sort_newest_and_a_page_past_the_end(client: TestClient) -> None:
    newest = client.get("/review", params={"sort": "newest", "size": "2"}).text
    assert _queued(newest) == ["hit-4", "hit-6"]  # last seen first, whatever the score
    assert "sort=newest" in _link(newest, "next")
    assert '<b class="sort-current">newest first</b>' in newest
    late = client.get("/review", params={"status": "any", "run": "run-b", "size": "2", "page": "9"}).text
    assert _queued(late) == ["hit-2"] and "page 2 of 2" in late  # the last page, as on every list page


@pytest.mark.parametrize("query", [{"sort": "score; DROP TABLE review_items"}, {"page": "0"}, {"size": "x"}])
def test_bad_paging_is_a_clear_400(client: TestClient, query: dict[str, str]) -> None:
    r = client.get("/review", params=query)
    assert r.status_code == 400 and next(iter(query)) in r.text


def test_old_offset_links_are_not_carried_along(client: TestClient) -> None:
    page = client.get("/review", params={"offset": "2", "limit": "2", "source": "batch"}).text
    assert _queued(page) == ["hit-0", "hit-1", "hit-2"]  # page 1; the old pager's numbers ignored
    assert "offset=" not in page and "limit=" not in page


def test_api_pages_the_same_queue_by_offset_with_the_same_sorts(client: TestClient) -> None:
    body = client.get("/api/v1/review", params={"sort": "newest", "limit": 2, "offset": 2}).json()
    assert [h["id"] for h in body["items"]] == ["hit-5", "hit-3"]
    assert (body["total"], body["sort"], body["next_offset"], body["prev_offset"]) == (7, "newest", 4, 0)
    assert client.get("/api/v1/review").json()["sort"] == "score"
    bad = client.get("/api/v1/review", params={"sort": "first_seen"})
    assert bad.status_code == 400 and "unknown sort" in bad.json()["error"]["message"]


def test_workspace_count_and_items_agree_with_the_page(tmp_path: Path) -> None:
    with Workspace(tmp_path / "w.db", create=True) as ws:
        ws.load_lists([S.write_small_sdn(tmp_path / "sdn")])
        model = ws.screen("IRGC", record=False)[0]
        ws.queue_hits([replace(model, query_name=f"Name {n}", score=0.9 + n / 100, id=f"h{n}") for n in range(3)],
                      source="screen")
        where = QueueFilter(status="open")
        assert ws.count_review(where) == 3 == ws.dashboard()["reviews_waiting"]
        assert [h["id"] for h in ws.review_items(where, limit=2, offset=1)] == ["h1", "h0"]
        page = ws.review_page(where, limit=2)
        assert (page["total"], page["next_offset"], page["prev_offset"]) == (3, 2, None)
        assert [h["id"] for h in ws.review_queue(limit=5)] == ["h2", "h1", "h0"]
