"""Pronoun and group-noun mentions ("we", "he", "the regime", "militants", "the town").

re3d annotates them as Person/Organisation/Location mentions; an analyst's list of actors should
not fill up with them, so the entity layer adds them only when asked (``nominals=True``), with the
lowest priority: a name always wins over a pronoun or a common noun on the same characters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

NOMINAL = "nominal-v1"

# Common nouns that stand for a place or a group when they are a clause's argument.
_NOMINAL_PLACES = {"town", "city", "village", "area", "region", "province", "district", "library", "hospital",
                   "mosque", "church", "school", "schools", "airport", "base", "camp", "street", "streets",
                   "building", "buildings", "border", "compound", "suburb", "neighbourhood", "neighborhood",
                   "market", "square", "station", "port", "site", "facility", "plant", "front", "territory",
                   "capital", "country", "home", "homes", "house", "restaurant", "bridge", "prison"}
_PRONOUNS = {"i": "Person", "me": "Person", "my": "Person", "myself": "Person", "he": "Person", "him": "Person",
             "his": "Person", "she": "Person", "her": "Person", "we": "Organization", "us": "Organization",
             "our": "Organization", "they": "Organization", "them": "Organization", "their": "Organization"}
_NOMINAL_ORGS = {"regime", "government", "opposition", "rebels", "militants", "insurgents", "coalition",
                 "community", "civilians", "refugees", "fighters", "forces", "troops", "militia", "militias",
                 "army", "military", "police", "navy", "authorities", "jihadists", "terrorists", "extremists",
                 "group", "organisation", "organization", "parties", "partners", "allies", "people", "residents"}


def nominal_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """Pronouns and group nouns as mentions (re3d's scheme); lowest priority."""
    out: list[tuple[int, int, str]] = []
    for tok in doc:
        low = tok.lower_
        if low in _PRONOUNS and tok.pos_ == "PRON" or (low in ("his", "her", "my", "our", "their")
                                                        and tok.dep_ == "poss"):
            if low in _PRONOUNS:
                out.append((tok.idx, tok.idx + len(tok.text), _PRONOUNS[low]))
        elif tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
            label = "Organization" if low in _NOMINAL_ORGS else "Location" if low in _NOMINAL_PLACES else None
            if label is None:
                continue
            start = min(t.idx for t in tok.subtree if t.i <= tok.i)
            out.append((start, tok.idx + len(tok.text), label))
        elif low in ("here", "there") and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX"):
            out.append((tok.idx, tok.idx + len(tok.text), "Location"))
    return out


__all__ = ["NOMINAL", "nominal_spans"]
