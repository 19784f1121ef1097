"""Small helpers shared by the loaders: whitespace, dates as ISO prefixes, alias lists, XML names."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from mistrust.model.lists import Alias, AliasQuality

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_ISO = re.compile(r"\b(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\b")
_DMY = re.compile(r"\b(?:(\d{1,2})\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\b")
_SLASH = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_RANGE = re.compile(r"\b(\d{4})\s*(?:to|-|–)\s*(\d{4})\b")


def clean(value: str | None) -> str | None:
    """Collapse whitespace; empty and OFAC's ``-0-`` null become None."""
    if not value:
        return None
    text = value.strip()
    if not text or text == "-0-":
        return None
    # Fast path: most values have no inner runs of whitespace (this runs ~500,000 times per OFAC file).
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        text = " ".join(text.split())
    return text


def iso_dates(value: str | None, *, day_first: bool = False) -> list[str]:
    """Every date in a free-text date field, as ISO prefixes ("1961", "1961-01", "1961-01-01").

    Ranges ("1960 to 1962") become each year, since a birth year range means "one of these".
    Slash dates are month-first for OFAC ("04/06/2018") and day-first for the EU legacy file.
    """
    text = clean(value)
    if not text:
        return []
    out: list[str] = []
    m = _RANGE.search(text)
    if m and not _ISO.fullmatch(text):
        lo, hi = int(m.group(1)), int(m.group(2))
        if 0 < hi - lo <= 15:
            return [str(y) for y in range(lo, hi + 1)]
    for m in _DMY.finditer(text):
        month = _MONTHS.get(m.group(2).lower())
        if month:
            out.append(f"{m.group(3)}-{month:02d}" + (f"-{int(m.group(1)):02d}" if m.group(1) else ""))
    for m in _SLASH.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        day, month = (a, b) if day_first else (b, a)
        out.append(f"{m.group(3)}-{month:02d}-{day:02d}")
    if not out:
        for m in _ISO.finditer(text):
            out.append("-".join(g for g in m.groups() if g))
    return list(dict.fromkeys(out))


class AliasList:
    """Aliases in file order without repeating a name (or the primary name) twice."""

    def __init__(self, primary: str) -> None:
        self.items: list[Alias] = []
        self._seen = {primary.casefold()}

    def add(self, name: str | None, quality: AliasQuality = "strong", kind: str = "aka",
            dedupe: bool = True) -> None:
        name = clean(name)
        if name and len(name) > 2 and name[0] == name[-1] == '"':
            name = clean(name[1:-1])  # UN writes some acronyms quoted: "KOMID"
        if not name:
            return
        key = name.casefold()
        if dedupe and key in self._seen:
            return
        self._seen.add(key)
        self.items.append(Alias(name=name, quality=quality, kind=kind))


def unique(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in (clean(x) for x in values) if v))


def local_name(el: etree._Element) -> str:
    """An element's tag without its namespace (OFAC and the EU each ship two namespaces)."""
    return etree.QName(el).localname


def children(el: etree._Element, name: str) -> list[etree._Element]:
    """Direct child elements named ``name`` in any namespace; comments and processing instructions skipped."""
    return [c for c in el if isinstance(c.tag, str) and local_name(c) == name]
