"""Tests on the dependency parse that frames, attribution and status all ask.

Each takes spaCy tokens and returns a plain value, so a rule reads as its decision ("an
infinitive complement") rather than as token arithmetic repeated in every module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def to_infinitive(verb: Token) -> bool:
    """The verb carries the infinitive marker "to" ("agreed *to supply*", "a deal *to buy*")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def gerund(verb: Token) -> bool:
    """An active gerund: an -ing form ("of *shipping* fuel"), or a perfect gerund whose participle
    carries "having" ("of *having shipped* fuel"; not the passive "having been shipped"); also an
    -ing form the tagger took for a noun where the parser still made it a preposition's clause
    ("accuses X of *smuggling* fuel", smuggling NOUN/pcomp): a noun is never a clause, so the
    clause reading wins."""
    if verb.tag_ == "VBG" or noun_gerund(verb):
        return True
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and "having" in aux and "been" not in aux


def noun_gerund(tok: Token) -> bool:
    """An -ing word tagged as a noun but attached as a preposition's clausal complement (``pcomp``),
    as the parser does in headline-like clauses ("UN report accuses X of smuggling fuel"): a gerund
    read as a noun, which acts as the verb it is."""
    return tok.pos_ == "NOUN" and tok.dep_ == "pcomp" and tok.lower_.endswith("ing")


__all__ = ["gerund", "noun_gerund", "to_infinitive"]
