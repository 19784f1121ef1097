"""The publication date a plain text gives about itself.

A ``.txt`` file has no metadata fields: what a reader goes by is printed near the top of the page.
Three general forms are read, and only among the first lines (a date further down is a date in
the story, not the date of the story):

* a labelled line: ``Published: 9 February 2021``, ``Posted on Feb. 9, 2021``, ``Date: 2021-02-09``
  (``Updated ...`` only when nothing says when it was first published);
* a line that is nothing but a date and time: ``Tuesday, February 9, 2021 10:32 AM EST``;
* a dateline opening the first paragraph: a place in capitals or title case, a comma, the date,
  then a dash or an agency in brackets (``VIENNA, March 3, 2019 — ...``).

A date inside a sentence ("On March 3, 2019, officials seized ...") is not one of them.
"""

from __future__ import annotations

import re
from datetime import date

from mistrust.ingest.clean import is_date_line

TOP_LINES = 8  # non-empty lines looked at
LABEL_MAX_WORDS = 16

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
           "nov": 11, "dec": 12}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?" \
         r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATES = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_YEAR}-(?P<month>\d\d)-(?P<day>\d\d)\b"),
)
_LABEL = re.compile(r"^(?:first\s+)?(?P<label>published|posted|updated|last\s+updated|dated?)\b(?:\s+on)?\s*[:\-–—]?",
                    re.IGNORECASE)
# "VIENNA, March 3, 2019 —" / "Seoul, 4 May 2020 (Reuters) -": a place, a comma, then the date
_PLACE = r"^[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3},\s+"
_AFTER_DATELINE = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?[-–—:]")


def find_date(text: str) -> str | None:
    """The first date written in ``text`` as ISO ``YYYY-MM-DD``; None if there is none (or it is no real day)."""
    found = [m for pattern in _DATES if (m := pattern.search(text))]
    for m in sorted(found, key=lambda m: m.start()):
        month = m.group("month")
        number = int(month) if month.isdigit() else _MONTHS[month[:3].lower()]
        try:
            return date(int(m.group("year")), number, int(m.group("day"))).isoformat()
        except ValueError:  # 30 February, month 13
            continue
    return None


def text_date(text: str) -> str | None:
    """The publication date printed near the top of a plain text, as ISO; None when it has none."""
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    top = [line for line in lines if line][:TOP_LINES]
    updated = None
    for line in top:
        label = _LABEL.match(line)
        if label and len(line.split()) <= LABEL_MAX_WORDS:
            found = find_date(line[label.end():])
            if found and "updated" in label.group("label").lower():
                updated = updated or found
            elif found:
                return found
        elif is_date_line(line) or _dateline(line):
            found = find_date(line)
            if found:
                return found
    return updated


def _dateline(line: str) -> bool:
    """A paragraph opening with a dateline: place, comma, date, then a dash (or an agency and a dash)."""
    place = re.match(_PLACE, line)
    if place is None:
        return False
    rest = line[place.end():]
    for pattern in _DATES:
        m = pattern.match(rest)
        if m is not None:
            return _AFTER_DATELINE.match(rest[m.end():]) is not None
    return False


__all__ = ["find_date", "text_date"]
