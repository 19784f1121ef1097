"""FtM export round-trips; the demo watchlist loads through the FtM loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _lists_helpers import loaded
from mistrust.lists import from_ftm, load_file, to_ftm
from mistrust.model.lists import Alias, Identifier, ListEntity

WATCHLIST = Path(__file__).resolve().parent.parent / "examples" / "watchlist.ftm.json"

SAMPLES = [
    ("un_consolidated_2026-02-27.xml", ["un:KPe.001", "un:KPi.003", "un:TAi.005"]),
    ("ofac_sdn_csv_2021-07/sdn.csv", ["ofac:19716", "ofac:10391", "ofac:11648", "ofac:4243"]),
    ("ofac_consolidated_nonsdn_2018-04-06.xml", ["ofac:4632"]),
    ("eu_legacy_fsf_2016-02-11_TRUNCATED.xml", ["eu:13", "eu:1"]),
]


def _strip_source(e: ListEntity) -> dict:
    d = e.to_dict()
    d.pop("source_file")
    d.pop("source_sha256")
    return d


@pytest.mark.parametrize("name,ids", SAMPLES, ids=[s[0] for s in SAMPLES])
def test_export_round_trips(name, ids):
    entities = {e.id: e for e in loaded(*name.split("/")).entities}
    for ent_id in ids:
        if ent_id not in entities:
            continue
        original = entities[ent_id]
        records = to_ftm(original)
        # through JSON text, as written by `mistrust lists export`
        records = [json.loads(json.dumps(r, ensure_ascii=False)) for r in records]
        [back] = from_ftm(records)
        assert _strip_source(back) == _strip_source(original)


def test_export_is_valid_ftm_and_readable_without_our_side_channel():
    from followthemoney import model

    entity = ListEntity(
        id="ofac:1", source="ofac", schema="Person", name="DOE, John",
        aliases=[Alias("DOE, Jon"), Alias("JD", "weak"), Alias("SMITH, John", "strong", "fka")],
        birth_dates=["1961-01-15"], nationalities=["ir"], countries=["ir"], addresses=["Tehran, Iran"],
        identifiers=[Identifier("passport", "A123", "ir", "expires 2030")], programs=["NPWMD", "IFSR"],
        listed_on="2010-06-09", remarks="Linked To: X.")
    records = to_ftm(entity)
    for record in records:
        proxy = model.get_proxy({k: v for k, v in record.items() if k != "mistrust"})
        assert proxy.schema.name in {"Person", "Sanction", "Identification"}
    main = records[0]["properties"]
    assert main["weakAlias"] == ["JD"] and main["previousName"] == ["SMITH, John"]
    assert main["program"] == ["NPWMD", "IFSR"] and main["passportNumber"] == ["A123"]
    # A reader that drops our "mistrust" key still gets names, qualities, dates, programmes, ids.
    [plain] = from_ftm([{k: v for k, v in r.items() if k != "mistrust"} for r in records])
    assert plain.name == "DOE, John"
    assert {(a.name, a.quality, a.kind) for a in plain.aliases} == {
        ("DOE, Jon", "strong", "aka"), ("JD", "weak", "aka"), ("SMITH, John", "strong", "fka")}
    assert plain.programs == ["NPWMD", "IFSR"] and plain.listed_on == "2010-06-09"
    assert [(i.type, i.value, i.country, i.note) for i in plain.identifiers] == [
        ("passport", "A123", "ir", "expires 2030")]
    assert plain.birth_dates == ["1961-01-15"] and plain.nationalities == ["ir"]


def test_demo_watchlist_loads_with_programmes():
    lst = load_file(WATCHLIST)
    assert lst.version.format == "ftm-json"
    ents = {e.id: e for e in lst.entities}
    assert 30 <= len(ents) <= 60
    assert all(e.programs for e in ents.values())
    movahed = ents["ofac:19716"]
    assert movahed.name == "SHAHID MOVAHED INDUSTRIES"
    assert "SHAHID HAJ ALI MOVAHED RESEARCH CENTER" in [a.name for a in movahed.aliases]
    irgc = ents["ofac:10391"]
    assert "IRGC" in [a.name for a in irgc.aliases] and "NPWMD" in irgc.programs
    komid = ents["un:KPe.001"]
    assert komid.listed_on == "2009-04-24" and komid.programs == ["DPRK"]
    assert {e.schema for e in ents.values()} == {"Person", "Organization"}


def test_demo_watchlist_agrees_with_the_official_lists():
    """Every UN entry of the demo watchlist exists in the 2026 UN list under the same primary name."""
    demo = {e.id: e for e in load_file(WATCHLIST).entities}
    un = {e.id: e for e in loaded("un_consolidated_2026-02-27.xml").entities}
    ofac = {e.id: e for e in loaded("ofac_sdn_csv_2021-07", "sdn.csv").entities}
    for ent_id, entity in demo.items():
        official = un.get(ent_id) or ofac.get(ent_id)
        assert official is not None, ent_id
        assert entity.schema == official.schema, ent_id
        assert entity.name.split(" (")[0] in official.name, ent_id
        if ent_id.startswith("un:"):
            assert entity.listed_on == official.listed_on, ent_id
        else:
            assert set(entity.programs) <= set(official.programs), ent_id


@pytest.mark.parametrize("name", ["un_consolidated_2026-02-27.xml", "ofac_consolidated_nonsdn_2018-04-06.xml",
                                  "eu_legacy_fsf_2016-02-11_TRUNCATED.xml"])
def test_whole_list_round_trips(name):
    entities = loaded(name).entities
    records = [r for e in entities for r in to_ftm(e)]
    back = from_ftm(json.loads(json.dumps(records, ensure_ascii=False)))
    assert [_strip_source(e) for e in back] == [_strip_source(e) for e in entities]
