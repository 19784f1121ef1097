"""Actors: one real-world entity with every mention that names it, across documents."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Actor:
    id: str  # deterministic: a hash of the actor's anchor (its list entry, else its main name)
    name: str  # the name shown: the most used full form
    label: str  # voted across the mentions: Person, Organization, Country, Facility, Vessel
    names: list[str] = field(default_factory=list)  # every form the texts use, the name first
    entity_ids: list[str] = field(default_factory=list)  # list entries its certain links name
    mentions: list[tuple[str, int]] = field(default_factory=list)  # (doc_id, mention index)
    documents: list[str] = field(default_factory=list)
    # Why mentions were joined, one line per kind ("same list entry ofac:1", "surname of 'A B'").
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        # what dataclasses.asdict gives (copies of the lists, in field order), without its
        # recursive walk over every (doc, index) pair: every actor is saved after each analysis
        return {f.name: _copy(getattr(self, f.name)) for f in fields(self)}


def _copy(value: Any) -> Any:
    return [tuple(x) if isinstance(x, tuple) else x for x in value] if isinstance(value, list) else value
