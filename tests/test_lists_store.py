"""Versions in the workspace: current per list, idempotent loads, diffs across the three UN dates."""

from __future__ import annotations

import pytest

from _lists_helpers import loaded, sanctions
from mistrust.errors import NotFoundError

UN = ["un_consolidated_2020-11-30.xml", "un_consolidated_2025-04-19.xml", "un_consolidated_2026-02-27.xml"]


@pytest.fixture(scope="module")
def un_workspace(tmp_path_factory):
    """The three UN dates loaded once for the read-only tests of this module."""
    from mistrust import Workspace

    ws = Workspace(tmp_path_factory.mktemp("un") / "un.db", create=True)
    ws.load_lists([sanctions(name) for name in UN])
    yield ws
    ws.close()


def _iran(ids):
    return sorted(i for i in ids if i.startswith(("un:IRi.", "un:IRe.")))


def test_un_diff_iran_gone_in_2025_back_in_2026(un_workspace):
    v2020, v2025, v2026 = un_workspace.list_versions()
    assert [v.published for v in (v2020, v2025, v2026)] == ["2020-11-30", "2025-04-19", "2026-02-27"]

    first = un_workspace.diff_lists(v2020.id, v2025.id)
    second = un_workspace.diff_lists(v2025.id, v2026.id)
    iran_2020 = _iran(e.id for e in loaded(UN[0]).entities)
    iran_2026 = _iran(e.id for e in loaded(UN[2]).entities)
    assert len(iran_2020) == 84 and len(iran_2026) == 121
    assert _iran(first["removed"]) == iran_2020  # every Iran entry disappears in 2025 ...
    assert _iran(first["added"]) == []
    assert _iran(second["added"]) == iran_2026  # ... and comes back with the 2025 snapback
    assert _iran(second["removed"]) == []
    # counts add up: 2025 = 2020 - removed + added
    assert 1018 - first["counts"]["removed"] + first["counts"]["added"] == 877
    assert 877 - second["counts"]["removed"] + second["counts"]["added"] == 1003
    assert "un:KPe.001" not in first["added"] + first["removed"]


def test_diff_reports_changed_fields(un_workspace):
    v2020, v2025, _ = un_workspace.list_versions()
    result = un_workspace.diff_lists(v2020.id, v2025.id)
    changed = {c["id"]: c["fields"] for c in result["changed"]}
    assert changed, "some entries must have changed between 2020 and 2025"
    for fields in changed.values():
        assert fields and set(fields) <= {"name", "aliases", "birth_dates", "birth_places", "nationalities",
                                          "countries", "addresses", "identifiers", "programs", "listed_on",
                                          "remarks", "extra", "schema"}
    # unchanged + changed = entries in both
    both = 1018 - result["counts"]["removed"]
    assert result["counts"]["changed"] + result["counts"]["unchanged"] == both


def test_diff_accepts_file_paths(workspace):
    result = workspace.diff_lists(sanctions(UN[1]), sanctions(UN[2]))
    assert result["counts"]["added"] >= 121
    assert workspace.list_versions() == []  # comparing files stores nothing


def test_newest_published_version_stays_current_whatever_the_load_order(workspace):
    workspace.load_lists([sanctions(UN[2])])
    state = workspace.lists_state()
    [older] = workspace.load_lists([sanctions(UN[0])])
    assert not older.current
    [current] = workspace.current_lists()
    assert current.version.published == "2026-02-27"
    assert workspace.lists_state() == state


def test_reloading_the_same_file_is_idempotent(workspace):
    [a] = workspace.load_lists([sanctions(UN[2])])
    [b] = workspace.load_lists([sanctions(UN[2])])
    assert a.id == b.id
    assert len(workspace.list_versions()) == 1


def test_state_changes_when_current_versions_change(workspace):
    empty = workspace.lists_state()
    workspace.load_lists([sanctions(UN[0])])
    one = workspace.lists_state()
    workspace.load_lists([sanctions(UN[1])])
    two = workspace.lists_state()
    assert len({empty, one, two}) == 3


def test_stored_entities_equal_parsed_entities(workspace):
    workspace.load_lists([sanctions("ofac_sdn_csv_2021-07", "sdn.csv")])
    [current] = workspace.current_lists()
    parsed = {e.id: e for e in loaded("ofac_sdn_csv_2021-07", "sdn.csv").entities}
    stored = {e.id: e for e in current.entities}
    assert stored.keys() == parsed.keys()
    for ent_id in ("ofac:19716", "ofac:10391", "ofac:306"):
        assert stored[ent_id] == parsed[ent_id]
    assert all(stored[i].fingerprint() == parsed[i].fingerprint() for i in list(parsed)[:500])


def test_unchanged_entries_are_stored_once(un_workspace):
    rows = un_workspace.db.query("SELECT COUNT(*) FROM lists_entities")[0][0]
    members = un_workspace.db.query("SELECT COUNT(*) FROM lists_members")[0][0]
    assert members == 1018 + 877 + 1003
    assert rows < members  # content shared between versions


def test_get_entity_lists_every_version_holding_it(un_workspace):
    entity, versions = un_workspace.get_entity("un:KPe.001")
    assert entity.name == "KOREA MINING DEVELOPMENT TRADING CORPORATION"
    assert [v.published for v in versions] == ["2026-02-27", "2025-04-19", "2020-11-30"]
    assert versions[0].current
    iran_id = _iran(e.id for e in loaded(UN[0]).entities)[0]
    _, iran_versions = un_workspace.get_entity(iran_id)
    assert "2025-04-19" not in [v.published for v in iran_versions]
    with pytest.raises(NotFoundError):
        un_workspace.get_entity("un:NOPE.000")


def test_unknown_version_is_not_found(workspace):
    with pytest.raises(NotFoundError):
        workspace.diff_lists("deadbeef", "cafebabe")


def test_diff_details_name_the_values_that_changed():
    from mistrust.lists import diff_entities
    from mistrust.model.lists import Alias, ListEntity

    old = ListEntity(id="ofac:1", source="ofac", schema="Organization", name="ACME TRADING",
                     aliases=[Alias("ACME")], programs=["NPWMD"], remarks="a")
    new = ListEntity(id="ofac:1", source="ofac", schema="Organization", name="ACME TRADING",
                     aliases=[Alias("ACME CO", "weak")], programs=["NPWMD", "IFSR"], remarks="a")
    gone = ListEntity(id="ofac:2", source="ofac", schema="Person", name="DOE, John")
    result = diff_entities([old, gone], [new])
    assert result["removed"] == ["ofac:2"] and result["added"] == []
    [change] = result["changed"]
    assert change["fields"] == ["aliases", "programs"]
    assert change["changes"]["programs"] == {"added": ["IFSR"], "removed": []}
    assert change["changes"]["aliases"] == {"added": ["ACME CO weak aka"], "removed": ["ACME strong aka"]}
