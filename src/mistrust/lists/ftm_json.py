"""FollowTheMoney JSON lines (OpenSanctions exports, our own demo watchlist).

Each line is one FtM entity. A line that is not a JSON object with ``id`` and a known
``schema`` is refused with its line number: a download cut mid-line fails here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mistrust.errors import ListFormatError
from mistrust.lists.ftm import from_ftm
from mistrust.model.lists import ListEntity


def list_name(path: Path) -> str:
    stem = path.name
    for suffix in (".json", ".jsonl", ".ftm", ".entities"):
        stem = stem.removesuffix(suffix)
    return f"ftm:{stem}"


def records(data: bytes, path: str) -> list[dict[str, Any]]:
    from followthemoney import model  # imported on use: loading the FtM model takes ~1 s

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ListFormatError(f"not UTF-8 text (byte 0x{data[exc.start]:02x}); wrong encoding", path=path,
                              line=data.count(b"\n", 0, exc.start) + 1) from None
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ListFormatError(f"invalid JSON ({exc.msg}, column {exc.colno}): truncated or corrupt line",
                                  path=path, line=number) from None
        if not isinstance(rec, dict) or not rec.get("id") or model.get(str(rec.get("schema"))) is None:
            raise ListFormatError("not a FollowTheMoney entity (needs \"id\" and a known \"schema\")",
                                  path=path, line=number)
        out.append(rec)
    return out


def parse(data: bytes, path: str) -> tuple[list[ListEntity], str | None]:
    recs = records(data, path)
    changed = sorted(str(r.get("last_change") or r.get("last_seen") or "")[:10] for r in recs)
    return from_ftm(recs), (changed[-1] or None) if changed else None
