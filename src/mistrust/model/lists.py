"""Sanctions list entries, list versions and what a loader returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Schema = Literal["Person", "Organization", "Vessel", "Aircraft", "LegalEntity"]
AliasQuality = Literal["strong", "weak"]


@dataclass(frozen=True)
class Alias:
    name: str
    quality: AliasQuality = "strong"
    # "aka" (also known as), "fka" (formerly), "original" (name in original script), "translation".
    kind: str = "aka"


@dataclass(frozen=True)
class Identifier:
    type: str  # "passport", "national_id", "imo", "swift", "registration", ...
    value: str
    country: str | None = None
    note: str | None = None


@dataclass
class ListEntity:
    """One list entry, normalised. ``id`` is qualified by its source: ``un:KPe.001``, ``ofac:19716``."""

    id: str
    source: str  # "un", "ofac", "eu", "uk", "opensanctions"
    schema: Schema
    name: str
    aliases: list[Alias] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)  # ISO prefixes: "1965", "1965-03", "1965-03-02"
    birth_places: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2, lower case
    countries: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2, lower case
    addresses: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    listed_on: str | None = None
    remarks: str | None = None
    source_file: str | None = None
    source_sha256: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def all_names(self) -> list[str]:
        return [self.name, *[a.name for a in self.aliases]]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ListEntity:
        data = dict(data)
        data["aliases"] = [Alias(**a) for a in data.get("aliases", [])]
        data["identifiers"] = [Identifier(**i) for i in data.get("identifiers", [])]
        return cls(**data)

    def fingerprint(self) -> str:
        """Hash of the listed content, ignoring where the file came from; changes when the entry changes."""
        from mistrust.model._ids import content_id

        d = self.to_dict()
        d.pop("source_file", None)
        d.pop("source_sha256", None)
        return content_id(sorted((k, repr(v)) for k, v in d.items()), length=24)


# What a load did to its list's current version (``ListVersion.outcome``; the CLI words it).
BECAME_CURRENT = "current"  # the loaded file is now the current version
MADE_CURRENT = "made-current"  # made current on purpose (``--make-current``) whatever its date
OLDER = "older"  # recorded; a version published later stays current
UNDATED = "undated"  # recorded; it carries no date and a dated version stays current
KNOWN = "known"  # this very content was loaded before; where it stands is unchanged


@dataclass
class ListVersion:
    """One loaded file of one list. ``id`` is derived from the list and the file's sha256."""

    id: str
    list_name: str  # "un-consolidated", "ofac-sdn", "ofac-consolidated", "eu-fsf", "opensanctions"
    source: str  # entity id prefix: "un", "ofac", "eu", "opensanctions"
    format: str  # "un-xml", "ofac-csv", "ofac-xml", "eu-fsf-legacy", "eu-fsf-export", "ftm-json"
    published: str | None  # ISO date from the file itself
    sha256: str
    source_file: str
    entity_count: int = 0
    loaded_at: str | None = None
    current: bool = False
    # Every file read for this version with its sha256 (an OFAC sdn.csv with its add.csv/alt.csv).
    parts: dict[str, str] = field(default_factory=dict)
    # What the loader changed on the way in, kept with the version (e.g. {"names_truncated": 2}).
    notes: dict[str, Any] = field(default_factory=dict)
    # What this load did (set on the version a load returns, not stored): "current", "older", ...
    outcome: str | None = None


@dataclass
class LoadedList:
    """What a loader returns: the version metadata and every entity, fully parsed."""

    version: ListVersion
    entities: list[ListEntity]
