"""Tests on spaCy spans that the entity rules ask: is this a people word, a place phrase, a name?

Kept apart from the recogniser so each rule in ``entities.py`` reads as a decision, not as token
arithmetic. Every function takes spans (or text) and returns a plain value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mistrust.extract import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# A capitalised name ending in one of these is a facility, whatever NER said ("Shahid Haj Ali
# Movahed Research Center" comes out of the small model as a PERSON).
FACILITY_TAILS = ("Research Center", "Research Centre", "Center", "Centre", "Facility", "Plant", "Complex",
                   "Reactor", "Site", "Laboratory", "Laboratories", "Shipyard", "Air Base", "Airbase",
                   "Naval Base", "Base", "Airport", "Port", "Factory", "Works", "Test Site", "Launch Pad",
                   "Enrichment Plant", "Power Plant", "Mine", "Refinery", "Terminal",
                   # landmarks and structures: places in reporting, not bodies ("the Old Bridge")
                   "Bridge", "Mosque", "Palace", "Prison", "Stadium", "Square", "Shrine", "Airfield", "Camp")
WEAPON_NOUNS = {"missile", "missiles", "rocket", "rockets", "launcher", "launchers", "drone", "drones",
                 "warhead", "warheads", "torpedo", "torpedoes", "rifle", "rifles", "tank", "tanks"}
_DETERMINERS = ("the ", "The ", "a ", "an ")
_POSSESSIVE = ("'s", "’s")

_PLACE_PREPS = {"in", "near", "outside", "into", "inside", "around", "across", "towards", "toward", "at"}

COMPASS = {"eastern", "western", "northern", "southern", "central", "east", "west", "north", "south", "greater",
            "rural", "downtown", "old"}
# Endings of people words ("Syrian", "Kurdish", "Iraqi", "Chinese", "Shi'ite", "Druze" aside).
_DEMONYM_ENDINGS = ("an", "ans", "ish", "ese", "i", "is", "ic", "ch", "ite", "ites", "ni", "nis", "es", "s", "ab",
                    "abs", "ia", "ias", "ds")


def demonym_like(span: Span) -> bool:
    text = span.text
    place = gazetteer.lookup(text)
    if place is not None:
        return place.kind == "demonym"
    return text.lower().endswith(_DEMONYM_ENDINGS)


def in_place_phrase(span: Span) -> bool:
    """A one- or two-word name that is the object of a locative preposition ("in Aleppo")."""
    root = span.root
    if len(span) > 2 or root.dep_ != "pobj" or root.head.lower_ not in _PLACE_PREPS:
        return False
    return not any(t.dep_ == "case" or t.text in _POSSESSIVE for t in root.children)


def split_possessives(ent: Span) -> list[Span]:
    """'Hezbollah’s Scud' -> ['Hezbollah', 'Scud']: NER sometimes runs over a possessive."""
    pieces, begin = [], ent.start
    for tok in ent:
        if tok.text in _POSSESSIVE or tok.tag_ == "POS":
            if tok.i > begin:
                pieces.append(ent.doc[begin:tok.i])
            begin = tok.i + 1
    if begin < ent.end:
        pieces.append(ent.doc[begin:ent.end])
    return pieces


def trim_mention(span: Span) -> Span | None:
    """Drop a leading determiner and trailing punctuation; None when nothing is left."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ in ("the", "a", "an") or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return span.doc[start:end]


def strip_determiner(text: str) -> str:
    for det in _DETERMINERS:
        if text.startswith(det):
            return text[len(det):]
    return text


def case_ok(text: str, phrase: str) -> bool:
    """Case check for case-insensitive phrase matches: all-caps forms (AP, US, UN) must be in
    capitals in the text; other forms must keep their capitalised words capitalised."""
    if phrase.isupper() or any(c.isupper() for c in phrase[1:]) and len(phrase) <= 5:
        return text == phrase
    for word, pword in zip(text.split(), phrase.split(), strict=False):
        if pword[:1].isupper() and not word[:1].isupper():
            return False
    return True


def in_capitals(span: Span) -> bool:
    """Whether a neighbouring word is written in capitals too (a headline or shouted line)."""
    doc = span.doc
    near = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc) and doc[i].is_alpha]
    return any(t.is_upper and len(t.text) > 1 for t in near)


def looks_like_name(span: Span) -> bool:
    """A list-name match must be written as a name: first and last words capitalised."""
    words = [t for t in span if t.is_alpha]
    if not words:
        return False
    return all(w.text[:1].isupper() for w in (words[0], words[-1]))


def weapon_context(span: Span) -> bool:
    doc = span.doc
    window = doc[max(0, span.start - 2): min(len(doc), span.end + 3)]
    return any(t.lower_ in WEAPON_NOUNS for t in window)


def ends_with_facility(text: str) -> bool:
    return any(text.endswith(" " + tail) for tail in FACILITY_TAILS if " " in text)


def context_countries(doc: Doc, span: Span | None) -> list[str]:
    """States the text ties a mention to: "Iran's Shahid ... Center", "the Iranian bank X"."""
    if span is None or span.start == 0:
        return []
    found: list[str] = []
    prev = doc[span.start - 1]
    if prev.text in _POSSESSIVE and span.start >= 2:
        place = gazetteer.lookup(doc[max(0, span.start - 3): span.start - 1].text) or gazetteer.lookup(
            doc[span.start - 2].text)
        if place is not None and place.code:
            found.append(place.code)
    else:
        place = gazetteer.lookup(prev.text)
        if place is not None and place.code and place.kind in ("demonym", "country", "alias"):
            found.append(place.code)
    return found
