"""OFAC SDN legacy CSV: ``sdn.csv`` alone, or with ``add.csv`` and ``alt.csv`` beside it.

Format quirks: no header row, CRLF line ends, ``-0-`` (often ``-0- `` with a trailing space)
for empty fields, and one 0x1A (DOS end-of-file) byte after the last row. That byte is
our completeness check: a half-downloaded file lacks it, or ends in a partial row.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from pathlib import Path

from mistrust.errors import ListFormatError
from mistrust.lists._util import AliasList, clean, unique
from mistrust.lists.countries import countries
from mistrust.lists.ofac_remarks import parse_remarks
from mistrust.model.lists import ListEntity

SDN_FIELDS = 12  # ent_num, name, type, programs, title, call_sign, vess_type, tonnage, grt, flag, owner, remarks
ADD_FIELDS = 6  # ent_num, add_num, address, city/state/postal, country, remarks
ALT_FIELDS = 5  # ent_num, alt_num, alt_type, alt_name, remarks
_SCHEMA = {"individual": "Person", "vessel": "Vessel", "aircraft": "Aircraft"}
_ALT_KIND = {"aka": "aka", "fka": "fka", "nka": "nka"}


def companions(path: Path) -> dict[str, Path]:
    """add.csv / alt.csv beside an sdn.csv (same name with "sdn" replaced), when present."""
    found = {}
    name = path.name
    if "sdn" in name.lower():
        i = name.lower().index("sdn")
        for part in ("add", "alt"):
            candidate = path.with_name(name[:i] + (part.upper() if name[i:i + 3].isupper() else part) + name[i + 3:])
            if candidate.exists() and candidate != path:
                found[part] = candidate
    return found


def rows(text: str, path: str, width: int) -> list[list[str]]:
    """Every row of one OFAC CSV file (decoded text), checked for completeness and shape."""
    # Line ends as saved by any editor (CRLF as published, LF, or CR alone) all read as one.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    body = text.rstrip("\n \t")
    if not body.endswith("\x1a"):
        raise ListFormatError("no end-of-file marker (0x1A) after the last row: the file looks truncated",
                              path=path, line=text.count("\n") + 1)
    text = body[:-1]
    if text and not text.endswith("\n"):
        raise ListFormatError("last row is not terminated by a line end: the file looks truncated", path=path,
                              line=text.count("\n") + 1)
    out = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for row in reader:
            if not row:
                continue
            if len(row) != width or not row[0].strip().isdigit():
                raise ListFormatError(f"expected {width} fields starting with a numeric id, found {len(row)}: "
                                      f"{','.join(row)[:80]!r} (partial or corrupt row)", path=path,
                                      line=reader.line_num)
            out.append(row)
    except csv.Error as exc:
        raise ListFormatError(f"CSV syntax error: {exc}", path=path, line=reader.line_num) from None
    if not out:
        raise ListFormatError("no rows", path=path)
    return out


def parse(sdn: list[list[str]], add: list[list[str]] | None, alt: list[list[str]] | None,
          path: str) -> list[ListEntity]:
    addresses: dict[str, list[list[str]]] = defaultdict(list)
    for row in add or []:
        addresses[row[0].strip()].append(row)
    alt_names: dict[str, list[list[str]]] = defaultdict(list)
    for row in alt or []:
        alt_names[row[0].strip()].append(row)
    known = set()
    out = []
    for row in sdn:
        ent = row[0].strip()
        if ent in known:
            raise ListFormatError(f"duplicate ent_num {ent}", path=path)
        known.add(ent)
        out.append(_entity(row, addresses.get(ent, []), alt_names.get(ent, [])))
    orphans = (set(addresses) | set(alt_names)) - known
    if orphans:
        # A consistent triple never refers to a missing entry; mixing files from two dates does.
        raise ListFormatError(f"add.csv/alt.csv refer to {len(orphans)} ent_num(s) missing from sdn.csv "
                              f"(e.g. {sorted(orphans)[0]}): files from different dates?", path=path)
    return out


def _entity(row: list[str], adds: list[list[str]], alts: list[list[str]]) -> ListEntity:
    ent, name = row[0].strip(), clean(row[1]) or ""
    sdn_type = (clean(row[2]) or "").lower()
    facts = parse_remarks(row[11])
    aliases = AliasList(name)
    for alt in alts:
        # alt.csv holds OFAC's strong a.k.a.s; keep each row (no dedupe) so counts match the file.
        aliases.add(alt[3], "strong", _ALT_KIND.get((clean(alt[2]) or "aka").lower(), "aka"), dedupe=False)
    for alias, kind in facts.weak_aliases:
        aliases.add(alias, "weak", kind)
    addr_lines, addr_countries = [], []
    for add in adds:
        parts = [clean(add[2]), clean(add[3]), clean(add[4])]
        line = ", ".join(p for p in parts if p)
        if line:
            addr_lines.append(line)
        addr_countries.append(clean(add[4]))
    extra = dict(facts.extra)
    for key, index in (("title", 4), ("call_sign", 5), ("vessel_type", 6), ("tonnage", 7), ("grt", 8),
                       ("vessel_owner", 10)):
        value = clean(row[index])
        if value:
            extra[key] = value
    flag = clean(row[9])
    if flag:
        extra["vessel_flag"] = flag
        addr_countries.append(flag)
    programs = [p.strip(" []") for p in (clean(row[3]) or "").split("] [") if p.strip(" []")]
    return ListEntity(
        id=f"ofac:{ent}", source="ofac", schema=_SCHEMA.get(sdn_type, "Organization"),  # type: ignore[arg-type]
        name=name, aliases=aliases.items, birth_dates=list(dict.fromkeys(facts.birth_dates)),
        birth_places=unique(list(facts.birth_places)), nationalities=facts.nationalities,
        countries=countries(addr_countries), addresses=unique(addr_lines), identifiers=facts.identifiers,
        programs=programs, remarks=clean(row[11]), extra=extra,
    )
