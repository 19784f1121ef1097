"""The ingest runner: sources (paths, directories, URLs, feeds) to Documents and SkippedInputs.

``plan`` expands the sources into work items first (a directory into its files) so a caller
can show progress; ``read`` turns one item into results. Nothing here raises for a bad
input: every rejection becomes a SkippedInput with the reason, so one bad file never stops
a batch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx

from mistrust.errors import DocumentRejected, FetchError, MistrustError, UnsafeURLError
from mistrust.ingest.documents import build_document
from mistrust.ingest.feeds import FeedItem, looks_like_feed, parse_feed
from mistrust.ingest.fetch import Fetched, Fetcher, Resolver
from mistrust.ingest.readers import FEED_SUFFIXES, document_from_html, expand_paths, read_bytes, read_path
from mistrust.model import Document, SkippedInput
from mistrust.model.decode import decode_bytes
from mistrust.settings import Settings

Result = Document | SkippedInput
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def is_url(source: str) -> bool:
    return bool(_URL.match(source))


class Ingestor:
    def __init__(self, settings: Settings, allow_private: bool = False,
                 transport: httpx.BaseTransport | None = None, resolver: Resolver | None = None) -> None:
        self.settings = settings
        self.max_bytes = settings.max_document_bytes
        self.fetcher = Fetcher(settings, allow_private=allow_private, transport=transport, resolver=resolver)

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.fetcher.close()

    def plan(self, sources: Iterable[str | Path]) -> list[str]:
        items: list[str] = []
        for source in sources:
            raw = str(source)
            if is_url(raw):
                items.append(raw)
            else:
                items.extend(str(p) for p in expand_paths(Path(raw)))
        return items

    def read(self, item: str) -> Iterator[Result]:
        if is_url(item):
            yield from self._read_url(item)
        elif Path(item).suffix.lower() in FEED_SUFFIXES:
            yield from self._read_feed_file(item)
        else:
            yield from read_path(Path(item), self.max_bytes)

    # --- URLs and feeds ------------------------------------------------------------------

    def _read_url(self, url: str) -> Iterator[Result]:
        try:
            fetched = self.fetcher.fetch(url)
        except MistrustError as exc:
            yield SkippedInput(url, exc.message, exc.code)
            return
        if looks_like_feed(fetched.body, fetched.content_type):
            yield from self._read_feed(fetched.body, url)
            return
        try:
            yield self._document_from_fetched(fetched, source=url)
        except DocumentRejected as exc:
            yield SkippedInput(url, exc.message, exc.code)

    def _document_from_fetched(self, fetched: Fetched, source: str, defaults: dict[str, Any] | None = None,
                               extra: dict[str, Any] | None = None) -> Document:
        is_html = fetched.content_type in _HTML_TYPES or (
            not fetched.content_type and fetched.body[:1024].lstrip().lower().startswith((b"<!doctype html", b"<html"))
        )
        decoded = decode_bytes(fetched.body, source, declared=fetched.charset, html=is_html)
        meta: dict[str, Any] = {**(extra or {}), "encoding": decoded.encoding, "encoding_method": decoded.method,
                                "content_type": fetched.content_type}
        if fetched.redirects:
            meta["redirects"] = fetched.redirects
        if is_html:
            return document_from_html(decoded.text, source=source, url=fetched.url, metadata=meta, defaults=defaults)
        d = defaults or {}
        return build_document(decoded.text, source=source, url=fetched.url, title=d.get("title"),
                              outlet=d.get("outlet"), published=d.get("published"), authors=d.get("authors"),
                              metadata=meta)

    def _read_feed_file(self, item: str) -> Iterator[Result]:
        try:
            data = read_bytes(Path(item), self.max_bytes)
        except DocumentRejected as exc:
            yield SkippedInput(item, exc.message, exc.code)
            return
        yield from self._read_feed(data, item)

    def _read_feed(self, data: bytes, source: str) -> Iterator[Result]:
        try:
            items = parse_feed(data, source)
        except DocumentRejected as exc:
            yield SkippedInput(source, exc.message, exc.code)
            return
        for n, item in enumerate(items, start=1):
            where = item.link or f"{source}#item{n}"
            try:
                yield self._feed_item(item, where)
            except MistrustError as exc:
                yield SkippedInput(where, exc.message, exc.code)

    def _feed_item(self, item: FeedItem, where: str) -> Document:
        defaults = {"title": item.title, "outlet": item.outlet, "published": item.published,
                    "authors": item.authors, "url": item.link}
        meta = {**item.metadata, "via": "feed"}
        fetch_error: MistrustError | None = None
        if item.link and not item.has_full_content:
            try:
                fetched = self.fetcher.fetch(item.link)
                return self._document_from_fetched(fetched, source=where, defaults=defaults, extra=meta)
            except UnsafeURLError:
                raise  # a feed pointing at an internal address is refused, not silently summarised
            except (FetchError, DocumentRejected) as exc:
                fetch_error = exc  # fall back to the feed's own text below
        if item.content_html:
            if fetch_error is not None:
                meta["fetch_error"] = fetch_error.message
            return document_from_html(item.content_html, source=where, url=item.link, metadata=meta,
                                      defaults=defaults)
        if fetch_error is not None:
            raise fetch_error
        raise DocumentRejected(f"{where}: feed item has neither content nor a link", source=where)
