"""The OFAC "remarks" field: semicolon-separated facts in a fixed vocabulary.

``DOB 01 Jan 1961; alt. DOB 1962; POB Tehran, Iran; nationality Iran; Passport A123 (Iran);
a.k.a. 'KIM, JIN SOK'; Linked To: TANCHON COMMERCIAL BANK.`` Weak aliases are only ever
written here, in single quotes; the XML and alt.csv carry the strong ones. The same
vocabulary appears in the XML ``idList`` (``idType`` + ``idNumber``), so both loaders use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mistrust.lists._util import clean, iso_dates
from mistrust.lists.countries import to_iso2
from mistrust.model.lists import Identifier

# OFAC label -> identifier type.
ID_TYPES: dict[str, str] = {
    "Vessel Registration Identification": "imo",
    "Business Registration Number": "registration",
    "Business Registration Document #": "registration",
    "Commercial Registry Number": "registration",
    "Public Registration Number": "registration",
    "Registration Number": "registration",
    "Registration ID": "registration",
    "Company Number": "registration",
    "UK Company Number": "registration",
    "Unified Social Credit Code (USCC)": "registration",
    "Legal Entity Number": "lei",
    "National ID No.": "national_id",
    "Identification Number": "national_id",
    "Cedula No.": "national_id",
    "C.U.R.P.": "national_id",
    "Passport": "passport",
    "Diplomatic Passport": "passport",
    "Driver's License No.": "drivers_license",
    "Tax ID No.": "tax_id",
    "R.F.C.": "tax_id",
    "V.A.T. Number": "tax_id",
    "SWIFT/BIC": "swift",
    "MMSI": "mmsi",
    "Aircraft Manufacturer's Serial Number (MSN)": "msn",
    "Aircraft Tail Number": "registration",
    "ISIN": "isin",
    "Trade License No.": "registration",
    "C.R. No.": "registration",
    "BIK (RU)": "bik",
}
# One alternation, longest labels first ("Business Registration Number" before "Registration
# Number"), instead of trying each label in turn: this runs for every remark of every entry.
_LABEL = re.compile("^(" + "|".join(re.escape(k) for k in sorted(ID_TYPES, key=len, reverse=True)) + ") (.*)$")
_ALIAS = re.compile(r"^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+'(.+)'\.?$")
_COUNTRY_SUFFIX = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*(.*)$")
_FACT = re.compile(r"^(DOB|POB|nationality|citizen|Gender|Linked To:|Website|Email Address)\s*(.*)$")
_ALIAS_KIND = {"a.k.a.": "aka", "f.k.a.": "fka", "n.k.a.": "nka"}


@dataclass
class RemarkFacts:
    birth_dates: list[str] = field(default_factory=list)
    birth_places: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    weak_aliases: list[tuple[str, str]] = field(default_factory=list)  # (name, kind)
    extra: dict[str, Any] = field(default_factory=dict)
    rest: list[str] = field(default_factory=list)


def identifier(label: str, value: str) -> Identifier | None:
    """An identifier from an OFAC label and its text, e.g. ("Passport", "A123 (Iran) expires 2020")."""
    id_type = ID_TYPES.get(label.strip().rstrip(":"))
    value = clean(value) or ""
    if id_type is None or not value:
        return None
    country, note = None, None
    m = _COUNTRY_SUFFIX.match(value)
    if m and to_iso2(m.group(2)):
        value, country, note = m.group(1), to_iso2(m.group(2)), clean(m.group(3))
    if id_type == "imo":
        value = value.removeprefix("IMO").strip()
    return Identifier(type=id_type, value=value.rstrip(".;"), country=country, note=note)


def parse_remarks(remarks: str | None) -> RemarkFacts:
    facts = RemarkFacts()
    text = clean(remarks)
    if not text:
        return facts
    for raw in text.split("; "):
        part = raw.strip()
        if part.startswith("alt. "):
            part = part[5:]
        m = _ALIAS.match(part)
        if m:
            facts.weak_aliases.append((m.group(2), _ALIAS_KIND[m.group(1)]))
            continue
        part = part.rstrip(".")
        m = _FACT.match(part)
        if m:
            key, value = m.group(1), m.group(2).strip()
            if key == "DOB":
                facts.birth_dates.extend(iso_dates(value))
            elif key == "POB":
                facts.birth_places.append(value)
            elif key in ("nationality", "citizen"):
                code = to_iso2(value)
                if code and code not in facts.nationalities:
                    facts.nationalities.append(code)
            else:
                facts.extra.setdefault(key.rstrip(":").lower().replace(" ", "_"), []).append(value)
            continue
        m = _LABEL.match(part)
        if m:
            ident = identifier(m.group(1), m.group(2))
            if ident:
                facts.identifiers.append(ident)
        else:
            facts.rest.append(part)
    return facts
