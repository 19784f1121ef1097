"""Issue 19 item 2: loading an older list must not roll the workspace back.

The current version of a list is the one published last; an older or undated file is recorded
and the result says so; ``--make-current`` overrides on purpose.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from hostile._make import ofac_csv, un_xml
from mistrust import Workspace
from mistrust.cli import main
from mistrust.model.lists import KNOWN, MADE_CURRENT, OLDER, UNDATED


def _current(ws: Workspace, list_name: str) -> str | None:
    v = ws.current_version(list_name)
    return v.id if v else None


def test_older_dated_file_is_recorded_not_current(tmp_path: Path) -> None:
    new = un_xml(tmp_path / "new.xml", "2026-02-01", ["Alpha Trading Company", "Beta Shipping"])
    old = un_xml(tmp_path / "old.xml", "2024-05-01", ["Alpha Trading Company"])
    with Workspace(tmp_path / "w.db", create=True) as ws:
        (v_new,) = ws.load_lists([new])
        (v_old,) = ws.load_lists([old])
        assert v_new.current and not v_old.current
        assert v_old.outcome == OLDER
        assert _current(ws, "un-consolidated") == v_new.id
        assert [h.entity_name for h in ws.screen("Beta Shipping", record=False)][:1] == ["Beta Shipping"]


def test_known_content_under_an_undated_name_keeps_its_place(tmp_path: Path) -> None:
    # The reported case: an sdn.csv already loaded (dated by its folder) is loaded again from a
    # path with no date, after a newer version; it must not become current again.
    (tmp_path / "sdn_2021-07").mkdir()
    (tmp_path / "sdn_2024-05").mkdir()
    old = ofac_csv(tmp_path / "sdn_2021-07" / "sdn.csv", ["OLD FRONT COMPANY"])
    new = ofac_csv(tmp_path / "sdn_2024-05" / "sdn.csv", ["OLD FRONT COMPANY", "NEWER DESIGNEE LLC"])
    again = tmp_path / "sdn.csv"
    again.write_bytes(old.read_bytes())
    with Workspace(tmp_path / "w.db", create=True) as ws:
        ws.load_lists([old, new])
        (v,) = ws.load_lists([again])
        assert v.outcome == KNOWN and not v.current
        assert ws.current_version("ofac-sdn").published == "2024-05"  # type: ignore[union-attr]
        assert ws.screen("Newer Designee LLC", record=False)[0].match


def test_undated_new_content_waits_behind_a_dated_version(tmp_path: Path) -> None:
    dated = un_xml(tmp_path / "a.xml", "2025-01-01", ["Gamma Metals"])
    undated = un_xml(tmp_path / "b.xml", None, ["Delta Tools"])
    undated2 = un_xml(tmp_path / "c.xml", None, ["Epsilon Parts"])
    with Workspace(tmp_path / "w.db", create=True) as ws:
        (first,) = ws.load_lists([undated])
        assert first.current  # nothing dated yet: the undated file is all there is
        (second,) = ws.load_lists([undated2])
        assert second.current  # among undated files the later load wins
        (d,) = ws.load_lists([dated])
        assert d.current  # a date beats no date
        (u,) = ws.load_lists([undated])
        assert u.outcome == KNOWN and not u.current
        late = un_xml(tmp_path / "d.xml", None, ["Zeta Works"])
        (z,) = ws.load_lists([late])
        assert z.outcome == UNDATED and not z.current
        assert _current(ws, "un-consolidated") == d.id


def test_same_date_later_load_wins(tmp_path: Path) -> None:
    a = un_xml(tmp_path / "a.xml", "2025-03-03", ["Theta One"])
    b = un_xml(tmp_path / "b.xml", "2025-03-03", ["Theta One", "Theta Two"])
    with Workspace(tmp_path / "w.db", create=True) as ws:
        ws.load_lists([a])
        (vb,) = ws.load_lists([b])
        assert vb.current


def test_make_current_overrides_and_cli_says_so(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    new = un_xml(tmp_path / "new.xml", "2026-02-01", ["Iota Holdings"])
    old = un_xml(tmp_path / "old.xml", "2020-01-01", ["Kappa Group"])
    runner = CliRunner()
    assert runner.invoke(main, ["--db", str(db), "lists", "load", str(new)]).exit_code == 0
    said = runner.invoke(main, ["--db", str(db), "lists", "load", str(old)])
    assert said.exit_code == 0
    assert "older version" in said.output and "--make-current" in said.output
    forced = runner.invoke(main, ["--db", str(db), "lists", "load", "--make-current", str(old)])
    assert forced.exit_code == 0 and "on purpose" in forced.output
    with Workspace(db, create=True) as ws:
        current = ws.current_version("un-consolidated")
        assert current is not None and current.published == "2020-01-01"
        (again,) = ws.load_lists([old], make_current=True)
        assert again.outcome == MADE_CURRENT
