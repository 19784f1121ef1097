"""Small synthetic list files for the hostile tests (names and numbers made up for the tests)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape


def ofac_row(ent: int, name: str, kind: str = "-0- ") -> list[str]:
    return [str(ent), f'"{name}"', kind, '"IRAN"', "-0- ", "-0- ", "-0- ", "-0- ", "-0- ", "-0- ", "-0- ", "-0- "]


def ofac_csv(path: Path, names: list[str], *, encoding: str = "utf-8", newline: str = "\r\n",
             first_id: int = 9001) -> Path:
    """An OFAC-style sdn.csv: no header, ``-0-`` nulls, the 0x1A end marker."""
    lines = [",".join(ofac_row(first_id + i, n)) for i, n in enumerate(names)]
    text = newline.join(lines) + newline
    path.write_bytes((text + "\x1a").encode(encoding))
    return path


def un_xml(path: Path, generated: str | None, names: list[str]) -> Path:
    """A UN consolidated-list file with one entity per name; ``generated`` is its dateGenerated."""
    entities = "".join(
        f"<ENTITY><DATAID>{100 + i}</DATAID><FIRST_NAME>{escape(n)}</FIRST_NAME>"
        f"<REFERENCE_NUMBER>KPe.9{i:02d}</REFERENCE_NUMBER><UN_LIST_TYPE>DPRK</UN_LIST_TYPE></ENTITY>"
        for i, n in enumerate(names))
    stamp = f' dateGenerated="{generated}T00:00:00.000Z"' if generated else ""
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<CONSOLIDATED_LIST{stamp}><INDIVIDUALS/>'
                    f"<ENTITIES>{entities}</ENTITIES></CONSOLIDATED_LIST>\n", encoding="utf-8")
    return path
