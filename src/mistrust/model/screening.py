"""Screening queries and explained hits."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class NameQuery:
    name: str
    schema: str = "Any"  # Person, Organization, Vessel, Aircraft, Any
    birth_date: str | None = None
    countries: list[str] = field(default_factory=list)  # alpha-2 lower case
    identifiers: list[str] = field(default_factory=list)


@dataclass
class FeatureResult:
    name: str  # "name_tokens", "birth_date_mismatch", ...
    score: float  # the feature's own value in [0, 1]
    weight: float  # its weight in the algorithm
    reason: str  # human readable: why this score


@dataclass
class Hit:
    entity_id: str
    entity_name: str
    schema: str
    list_version: str  # ListVersion.id the entity came from
    query_name: str
    matched_name: str  # the list name or alias that matched best
    score: float
    match: bool  # score >= threshold
    threshold: float
    algorithm: str  # versioned name of the scoring algorithm, e.g. "mistrust-v11"
    features: list[FeatureResult] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    judgement: str | None = None
    # deterministic: hash of the normalised query name and the entity id, so a reviewer's
    # judgement on this pair applies to later runs (mistrust judge HIT ...)
    id: str | None = None  # "confirmed" / "dismissed" from a reviewer, when one applies

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
