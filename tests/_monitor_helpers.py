"""Small UN-format lists written for the monitoring tests (made-up names, not the shared data).

Version 1 lists one company; version 2, published later, adds a person and a second company, so a
re-screen after loading it finds new hits for a watched name and for a batch row.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

V1_DATE = "2026-10-31"
V2_DATE = "2026-11-30"
LIST_NAME = "un-consolidated"

COMPANY = ("KPe.951", "BLUE HARBOR SHIPPING COMPANY")
PERSON = ("KPi.952", "Ardent Velmor Quistrand")  # added in version 2; the watched name
COMPANY_2 = ("KPe.953", "NORTHERN LANTERN TRADING CORPORATION")  # added in version 2; a batch row

V1 = [("Organization", *COMPANY)]
V2 = [*V1, ("Person", *PERSON), ("Organization", *COMPANY_2)]

# An article on the company listed in version 1 (for the listed-entity alert).
ARTICLE = ("Ships of the Blue Harbor Shipping Company were seen unloading crates at a northern port last "
           "week, according to a regional monitoring group. The Blue Harbor Shipping Company did not "
           "answer questions about the cargo.\n")
# An article naming the watched person (for the watched-name alert).
WATCHED_ARTICLE = ("Investigators said Ardent Velmor Quistrand arranged the payments through a chain of "
                   "front companies. Quistrand has denied any wrongdoing.\n")


def _entry(schema: str, ref: str, name: str) -> str:
    tag = "INDIVIDUAL" if schema == "Person" else "ENTITY"
    parts = name.split(" ", 1) if schema == "Person" else [name]
    names = "".join(f"<{t}>{escape(p)}</{t}>" for t, p in zip(("FIRST_NAME", "SECOND_NAME"), parts, strict=False))
    return (f"<{tag}><DATAID>{ref}</DATAID>{names}<UN_LIST_TYPE>DPRK</UN_LIST_TYPE>"
            f"<REFERENCE_NUMBER>{ref}</REFERENCE_NUMBER><LISTED_ON>2026-01-01</LISTED_ON></{tag}>")


def write_un(path: Path, published: str, entries: list[tuple[str, str, str]]) -> Path:
    """A UN consolidated list XML with ``entries`` (schema, reference, name), dated ``published``."""
    people = "".join(_entry(*e) for e in entries if e[0] == "Person")
    orgs = "".join(_entry(*e) for e in entries if e[0] != "Person")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST dateGenerated="{published}T00:00:00Z">'
                    f"<INDIVIDUALS>{people}</INDIVIDUALS><ENTITIES>{orgs}</ENTITIES></CONSOLIDATED_LIST>\n",
                    encoding="utf-8")
    return path


def lists(folder: Path) -> tuple[Path, Path]:
    """(version 1, version 2) written under ``folder``."""
    return (write_un(folder / "un-v1.xml", V1_DATE, V1), write_un(folder / "un-v2.xml", V2_DATE, V2))
