"""Screening queries and explained hits, and what makes a name screenable at all."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import orjson

# How far a link from a news mention to a list entry can be trusted (extract/linking.py): only
# "certain" links count as "on a sanctions list"; the others are shown apart, as leads.
LinkTier = Literal["certain", "probable", "possible"]
LINK_TIERS: tuple[LinkTier, ...] = ("certain", "probable", "possible")

# Code points no real name carries: C0/C1 controls, lone surrogates (invalid Unicode that cannot
# even be written out as UTF-8), and the replacement character a decoder leaves for bytes it could
# not read. Tab and line ends are spacing, which the normaliser folds.
_UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")


def name_problem(name: object, max_length: int) -> str | None:
    """Why ``name`` cannot be screened (a short reason), or None when it can.

    One check for every way a name comes in (single query, batch row, API, ``compare``), so a
    bad row is refused with the same words wherever it appears.
    """
    if not isinstance(name, str):
        return f"the name is {type(name).__name__}, not text"
    if not name.strip():
        return "the name is empty" if not name else "the name is only whitespace"
    bad = _UNREADABLE.search(name)
    if bad:
        ch = bad.group()
        what = ("a lone surrogate (not valid Unicode)" if "\ud800" <= ch <= "\udfff"
                else "undecodable bytes (replacement character)" if ch == "\ufffd" else "a control character")
        return f"the name holds {what} U+{ord(ch):04X} at character {bad.start() + 1}"
    if len(name) > max_length:
        return f"the name is {len(name):,} characters long, over the limit of {max_length:,}"
    return None


@dataclass
class NameQuery:
    name: str
    schema: str = "Any"  # Person, Organization, Vessel, Aircraft, Any
    birth_date: str | None = None
    countries: list[str] = field(default_factory=list)  # alpha-2 lower case
    identifiers: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """``dataclasses.asdict`` (same keys, same order, lists copied) at a twentieth of its cost:
        every served screening records its query."""
        return {"name": self.name, "schema": self.schema, "birth_date": self.birth_date,
                "countries": list(self.countries), "identifiers": list(self.identifiers)}


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
    algorithm: str  # versioned name of the scoring algorithm, e.g. "mistrust-v22"
    features: list[FeatureResult] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    judgement: str | None = None
    # deterministic: hash of the normalised query name and the entity id, so a reviewer's
    # judgement on this pair applies to later runs (mistrust judge HIT ...)
    id: str | None = None  # "confirmed" / "dismissed" from a reviewer, when one applies
    # Set on links from news mentions only (screening hits leave them None): the tier and why.
    tier: LinkTier | None = None
    link_reason: str | None = None
    # Set on hits a re-screen found after a list load ("<list> <published date>"): this entry was
    # not a hit for this name before that version, or its score has just crossed the threshold.
    new_since: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        """``json.dumps(self.to_dict())``, compact, several times faster (asdict copies every
        feature): each served screening stores its hits as JSON twice, in the audit trail and the queue."""
        return orjson.dumps(self).decode()
