"""Ongoing monitoring through the Workspace and its store (both backends): watched names, the
re-screen a new list version runs over stored subjects, and alerts on newly analysed documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

import _monitor_helpers as M
from mistrust.errors import InputError, NotFoundError
from mistrust.lists.update import Source
from mistrust.model import Extraction, Hit, Mention
from mistrust.model.screening import LinkTier
from mistrust.workspace import Workspace
from mistrust.workspace.monitoring import is_new_hit


@pytest.fixture
def ws(tmp_path: Path) -> Any:
    v1, v2 = M.lists(tmp_path / "lists")
    workspace = Workspace(tmp_path / "monitor.db", create=True)
    workspace.load_lists([v1])
    workspace.v2 = v2  # type: ignore[attr-defined]
    yield workspace
    workspace.close()


def _load_v2(ws: Any, **options: Any) -> list[dict[str, Any]]:
    summaries: list[dict[str, Any]] = []
    ws.load_lists([ws.v2], on_rescreen=summaries.append, **options)
    return summaries


# -- watches -----------------------------------------------------------------------------------

def test_watch_records_who_added_it_and_can_be_removed(ws: Any) -> None:
    added = ws.add_watch("  Ardent Quistrand ", "person", user="alice")
    assert (added["name"], added["schema"], added["user"]) == ("Ardent Quistrand", "Person", "alice")
    other = ws.add_watch("Someone Else", user="bob")
    assert [(w["id"], w["user"]) for w in ws.watches()] == [(added["id"], "alice"), (other["id"], "bob")]
    assert ws.remove_watch(added["id"])["name"] == "Ardent Quistrand"
    assert [w["id"] for w in ws.watches()] == [other["id"]]
    with pytest.raises(NotFoundError):
        ws.remove_watch(added["id"])


@pytest.mark.parametrize(("name", "schema"), [("", "Any"), ("x" * 5000, "Any"), ("Fine Name", "Spaceship")])
def test_watch_refuses_what_cannot_be_screened(ws: Any, name: str, schema: str) -> None:
    with pytest.raises(InputError):
        ws.add_watch(name, schema, user="alice")
    assert ws.watches() == []


def test_watch_list_file_keeps_good_rows_and_reports_bad_ones(ws: Any, tmp_path: Path) -> None:
    csv = tmp_path / "watch.csv"
    csv.write_text("name,schema\nArdent Quistrand,Person\n,Person\nNorthern Lantern,Organization\n"
                   "Bad Schema Co,Planet\n", encoding="utf-8")
    result = ws.load_watches(csv, user="carol")
    assert result["rows"] == 4
    assert [(w["name"], w["schema"], w["user"]) for w in result["added"]] == [
        ("Ardent Quistrand", "Person", "carol"), ("Northern Lantern", "Organization", "carol")]
    assert [r["row"] for r in result["refused"]] == [2, 4]
    assert all(r["error"].startswith(f"row {r['row']}:") for r in result["refused"])
    assert {w["source"] for w in ws.watches()} == {str(csv)}

    text = tmp_path / "watch.txt"
    text.write_text("Blue Harbor Shipping\n" + "y" * 5000 + "\n", encoding="utf-8")
    result = ws.load_watches(text, schema="organization", user="carol")
    assert [w["schema"] for w in result["added"]] == ["Organization"]
    assert [r["row"] for r in result["refused"]] == [2]


# -- re-screening ------------------------------------------------------------------------------

@pytest.mark.parametrize(("before", "score", "new"), [
    ({}, 0.9, True),                     # never hit this entry
    ({"e": 0.6}, 0.9, True),             # was a near miss: crossed the threshold
    ({"e": 0.9}, 0.95, False),           # already a match
    ({}, 0.6, False),                    # not a match now
])
def test_what_counts_as_a_new_hit(before: dict[str, float], score: float, new: bool) -> None:
    hit = Hit(entity_id="e", entity_name="E", schema="Person", list_version="v", query_name="q", matched_name="E",
              score=score, match=score >= 0.8, threshold=0.8, algorithm="a")
    assert is_new_hit(hit, before) is new


def test_new_list_version_puts_new_hits_of_watches_and_batch_rows_in_the_queue(ws: Any, tmp_path: Path) -> None:
    ws.add_watch("Ardent Quistrand", "Person", user="alice")
    rows = tmp_path / "names.csv"
    rows.write_text("id,name\nr1,Northern Lantern Trading Corp\nr2,Blue Harbor Shipping Company\n", encoding="utf-8")
    batch = ws.screen_file(rows, tmp_path / "out.jsonl")
    # nothing on version 1 matches the watch; the batch's match is queued with its run
    first = ws.review_queue()
    assert [(h["query_name"], h["source"], h["run_id"]) for h in first] == [
        ("Blue Harbor Shipping Company", "batch", batch["run_id"])]

    [summary] = _load_v2(ws)
    since = f"{M.LIST_NAME} {M.V2_DATE}"
    assert (summary["subjects"], summary["queries"], summary["new_hits"], summary["new_since"]) == (3, 3, 2, since)
    queue = {(h["query_name"], h["entity_id"]): h for h in ws.review_queue() if h["source"] == "monitor"}
    assert set(queue) == {("Ardent Quistrand", f"un:{M.PERSON[0]}"),
                          ("Northern Lantern Trading Corp", f"un:{M.COMPANY_2[0]}")}
    assert {h["new_since"] for h in queue.values()} == {since}
    # the company already hit by row r2 on version 1 is not new
    assert all(h["entity_id"] != f"un:{M.COMPANY[0]}" for h in queue.values())
    runs = [r for r in ws.audit_runs() if r["kind"] == "rescreen"]
    assert len(runs) == 1 and runs[0]["hit_count"] == 2 and runs[0]["query"]["new_since"] == since

    # the same file again changes nothing current: no re-screen, no new hits
    assert _load_v2(ws) == []


def test_a_hit_seen_by_one_rescreen_is_not_new_at_the_next(ws: Any, tmp_path: Path) -> None:
    ws.add_watch("Ardent Quistrand", "Person", user="alice")
    [first] = _load_v2(ws)
    assert first["new_hits"] == 1
    summaries: list[dict[str, Any]] = []
    v3 = M.write_un(tmp_path / "un-v3.xml", "2026-12-31", [*M.V2, ("Organization", "KPe.954", "QUIET RIVER BANK")])
    ws.load_lists([v3], on_rescreen=summaries.append)
    assert [(s["subjects"], s["new_hits"], s["new_since"]) for s in summaries] == [(1, 0, f"{M.LIST_NAME} 2026-12-31")]


def test_rescreen_can_be_skipped_and_removed_watches_are_not_rescreened(ws: Any) -> None:
    watch = ws.add_watch("Ardent Quistrand", "Person", user="alice")
    assert _load_v2(ws, rescreen=False) == []
    assert ws.review_queue() == []
    ws.remove_watch(watch["id"])
    assert ws.rescreen([])["subjects"] == 0


def test_batch_rows_rerun_into_the_same_output_are_stored_once(ws: Any, tmp_path: Path) -> None:
    rows = tmp_path / "names.txt"
    rows.write_text("Northern Lantern Trading Corp\nSomeone Unlisted\n", encoding="utf-8")
    for _ in range(2):
        ws.screen_file(rows, tmp_path / "out.jsonl", resume=False)
    [summary] = _load_v2(ws)
    assert (summary["subjects"], summary["queries"], summary["new_hits"]) == (2, 2, 1)


# -- alerts ------------------------------------------------------------------------------------

def _link(entity_id: str, tier: LinkTier) -> Hit:
    return Hit(entity_id=entity_id, entity_name="BLUE HARBOR SHIPPING COMPANY", schema="Organization",
               list_version="v1", query_name="Blue Harbor Shipping Company", matched_name="BLUE HARBOR",
               score=0.97, match=True, threshold=0.8, algorithm="a", tier=tier, link_reason=f"{tier} link")


def _extraction(doc_id: str, *mentions: Mention) -> Extraction:
    return Extraction(entities=list(mentions), doc_id=doc_id)


def test_certain_links_and_watched_names_raise_alerts_once(ws: Any) -> None:
    watch = ws.add_watch("Ardent Velmor Quistrand", "Person", user="alice")
    listed = f"un:{M.COMPANY[0]}"
    doc = _extraction(
        "doc1",
        Mention("Blue Harbor Shipping Company", 0, 28, "Organization", links=[_link(listed, "certain")]),
        Mention("Harbor Co", 40, 49, "Organization", links=[_link("un:other", "probable")]),
        Mention("Ardent Quistrand", 60, 76, "Person"),
        Mention("Unrelated Person", 80, 96, "Person"),
        Mention("Ardent Velmor Quistrand", 100, 123, "Location"),  # not a label a watch names
    )
    assert ws.raise_alerts([doc]) == 2
    alerts = {a["kind"]: a for a in ws.alerts()}
    assert set(alerts) == {"listed", "watched"}
    assert (alerts["listed"]["entity_id"], alerts["listed"]["subject"], alerts["listed"]["document"]) == (
        listed, "Blue Harbor Shipping Company", "doc1")
    assert alerts["listed"]["detail"]["reason"] == "certain link"
    assert (alerts["watched"]["watch_id"], alerts["watched"]["subject"]) == (watch["id"], "Ardent Quistrand")
    assert alerts["watched"]["status"] == "open"
    # the same document analysed again raises nothing new
    assert ws.raise_alerts([doc]) == 0
    assert ws.open_alert_count() == 2


def test_acknowledged_alerts_leave_the_open_list_with_who_did_it(ws: Any) -> None:
    ws.raise_alerts([_extraction(f"doc{n}", Mention("Blue Harbor", 0, 11, "Organization",
                                                    links=[_link(f"un:{n}", "certain")])) for n in range(3)])
    first, *_ = ws.open_alerts(limit=1)
    assert len(ws.open_alerts(limit=1)) == 1 and first["document"] == "doc2"  # newest first
    done = ws.acknowledge_alert(first["id"], user="dave")
    assert (done["status"], done["acknowledged_by"]) == ("acknowledged", "dave")
    again = ws.acknowledge_alert(first["id"], user="erin")
    assert again["acknowledged_by"] == "dave"  # the first acknowledgement stands
    assert ws.open_alert_count() == 2
    assert first["id"] not in {a["id"] for a in ws.alerts()}
    assert first["id"] in {a["id"] for a in ws.alerts(include_all=True)}
    with pytest.raises(NotFoundError):
        ws.acknowledge_alert(9999, user="dave")


def test_no_watches_no_watched_alerts(ws: Any) -> None:
    assert ws.raise_alerts([_extraction("doc1", Mention("Ardent Quistrand", 0, 16, "Person"))]) == 0
    assert ws.alerts() == []


def test_lists_update_rescreens_like_a_load(tmp_path: Path) -> None:
    v1, v2 = M.lists(tmp_path / "lists")
    body = v2.read_bytes()
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    registry = {"un-test": Source("un-test", "un-xml", (("https://lists.example/un.xml", "un.xml"),))}
    with Workspace(tmp_path / "update.db", create=True, lists_dir=tmp_path / "downloads") as ws:
        ws.load_lists([v1])
        ws.add_watch("Ardent Quistrand", "Person", user="alice")
        summaries: list[dict[str, Any]] = []
        [version] = ws.update_lists(["un-test"], transport=transport, registry=registry, on_rescreen=summaries.append)
        assert version.published == M.V2_DATE and version.current
        assert [(s["subjects"], s["new_hits"]) for s in summaries] == [(1, 1)]
        assert [h["new_since"] for h in ws.review_queue()] == [f"{M.LIST_NAME} {M.V2_DATE}"]


def test_alerts_page_by_offset_and_count_open_or_all(ws: Any) -> None:
    ws.raise_alerts([_extraction(f"doc{n}", Mention("Blue Harbor", 0, 11, "Organization",
                                                    links=[_link(f"un:{n}", "certain")])) for n in range(5)])
    assert [a["document"] for a in ws.alerts(limit=2, offset=2)] == ["doc2", "doc1"]  # newest first
    assert ws.alerts(limit=2, offset=5) == []
    ws.acknowledge_alert(ws.alerts(limit=1)[0]["id"], user="dave")
    assert (ws.count_alerts(), ws.count_alerts(include_all=True), ws.open_alert_count()) == (4, 5, 4)
