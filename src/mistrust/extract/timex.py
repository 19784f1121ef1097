"""Event-time expressions: "in 2020", "March 2016", "last year", "on Tuesday".

Event time is what a claim is *about* ("resumed cooperation in 2020"), kept apart from the
publication date of the report. We normalise to the precision the text gives (``2020``,
``2016-03``, ``2021-02-09``); relative expressions ("last year", "this month") need a reference
date (normally the publication date) and are returned as written when none is given.

This is a regex pass over a span of text (linear in its length); no parse is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from mistrust.model._dates import parse_iso_date

EXTRACTOR = "timex-v1"

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
             r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_YEAR_RE = r"(?:19[5-9]\d|20\d\d)"

# Ordered from most to least specific: the first pattern that matches at a position wins.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>" + _YEAR_RE + r")-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("mdy", re.compile(r"\b(?P<mon>" + _MONTH_RE + r")\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>"
                       + _YEAR_RE + r")\b")),
    ("dmy", re.compile(r"\b(?P<d>[0-3]?\d)\s+(?P<mon>" + _MONTH_RE + r")\s+(?P<y>" + _YEAR_RE + r")\b")),
    ("my", re.compile(r"\b(?P<mon>" + _MONTH_RE + r"),?\s+(?:of\s+)?(?P<y>" + _YEAR_RE + r")\b")),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<y>(?:19[5-9]|20[0-3])0)s\b")),
    ("year", re.compile(r"\b(?:in|since|during|by|from|until|of|early|late|mid-?|throughout|year)\s+"
                        r"(?:(?:early|late|mid-?)\s*)?(?P<y>" + _YEAR_RE + r")\b", re.I)),
    ("relyear", re.compile(r"\b(?P<rel>last|this|next|previous|past)\s+(?P<unit>year|month|week)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                       r"(?P<unit>years?|months?|weeks?|days?)\s+ago\b", re.I)),
    ("rel_day", re.compile(r"\b(?P<rel>yesterday|today|last\s+night)\b", re.I)),
    ("weekday", re.compile(r"\b(?:on|last|this)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
                           r"|Sunday)\b")),
    ("month", re.compile(r"\b(?:in|since|during|until|last|this)\s+(?P<mon>January|February|March|April|June"
                         r"|July|August|September|October|November|December)\b")),
    ("bareyear", re.compile(r"(?<![\d.,$£€-])\b(?P<y>" + _YEAR_RE + r")\b(?![\d.,]\d|%|-\d)")),
]

_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}


@dataclass(frozen=True)
class TimeExpression:
    text: str
    start: int  # character offsets relative to the text passed in
    end: int
    value: str  # normalised ("2020", "2016-03", "2021-02-09") or the text as written
    kind: str


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _normalise(kind: str, m: re.Match[str], ref: date | None) -> str | None:
    g = m.groupdict()
    if kind in {"iso", "mdy", "dmy"}:
        month = int(g["m"]) if kind == "iso" else _month(g["mon"])
        return f"{int(g['y']):04d}-{month:02d}-{int(g['d']):02d}"
    if kind == "my":
        return f"{int(g['y']):04d}-{_month(g['mon']):02d}"
    if kind in {"year", "bareyear"}:
        return g["y"]
    if kind == "decade":
        return f"{g['y'][:3]}X"
    if ref is None:
        return None
    if kind == "relyear":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[rel]
        if unit == "year":
            return str(ref.year + step)
        if unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 + step, 12)
            return f"{y:04d}-{mo + 1:02d}"
        d = ref + timedelta(weeks=step)
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else _NUMBERS[g["n"].lower()]
        unit = g["unit"].lower().rstrip("s")
        if unit == "year":
            return str(ref.year - n)
        if unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 - n, 12)
            return f"{y:04d}-{mo + 1:02d}"
        days = n * (7 if unit == "week" else 1)
        return (ref - timedelta(days=days)).isoformat()
    if kind == "rel_day":
        rel = g["rel"].lower()
        return (ref if rel == "today" else ref - timedelta(days=1)).isoformat()
    if kind == "weekday":
        # News usage: "on Tuesday" is the most recent such day up to the reference date.
        back = (ref.weekday() - WEEKDAYS.index(g["wd"].lower())) % 7
        return (ref - timedelta(days=back)).isoformat()
    if kind == "month":
        mo = _month(g["mon"])
        # A bare month name refers to the latest such month not after the reference date.
        year = ref.year if mo <= ref.month else ref.year - 1
        return f"{year:04d}-{mo:02d}"
    return None


def parse_reference(value: str | date | None) -> date | None:
    """A reference date from an ISO string (``2021-02-09``, ``2021-02-09T10:00``) or a date."""
    if value is None or isinstance(value, date):
        return value
    return parse_iso_date(value)


def find_times(text: str, reference: str | date | None = None) -> list[TimeExpression]:
    """All time expressions in ``text``, left to right, without overlaps (most specific wins)."""
    ref = parse_reference(reference)
    taken: list[tuple[int, int]] = []
    found: list[TimeExpression] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            value = _normalise(kind, m, ref)
            taken.append((start, end))
            found.append(TimeExpression(m.group(0), start, end, value or m.group(0), kind))
    found.sort(key=lambda t: t.start)
    return found


def event_time(text: str, reference: str | date | None = None) -> str | None:
    """The event time of a clause: the most specific absolute expression, else the first one.

    Relative expressions are only returned normalised (when a reference date is given), so a
    claim never carries "last year" as if it were a date.
    """
    times = find_times(text, reference)
    if not times:
        return None
    rank = {"iso": 0, "mdy": 0, "dmy": 0, "my": 1, "year": 2, "decade": 4, "bareyear": 3}
    absolute = [t for t in times if t.kind in rank]
    if absolute:
        return min(absolute, key=lambda t: (rank[t.kind], t.start)).value
    resolved = [t for t in times if t.value != t.text]
    return resolved[0].value if resolved else None
