"""Batch input and output for ``screen --input``: streamed, one output line per input row, resumable.

Input, in any text encoding the ingest decoder reads: CSV with a header (``name`` column, else the
first column; optional ``schema``, ``birth_date``, ``country``/``countries`` separated by ``;``,
``id``), JSON Lines (objects with the same keys, or plain strings), or plain text (one name per
line). Rows are read lazily, so memory stays flat however long the file.

Output: JSON Lines, exactly one line per input row, in input order. That is what makes
resuming simple and safe: after an interruption the complete lines already written say how many
rows are done; a torn last line is cut off and its row screened again. A row that cannot be
screened (no name, bad JSON, undecodable bytes, a lone surrogate, an over-long name) gets an
error line of its own and the run goes on, so a rerun resumes past it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from mistrust.errors import DocumentRejected, InputError
from mistrust.model import NameQuery, name_problem
from mistrust.model.decode import stream_encoding, western

# A line longer than this is cut to it (its name then fails the length check, its JSON fails to
# parse): reading it whole would let one row decide how much memory a streamed batch takes.
MAX_LINE_CHARS = 1 << 20
_ESCAPED = re.compile(r"[\udc80-\udcff]")  # bytes the line decoder could not read (surrogateescape)


@dataclass
class Row:
    number: int  # 1-based data row number in the input
    query: NameQuery | None
    row_id: str | None = None
    error: str | None = None  # why this row could not be screened


def _text(value: object) -> str:
    """A value as text that can be written back out (a lone surrogate becomes U+FFFD)."""
    return str(value).encode("utf-8", "replace").decode("utf-8")


def _query_from(obj: dict[str, Any], number: int, max_name_length: int) -> Row:
    name = obj.get("name")
    row_id = obj.get("id")
    rid = _text(row_id) if row_id is not None else None
    problem = name_problem(name, max_name_length)
    if problem is not None:
        return Row(number, None, rid, f"row {number}: {problem}")
    assert isinstance(name, str)  # name_problem refuses anything else
    raw_countries = obj.get("countries", obj.get("country")) or []
    if isinstance(raw_countries, str):
        raw_countries = [c for c in raw_countries.replace(",", ";").split(";")]
    identifiers = obj.get("identifiers") or []
    if isinstance(identifiers, str):
        identifiers = identifiers.split(";")
    if not isinstance(raw_countries, list) or not isinstance(identifiers, list):
        return Row(number, None, rid, f"row {number}: countries and identifiers must be text or lists of text")
    query = NameQuery(
        name=name.strip(),
        schema=_text(obj.get("schema") or "Any"),
        birth_date=_text(obj["birth_date"]) if obj.get("birth_date") else None,
        countries=[_text(c).strip().lower() for c in raw_countries if _text(c).strip()],
        identifiers=[_text(i).strip() for i in identifiers if _text(i).strip()],
    )
    return Row(number, query, rid)


def input_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return "csv"
    return "text"


def text_lines(stream: BinaryIO, source: str) -> Iterator[str]:
    """Lines of a text file, decoded as the ingest decoder decodes documents, one at a time.

    The encoding is judged on the first bytes (BOM, UTF-16, UTF-8, else cp1252/detected). In a
    UTF-8 file a line that is not UTF-8 may still be Western cp1252 text (files glued together
    from two sources); bytes nothing reads become U+FFFD, which the name check refuses,
    so a bad line costs its own row and no other. Raises InputError for a binary file.
    """
    buffered = stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type,type-var]
    try:
        encoding, bom = stream_encoding(buffered.peek(65536)[:65536], source)
    except DocumentRejected as exc:
        raise InputError(exc.message) from None
    buffered.read(bom)
    wide = encoding.startswith(("utf-16", "utf-32"))
    text = io.TextIOWrapper(buffered, encoding=encoding, newline="",  # type: ignore[arg-type]
                            errors="replace" if wide else "surrogateescape")
    try:
        yield from _decoded_lines(text, encoding)
    finally:
        text.detach()  # the caller's stream stays open (and its position readable for progress)


def _decoded_lines(text: io.TextIOWrapper, encoding: str) -> Iterator[str]:
    while True:
        line = text.readline(MAX_LINE_CHARS)
        if not line:
            return
        if len(line) == MAX_LINE_CHARS and not line.endswith(("\n", "\r")):
            rest = line
            while rest and not rest.endswith(("\n", "\r")):  # skip to the end of the over-long line
                rest = text.readline(MAX_LINE_CHARS)
        if _ESCAPED.search(line):
            # A Latin-1/cp1252 line in a UTF-8 file (two files glued together) reads as the ingest
            # decoder would read it; anything else keeps U+FFFD for its bytes, refused by the name check.
            raw = line.encode(encoding, "surrogateescape")
            line = (western(raw) if encoding == "utf-8" else None) or raw.decode(encoding, "replace")
        yield line


# One input row as read, before it is checked: its number, and its record (a CSV row as a dict
# by header, else the text of its line), or why it could not be read. Reading is cheap and must
# be sequential (the encoding, CSV quoting across lines); checking a row and building its query
# is not, so a batch run's parent reads raw rows and its workers ``parse_row`` them.
RawRow = tuple[int, dict[str, str] | str | None, str | None]


def read_rows(stream: BinaryIO, kind: str, source: str, max_name_length: int) -> Iterator[Row]:
    """Rows of a batch input, one at a time; a row that cannot be screened carries its reason."""
    for raw in raw_rows(stream, kind, source):
        yield parse_row(kind, raw, max_name_length)


def raw_rows(stream: BinaryIO, kind: str, source: str) -> Iterator[RawRow]:
    """The rows of a batch input as read (see ``RawRow``), one at a time."""
    lines = text_lines(stream, source)
    if kind == "csv":
        yield from _csv_rows(lines, source)
        return
    for number, line in enumerate(lines, start=1):
        yield number, line, None


def parse_row(kind: str, raw: RawRow, max_name_length: int) -> Row:
    """The query of one raw row, or why it cannot be screened."""
    number, record, error = raw
    if error is not None or record is None:
        return Row(number, None, None, error or f"row {number}: unreadable")
    if isinstance(record, dict):
        return _query_from(record, number, max_name_length)
    line = record.strip()
    if kind == "text":
        return _query_from({"name": line}, number, max_name_length)
    if not line:
        return Row(number, None, None, f"row {number}: empty line")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Row(number, None, None, f"row {number}: not JSON ({exc.msg})")
    except RecursionError:
        return Row(number, None, None, f"row {number}: JSON nested too deeply")
    if isinstance(obj, str):
        obj = {"name": obj}
    if not isinstance(obj, dict):
        return Row(number, None, None, f"row {number}: neither an object nor a string")
    return _query_from(obj, number, max_name_length)


def _csv_rows(lines: Iterator[str], source: str) -> Iterator[RawRow]:
    first = next(lines, "")
    if not first:
        return
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    header = [h.strip().lower() for h in next(csv.reader([first], delimiter=delimiter), [])]
    if "name" not in header:
        raise InputError(f"{source}: CSV header needs a 'name' column, found {header}")
    reader = csv.reader(lines, delimiter=delimiter)
    number = 0
    while True:
        number += 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader starts afresh on the next line
            yield number, None, f"row {number}: CSV syntax error ({exc})"
            continue
        yield number, dict(zip(header, values, strict=False)), None


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


__all__ = ["RawRow", "Row", "completed_rows", "file_size", "input_kind", "parse_row", "raw_rows", "read_rows",
           "text_lines"]
