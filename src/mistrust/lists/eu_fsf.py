"""EU Financial Sanctions Files XML: the legacy ``WHOLE``/``ENTITY`` format and the current ``export``.

Legacy (before 2017): ``<WHOLE Date="DD/MM/YYYY">`` of ``ENTITY Id Type="P|E" programme reg_date``
with ``NAME/WHOLENAME``, ``BIRTH``, ``CITIZEN``, ``PASSPORT``, ``ADDRESS`` children and ISO3 countries.
Export (v1.1, namespace ``http://eu.europa.ec/fpi/fsd/export``): ``sanctionEntity logicalId`` with
attribute-only children ``nameAlias``, ``birthdate``, ``citizenship``, ``identification``,
``address`` carrying ISO2 codes, ``regulation`` (programme, dates), ``subjectType``.
Both keep the same entity ids, so ``eu:<id>`` is stable across the two.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from mistrust.errors import ListFormatError
from mistrust.lists._util import AliasList, children, clean, iso_dates, local_name, unique
from mistrust.lists.countries import countries, to_iso2
from mistrust.model.lists import AliasQuality, Identifier, ListEntity

# ---- legacy -------------------------------------------------------------------------------


def published_legacy(root: etree._Element) -> str | None:
    dates = iso_dates(root.get("Date"), day_first=True)
    return dates[0] if dates else None


def _t(el: etree._Element, tag: str) -> str | None:
    child = el.find(tag)
    return clean(child.text) if child is not None else None


def parse_legacy(root: etree._Element, path: str) -> list[ListEntity]:
    if root.tag != "WHOLE":
        raise ListFormatError(f"root element is <{root.tag}>, expected <WHOLE>", path=path)
    return [_legacy_entity(el, path) for el in root.iterfind("ENTITY")]


def _legacy_entity(el: etree._Element, path: str) -> ListEntity:
    ent_id = el.get("Id")
    names = [n for n in (_t(name, "WHOLENAME") for name in el.iterfind("NAME")) if n]
    if not ent_id or not names:
        raise ListFormatError("EU ENTITY without Id or name", path=path, line=el.sourceline)
    aliases = AliasList(names[0])
    for name in names[1:]:
        aliases.add(name)
    births = [d for b in el.iterfind("BIRTH") for d in iso_dates(_t(b, "DATE"))]
    places = [", ".join(p for p in (_t(b, "PLACE"), _t(b, "COUNTRY")) if p) for b in el.iterfind("BIRTH")]
    addresses, addr_countries = [], []
    for addr in el.iterfind("ADDRESS"):
        parts = [_t(addr, t) for t in ("NUMBER", "STREET", "ZIPCODE", "CITY", "COUNTRY", "OTHER")]
        line = ", ".join(p for p in parts if p)
        if line:
            addresses.append(line)
        addr_countries.append(_t(addr, "COUNTRY"))
    identifiers = [Identifier(type="passport", value=number, country=to_iso2(_t(p, "COUNTRY")))
                   for p in el.iterfind("PASSPORT") if (number := _t(p, "NUMBER"))]
    functions = unique([_t(n, "FUNCTION") for n in el.iterfind("NAME")])
    extra: dict[str, Any] = {k: v for k, v in {"legal_basis": el.get("legal_basis"), "function": functions,
                                               "pdf_link": el.get("pdf_link")}.items() if v}
    return ListEntity(
        id=f"eu:{ent_id}", source="eu", schema="Person" if el.get("Type") == "P" else "Organization",
        name=names[0], aliases=aliases.items, birth_dates=list(dict.fromkeys(births)), birth_places=unique(places),
        nationalities=countries([_t(c, "COUNTRY") for c in el.iterfind("CITIZEN")]),
        countries=countries(addr_countries), addresses=unique(addresses), identifiers=identifiers,
        programs=unique([el.get("programme")]), listed_on=clean(el.get("reg_date")),
        remarks=clean(el.get("remark")), extra=extra,
    )


# ---- export (current) ---------------------------------------------------------------------

_SUBJECT = {"person": "Person", "enterprise": "Organization", "vessel": "Vessel", "aircraft": "Aircraft"}




def published_export(root: etree._Element) -> str | None:
    return (root.get("generationDate") or "")[:10] or None


def parse_export(root: etree._Element, path: str) -> list[ListEntity]:
    if local_name(root) != "export":
        raise ListFormatError(f"root element is <{local_name(root)}>, expected <export>", path=path)
    return [_export_entity(el, path) for el in children(root, "sanctionEntity")]


def _export_entity(el: etree._Element, path: str) -> ListEntity:
    ent_id = el.get("logicalId")
    names = [(clean(n.get("wholeName")), n) for n in children(el, "nameAlias")]
    names = [(name, n) for name, n in names if name]
    if not ent_id or not names:
        raise ListFormatError("EU sanctionEntity without logicalId or nameAlias", path=path, line=el.sourceline)
    primary = names[0][0] or ""
    aliases = AliasList(primary)
    for name, n in names[1:]:
        quality: AliasQuality = "weak" if (n.get("strong") or "true").lower() == "false" else "strong"
        aliases.add(name, quality)
    subject = children(el, "subjectType")
    code = (subject[0].get("code") or "").lower() if subject else ""
    births, places = [], []
    for b in children(el, "birthdate"):
        births.extend(iso_dates(b.get("birthdate")) or iso_dates(b.get("year")))
        places.append(", ".join(p for p in (clean(b.get("city")), clean(b.get("place")),
                                            clean(b.get("countryDescription"))) if p))
    addresses, addr_countries = [], []
    for a in children(el, "address"):
        line = ", ".join(p for p in (clean(a.get(k)) for k in ("street", "poBox", "zipCode", "city", "region",
                                                                 "place", "countryDescription")) if p)
        if line:
            addresses.append(line)
        addr_countries.append(a.get("countryIso2Code"))
    identifiers = []
    for i in children(el, "identification"):
        number = clean(i.get("number"))
        if number:
            identifiers.append(Identifier(type=(clean(i.get("identificationTypeCode")) or "id").lower(),
                                          value=number, country=to_iso2(i.get("countryIso2Code")),
                                          note=clean(i.get("identificationTypeDescription"))))
    regulations = children(el, "regulation")
    listed = sorted(d for r in regulations if (d := clean(r.get("publicationDate"))))
    remarks = " ".join(t for r in children(el, "remark") if (t := clean(r.text)))
    extra: dict[str, Any] = {k: v for k, v in {
        "eu_reference": clean(el.get("euReferenceNumber")), "un_id": clean(el.get("unitedNationId")),
        "designation_details": clean(el.get("designationDetails")),
        "function": unique([n.get("function") for _, n in names]),
    }.items() if v}
    return ListEntity(
        id=f"eu:{ent_id}", source="eu", schema=_SUBJECT.get(code, "Organization"),  # type: ignore[arg-type]
        name=primary, aliases=aliases.items, birth_dates=list(dict.fromkeys(births)), birth_places=unique(places),
        nationalities=countries([c.get("countryIso2Code") for c in children(el, "citizenship")]),
        countries=countries(addr_countries), addresses=unique(addresses), identifiers=identifiers,
        programs=unique([r.get("programme") for r in regulations]),
        listed_on=clean(el.get("designationDate")) or (listed[0] if listed else None),
        remarks=remarks or None, extra=extra,
    )
