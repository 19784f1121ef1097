"""Identifiers written in a text (IMO numbers, passport and registration numbers) matched to the
lists' identifiers: the strongest link there is, since a number names one ship or one document.

The caller passes an :class:`IdentifierIndex` built from the loaded lists (this engine never reads
the store). A number links only when it is long enough to be unlikely by chance (six characters
or more with at least one digit) and exactly one entry carries it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from mistrust.model.lists import ListEntity
from mistrust.model.screening import FeatureResult, Hit

# "IMO 9116412", "IMO No. 9116412", "passport number 472310012", "registration no: KP-881203"
_NUMBER = re.compile(r"(?<![\w-])((?:IMO[\s:.]*(?:No\.?|number)?[\s:.]*)?[A-Z]{0,3}[-\s]?\d[\dA-Z-]{4,})(?![\w-])")
MIN_CHARS = 6


def clean_id(value: str) -> str:
    """Letters and digits only, upper case, without the IMO prefix: "IMO 9116412" = "9116412"."""
    return "".join(ch for ch in value.upper() if ch.isalnum()).removeprefix("IMO")


@dataclass(frozen=True)
class Listed:
    entity_id: str
    entity_name: str
    schema: str
    list_version: str
    id_type: str
    value: str
    programs: tuple[str, ...] = ()


@dataclass
class IdentifierIndex:
    by_value: dict[str, list[Listed]] = field(default_factory=dict)

    @classmethod
    def build(cls, entities: Iterable[tuple[ListEntity, str]]) -> IdentifierIndex:
        """From (entity, list version id) pairs."""
        idx = cls()
        for entity, version in entities:
            for ident in entity.identifiers:
                key = clean_id(ident.value)
                if len(key) >= MIN_CHARS and any(ch.isdigit() for ch in key):
                    idx.by_value.setdefault(key, []).append(
                        Listed(entity.id, entity.name, entity.schema, version, ident.type, ident.value,
                               tuple(entity.programs)))
        return idx

    def find(self, text: str) -> list[tuple[int, int, Listed]]:
        """(start, end, entry) for every number in the text that exactly one entry carries."""
        out = []
        for m in _NUMBER.finditer(text):
            found = self.by_value.get(clean_id(m.group(1)), [])
            if len({x.entity_id for x in found}) == 1:
                out.append((m.start(1), m.end(1), found[0]))
        return out


def identifier_hit(written: str, listed: Listed) -> Hit:
    reason = f"identifier {written} equals listed {listed.id_type} {listed.value}"
    return Hit(entity_id=listed.entity_id, entity_name=listed.entity_name, schema=listed.schema,
               list_version=listed.list_version, query_name=written, matched_name=listed.value, score=1.0,
               match=True, threshold=1.0, algorithm="identifier",
               features=[FeatureResult(name="identifiers", score=1.0, weight=1.0, reason=reason)],
               programs=list(listed.programs), tier="certain", link_reason=reason)


__all__ = ["IdentifierIndex", "Listed", "clean_id", "identifier_hit"]
