"""UN Security Council Consolidated List XML (``CONSOLIDATED_LIST``).

Both serialisations seen in the wild (the compact one-line-per-entry 2020 file and the
indented 2025/2026 ones) are the same schema, so one element-tree walk reads both.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from mistrust.errors import ListFormatError
from mistrust.lists._util import AliasList, clean, iso_dates, unique
from mistrust.lists.countries import countries, to_iso2
from mistrust.model.lists import AliasQuality, Identifier, ListEntity

# UN alias QUALITY values: "Good"/"a.k.a." are strong, "Low" weak; "f.k.a." a former (strong) name.
_QUALITY: dict[str, tuple[AliasQuality, str]] = {
    "good": ("strong", "aka"),
    "a.k.a.": ("strong", "aka"),
    "low": ("weak", "aka"),
    "f.k.a.": ("strong", "fka"),
}
_DOC_TYPES = {"passport": "passport", "national identification number": "national_id",
              "numéro de passeport": "passport", "número de pasaporte": "passport",
              "national identification no.": "national_id"}


def _text(el: etree._Element, tag: str) -> str | None:
    child = el.find(tag)
    return clean(child.text) if child is not None else None


def _values(el: etree._Element, tag: str) -> list[str]:
    return unique([v.text for v in el.findall(f"{tag}/VALUE")])


def published(root: etree._Element) -> str | None:
    generated = root.get("dateGenerated") or ""
    return generated[:10] or None


def parse(root: etree._Element, path: str) -> list[ListEntity]:
    if root.tag != "CONSOLIDATED_LIST":
        raise ListFormatError(f"root element is <{root.tag}>, expected <CONSOLIDATED_LIST>", path=path)
    if root.find("INDIVIDUALS") is None or root.find("ENTITIES") is None:
        raise ListFormatError("UN list lacks its INDIVIDUALS or ENTITIES section (incomplete file?)", path=path)
    out: list[ListEntity] = []
    for el in root.iterfind("INDIVIDUALS/INDIVIDUAL"):
        out.append(_entry(el, "Person", "INDIVIDUAL", path))
    for el in root.iterfind("ENTITIES/ENTITY"):
        out.append(_entry(el, "Organization", "ENTITY", path))
    return out


def _entry(el: etree._Element, schema: str, prefix: str, path: str) -> ListEntity:
    ref = _text(el, "REFERENCE_NUMBER") or _text(el, "DATAID")
    if not ref:
        raise ListFormatError("UN entry without REFERENCE_NUMBER or DATAID", path=path, line=el.sourceline)
    name = " ".join(p for p in (_text(el, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"))
                    if p)
    if not name:
        raise ListFormatError(f"UN entry {ref} has no name", path=path, line=el.sourceline)
    aliases = AliasList(name)
    for alias in el.iterfind(f"{prefix}_ALIAS"):
        quality, kind = _QUALITY.get((_text(alias, "QUALITY") or "good").lower(), ("strong", "aka"))
        # Some entries pack several spellings into one alias: "Mohammad Islami; Mohamed Islami".
        for spelling in (_text(alias, "ALIAS_NAME") or "").split(";"):
            aliases.add(spelling, quality, kind)
    aliases.add(_text(el, "NAME_ORIGINAL_SCRIPT"), "strong", "original")

    births: list[str] = []
    for dob in el.iterfind(f"{prefix}_DATE_OF_BIRTH"):
        for tag in ("DATE", "YEAR"):
            births.extend(iso_dates(_text(dob, tag)))
        lo, hi = _text(dob, "FROM_YEAR"), _text(dob, "TO_YEAR")
        if lo and hi:
            births.extend(iso_dates(f"{lo} to {hi}"))
    places = [", ".join(p for p in (_text(pob, t) for t in ("CITY", "STATE_PROVINCE", "COUNTRY")) if p)
              for pob in el.iterfind(f"{prefix}_PLACE_OF_BIRTH")]
    addresses, address_countries = [], []
    for addr in el.iterfind(f"{prefix}_ADDRESS"):
        parts = [_text(addr, t) for t in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")]
        line = ", ".join(p for p in parts if p)
        if line:
            addresses.append(line)
        address_countries.append(_text(addr, "COUNTRY"))
    identifiers = []
    for doc in el.iterfind(f"{prefix}_DOCUMENT"):
        number = _text(doc, "NUMBER")
        if not number:
            continue
        raw_type = (_text(doc, "TYPE_OF_DOCUMENT") or "document").lower()
        country = _text(doc, "ISSUING_COUNTRY") or _text(doc, "COUNTRY_OF_ISSUE")
        identifiers.append(Identifier(type=_DOC_TYPES.get(raw_type, raw_type.replace(" ", "_")), value=number,
                                      country=to_iso2(country), note=_text(doc, "NOTE")))
    extra: dict[str, Any] = {k: v for k, v in {
        "dataid": _text(el, "DATAID"),
        "designation": _values(el, "DESIGNATION"),
        "title": _values(el, "TITLE"),
        "gender": _text(el, "GENDER"),
        "last_updated": _values(el, "LAST_DAY_UPDATED"),
    }.items() if v}
    program = _text(el, "UN_LIST_TYPE")
    return ListEntity(
        id=f"un:{ref}", source="un", schema=schema,  # type: ignore[arg-type]
        name=name, aliases=aliases.items, birth_dates=list(dict.fromkeys(births)),
        birth_places=unique(places), nationalities=countries(list(_values(el, "NATIONALITY"))),
        countries=countries(address_countries), addresses=unique(addresses), identifiers=identifiers,
        programs=[program] if program else [], listed_on=_text(el, "LISTED_ON"),
        remarks=_text(el, "COMMENTS1"), extra=extra,
    )
