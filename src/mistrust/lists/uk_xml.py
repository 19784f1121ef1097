"""UK Sanctions List XML (FCDO ``UK-Sanctions-List.xml``; root ``Designations``).

Since 28 January 2026 the FCDO's UK Sanctions List is the single UK list (OFSI's
Consolidated List was retired). The XML is one ``<Designations>`` root holding a
``<DateGenerated>`` (dd/mm/yyyy) and one ``<Designation>`` per listed person, entity or ship:
``UniqueID`` (``RUS0001``, ``DPR0005``), ``OFSIGroupID``, ``UNReferenceNumber``, ``Names/Name``
(``Name1``..``Name6`` with ``NameType`` "Primary Name" / "Primary name variation" / "Alias" and,
mostly on UN listings, ``AliasStrength`` "Good quality a.k.a" / "Low quality a.k.a"),
``NonLatinNames``, ``RegimeName``, ``IndividualEntityShip``, ``DesignationSource``,
``SanctionsImposed`` ("Asset freeze|Travel Ban"), ``OtherInformation``, ``UKStatementofReasons``,
``DateDesignated``, ``LastUpdated``, ``Addresses/Address`` (``AddressLine1..6``,
``AddressPostalCode``, ``AddressCountry``), ``IndividualDetails`` (``DOB``, ``Nationality``,
``PassportNumber``, ``NationalIdentifierNumber``, ``Position``, ``Gender``, ``BirthDetails``),
``EntityDetails`` and ``ShipDetails`` (``IMONumber``, flags, owners).

Assumptions, since no schema is published with the file (element names were checked against
public parsers of the real file, not against an XSD):

* Leaf elements are looked up anywhere inside a ``Designation`` by tag name, not by full
  path, so a renamed container (``DOBs`` vs. ``DOBDetails``) does not lose data.
* ``Name1`` is the first given name and ``Name6`` the family name (or the whole name of an
  entity or ship), so a name is its parts joined in number order, whatever the element order.
* The first "Primary Name" is the name; later primary names and variations are strong aliases.
  ``NameType`` is compared case-insensitively (the file has "Primary name" and "ALias").
* Dates are day-first; unknown parts are written ``dd``/``mm`` or ``00`` (``dd/mm/1945``,
  ``00/06/1961``) and become ISO prefixes ("1945", "1961-06").
* A designation that does not say Individual/Entity/Ship is a Person when it has individual
  details, a Vessel when it has ship details, otherwise an Organization.
* A namespace on the root (none seen so far) is ignored.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from lxml import etree

from mistrust.errors import ListFormatError
from mistrust.lists._util import AliasList, clean, iso_dates, unique
from mistrust.lists.countries import countries, to_iso2
from mistrust.model.lists import AliasQuality, Identifier, ListEntity, Schema

LIST_NAME = "uk-sanctions-list"
_SCHEMAS: dict[str, Schema] = {"individual": "Person", "entity": "Organization", "ship": "Vessel",
                               "aircraft": "Aircraft"}
_NAME_PARTS = tuple(f"Name{i}" for i in range(1, 7))
# A day-first date whose day and month may be unknown ("dd", "mm", "00"), optionally followed by a time.
_DATE = re.compile(r"\b(\d{1,2}|dd)[/.\-](\d{1,2}|mm)[/.\-](\d{4})\b", re.IGNORECASE)
_IMO = re.compile(r"\d{7}")
# Words around a country in a passport/ID note ("Afghanistan passport", "issued in Iran").
_ID_NOTE_WORDS = re.compile(r"\b(passport|national|identity|identification|card|number|no|issued|in|by|"
                            r"diplomatic|service|official|valid|until|expired|expires|id)\b\.?", re.IGNORECASE)
_REG_TYPES = {"INN": "inn", "OGRN": "ogrn", "KPP": "kpp", "BIK": "bik", "BIC": "swift", "SWIFT": "swift",
              "SWIFTBIC": "swift", "TIN": "tax_id"}
_REG_LABEL = re.compile(r"^(SWIFT/BIC|SWIFT|BIC|BIK|INN|OGRN|KPP|TIN)\b\s*(?:number|no\.?)?\s*[:#]?\s*(.*)$",
                        re.IGNORECASE)
# Several numbers in one field: "; "-separated or enumerated "(1) ... (2) ...".
_REG_SPLIT = re.compile(r";|\(\d{1,2}\)|\n")
# Details kept in ``extra``: element -> key. Values are lists in file order without repeats.
_EXTRA_LISTS = {
    "Title": "title", "Position": "positions", "Gender": "gender", "TypeOfEntity": "entity_type",
    "ParentCompany": "parent_companies", "Subsidiary": "subsidiaries", "PhoneNumber": "phones",
    "EmailAddress": "emails", "Website": "websites", "CurrentOwnerOperator": "owner_operators",
    "PreviousOwnerOperator": "previous_owner_operators", "PreviousFlag": "previous_flags",
    "TypeOfShip": "ship_type", "TonnageOfShip": "tonnage", "LengthOfShip": "length",
    "YearBuilt": "year_built", "HullIdentificationNumber": "hull_id", "NonLatinScriptLanguage": "non_latin_languages",
}


def uk_dates(value: str | None) -> list[str]:
    """ISO prefixes for every day-first date in ``value``; ``dd``/``mm``/``00`` parts are unknown."""
    text = clean(value)
    if not text:
        return []
    out = []
    for day, month, year in _DATE.findall(text):
        if year == "0000":  # a wholly unknown date
            continue
        d = int(day) if day.isdigit() else 0
        m = int(month) if month.isdigit() else 0
        if not 1 <= m <= 12:
            out.append(year)  # an unknown month makes the day meaningless too
        elif not 1 <= d <= 31:
            out.append(f"{year}-{m:02d}")
        else:
            out.append(f"{year}-{m:02d}-{d:02d}")
    if _DATE.search(text):
        return list(dict.fromkeys(out))
    # A bare year ("1958") or a range ("1958 to 1960") is also seen in date fields of other lists.
    return iso_dates(text, day_first=True)


def _strip_namespaces(root: etree._Element) -> None:
    if not isinstance(root.tag, str) or not root.tag.startswith("{"):
        return
    for el in root.iter():
        if isinstance(el.tag, str):
            el.tag = etree.QName(el).localname


def published(root: etree._Element) -> str | None:
    _strip_namespaces(root)
    for value in (root.findtext("DateGenerated"), root.get("DateGenerated"), root.get("dateGenerated")):
        dates = uk_dates(value)
        if dates:
            return dates[0]
    return None


def parse(root: etree._Element, path: str) -> list[ListEntity]:
    _strip_namespaces(root)
    if root.tag != "Designations":
        raise ListFormatError(f"root element is <{root.tag}>, expected <Designations> (UK Sanctions List)",
                              path=path)
    return [_designation(el, path) for el in root.iterfind("Designation")]


class _Index:
    """Every element of one designation by tag, from a single walk (instead of one walk per field)."""

    def __init__(self, el: etree._Element) -> None:
        self.by_tag: dict[str, list[etree._Element]] = defaultdict(list)
        for x in el.iter():
            if isinstance(x.tag, str):
                self.by_tag[x.tag].append(x)

    def all(self, tag: str) -> list[etree._Element]:
        return self.by_tag.get(tag, [])

    def texts(self, tag: str) -> list[str]:
        found = self.by_tag.get(tag)
        return unique(x.text for x in found) if found else []

    def first(self, tag: str) -> str | None:
        found = self.texts(tag)
        return found[0] if found else None


def _designation(el: etree._Element, path: str) -> ListEntity:
    ix = _Index(el)
    uid = ix.first("UniqueID")
    if not uid:
        raise ListFormatError("UK Designation without a UniqueID", path=path, line=el.sourceline)
    name, aliases = _names(el, ix, uid, path)
    identifiers = _identifiers(ix)
    un_refs = ix.texts("UNReferenceNumber")
    identifiers.extend(Identifier(type="un_reference", value=ref) for ref in un_refs)
    schema = _schema(ix)
    addresses, address_countries = _addresses(ix)
    flags = ix.texts("CurrentBelievedFlagOfShip")
    imposed = [m for s in ix.texts("SanctionsImposed") for m in unique(s.split("|"))]
    indicators = [c.tag for ind in ix.all("SanctionsImposedIndicators") for c in ind
                  if isinstance(c.tag, str) and (c.text or "").strip().lower() == "true"]
    extra: dict[str, Any] = {
        "ofsi_group_id": ix.first("OFSIGroupID"),
        # The UN list's own id for the same party, so a UN-sourced UK entry links to ``un:<ref>``.
        "un_entities": [f"un:{ref}" for ref in un_refs],
        "designation_source": ix.first("DesignationSource"),
        "sanctions_imposed": imposed,
        "sanctions_indicators": indicators,
        "statement_of_reasons": ix.first("UKStatementofReasons"),
        "last_updated": next(iter(uk_dates(ix.first("LastUpdated"))), None),
        "individual_entity_ship": ix.first("IndividualEntityShip"),
        "flags": flags,
    }
    for tag, key in _EXTRA_LISTS.items():
        extra[key] = ix.texts(tag)
    births = [d for dob in ix.texts("DOB") for d in uk_dates(dob)]
    return ListEntity(
        id=f"uk:{uid}", source="uk", schema=schema, name=name, aliases=aliases.items,
        birth_dates=list(dict.fromkeys(births)), birth_places=_birth_places(ix),
        nationalities=countries(ix.texts("Nationality")),
        # A ship's country is its flag; addresses give the others.
        countries=countries([*address_countries, *flags]), addresses=addresses, identifiers=identifiers,
        programs=ix.texts("RegimeName"), listed_on=next(iter(uk_dates(ix.first("DateDesignated"))), None),
        remarks=ix.first("OtherInformation"), extra={k: v for k, v in extra.items() if v},
    )


def _schema(ix: _Index) -> Schema:
    kind = (ix.first("IndividualEntityShip") or "").casefold()
    if kind in _SCHEMAS:
        return _SCHEMAS[kind]
    if kind:
        return "LegalEntity"  # a new kind of designation: keep it, unclassified
    if ix.all("IndividualDetails"):
        return "Person"
    if ix.all("ShipDetails"):
        return "Vessel"
    return "Organization"


def _joined(name_el: etree._Element) -> str | None:
    parts = [clean(name_el.findtext(tag)) for tag in _NAME_PARTS]
    joined = " ".join(p for p in parts if p)
    # Tolerate a whole name in one element instead of Name1..Name6.
    return joined or clean(name_el.findtext("Name")) or clean(name_el.findtext("FullName"))


def _names(el: etree._Element, ix: _Index, uid: str, path: str) -> tuple[str, AliasList]:
    rows: list[tuple[str, str, str]] = []  # (name, name type, alias strength), file order
    for n in ix.all("Name"):
        if n.find("NameType") is None and not any(n.find(t) is not None for t in _NAME_PARTS):
            continue  # a text-only <Name> nested in a name group, not a group itself
        name = _joined(n)
        if name:
            rows.append((name, " ".join((n.findtext("NameType") or "").casefold().split()),
                         (n.findtext("AliasStrength") or "").casefold()))
    if not rows:
        raise ListFormatError(f"UK Designation {uid} has no name", path=path, line=el.sourceline)
    primary_at = next((i for i, r in enumerate(rows) if r[1].startswith("primary") and "variation" not in r[1]), 0)
    aliases = AliasList(rows[primary_at][0])
    for i, (name, _kind, strength) in enumerate(rows):
        if i == primary_at:
            continue
        # Only UN listings carry a strength; "Low quality a.k.a" is the UN's weak alias.
        quality: AliasQuality = "weak" if ("low" in strength or "weak" in strength) else "strong"
        aliases.add(name, quality, "aka")
    for script in ix.texts("NameNonLatinScript"):
        aliases.add(script, "strong", "original")
    return rows[primary_at][0], aliases


def _addresses(ix: _Index) -> tuple[list[str], list[str | None]]:
    lines, found = [], []
    for addr in ix.all("Address"):
        fields = [*(f"AddressLine{i}" for i in range(1, 7)), "AddressPostalCode", "AddressCountry"]
        line = ", ".join(unique(addr.findtext(f) for f in fields))
        if line:
            lines.append(line)
        found.append(clean(addr.findtext("AddressCountry")))
    return unique(lines), found


def _birth_places(ix: _Index) -> list[str]:
    places = []
    for details in ix.all("BirthDetails"):
        locations = list(details.iter("Location")) or [details]
        for loc in locations:
            parts = [loc.findtext(t) for t in ("TownOfBirth", "StateOfBirth", "RegionOfBirth", "CountryOfBirth")]
            places.append(", ".join(unique(parts)))
    return unique(places)


def _note_country(note: str | None) -> str | None:
    """The issuing country named in a document note ("Afghanistan passport", "Issued in Iran")."""
    if not note:
        return None
    for segment in re.split(r"[,;()]", note):
        words = " ".join(_ID_NOTE_WORDS.sub(" ", segment).split())
        # Two- and three-letter leftovers ("NA", "OI") are too often not country codes.
        code = to_iso2(words) if len(words) >= 4 else None
        if code:
            return code
    return None


def registration_numbers(text: str | None) -> list[tuple[str, str]]:
    """(type, value) for each number in a registration field: "INN: 7707083893; OGRN: 1027700132195".

    Russian designations label their numbers (INN, OGRN, KPP, BIK, SWIFT/BIC, TIN); an unlabelled
    number is a plain company registration number.
    """
    out = []
    for part in _REG_SPLIT.split(clean(text) or ""):
        part = part.strip(" .,;")
        if not part:
            continue
        m = _REG_LABEL.match(part)
        if m and m.group(2):
            out.append((_REG_TYPES[m.group(1).upper().replace("/", "")], m.group(2).strip(" .")))
        else:
            out.append(("registration", part))
    return out


def _identifiers(ix: _Index) -> list[Identifier]:
    out: list[Identifier] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, value: str | None, note: str | None = None) -> None:
        value = clean(value)
        if not value or (kind, value) in seen:
            return
        seen.add((kind, value))
        out.append(Identifier(type=kind, value=value, country=_note_country(note), note=note))

    # Number and note are siblings inside one <Passport>/<NationalIdentifier> group.
    for tag, info, kind in (("PassportNumber", "PassportAdditionalInformation", "passport"),
                            ("NationalIdentifierNumber", "NationalIdentifierAdditionalInformation",
                             "national_id")):
        for number in ix.all(tag):
            parent = number.getparent()
            add(kind, number.text, clean(parent.findtext(info)) if parent is not None else None)
    for tag in ("BusinessRegistrationNumber", "RegistrationNumber"):
        for number in ix.all(tag):
            for kind, value in registration_numbers(number.text):
                add(kind, value)
    for imo in ix.texts("IMONumber"):
        m = _IMO.search(imo)  # "IMO9562233" or "9562233"; the number is seven digits
        add("imo", m.group(0) if m else imo)
    return out
