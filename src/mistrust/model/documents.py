"""Documents and what extraction finds in them. Offsets are characters in ``Document.text``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

ClaimStatus = Literal["asserted", "attributed", "hedged", "denied"]


@dataclass
class Document:
    id: str  # content hash of the cleaned text (see mistrust.model._ids.content_id)
    text: str  # cleaned body text; every span points into it
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date of publication (not event time)
    authors: list[str] = field(default_factory=list)
    source_path: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)  # e.g. a JSONL record's own id and fields
    removed: list[str] = field(default_factory=list)  # boilerplate lines the cleaner dropped

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def heading(self) -> str:
        """What to call it: its title, or for a text without one its first sentence, cut at a word
        boundary with an ellipsis when long."""
        # imported here, not at the top: the vocabulary that module reads imports this one
        from mistrust.model.sentences import first_sentence

        return self.title or first_sentence(self.text)

    @property
    def source_label(self) -> str:
        """Where it comes from, for counting outlets: the outlet, else the web host, else "local file"."""
        if self.outlet:
            return self.outlet
        host = urlsplit(self.url).hostname if self.url else None
        if host:
            return host.removeprefix("www.")
        return LOCAL_FILE if self.source_path else UNKNOWN_SOURCE


LOCAL_FILE = "local file"
UNKNOWN_SOURCE = "unknown source"


@dataclass
class SkippedInput:
    """An input that was not stored, and why (never a silent None)."""

    source: str
    reason: str
    code: str = "document_rejected"


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@dataclass
class Mention:
    text: str
    start: int
    end: int
    label: str  # Person, Organization, Country, Location, Facility, Nationality, Weapon, Vessel, Law, Event
    canonical: str | None = None  # "North Korea" for "Pyongyang"/"DPRK" when used as the state
    links: list[Any] = field(default_factory=list)  # mistrust.model.screening.Hit
    extractor: str = ""  # component name and version, e.g. "ner-v1"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return d


@dataclass
class Attribution:
    source: Span | None
    cue: Span | None
    content: Span | None
    # Outer links first: for "France24 reported, citing AFP, that a UN report says X" the chain of the
    # innermost claim is ["France24", "AFP", "UN report"]; source is the closest (last) link.
    chain: list[str] = field(default_factory=list)
    extractor: str = ""
    # When the source said it ("reported in February 2018"), normalised like Claim.time; not event time.
    time: str | None = None


@dataclass
class Claim:
    subject: str | None
    predicate: str  # normalised: cooperate, transfer, supply, support, develop, test, sanction, violate, deny...
    object: str | None
    time: str | None  # event time as written or normalised ("2020", "2016-03"); not publication date
    status: ClaimStatus
    start: int
    end: int
    text: str  # the sentence (or clause) span text
    attribution: Attribution | None = None
    doc_id: str | None = None
    id: str | None = None
    subject_canonical: str | None = None
    object_canonical: str | None = None
    extractor: str = ""
    # What the act is about when subject and object are both parties: "Iran and North Korea resumed
    # joint development of missiles" -> Iran cooperate North Korea, theme "development of missiles".
    theme: str | None = None
    # A quantity the event carries, as written: "$2bn", "40 shipments", "2.8 million tonnes".
    amount: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Extraction:
    """Everything extracted from one text."""

    entities: list[Mention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    status: ClaimStatus | None = None  # status of the text's main claim
    doc_id: str | None = None
    extractor: str = ""
