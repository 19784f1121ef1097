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
    carries "having" ("of *having shipped* fuel"; not the passive "having been shipped")."""
    if verb.tag_ == "VBG":
        return True
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and "having" in aux and "been" not in aux


__all__ = ["gerund", "to_infinitive"]
