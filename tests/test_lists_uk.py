"""UK Sanctions List XML (FCDO): ids, names and aliases, dates, countries, identifiers, sniffing,
CLI load, diff between versions, screening on a UK alias, update source, bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from _lists_helpers import FIXTURES, by_id, loaded
from _lists_helpers import run_cli as _run
from mistrust import Workspace
from mistrust.cli import main
from mistrust.errors import ListFormatError
from mistrust.lists import detect_format, from_ftm, load_file, to_ftm
from mistrust.lists.uk_xml import registration_numbers, uk_dates
from mistrust.lists.update import SOURCES

SAMPLE = FIXTURES / "uk_sanctions_sample.xml"
TEXT = SAMPLE.read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str, name: str = "uk.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _designation(uid: str, names: str, extra: str = "") -> str:
    return f"<Designation><UniqueID>{uid}</UniqueID><Names>{names}</Names>{extra}</Designation>"


def _wrap(*designations: str, root: str = "Designations", generated: str = "01/02/2026") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<{root}><DateGenerated>{generated}</DateGenerated>'
            + "".join(designations) + f"</{root}>\n")


def test_sniffed_as_uk_xml_and_version_metadata():
    assert detect_format(SAMPLE.read_bytes()[:65536]) == "uk-xml"
    lst = load_file(SAMPLE)
    v = lst.version
    assert (v.list_name, v.source, v.format, v.published, v.entity_count) == (
        "uk-sanctions-list", "uk", "uk-xml", "2026-11-20", 7)
    assert all(e.source == "uk" and e.id.startswith("uk:") for e in lst.entities)


ENTRIES = {
    # id: (schema, name, birth dates, nationalities, countries, listed_on)
    "uk:DPR0001": ("Organization", "KOREA MINING DEVELOPMENT TRADING CORPORATION", [], [], ["kp"], "2009-04-24"),
    "uk:DPR0075": ("Vessel", "PETREL 8", [], [], ["km"], "2017-10-05"),
    "uk:INU0002": ("Person", "Dawood AGHA-JANI", ["1957-04-23"], ["ir"], [], "2006-12-23"),
    "uk:INU0017": ("Person", "Mohammad HEJAZI", ["1959"], ["ir"], [], "2007-03-24"),
    "uk:INU0039": ("Person", "Qasem SOLEIMANI", ["1957-03-11"], ["ir"], [], "2007-03-24"),
    "uk:RUS0260": ("Person", "Roman Arkadyevich ABRAMOVICH", ["1966-10-24"], ["ru", "il", "pt"], [], "2022-03-10"),
    "uk:RUS0999": ("Organization", "WAGNER GROUP", [], [], ["ru"], "2022-03-28"),
}


@pytest.mark.parametrize("entity_id", list(ENTRIES))
def test_entry_fields(entity_id):
    e = by_id(load_file(SAMPLE))[entity_id]
    schema, name, births, nationalities, countries, listed_on = ENTRIES[entity_id]
    assert (e.schema, e.name, e.birth_dates, e.nationalities, e.countries, e.listed_on) == (
        schema, name, births, nationalities, countries, listed_on)
    assert len(e.programs) == 1 and e.programs[0].endswith("Regulations 2019")


ALIASES = {
    "uk:DPR0001": [("CHANGGWANG SINYONG CORPORATION", "strong", "aka"),
                   ("EXTERNAL TECHNOLOGY GENERAL CORPORATION", "strong", "aka"),
                   ("KOMID", "strong", "aka"), ("조선광업개발무역회사", "strong", "original")],
    # The alias comes before the primary name in the file; the primary name still wins.
    "uk:INU0017": [("Mohammed Hijazi", "strong", "aka")],
    # "Low quality a.k.a" is a weak alias.
    "uk:INU0039": [("Qasim Soleimani", "strong", "aka"), ("Qasem Sulaimani", "strong", "aka"),
                   ("Haj Qasem", "weak", "aka"), ("Sardar Soleimani", "weak", "aka")],
    # A "Primary name variation" is a strong alias; the Cyrillic name is kept as the original script.
    "uk:RUS0260": [("Roman Arkadievich ABRAMOVICH", "strong", "aka"),
                   ("Роман Аркадьевич АБРАМОВИЧ", "strong", "original")],
    # "ALias" (sic, seen in the real file) is an alias; without AliasStrength it is strong.
    "uk:RUS0999": [("VAGNER GROUP", "strong", "aka"), ("PMC WAGNER", "strong", "aka"),
                   ("CHVK WAGNER", "strong", "aka"), ("Группа Вагнера", "strong", "original")],
    "uk:DPR0075": [],
}


@pytest.mark.parametrize("entity_id", list(ALIASES))
def test_aliases_quality_and_kind(entity_id):
    e = by_id(load_file(SAMPLE))[entity_id]
    assert [(a.name, a.quality, a.kind) for a in e.aliases] == ALIASES[entity_id]


def test_identifiers_un_reference_and_details():
    ents = by_id(load_file(SAMPLE))
    ids = {k: [(i.type, i.value, i.country) for i in e.identifiers] for k, e in ents.items()}
    assert ids["uk:INU0002"] == [("passport", "I5824769", "ir"), ("un_reference", "IRi.002", None)]
    assert ids["uk:DPR0075"] == [("imo", "9562233", None)]  # "IMO" prefix dropped, as for OFAC
    assert ids["uk:DPR0001"] == [("un_reference", "KPe.001", None)]
    assert ids["uk:RUS0260"] == []
    komid = ents["uk:DPR0001"]
    assert komid.extra["un_entities"] == ["un:KPe.001"]
    assert komid.extra["designation_source"] == "UN"
    assert komid.extra["sanctions_imposed"] == ["Asset freeze", "Trust services sanctions"]
    assert komid.extra["sanctions_indicators"] == ["AssetFreeze", "TrustServicesSanctions"]
    assert komid.extra["last_updated"] == "2023-02-13"
    assert komid.addresses == ["Central District, Pyongyang, North Korea"]
    assert komid.remarks and komid.remarks.startswith("Main exporter")
    roman = ents["uk:RUS0260"]
    assert roman.birth_places == ["Saratov, Russia"]
    assert roman.extra["statement_of_reasons"].startswith("A businessman")
    assert "un_entities" not in roman.extra  # a UK-only designation has no UN link
    assert ents["uk:DPR0075"].extra["flags"] == ["Comoros"]


@pytest.mark.parametrize("text,expected", [
    ("23/04/1957", ["1957-04-23"]),
    ("dd/mm/1959", ["1959"]),
    ("00/00/1959", ["1959"]),
    ("00/06/1961", ["1961-06"]),
    ("dd/06/1961", ["1961-06"]),
    ("DD/MM/1961", ["1961"]),
    ("1/3/1958", ["1958-03-01"]),
    ("05/10/2017 00:00:00", ["2017-10-05"]),
    ("1958", ["1958"]),
    ("00/00/0000", []),
    ("", []),
    (None, []),
])
def test_partial_day_first_dates(text, expected):
    assert uk_dates(text) == expected


def test_name_parts_joined_by_number_and_tolerated_variants(tmp_path):
    text = _wrap(
        # Parts out of document order; Name6 (family name) last whatever the element order.
        _designation("XXX0001", "<Name><Name6>PERSON</Name6><Name2>Middle</Name2><Name1>Test</Name1>"
                                "<NameType>primary name</NameType></Name>",
                     "<IndividualEntityShip>Individual</IndividualEntityShip>"),
        # No "Primary Name" at all: the first name is the name. No IndividualEntityShip: details decide.
        _designation("XXX0002", "<Name><Name6>FIRST SHIP NAME</Name6><NameType>Alias</NameType></Name>"
                                "<Name><Name6>SECOND SHIP NAME</Name6><NameType>Alias</NameType>"
                                "<AliasStrength>Low quality a.k.a</AliasStrength></Name>",
                     "<ShipDetails><Ship><IMONumbers><IMONumber>9000001</IMONumber></IMONumbers></Ship>"
                     "</ShipDetails>"),
        _designation("XXX0003", "<Name><Name6>TEST TRADING LLC</Name6><NameType>Primary Name</NameType></Name>",
                     "<EntityDetails><Entity><BusinessRegistrationNumbers><BusinessRegistrationNumber>INN: 7707000001; "
                     "1027700</BusinessRegistrationNumber></BusinessRegistrationNumbers></Entity></EntityDetails>"
                     "<IndividualDetails><Individual><NationalIdentifierDetails><NationalIdentifier>"
                     "<NationalIdentifierNumber>77-01</NationalIdentifierNumber>"
                     "<NationalIdentifierAdditionalInformation>Issued in Belarus</NationalIdentifierAdditionalInformation>"
                     "</NationalIdentifier></NationalIdentifierDetails></Individual></IndividualDetails>"
                     "<IndividualEntityShip>Entity</IndividualEntityShip>"),
    )
    ents = by_id(load_file(_write(tmp_path, text)))
    assert ents["uk:XXX0001"].name == "Test Middle PERSON" and ents["uk:XXX0001"].schema == "Person"
    ship = ents["uk:XXX0002"]
    assert (ship.schema, ship.name, [(a.name, a.quality) for a in ship.aliases]) == (
        "Vessel", "FIRST SHIP NAME", [("SECOND SHIP NAME", "weak")])
    org = ents["uk:XXX0003"]
    assert org.schema == "Organization"  # IndividualEntityShip wins over the presence of details
    assert [(i.type, i.value, i.country) for i in org.identifiers] == [
        ("national_id", "77-01", "by"), ("inn", "7707000001", None), ("registration", "1027700", None)]


@pytest.mark.parametrize("text,expected", [
    ("INN: 7707000001; OGRN: 1027700000001", [("inn", "7707000001"), ("ogrn", "1027700000001")]),
    ("(1) INN 7707000001 (2) KPP 770701001", [("inn", "7707000001"), ("kpp", "770701001")]),
    ("SWIFT/BIC: TESTRUMM", [("swift", "TESTRUMM")]),
    ("BIK 044500001.", [("bik", "044500001")]),
    ("HRB 12345", [("registration", "HRB 12345")]),
    ("", []),
])
def test_registration_numbers_keep_their_labels(text, expected):
    assert registration_numbers(text) == expected


def test_namespaced_root_is_read(tmp_path):
    text = TEXT.replace("<Designations ", '<Designations xmlns="urn:example:uk" ', 1)
    path = _write(tmp_path, text)
    assert detect_format(path.read_bytes()) == "uk-xml"
    lst = load_file(path)
    assert lst.version.published == "2026-11-20"
    assert [e.id for e in lst.entities] == [e.id for e in load_file(SAMPLE).entities]


def test_ftm_round_trip():
    for e in load_file(SAMPLE).entities:
        [back] = from_ftm(to_ftm(e))
        assert back.fingerprint() == e.fingerprint(), e.id  # all but where the file came from


def test_un_references_point_at_the_same_party_on_the_un_list():
    un = by_id(loaded("un_consolidated_2026-02-27.xml"))
    linked = [e for e in load_file(SAMPLE).entities if e.extra.get("un_entities")]
    assert len(linked) == 4
    for e in linked:
        [un_id] = e.extra["un_entities"]
        assert un_id in un, un_id
        # Same party: the UN's surname is in the UK name (UN writes it in capitals too).
        assert un[un_id].name.split()[-1].casefold() in e.name.casefold(), (un[un_id].name, e.name)


BAD = {
    # name: (content, format override, words the message must contain)
    "truncated": (TEXT[: len(TEXT) // 2], None, "truncated"),
    "wrong root with --format uk-xml": ('<?xml version="1.0"?><CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>',
                                        "uk-xml", "expected <Designations>"),
    "designation without UniqueID": (_wrap("<Designation><Names><Name><Name6>NO ID</Name6></Name></Names>"
                                           "</Designation>"), None, "without a UniqueID"),
    "designation without names": (_wrap(_designation("XXX0009", "")), None, "XXX0009 has no name"),
    "blank UniqueID": (_wrap(_designation(" ", "<Name><Name6>BLANK</Name6></Name>")), None, "UniqueID"),
    "no designations": (_wrap(), None, "no list entries"),
    "duplicate UniqueID": (_wrap(_designation("XXX0001", "<Name><Name6>A</Name6></Name>"),
                                 _designation("XXX0001", "<Name><Name6>B</Name6></Name>")), None,
                           "duplicate entry id uk:XXX0001"),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_bad_input_names_file_and_problem(case, tmp_path):
    content, fmt, words = BAD[case]
    path = _write(tmp_path, content)
    with pytest.raises(ListFormatError) as info:
        load_file(path, format=fmt)
    message = str(info.value)
    assert str(path) in message and words.lower() in message.lower(), message


def test_missing_unique_id_error_gives_the_line(tmp_path):
    text = TEXT.replace("<UniqueID>INU0017</UniqueID>", "")
    with pytest.raises(ListFormatError) as info:
        load_file(_write(tmp_path, text))
    designation_line = TEXT[: TEXT.index("<UniqueID>INU0017")].rfind("<Designation>")
    assert info.value.line == TEXT[:designation_line].count("\n") + 1


def test_cli_load_and_entity(tmp_path):
    db = tmp_path / "m.db"
    result = _run(db, "lists", "load", str(SAMPLE))
    assert result.exit_code == 0, result.output
    assert "uk-sanctions-list: 7 entries" in result.output and "published 2026-11-20" in result.output
    shown = json.loads(_run(db, "lists", "show", "--json").output)
    assert [(v["list_name"], v["format"], v["current"]) for v in shown] == [("uk-sanctions-list", "uk-xml", True)]
    entity = json.loads(_run(db, "entity", "uk:INU0039", "--json").output)
    assert entity["entity"]["name"] == "Qasem SOLEIMANI"
    assert ["Haj Qasem", "weak"] in [[a["name"], a["quality"]] for a in entity["entity"]["aliases"]]
    bad = _write(tmp_path, _wrap(), "empty-uk.xml")
    failed = CliRunner().invoke(main, ["--db", str(db), "lists", "load", str(bad)])
    assert failed.exit_code == 3 and "no list entries" in failed.output
    un = _write(tmp_path, '<?xml version="1.0"?><CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>',
                "un.xml")
    forced = CliRunner().invoke(main, ["--db", str(db), "lists", "load", "--format", "uk-xml", str(un)])
    assert forced.exit_code == 3 and "expected <Designations>" in forced.output
    assert len(json.loads(_run(db, "lists", "show", "--json").output)) == 1  # nothing else stored


def _next_version() -> str:
    """The sample a few days later: one designation revoked, one added, one amended."""
    text = TEXT.replace("<DateGenerated>20/11/2026</DateGenerated>", "<DateGenerated>23/11/2026</DateGenerated>")
    text = re.sub(r"<Designation>(?:(?!</Designation>).)*?<UniqueID>INU0017</UniqueID>.*?</Designation>\s*", "",
                  text, flags=re.S)
    text = text.replace("<Nationality>Portugal</Nationality>", "")
    added = _designation("IRN0001", "<Name><Name6>ISLAMIC REVOLUTIONARY GUARD CORPS</Name6>"
                                    "<NameType>Primary Name</NameType></Name>"
                                    "<Name><Name6>IRGC</Name6><NameType>Alias</NameType></Name>",
                         "<RegimeName>The Iran (Sanctions) Regulations 2023</RegimeName>"
                         "<IndividualEntityShip>Entity</IndividualEntityShip>")
    return text.replace("</Designations>", added + "</Designations>")


def test_diff_between_two_versions_and_current_moves(tmp_path, workspace):
    old = _write(tmp_path, TEXT, "uk-2026-11-20.xml")
    new = _write(tmp_path, _next_version(), "uk-2026-11-23.xml")
    [v1] = workspace.load_lists([old])
    [v2] = workspace.load_lists([new])
    assert v2.published == "2026-11-23" and v2.current and v2.entity_count == 7
    [current] = workspace.current_lists()
    assert current.version.id == v2.id
    diff = workspace.diff_lists(v1.id, v2.id)
    assert diff["added"] == ["uk:IRN0001"] and diff["removed"] == ["uk:INU0017"]
    [changed] = diff["changed"]
    assert changed["id"] == "uk:RUS0260" and changed["fields"] == ["nationalities"]
    assert changed["changes"]["nationalities"] == {"added": [], "removed": ["pt"]}
    # Loading the older file again does not take "current" back.
    workspace.load_lists([old])
    assert workspace.current_lists()[0].version.id == v2.id


@pytest.mark.parametrize("query,entity_id,matched", [
    ("Changgwang Sinyong Corporation", "uk:DPR0001", "CHANGGWANG SINYONG CORPORATION"),
    ("PMC Wagner", "uk:RUS0999", "PMC WAGNER"),
    ("Roman Arkadievich Abramovich", "uk:RUS0260", "Roman Arkadievich ABRAMOVICH"),
])
def test_screening_finds_uk_alias(workspace, query, entity_id, matched):
    workspace.load_lists([SAMPLE])
    hits = workspace.screen(query, record=False)
    assert hits and hits[0].entity_id == entity_id, [(h.entity_id, h.score) for h in hits]
    assert hits[0].match and hits[0].matched_name == matched
    assert hits[0].programs == by_id(load_file(SAMPLE))[entity_id].programs


def test_update_source_is_the_fcdo_file(tmp_path):
    url, _ = SOURCES["uk"].files[0]
    assert SOURCES["uk"].format == "uk-xml"
    assert url == "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"

    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=SAMPLE.read_bytes()) if request.url == url else httpx.Response(404)

    with Workspace(tmp_path / "w.db", lists_dir=tmp_path / "dl", create=True) as ws:
        [version] = ws.update_lists(["uk"], transport=httpx.MockTransport(serve))
        assert (version.list_name, version.entity_count, version.current) == ("uk-sanctions-list", 7, True)
        entity, _ = ws.get_entity("uk:DPR0075")
        assert entity.schema == "Vessel"
