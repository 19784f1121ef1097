"""ListEntity <-> FollowTheMoney entities.

``to_ftm`` writes one main entity (Person/Organization/Vessel/Airplane) plus a ``Sanction``
(programmes, listing date) and one ``Identification`` per identifier, all valid FtM that
OpenSanctions tools read. What FtM has no property for (alias kinds such as "original
script", identifier notes, loader-specific extras) travels in a top-level ``"mistrust"``
key that FtM readers ignore, so ``from_ftm(to_ftm(e)) == e``.

``from_ftm`` is also the OpenSanctions loader's core: it folds Sanction, Identification,
Passport and Address entities into the entity they refer to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from mistrust.lists._util import AliasList, iso_dates, unique
from mistrust.model._ids import content_id
from mistrust.model.lists import AliasQuality, Identifier, ListEntity

_TO_SCHEMA = {"Person": "Person", "Organization": "Organization", "Vessel": "Vessel", "Aircraft": "Airplane",
              "LegalEntity": "LegalEntity"}
# FtM schemata that become list entries, and what they map to.
_FROM_SCHEMA = {"Person": "Person", "Organization": "Organization", "Company": "Organization",
                "PublicBody": "Organization", "LegalEntity": "LegalEntity", "Vessel": "Vessel",
                "Airplane": "Aircraft"}
# identifier type -> FtM property on the main entity (for tools that ignore Identification).
_ID_PROPS = {"passport": "passportNumber", "imo": "imoNumber", "swift": "swiftBic", "tax_id": "taxNumber",
             "registration": "registrationNumber", "lei": "leiCode", "mmsi": "mmsi", "inn": "innCode",
             "national_id": "idNumber"}
_PROP_IDS = {v: k for k, v in _ID_PROPS.items()}
QUALIFIED = re.compile(r"^(un|ofac|eu|uk|os):")
_SOURCES = {"un": "un", "ofac": "ofac", "eu": "eu", "uk": "uk", "os": "opensanctions"}


def to_ftm(entity: ListEntity) -> list[dict[str, Any]]:
    from followthemoney import model  # imported on use: loading the FtM model takes ~1 s

    schema = model.get(_TO_SCHEMA.get(entity.schema, "LegalEntity"))
    assert schema is not None
    props: dict[str, list[str]] = {"name": [entity.name], "topics": ["sanction"]}

    dropped: dict[str, Any] = {}

    def put(prop: str, values: Iterable[str | None], field: str | None = None) -> None:
        vals = [v for v in values if v]
        if not vals:
            return
        if prop in schema.properties:
            props.setdefault(prop, [])
            props[prop].extend(v for v in vals if v not in props[prop])
        elif field:
            # e.g. an EU-listed organisation with a "citizenship": FtM Organization has no nationality.
            dropped[field] = vals

    put("alias", [a.name for a in entity.aliases if a.quality == "strong" and a.kind != "fka"])
    put("previousName", [a.name for a in entity.aliases if a.quality == "strong" and a.kind == "fka"])
    put("weakAlias", [a.name for a in entity.aliases if a.quality == "weak"])
    put("birthDate", entity.birth_dates, "birth_dates")
    put("birthPlace", entity.birth_places, "birth_places")
    put("nationality", entity.nationalities, "nationalities")
    put("country", entity.countries, "countries")
    put("address", entity.addresses, "addresses")
    put("program", entity.programs, "programs")
    put("notes", [entity.remarks])
    for ident in entity.identifiers:
        put(_ID_PROPS.get(ident.type, "idNumber"), [ident.value])
    side: dict[str, Any] = {
        "aliases": [[a.name, a.quality, a.kind] for a in entity.aliases],
        "identifiers": [[i.type, i.value, i.country, i.note] for i in entity.identifiers],
        "schema": entity.schema, "source": entity.source, "listed_on": entity.listed_on,
        "extra": entity.extra, "fields": dropped,
    }
    main = {"id": entity.id, "schema": schema.name, "properties": props, "target": True, "mistrust": side}
    out = [main]
    if entity.programs or entity.listed_on:
        sanction: dict[str, list[str]] = {"entity": [entity.id], "authority": [entity.source.upper()]}
        if entity.programs:
            sanction["program"] = list(entity.programs)
        if entity.listed_on:
            sanction["listingDate"] = [entity.listed_on]
        out.append({"id": f"{entity.id}-sanction", "schema": "Sanction", "properties": sanction})
    for ident in entity.identifiers:
        p = {"holder": [entity.id], "number": [ident.value], "type": [ident.type]}
        if ident.country:
            p["country"] = [ident.country]
        if ident.note:
            p["summary"] = [ident.note]
        out.append({"id": f"{entity.id}-id-{content_id(ident.type, ident.value, ident.country, length=10)}",
                    "schema": "Identification", "properties": p})
    return out


def from_ftm(records: Iterable[dict[str, Any]]) -> list[ListEntity]:
    """Every list-worthy entity in a stream of FtM records, with its satellites folded in."""
    mains: list[dict[str, Any]] = []
    sanctions: dict[str, list[dict[str, Any]]] = {}
    idents: dict[str, list[dict[str, Any]]] = {}
    addresses: dict[str, dict[str, Any]] = {}
    for rec in records:
        schema, props = rec.get("schema"), rec.get("properties") or {}
        if schema in _FROM_SCHEMA:
            mains.append(rec)
        elif schema == "Sanction":
            for target in props.get("entity", []):
                sanctions.setdefault(target, []).append(props)
        elif schema in ("Identification", "Passport"):
            for holder in props.get("holder", []):
                idents.setdefault(holder, []).append(rec)
        elif schema == "Address":
            addresses[rec["id"]] = props
    return [_entity(rec, sanctions.get(rec["id"], []), idents.get(rec["id"], []), addresses) for rec in mains]


def _entity(rec: dict[str, Any], sanctions: list[dict[str, Any]], idents: list[dict[str, Any]],
            addresses: dict[str, dict[str, Any]]) -> ListEntity:
    props: dict[str, list[str]] = rec.get("properties") or {}
    side: dict[str, Any] = rec.get("mistrust") or {}
    names = props.get("name") or [rec.get("caption") or rec["id"]]
    primary = str(rec["caption"] if rec.get("caption") in names else names[0])
    aliases = AliasList(primary)
    if side.get("aliases") is not None:
        for name, quality, kind in side["aliases"]:
            aliases.add(name, quality, kind, dedupe=False)
    else:
        for name in names:
            aliases.add(name)
        for prop, quality, kind in (("alias", "strong", "aka"), ("previousName", "strong", "fka"),
                                    ("weakAlias", "weak", "aka")):
            q: AliasQuality = "weak" if quality == "weak" else "strong"
            for name in props.get(prop, []):
                aliases.add(name, q, kind)
    if side.get("identifiers") is not None:
        identifiers = [Identifier(*i) for i in side["identifiers"]]
    else:
        identifiers = []
        for ident in idents:
            p = ident.get("properties") or {}
            for number in p.get("number", []) + p.get("passportNumber", []):
                itype = (p.get("type") or ["passport" if ident.get("schema") == "Passport" else "id"])[0]
                identifiers.append(Identifier(type=itype, value=number, country=(p.get("country") or [None])[0],
                                              note=(p.get("summary") or [None])[0]))
        seen = {i.value for i in identifiers}
        for prop, itype in _PROP_IDS.items():
            for value in props.get(prop, []):
                if value not in seen:
                    seen.add(value)
                    identifiers.append(Identifier(type=itype, value=value))
    address_lines = list(props.get("address", []))
    for ref in props.get("addressEntity", []):
        addr = addresses.get(ref) or {}
        address_lines.extend(addr.get("full", []))
    programs = unique(list(props.get("program", [])) + [p for s in sanctions for p in s.get("program", [])])
    listed = sorted(d for s in sanctions for d in s.get("listingDate", []) + s.get("startDate", []))
    ent_id = rec["id"] if QUALIFIED.match(rec["id"]) else f"os:{rec['id']}"
    extra = side.get("extra")
    if extra is None:
        extra = {k: rec[k] for k in ("datasets", "referents", "first_seen", "last_seen") if rec.get(k)}
    entity = ListEntity(
        id=ent_id, source=side.get("source") or _SOURCES[ent_id.split(":", 1)[0]],
        schema=side.get("schema") or _FROM_SCHEMA[rec["schema"]],  # type: ignore[arg-type]
        name=primary, aliases=aliases.items,
        birth_dates=unique([d for v in props.get("birthDate", []) for d in (iso_dates(v) or [v])]),
        birth_places=unique(props.get("birthPlace", [])),
        nationalities=unique(props.get("nationality", []) + props.get("citizenship", [])),
        countries=unique(props.get("country", [])), addresses=unique(address_lines), identifiers=identifiers,
        programs=programs, listed_on=side["listed_on"] if "listed_on" in side else (listed[0] if listed else None),
        remarks=" ".join(props.get("notes", [])) or None, extra=extra,
    )
    for field, values in (side.get("fields") or {}).items():
        setattr(entity, field, list(values))
    return entity
