"""Initials need evidence: a person is not named by initials, and a word in lower or title case is a word.

Screened with no schema (the API, the linker's candidates and batch files often give none), an
ordinary word written "May" or "Why" used to match a listed name as its initials. Two general
facts stop that: people are not named by the initials of their names (a short form the press
uses is listed as an alias and matches as written), and an acronym is written in capitals. And
three capitals spell the initials of some listed name by chance (an agency, a broadcaster): an
acronym of three letters that the entry does not list as an alias is no evidence; from four
letters the derived initials count. The entries below are made up; the last tests screen common
English words and random three-letter acronyms against the real lists.
"""

from __future__ import annotations

import random
import string
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
    # Organisations and a vessel whose initials spell words (TOPS, FINR, MAYS, CUPS).
    ListEntity(id="o:talvern", source="t", schema="Organization", name="TALVERN ORBIS PRAXIS SENDAL"),
    ListEntity(id="o:fenwarth", source="t", schema="Organization", name="Fenwarth Institute of Nuvalic Research"),
    ListEntity(id="o:corvath", source="t", schema="Organization", name="CORVATH UNITED PETROFORM SYNDICATE"),
    ListEntity(id="v:marlo", source="t", schema="Vessel", name="MARLO AVEN YSTRAD SORN"),
    # Bodies of three words, whose three initials an unlisted agency may share (HDA, KMB), one of
    # them known by its initials and listing them (QVD).
    ListEntity(id="o:harvel", source="t", schema="Organization", name="HARVEL DORIN AGENCY"),
    ListEntity(id="o:kelmor", source="t", schema="Organization", name="Kelmor Mining Bureau"),
    ListEntity(id="o:quenlar", source="t", schema="Organization", name="QUENLAR VESTA DORVAN",
               aliases=[Alias(name="QVD")]),
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
    ("TOPS", "o:talvern"), ("T.O.P.S.", "o:talvern"), ("FINR", "o:fenwarth"), ("CUPS", "o:corvath"),
    ("MAYS", "v:marlo"), ("Corvath United Petroform Syndicate", "o:corvath"),
])
def test_capitals_keep_the_acronym_reading(index: ScreenIndex, query: str, entry: str) -> None:
    assert entry in matched(index, query)


@pytest.mark.parametrize("query, entry", [
    ("Tops", "o:talvern"), ("tops", "o:talvern"), ("Finr", "o:fenwarth"), ("Cups", "o:corvath"),
    ("Mays", "v:marlo"), ("mays", "v:marlo"),
])
def test_a_word_in_lower_or_title_case_is_not_initials(index: ScreenIndex, query: str, entry: str) -> None:
    assert entry not in matched(index, query)


@pytest.mark.parametrize("query, entry", [
    ("HDA", "o:harvel"), ("H.D.A.", "o:harvel"), ("KMB", "o:kelmor"), ("K.M.B.", "o:kelmor"),
])
def test_three_initials_the_entry_does_not_list_are_no_evidence(index: ScreenIndex, query: str, entry: str) -> None:
    assert entry not in matched(index, query)
    hit = next(h for h in index.search(NameQuery(name=query), threshold=THRESHOLD, min_score=0.0)
               if h.entity_id == entry)
    assert any(f.name == "name_acronym" and f.score for f in hit.features)  # read as initials, yet no match
    assert any(f.name == "name_evidence" and "by chance" in f.reason for f in hit.features)


def test_three_initials_listed_as_an_alias_match(index: ScreenIndex) -> None:
    assert "o:quenlar" in matched(index, "QVD")
    assert "o:quenlar" in matched(index, "Q.V.D.")
    # The long form written out still matches the long name, and its initials need four letters
    # either way: a listed three-letter alias says as much as its letters for a long query.
    assert "o:quenlar" in matched(index, "Quenlar Vesta Dorvan")
    assert not compare_names("Harvel Dorin Agency", "HDA", b_schema="Organization")["match"]


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
    assert compare_names("KWEO", "Kerrin Walbeck Eskard Orlan", b_schema="Organization")["match"]
    assert not compare_names("KWEO", "Kerrin Walbeck Eskard Orlan", b_schema="Person")["match"]


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
    # Random three-letter acronyms in capitals (an agency, a broadcaster no list names) match no
    # listed name through its initials, though many spell some listed name's.
    rng = random.Random(3)
    acronyms = sorted({"".join(rng.choices(string.ascii_uppercase, k=3)) for _ in range(300)})
    spelt: list[str] = []
    chance: list[tuple[str, str]] = []
    for word in acronyms:
        hits = index.search(NameQuery(name=word), threshold=THRESHOLD, min_score=0.0)
        initials = [h for h in hits if any(f.name == "name_acronym" and f.score for f in h.features)]
        spelt += [word] if initials else []
        chance += [(word, h.matched_name) for h in initials if h.match]
    assert len(spelt) >= 20  # the test means something: many spell some listed name's initials
    assert chance == []
