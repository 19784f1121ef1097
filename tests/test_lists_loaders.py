"""Every shared list parses with its exact counts, and known entries carry their facts."""

from __future__ import annotations

from collections import Counter

import pytest

from _lists_helpers import FIXTURES, by_id, loaded
from mistrust.lists import load_file

# file, format, list name, published, {schema: count}
COUNTS = [
    ("un_consolidated_2026-02-27.xml", "un-xml", "un-consolidated", "2026-02-27", {"Person": 730, "Organization": 273}),
    ("un_consolidated_2025-04-19.xml", "un-xml", "un-consolidated", "2025-04-19", {"Person": 684, "Organization": 193}),
    ("un_consolidated_2020-11-30.xml", "un-xml", "un-consolidated", "2020-11-30", {"Person": 713, "Organization": 305}),
    ("ofac_sdn_2024-05-03.csv", "ofac-csv", "ofac-sdn", "2024-05-03", {"total": 14965}),
    ("ofac_sdn_csv_2021-07/sdn.csv", "ofac-csv", "ofac-sdn", "2021-07", {"total": 8976}),
    ("ofac_consolidated_nonsdn_2018-04-06.xml", "ofac-xml", "ofac-consolidated", "2018-04-06", {"total": 639}),
    ("ofac_consolidated_nonsdn_2025-03-28.xml", "ofac-xml", "ofac-consolidated", "2025-03-28", {"total": 443}),
    ("eu_legacy_fsf_2016-02-11_TRUNCATED.xml", "eu-fsf-legacy", "eu-fsf", "2016-02-11",
     {"Person": 319, "Organization": 276}),
    # The FtM samples: 4 Person + 2 Organization targets (+1 Address folded in); 11 Company + 6 Person
    # (Sanction, Ownership, Address, ... entities are folded in or skipped).
    ("opensanctions_ftm_samples/yente_fixture_t1.entities.ftm.json", "ftm-json", "ftm:yente_fixture_t1", None,
     {"Person": 4, "Organization": 2}),
    ("opensanctions_ftm_samples/yente_fixture_zala.entities.ftm.json", "ftm-json", "ftm:yente_fixture_zala", None,
     {"Person": 6, "Organization": 11}),
]


@pytest.mark.parametrize("name,fmt,list_name,published,counts", COUNTS, ids=[c[0] for c in COUNTS])
def test_every_shared_list_parses_with_exact_counts(name, fmt, list_name, published, counts):
    lst = loaded(*name.split("/"))
    assert lst.version.format == fmt
    assert lst.version.list_name == list_name
    if published:
        assert lst.version.published == published
    schemas = Counter(e.schema for e in lst.entities)
    if "total" in counts:
        assert len(lst.entities) == counts["total"]
    else:
        assert dict(schemas) == counts
    assert lst.version.entity_count == len(lst.entities)
    assert len(lst.version.sha256) == 64
    assert all(e.source_sha256 and e.source_file for e in lst.entities)
    assert all(e.name for e in lst.entities)


def test_ofac_2021_triple_reads_add_and_alt_beside_sdn():
    lst = loaded("ofac_sdn_csv_2021-07", "sdn.csv")
    assert len(lst.entities) == 8976
    # alt.csv rows are the strong a.k.a./f.k.a./n.k.a. names; weak ones come from the remarks.
    assert sum(1 for e in lst.entities for a in e.aliases if a.quality == "strong") == 11910
    assert len(lst.version.parts) == 3 and {p.rsplit("/", 1)[-1] for p in lst.version.parts} == {
        "sdn.csv", "add.csv", "alt.csv"}
    movahed = by_id(lst)["ofac:19716"]
    assert movahed.name == "SHAHID MOVAHED INDUSTRIES"
    assert "SHAHID HAJ ALI MOVAHED RESEARCH CENTER" in [a.name for a in movahed.aliases]
    assert movahed.programs == ["NPWMD", "IFSR"]
    assert movahed.countries == ["ir"]
    assert any("Tehran" in a for a in movahed.addresses)


def test_ofac_irgc_with_aka_and_programmes():
    for lst in (loaded("ofac_sdn_csv_2021-07", "sdn.csv"), loaded("ofac_sdn_2024-05-03.csv")):
        irgc = by_id(lst)["ofac:10391"]
        assert irgc.name == "ISLAMIC REVOLUTIONARY GUARD CORPS"
        assert irgc.schema == "Organization"
        assert irgc.programs == ["FTO", "SDGT", "NPWMD", "IRGC", "IFSR", "IRAN-HR", "HRIT-IR", "ELECTION-EO13848"]
    irgc = by_id(loaded("ofac_sdn_csv_2021-07", "sdn.csv"))["ofac:10391"]
    assert ("IRGC", "strong", "aka") in [(a.name, a.quality, a.kind) for a in irgc.aliases]


def test_ofac_remarks_facts_for_a_person():
    kim = by_id(loaded("ofac_sdn_2024-05-03.csv"))["ofac:11648"]  # KIM, Tong-Myo'ng (NPWMD)
    assert kim.schema == "Person"
    assert kim.birth_dates == ["1964", "1962-08-28"]
    assert kim.nationalities == ["kp"]
    assert ("KIM, JIN SOK", "weak") in [(a.name, a.quality) for a in kim.aliases]
    assert [i.type for i in kim.identifiers] == ["passport"]
    assert kim.extra["linked_to"] == ["TANCHON COMMERCIAL BANK"]


def test_ofac_vessel_imo_and_aircraft_schema():
    lst = by_id(loaded("ofac_sdn_2024-05-03.csv"))
    ebano = lst["ofac:4243"]
    assert ebano.schema == "Vessel"
    assert ("imo", "7406784") in [(i.type, i.value) for i in ebano.identifiers]
    assert ("ANA I", "weak", "fka") in [(a.name, a.quality, a.kind) for a in ebano.aliases]
    assert lst["ofac:15431"].schema == "Aircraft"


def test_un_known_entries():
    lst = by_id(loaded("un_consolidated_2026-02-27.xml"))
    komid = lst["un:KPe.001"]
    assert komid.name == "KOREA MINING DEVELOPMENT TRADING CORPORATION"
    assert komid.schema == "Organization"
    assert komid.programs == ["DPRK"]
    assert komid.listed_on == "2009-04-24"
    assert "KOMID" in [a.name for a in komid.aliases]
    assert komid.countries == ["kp"]
    green_pine = lst["un:KPe.010"]
    assert green_pine.name == "GREEN PINE ASSOCIATED CORPORATION"


def test_un_alias_quality_and_person_fields():
    lst = loaded("un_consolidated_2025-04-19.xml")
    anwari = by_id(lst)["un:TAi.005"]
    assert anwari.name == "MUHAMMAD TAHER ANWARI"
    qualities = {a.name: a.quality for a in anwari.aliases}
    assert qualities["Mohammad Taher Anwari"] == "strong"  # UN "Good"
    assert qualities["Haji Mudir"] == "weak"  # UN "Low"
    assert ("محمد طاهر أنوري", "original") in [(a.name, a.kind) for a in anwari.aliases]
    assert anwari.nationalities == ["af"]
    ri = by_id(loaded("un_consolidated_2020-11-30.xml"))["un:KPi.033"]
    assert ri.name == "RI WON HO"
    assert ri.birth_dates == ["1964-07-17"]
    assert [(i.type, i.value) for i in ri.identifiers] == [("passport", "381310014")]


def test_ofac_xml_both_namespaces():
    old = by_id(loaded("ofac_consolidated_nonsdn_2018-04-06.xml"))
    new = by_id(loaded("ofac_consolidated_nonsdn_2025-03-28.xml"))
    assert old["ofac:4632"].name == "BANK MARKAZI JOMHOURI ISLAMI IRAN"
    assert old["ofac:4632"].programs == ["IRAN"]
    haniya = new["ofac:9639"]
    assert haniya.name == "HANIYA, Ismail Abdul Salah"
    assert haniya.schema == "Person" and haniya.birth_dates == ["1962"]
    assert ("HANIYYA, Ismaeel", "strong") in [(a.name, a.quality) for a in haniya.aliases]
    vessels = [e for e in old.values() if e.schema == "Vessel"]
    assert len(vessels) == 74


def test_eu_legacy_entries():
    lst = by_id(loaded("eu_legacy_fsf_2016-02-11_TRUNCATED.xml"))
    saddam = lst["eu:13"]
    assert saddam.name == "Saddam Hussein Al-Tikriti"
    assert saddam.nationalities == ["iq"]  # ISO3 "IRQ" in the file
    assert "Abu Ali" in [a.name for a in saddam.aliases]
    assert saddam.birth_dates == ["1937-04-28"]
    assert saddam.programs == ["IRQ"]


def test_eu_export_sample():
    lst = load_file(FIXTURES / "eu_export_sample.xml")
    assert lst.version.format == "eu-fsf-export"
    assert lst.version.published == "2024-05-02"
    ents = by_id(lst)
    komid = ents["eu:90001"]
    assert komid.schema == "Organization"
    assert komid.programs == ["PRK"]
    assert komid.listed_on == "2009-04-24"
    assert [(a.name, a.quality) for a in komid.aliases] == [("KOMID", "strong"),
                                                            ("Changgwang Sinyong Corporation", "weak")]
    assert komid.countries == ["kp"]
    person = ents["eu:90002"]
    assert person.schema == "Person"
    assert person.birth_dates == ["1961-01-15"] and person.nationalities == ["ir"]
    assert [(i.type, i.value, i.country) for i in person.identifiers] == [("passport", "X0000001", "ir")]
    assert person.listed_on == "2012-03-23"


def test_ftm_sample_folds_sanctions_and_addresses():
    lst = loaded("opensanctions_ftm_samples", "yente_fixture_zala.entities.ftm.json")
    assert all(e.id.startswith("os:") for e in lst.entities)
    assert any(e.programs for e in lst.entities)
    t1 = loaded("opensanctions_ftm_samples", "yente_fixture_t1.entities.ftm.json")
    inter = next(e for e in t1.entities if "RAB „Inter Tobacco“" == e.name)
    assert inter.countries == ["by"] and ("registration", "808000714") in [(i.type, i.value) for i in inter.identifiers]


def test_format_override_and_deterministic_ids():
    path = FIXTURES / "eu_export_sample.xml"
    a, b = load_file(path), load_file(path, format="eu-fsf-export")
    assert a.version.id == b.version.id
    assert [e.fingerprint() for e in a.entities] == [e.fingerprint() for e in b.entities]


def test_un_alias_packing_several_spellings_is_split():
    eslami = by_id(loaded("un_consolidated_2026-02-27.xml"))["un:IRi.014"]
    assert [a.name for a in eslami.aliases] == ["Mohammad Islami", "Mohamed Islami", "Mohammed Islami"]
