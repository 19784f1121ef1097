"""Building a Document: clean the text, fill metadata, give it a deterministic id.

The id is a content hash of the cleaned text together with where it was published
(outlet and URL). Hashing the cleaned text (not the raw bytes) means re-ingesting the same
report, or the same report with different page furniture, changes nothing; adding outlet and
URL keeps two outlets running the same wire copy as two documents, because corroboration
needs to see that the copy appeared twice.
"""

from __future__ import annotations

import re
from typing import Any

from mistrust.errors import DocumentRejected
from mistrust.ingest.clean import CLEANER_VERSION, clean_text
from mistrust.ingest.textdate import text_date
from mistrust.model import Document
from mistrust.model._ids import content_id

_AUTHOR_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&)\s*")


def document_id(text: str, outlet: str | None, url: str | None) -> str:
    return content_id("document", outlet or "", url or "", text)


def split_authors(raw: Any) -> list[str]:
    """Authors as a list, from a list or a "A, B and C" string."""
    if raw is None:
        return []
    if isinstance(raw, list | tuple):
        return [str(a).strip() for a in raw if str(a).strip()]
    return [a for a in _AUTHOR_SPLIT.split(str(raw).strip()) if a]


def build_document(
    text: str,
    *,
    source: str,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    authors: Any = None,
    source_path: str | None = None,
    metadata: dict[str, Any] | None = None,
    removed: list[str] | None = None,
) -> Document:
    """Clean ``text`` and wrap it in a Document; DocumentRejected when nothing is left."""
    cleaned = clean_text(text, known_title=title.strip() if title else None)
    if not cleaned.text.strip():
        raise DocumentRejected(f"{source}: no text left after cleaning", source=source)
    meta = dict(metadata or {})
    meta.setdefault("cleaner", CLEANER_VERSION)
    if cleaned.reasons:
        meta["removed_reasons"] = cleaned.reasons
    title = (title or "").strip() or cleaned.title
    outlet = (outlet or "").strip() or None
    url = (url or "").strip() or None
    published = (published or "").strip() or None
    if published is None:
        # read from the original text: the cleaner drops date lines as furniture
        published = text_date(text)
        if published is not None:
            meta["published_from"] = "text"
    return Document(
        id=document_id(cleaned.text, outlet, url),
        text=cleaned.text,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        authors=split_authors(authors),
        source_path=source_path,
        metadata=meta,
        removed=[*(removed or []), *cleaned.removed],
    )
