"""Local inputs: files and directories to Documents (or SkippedInputs saying why not).

Supported: ``.txt``/``.text`` plain text (the first line may be a headline),
``.html``/``.htm``/``.xhtml``, ``.jsonl`` (one record per line with ``text`` and optional
``title``, ``outlet``, ``date``, ``url``, ``authors``; the record's own ``id`` and every other
field are kept in ``Document.metadata``), RSS/Atom files (``.xml``/``.rss``/``.atom``) and
directories, walked recursively in sorted order so runs are reproducible.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mistrust.errors import DocumentRejected
from mistrust.ingest.documents import build_document
from mistrust.ingest.html import extract_html
from mistrust.model import Document, SkippedInput
from mistrust.model.decode import decode_bytes, sniff_binary

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

Result = Document | SkippedInput


def expand_paths(path: Path) -> Iterator[Path]:
    """Files under ``path`` (itself when a file), hidden files and folders left out."""
    if not path.is_dir():
        yield path
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """File contents, refusing missing, special and oversized files before reading them."""
    source = str(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise DocumentRejected(f"{source}: cannot read: {exc.strerror or exc}", source=source) from exc
    if not path.is_file():
        raise DocumentRejected(f"{source}: not a regular file", source=source)
    if stat.st_size == 0:
        raise DocumentRejected(f"{source}: empty file", source=source)
    if stat.st_size > max_bytes:
        raise DocumentRejected(
            f"{source}: too large ({stat.st_size:,} bytes > limit {max_bytes:,}; setting max_document_bytes)",
            source=source,
        )
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise DocumentRejected(f"{source}: cannot read: {exc.strerror or exc}", source=source) from exc
    if len(data) > max_bytes:  # the file grew after stat()
        raise DocumentRejected(f"{source}: too large (> {max_bytes:,} bytes)", source=source)
    return data


def read_path(path: Path, max_bytes: int) -> Iterator[Result]:
    """Documents from one file (several for JSONL); rejections come back as SkippedInput."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield SkippedInput(source, f"unsupported file type {suffix or '(none)'} "
                                   f"(expected one of {', '.join(sorted(SUPPORTED))})", "unsupported")
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(path, max_bytes)
        return
    try:
        data = read_bytes(path, max_bytes)
        if suffix in FEED_SUFFIXES:
            # Feeds are parsed (and their links fetched) by the ingest runner, which owns the network.
            raise DocumentRejected(f"{source}: feed files are handled by the feed reader", source=source)
        is_html = suffix in HTML_SUFFIXES or looks_like_html(data)
        decoded = decode_bytes(data, source, html=is_html)
        meta: dict[str, Any] = {"encoding": decoded.encoding, "encoding_method": decoded.method}
        if is_html:
            yield document_from_html(decoded.text, source=source, source_path=source, metadata=meta)
        else:
            yield build_document(decoded.text, source=source, source_path=source, metadata=meta)
    except DocumentRejected as exc:
        yield SkippedInput(source, exc.message, exc.code)


def looks_like_html(data: bytes) -> bool:
    """A saved web page with a .txt name: starts with a doctype or <html> tag."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def document_from_html(markup: str, *, source: str, url: str | None = None, source_path: str | None = None,
                       metadata: dict[str, Any] | None = None, defaults: dict[str, Any] | None = None) -> Document:
    """HTML page to Document; ``defaults`` (e.g. from a feed item) fill what the page lacks."""
    page = extract_html(markup, url=url)
    d = defaults or {}
    return build_document(
        page.text,
        source=source,
        title=page.title or d.get("title"),
        outlet=page.outlet or d.get("outlet"),
        url=url or page.url or d.get("url"),
        published=page.published or d.get("published"),
        authors=page.authors or d.get("authors"),
        source_path=source_path,
        metadata={**(metadata or {}), **page.metadata},
    )


def read_jsonl_file(path: Path, max_bytes: int) -> Iterator[Result]:
    """One Document per line, streamed: the size limit applies to each record, not to the file.

    A bad line (invalid JSON, not UTF-8, no text, too long) is skipped with its line number
    and the rest of the file is still read.
    """
    source = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield SkippedInput(source, f"{source}: cannot read: {exc.strerror or exc}", "document_rejected")
        return
    with fh:
        head = fh.read(4)
        if sniff_binary(head) or head.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield SkippedInput(source, f"{source}: not a UTF-8 JSON Lines file", "document_rejected")
            return
        fh.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
        lineno = 0
        any_line = False
        while True:
            raw = fh.readline(max_bytes + 1)
            if not raw:
                break
            lineno += 1
            where = f"{source}:{lineno}"
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass  # skip the remainder of an oversized line
                yield SkippedInput(where, f"{where}: record too large (> {max_bytes:,} bytes)", "document_rejected")
                continue
            if not raw.strip():
                continue
            any_line = True
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield SkippedInput(where, f"{where}: line is not valid UTF-8", "document_rejected")
                continue
            except json.JSONDecodeError as exc:
                yield SkippedInput(where, f"{where}: invalid JSON: {exc.msg} at column {exc.colno}",
                                   "document_rejected")
                continue
            try:
                yield document_from_record(record, where, source_path=source, max_bytes=max_bytes)
            except DocumentRejected as exc:
                yield SkippedInput(where, exc.message, exc.code)
        if not any_line:
            yield SkippedInput(source, f"{source}: empty file", "document_rejected")


def document_from_record(record: Any, where: str, source_path: str | None, max_bytes: int) -> Document:
    if not isinstance(record, dict):
        raise DocumentRejected(f"{where}: a JSONL record must be an object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DocumentRejected(f"{where}: record has no 'text'")
    if len(text.encode("utf-8", "replace")) > max_bytes:
        raise DocumentRejected(f"{where}: text too large (> {max_bytes:,} bytes)")
    metadata = {k: v for k, v in record.items() if k != "text"}
    return build_document(
        text,
        source=where,
        title=_str_or_none(record.get("title")),
        outlet=_str_or_none(record.get("outlet")),
        url=_str_or_none(record.get("url")),
        published=_str_or_none(record.get("date") or record.get("published")),
        authors=record.get("authors") or record.get("author"),
        source_path=source_path,
        metadata=metadata,
    )


def _str_or_none(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
