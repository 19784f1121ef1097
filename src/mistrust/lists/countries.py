"""Country names and codes as the lists write them -> ISO 3166-1 alpha-2, lower case.

UN writes full names ("Democratic People's Republic of Korea"), OFAC short forms
("Korea, North"), the EU ISO3 codes (legacy) or ISO2 codes (export), remarks demonyms
("Pakistani"). rigour's territory data knows them all, but its own lookup normalises
~30,000 names with transliteration on first use (3 s), which would dominate loading a
list; we index the same names with a cheap normaliser instead (~0.1 s).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

from rigour.territories import get_territories, lookup_by_identifier

# Spellings seen in the lists that the territory data does not cover.
_EXTRA = {
    "korea north": "kp",
    "korea south": "kr",
    "rpdc": "kp",
    "iran islamic republic of": "ir",
    "palestinian": "ps",
    "palestinian territories": "ps",
    "gaza": "ps",
    "west bank": "ps",
    "congo democratic republic of the": "cd",
    "congo republic of the": "cg",
    "libyan arab jamahiriya": "ly",
    # UK Sanctions List spellings: without this the parenthesis is dropped and "Congo" gives cg.
    "congo democratic republic": "cd",
    "occupied palestinian territories": "ps",
}
_PAREN = re.compile(r"\s*\([^)]*\)")
_PREFIX = re.compile(r"^(region|country|possibly)\s*:?\s*", re.IGNORECASE)


_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _norm(text: str) -> str:
    if not text.isascii():
        # Lists write country names in Latin script; accents are folded, other scripts give "".
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(_NON_ALNUM.sub(" ", text.casefold()).split())


@cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}

    def put(name: str | None, code: str | None, strong: bool) -> None:
        if name and code and len(code) == 2:
            key = _norm(name)
            if key and (strong or key not in table):
                table[key] = code.lower()

    try:  # the full name data (strong names, weak names, demonyms) behind rigour's lookup
        from rigour.territories.lookup import _load_territory_names

        rows = list(_load_territory_names())
        for territory, _strongs, weaks, _places in rows:
            for name in weaks:
                put(name, territory.ftm_country or territory.code, False)
        for territory, strongs, _weaks, _places in rows:
            for name in strongs:
                put(name, territory.ftm_country or territory.code, True)
    except Exception:  # pragma: no cover - private API moved: fall back to public names
        for territory in get_territories():
            put(territory.name, territory.ftm_country or territory.code, True)
            put(territory.full_name, territory.ftm_country or territory.code, True)
    table.update(_EXTRA)
    return table


@lru_cache(maxsize=8192)
def to_iso2(value: str | None) -> str | None:
    """ISO2 (lower case) for a country name or code, or None when it is not recognisably a country."""
    if not value:
        return None
    text = " ".join(value.split()).strip(" .;,:")
    if not text:
        return None
    if len(text) <= 3 and text.isalpha():
        territory = lookup_by_identifier(text)
        code = territory.ftm_country if territory else None
        if code and len(code) == 2:
            return code.lower()
    table = _table()
    for candidate in (text, _PAREN.sub("", text), _PREFIX.sub("", text)):
        hit = table.get(_norm(candidate))
        if hit:
            return hit
    return None


def countries(values: Iterable[str | None]) -> list[str]:
    """Unique ISO2 codes in first-seen order."""
    out: list[str] = []
    for value in values:
        code = to_iso2(value)
        if code and code not in out:
            out.append(code)
    return out
