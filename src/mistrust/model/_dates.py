"""Reading the ISO dates that documents and lists carry."""

from __future__ import annotations

import re
from datetime import date

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_iso_date(value: str | None) -> date | None:
    """An ISO date or datetime prefix (``2021-02-09``, ``2021-02-09T10:00``) as a date; None if unreadable."""
    if not value:
        return None
    m = _ISO_DAY.match(value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:  # e.g. 2021-02-30
        return None
