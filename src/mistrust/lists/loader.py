"""``load_file``: any supported list file -> ``LoadedList`` (version metadata + every entity).

Everything is parsed and checked before anything is returned, so a caller that stores
the result only ever stores complete files.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from mistrust.errors import ListFormatError
from mistrust.lists import eu_fsf, ftm_json, ofac_csv, ofac_xml, uk_xml, un_xml
from mistrust.lists.detect import FORMATS, decode_text, detect_format, sniff_text
from mistrust.lists.xml_safety import parse_xml
from mistrust.model._ids import content_id
from mistrust.model.lists import ListEntity, ListVersion, LoadedList

_FILE_DATE = re.compile(r"(20\d\d|19\d\d)-(\d\d)(?:-(\d\d))?")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_file(path: str | Path, format: str | None = None, max_name_length: int | None = None) -> LoadedList:
    """Parse one list file completely; raise ListFormatError (file, line, what) if anything is wrong.

    Names and aliases longer than ``max_name_length`` are cut to it, and the version's notes
    count them: no official list has names that long, and one such entry made every query slow.
    """
    path = Path(path)
    where = str(path)
    if not path.is_file():
        raise ListFormatError("no such file", path=where)
    try:
        loaded = _load(path, where, path.read_bytes(), format)
    except (ValueError, LookupError, TypeError, csv.Error, OSError, RecursionError) as exc:
        # The loaders check what they know to check; anything else a hostile or damaged file
        # trips in a parser is still that file's fault, said as such rather than as a traceback.
        raise ListFormatError(f"unreadable list file ({type(exc).__name__}: {exc})", path=where) from exc
    if max_name_length is not None:
        cut = cap_names(loaded.entities, max_name_length)
        if cut:
            loaded.version.notes["names_truncated"] = cut
            loaded.version.notes["name_length_limit"] = max_name_length
    return loaded


def cap_names(entities: list[ListEntity], limit: int) -> int:
    """Cut every name and alias longer than ``limit`` characters; how many were cut."""
    cut = 0
    for entity in entities:
        if len(entity.name) > limit:
            entity.name = entity.name[:limit].rstrip()
            cut += 1
        if any(len(a.name) > limit for a in entity.aliases):
            cut += sum(len(a.name) > limit for a in entity.aliases)
            entity.aliases = [replace(a, name=a.name[:limit].rstrip()) if len(a.name) > limit else a
                              for a in entity.aliases]
    return cut


def _load(path: Path, where: str, data: bytes, format: str | None) -> LoadedList:
    if format is not None and format not in FORMATS:
        raise ListFormatError(f"unknown format {format!r} (known: {', '.join(FORMATS)})", path=where)
    fmt = format or detect_format(data[:65536], where)
    if format is not None:
        sniff_text(data[:65536], where)  # an override still refuses empty/binary input
    parts = {where: sha256_bytes(data)}
    published: str | None
    if fmt == "ofac-csv":
        entities, published, list_name = _ofac_csv(path, data, parts)
    elif fmt == "ftm-json":
        entities, published = ftm_json.parse(data, where)
        list_name = ftm_json.list_name(path)
    else:
        root = parse_xml(data, where)
        parse: Callable[..., list[ListEntity]]
        if fmt == "un-xml":
            parse, published, list_name = un_xml.parse, un_xml.published(root), "un-consolidated"
        elif fmt == "ofac-xml":
            parse, published, list_name = ofac_xml.parse, ofac_xml.published(root), ofac_xml.list_name(path)
        elif fmt == "uk-xml":
            parse, published, list_name = uk_xml.parse, uk_xml.published(root), uk_xml.LIST_NAME
        elif fmt == "eu-fsf-legacy":
            parse, published, list_name = eu_fsf.parse_legacy, eu_fsf.published_legacy(root), "eu-fsf"
        else:
            parse, published, list_name = eu_fsf.parse_export, eu_fsf.published_export(root), "eu-fsf"
        entities = parse(root, where)
    if not entities:
        raise ListFormatError("the file parsed but holds no list entries; refusing to load an empty list",
                              path=where)
    sha = parts[where] if len(parts) == 1 else content_id(*sorted(parts.values()), length=64)
    seen: set[str] = set()
    for entity in entities:
        if entity.id in seen:
            raise ListFormatError(f"duplicate entry id {entity.id}", path=where)
        seen.add(entity.id)
        entity.source_file = where
        entity.source_sha256 = parts[where]
    # An FtM file may mix sources (our demo watchlist holds un: and ofac: entries).
    source = "ftm" if fmt == "ftm-json" else entities[0].id.split(":", 1)[0]
    version = ListVersion(
        id=content_id(list_name, sha), list_name=list_name, source=source, format=fmt,
        published=published or _date_from_name(path), sha256=sha, source_file=where,
        entity_count=len(entities), parts=parts,
    )
    return LoadedList(version=version, entities=entities)


def _ofac_csv(path: Path, data: bytes, parts: dict[str, str]) -> tuple[list[ListEntity], str | None, str]:
    where = str(path)
    text = decode_text(data, where)
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    width = len(next(csv.reader([first]), []))
    if width in (ofac_csv.ADD_FIELDS, ofac_csv.ALT_FIELDS):
        which = "add.csv" if width == ofac_csv.ADD_FIELDS else "alt.csv"
        raise ListFormatError(f"this looks like OFAC {which}; load the sdn.csv beside it instead", path=where)
    sdn = ofac_csv.rows(text, where, ofac_csv.SDN_FIELDS)
    extra: dict[str, list[list[str]]] = {}
    for part, companion in ofac_csv.companions(path).items():
        blob = companion.read_bytes()
        parts[str(companion)] = sha256_bytes(blob)
        width = ofac_csv.ADD_FIELDS if part == "add" else ofac_csv.ALT_FIELDS
        extra[part] = ofac_csv.rows(decode_text(blob, str(companion)), str(companion), width)
    # The legacy CSV carries no publication date; a date in the file name (scrapers, `lists update`)
    # is the best evidence available, used by the caller as a fallback.
    return ofac_csv.parse(sdn, extra.get("add"), extra.get("alt"), where), None, "ofac-sdn"


def _date_from_name(path: Path) -> str | None:
    """A date written in the file or folder name ("ofac_sdn_2024-05-03.csv", "ofac_sdn_csv_2021-07/")."""
    for name in (path.name, path.parent.name):
        m = _FILE_DATE.search(name)
        if m:
            return "-".join(g for g in m.groups() if g)
    return None
