"""Batch input and output for ``screen --input``: streamed, one output line per input row, resumable.

Input: CSV with a header (``name`` column, else the first column; optional ``schema``,
``birth_date``, ``country``/``countries`` separated by ``;``, ``id``), JSON Lines (objects with the
same keys, or plain strings), or plain text (one name per line). Rows are read lazily, so memory
stays flat however long the file.

Output: JSON Lines, exactly one line per input row, in input order. That is what makes
resuming simple and safe: after an interruption the complete lines already written say how many
rows are done; a torn last line is cut off and its row screened again.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from mistrust.errors import InputError
from mistrust.model import NameQuery


@dataclass
class Row:
    number: int  # 1-based data row number in the input
    query: NameQuery | None
    row_id: str | None = None
    error: str | None = None  # why this row could not be screened


def _query_from(obj: dict[str, Any], number: int) -> Row:
    name = obj.get("name")
    row_id = obj.get("id")
    if not isinstance(name, str) or not name.strip():
        return Row(number, None, str(row_id) if row_id is not None else None, "row has no name")
    raw_countries = obj.get("countries", obj.get("country")) or []
    if isinstance(raw_countries, str):
        raw_countries = [c for c in raw_countries.replace(",", ";").split(";")]
    identifiers = obj.get("identifiers") or []
    if isinstance(identifiers, str):
        identifiers = identifiers.split(";")
    query = NameQuery(
        name=name.strip(),
        schema=str(obj.get("schema") or "Any"),
        birth_date=str(obj["birth_date"]) if obj.get("birth_date") else None,
        countries=[str(c).strip().lower() for c in raw_countries if str(c).strip()],
        identifiers=[str(i).strip() for i in identifiers if str(i).strip()],
    )
    return Row(number, query, str(row_id) if row_id is not None else None)


def input_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return "csv"
    return "text"


def read_rows(stream: BinaryIO, kind: str, source: str = "<input>") -> Iterator[Row]:
    """Rows of a batch input, one at a time."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    if kind == "csv":
        first = text.readline()
        if not first:
            return
        delimiter = "\t" if first.count("\t") > first.count(",") else ","
        header = [h.strip().lower() for h in next(csv.reader([first], delimiter=delimiter))]
        if "name" not in header:
            raise InputError(f"{source}: CSV header needs a 'name' column, found {header}")
        for number, values in enumerate(csv.reader(text, delimiter=delimiter), start=1):
            yield _query_from(dict(zip(header, values, strict=False)), number)
        return
    for number, line in enumerate(text, start=1):
        line = line.strip()
        if kind == "text":
            yield _query_from({"name": line}, number)
            continue
        if not line:
            yield Row(number, None, None, "empty line")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Row(number, None, None, f"line {number} is not JSON: {exc.msg}")
            continue
        if isinstance(obj, str):
            obj = {"name": obj}
        if not isinstance(obj, dict):
            yield Row(number, None, None, f"line {number} is neither an object nor a string")
            continue
        yield _query_from(obj, number)


def completed_rows(output: Path) -> int:
    """Rows already screened in ``output``; a torn last line (no newline) is cut off."""
    if not output.exists():
        return 0
    done = 0
    last_good = 0
    with output.open("rb") as fh:
        pos = 0
        for line in fh:
            pos += len(line)
            if line.endswith(b"\n"):
                done += 1
                last_good = pos
    if last_good != output.stat().st_size:
        with output.open("r+b") as fh:
            fh.truncate(last_good)
    return done


def file_size(path: Path) -> int:
    return os.stat(path).st_size


__all__ = ["Row", "completed_rows", "file_size", "input_kind", "read_rows"]
