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


__all__ = ["to_infinitive"]
