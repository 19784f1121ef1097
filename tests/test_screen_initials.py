"""Initials need evidence: a person is not named by initials, and a word in lower or title case is a word.

Screened with no schema (the API, the linker's candidates and batch files often give none), an
ordinary word written "May" or "Why" used to match a listed name as its initials. Two general
facts stop that: people are not named by the initials of their names (a short form the press
uses is listed as an alias and matches as written), and an acronym is written in capitals. The
entries below are made up; the last test screens common English words against the real lists.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from _screen_helpers import THRESHOLD, hand_made_index
from mistrust.model import Alias, ListEntity, NameQuery
from mistrust.screen import ScreenIndex, compare_names, normalize_name
from mistrust.screen.normalize import listed_form, lower_case_words

ENTRIES = [
    # People whose initials spell English words (DIG, MAP, BOX).
    ListEntity(id="p:doran", source="t", schema="Person", name="DORAN, Ilse Gaveth"),
    ListEntity(id="p:mabrek", source="t", schema="Person", name="Mabrek Ansel Pereth"),
    ListEntity(id="p:bolvey", source="t", schema="Person", name="BOLVEY Orrin Xandel",
               aliases=[Alias(name="BOX")]),
    # Organisations and a vessel whose initials spell words (TOP, FIN, MAY, CUP).
    ListEntity(id="o:talvern", source="t", schema="Organization", name="TALVERN ORBIS PRAXIS"),
    ListEntity(id="o:fenwarth", source="t", schema="Organization", name="Fenwarth Institute of Nuvalic Research"),
    ListEntity(id="o:corvath", source="t", schema="Organization", name="CORVATH UNITED PETROFORM"),
    ListEntity(id="v:marlo", source="t", schema="Vessel", name="MARLO AVEN YSTRAD"),
]


@pytest.fixture(scope="module")
def index() -> ScreenIndex:
    return hand_made_index(ENTRIES)


def matched(index: ScreenIndex, query: str) -> set[str]:
    return {h.entity_id for h in index.search(NameQuery(name=query), threshold=THRESHOLD) if h.match}


@pytest.mark.parametrize("query, person", [
    ("Dig", "p:doran"), ("DIG", "p:doran"), ("D.I.G.", "p:doran"), ("dig", "p:doran"),
    ("Map", "p:mabrek"), ("MAP", "p:mabrek"), ("Dig Map", "p:doran"),
])
def test_a_persons_initials_do_not_match(index: ScreenIndex, query: str, person: str) -> None:
    assert person not in matched(index, query)


def test_a_persons_written_short_alias_still_matches(index: ScreenIndex) -> None:
    # BOX is written in the entry as an alias: it matches as a name, in any case.
    assert "p:bolvey" in matched(index, "BOX")
    assert "p:bolvey" in matched(index, "Box")


@pytest.mark.parametrize("query, entry", [
    ("TOP", "o:talvern"), ("T.O.P.", "o:talvern"), ("FINR", "o:fenwarth"), ("CUP", "o:corvath"),
    ("MAY", "v:marlo"), ("Corvath United Petroform", "o:corvath"),
])
def test_capitals_keep_the_acronym_reading(index: ScreenIndex, query: str, entry: str) -> None:
    assert entry in matched(index, query)


@pytest.mark.parametrize("query, entry", [
    ("Top", "o:talvern"), ("top", "o:talvern"), ("Finr", "o:fenwarth"), ("Cup", "o:corvath"),
    ("May", "v:marlo"), ("may", "v:marlo"),
])
def test_a_word_in_lower_or_title_case_is_not_initials(index: ScreenIndex, query: str, entry: str) -> None:
    assert entry not in matched(index, query)


def test_initials_inside_a_longer_query_follow_the_same_rules(index: ScreenIndex) -> None:
    # A query word standing for adjacent listed words (``_initials_run``): in capitals only,
    # and never for a person's words.
    listed = "CORVATH UNITED PETROFORM TRADING"
    capitals, word = compare_names("CUP Trading", listed), compare_names("Cup Trading", listed)
    assert any("(initials)" in r for r in capitals["reasons"])
    assert not any("(initials)" in r for r in word["reasons"])
    assert capitals["score"] > word["score"] + 0.3
    assert not word["match"]
    assert not compare_names("MAP Trading", "MABREK ANSEL PERETH TRADING", schema="Person")["match"]


def test_compare_reads_a_listed_person_without_acronyms() -> None:
    # compare_names scores through ``score_pair``, which reads the listed name as the entry's.
    assert compare_names("KWE", "Kerrin Walbeck Eskard", b_schema="Organization")["match"]
    assert not compare_names("KWE", "Kerrin Walbeck Eskard", b_schema="Person")["match"]


def test_lower_case_words() -> None:
    assert lower_case_words("May") == {"may"}
    assert lower_case_words("I.R.G.C.") == frozenset()
    assert lower_case_words("KOMID Ltd") == {"ltd"}
    assert lower_case_words("IRGC-Qods Force") == {"qods", "force"}
    assert lower_case_words("КНДР") == frozenset()  # Cyrillic capitals
    assert lower_case_words("محمد") == frozenset()  # a script without case


def test_listed_form_drops_only_a_persons_acronyms() -> None:
    name = normalize_name("Halden Orvik Tamsin")
    assert name.acronyms
    assert listed_form(name, "Person").acronyms == ()
    assert listed_form(name, "Organization") == name
    assert listed_form(name, "Vessel") == name


def test_common_words_do_not_match_the_real_lists() -> None:
    from conftest import require_shared
    from mistrust.lists import load_file

    sanctions = require_shared("sanctions")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from screening_protocols import COMMON_WORDS, title

    index = ScreenIndex.build([load_file(sanctions / "un_consolidated_2026-02-27.xml"),
                               load_file(sanctions / "ofac_sdn_csv_2021-07" / "sdn.csv")])
    words = sorted({title(w) for w in COMMON_WORDS})
    # Some words are listed names as written (a vessel DAN, an alias "Said"): they match as names.
    # None may match as the initials of a listed name.
    through_initials = [(w, h.matched_name) for w in words
                        for h in index.search(NameQuery(name=w), threshold=THRESHOLD)
                        if h.match and any(f.name == "name_acronym" and f.score or "(initials)" in f.reason
                                           for f in h.features)]
    assert through_initials == []
    for acronym in ("IRGC", "KOMID"):
        assert matched(index, acronym), acronym
