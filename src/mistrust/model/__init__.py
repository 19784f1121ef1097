"""Plain dataclasses shared by every engine. No I/O, no imports from other rooms."""

from mistrust.model.actors import Actor
from mistrust.model.corroboration import ClaimGroup, Contradiction, Origin, Story
from mistrust.model.documents import (
    Attribution,
    Claim,
    Document,
    Extraction,
    Mention,
    SkippedInput,
    Span,
)
from mistrust.model.lists import Alias, Identifier, ListEntity, ListVersion, LoadedList
from mistrust.model.screening import FeatureResult, Hit, NameQuery, name_problem

__all__ = [
    "Actor",
    "Alias",
    "Attribution",
    "Claim",
    "ClaimGroup",
    "Contradiction",
    "Document",
    "Extraction",
    "FeatureResult",
    "Hit",
    "Identifier",
    "ListEntity",
    "ListVersion",
    "LoadedList",
    "Mention",
    "NameQuery",
    "Origin",
    "SkippedInput",
    "Span",
    "Story",
    "name_problem",
]
