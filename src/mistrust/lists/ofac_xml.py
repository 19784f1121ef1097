"""OFAC ``sdnList`` XML: ``sdn.xml`` and the consolidated (non-SDN) list use the same schema.

Two namespaces exist (``http://tempuri.org/sdnList.xsd`` before 2024, the
sanctionslistservice URL after), so elements are matched on their local names.
``publshInformation/Record_Count`` (sic) is checked against the entries found: a file that
was cut and then "repaired" into well-formed XML still fails that count.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from mistrust.errors import ListFormatError
from mistrust.lists._util import AliasList, children, clean, iso_dates, local_name, unique
from mistrust.lists.countries import countries, to_iso2
from mistrust.lists.ofac_remarks import ID_TYPES, identifier, parse_remarks
from mistrust.model.lists import AliasQuality, ListEntity

_SCHEMA = {"individual": "Person", "vessel": "Vessel", "aircraft": "Aircraft", "entity": "Organization"}
_KIND = {"a.k.a.": "aka", "f.k.a.": "fka", "n.k.a.": "nka"}




def _text(el: etree._Element, name: str) -> str | None:
    for c in el:
        if local_name(c) == name:
            return clean(c.text)
    return None


def _grand(el: etree._Element, list_name: str, item: str) -> list[etree._Element]:
    return [g for c in children(el, list_name) for g in children(c, item)]


def published(root: etree._Element) -> str | None:
    for info in children(root, "publshInformation"):
        dates = iso_dates(_text(info, "Publish_Date"))
        return dates[0] if dates else None
    return None


def list_name(path: Path) -> str:
    # Both lists share the schema and nothing in the file says which one it is; the official
    # file names do (consolidated.xml / CONSOLIDATED.XML vs sdn.xml).
    return "ofac-consolidated" if "cons" in path.name.lower() else "ofac-sdn"


def _person_name(el: etree._Element) -> str:
    first, last = _text(el, "firstName"), _text(el, "lastName")
    # OFAC's own convention (as in sdn.csv): "LAST, First" for people, the whole name otherwise.
    return ", ".join(p for p in (last, first) if p)


def parse(root: etree._Element, path: str) -> list[ListEntity]:
    if local_name(root) != "sdnList":
        raise ListFormatError(f"root element is <{local_name(root)}>, expected <sdnList>", path=path)
    entries = children(root, "sdnEntry")
    for info in children(root, "publshInformation"):
        declared = _text(info, "Record_Count")
        if declared and declared.isdigit() and int(declared) != len(entries):
            raise ListFormatError(f"Record_Count says {declared} entries but the file holds {len(entries)} "
                                  "(incomplete file?)", path=path)
    return [_entry(el, path) for el in entries]


def _entry(el: etree._Element, path: str) -> ListEntity:
    uid = _text(el, "uid")
    name = _person_name(el)
    if not uid or not name:
        raise ListFormatError("sdnEntry without uid or name", path=path, line=el.sourceline)
    schema = _SCHEMA.get((_text(el, "sdnType") or "entity").lower(), "Organization")
    aliases = AliasList(name)
    for aka in _grand(el, "akaList", "aka"):
        quality: AliasQuality = "weak" if (_text(aka, "category") or "").lower() == "weak" else "strong"
        aliases.add(_person_name(aka), quality, _KIND.get((_text(aka, "type") or "").lower(), "aka"))
    facts = parse_remarks(_text(el, "remarks"))
    for alias, kind in facts.weak_aliases:
        aliases.add(alias, "weak", kind)
    births = [d for item in _grand(el, "dateOfBirthList", "dateOfBirthItem")
              for d in iso_dates(_text(item, "dateOfBirth"))]
    places = [_text(item, "placeOfBirth") for item in _grand(el, "placeOfBirthList", "placeOfBirthItem")]
    nationalities = countries([_text(n, "country") for n in _grand(el, "nationalityList", "nationality")]
                              + [_text(n, "country") for n in _grand(el, "citizenshipList", "citizenship")])
    addresses, addr_countries = [], []
    for addr in _grand(el, "addressList", "address"):
        parts = [_text(addr, t) for t in ("address1", "address2", "address3", "city", "stateOrProvince",
                                          "postalCode", "country")]
        line = ", ".join(p for p in parts if p)
        if line:
            addresses.append(line)
        addr_countries.append(_text(addr, "country"))
    identifiers = list(facts.identifiers)
    extra: dict[str, Any] = dict(facts.extra)
    for item in _grand(el, "idList", "id"):
        label, number = _text(item, "idType") or "", _text(item, "idNumber") or ""
        if label.rstrip(":") in ID_TYPES:
            ident = identifier(label, number)
            if ident:
                if not ident.country and _text(item, "idCountry"):
                    ident = type(ident)(ident.type, ident.value, to_iso2(_text(item, "idCountry")), ident.note)
                identifiers.append(ident)
        elif number:
            # Not an identifier ("Website", "Secondary sanctions risk:", directives): keep it as a property.
            extra.setdefault(label.rstrip(" :-").lower().replace(" ", "_"), []).append(number)
    for vessel in children(el, "vesselInfo"):
        for tag in ("callSign", "vesselType", "vesselFlag", "vesselOwner", "tonnage", "grossRegisteredTonnage"):
            value = _text(vessel, tag)
            if value:
                extra[tag] = value
        addr_countries.append(_text(vessel, "vesselFlag"))
    title = _text(el, "title")
    if title:
        extra["title"] = title
    return ListEntity(
        id=f"ofac:{uid}", source="ofac", schema=schema,  # type: ignore[arg-type]
        name=name, aliases=aliases.items, birth_dates=list(dict.fromkeys(births + facts.birth_dates)),
        birth_places=unique(places + list(facts.birth_places)),
        nationalities=list(dict.fromkeys(nationalities + facts.nationalities)),
        countries=countries(addr_countries), addresses=unique(addresses), identifiers=identifiers,
        programs=unique([p.text for p in _grand(el, "programList", "program")]),
        remarks=_text(el, "remarks"), extra=extra,
    )
