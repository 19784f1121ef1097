"""Stories, claim groups, origins and contradictions across documents."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Origin:
    """One independent origin of a claim: the earliest source that others took it from."""

    id: str
    label: str  # "UN panel report via AFP", "Reuters wire copy", ...
    reports: list[str] = field(default_factory=list)  # document ids descended from it
    # edges of the who-took-from-whom tree: (from, to, why) e.g. ("doc:ab12", "doc:cd34", "shared 42 words")
    tree: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class Contradiction:
    kind: str  # "denial", "date", "figure"
    claim_id: str
    by_claim_id: str
    doc_id: str
    text: str
    reason: str


@dataclass
class ClaimGroup:
    id: str
    story_id: str
    subject: str | None
    predicate: str
    object: str | None
    time: str | None
    claims: list[str] = field(default_factory=list)  # Claim ids
    reports: list[str] = field(default_factory=list)  # Document ids
    independent_origins: int = 0
    origins: list[Origin] = field(default_factory=list)
    denials: list[Contradiction] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    # each document's version of the claim: claim_id, doc_id, outlet, published, text, start, end,
    # status, time, chain (added by F, optional)
    versions: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Story:
    id: str
    title: str
    documents: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    entities: list[str] = field(default_factory=list)
    claim_groups: list[ClaimGroup] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
