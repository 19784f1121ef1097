"""Entity rules for re3d-style recall/precision: a state as a body vs a place, people adjectives
that head a group or a place, leaders' regimes, NORP names that are places, language glosses and
demonyms opening a name. My own sentences; each rule has must-not-fire cases."""

from __future__ import annotations

import pytest

from mistrust.extract.entities import EntityRecognizer, Recognized
from mistrust.extract.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def recognizer(nlp):
    return EntityRecognizer(nlp)


def _found(recognizer, nlp, text: str) -> dict[str, Recognized]:
    recs = recognizer(nlp(text))
    for r in recs:
        assert text[r.mention.start:r.mention.end] == r.mention.text
    return {r.mention.text: r for r in recs}


def _labelled(found: dict[str, Recognized], surface: str, label: str) -> bool:
    """Whether ``surface`` was recognised, with ``label``."""
    return surface in found and found[surface].mention.label == label


def _found_as(recognizer, nlp, text: str, surface: str, label: str) -> Recognized:
    """The entity ``surface`` recognised in ``text``, asserted to carry ``label``."""
    found = _found(recognizer, nlp, text)
    assert surface in found, sorted(found)
    assert found[surface].mention.label == label
    return found[surface]


# (text, country surface, political?) -- "political": the state as a body, not its territory.
POLITICAL = [
    ("The agreement reflects lasting Japan support for the programme.", "Japan", True),
    ("Brazil commitment to the treaty was reaffirmed.", "Brazil", True),
    ("The fund will help Kenya to repay its loans.", "Kenya", True),
    ("Several members, including Norway and Chile, objected.", "Norway", True),
    ("Norway accused its neighbour of spying.", "Norway", True),
    # must not fire: the country as a place
    ("Heavy rain fell in Kenya on Tuesday.", "Kenya", False),
    ("The convoy reached the Chile border at dawn.", "Chile", False),
    ("The delegation will visit Japan next month.", "Japan", False),
    ("The port of Mombasa, Kenya, was closed.", "Kenya", False),
]


@pytest.mark.parametrize(("text", "surface", "political"), POLITICAL)
def test_country_political_vs_place(recognizer, nlp, text, surface, political):
    found = _found(recognizer, nlp, text)
    assert surface in found, sorted(found)
    assert found[surface].mention.label == "Country"
    assert found[surface].political is political


# (text, surface expected, label) -- a people adjective heading a group or a place, a leader's regime.
PHRASES = [
    ("Kurdish fighters held the ridge for a week.", "Kurdish fighters", "Organization"),
    ("Shia militiamen blocked the road.", "Shia militiamen", "Organization"),
    ("Leaders of the Yazidi community asked for help.", "Yazidi community", "Organization"),
    ("Shelling hit the Syrian town of Azaz overnight.", "Syrian town of Azaz", "Location"),
    ("Refugees gathered near the Turkish border.", "Turkish border", "Location"),
    ("Aid reached a Lebanese village on Friday.", "Lebanese village", "Location"),
    ("Critics of the Maduro government were arrested.", "Maduro government", "Organization"),
    ("Observers blamed the Assad regime for the attack.", "Assad regime", "Organization"),
    ("Putin's government rejected the claim.", "Putin's government", "Organization"),
]


@pytest.mark.parametrize(("text", "surface", "label"), PHRASES)
def test_modifier_phrases(recognizer, nlp, text, surface, label):
    # a group or place description: kept, never screened
    assert _found_as(recognizer, nlp, text, surface, label).generic


# must not fire: the adjective stays a Nationality (linked to its state) or the person stays a person.
NOT_PHRASES = [
    ("Iranian engineers worked at the plant.", "Iranian", "Nationality"),
    ("The Syrian writer published a new novel.", "Syrian", "Nationality"),
    ("Kurdish and Yazidi fighters held the ridge.", "Kurdish", "Nationality"),
    ("Putin spoke to reporters on Friday.", "Putin", "Person"),
    ("The letter from Assad arrived late.", "Assad", "Person"),
]


@pytest.mark.parametrize(("text", "surface", "label"), NOT_PHRASES)
def test_modifier_phrases_must_not_fire(recognizer, nlp, text, surface, label):
    _found_as(recognizer, nlp, text, surface, label)


# NORP names that are not people words are places in locative use; language glosses are dropped.
NORP_PLACES = [
    ("Civilians fled from eastern Aleppo.", "Aleppo", "Location"),
    ("Troops took full control of Aleppo, the army said.", "Aleppo", "Location"),
    ("The dam lies west of Samarra and north of Baghdad.", "Samarra", "Location"),
    # must not fire: people words stay Nationality
    ("He spoke with two Syrian doctors.", "Syrian", "Nationality"),
    ("Shia clerics in Najaf, Iraq, met the Kurdish doctors.", "Kurdish", "Nationality"),
]


@pytest.mark.parametrize(("text", "surface", "label"), NORP_PLACES)
def test_norp_places(recognizer, nlp, text, surface, label):
    _found_as(recognizer, nlp, text, surface, label)


@pytest.mark.parametrize("text", [
    "The Tabqa Dam (Arabic: سد الطبقة) holds the river.",
    "The Lake Van (Turkish: Van Gölü) is salty.",
    "The word (Persian: شهر) means city.",
])
def test_language_gloss_is_no_nationality(recognizer, nlp, text):
    found = _found(recognizer, nlp, text)
    assert not [r for r in found.values() if r.mention.label == "Nationality"], sorted(found)


# A demonym opening a capitalised name: the name is one organisation; persons with titles are not.
NAMES = [
    ("Hackers of the Syrian Electronic Army defaced the site.", "Syrian Electronic Army"),
    ("The Iraqi Museum reopened its doors.", "Iraqi Museum"),
    ("Members of the Syrian Computer Society were listed.", "Syrian Computer Society"),
]


# A demonym before the name of a body and an office noun ("the Chinese UN mission", "the Cuban OAS
# delegation") is the state's office at that body: no name is opened ("Chinese UN"); the demonym
# and the host body stay mentions of their own (or the office is one, when its noun heads a group). A name followed by another noun still opens (the
# must-not-fire rows below).
OFFICE_AT_BODY = [
    ("The Chinese UN mission denied the report.", "Chinese", "UN", "Chinese UN"),
    ("Officials at the Cuban OAS delegation declined to comment.", "Cuban", "OAS", "Cuban OAS"),
    ("The Russian EU mission issued a statement on Friday.", "Russian", "EU", "Russian EU"),
]


@pytest.mark.parametrize(("text", "demonym", "host", "not_name"), OFFICE_AT_BODY)
def test_office_at_body_is_no_name(recognizer, nlp, text, demonym, host, not_name):
    found = _found(recognizer, nlp, text)
    assert not_name not in found, sorted(found)
    # the demonym alone, or the whole office when its noun heads a group ("the Cuban OAS delegation")
    office = text.split(not_name, 1)[1].split()[0]
    assert (_labelled(found, demonym, "Nationality") and _labelled(found, host, "Organization")
            or f"{not_name} {office}" in found), sorted(found)


@pytest.mark.parametrize(("text", "surface"), [
    ("The Syrian Electronic Army hackers defaced the site.", "Syrian Electronic Army"),
    ("The Iraqi Museum director reopened its doors.", "Iraqi Museum"),
])
def test_demonym_opens_name_before_other_nouns(recognizer, nlp, text, surface):
    found = _found(recognizer, nlp, text)
    assert any(surface in r.mention.text and r.mention.label in ("Organization", "Facility")
               for r in found.values()), sorted(found)


@pytest.mark.parametrize(("text", "surface"), NAMES)
def test_demonym_opens_name(recognizer, nlp, text, surface):
    found = _found(recognizer, nlp, text)
    covering = [r for r in found.values() if surface in r.mention.text]
    assert covering, sorted(found)
    assert covering[0].mention.label in ("Organization", "Facility")


@pytest.mark.parametrize(("text", "person"), [
    ("Iraqi Prime Minister Haider al-Abadi visited the front.", "Haider al-Abadi"),
    ("The Iranian President Hassan Rouhani spoke on Monday.", "Hassan Rouhani"),
    ("French Foreign Minister Laurent Fabius left Paris.", "Laurent Fabius"),
])
def test_demonym_before_titled_person_stays_person(recognizer, nlp, text, person):
    found = _found(recognizer, nlp, text)
    assert any(person in r.mention.text and r.mention.label == "Person" for r in found.values()), sorted(found)


# Short names defined in the text must be in capitals and not inside shouted text.
@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("The Sahel Unity (SU) movement grew. Villagers said SU had taken the bridge.", "SU", True),
    ("The Delta Freedom Army (DFA) left. The town was retaken from the DFA in 2017.", "DFA", True),
    ("AP reported the strike first.", "AP", True),
    ("WHAT IS THE PLAN FOR TODAY", "IS", False),
    ("The answer is no.", "is", False),
    ("THE UN VOTE IS DELAYED", "IS", False),
])
def test_short_actor_names(recognizer, nlp, text, surface, expected):
    found = _found(recognizer, nlp, text)
    assert _labelled(found, surface, "Organization") is expected, sorted(found)


# Landmarks named with a structure word are places (Facility), whatever the model said.
@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Protesters marched across the Liberty Bridge at dusk.", "Liberty Bridge", True),
    ("Inmates were moved to the Evin Prison last week.", "Evin Prison", True),
    ("Crowds gathered outside the Umayyad Mosque at noon.", "Umayyad Mosque", True),
    ("Guards closed the Golestan Palace on Monday.", "Golestan Palace", True),
    # must not fire: lower-case structure words are no names
    ("Engineers inspected the old dam after the flood.", "old dam", False),
    ("Families left the camp at dawn.", "camp", False),
])
def test_landmark_facilities(recognizer, nlp, text, surface, expected):
    found = _found(recognizer, nlp, text)
    assert _labelled(found, surface, "Facility") is expected, sorted(found)


# A name before a lower-case site noun names the site; a state word there does not.
@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Inspectors returned to the Zarvan enrichment plant on Tuesday.", "Zarvan", True),
    ("Satellite images showed work at the Kelto Iranian nuclear facility.", "Kelto", True),
    ("Engineers left the Russian nuclear plant in June.", "Russian", False),
    ("The plant was closed after the accident.", "plant", False),
])
def test_name_before_site_noun(recognizer, nlp, text, surface, expected):
    found = _found(recognizer, nlp, text)
    assert (surface in found and found[surface].mention.label == "Facility") is expected, sorted(found)


# A one-word name the model calls a place is a body when it reports or is cited.
@pytest.mark.parametrize(("text", "surface"), [
    ("The missiles were shipped last year, Kestrelwire reported on Friday.", "Kestrelwire"),
    ("According to Dunmore, the tanker left port at night.", "Dunmore"),
])
def test_reporting_name_is_organisation(recognizer, nlp, text, surface):
    found = _found(recognizer, nlp, text)
    assert surface not in found or found[surface].mention.label != "Location", sorted(found)


def test_place_name_in_place_phrase_stays_place(recognizer, nlp):
    found = _found(recognizer, nlp, "The ship docked in Dunmore on Friday.")
    assert "Dunmore" in found and found["Dunmore"].mention.label == "Location", sorted(found)


# The portfolio of an office title ("Secretary of State", "Minister of Defence") is part of the
# title, not an organisation; a body named after "of" without an office noun, or with "the", stays.
PORTFOLIO = [
    ("Secretary of State Orla Venn warned the shippers on Monday.", "State", False),
    ("The visit was led by Secretary of Defense Karl Omerud.", "Defense", False),
    ("Minister of Commerce Ilse Drach signed the decree.", "Commerce", False),
    # must not fire
    ("The State Department said the tanker had been seized.", "State Department", True),
    ("Officials of the Ministry of State Security met in Pyongyang.", "Ministry of State Security", True),
    ("A spokesman for Hezbollah denied the report.", "Hezbollah", True),
]


@pytest.mark.parametrize(("text", "surface", "kept"), PORTFOLIO)
def test_an_office_portfolio_is_no_organisation(recognizer, nlp, text: str, surface: str, kept: bool) -> None:
    found = _found(recognizer, nlp, text)
    assert (surface in found) is kept, sorted(found)


@pytest.mark.parametrize(("text", "credit"), [
    ("Orla Venn/Reuters", True),
    ("KCNA/Reuters", True),
    ("AP Photo, File", True),
    ("AP Photo Ana Drach, Pool", True),
    ("Fleet Command/Navy/Handout", True),
    ("Home / World / Middle East", True),
    # must not fire: names with a slash or a comma of their own, an agency alone
    ("M/V Orla Star", False),
    ("Velk Holdings, Ltd", False),
    ("Reuters", False),
    ("Associated Press", False),
    ("Washington, D.C.", False),
])
def test_credit_lines(text: str, credit: bool) -> None:
    from mistrust.extract.entities import _credit_line

    assert _credit_line(text) is credit


def test_a_photo_credit_is_no_entity(recognizer, nlp) -> None:
    text = "Officials inspect the seized cargo in the port. (AP Photo, File)\nThe tanker Orla Star was held."
    found = _found(recognizer, nlp, text)
    assert not any("Photo" in name for name in found), sorted(found)


@pytest.mark.parametrize(("text", "surface"), [
    ("Tankers crossing the strait of Velmuz must now report to the navy.", "strait of Velmuz"),
    ("The convoy sailed through the gulf of Karvon on Tuesday.", "gulf of Karvon"),
])
def test_a_water_feature_joins_its_name(recognizer, nlp, text: str, surface: str) -> None:
    found = _found(recognizer, nlp, text)
    name = surface.split()[-1]
    # the tagger may miss the name altogether; when it reads it, the feature noun comes with it
    assert name not in found or _labelled(found, surface, "Location"), sorted(found)


@pytest.mark.parametrize(("text", "surface", "label"), [
    # must not fire: "of" after other nouns, a country after "gulf of" is kept by its own rules
    ("The secretary of Ana Velk's office declined to comment.", "Ana Velk", "Person"),
    ("Ships waited off the port of Karvon for two days.", "port of Karvon", None),
])
def test_other_nouns_before_of_keep_the_name_alone(recognizer, nlp, text: str, surface: str,
                                                   label: str | None) -> None:
    found = _found(recognizer, nlp, text)
    if label is None:
        assert surface not in found, sorted(found)
    else:
        assert _labelled(found, surface, label) or surface not in found, sorted(found)


@pytest.mark.parametrize(("text", "joined"), [
    (["Velmar Ports", " and ", "Maritime Organisation"], True),
    (["Roads", " and ", "Transport Authority"], True),
    # must not fire: no body head after "and", a name (not a plural domain word) before it,
    # more than "and" between, an acronym before it
    (["Velmar Ports", " and ", "Maritime Services"], False),
    (["Velk", " and ", "Orla Corporation"], False),
    (["Velmar Ports", " and the ", "Maritime Organisation"], False),
    (["ORLAS", " and ", "Maritime Organisation"], False),
])
def test_a_body_name_split_at_and_is_joined(text: list[str], joined: bool) -> None:
    from mistrust.extract.entities import Candidate, _coordinated_names

    full = "The tanker was held by the " + "".join(text) + " on Friday."
    a_start = full.index(text[0])
    b_start = a_start + len(text[0]) + len(text[1])
    cands = [Candidate(a_start, a_start + len(text[0]), "Organization", 2, "ner:ORG"),
             Candidate(b_start, b_start + len(text[2]), "Organization", 2, "ner:ORG")]
    out = _coordinated_names(full, cands)
    assert bool(out) is joined
    if joined:
        assert full[out[0].start:out[0].end] == "".join(text)


def test_a_split_body_name_is_one_entity(recognizer, nlp) -> None:
    text = "The crew was handed over to the Velmar Ports and Maritime Organisation for legal procedures."
    found = _found(recognizer, nlp, text)
    assert "Maritime Organisation" not in found or "Velmar Ports and Maritime Organisation" in found, sorted(found)
    assert "Velmar Ports" not in found, sorted(found)
