"""RSS and Atom feeds (feedparser): one FeedItem per entry, with its own content when it has
enough of it; otherwise the runner fetches the item's link."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

from mistrust.errors import DocumentRejected

# Feeds often carry a one-paragraph teaser; below this many characters of text the item's
# link is fetched for the full article.
MIN_FULL_CONTENT_CHARS = 600

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}


@dataclass
class FeedItem:
    title: str | None
    link: str | None
    published: str | None
    authors: list[str] = field(default_factory=list)
    content_html: str | None = None  # the entry's full content or summary, when present
    has_full_content: bool = False
    outlet: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    if content_type in FEED_TYPES:
        return True
    head = data[:2048].lstrip()
    return bool(_FEED_ROOT.search(head)) and not head.lower().startswith((b"<!doctype html", b"<html"))


def parse_feed(data: bytes, source: str) -> list[FeedItem]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f": {parsed.bozo_exception}" if parsed.get("bozo") and parsed.get("bozo_exception") else ""
        raise DocumentRejected(f"{source}: not an RSS/Atom feed or no entries{reason}", source=source)
    outlet = parsed.feed.get("title") or None
    items = []
    for entry in parsed.entries:
        content = _entry_content(entry)
        text_len = len(re.sub(r"<[^>]+>", " ", content or "").strip())
        authors = [a.get("name", "") for a in entry.get("authors", []) if a.get("name")]
        if not authors and entry.get("author"):
            authors = [entry["author"]]
        items.append(FeedItem(
            title=entry.get("title") or None,
            link=entry.get("link") or None,
            published=_iso_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            authors=authors,
            content_html=content,
            has_full_content=text_len >= MIN_FULL_CONTENT_CHARS,
            outlet=outlet,
            metadata={k: entry[k] for k in ("id", "guid") if entry.get(k)} | {"feed": source},
        ))
    return items


def _entry_content(entry: Any) -> str | None:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    if values:
        return max(values, key=len)
    return entry.get("summary") or None


def _iso_date(struct: Any) -> str | None:
    if not struct:
        return None
    try:
        return time.strftime("%Y-%m-%d", struct)
    except (TypeError, ValueError):
        return None
