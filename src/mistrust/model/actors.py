"""Actors: one real-world entity with every mention that names it, across documents."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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
        return asdict(self)
