"""Pages that scale: the dashboard, paged, sorted and filtered lists, actor and list-entry pages,
the offline API docs; and ``web/paging.py`` on its own. Through httpx (TestClient) against the app
over a small real workspace (``pages_samples``: 14 one-report stories, 4 actors, 45 claims)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import pages_samples as P
from mistrust.api import create_app
from mistrust.errors import InputError
from mistrust.settings import Settings
from mistrust.web.paging import MAX_SIZE, Paging
from mistrust.workspace import Workspace

SORTS = ("size", "newest", "title")

# -- paging on its own --------------------------------------------------------------------------


def test_paging_defaults_and_offsets() -> None:
    p = Paging.parse({}, SORTS, path="/stories")
    assert (p.number, p.size, p.sort, p.offset) == (1, 25, "size", 0)
    p = Paging.parse({"page": "3", "size": "10"}, SORTS).counted(45)
    assert (p.offset, p.pages, p.first_row, p.last_row, p.has_next, p.has_previous) == (20, 5, 21, 30, True, True)
    last = Paging.parse({"page": "5", "size": "10"}, SORTS).counted(45)
    assert (last.first_row, last.last_row, last.has_next) == (41, 45, False)


@pytest.mark.parametrize("query", [{"page": "0"}, {"page": "-1"}, {"page": "two"}, {"size": "0"},
                                   {"size": str(MAX_SIZE + 1)}, {"sort": "rowid; DROP TABLE x"},
                                   {"sort": "SIZE"}])
def test_paging_refuses_bad_numbers_and_unknown_sorts(query: dict[str, str]) -> None:
    with pytest.raises(InputError) as err:
        Paging.parse(query, SORTS)
    assert next(iter(query)) in err.value.message


def test_a_page_past_the_end_shows_the_last_page() -> None:
    assert Paging.parse({"page": "99", "size": "10"}, SORTS).counted(45).number == 5
    empty = Paging.parse({"page": "7"}, SORTS).counted(0)
    assert (empty.number, empty.pages, empty.first_row, empty.has_next) == (1, 1, 0, False)


def test_links_keep_the_filters_and_change_one_thing() -> None:
    p = Paging.parse([("q", "a&b"), ("label", "Country"), ("page", "2"), ("sort", "title")], SORTS,
                     path="/actors").counted(100)
    assert p.link(page=3) == "/actors?q=a%26b&label=Country&sort=title&page=3"
    assert p.link(sort="newest") == "/actors?q=a%26b&label=Country&sort=newest"  # a new order starts at page 1
    assert p.link(size=50) == "/actors?q=a%26b&label=Country&sort=title&size=50"
    assert Paging.parse({}, SORTS, path="/stories").link(page=1) == "/stories"
    assert p.param("label") == "Country" and p.param("missing") == ""


# -- pages over a real workspace ---------------------------------------------------------------


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return P.build(tmp_path_factory.mktemp("pages"))


@pytest.fixture(scope="module")
def client(db: Path):
    app = create_app(lambda: Workspace(db), settings=Settings.from_env({}))
    with TestClient(app, base_url="http://localhost") as c:
        yield c


def _rows(page: str, css: str) -> list[str]:
    return re.findall(rf'<tr class="{css}">(.*?)</tr>', page, re.S)


def test_dashboard_shows_counts_new_stories_and_list_versions_by_name(client: TestClient, db: Path) -> None:
    page = client.get("/").text
    assert 'id="card-reviews"' in page and "14 stories" in page and "15 reports" in page and "45 claims" in page
    new = page.split('id="new-stories"')[1].split("</ul>")[0]
    assert new.index("cables") < new.index("magnets")  # the newest story first
    versions = page.split('id="list-versions"')[1].split("</table>")[0]
    assert "ofac-sdn" in versions and "current" in versions
    with Workspace(db) as ws:
        ids = [v.id for v in ws.list_versions()]
    assert ids and not any(i in page for i in ids)
    assert 'id="card-alerts"' in page and 'href="/alerts">0<' in page  # no alert raised in this workspace


def test_old_search_links_redirect(client: TestClient) -> None:
    r = client.get("/", params={"q": "Northland"}, follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/search?q=Northland"
    page = client.get("/", params={"q": "turbines"}).text
    assert "Northland turbines reach Southland" in page and "centrifuges" not in page


def test_stories_paginate_and_sort(client: TestClient) -> None:
    first = client.get("/stories", params={"size": 5, "sort": "newest"}).text
    assert len(_rows(first, "story-row")) == 5 and "1–5 of 14" in first
    assert 'href="/stories?sort=newest&amp;size=5&amp;page=2"' in first
    third = client.get("/stories", params={"size": 5, "sort": "newest", "page": 3}).text
    assert len(_rows(third, "story-row")) == 4 and "turbines" in third and 'rel="next"' not in third
    titles = [re.search(r">([^<]+)</a>", r).group(1) for r in _rows(client.get("/stories?sort=title").text,
                                                                      "story-row")]
    assert titles == sorted(titles) and len(titles) == 14
    filtered = client.get("/stories", params={"q": "gyroscopes"}).text
    assert len(_rows(filtered, "story-row")) == 1


def test_an_unknown_sort_is_a_clear_400(client: TestClient) -> None:
    r = client.get("/stories", params={"sort": "doc_count; --"})
    assert r.status_code == 400 and "unknown sort" in r.text and "newest" in r.text
    assert client.get("/claims", params={"page": "x"}).status_code == 400


def test_documents_filter_by_outlet_and_show_undated(client: TestClient) -> None:
    page = client.get("/documents", params={"outlet": "Example Times", "sort": "oldest"}).text
    rows = _rows(page, "document-row")
    assert len(rows) == 4 and all("Example Times" in r for r in rows)
    assert rows[0].index("2019-03-26") >= 0
    everything = client.get("/documents", params={"size": 100}).text
    undated = [r for r in _rows(everything, "document-row") if "without a date" in r]
    assert undated and "undated" in undated[0] and "None" not in everything


def test_actors_filter_by_kind_and_listing(client: TestClient) -> None:
    listed = _rows(client.get("/actors", params={"listed": "1"}).text, "actor-row")
    assert len(listed) == 1 and "Islamic Revolutionary Guard Corps" in listed[0] and "ofac:10391" in listed[0]
    countries = _rows(client.get("/actors", params={"label": "Country", "sort": "name"}).text, "actor-row")
    assert [re.search(r">([^<]+)</a>", r).group(1) for r in countries] == ["Northland", "Southland"]


def test_claims_filter_page_and_keep_filters_in_links(client: TestClient) -> None:
    page = client.get("/claims", params={"status": "hedged", "size": 10}).text
    rows = _rows(page, "claim-row")
    assert len(rows) == 10 and all("hedged" in r for r in rows) and "1–10 of 15" in page
    assert 'href="/claims?status=hedged&amp;size=10&amp;page=2"' in page
    assert len(_rows(client.get("/claims", params={"q": "gyroscopes"}).text, "claim-row")) == 3


def test_actor_page_has_network_timeline_mentions_and_links(client: TestClient) -> None:
    page = client.get("/entity", params={"name": "Northland"}).text
    svg = page.split('<svg class="network-svg"')[1].split("</svg>")[0]
    assert 'data-node="Southland"' in svg and 'data-node="Northland"' in svg
    timeline = page.split('id="actor-timeline"')[1].split("</ol>")[0]
    dates = re.findall(r"<time>([^<]+)</time>", timeline)
    assert dates[0].startswith("2019") and dates[-1] == "undated" and "Reported:" in timeline
    mentions = page.split('id="actor-mentions"')[1].split("</table>")[0]
    assert "Northland shipped cables to Southland" in mentions
    irgc = client.get("/entity", params={"name": "Islamic Revolutionary Guard Corps"}).text
    links = irgc.split('id="actor-links"')[1].split("</table>")[0]
    assert "ofac:10391" in links and "certain" in links and "ofac-sdn" in links


def test_list_entry_page_lists_the_news_that_mention_it(client: TestClient) -> None:
    page = client.get("/list-entity/ofac:10391", params={"size": 10}).text
    rows = _rows(page, "news-row")
    assert len(rows) == 10 and "1–10 of 15" in page and all("certain" in r for r in rows)
    assert "Northland" in rows[0]
    other = client.get("/list-entity/ofac:19716").text
    assert "No analysed report mentions this entry" in other


def test_story_page_names_outlets_and_dates(client: TestClient, db: Path) -> None:
    with Workspace(db) as ws:
        story = max(ws.stories(), key=lambda s: len(s.documents))
    page = client.get(f"/story/{story.id}").text
    assert len(story.documents) == 2
    # the report with no outlet or address counts as its own source ("local file"), and is named as such
    assert "from 2 outlets" in page and "with no outlet" in page and "undated" in page


def test_api_docs_page_is_served_offline(client: TestClient) -> None:
    page = client.get("/docs").text
    for route in ("GET /api/v1/screen", "POST /api/v1/screen", "GET /api/v1/documents", "POST /api/v1/judgements"):
        assert route in page
    assert 'id="schema-Document"' in page and "1 to 1000" in page  # limit's bounds, from the schema
    assert "cdn" not in page.lower() and "swagger" not in page.lower()
    assert client.get("/redoc", follow_redirects=False).headers["location"] == "/docs"
    policy = client.get("/docs").headers["content-security-policy"]
    assert "https:" not in policy and "default-src 'self'" in policy


def test_api_lists_page_and_sort_too(client: TestClient) -> None:
    page = client.get("/api/v1/stories", params={"limit": 5, "offset": 10, "sort": "newest"}).json()
    assert len(page) == 4 and page[-1]["title"] == "Northland turbines reach Southland"
    docs = client.get("/api/v1/documents", params={"sort": "oldest", "limit": 2}).json()
    assert [d["published"] for d in docs] == [None, "2019-01-05"]  # undated first when oldest first
    bad = client.get("/api/v1/stories", params={"sort": "id; DROP"})
    assert bad.status_code == 400 and "unknown sort" in bad.json()["error"]["message"]


@pytest.mark.parametrize("path", ["/", "/alerts"])
def test_a_page_that_counts_its_alerts_counts_them_once(client: TestClient, path: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The dashboard and the alerts page know the open alerts' number; the navigation badge reuses it."""
    calls: list[bool] = []
    real = Workspace.count_alerts

    def counting(self: Workspace, include_all: bool = False) -> int:
        calls.append(include_all)
        return real(self, include_all)

    monkeypatch.setattr(Workspace, "count_alerts", counting)
    page = client.get(path).text
    assert len(calls) == 1
    assert 'href="/alerts"' in page  # the badge is still there


@pytest.mark.parametrize("path", ["/api/v1/actors", "/api/v1/entities", "/api/v1/audit"])
def test_api_lists_page_with_limit_and_offset(client: TestClient, path: str) -> None:
    """Two pages of two are the first four, in order: the order ends on a unique key."""
    for name in ("Northland", "Orvan", "Kestrel", "Marlow", "Tessaly"):  # audit rows to page through
        client.get("/api/v1/screen", params={"name": name})
    four = client.get(path, params={"limit": 4}).json()
    assert len(four) == 4
    pages = [client.get(path, params={"limit": 2, "offset": k}).json() for k in (0, 2)]
    assert pages[0] + pages[1] == four
    assert client.get(path, params={"offset": -1}).status_code == 422
